/**
 * What the Log view shows, computed from a store snapshot and the view state: the filtered rows (the
 * same rows `fortnight log` exports), one fixed-width line per row, and the CSV of exactly the rows
 * shown for the desk's export key. Pure: the desk writes the file (with writeFileAtomic).
 */
import type {StoreData} from '../../../domain/model.js';
import {alteredEntryLine, alteredEntryWords} from '../../model/altered-entry.js';
import {amendmentWords, buildLogRows, filterLogRows, timeliness, type LogRow} from '../../../domain/review-log/rows.js';
import {sergeantIndex} from '../../../domain/review-log/sergeants.js';
import {chainHeadOf, headText} from '../../../domain/review-log/document.js';
import {fullName} from '../../../domain/people.js';
import {safeText} from '../../../domain/safe-text.js';
import {logCsv} from '../../../export/log-csv.js';
import {fit} from '../../text.js';
import {chartWeeks, rowsPeriod, type LogViewState} from './log-view-state.js';
import type {IsoDate} from '../../../domain/dates.js';
import type {Period} from '../../../domain/review-log/period.js';
import {buildSupervisionTrends, type SupervisionTrends} from '../../../domain/supervision-trends/build.js';
import type {LogChart} from './trend-chart-lines.js';

export interface LogViewModel {
	rows: LogRow[];
	/** Every row in the period before the filters (for "12 of 121"). */
	total: number;
	late: number;
	sergeantIds: string[];
	officerIds: string[];
	/** "DS Tom Brennan" or "all sergeants"; the same for the officer. */
	sergeantLabel: string;
	officerLabel: string;
	/** "605:b93e...": the full chain head, as `fortnight verify --head` takes it. */
	head: string;
	/** "605:b93ed342ce3c…" for a narrow header. */
	headShort: string;
	/** The dates the rows are for: the chart's chosen week, else the period. */
	rowsPeriod: Period;
	/** The weekly chart (null while hidden with c). */
	chart: LogChart | null;
	/** Why there are no rows yet: the whole chain is being read, or could not be (the view says so). */
	waiting?: string;
	/** Rows whose chain entry was altered since it was signed, by sequence: verify's words (altered-entry.ts). */
	altered: ReadonlyMap<number, string>;
}

/** The Log view while the whole chain is read (or after it could not be): no rows, no chart, and why. */
export function readingLogModel(model: {historyError?: string}, state: LogViewState): LogViewModel {
	const waiting = model.historyError ? `The review chain could not be read: ${model.historyError}` : 'Reading the review chain...';
	return {
		rows: [],
		total: 0,
		late: 0,
		sergeantIds: [],
		officerIds: [],
		sergeantLabel: state.sergeantId ?? 'all sergeants',
		officerLabel: state.officerId ?? 'all officers',
		head: '',
		headShort: '...',
		rowsPeriod: rowsPeriod(state),
		chart: null,
		waiting,
		altered: new Map(),
	};
}

/**
 * `today` is the desk's (figures standing at a week's end are read no later than it); without it, the
 * period's last day.
 */
export function logViewModel(data: StoreData, state: LogViewState, today: IsoDate = state.period.to): LogViewModel {
	const period = rowsPeriod(state);
	const all = buildLogRows(data, period);
	const rows = filterLogRows(all, {
		sergeantId: state.sergeantId ?? undefined,
		officerId: state.officerId ?? undefined,
		lateOnly: state.lateOnly,
	});
	const {officers, sergeants} = sergeantIndex(data);
	const label = (id: string | null, everyone: string) =>
		id === null ? everyone : safeText(officers.has(id) ? fullName(officers.get(id)) : id);
	const officerIds = data.officers.filter(o => o.role === 'investigator' && o.leftUnit === null).map(o => o.id);
	return {
		rows,
		total: all.length,
		late: rows.filter(r => (r.lateDays ?? 0) > 0).length,
		sergeantIds: sergeants.map(s => s.id),
		officerIds,
		sergeantLabel: label(state.sergeantId, 'all sergeants'),
		officerLabel: label(state.officerId, 'all officers'),
		head: headText(chainHeadOf(data)),
		headShort: headText(chainHeadOf(data)).replace(/^(\d+:[0-9a-f]{12})[0-9a-f]+$/, '$1…'),
		rowsPeriod: period,
		chart: state.chart ? logChart(data, state, today) : null,
		altered: alteredRows(data, rows),
	};
}

/**
 * The rows that print an entry which cannot be shown as signed (altered-entry.ts): the row's own entry,
 * and for an amendment row the entry it amends (its case and officer are read from it), for a review row
 * the amendments made to it; as `fortnight log` re-checks what a row prints (domain/shown-entries.ts).
 */
