/** `?` help: the keymap's own help lines (see keymap.ts), scrollable; Esc or ? closes. */
import React from 'react';
import {Text} from 'ink';
import {Pane} from '../pane/pane.js';
import {fit} from '../text.js';

export function Help({lines, scroll, width, height}: {lines: readonly string[]; scroll: number; width: number; height: number}): React.JSX.Element {
	const rows = Math.max(1, height - 3);
	return (
		<Pane title="HELP" detail="Esc or ? closes; j/k scroll, g/G top/end" focused width={width} height={height}>
			{lines.slice(scroll, scroll + rows).map((l, i) => (
				<Text key={scroll + i} wrap="truncate">
					{fit(l, width - 2)}
				</Text>
			))}
		</Pane>
	);
}
