/**
 * What cleared a case's problem, said in its detail once the rules no longer find it (README "Acting on
 * a problem"): the latest record on the case, by when it was recorded: the bail event, the reallocation
 * or the review just signed, with its day and who recorded it. The QA pass saw a lapsed bail, ended as
 * RUI from its detail, described as who held the case: true, but not what had cleared it.
 */
import {currentAllocation} from '../../domain/case-history.js';
import {shortDate, type IsoDate} from '../../domain/dates.js';
import type {BailEvent, BailEventKind, Case} from '../../domain/model.js';
import {fullName, shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import type {DeskModel} from '../model/desk-model.js';

/** A bail event in the words of the note: "Bail ended: released under investigation". */
const BAIL_WORDS: Record<BailEventKind, (e: BailEvent, d: (date: IsoDate) => string) => string> = {
	extended: (e, d) =>
		`Bail extended${e.returnDate ? ` to ${d(e.returnDate)}` : ''}${e.authorisedBy ? ` (authorised by ${safeText(e.authorisedBy)})` : ''}`,
	're-bailed': (e, d) => `Re-bailed${e.returnDate ? ` to ${d(e.returnDate)}` : ''}`,
	charged: () => 'Bail ended: charged',
	rui: () => 'Bail ended: released under investigation',
	nfa: () => 'Bail ended: no further action',
	released: () => 'Bail ended: released without bail',
};

interface Said {
	/** When it was recorded (an instant), to find the latest; '' when not recorded. */
	at: string;
	text: string;
}

/** The note's sentence for case `ref`, or null when the store no longer holds it. */
export function clearedNote(model: DeskModel, ref: string): string | null {
	const c = model.caseByRef.get(ref);
	if (!c) return null;
	const d = (date: IsoDate) => shortDate(date, model.today);
	const name = (id: string | null) => safeText(shortName(model.officerById.get(id ?? '')));
	const said = [allocationSaid(model, c, d), bailSaid(c, d, name), reviewSaid(model, c, d, name)].filter((x): x is Said => x !== null);
	// The latest by when it was recorded; the allocation (always there) when nothing says when.
	return said.reduce((a, b) => (b.at > a.at ? b : a)).text;
}

function allocationSaid(model: DeskModel, c: Case, d: (date: IsoDate) => string): Said {
	const a = currentAllocation(c);
	const by = a.by ? `, moved by ${safeText(shortName(model.officerById.get(a.by)))}` : '';
	const why = a.reason ? `: ${safeText(a.reason)}` : '';
	const holder = safeText(fullName(model.officerById.get(c.oicId)));
	return {at: a.recordedAt ?? '', text: `${safeText(c.ref)} is held by ${holder} since ${d(a.from)}${by}${why}.`};
}

function bailSaid(c: Case, d: (date: IsoDate) => string, name: (id: string | null) => string): Said | null {
	const e = c.bailEvents.reduce<BailEvent | null>((a, b) => (a === null || b.recordedAt >= a.recordedAt ? b : a), null);
	if (!e) return null;
	return {at: e.recordedAt, text: `${BAIL_WORDS[e.event](e, d)} on ${d(e.on)}, recorded by ${name(e.recordedBy)}.`};
}

function reviewSaid(model: DeskModel, c: Case, d: (date: IsoDate) => string, name: (id: string | null) => string): Said | null {
	const reviews = model.history?.get(c.ref) ?? model.reviews.get(c.ref) ?? [];
	const r = reviews.reduce<(typeof reviews)[number] | null>((a, b) => (a === null || b.signedAt >= a.signedAt ? b : a), null);
	if (!r) return null;
	return {at: r.signedAt, text: `Reviewed on ${d(r.data.date)} by ${name(r.data.reviewerId)} (entry #${r.seq}).`};
}