function alteredRows(data: StoreData, rows: readonly LogRow[]): Map<number, string> {
	const chain = data.chain;
	// The whole chain holds entry n at index n; a working set does not, so it is looked for.
	const at = (seq: number) => (chain[seq]?.seq === seq ? chain[seq] : chain.find(x => x.seq === seq));
	const altered = new Map<number, string>();
	for (const r of rows) {
		const seqs = [r.seq, ...(r.amends !== undefined && r.amends !== null ? [r.amends] : []), ...(r.amendedBy ?? [])];
		for (const seq of seqs) {
			const e = at(seq);
			const words = e ? alteredEntryWords(data, e) : null;
			if (words) {
				altered.set(r.seq, words);
				break;
			}
		}
	}
	return altered;
}

const trendsCache = new WeakMap<StoreData, Map<string, SupervisionTrends>>();

/**
 * The chart's figures: the weekly trends for the 13 weeks ending on the period's last day, worked out
 * once per store snapshot and period end (the filters and the cursor do not change them). Review
 * figures only are drawn, so the rules' trigger state is not asked for.
 */
export function logChart(data: StoreData, state: LogViewState, today: IsoDate): LogChart {
	let byEnd = trendsCache.get(data);
	if (!byEnd) trendsCache.set(data, (byEnd = new Map()));
	const key = `${state.period.to}|${today}`;
	let trends = byEnd.get(key);
	if (!trends) {
		const weeks = chartWeeks(state);
		trends = buildSupervisionTrends(data, {period: {from: weeks[0]!.from, to: state.period.to}, today});
		byEnd.set(key, trends);
	}
	const series = state.sergeantId === null ? trends.sergeants : trends.sergeants.filter(s => s.sergeantId === state.sergeantId);
	return {weeks: trends.weeks, team: trends.team, series: series.length ? series : trends.sergeants, today};
}

/**
 * The view's columns at `width`: who signed each review is always shown (QA 8 D4: a cover's, the
 * inspector's and the sergeant's signatures looked alike), by rank and surname. From WIDE columns the line
 * has risk and actions too; below it (80 columns) it keeps date, case, officer, signer, lateness and entry,
 * so the entry number is not cut (QA 8 R15); Enter on a row shows the rest.
 */
// The desk's Log pane is about 112 columns wide in a 120-column terminal and 74 in an 80-column one.
const WIDE = 109;

/** "DC Marsh" from "DC Helen Marsh": rank and surname, as the desk names officers in narrow places. */
function rankAndSurname(name: string): string {
	const words = name.split(' ').filter(Boolean);
	return words.length > 2 ? `${words[0]} ${words.at(-1)}` : name;
}

/** Column widths for one line: date, case, officer, signer, risk, timeliness, actions, entry, trigger, welfare. */
export function logLine(r: LogRow, width: number, altered?: string): string {
	if (altered) return fit(`#${r.seq} ${alteredEntryLine(safeText(altered))}`, width);
	if (r.kind === 'amendment') {
		const changed = amendmentWords(r);
		return fit(
			`${r.date}  ${pad(r.caseRef, 13)}  amendment #${r.seq} to entry #${r.amends} by ${r.reviewer}${changed ? `: ${changed}` : ''}`,
			width,
		);
	}
	const late = r.lateDays ? `LATE ${r.lateDays}d` : 'on time';
	const by = pad(rankAndSurname(r.reviewer), 11);
	if (width < WIDE) return fit(`${r.date}  ${pad(r.caseRef, 13)}  ${pad(r.officer, 16)}  ${by}  ${pad(late, 8)}  #${r.seq}`, width);
	const risk = r.riskBefore === r.riskAfter ? `${r.riskAfter}` : `${r.riskBefore}>${r.riskAfter}`;
	const actions = `set ${r.actionsSet} done ${r.actionsCompleted} carried ${r.actionsCarried}${r.actionsDropped ? ` dropped ${r.actionsDropped}` : ''}`;
	const flags = [r.triggerFired ? `TRIGGER ${r.triggerDecision ?? 'no decision'}` : '', r.welfareCheckIn ? 'check-in' : '']
		.filter(Boolean)
		.join(' ');
	const line = `${r.date}  ${pad(r.caseRef, 13)}  ${pad(r.officer, 16)}  ${by}  ${pad(risk, 11)}  ${pad(late, 8)}  ${pad(actions, 22)}  #${r.seq}  ${flags}`;
	return fit(line.trimEnd(), width);
}

/** The headings over logLine's columns at `width`. */
export function logHeadings(width: number): string {
	return width < WIDE
		? `${pad('Date', 10)}  ${pad('Case', 13)}  ${pad('Officer', 16)}  ${pad('Signed by', 11)}  ${pad('Late?', 8)}  Entry`
		: `${pad('Date', 10)}  ${pad('Case', 13)}  ${pad('Officer', 16)}  ${pad('Signed by', 11)}  ${pad('Risk', 11)}  ${pad('Late?', 8)}  ` +
				`${pad('Actions', 22)}  Entry`;
}

/** The CSV of the rows the view shows: the same format as `fortnight log --format csv`. */
export function logViewCsv(model: LogViewModel): string {
	return logCsv(model.rows);
}

/** For a screen reader or a narrow terminal: "late by 2 days" rather than the LATE badge. */
export {timeliness};

function pad(s: string, width: number): string {
	return fit(s, width);
}
