/**
 * A case's read view as a list of one-terminal-line rows, so the editor can scroll it and draw only
 * the visible slice. Everything comes from the store and from domain (problems, bail clock); every
 * piece of store text goes through safeText. Memoised per (model, case, width).
 */
import {notYoursToRead} from '../../domain/not-yours.js';
import {DEFAULT_KEYMAP, hintKeyFor, keysFor, type Keymap} from '../contexts/registry.js';
import {reviewKey} from '../review/review-keymap.js';
import {AUTHORITY_NAMES, bailClock, suspectWords} from '../../domain/bail.js';
import {lastUpdateDate, openActions} from '../../domain/case-facts.js';
import {daysBetween, shortDate, type IsoDate} from '../../domain/dates.js';
import type {Case} from '../../domain/model.js';
import {fullName, shortName} from '../../domain/people.js';
import type {Severity} from '../../domain/problem.js';
import {asReaderMay, resolveLine} from '../problem-detail/problem-lines.js';
import {setAsideRefusal} from '../model/case-set-aside.js';
import {reviewSummaryFor, reviewWithheld} from '../../domain/read-scope.js';
import {safeText} from '../../domain/safe-text.js';
import {caseStatusWords} from '../../domain/status-words.js';
import {updateByline} from '../../domain/update-author.js';
import {alteredEntryLine, alteredEntryWords} from '../model/altered-entry.js';
import type {DeskModel} from '../model/desk-model.js';
import {reviewBadge} from '../model/desk-model.js';
import {wrap} from '../text.js';
import {capLines, storeLines} from '../store-lines.js';
import {nextReviewMovedLater, signedNextReviewSource} from '../../domain/signed-next-review.js';

export interface Line {
	text: string;
	/** Section headings are bold. */
	heading?: boolean;
	/** Colour hint only: the text already says the severity. */
	severity?: Severity;
}

/** How many crime-report updates the read view lists (latest first). */
export const UPDATES_SHOWN = 6;

/** Screen lines one piece of multi-line text (an update, a summary, an action) may take in the read view. */
export const TEXT_LINES_SHOWN = 8;

/** Per store revision and keymap in force (a remapped key changes a line), then per width and case. */
const cache = new WeakMap<DeskModel, WeakMap<Keymap, Map<string, Line[]>>>();

/** `keymap`: the keys in force, for the lines that name a key (a draft in progress). */
export function caseLines(model: DeskModel, ref: string, width: number, keymap: Keymap = DEFAULT_KEYMAP): Line[] {
	let byKeys = cache.get(model);
	if (!byKeys) {
		byKeys = new WeakMap();
		cache.set(model, byKeys);
	}
	let m = byKeys.get(keymap);
	if (!m) {
		m = new Map();
		byKeys.set(keymap, m);
	}
	const key = `${width}\u0000${ref}`;
	let lines = m.get(key);
	if (!lines) {
		lines = build(model, ref, width, keymap);
		m.set(key, lines);
	}
	return lines;
}

const MG3_WORDS: Record<Case['cps']['mg3Status'], string> = {
	'not-started': 'not started',
	'in-progress': 'in progress',
	submitted: 'submitted to CPS',
	'advice-received': 'CPS advice received',
	charged: 'charged',
	'no-further-action': 'no further action',
	'not-required': 'not required',
};

function ago(today: IsoDate, date: IsoDate): string {
	const d = daysBetween(date, today);
	return d === 0 ? 'today' : d > 0 ? `${d}d ago` : `in ${-d}d`;
}

