/** The command palette (`:` or Ctrl+P): a query line over the best fuzzy matches. */
import React from 'react';
import {Text} from 'ink';
import {Pane} from '../pane/pane.js';
import {ListRow} from '../list/list-row.js';
import {fit, textWidth} from '../text.js';
import type {PaletteItem} from './palette-items.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {modeKey} from '../contexts/registry.js';

export interface PaletteProps {
	query: string;
	cursor: number;
	matches: readonly PaletteItem[];
	width: number;
	height: number;
}

export function Palette({query, cursor, matches, width, height}: PaletteProps): React.JSX.Element {
	const inner = width - 2;
	const keymap = useKeymap();
	const close = modeKey(keymap.palette, 'palette-close');
	const run = modeKey(keymap.palette, 'palette-run');
	// Labels as wide as the longest match needs (up to 60% of the pane), so a wide terminal shows them whole.
	const labelWidth = Math.max(10, Math.min(Math.floor(inner * 0.6), Math.max(0, ...matches.map(m => textWidth(m.label)))));
	return (
		<Pane
			title="COMMAND PALETTE"
			detail={`type a command, officer or case reference; ${run} runs or opens; ${close} closes`}
			focused
			width={width}
			height={height}
		>
			<Text wrap="truncate" bold>
				{fit(`: ${query}_`, inner)}
			</Text>
			{matches.length === 0 && <Text>{fit(`Nothing matches "${query}".`, inner)}</Text>}
			{matches.map((m, i) => (
				<ListRow key={`${m.label}-${i}`} text={`${fit(m.label, labelWidth)}  ${m.detail}`} width={inner} selected={i === cursor} focused />
			))}
		</Pane>
	);
}
