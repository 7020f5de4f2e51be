/**
 * A problem's detail (README "Acting on a problem"), opened by Enter in the Problems panel: what is
 * wrong, the evidence with its dates, what to do and the ways to clear it, and the keys that act from
 * here. One-terminal-line rows like the case view (case-lines.ts), so the editor scrolls it and draws
 * the visible slice; memoised per (model, problem, width). Store text goes through safeText.
 */
import {shortDate, type IsoDate} from '../../domain/dates.js';
import {notYoursToRead} from '../../domain/not-yours.js';
import {fullName} from '../../domain/people.js';
import type {Problem} from '../../domain/problem.js';
import {absenceOfWay, type DeskWay, type Resolve} from '../../domain/resolve.js';
import {KIND_LABELS} from '../../domain/rules/index.js';
import {safeText} from '../../domain/safe-text.js';
import {waysForOfficer} from '../../domain/ways-for-officer.js';
import {whatCleared, whatClearedOfficer} from '../../domain/what-cleared.js';
import {alteredEntryLine, alteredEntryWords} from '../model/altered-entry.js';
import type {Line} from '../editor/case-lines.js';
import {DEFAULT_KEYMAP, hintKeyFor, keysFor, type Keymap} from '../contexts/registry.js';
import type {DeskModel} from '../model/desk-model.js';
import {setAsideRefusal} from '../model/case-set-aside.js';
import {wrap} from '../text.js';

/** The problem tab's subject, kept in the tab so the keys still know it once the problem has cleared. */
export interface ProblemSubject {
	id: string;
	/** The case, for a case problem; null for an officer or supervisor problem. */
	ref: string | null;
	officerId: string;
}

/**
 * The keys in force for a way's desk action (README "Settings": a remapped key replaces the default
 * everywhere); the way itself carries the default key, which the command line and the handover name.
 */
export function wayKeys(desk: DeskWay, keymap: Keymap = DEFAULT_KEYMAP): string {
	return keysFor(desk.action, keymap) || desk.key;
}

/** One way to clear a problem in one line of words: the desk key first when there is one, else the command. */
export function resolveLine(w: Resolve, keymap: Keymap = DEFAULT_KEYMAP): string {
	if (w.desk) return `${wayKeys(w.desk, keymap)}: ${safeText(w.label)}`;
	if (w.command) return `${safeText(w.label)}: ${safeText(w.command)}`;
	return safeText(w.label);
}

/** The problem with this id in the model, if the rules still find it. */
export function problemById(model: DeskModel, id: string): Problem | undefined {
	let index = byId.get(model);
	if (!index) byId.set(model, (index = new Map(model.problems.map(p => [p.id, p]))));
	return index.get(id);
}

const byId = new WeakMap<DeskModel, Map<string, Problem>>();
const caches = new WeakMap<Keymap, WeakMap<DeskModel, Map<string, Line[]>>>();

/** The detail's lines at `width`, its key hints in the keys in force (built once per model, keymap and width). */
export function problemLines(
	model: DeskModel,
	subject: ProblemSubject,
	width: number,
	keymap: Keymap = DEFAULT_KEYMAP,
	readerId: string | null = null,
): Line[] {
	let cache = caches.get(keymap);
	if (!cache) caches.set(keymap, (cache = new WeakMap()));
	let m = cache.get(model);
	if (!m) cache.set(model, (m = new Map()));
	const key = `${width}\u0000${subject.id}\u0000${readerId ?? ''}`;
	let lines = m.get(key);
	if (!lines) m.set(key, (lines = build(model, subject, width, keymap, readerId)));
	return lines;
}

/**
 * The problem as `readerId` may act on it (ways-for-officer.ts): only the ways they may take, or when none,
 * each marked with who can and without its desk key, so the detail offers only keys that act for them (QA 8
 * R1). An officer's own problems come so already (read-scope.ts readableProblems); without a reader (a desk
 * made in memory), as found. The case view's problems too (editor/case-lines.ts).
 */
export function asReaderMay(model: DeskModel, p: Problem | undefined, readerId: string | null): Problem | undefined {
	if (!p || readerId === null || model.scope.kind !== 'team') return p;
	return waysForOfficer(model.data, model.today, readerId, p);
}

/**
 * What the keys in a problem's detail do, in the keymap's keys, naming only keys that act here
 * (test/ui/keys-in-help.test.tsx): the case's keys on a case's problem; on an officer's, their cases in
 * the explorer when they hold any (and `m` takes you there when a reallocation would clear it).
 */
export function problemKeyHints(
	model: DeskModel,
	subject: ProblemSubject,
	p: Problem | undefined,
	keymap: Keymap = DEFAULT_KEYMAP,
): string[] {
	const ways = p?.resolve ?? [];
	const hints: string[] = [];
	// A case set aside by the store has no case keys (model/case-set-aside.ts): the detail says why instead.
	if (subject.ref !== null && setAsideRefusal(model, subject.ref) !== null) {
		// Nothing acts on the case, nor on its officer from here: Enter on it says why (desk-commands.ts).
	} else if (subject.ref !== null) {
		hints.push(`${keysFor('reallocate', keymap)} reallocate the case`, `${keysFor('review', keymap)} review the case`);
		// The other ways that act from here (desk-records.ts): a bail event on the case.
		if (ways.some(w => w.way === 'bail-record' && w.desk)) hints.push(`${keysFor('bail-record', keymap)} record a bail event`);
		hints.push(`${keysFor('open', keymap)} open the case`);
	} else if (model.groups.some(g => g.id === subject.officerId && g.cases.length > 0)) {
		if (ways.some(w => w.way === 'reallocate')) hints.push(`${keysFor('reallocate', keymap)} choose a case to reallocate`);
		hints.push(`${keysFor('open', keymap)} show their cases`);
	}
	// A welfare event, the absence's cover (desk-records.ts).
	if (ways.some(w => w.way === 'welfare-record' && w.desk)) hints.push(`${keysFor('welfare-record', keymap)} record the welfare event`);
	if (ways.some(w => w.desk && absenceOfWay(w) !== null)) hints.push(`${keysFor('absence-change', keymap)} change the absence (cover)`);
	hints.push(`${keysFor('close-tab', keymap)} close`);
	return hints;
}

