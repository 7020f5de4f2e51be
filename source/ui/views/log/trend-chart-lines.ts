/**
 * The Log view's chart pane as lines of text: per sergeant, a row of weekly bars for reviews signed on
 * time and a line of reviews overdue at each week's end, drawn with block characters at the pane's
 * width, each followed by its numbers in words, so nothing is said by the drawing (or colour) alone.
 * Each line reads in order, left to right (label, drawing, numbers). In screen-reader mode (README,
 * "Screen readers") a line is read as its `spoken` words instead: every week's number in place of the
 * drawing, and the words in full where the pane's width cut them.
 * Pure: the figures come from source/domain/supervision-trends; the component only colours the parts.
 */
import {DEFAULT_KEYMAP, hintKeyFor, hintLine, type Keymap} from '../../contexts/registry.js';
import type {IsoDate} from '../../../domain/dates.js';
import type {Period} from '../../../domain/review-log/period.js';
import type {TrendSeries} from '../../../domain/supervision-trends/build.js';
import type {WeekFigures} from '../../../domain/supervision-trends/figures.js';
import {weekSpan} from '../../../domain/supervision-trends/words.js';
import {fit, textWidth, truncate} from '../../text.js';

/** What a part of a line is, for its colour (theme.ts chartColour); words carry no role. */
export type ChartRole = 'title' | 'bars' | 'line' | 'mark';
export interface Segment {
	text: string;
	role?: ChartRole;
	/** What a screen reader says for this part: the drawing's numbers, the words uncut ('' says nothing). */
	spoken?: string;
}

/** A chart line as a screen reader reads it: each part's spoken words (or its text), in order. */
export function spokenLine(line: ChartLine): string {
	return line
		.map(s => (s.spoken ?? s.text).trim())
		.filter(Boolean)
		.join(' ');
}
export type ChartLine = Segment[];

export interface LogChart {
	/** The weeks drawn, oldest first: the 13 ending on the Log view's period end. */
	weeks: Period[];
	/** The team as a whole (its words when several sergeants are drawn). */
	team: TrendSeries;
	/** The sergeants to draw: the one chosen with `s`, else every sergeant. */
	series: TrendSeries[];
	today: IsoDate;
}

/** Eighths of a cell, empty to full. */
const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const LABEL = 9;
/** Room kept for the words after the drawing. */
const WORDS = 34;
/** Fewest list rows the chart leaves the Log view. */
export const MIN_LIST_ROWS = 3;

/** Columns per week at this width: at least 1, at most 6. */
export function weekColumns(width: number, weeks: number): number {
	return Math.max(1, Math.min(6, Math.floor((width - LABEL - WORDS) / Math.max(1, weeks))));
}

function level(value: number, max: number): string {
	if (value <= 0 || max <= 0) return BLOCKS[0]!;
	return BLOCKS[Math.max(1, Math.round((value / max) * 8))]!;
}

/** Bars stand apart (a gap after each week when there is room); the line runs on through the weeks. */
function strip(values: readonly number[], cw: number, bars: boolean): string {
	const max = Math.max(0, ...values);
	return values.map(v => (bars && cw > 1 ? level(v, max).repeat(cw - 1) + ' ' : level(v, max).repeat(cw))).join('');
}

interface ChartLayout {
	/** The series drawn: one (a sergeant, or the whole team when several do not fit) or several sergeants. */
	series: TrendSeries[];
	/** One series: its name is in the title; several: a name line each. */
	single: boolean;
	/** The team is drawn in place of sergeants that do not fit. */
	teamOnly: boolean;
	lines: number;
}

/** A title, two strips per series (and a name line each when there are several), the week marker and its words. */
function layout(chart: LogChart, height: number, chrome: number): ChartLayout {
	const room = Math.min(Math.max(5, Math.floor((height - chrome) / 2)), height - chrome - MIN_LIST_ROWS);
	if (room < 5) return {series: [], single: true, teamOnly: false, lines: room >= 1 ? 1 : 0};
	if (chart.series.length === 1) return {series: chart.series, single: true, teamOnly: false, lines: 5};
	const n = Math.min(chart.series.length, Math.floor((room - 3) / 3));
	if (n < 1) return {series: [chart.team], single: true, teamOnly: true, lines: 5};
	return {series: chart.series.slice(0, n), single: false, teamOnly: false, lines: 3 + 3 * n};
}

/** Lines the chart takes in a view of `height` rows whose own chrome is `chrome` lines (0 when hidden). */
export function chartHeight(chart: LogChart | null, height: number, chrome: number): number {
	return chart ? layout(chart, height, chrome).lines : 0;
}

