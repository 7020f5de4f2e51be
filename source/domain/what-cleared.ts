/**
 * What cleared a case's problem, said once the rules no longer find it (README "Acting on a problem"):
 * the latest record on the case, by when it was recorded: the bail event, the reallocation or the review
 * just signed, with its day and who recorded it. The QA pass saw a lapsed bail, ended as RUI from its
 * problem's detail, described as who held the case: true, but not what had cleared it. Pure: the desk
 * (ui/problem-detail/problem-lines.ts) only prints the sentence.
 */
import {currentAllocation} from './case-history.js';
import {shortDate, type IsoDate} from './dates.js';
import type {BailEvent, BailEventKind, Case, Officer, ReviewEntry} from './model.js';
import {fullName, shortName} from './people.js';
import {safeText} from './safe-text.js';

/** Which record cleared it: the case's current allocation, its latest bail event or its latest signed review. */
export type ClearedBy = 'allocation' | 'bail-event' | 'review';

export interface WhatCleared {
	by: ClearedBy;
	/** One sentence, store text made safe (safe-text.ts): "Bail ended: released under investigation on 30 Nov, recorded by DS Brennan." */
	text: string;
}

export interface WhatClearedInput {
	case: Case;
	/** The case's signed reviews (any order); only the latest signed is read. */
	reviews: readonly ReviewEntry[];
	officerById: ReadonlyMap<string, Officer>;
	/** Dates are said relative to it (shortDate: "30 Nov" within the year). */
	today: IsoDate;
}

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

interface Said extends WhatCleared {
	/** When it was recorded (an instant), to find the latest; '' when not recorded. */
	at: string;
}

/**
 * The latest record on the case in one sentence. The allocation is always there, so there is always an
 * answer; it is the answer when nothing later says when it was recorded (an allocation made before the
 * history was kept has no instant). Records made at the same instant: the allocation, then the bail event, stands.
 */
export function whatCleared(input: WhatClearedInput): WhatCleared {
	const d = (date: IsoDate) => shortDate(date, input.today);
	const name = (id: string | null) => safeText(shortName(input.officerById.get(id ?? '')));
	const said = [allocationSaid(input, d), bailSaid(input.case, d, name), reviewSaid(input.reviews, d, name)].filter(
		(x): x is Said => x !== null,
	);
	const latest = said.reduce((a, b) => (b.at > a.at ? b : a));
	return {by: latest.by, text: latest.text};
}

function allocationSaid({case: c, officerById}: WhatClearedInput, d: (date: IsoDate) => string): Said {
	const a = currentAllocation(c);
	const by = a.by ? `, moved by ${safeText(shortName(officerById.get(a.by)))}` : '';
	const why = a.reason ? `: ${safeText(a.reason)}` : '';
	const holder = safeText(fullName(officerById.get(c.oicId)));
	return {by: 'allocation', at: a.recordedAt ?? '', text: `${safeText(c.ref)} is held by ${holder} since ${d(a.from)}${by}${why}.`};
}

function bailSaid(c: Case, d: (date: IsoDate) => string, name: (id: string | null) => string): Said | null {
	// The latest recorded; of two recorded at the same instant, the later in the list (recorded after).
	const e = c.bailEvents.reduce<BailEvent | null>((a, b) => (a === null || b.recordedAt >= a.recordedAt ? b : a), null);
	if (!e) return null;
	return {by: 'bail-event', at: e.recordedAt, text: `${BAIL_WORDS[e.event](e, d)} on ${d(e.on)}, recorded by ${name(e.recordedBy)}.`};
}

function reviewSaid(reviews: readonly ReviewEntry[], d: (date: IsoDate) => string, name: (id: string | null) => string): Said | null {
	const r = reviews.reduce<ReviewEntry | null>((a, b) => (a === null || b.signedAt >= a.signedAt ? b : a), null);
	if (!r) return null;
	return {by: 'review', at: r.signedAt, text: `Reviewed on ${d(r.data.date)} by ${name(r.data.reviewerId)} (entry #${r.seq}).`};
}
