/** The Log view's context in the desk (view 4): its rows for the filters, its keys, Enter on an entry. */
import {scrollBy} from '../list/list-window.js';
import {caseLines} from '../editor/case-lines.js';
import {updateActive} from '../editor/tabs.js';
import {safeText} from '../../domain/safe-text.js';
import {chartWeeks, logViewReducer, type LogViewAction} from '../views/log/log-view-state.js';
import {logViewModel, readingLogModel, type LogViewModel} from '../views/log/log-view-model.js';
import {logVisibleRows} from '../views/log/log-view.js';
import {keysFor, type DeskCommand} from '../contexts/registry.js';
import {openCase} from './desk-navigation.js';
import type {DeskState} from './desk-state.js';

let lastLog: {data: unknown; key: string; model: LogViewModel} | undefined;

/** The Log view's rows for the current filters: rebuilt when the store or a filter changes, not per key. */
export function currentLogModel(s: DeskState): LogViewModel {
	const l = s.log;
	const key = `${l.period.from}|${l.period.to}|${l.sergeantId}|${l.officerId}|${l.lateOnly}|${l.week}|${l.chart}|${s.model.today}`;
	// The log lists every review: it waits for the whole chain (read after the first frame for a split store).
	const data = s.model.wholeData;
	if (!data) return readingLogModel(s.model, l);
	if (lastLog && lastLog.data === data && lastLog.key === key) return lastLog.model;
	const model = logViewModel(data, l, s.model.today);
	lastLog = {data, key, model};
	return model;
}

export function logDo(s: DeskState, a: LogViewAction): DeskState {
	return {...s, log: logViewReducer(s.log, a)};
}

/** The Log view's list rows under its chart at the current size. */
export function logRows(s: DeskState): number {
	return logVisibleRows(s.layout.mainHeight, currentLogModel(s));
}

/** A chart key: the state changes, then the list is refitted (the chart's height or the rows may change). */
function logChartDo(s: DeskState, a: LogViewAction): DeskState {
	const next = logDo(s, a);
	return logDo(next, {type: 'clamp', rowCount: currentLogModel(next).rows.length, visible: logRows(next)});
}

/** The Log view's own commands (contexts/log.ts). */
export const LOG_COMMANDS: Partial<Record<DeskCommand, (s: DeskState) => DeskState>> = {
	'log-sergeant': s => logDo(s, {type: 'cycle-sergeant', sergeantIds: currentLogModel(s).sergeantIds}),
	'log-officer': s => logDo(s, {type: 'cycle-officer', officerIds: currentLogModel(s).officerIds}),
	'log-late': s => logDo(s, {type: 'toggle-late'}),
	'log-earlier': s => logDo(s, {type: 'shift-period', periods: -1}),
	'log-later': s => logDo(s, {type: 'shift-period', periods: 1}),
	'log-export': s => ({...s, exportRequests: s.exportRequests + 1, notice: 'Exporting the review log...'}),
	'log-week-earlier': s => logChartDo(s, {type: 'step-week', delta: -1, weekCount: chartWeeks(s.log).length}),
	'log-week-later': s => logChartDo(s, {type: 'step-week', delta: 1, weekCount: chartWeeks(s.log).length}),
	'log-all-weeks': s => logChartDo(s, {type: 'clear-week'}),
	'log-chart': s => logChartDo(s, {type: 'toggle-chart'}),
};

/**
 * Enter in the Log view: its columns are cut at 80, so the entry opens whole in its case's tab, scrolled
 * to the review history, where the entry (#seq) is written out in full.
 */
export function openLogEntry(s: DeskState): DeskState {
	const row = currentLogModel(s).rows[s.log.cursor];
	if (!row) return {...s, notice: 'No entry in this period with these filters.'};
	if (!s.model.caseByRef.has(row.caseRef)) return {...s, notice: `${safeText(row.caseRef)} is no longer in the store.`};
	const opened = openCase(s, row.caseRef);
	const lines = caseLines(opened.model, row.caseRef, opened.layout.editorInner, s.keymap);
	const at = lines.findIndex(l => l.text.includes(`(#${row.amends ?? row.seq}`));
	const scroll = scrollBy(at, 0, lines.length, opened.layout.editorRows);
	const tabs = updateActive(opened.tabs, t => (t.kind === 'case' ? {...t, scroll} : t));
	const what = row.kind === 'amendment' ? `amendment #${row.seq} to entry #${row.amends}` : `entry #${row.seq}`;
	return {
		...opened,
		tabs,
		notice: `The log's ${what}: under REVIEW HISTORY (${keysFor('back', s.keymap)} back; ${keysFor('view-log', s.keymap)} returns to the log).`,
	};
}
