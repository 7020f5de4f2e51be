/**
 * Moving about the desk: the explorer and the Problems panel (filter lists), the focused pane, the views,
 * tabs, and what is under the cursor. Shared by the contexts' handlers (desk-commands.ts and the others).
 */
import {explorerRows, rowIndexOf, type ExplorerRow} from '../explorer/explorer-rows.js';
import {problemRows} from '../problems-panel/problem-rows.js';
import {filterListReducer, showsFilterLine, type FilterListAction} from '../list/filter-list.js';
import {follow, moveBy, scrollBy} from '../list/list-window.js';
import {activeTab, openTab, updateActive, type Tab} from '../editor/tabs.js';
import {caseLines} from '../editor/case-lines.js';
import {problemLines} from '../problem-detail/problem-lines.js';
import {teamRows, teamVisible} from '../team/team-rows.js';
import {logViewReducer} from '../views/log/log-view-state.js';
import {handoverReducer} from '../views/handover/handover-state.js';
import {handoverBodyHeight} from '../views/handover/handover-preview.js';
import {currentHandover} from './desk-handover.js';
import {currentLogModel, logDo, logRows} from './desk-log.js';
import {focusedPane, inFocus, panesFor} from '../contexts/active.js';
import type {DeskState, View} from './desk-state.js';
import {teamDocumentRefusal, type TeamDocument} from '../../domain/read-scope.js';
import {contextCommand} from '../contexts/registry.js';
import type {KeyInfo} from '../contexts/key-names.js';
import {isPlainText} from '../input/split-keys.js';
import {lineEditCommand} from '../input/text-field.js';

export function currentExplorerRows(s: DeskState): ExplorerRow[] {
	return explorerRows(s.model, s.folded, s.explorer.filter);
}

export function explorerVisible(s: DeskState): number {
	return Math.max(1, s.layout.explorerRows - (showsFilterLine(s.explorer) ? 1 : 0));
}

export function problemsVisible(s: DeskState): number {
	return Math.max(1, s.layout.problemRows - (showsFilterLine(s.problems) ? 1 : 0));
}

/**
 * A view's own list refitted to the rows it has now, only while it shows: the Log view's rows cost a filter
 * pass, the Team view's workload and trigger sums (memoised per model). setView refits on the way in.
 */
const REFIT: Partial<Record<View, (s: DeskState) => DeskState>> = {
	log: s => ({...s, log: logViewReducer(s.log, {type: 'clamp', rowCount: currentLogModel(s).rows.length, visible: logRows(s)})}),
	team: s => ({...s, team: follow(s.team, teamRows(s.model).length, teamVisible(s.layout.mainHeight))}),
};
const refit = (s: DeskState): DeskState => REFIT[s.view]?.(s) ?? s;

export function clampAll(s: DeskState): DeskState {
	return refit({
		...s,
		explorer: filterListReducer(s.explorer, {type: 'clamp'}, currentExplorerRows(s).length, explorerVisible(s)),
		problems: filterListReducer(s.problems, {type: 'clamp'}, problemRows(s.model, s.problems.filter).length, problemsVisible(s)),
	});
}

export function explorerDo(s: DeskState, a: FilterListAction): DeskState {
	const explorer = filterListReducer(s.explorer, a, currentExplorerRows(s).length, explorerVisible(s));
	return explorer === s.explorer ? s : clampAll({...s, explorer});
}

export function problemsDo(s: DeskState, a: FilterListAction): DeskState {
	const problems = filterListReducer(s.problems, a, problemRows(s.model, s.problems.filter).length, problemsVisible(s));
	return problems === s.problems ? s : clampAll({...s, problems});
}

/** The views that show a team document (domain/read-scope.ts): the supervisors', refused to an officer. */
const DOCUMENT_VIEWS: Partial<Record<View, TeamDocument>> = {handover: 'handover', log: 'log', calendar: 'calendar'};

/** Why the person at the desk may not open `view` (README "Who may read what"), or null when they may. */
export function viewRefusal(s: DeskState, view: View): string | null {
	const doc = DOCUMENT_VIEWS[view];
	return doc ? teamDocumentRefusal(s.model.data, s.model.scope, doc, 'desk') : null;
}

/**
 * Shows `view`, keeping the focused pane if the view has it (else the explorer's place); its list refitted.
 * Every way into a view comes here, so a view the reader may not see is refused here, once, with who can.
 */
export function setView(s: DeskState, view: View): DeskState {
	const refused = viewRefusal(s, view);
	if (refused) return {...s, notice: refused};
	// Resized or reloaded while another view showed: the view's own list is refitted on the way in.
	return refit({...s, view, focus: panesFor(view).includes(s.focus) ? s.focus : 'explorer'});
}

export function openTabAndFocus(s: DeskState, tab: Tab): DeskState {
	return {...s, view: 'cases', focus: 'editor', tabs: openTab(s.tabs, tab)};
}

/** Opens a case's tab, focuses the editor, and moves the explorer cursor onto it when it is listed. */
export function openCase(s: DeskState, ref: string): DeskState {
	let next: DeskState = {...s, view: 'cases', focus: 'editor', tabs: openTab(s.tabs, {kind: 'case', ref, scroll: 0})};
	const c = s.model.caseByRef.get(ref);
	if (c && next.folded.has(c.oicId)) {
		const folded = new Set(next.folded);
		folded.delete(c.oicId);
		next = {...next, folded};
	}
	const at = rowIndexOf(currentExplorerRows(next), {ref});
	if (at !== -1) next = explorerDo(next, {type: 'move-to', index: at});
	return next;
}

