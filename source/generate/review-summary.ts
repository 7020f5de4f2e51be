/**
 * The summary a sergeant writes when signing a generated review: a few sentences in their own words
 * about what this review found (what was done, what was carried over and why, where bail, RUI,
 * forensics or the file to CPS stand) and the plan it set, so that a demo review reads like a real one
 * and no two read alike. Dates are said relative to the review's day ("in 12 days", "for 9 weeks"),
 * never as calendar dates: the first-run copy moves every date of the demo, and a date written into
 * text would not move with it (README "Set up").
 */
import {addMonths, daysBetween, type IsoDate} from '../domain/dates.js';
import type {Case, Officer, Risk} from '../domain/model.js';
import {shortName} from '../domain/people.js';
import type {Rng} from './random.js';

export interface SummaryFacts {
	/** The review's day. */
	date: IsoDate;
	/** The day it was due (the day the previous review set), or null for a first review. */
	due: IsoDate | null;
	c: Case;
	oic: Officer;
	risk: Risk;
	done: string[];
	carried: {text: string; reason: string; times: number}[];
	fresh: string[];
	/** The case's MG3 has been "in progress" for years (the source case). */
	mg3: boolean;
}

const OPENINGS = [
	(who: string) => `Reviewed with ${who}.`,
	(who: string) => `Reviewed with ${who} at their desk.`,
	(who: string) => `Case discussed with ${who}.`,
	(who: string) => `Reviewed in the weekly 1:1 with ${who}.`,
	(who: string) => `Went through the file with ${who}.`,
	(who: string) => `Reviewed on Crimefile, then spoke to ${who}.`,
	(who: string) => `Reviewed by phone with ${who}.`,
	() => 'Reviewed the crime report and exhibits.',
];

const RISK_WORDS: Record<Risk, readonly string[]> = {
	high: [
		'Risk stays high: the suspect still has contact with children.',
		'Risk kept high while the safeguarding plan is in place.',
		'High risk stands.',
	],
	medium: ['Risk stays medium.', 'Risk kept at medium; no new safeguarding concerns.', 'Medium risk is still right.'],
	low: ['Risk stays low.', 'Low risk: no contact with children identified.', 'Risk kept at low.'],
};

/** "9 days", "5 weeks", "4 months", "2 years 3 months": how long, said as a sergeant would. */
export function howLong(from: IsoDate, to: IsoDate): string {
	const days = daysBetween(from, to);
	if (days < 21) return `${days} day${days === 1 ? '' : 's'}`;
	if (days < 70) return `${Math.round(days / 7)} weeks`;
	let months = 0;
	while (addMonths(from, months + 1) <= to) months++;
	if (months < 12) return `${months} months`;
	const years = Math.floor(months / 12);
	const rest = months % 12;
	return `${years} year${years === 1 ? '' : 's'}${rest ? ` ${rest} month${rest === 1 ? '' : 's'}` : ''}`;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const noStop = (s: string) => s.replace(/[.\s]+$/, '');

/** Where the case stands on the review's day, from its own record: at most one sentence per fact. */
function standing(f: SummaryFacts): string[] {
	const {c, date} = f;
	const out: string[] = [];
	const bail = c.bail;
	if (bail && bail.bailedOn <= date && (bail.endedOn === null || bail.endedOn > date)) {
		const left = daysBetween(date, bail.returnDate);
		out.push(
			left >= 0
				? `Suspect ${bail.suspect} on bail, returning in ${left} day${left === 1 ? '' : 's'}.`
				: `Suspect ${bail.suspect}'s bail return has passed.`,
		);
	} else if (c.rui && c.rui.since <= date) {
		out.push(`Suspect ${c.rui.suspect} released under investigation ${howLong(c.rui.since, date)} ago.`);
	}
	const waiting = c.forensics.filter(x => x.submitted <= date && (x.resultOn === null || x.resultOn > date));
	if (waiting.length > 0) {
		const oldest = waiting.reduce((a, b) => (a.submitted <= b.submitted ? a : b));
		const more = waiting.length - 1;
		const others = more > 0 ? `, ${more} more item${more > 1 ? 's' : ''} waiting` : '';
		out.push(`${oldest.item} with DFU for ${howLong(oldest.submitted, date)}${others}.`);
	}
	if (c.cps.mg3Status === 'submitted' && c.cps.mg3Since !== null && c.cps.mg3Since <= date)
		out.push('File with CPS for a charging decision.');
	if (c.cps.mg3Status === 'charged' && c.cps.mg3Since !== null && c.cps.mg3Since <= date)
		out.push('Charged; file being prepared for court.');
	if (c.victim?.serviceLevel === 'enhanced' && c.victim.reportedOn <= date)
		out.push(`Victim ${c.victim.initials} on the enhanced service.`);
	return out;
}

export function reviewSummary(f: SummaryFacts, rng: Rng): string {
	const who = shortName(f.oic);
	const parts: string[] = [rng.pick(OPENINGS)(who)];
	if (f.due !== null && f.date > f.due) {
		const late = daysBetween(f.due, f.date);
		parts.push(`Review ${late > 14 ? howLong(f.due, f.date) : `${late} day${late === 1 ? '' : 's'}`} late.`);
	}
	if (f.mg3 && f.c.cps.mg3Since !== null) {
		const carried = f.carried.find(x => x.text.startsWith('Complete the MG3'));
		parts.push(
			`MG3 still not submitted, "in progress" for ${howLong(f.c.cps.mg3Since, f.date)}` +
				(carried ? `; carried over ${carried.times} time${carried.times === 1 ? '' : 's'}. ${who} says it is nearly complete.` : '.'),
		);
	} else if (f.due === null && daysBetween(f.c.opened, f.date) <= 30) {
		// A store's first review of an older case is only the first on record, so it is not called the first.
		parts.push(rng.pick(['First review of the case.', 'First supervisory review.', 'Initial review: plan set.']));
	}
	if (f.done.length > 0) {
		const [first, ...rest] = f.done;
		parts.push(`Done: ${lower(noStop(first!))}${rest.length ? ` and ${rest.length} other action${rest.length > 1 ? 's' : ''}` : ''}.`);
	}
	for (const x of f.carried)
		if (!(f.mg3 && x.text.startsWith('Complete the MG3'))) parts.push(`${noStop(x.text)} carried over: ${lower(noStop(x.reason))}.`);
	const facts = standing(f);
	// One or two of the facts, so consecutive reviews of a case do not read the same.
	if (facts.length > 0) {
		const start = rng.int(0, facts.length - 1);
		parts.push(facts[start]!);
		if (facts.length > 1 && rng.chance(0.5)) parts.push(facts[(start + 1) % facts.length]!);
	}
	if (rng.chance(0.4)) parts.push(rng.pick(RISK_WORDS[f.risk]));
	if (f.fresh.length > 0) parts.push(`Plan: ${f.fresh.map(t => lower(noStop(t))).join('; ')}.`);
	return parts.join(' ');
}
