/**
 * A bordered pane with a title line. The focused pane says so in words ("[focus]") and with a double
 * border, so focus is visible without colour.
 */
import React from 'react';
import {Box, Text} from 'ink';
import {tint, useTheme} from '../theme.js';
import {truncate} from '../text.js';

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
	const inner = Math.max(1, width - 2);
	const head = `${focused ? '» ' : ''}${title}${detail ? `  ${detail}` : ''}${focused ? '  [focus]' : ''}`;
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle={focused ? 'double' : 'single'} borderColor={focused ? tint(theme, 'focus') : undefined} flexShrink={0} overflow="hidden">
			<Text bold wrap="truncate">
				{truncate(head, inner)}
			</Text>
			{children}
		</Box>
	);
}
