/**
 * A bordered pane with a title line. The focused pane says so in words ("[focus]") and with a double
 * border, so focus is visible without colour; a screen reader hears "PROBLEMS, 3 problems (focused)"
 * (README "Screen readers").
 */
import React from 'react';
import {Box, useIsScreenReaderEnabled} from 'ink';
import {tint, useTheme} from '../theme.js';
import {truncate} from '../text.js';
import {LineText} from '../list/line-text.js';

export interface PaneProps {
	title: string;
	/** Short text after the title (counts, filter state). */
	detail?: string;
	focused: boolean;
	width: number;
	height: number;
	children?: React.ReactNode;
}

export function Pane({title, detail, focused, width, height, children}: PaneProps): React.JSX.Element {
	const theme = useTheme();
	const reader = useIsScreenReaderEnabled();
	const inner = Math.max(1, width - 2);
	const head = `${focused ? '» ' : ''}${title}${detail ? `  ${detail}` : ''}${focused ? '  [focus]' : ''}`;
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle={focused ? 'double' : 'single'}
			borderColor={focused ? tint(theme, 'focus') : undefined}
			flexShrink={0}
			// Clipped top to bottom only: every line in a pane is already cut to its width (Text wrap, text.ts
			// fit), and Ink's sideways clip re-measured and re-sliced each line of every frame, about a sixth
			// of an explorer key press's time (issue 18's key-to-frame).
			overflowY="hidden"
		>
			<LineText
				bold
				line={truncate(head, inner)}
				ariaLabel={
					reader ? `${title}${detail ? `, ${detail.trim().replace(/ {2,}/g, ' ')}` : ''}${focused ? ' (focused)' : ''}` : undefined
				}
			/>
			{children}
		</Box>
	);
}