/** `keymap`: the keys in force, for the line that says how to choose a week. */
export function chartLines(
	chart: LogChart,
	selected: number | null,
	width: number,
	height: number,
	chrome: number,
	keymap: Keymap = DEFAULT_KEYMAP,
): ChartLine[] {
	const lay = layout(chart, height, chrome);
	if (lay.lines === 0) return [];
	if (lay.series.length === 0)
		return [[{text: fit(`WEEKLY TREND needs a taller window (${hintKeyFor('log-chart', keymap)} hides this line)`, width), role: 'title'}]];
	const n = chart.weeks.length;
	const span = n ? weekSpan({from: chart.weeks[0]!.from, to: chart.weeks[n - 1]!.to}, chart.today) : '';
	const at = selected ?? n - 1;
	const lines: ChartLine[] = [];
	const first = lay.series[0]!;
	const dueWords = (s: TrendSeries) => `${s.period.onTime.count} of ${s.period.reviewsDue.count} reviews due on time`;
	const title = lay.single
		? `WEEKLY TREND ${lay.teamOnly ? `whole team (${hintKeyFor('log-sergeant', keymap)} shows one sergeant)` : first.name}, ${n} weeks ${span}: ${dueWords(first)}`
		: `WEEKLY TREND ${n} weeks ${span}` +
			(lay.series.length < chart.series.length
				? ` (${lay.series.length} of ${chart.series.length} sergeants: ${hintKeyFor('log-sergeant', keymap)} shows one)`
				: '');
	lines.push([{text: fit(title, width), role: 'title', spoken: title}]);
	const cw = weekColumns(width, n);
	const room = Math.max(0, width - LABEL - cw * n - 2);
	for (const s of lay.series) {
		if (!lay.single) lines.push([{text: fit(`${s.name}: ${dueWords(s)}`, width), role: 'title', spoken: `${s.name}: ${dueWords(s)}`}]);
		const onTime = s.weeks.map(w => w.onTime.count);
		const overdue = s.weeks.map(w => w.overdueAtEnd.count);
		const w = s.weeks[at]!;
		const onTimeWords = `${w.onTime.count} on time (most ${Math.max(0, ...onTime)})`;
		const overdueWords = `${w.overdueAtEnd.count} overdue at week's end (most ${Math.max(0, ...overdue)})`;
		lines.push([
			{text: fit('on time', LABEL), spoken: 'on time'},
			{text: strip(onTime, cw, true), role: 'bars', spoken: `week by week, oldest first: ${onTime.join(', ')};`},
			{text: `  ${truncate(onTimeWords, room)}`, spoken: `week ${weekSpan(chart.weeks[at]!, chart.today)}: ${onTimeWords}`},
		]);
		lines.push([
			{text: fit('overdue', LABEL), spoken: 'overdue'},
			{text: strip(overdue, cw, false), role: 'line', spoken: `week by week, oldest first: ${overdue.join(', ')};`},
			{text: `  ${truncate(overdueWords, room)}`, spoken: `week ${weekSpan(chart.weeks[at]!, chart.today)}: ${overdueWords}`},
		]);
	}
	// Where the chosen week is, under the drawing; then that week (or the latest) in words.
	const marks = chart.weeks.map((_, i) => (i === selected ? '▲' + ' '.repeat(cw - 1) : ' '.repeat(cw))).join('');
	const pick =
		selected === null
			? `${hintLine(keymap, [[['log-week-earlier', 'log-week-later'], 'choose a week: the rows below then show only it']])}`
			: `week ${weekSpan(chart.weeks[selected]!, chart.today)} chosen (${hintKeyFor('log-all-weeks', keymap)}: whole period)`;
	lines.push([
		{text: fit('week', LABEL), spoken: ''},
		{text: marks, role: 'mark', spoken: ''},
		{text: `  ${truncate(pick, room)}`, spoken: pick},
	]);
	const focus = lay.single ? first : chart.team;
	const week = `Week ${weekLine(focus.weeks[at]!, chart.today, selected === null)}${lay.single ? '' : ' (whole team)'}`;
	lines.push([{text: fit(week, width), spoken: week}]);
	return lines.map(l => padLine(l, width));
}

/** "24 Nov-30 Nov (latest): 5 on time, 22 late, 6 missed, 6 overdue" (overdue at its end, as the strip says). */
function weekLine(w: WeekFigures, today: IsoDate, latest: boolean): string {
	return (
		`${weekSpan(w, today)}${latest ? ' (latest)' : ''}: ${w.onTime.count} on time, ${w.late.count} late, ${w.missed.count} missed, ` +
		`${w.overdueAtEnd.count} overdue`
	);
}

/** Cuts a line to `width` columns (the drawing never wider than the pane); a part cut off whole keeps its spoken words. */
function padLine(line: ChartLine, width: number): ChartLine {
	const out: ChartLine = [];
	let used = 0;
	for (const seg of line) {
		if (used >= width) {
			if (seg.spoken) out.push({...seg, text: ''});
			continue;
		}
		const text = truncate(seg.text, width - used);
		out.push({...seg, text});
		used += textWidth(text);
	}
	return out;
}
