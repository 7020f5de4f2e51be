/**
 * Acting on a problem from the desk (README "Acting on a problem"): Enter on a problem opens its detail
 * in the editor area, and `m` (from the detail, the case view, a case row or the palette) opens the
 * reallocation form. The desk's reducer calls these; the shell saves (an effect: effects/store-writes.ts).
 */
import {notYoursToRead} from '../../domain/not-yours.js';
import {isLive} from '../../domain/case-facts.js';
import {shortName} from '../../domain/people.js';
import {mayReallocate} from '../../domain/permissions.js';
import {heldAs} from '../../domain/reallocate.js';
import type {Problem} from '../../domain/problem.js';
import {safeText} from '../../domain/safe-text.js';
import {activeTab, openTab, type Tab} from '../editor/tabs.js';
import type {KeyInfo} from '../keymap.js';
import {hintKeyFor, hintLine, keysFor} from '../contexts/registry.js';
import {inFocus} from '../contexts/active.js';
import {openReallocateForm, reallocateFormKey} from '../reallocate/reallocate-form-state.js';
import {problemRows} from '../problems-panel/problem-rows.js';
import {caseInFocus, openCase, showOfficer, type DeskState} from './desk-state.js';
import {currentHandover} from './desk-handover.js';
import {handoverBodyHeight, itemInView} from '../views/handover/handover-preview.js';
import {KIND_LABELS} from '../../domain/rules/index.js';

/**
 * Who is at the keyboard (README "Who you are"): the desk's officer records the move. Null only in a
 * state built without one (tests); the domain then refuses the move for want of an officer to record.
 */
function deskOfficerId(s: DeskState): string | null {
	return s.actor?.officerId ?? null;
}

/** Opens `p`'s detail as an editor tab with the focus, so its keys act on it. */
export function openProblemDetail(s: DeskState, p: Problem): DeskState {
	return openProblemTab(s, p.id, p.subject.type === 'case' ? p.subject.ref : null, p.subject.officerId);
}

/**
 * Opens the detail of the problem with id `id` (its subject: case `ref`, or officer `officerId`). The tab
 * finds its problem by id in the model as it draws (problem-detail/problem-lines.ts), so one opened
 * before the rules have run says so and fills in when they have.
 */
function openProblemTab(s: DeskState, id: string, ref: string | null, officerId: string): DeskState {
	const who = ref ?? shortName(s.model.officerById.get(officerId));
	const tab: Tab = {kind: 'problem', id, ref, officerId, title: who, scroll: 0};
	return {...s, view: 'cases', focus: 'editor', tabs: openTab(s.tabs, tab)};
}

/** Enter in a problem's detail: its case in a tab, or its officer in the explorer. */
export function openProblemSubject(s: DeskState): DeskState | undefined {
	const tab = activeTab(s.tabs);
	if (!inFocus(s, 'editor') || tab?.kind !== 'problem') return undefined;
	return tab.ref !== null ? openCase(s, tab.ref) : showOfficer(s, tab.officerId);
}

/**
 * The officer of a problem about an officer (Workload, new starter) in hand: its detail in the editor, or
 * its row under the Problems panel's cursor. Both are the same problem, so `m` does the same from either
 * (QA pass 3, R10: the panel said "Select a case first" while the problem's way offered m).
 */
function officerProblemInHand(s: DeskState): string | undefined {
	if (inFocus(s, 'problems')) {
		const p = problemRows(s.model, s.problems.filter)[s.problems.win.cursor];
		return p && p.subject.type !== 'case' ? p.subject.officerId : undefined;
	}
	const tab = inFocus(s, 'editor') ? activeTab(s.tabs) : undefined;
	return tab?.kind === 'problem' && tab.ref === null ? tab.officerId : undefined;
}

