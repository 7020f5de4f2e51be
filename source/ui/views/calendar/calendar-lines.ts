/**
 * The Calendar view as lines of text for a width and height: a title, the days (weekday, day of the
 * month, and a row saying CRIT or GAP where a day stands out), one line per officer with each day's
 * marks, a bar line under an officer who is away (the reason and the cover in words), then the cursor
 * cell spelled out and the legend. 14 days fit 80 columns; 28 when the width allows. Nothing here
 * depends on colour: every mark and alert is letters and words.
 */
import {scrollBy} from '../../list/list-window.js';
import {keysFor} from '../../contexts/registry.js';
import {shortDate, toDayNumber} from '../../../domain/dates.js';
import type {CalendarGrid, CalendarRow, Mark} from './calendar-grid.js';
import {MARK_LETTERS, MARK_WORDS} from './calendar-grid.js';
import {selected, type CalendarState} from './calendar-state.js';
import {wrap} from '../../text.js';

export const LABEL_WIDTH = 13;
const MIN_CELL = 4;

/**
 * The columns inside the view's frame: the calendar sits in a bordered pane like every other view (its
 * border keeps the activity bar's letters off the text), so the grid is shaped for the width less the two
 * border columns. The grid (desk-calendar.ts) and the view use this one width.
 */
export function calendarInnerWidth(mainWidth: number): number {
	return Math.max(1, mainWidth - 2);
}

/** 28 days when each still gets MIN_CELL columns, else 14; the cell width shares out what is left. */
export function calendarShape(width: number): {days: 14 | 28; cell: number} {
	const days = width - LABEL_WIDTH >= 28 * MIN_CELL ? 28 : 14;
	return {days, cell: Math.max(MIN_CELL, Math.min(6, Math.floor((width - LABEL_WIDTH) / days)))};
}

export interface CalendarLine {
	text: string;
	/** Columns of the cursor cell on this line, to draw inverse. */
	cursor?: {start: number; end: number};
	tone?: 'heading' | 'alert' | 'dim';
}

const WEEKDAYS = ['Th', 'Fr', 'Sa', 'Su', 'Mo', 'Tu', 'We']; // 1970-01-01 was a Thursday

/** "Nov", or "Nov-Dec" when the days run into the next month. */
function months(first: string, last: string): string {
	const a = shortDate(first).slice(3);
	const b = shortDate(last).slice(3);
	return a === b ? a : `${a}-${b}`;
}

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));

/** A cell's letters: "B" bail, "R2" two reviews, "BR" bail and review; "!" when critical. */
export function cellText(marks: readonly Mark[], cell: number): string {
	if (marks.length === 0) return '·';
	const kinds = [...new Set(marks.map(m => m.kind))];
	let text =
		kinds.length === 1 && marks.length > 1 ? `${MARK_LETTERS[kinds[0]!]}${marks.length}` : kinds.map(k => MARK_LETTERS[k]).join('');
	if (marks.some(m => m.critical)) text += '!';
	return text.slice(0, cell - 1);
}

/**
 * The bar lines under an officer away: each absence a bar of ═ over its days with its words in it. Words
 * longer than the bar are never cut (README "Calendar view": the reason and the cover in words; QA pass
 * 3, R8 saw "away: sick, no c"): they move left of the bar, into the free columns before it (the label
 * column included), or say it shorter ("sick, no cover", as the Team view does at 80 columns); when
 * neither fits they wrap to a line of their own under the bar line, starting under the bar.
 */
function barLines(row: CalendarRow, days: number, cell: number): string[] {
	const width = LABEL_WIDTH + days * cell;
	const line = () => Array.from({length: width}, () => ' ');
	const lines = [line()];
	const free = (chars: string[], from: number, to: number) => from >= 0 && to <= width && chars.slice(from, to).every(c => c === ' ');
	const put = (chars: string[], at: number, text: string) => [...text].forEach((c, i) => (chars[at + i] = c));
	const bars = lines[0]!;
	for (const b of row.bars) bars.fill('═', LABEL_WIDTH + b.first * cell, LABEL_WIDTH + (b.last + 1) * cell);
	for (const b of row.bars) {
		const start = LABEL_WIDTH + b.first * cell;
		const end = LABEL_WIDTH + (b.last + 1) * cell;
		const forms = [...new Set([`${b.uncovered ? 'away: ' : ''}${b.words}`, b.words])];
		const placed = forms.some(words => {
			if (words.length + 1 <= end - start) return (put(bars, start, `${words} `), true);
			const at = start - words.length - 1;
			return free(bars, at, start) ? (put(bars, at, `${words} `), true) : false;
		});
		if (placed) continue;
		// Wrapped: the full words on a line below, under the bar (moved left as far as the width needs).
		const words = forms[0]!;
		const at = Math.max(0, Math.min(start, width - words.length));
		const below = lines.slice(1).find(l => free(l, Math.max(0, at - 1), at + words.length + 1)) ?? (lines.push(line()), lines.at(-1)!);
		put(below, at, words);
	}
	return lines.map(l => l.join('').trimEnd());
}