function build(model: DeskModel, ref: string, width: number, keymap: Keymap): Line[] {
	const c = model.caseByRef.get(ref);
	const today = model.today;
	const out: Line[] = [];
	const add = (text: string, extra: Omit<Line, 'text'> = {}) => {
		for (const l of wrap(text, width)) out.push({text: l, ...extra});
	};
	const indented = (text: string, extra: Omit<Line, 'text'> = {}) => {
		for (const l of wrap(text, width - 2)) out.push({text: `  ${l}`, ...extra});
	};
	// Multi-line text shown as lines (README "The review desk"): the first after `lead`, the rest under it,
	// at most TEXT_LINES_SHOWN screen lines, then how many more there are. `tail` follows the first line.
	const block = (lead: string, text: string, tail = '', extra: Omit<Line, 'text'> = {}) => {
		const [first = '', ...more] = storeLines(text);
		const head = wrap(`${lead}${first}${tail}`, width - 2).map(l => `  ${l}`);
		const rest = more.flatMap(m => (m === '' ? [''] : wrap(m, width - 4).map(l => `    ${l}`)));
		// Short enough for the narrowest editor pane (QA 7 R17: the longer pointer was itself cut).
		const shown = capLines([...head, ...rest], TEXT_LINES_SHOWN, n => `    … ${n} more lines: fortnight case show`);
		for (const l of shown) out.push({text: l, ...extra});
	};
	const heading = (text: string) => {
		out.push({text: ''});
		out.push({text, heading: true});
	};
	if (!c) {
		// Still in the store but no longer the reader's (their cover changed by another user): said so, never "gone" (QA 8 D7).
		const notYours = notYoursToRead(model.data, model.scope, {ref, officerId: ''}, today);
		// Nor is a case whose row the store set aside (model/case-set-aside.ts): it is in the database, unreadable.
		const why = notYours ?? setAsideRefusal(model, ref) ?? `${safeText(ref)} is no longer in the store (moved or deleted by another user).`;
		add(`${why} Press ${hintKeyFor('close-tab', keymap)} to close this tab.`);
		return out;
	}
	const d = (s: IsoDate) => shortDate(s, today);
	const name = (id: string) => safeText(shortName(model.officerById.get(id)));
	add(`${safeText(c.ref)}  ${safeText(c.offence)}`, {heading: true});
	add(
		`Status: ${caseStatusWords(c.status)}${c.closedOn ? ` on ${d(c.closedOn)}` : ''}   Risk: ${c.risk.toUpperCase()}   OIC: ` +
			`${safeText(fullName(model.officerById.get(c.oicId)))} (since ${d(c.allocatedOn)})`,
	);
	const reviews = model.reviews.get(c.ref) ?? [];
	const lastReview = reviews.at(-1);
	const badge = reviewBadge(model, c);
	// The date the rules judge by: a copy moved later than the signed review's outside fortnight is not shown as the case's (QA 9 D7).
	const moved = nextReviewMovedLater(c.nextReviewDue, model.signedNext.get(c.ref));
	if (moved)
		add(
			`The case record's next review date, ${d(c.nextReviewDue)}, was moved later outside fortnight: ` +
				`${signedNextReviewSource(moved)} set ${d(moved.date)}, which stands.`,
			{severity: 'critical'},
		);
	add(
		`Next review: ${d(moved ? moved.date : c.nextReviewDue)} (${badge.text})   Last review: ` +
			`${lastReview ? `${d(lastReview.data.date)} by ${name(lastReview.data.reviewerId)}` : 'none recorded'}   Opened ${d(c.opened)}`,
		{severity: badge.severity},
	);
	if (model.drafts.has(c.ref))
		add(
			`Review DRAFT in progress: ${keysFor('review', keymap)} resumes it (${reviewKey('discard', keymap.review)} in the review discards it).`,
		);

	const problems = model.problemsByCase.get(c.ref) ?? [];
	heading(model.problemsReady ? `PROBLEMS (${problems.length})` : 'PROBLEMS (checking the rules...)');
	if (problems.length === 0 && model.problemsReady) indented('None found by the rules today.');
	for (const p of problems) {
		indented(`${p.severity.toUpperCase()}: ${safeText(p.message)}`, {severity: p.severity});
		indented(`  What to do: ${safeText(p.action)}`);
		// Only the ways the person at the desk may take, or who can (as the problem's detail: ways-for-officer.ts).
		for (const w of asReaderMay(model, p, model.readerId ?? null)?.resolve ?? []) indented(`  ${resolveLine(w, keymap)}`);
	}

	heading('BAIL / RUI');
	const clock = bailClock(c.bail, today);
	if (c.bail && clock) {
		const limits = c.bail.regime === 'pcsc-2022' ? 'PCSC Act 2022 limits' : 'pre-October 2022 limits';
		indented(`${safeText(suspectWords(c.bail.suspect, true))} bailed ${d(c.bail.bailedOn)} (${limits}).`);
		indented(
			`Answers bail ${d(clock.returnDate)} (${clock.returnMissed ? `PASSED ${-clock.daysToReturn}d ago` : `${clock.daysToReturn}d left`}).`,
		);
		indented(
			`Bail period ends ${d(clock.periodEnd)} ` +
				(clock.lapsed ? `(LAPSED ${-clock.daysToPeriodEnd}d ago: it can no longer be extended)` : `(${clock.daysToPeriodEnd}d left)`) +
				`, authorised by ${AUTHORITY_NAMES[clock.currentAuthority]}.`,
		);
		if (!clock.lapsed)
			indented(
				`Next extension: ${AUTHORITY_NAMES[clock.nextAuthority]}${clock.nextPeriodEnd ? `, up to ${d(clock.nextPeriodEnd)}` : ''}; must be authorised ` +
					`before ${d(clock.periodEnd)}.`,
			);
		for (const e of c.bail.extensions)
			indented(`Extended ${d(e.date)} by ${safeText(e.authorisedBy)} (${AUTHORITY_NAMES[e.authority]}) to ${d(e.periodEnd)}.`);
	} else if (c.bail && c.bail.endedOn) indented(`Bail ended ${d(c.bail.endedOn)} (${safeText(suspectWords(c.bail.suspect))}).`);
	if (c.rui && c.rui.endedOn === null) {
		const told = c.rui.lastSuspectUpdate ? `${d(c.rui.lastSuspectUpdate)} (${ago(today, c.rui.lastSuspectUpdate)})` : 'never';
		const who = safeText(suspectWords(c.rui.suspect, true));
		indented(`${who} released under investigation since ${d(c.rui.since)}; last told of progress ${told}.`);
	}
	if (!c.bail && !(c.rui && c.rui.endedOn === null)) indented('No suspect on bail or released under investigation.');

	heading('VICTIM');
	if (c.victim) {
		const last = c.victim.updates.at(-1);
		indented(
			`${safeText(c.victim.initials)}, ${c.victim.serviceLevel} service, reported ${d(c.victim.reportedOn)}. ${c.victim.updates.length} updates given; ` +
				`last ${last ? `${d(last)} (${ago(today, last)})` : 'never'}.`,
		);
	} else indented('No victim recorded.');

	const updates = c.updates;
	const latest = lastUpdateDate(c);
	heading(`CRIME-REPORT UPDATES (${updates.length}; latest ${latest ? `${d(latest)}, ${ago(today, latest)}` : 'none'})`);
	const recent = [...updates].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, UPDATES_SHOWN);
	// An imported update is the records system's, not its OIC's words (QA 8 R6).
	for (const u of recent) block(`${d(u.date)} ${updateByline(u, name)}: `, u.text);
	if (updates.length > UPDATES_SHOWN) indented(`(${updates.length - UPDATES_SHOWN} older updates not shown)`);

	heading(`FORENSIC SUBMISSIONS (${c.forensics.length})`);
	if (c.forensics.length === 0) indented('None.');
	for (const f of c.forensics) {
		const state = f.resultOn
			? `result back ${d(f.resultOn)}`
			: `WAITING ${daysBetween(f.submitted, today)}d${f.expected ? `, expected ${d(f.expected)}` : ', no date given'}`;
		indented(`${safeText(f.item)}: submitted ${d(f.submitted)}, ${state}.`);
	}

	heading('MG3 / CPS');
	indented(
		`MG3 ${MG3_WORDS[c.cps.mg3Status]}${c.cps.mg3Since ? ` since ${d(c.cps.mg3Since)} (${ago(today, c.cps.mg3Since)})` : ''}.` +
			(c.cps.cpsDueDate ? ` CPS due back ${d(c.cps.cpsDueDate)}.` : '') +
			(c.cps.courtDate ? ` Court ${d(c.cps.courtDate)}.` : ''),
	);

	const open = openActions(c);
	heading(`OPEN ACTIONS (${open.length})`);
	if (open.length === 0) indented('None open.');
	for (const a of open) {
		const due = daysBetween(today, a.due);
		const when = due < 0 ? `OVERDUE ${-due}d` : due === 0 ? 'due today' : `due in ${due}d`;
		const progress = a.status === 'in-progress' && a.startedOn ? `, in progress since ${d(a.startedOn)}` : '';
		const carried = a.carriedCount > 0 ? `, carried over ${a.carriedCount} time${a.carriedCount === 1 ? '' : 's'}` : '';
		block('- ', a.text, ` (${name(a.ownerId)}, ${d(a.due)} ${when}${progress}${carried})`);
	}

	// Every review comes from the whole chain, read after the first frame for a split store.
	const history = model.history?.get(c.ref) ?? (model.history ? [] : reviews);
	const reading = model.history === null;
	heading(
		reading
			? `REVIEW HISTORY (${model.historyError ? 'the review chain could not be read' : 'reading the review chain...'})`
			: `REVIEW HISTORY (${history.length})`,
	);
	if (reading && model.historyError) indented(safeText(model.historyError));
	if (history.length === 0) indented('No signed review on record.');
	for (const r of [...history].reverse()) {
		// An entry altered since it was signed is named, never printed as signed (model/altered-entry.ts).
		const altered = alteredEntryWords(model.wholeData ?? model.data, r);
		if (altered) {
			block('', alteredEntryLine(safeText(altered)));
			continue;
		}
		const late = daysBetween(r.data.dueDate, r.data.date);
		const risk = r.data.riskBefore === r.data.riskAfter ? `risk ${r.data.riskAfter}` : `risk ${r.data.riskBefore} to ${r.data.riskAfter}`;
		const entry = `#${r.seq}${late > 0 ? `, ${late}d late` : ''}`;
		// An officer does not read the previous holder's performance, concern or welfare (domain/read-scope.ts).
		const summary = reviewSummaryFor(model.scope, r.data.oicId, r.data.summary);
		const withheld = reviewWithheld(model.scope, r.data.oicId);
		const note = withheld ? `Performance and welfare withheld (${withheld}). ` : '';
		block(`${d(r.data.date)} by ${name(r.data.reviewerId)} (${entry}): ${risk}; next due ${d(r.data.nextReviewDue)}. ${note}`, summary);
	}

	if (c.materialLocations.length > 0) {
		heading('WHERE THE MATERIAL IS');
		for (const m of c.materialLocations) block('- ', m);
	}
	return out;
}
