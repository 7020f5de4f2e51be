/** The command palette (`:` or Ctrl+P): a query line over the best fuzzy matches. */
import React from 'react';
import {Text} from 'ink';
import {Pane} from '../pane/pane.js';
import {ListRow} from '../list/list-row.js';
import {fit} from '../text.js';
import type {PaletteItem} from './palette-items.js';

export interface PaletteProps {
	query: string;
	cursor: number;
	matches: readonly PaletteItem[];
	width: number;
	height: number;
}

export function Palette({query, cursor, matches, width, height}: PaletteProps): React.JSX.Element {
	const inner = width - 2;
	return (
		<Pane title="COMMAND PALETTE" detail="type a command, officer or case reference; Enter runs or opens; Esc closes" focused width={width} height={height}>
			<Text wrap="truncate" bold>
				{fit(`: ${query}_`, inner)}
			</Text>
			{matches.length === 0 && <Text>{fit(`Nothing matches "${query}".`, inner)}</Text>}
			{matches.map((m, i) => (
				<ListRow key={`${m.label}-${i}`} text={`${fit(m.label, 28)} ${m.detail}`} width={inner} selected={i === cursor} focused />
			))}
		</Pane>
	);
}
