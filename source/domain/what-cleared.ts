/**
 * What cleared a case's problem, said once the rules no longer find it (README "Acting on a problem"):
 * the latest record on the case, by when it was recorded: the bail event, the reallocation or the review
 * just signed, with its day and who recorded it. The QA pass saw a lapsed bail, ended as RUI from its
 * problem's detail, described as who held the case: true, but not what had cleared it. Pure: the desk
 * (ui/problem-detail/problem-lines.ts) only prints the sentence.
 */
import {allocationsOf, currentAllocation} from './case-history.js';
import {shortDate, type IsoDate} from './dates.js';
import type {Allocation, BailEvent, BailEventKind, Case, Officer, ReviewEntry, StoreData, WelfareEvent} from './model.js';
import {fullName, shortName} from './people.js';
import {safeText} from './safe-text.js';
import {findProblems, RULES, type Rule} from './rules/index.js';
import {officerSlice} from './rules/officer-slice.js';
import {CHECK_IN_KINDS} from './rules/welfare.js';

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

export interface WhatClearedOfficerInput {
	/** The cleared problem's id ("screening-due:o0003", "review-due-supervisor-absent:o0002:ab0002"): its kind and absence. */
	problemId: string;
	officerId: string;
	data: StoreData;
	officerById: ReadonlyMap<string, Officer>;
	today: IsoDate;
}

/** The welfare events that clear each welfare kind of problem (rules/welfare.ts, tenure.ts, new-starter.ts). */
const WELFARE_CLEARS: Record<string, readonly WelfareEvent['kind'][]> = {
	'welfare-check-in-due': CHECK_IN_KINDS,
	'welfare-check-in-due:questionnaire': ['wellbeing-questionnaire'],
	'screening-due': ['psychological-screening'],
	'tenure-review-due': ['tenure-review'],
	'new-starter-one-to-one-due': ['one-to-one'],
	// Or the old cases moved away: said below when no agreement answered it.
	'new-starter-old-cases': ['new-starter-support'],
};

const WELFARE_WORDS: Record<WelfareEvent['kind'], string> = {
	'check-in': 'Welfare check-in',
	'one-to-one': 'One-to-one',
	'wellbeing-questionnaire': 'Wellbeing questionnaire',
	'psychological-screening': 'Psychological screening',
	'tenure-review': 'Tenure review',
	'new-starter-support': 'Support agreed',
};

/** "Support agreed for DC New's old cases CR/1/25, CR/2/25 on 02 Dec (mentor DC Marsh)": the cases it names, as signed. */
function welfareSaid(e: WelfareEvent, name: (id: string | null) => string, d: (date: IsoDate) => string): string {
	if (e.kind !== 'new-starter-support') return `${WELFARE_WORDS[e.kind]} for ${name(e.officerId)} on ${d(e.date)}`;
	const refs = e.caseRefs?.length ? ` ${safeText(e.caseRefs.join(', '))}` : '';
	const mentor = e.mentorId ? ` (mentor ${name(e.mentorId)})` : '';
	return `${WELFARE_WORDS[e.kind]} for ${name(e.officerId)}'s old cases${refs} on ${d(e.date)}${mentor}`;
}

/**
 * What cleared an officer's problem, as whatCleared says a case's (QA 6 R5: a cleared screening said only
 * "CLEARED ... (as of 04 Dec)"): the welfare event that answers a welfare kind, the cover named on the
 * absence of an absence kind, or the latest case moved away for workload or a new starter's old cases.
 * Null when the kind is cleared by something else (a decision, a change of team) or nothing is recorded:
 * the desk then says only that it cleared. Dates only: a welfare event's note is never read.
 */
export function whatClearedOfficer(input: WhatClearedOfficerInput): string | null {
	const {problemId, officerId, data, today} = input;
	const d = (date: IsoDate) => shortDate(date, today);
	const name = (id: string | null) => safeText(shortName(input.officerById.get(id ?? '')));
	const [kind = '', , third] = problemId.split(':');
	const welfareKinds = WELFARE_CLEARS[problemId.endsWith(':questionnaire') ? `${kind}:questionnaire` : kind];
	if (welfareKinds) {
		const e = data.welfareEvents.reduce<WelfareEvent | null>(
			(a, b) => (b.officerId === officerId && welfareKinds.includes(b.kind) && b.date <= today && (a === null || b.date >= a.date) ? b : a),
			null,
		);
		// Said only when it is what answered the problem: without it the rule would find the problem again (an
		// old screening, say, does not clear one that went because the officer left an image-exposed role).
		const finds = (d: StoreData) => findProblems(officerSlice(d, officerId, today), today).some(p => p.id === problemId);
		if (e && !finds(data) && finds({...data, welfareEvents: data.welfareEvents.filter(x => x !== e)})) {
			return `${welfareSaid(e, name, d)}, recorded by ${name(e.by)}.`;
		}
		// A new starter's old cases clear by an agreement or by moving them: the move is looked for below.
		if (kind !== 'new-starter-old-cases') return null;
	}
	if ((kind === 'review-due-supervisor-absent' || kind === 'action-owner-away') && third) {
		const parts = data.absences.filter(a => a.id === third || a.partOf === third);
		if (parts.length === 0) return `Absence ${safeText(third)} is no longer recorded (cancelled).`;
		const now = parts.find(a => a.from <= today && (a.to === null || a.to >= today)) ?? parts.at(-1)!;
		if (now.to !== null && now.to < today) return `Absence ${safeText(third)} ended on ${d(now.to)}.`;
		return now.coverOfficerId
			? `${name(now.coverOfficerId)} covers ${name(officerId)}'s absence ${safeText(third)}, recorded by ${name(now.recordedBy)}.`
			: null;
	}
	if (kind === 'workload' || kind === 'new-starter-old-cases') {
		// A case moved away from the officer and held elsewhere since: the latest such move, said only when the
		// case back with them would raise the problem again (an older move did not clear it).
		const rule = (RULES as readonly Rule[]).filter(r => kind in r.kinds);
		const finds = (d: StoreData) => findProblems(d, today, rule).some(p => p.id === problemId);
		let latest: {c: Case; a: Allocation; before: Allocation} | null = null;
		for (const c of data.cases) {
			const list = allocationsOf(c);
			const a = list.at(-1)!;
			const before = list.at(-2);
			if (!before || before.officerId !== officerId || a.officerId === officerId) continue;
			if (latest === null || (a.recordedAt ?? a.from) >= (latest.a.recordedAt ?? latest.a.from)) latest = {c, a, before};
		}
		if (!latest || finds(data)) return null;
		const {c, a, before} = latest;
		const back: Case = {
			...c,
			oicId: officerId,
			allocatedOn: before.from,
			allocations: [...allocationsOf(c).slice(0, -2), {...before, to: null}],
		};
		if (!finds({...data, cases: data.cases.map(x => (x === c ? back : x))})) return null;
		const by = a.by ? ` by ${name(a.by)}` : '';
		return `${safeText(c.ref)} moved to ${name(a.officerId)} from ${d(a.from)}${by}.`;
	}
	return null;
}