export function showOfficer(s: DeskState, officerId: string): DeskState {
	let next: DeskState = {...s, view: 'cases', focus: 'explorer'};
	let at = rowIndexOf(currentExplorerRows(next), {officerId});
	if (at === -1 && next.explorer.filter !== '') {
		next = explorerDo(next, {type: 'clear-filter'});
		at = rowIndexOf(currentExplorerRows(next), {officerId});
	}
	if (at === -1) {
		const o = s.model.officerById.get(officerId);
		return {...next, notice: `${o ? o.name : officerId} holds no live cases; see the Team view (2).`};
	}
	return explorerDo(next, {type: 'move-to', index: at});
}

export function selectedExplorerRow(s: DeskState): ExplorerRow | undefined {
	return currentExplorerRows(s)[s.explorer.win.cursor];
}

/** Asked by the registry (contexts/active.ts); named here for the views that read it. */
export {reviewHasKeys} from '../contexts/active.js';

/** The case the user is pointing at in the focused pane, if any. */
export function caseInFocus(s: DeskState): string | undefined {
	switch (focusedPane(s)) {
		case 'editor': {
			const tab = activeTab(s.tabs);
			return tab && tab.kind !== 'review-queue' ? (tab.ref ?? undefined) : undefined;
		}
		case 'problems': {
			const p = problemRows(s.model, s.problems.filter)[s.problems.win.cursor];
			return p && p.subject.type === 'case' ? p.subject.ref : undefined;
		}
		case 'explorer': {
			const row = selectedExplorerRow(s);
			return row && row.kind === 'case' ? row.c.ref : undefined;
		}
		default:
			return undefined;
	}
}

export function toggleFold(s: DeskState, officerId: string, fold: boolean | undefined): DeskState {
	const isFolded = s.folded.has(officerId);
	const want = fold ?? !isFolded;
	if (want === isFolded) return s;
	const folded = new Set(s.folded);
	if (want) folded.add(officerId);
	else folded.delete(officerId);
	const next = {...s, folded};
	return explorerDo(next, {type: 'move-to', index: rowIndexOf(currentExplorerRows(next), {officerId})});
}

/** The lines of the active case or problem tab at the editor's width (undefined: no such tab). */
export function tabLength(s: DeskState): number | undefined {
	const tab = activeTab(s.tabs);
	if (!tab || (tab.kind !== 'case' && tab.kind !== 'problem')) return undefined;
	const width = s.layout.editorInner;
	return tab.kind === 'case'
		? caseLines(s.model, tab.ref, width, s.keymap).length
		: problemLines(s.model, tab, width, s.keymap, s.actor?.officerId ?? null).length;
}

export type Delta = number | 'first' | 'last';

/** Moves what has the focus: a tab's text, a list, the Handover view's text, the Calendar view's cursor. */
export function moveFocused(s: DeskState, delta: Delta): DeskState {
	const first = delta === 'first' ? -Infinity : delta === 'last' ? Infinity : delta;
	switch (focusedPane(s)) {
		case 'editor': {
			const tab = activeTab(s.tabs);
			const length = tabLength(s);
			if (!tab || (tab.kind !== 'case' && tab.kind !== 'problem') || length === undefined) return s;
			const visible = s.layout.editorRows;
			const scroll = Number.isFinite(first) ? scrollBy(tab.scroll, first, length, visible) : first < 0 ? 0 : Math.max(0, length - visible);
			return {
				...s,
				tabs: updateActive(s.tabs, t => ((t.kind === 'case' || t.kind === 'problem') && t.scroll !== scroll ? {...t, scroll} : t)),
			};
		}
		case 'problems':
		case 'explorer': {
			const list = inFocus(s, 'problems') ? problemsDo : explorerDo;
			if (delta === 'first') return list(s, {type: 'move-to', index: 0});
			if (delta === 'last') return list(s, {type: 'move-to', index: Number.MAX_SAFE_INTEGER});
			return list(s, {type: 'move', delta});
		}
		case 'team': {
			const length = teamRows(s.model).length;
			const step = delta === 'first' ? -length : delta === 'last' ? length : delta;
			return {...s, team: moveBy(s.team, step, length, teamVisible(s.layout.mainHeight))};
		}
		case 'handover': {
			const max = Math.max(0, currentHandover(s).lines.length - handoverBodyHeight(s.layout.mainHeight));
			return {...s, handover: handoverReducer(s.handover, {type: 'scroll', by: first, max})};
		}
		case 'log': {
			const rowCount = currentLogModel(s).rows.length;
			const step = delta === 'first' ? -rowCount : delta === 'last' ? rowCount : delta;
			return logDo(s, {type: 'move', delta: step, rowCount, visible: logRows(s)});
		}
		case 'calendar':
			return s;
	}
}

/** Typing a filter: text goes to the filter line; arrows still move; Enter keeps, Esc clears. */
export function onFilterInput(s: DeskState, list: typeof explorerDo, input: string, key: KeyInfo): DeskState {
	switch (contextCommand(s.keymap.filter, input, key, true)) {
		case 'filter-clear':
			return list(s, {type: 'clear-filter'});
		case 'filter-keep':
			return list(s, {type: 'keep-filter'});
		case 'filter-up':
			return list(s, {type: 'move', delta: -1});
		case 'filter-down':
			return list(s, {type: 'move', delta: 1});
	}
	const edit = lineEditCommand(input, key);
	if (edit) return list(s, {type: 'erase', edit});
	return isPlainText(input, key) ? list(s, {type: 'type', text: input}) : s;
}
