/**
 * The desk's Log view: reviews in a period, filterable by sergeant, officer and late only, with the
 * chain head in the header, and above the rows a weekly chart (13 weeks: on-time bars and a line of
 * overdue reviews per sergeant, numbers in words beside them); ←/→ choose a week and the rows show
 * only it. Renders only the rows that fit (a year of a big team is thousands). Badges are words
 * ("LATE 2d", "TRIGGER"), never colour alone; colours come from the theme. Welfare: "check-in" yes/no only.
 */
import {useKeymap} from '../../contexts/keymap-context.js';
import {hintLine, type Keymap} from '../../contexts/registry.js';
import React from 'react';
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {StoreData} from '../../../domain/model.js';
import {safeText} from '../../../domain/safe-text.js';
import type {LogViewState} from './log-view-state.js';
import {wrap} from '../../text.js';
import {chartColour, tint, useTheme} from '../../theme.js';
import {chartHeight, chartLines, spokenLine} from './trend-chart-lines.js';
import {logHeadings, logLine, logViewModel, type LogViewModel} from './log-view-model.js';

export interface LogViewProps {
	data: StoreData;
	state: LogViewState;
	focused: boolean;
	width: number;
	height: number;
	/** Pass a model when the caller already computed one (it also needs rowCount for 'move'). */
	model?: LogViewModel;
	/** The desk's latest notice (an export's path, why a key did nothing): shown in full in place of the key hints. */
	notice?: string | null;
}

/** Lines the view spends on its border, header, filter line, headings and key hints. */
export const LOG_VIEW_CHROME = 6;

/** List rows the view shows at `height`, after the chart of `model` (none when hidden or not given). */
export function logVisibleRows(height: number, model?: LogViewModel): number {
	return Math.max(1, height - LOG_VIEW_CHROME - chartHeight(model?.chart ?? null, height, LOG_VIEW_CHROME));
}

/** The view's own key line, in the keys in force. */
export function logHints(keymap: Keymap): string {
	return hintLine(
		keymap,
		[
			['log-sergeant', 'sergeant'],
			['log-officer', 'officer'],
			['log-late', 'late'],
			[['log-earlier', 'log-later'], 'period'],
			[['log-week-earlier', 'log-week-later'], 'week'],
			['log-all-weeks', 'all weeks'],
			['log-chart', 'chart'],
			['log-export', 'export'],
		],
		'  ',
	);
}

export function LogView({data, state, focused, width, height, model, notice}: LogViewProps): React.JSX.Element {
	const keymap = useKeymap();
	const theme = useTheme();
	const reader = useIsScreenReaderEnabled();
	const m = model ?? logViewModel(data, state);
	const inner = Math.max(10, width - 2);
	// A notice can quote a path or an error message: made safe like store text.
	const foot = notice ? wrap(safeText(notice), inner).slice(0, 3) : [logHints(keymap)];
	// A notice longer than the hints line takes rows from the list for as long as it shows (one key).
	const visible = Math.max(1, logVisibleRows(height, m) - (foot.length - 1));
	const chart = m.chart ? chartLines(m.chart, state.week, inner, height, LOG_VIEW_CHROME, keymap) : [];
	const when = state.week === null ? `${state.period.from} to ${state.period.to}` : `week ${m.rowsPeriod.from} to ${m.rowsPeriod.to}`;
	const first = state.cursor >= state.scroll + visible ? state.cursor - visible + 1 : state.scroll;
	const shown = m.rows.slice(first, first + visible);
	const filters = `${m.sergeantLabel}; ${m.officerLabel}${state.lateOnly ? '; LATE ONLY' : ''}${state.week === null ? '' : '; ONE WEEK (w: all)'}`;
	return (
		// Focus as every pane shows it (pane/pane.tsx): a double border, the focus colour and "» " before the title.
		<Box
			flexDirection="column"
			borderStyle={focused ? 'double' : 'single'}
			borderColor={focused ? tint(theme, 'focus') : undefined}
			width={width}
			height={height}
		>
			<Text
				wrap="truncate"
				aria-label={
					reader
						? `REVIEW LOG ${when}: ${m.rows.length} of ${m.total} rows, ${m.late} late; chain head ${m.headShort}${focused ? ' (focused)' : ''}`
						: undefined
				}
			>
				{clip(
					`${focused ? '» ' : ''}REVIEW LOG ${when}: ${m.rows.length} of ${m.total} rows, ${m.late} late; chain head ${m.headShort}`,
					inner,
				)}
			</Text>
			<Text wrap="truncate" aria-label={reader ? `Showing ${filters}` : undefined}>
				{clip(`Showing ${filters}`, inner)}
			</Text>
			{chart.map((line, i) => (
				// A screen reader hears each week's number in place of the drawing (README "Screen readers").
				<Text key={`chart-${i}`} wrap="truncate" bold={line[0]?.role === 'title'} aria-label={reader ? spokenLine(line) : undefined}>
					{line.map((seg, j) => (
						<Text key={j} color={chartColour(theme, seg.role)}>
							{seg.text}
						</Text>
					))}
				</Text>
			))}
			<Text wrap="truncate" bold>
				{clip(logHeadings(inner), inner)}
			</Text>
			<Box flexDirection="column" flexGrow={1}>
				{shown.length === 0 ? (
					<Text>{clip(m.waiting ? safeText(m.waiting) : 'No signed reviews match: change the period or the filters.', inner)}</Text>
				) : (
					shown.map((r, i) => (
						<Text
							key={r.seq}
							inverse={focused && first + i === state.cursor}
							wrap="truncate"
							aria-label={
								reader
									? `${first + i === state.cursor ? '(selected) ' : ''}${logLine(r, 1000, m.altered.get(r.seq)).trim().replace(/ {2,}/g, ', ')}`
									: undefined
							}
						>
							{logLine(r, inner, m.altered.get(r.seq))}
						</Text>
					))
				)}
			</Box>
			{foot.map((l, i) => (
				<Text key={i} wrap="truncate" dimColor={!notice} bold={Boolean(notice)}>
					{clip(l, inner)}
				</Text>
			))}
		</Box>
	);
}

function clip(s: string, width: number): string {
	return s.length <= width ? s : s.slice(0, Math.max(0, width - 1)) + '…';
}
