/**
 * Calendar view (desk key 5): the next 14 days at 80 columns, 28 when the terminal is wide, one row per
 * officer (the sergeant first) with each day's dated items as letters and absences as bars with their
 * reason and cover in words. Arrows or h/j/k/l move the cursor cell, g/G the first and last day, PgUp/
 * PgDn a week; Enter opens the case of the cell's most urgent mark. Days with a critical item or an
 * uncovered absence say so in words (CRIT, GAP, and the line under the grid), never by colour alone.
 */
import {keysFor} from '../../contexts/registry.js';
import {useKeymap} from '../../contexts/keymap-context.js';
import React from 'react';
import {Text, useIsScreenReaderEnabled} from 'ink';
import type {CalendarGrid} from './calendar-grid.js';
import {calendarInnerWidth, calendarLines, type CalendarLine} from './calendar-lines.js';
import {Pane} from '../../pane/pane.js';
import type {CalendarState} from './calendar-state.js';
import {tint, useTheme, type Theme} from '../../theme.js';

export interface CalendarViewProps {
	grid: CalendarGrid;
	state: CalendarState;
	focused: boolean;
	width: number;
	height: number;
}

function tone(theme: Theme, l: CalendarLine): string | undefined {
	if (l.tone === 'alert') return tint(theme, 'error');
	if (l.tone === 'dim') return tint(theme, 'dim');
	if (l.tone === 'heading') return tint(theme, 'heading');
	return undefined;
}

export function CalendarView({grid, state, focused, width, height}: CalendarViewProps): React.JSX.Element {
	const theme = useTheme();
	const reader = useIsScreenReaderEnabled();
	// In a frame like every other view (its border keeps the activity bar's letters off the text): the
	// calendar's own heading is the pane's title, the rest fills the inside (two border rows, one title row).
	const [heading, ...lines] = calendarLines(grid, state, calendarInnerWidth(width), Math.max(1, height - 2), keysFor('open', useKeymap()));
	return (
		<Pane title={heading?.text ?? 'CALENDAR'} focused={focused} width={width} height={height}>
			{lines.map((l, i) =>
				l.cursor ? (
					// A screen reader hears which cell is selected; the line after the grid says what is in it.
					<Text
						key={i}
						wrap="truncate"
						aria-label={
							reader
								? `(selected ${l.text.slice(l.cursor.start, l.cursor.end).replace('·', '').trim() || 'empty'} cell) ${l.text.trimEnd()}`
								: undefined
						}
					>
						{l.text.slice(0, l.cursor.start)}
						<Text inverse={focused} underline={!focused}>
							{l.text.slice(l.cursor.start, l.cursor.end)}
						</Text>
						{l.text.slice(l.cursor.end)}
					</Text>
				) : (
					<Text key={i} color={tone(theme, l)} bold={l.tone === 'heading'} wrap="truncate">
						{l.text === '' ? ' ' : l.text}
					</Text>
				),
			)}
		</Pane>
	);
}