/** `m`: the reallocation form for the case in hand, or a word on how to choose one. */
export function openReallocate(s: DeskState): DeskState {
	if (s.cannotWrite) return {...s, notice: `Cases cannot be reallocated: ${s.cannotWrite}`};
	if (s.reallocateWrite || s.absenceWrite) return {...s, notice: 'A change is still being saved: try again in a moment.'};
	const officerId = officerProblemInHand(s);
	if (officerId !== undefined) {
		const who = safeText(shortName(s.model.officerById.get(officerId)));
		const shown = showOfficer(s, officerId);
		return shown.notice
			? shown
			: {
					...shown,
					notice:
						`Choose one of ${who}'s cases (${hintLine(s.keymap, [[['down', 'up'], '']]).trim()}), then press ${keysFor('reallocate', s.keymap)} to ` +
						`reallocate it.`,
				};
	}
	const ref = caseInFocus(s);
	if (!ref)
		return {
			...s,
			notice: `Select a case first: ${hintKeyFor('reallocate', s.keymap)} reallocates the case under the cursor, in the editor or in a problem's detail.`,
		};
	const c = s.model.caseByRef.get(ref);
	// Still in the store but no longer the reader's (QA 8 D7: domain/not-yours.ts) is said so, not "gone".
	if (!c) {
		const notYours = notYoursToRead(s.model.data, s.model.scope, {ref, officerId: ''}, s.model.today);
		return {...s, notice: notYours ?? `${safeText(ref)} is no longer in the store.`};
	}
	if (!isLive(c)) return {...s, notice: `${safeText(ref)} is closed, so it is not reallocated.`};
	// Refused before the form opens when the person at the keyboard may not move it (README "Case history").
	const by = deskOfficerId(s);
	const may = by === null ? null : mayReallocate(s.model.data, by, ref, null, s.model.today);
	if (may && !may.ok) return {...s, notice: may.reason};
	return {...s, view: 'cases', reallocateForm: openReallocateForm(ref, s.model.today, heldAs(s.model.data, ref))};
}

/** Keys while the form is open: it takes every key (see reallocate-form-state.ts). */
export function onReallocateFormInput(s: DeskState, input: string, key: KeyInfo): DeskState {
	const form = s.reallocateForm!;
	const out = reallocateFormKey(form, input, key, {data: s.model.data, today: s.model.today, by: deskOfficerId(s) ?? ''}, s.keymap);
	if (out.type === 'close') return {...s, reallocateForm: null, notice: 'Nothing changed.'};
	if (out.type === 'stay') return out.form === form ? s : {...s, reallocateForm: out.form};
	const seq = s.reallocateWrites + 1;
	return {...s, reallocateForm: out.form, reallocateWrites: seq, reallocateWrite: {seq, request: out.request}};
}

/** The shell saved (error null) or refused the move numbered `seq`: a refusal keeps the form and what was typed. */
export function reallocateWritten(s: DeskState, seq: number, error: string | null, notice: string): DeskState {
	const w = s.reallocateWrite;
	if (!w || w.seq !== seq) return s;
	if (error && s.reallocateForm)
		return {...s, reallocateWrite: null, reallocateForm: {...s.reallocateForm, saving: false, error: {field: null, text: error}}};
	return {...s, reallocateWrite: null, reallocateForm: null, notice: error ?? notice};
}

/**
 * Enter in the Handover view (QA 5 R7): the item marked in view opens as the Problems panel opens its
 * rows: a decision's problem in its detail (its ways' keys act there, Enter goes on to the case), a dated
 * item's case in a tab.
 */
export function openHandoverItem(s: DeskState): DeskState {
	const preview = currentHandover(s);
	const at = itemInView(preview.lines, s.handover.scroll, handoverBodyHeight(s.layout.mainHeight));
	const open = at === null ? undefined : preview.lines[at]!.open;
	if (!open) {
		const move = `${hintKeyFor('down', s.keymap)}/${hintKeyFor('up', s.keymap)}`;
		return {...s, notice: `No item in view to open: scroll (${move}) to a decision or a dated item.`};
	}
	if ('caseRef' in open) return openCase(s, open.caseRef);
	const d = preview.handover.decisions[open.decision]!;
	// By the id of the problem the decision came from (build.ts), as problems --json prints it: never by
	// kind, subject and words, which two problems can share (two submissions of one item on a case) and
	// a rule's rewording would break.
	if (!s.model.problemsReady) return openProblemTab(s, d.problemId, d.caseRef, d.officerId);
	const p = s.model.problems.find(x => x.id === d.problemId);
	if (p) return openProblemDetail(s, p);
	const kind = (KIND_LABELS as Readonly<Record<string, string | undefined>>)[d.kind] ?? d.kind;
	const about = d.caseRef !== null ? `${safeText(d.caseRef)} (${safeText(d.officerName)})` : safeText(d.officerName);
	return {...s, notice: `${kind}, ${about}: no longer a problem today, so there is no detail to open.`};
}