/** `openKey`: the key that opens the cell's case, as the keymap in force names it. */
export function calendarLines(
	grid: CalendarGrid,
	state: CalendarState,
	width: number,
	height: number,
	openKey = keysFor('open'),
): CalendarLine[] {
	const {cell} = calendarShape(width);
	const days = grid.days;
	const at = selected(state, grid);
	const first = days[0]!;
	const lastDay = days.at(-1)!;
	const head: CalendarLine[] = [
		{
			text:
				`CALENDAR ${WEEKDAYS[((toDayNumber(first) % 7) + 7) % 7]} ${shortDate(first, lastDay)} to ${shortDate(lastDay)} ${lastDay.slice(0, 4)} ` +
				`(${days.length} days)`,
			tone: 'heading',
		},
		{text: pad('', LABEL_WIDTH) + days.map(d => pad(WEEKDAYS[((toDayNumber(d) % 7) + 7) % 7]!, cell)).join(''), tone: 'dim'},
		{text: pad(months(first, lastDay), LABEL_WIDTH) + days.map(d => pad(d.slice(8), cell)).join('')},
		// A word in its own cell: CRIT where it fits with a space after it, else !!! (the legend and the
		// line under the grid say it in full). With none in the window the row says so: a label over empty
		// cells read as a leftover heading (QA 8 R18).
		{
			text:
				pad('stands out', LABEL_WIDTH) +
				(grid.alerts.every(a => a.length === 0)
					? 'no day in these dates'
					: grid.alerts
							.map(a => pad(a.some(x => x.startsWith('CRITICAL')) ? (cell > 4 ? 'CRIT' : '!!!') : a.length ? 'GAP' : '', cell))
							.join('')
							.trimEnd()),
			tone: 'alert',
		},
	];

	// Officer rows: one line each, and a bar line under anyone away in the window.
	const body: {line: CalendarLine; row: number}[] = [];
	grid.rows.forEach((r, ri) => {
		const cells = r.marks.map(m => pad(cellText(m, cell), cell));
		const line: CalendarLine = {text: `${pad(r.label, LABEL_WIDTH - 1)} ${cells.join('')}`.trimEnd()};
		if (ri === at.row) line.cursor = {start: LABEL_WIDTH + at.col * cell, end: LABEL_WIDTH + (at.col + 1) * cell};
		if (ri === at.row) line.text = pad(line.text, LABEL_WIDTH + days.length * cell);
		body.push({line, row: ri});
		if (r.bars.length > 0)
			for (const text of barLines(r, days.length, cell))
				body.push({line: {text, tone: r.bars.some(b => b.uncovered) ? 'alert' : 'dim'}, row: ri});
	});

	// The cursor cell in words, then the alerts of its day, then the legend.
	const day = days[at.col]!;
	const said = at.marks.length ? at.marks.map(m => m.words).join('; ') : 'nothing dated';
	const open = at.marks[0] ? ` ${openKey} opens ${at.marks[0].caseRef}.` : '';
	const alerts = grid.alerts[at.col]!;
	// The cell and its day's alerts are read in full: each wraps to two lines at most.
	const wrapped = (text: string, tone?: CalendarLine['tone']): CalendarLine[] =>
		wrap(text, width)
			.slice(0, 2)
			.map(t => ({text: t, tone}));
	const foot: CalendarLine[] = [
		...wrapped(`${at.label}, ${WEEKDAYS[((toDayNumber(day) % 7) + 7) % 7]} ${shortDate(day)}: ${said}.${open}`),
		...wrapped(
			alerts.length
				? `${shortDate(day)} stands out: ${alerts.join('; ')}`
				: `${shortDate(day)}: nothing critical, everyone away is covered.`,
			alerts.length ? 'alert' : 'dim',
		),
		{
			text: `${Object.entries(MARK_LETTERS)
				.map(([k, l]) => `${l} ${MARK_WORDS[k as keyof typeof MARK_WORDS]}`)
				.join('  ')}  ! critical  GAP no cover`,
			tone: 'dim',
		},
	];

	// Scroll the officer lines so the cursor's officer is in view.
	const room = Math.max(1, height - head.length - foot.length);
	const firstOfCursor = body.findIndex(b => b.row === at.row);
	const lastOfCursor = body.length - 1 - [...body].reverse().findIndex(b => b.row === at.row);
	let top = scrollBy(firstOfCursor, 0, body.length, room);
	if (lastOfCursor >= top + room) top = lastOfCursor - room + 1;
	return [...head, ...body.slice(top, top + room).map(b => b.line), ...foot].map(l => ({...l, text: l.text.slice(0, width)}));
}