function build(model: DeskModel, subject: ProblemSubject, width: number, keymap: Keymap, readerId: string | null): Line[] {
	const today = model.today;
	const out: Line[] = [];
	const add = (text: string, extra: Omit<Line, 'text'> = {}) => {
		for (const l of wrap(text, width)) out.push({text: l, ...extra});
	};
	const indented = (text: string, by = 2, extra: Omit<Line, 'text'> = {}) => {
		for (const l of wrap(text, width - by)) out.push({text: `${' '.repeat(by)}${l}`, ...extra});
	};
	/** `lead` then `text`, continued under the text's first column. */
	const hanging = (lead: string, text: string) => {
		for (const [i, l] of wrap(text, width - lead.length).entries()) out.push({text: `${i === 0 ? lead : ' '.repeat(lead.length)}${l}`});
	};
	const heading = (text: string) => {
		out.push({text: ''});
		out.push({text, heading: true});
	};
	const p = asReaderMay(model, problemById(model, subject.id), readerId);
	const who = subject.ref !== null ? safeText(subject.ref) : safeText(fullName(model.officerById.get(subject.officerId)));
	const d = (date: IsoDate) => shortDate(date, today);
	if (!p) {
		if (!model.problemsReady) return [{text: 'Checking the rules...'}];
		// Not cleared but no longer the reader's to read (their cover changed by another user): never "CLEARED" (QA 8 D7).
		const notYours = notYoursToRead(model.data, model.scope, subject, today);
		if (notYours) {
			add(notYours, {heading: true});
			add(`${hintKeyFor('close-tab', keymap)} closes this tab.`);
			return out;
		}
		add(`CLEARED: the rules no longer find this problem about ${who} (as of ${d(today)}).`, {heading: true});
		// What cleared it: the latest record on the case, as the domain says it (domain/what-cleared.ts).
		const c = subject.ref !== null ? model.caseByRef.get(subject.ref) : undefined;
		if (c) {
			const reviews = model.history?.get(c.ref) ?? model.reviews.get(c.ref) ?? [];
			// A review altered since it was signed is named, never quoted as what cleared it (model/altered-entry.ts).
			const data = model.wholeData ?? model.data;
			const altered = reviews.map(r => alteredEntryWords(data, r)).find(w => w !== null);
			add(altered ? alteredEntryLine(safeText(altered)) : whatCleared({case: c, reviews, officerById: model.officerById, today}).text);
		} else if (subject.ref === null) {
			// An officer's problem: the welfare event, the cover or the move that answered it (QA 6 R5).
			const officer = {problemId: subject.id, officerId: subject.officerId, data: model.data, officerById: model.officerById, today};
			const said = whatClearedOfficer(officer);
			if (said) add(said);
		}
		add(`${hintKeyFor('close-tab', keymap)} closes this tab.`);
		return out;
	}
	add(`${p.severity.toUpperCase()}  ${KIND_LABELS[p.kind]}`, {heading: true, severity: p.severity});
	if (p.subject.type === 'case') {
		const c = model.caseByRef.get(p.subject.ref);
		const offence = c ? ` ${safeText(c.offenceShort)}` : '';
		add(`${who}${offence}, OIC ${safeText(fullName(model.officerById.get(p.subject.officerId)))}`);
	} else add(`${who}${p.subject.type === 'supervisor' ? ' (as supervisor)' : ''}`);
	add(`Since ${d(p.since)}${p.due ? `; due ${d(p.due)}` : ''}.   ${safeText(p.id)}`);
	add(`Keys: ${problemKeyHints(model, subject, p, keymap).join(' | ')}`);
	const setAside = setAsideRefusal(model, subject.ref);
	if (setAside) add(`No case keys: ${setAside}`);
	out.push({text: ''});
	add(safeText(p.message), {severity: p.severity});

	heading('WHAT TO DO');
	indented(safeText(p.action));
	for (const w of p.resolve ?? []) {
		out.push({text: ''});
		const keys = w.desk ? wayKeys(w.desk, keymap) : '-';
		hanging(`  ${keys}  `, safeText(w.label));
		if (w.desk) hanging('     desk: ', `${keys} on ${w.desk.where}`);
		if (w.command) hanging('     command: ', safeText(w.command));
		if (!w.desk && !w.command) hanging('     ', '(outside fortnight: nothing to record here yet)');
	}

	heading(`EVIDENCE (${p.evidence.length})`);
	if (p.evidence.length === 0) indented('None recorded.');
	for (const e of p.evidence) {
		const date = e.date ? d(e.date) : 'undated';
		const about = [e.caseRef ? safeText(e.caseRef) : null, e.id && e.id !== e.caseRef ? `${e.type} ${safeText(e.id)}` : e.type]
			.filter(Boolean)
			.join(', ');
		indented(`${date}: ${safeText(e.detail)} (${about})`);
	}
	return out;
}
