/**
 * The command palette (`:` or Ctrl+P): a query line over its matches, scrolled so the selected one is in
 * view, with where it is among them ("12 of 41": QA 6 R14, when ten rows were all it showed). Only the
 * visible rows are drawn (an empty query matches every case).
 */
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
	/** Every match, best first (palette-items.ts paletteMatches). */
	matches: readonly PaletteItem[];
	/** A visible row as it is shown (a command that cannot act here says why: desk.tsx). */
	shown?: (m: PaletteItem) => PaletteItem;
	width: number;
	height: number;
}

/** Rows the palette lists in a pane `height` high: under its border, title and query line. */
export function paletteRowsIn(height: number): number {
	return Math.max(1, height - 4);
}

/** The first visible match: the list scrolls only as far as keeps the cursor in view. */
export function paletteStart(cursor: number, rows: number): number {
	return cursor < rows ? 0 : cursor - rows + 1;
}

export function Palette({query, cursor, matches, shown = m => m, width, height}: PaletteProps): React.JSX.Element {
	const inner = width - 2;
	const keymap = useKeymap();
	const close = modeKey(keymap.palette, 'palette-close');
	const run = modeKey(keymap.palette, 'palette-run');
	const rows = paletteRowsIn(height);
	const start = paletteStart(cursor, rows);
	const visible = matches.slice(start, start + rows).map(shown);
	// Labels as wide as the longest visible match needs (up to 60% of the pane), so a wide terminal shows them whole.
	const labelWidth = Math.max(10, Math.min(Math.floor(inner * 0.6), Math.max(0, ...visible.map(m => textWidth(m.label)))));
	// The count beside the title, as the other panes give theirs (pane.tsx), where the query line leaves it alone.
	const count = matches.length === 0 ? 'no match' : `${cursor + 1} of ${matches.length}`;
	return (
		<Pane
			title="COMMAND PALETTE"
			detail={`${count}; type a command, officer or case reference; ${run} runs or opens; ${close} closes`}
			focused
			width={width}
			height={height}
		>
			<Text wrap="truncate" bold>
				{fit(`: ${query}_`, inner)}
			</Text>
			{matches.length === 0 && <Text>{fit(`Nothing matches "${query}".`, inner)}</Text>}
			{visible.map((m, i) => (
				<ListRow
					key={`${m.label}-${start + i}`}
					text={`${fit(m.label, labelWidth)}  ${m.detail}`}
					width={inner}
					selected={start + i === cursor}
					focused
				/>
			))}
		</Pane>
	);
}
