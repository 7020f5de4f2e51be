/**
 * What a review screen shows when it cannot open: the reason, in full, and Esc back to the desk.
 * A review or an amendment on a store that cannot be written is refused here, before any typing:
 * nothing typed could be saved as a draft or signed, and the work would be lost at the end.
 */
import React from 'react';
import {Box, Text} from 'ink';
import type {ReviewScreenBaseProps} from './screen-props.js';
import {useReviewKeys} from './use-review-keys.js';
import {wrapIndented} from './wrap-lines.js';
import {tint, useTheme} from '../theme.js';
import {safeText} from '../../domain/safe-text.js';

export interface ClosedScreenProps extends Pick<ReviewScreenBaseProps, 'width' | 'rows' | 'isActive' | 'keys' | 'color' | 'onExit'> {
	message: string;
}

export function ClosedScreen({message, width, rows, isActive = true, keys, color = true, onExit}: ClosedScreenProps): React.JSX.Element {
	const theme = useTheme();
	useReviewKeys(
		(input, key) => {
			if (key.escape || (input === 'q' && !key.ctrl)) onExit();
		},
		isActive,
		keys,
	);
	// The reason can quote a path or an error message: made safe like store text.
	const lines = [...wrapIndented(safeText(message), width), 'Esc returns to the desk.'];
	return (
		<Box flexDirection="column">
			{lines.slice(0, Math.max(1, rows)).map((l, i) => (
				<Text
					key={i}
					wrap="truncate"
					bold={i === 0}
					color={i === 0 && message.startsWith('READ-ONLY') ? tint({...theme, color}, 'warning') : undefined}
				>
					{l}
				</Text>
			))}
		</Box>
	);
}
