/** `?` help: the keymap's own help lines (see keymap.ts), scrollable; Esc or ? closes. */
import React from 'react';
import {Text} from 'ink';
import {Pane} from '../pane/pane.js';
import {fit} from '../text.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {hintKeyFor, hintLine} from '../contexts/registry.js';

export function Help({
	lines,
	scroll,
	width,
	height,
}: {
	lines: readonly string[];
	scroll: number;
	width: number;
	height: number;
}): React.JSX.Element {
	const rows = Math.max(1, height - 3);
	const keymap = useKeymap();
	const close = `${hintKeyFor('back', keymap)} or ${hintKeyFor('help', keymap)} closes`;
	const detail = `${close}; ${hintLine(keymap, [
		[['down', 'up'], 'scroll'],
		[['first', 'last'], 'top/end'],
	])}`;
	return (
		<Pane title="HELP" detail={detail} focused width={width} height={height}>
			{lines.slice(scroll, scroll + rows).map((l, i) => (
				<Text key={scroll + i} wrap="truncate">
					{fit(l, width - 2)}
				</Text>
			))}
		</Pane>
	);
}
