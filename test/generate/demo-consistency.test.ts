/**
 * The bundled demo passes its own rules (issue 22 item 6): it is a product's first impression and its
 * reference. Every signed review is put through the guided review's own validator as it stood on the
 * review's day (next review within the risk cadence, actions owned by someone in post and due after the
 * day, reasons where they are required), and the demo is checked for internal consistency: the chain of
 * review dates, bail and RUI records, actions, updates and the summaries a sergeant would write.
 */
import {describe, expect, it} from 'vitest';
import {bailClock} from '../../source/domain/bail.js';
import {holderOn} from '../../source/domain/case-history.js';
import {addDays, type IsoDate} from '../../source/domain/dates.js';
import {shiftDates} from '../../source/domain/shift-dates.js';
import type {Action, Case, DecisionEntry, Officer, ReviewEntry, StoreData} from '../../source/domain/model.js';
import {emptyAnswers, type ReviewAnswers} from '../../source/domain/review/answers.js';
import type {ReviewContext} from '../../source/domain/review/context.js';
import {reviewWindow} from '../../source/domain/review/next-review.js';
import {validateReview} from '../../source/domain/review/validate.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';

const data: StoreData = demoData();
const officers = new Map(data.officers.map(o => [o.id, o]));
const cases = new Map(data.cases.map(c => [c.ref, c]));
const reviews = data.chain.filter((e): e is ReviewEntry => e.kind === 'review');
const decisions = data.chain.filter((e): e is DecisionEntry => e.kind === 'performance-decision');
const inPost = (o: Officer, date: IsoDate) => o.joinedUnit <= date && (o.leftUnit === null || o.leftUnit > date);
const byCase = new Map<string, ReviewEntry[]>();
for (const r of reviews) byCase.set(r.data.caseRef, [...(byCase.get(r.data.caseRef) ?? []), r]);
/** Actions that need a running bail to make sense. */
const BAIL_WORDS = /\bbail\b/i;

/**
 * The guided review's context on the review's own day, as far as a signed review records it: the case
 * as it stood (risk and due date before the review), the actions it gave outcomes for, the officers in
 * post. Whether a decision or a check-in was required that day is not recorded, so neither is asked.
 */
function contextOn(r: ReviewEntry): ReviewContext {
	const c = cases.get(r.data.caseRef)!;
	const open = r.data.actionOutcomes.map(o => ({id: o.actionId, carriedCount: o.carriedCount}) as Action);
	const previous = (byCase.get(c.ref) ?? []).filter(x => x.seq < r.seq).at(-1) ?? null;
	return {
		today: r.data.date,
		settings: data.settings,
		case: {...c, risk: r.data.riskBefore, nextReviewDue: r.data.dueDate},
		oic: officers.get(r.data.oicId),
		previousReview: previous,
		openActions: open,
		caseProblems: [],
		officerProblems: [],
		trigger: {
			officerId: r.data.oicId,
			fired: r.data.triggerFired,
			evidence: [],
			firstFired: null,
			lastDecision: null,
			decisionRecorded: false,
			escalated: false,
			activePlan: null,
		},
		decisionSeqs: [],
		// Signed by the reviewer the entry names; whether the trigger was the inspector's that day is not recorded.
		reviewerId: r.data.reviewerId,
		triggerWithInspector: null,
		reviewerIsInspector: false,
		decisionRequired: false,
		welfareCheckInDue: false,
		lastCheckIn: null,
		owners: data.officers.filter(o => inPost(o, r.data.date)),
		defaultOwnerId: r.data.oicId,
		defaultOwnerAwayFrom: null,
		absences: data.absences,
		officers,
		// The next-review date's warnings (sergeant away) never refuse a review: not what this test holds.
		sergeantAway: [],
		nextUpId: null,
	};
}

/** The answers that would have signed exactly this review. */
function answersOf(r: ReviewEntry): ReviewAnswers {
	const d = r.data;
	const a = emptyAnswers();
	for (const o of d.actionOutcomes) a.outcomes[o.actionId] = {outcome: o.outcome, reason: o.reason ?? ''};
	a.risk =
		d.riskAfter === d.riskBefore
			? {decision: 'keep', newRisk: null, rationale: ''}
			: {decision: 'change', newRisk: d.riskAfter, rationale: d.riskRationale ?? ''};
	a.actions = d.newActions.map((x, i) => ({key: `n${i + 1}`, text: x.text, ownerId: x.ownerId, due: x.due}));
	a.noActionReason = d.noActionReason ?? '';
	const decision = decisions.find(x => x.data.officerId === d.oicId && x.data.date === d.date);
	a.performance = {decision: d.triggerDecision, reason: decision?.data.reason ?? '', planReviewDate: '', concern: ''};
	a.welfare = {checkIn: d.welfareCheckIn, note: '', flags: []};
	a.signOff = {nextReviewDue: d.nextReviewDue, summary: d.summary};
	return a;
}

/** What is wrong with the cases' bail and RUI records on `today`, one line each. */
function bailProblems(list: readonly Case[], today: IsoDate): string[] {
	const wrong: string[] = [];
	for (const c of list) {
		const b = c.bail;
		if (b) {
			if (c.arrestDate !== b.bailedOn) wrong.push(`${c.ref}: bailed ${b.bailedOn}, arrested ${c.arrestDate}`);
			if (b.returnDate <= b.bailedOn) wrong.push(`${c.ref}: returns before bail`);
			const clock = bailClock(b, today);
			if (clock && b.returnDate > clock.periodEnd) wrong.push(`${c.ref}: returns ${b.returnDate} after the period ends ${clock.periodEnd}`);
			let end = b.bailedOn;
			for (const x of b.extensions) {
				if (x.periodEnd <= end) wrong.push(`${c.ref}: an extension that does not extend`);
				end = x.periodEnd;
			}
		}
		const rui = c.rui;
		if (rui) {
			if (b && b.endedOn === null && rui.endedOn === null) wrong.push(`${c.ref}: on bail and RUI at once`);
			if (c.arrestDate === null || rui.since < c.arrestDate) wrong.push(`${c.ref}: RUI before an arrest`);
			if (rui.lastSuspectUpdate !== null && (rui.lastSuspectUpdate < rui.since || rui.lastSuspectUpdate > today))
				wrong.push(`${c.ref}: RUI update date`);
		}
		if (c.arrestDate !== null && c.arrestDate < c.opened) wrong.push(`${c.ref}: arrested before the case opened`);
	}
	return wrong;
}

describe('the demo passes its own rules', () => {
	it('has signed reviews to check', () => {
		expect(reviews.length).toBeGreaterThan(300);
	});

	it('every signed review passes the guided review validator on its own day (next review within the risk cadence)', () => {
		const refused = reviews.flatMap(r =>
			validateReview(contextOn(r), answersOf(r)).map(e => `${r.data.caseRef} ${r.data.date}: ${e.field}: ${e.message}`),
		);
		expect(refused.slice(0, 10), `${refused.length} of ${reviews.length} reviews refused`).toEqual([]);
		for (const r of reviews) {
			const w = reviewWindow(r.data.riskAfter, data.settings, r.data.date);
			expect(r.data.nextReviewDue > r.data.date && r.data.nextReviewDue <= w.latest, `${r.data.caseRef} ${r.data.date}`).toBe(true);
		}
	});

	it("each case's reviews form one chain: each due when the one before said, the case due when its last one said", () => {
		const wrong: string[] = [];
		for (const [ref, list] of byCase) {
			const c = cases.get(ref)!;
			list.forEach((r, i) => {
				const prev = list[i - 1];
				if ((prev?.data.date ?? null) !== r.data.previousReviewDate) wrong.push(`${ref} ${r.data.date}: previousReviewDate`);
				if (prev && r.data.dueDate !== prev.data.nextReviewDue)
					wrong.push(`${ref} ${r.data.date}: due ${r.data.dueDate}, set ${prev.data.nextReviewDue}`);
				if (r.data.date < c.opened || r.data.date > DEMO_TODAY) wrong.push(`${ref} ${r.data.date}: outside the case's life`);
				if (r.data.riskBefore !== (prev?.data.riskAfter ?? r.data.riskBefore)) wrong.push(`${ref} ${r.data.date}: risk before`);
				const holder = holderOn(c, r.data.date);
				if (holder !== null && holder !== r.data.oicId) wrong.push(`${ref} ${r.data.date}: names ${r.data.oicId}, held by ${holder}`);
				if (!inPost(officers.get(r.data.oicId)!, r.data.date)) wrong.push(`${ref} ${r.data.date}: OIC not in post`);
			});
			const last = list.at(-1)!;
			if (c.nextReviewDue !== last.data.nextReviewDue)
				wrong.push(`${ref}: case due ${c.nextReviewDue}, last review set ${last.data.nextReviewDue}`);
			if (c.risk !== last.data.riskAfter) wrong.push(`${ref}: risk`);
		}
		expect(wrong).toEqual([]);
	});

	it("review summaries are a sergeant's own words, varied, saying what this review found", () => {
		const summaries = reviews.map(r => r.data.summary);
		const counts = new Map<string, number>();
		for (const s of summaries) counts.set(s, (counts.get(s) ?? 0) + 1);
		// Nearly every summary is its own; none is a stock sentence repeated across the team.
		expect(counts.size / summaries.length).toBeGreaterThan(0.95);
		expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
		for (const r of reviews) {
			expect(r.data.summary.length, r.data.summary).toBeGreaterThan(40);
			// A summary names what was actually decided: each new action, or why there is none.
			for (const a of r.data.newActions)
				expect(r.data.summary.toLowerCase(), `${r.data.caseRef} ${r.data.date}`).toContain(a.text.slice(0, 20).toLowerCase());
		}
	});

	it('actions: never the same action twice on one case, bail actions only on a bailed case, due after they were set', () => {
		const wrong: string[] = [];
		const bailedOn = (c: Case, date: IsoDate) =>
			c.bail !== null && c.bail.bailedOn <= date && (c.bail.endedOn === null || c.bail.endedOn > date);
		for (const c of data.cases) {
			const open = c.actions.filter(a => a.status === 'open' || a.status === 'in-progress');
			if (new Set(open.map(a => a.text)).size !== open.length) wrong.push(`${c.ref}: the same action open twice`);
			for (const a of c.actions) {
				if (BAIL_WORDS.test(a.text) && !bailedOn(c, a.createdOn)) wrong.push(`${c.ref}: "${a.text}" without bail`);
				if (a.due <= a.createdOn) wrong.push(`${c.ref}: ${a.id} due ${a.due}, set ${a.createdOn}`);
			}
		}
		for (const r of reviews) {
			const c = cases.get(r.data.caseRef)!;
			const texts = r.data.newActions.map(a => a.text);
			if (new Set(texts).size !== texts.length) wrong.push(`${c.ref} ${r.data.date}: the same new action twice`);
			for (const t of texts)
				if (BAIL_WORDS.test(t) && !bailedOn(c, r.data.date)) wrong.push(`${c.ref} ${r.data.date}: "${t}" on a case not on bail`);
		}
		expect(wrong).toEqual([]);
	});

	it('bail and RUI: bail runs from the arrest, returns within its period, never beside a running RUI', () => {
		expect(bailProblems(data.cases, DEMO_TODAY)).toEqual([]);
	});

	it('bail still returns within its period on whatever day the first-run copy moves the demo to', () => {
		// A period counted in months from a moved date can end up to three days earlier (README "Set up").
		const wrong: string[] = [];
		for (let days = -400; days <= 400; days++) {
			for (const p of bailProblems(shiftDates(data.cases, days), addDays(DEMO_TODAY, days))) wrong.push(`moved ${days} days: ${p}`);
		}
		expect(wrong.slice(0, 5)).toEqual([]);
	});

	it("updates, forensics and victim contact fall within the case's life, written by whoever held it", () => {
		const wrong: string[] = [];
		for (const c of data.cases) {
			for (const u of c.updates) {
				if (u.date < c.opened || u.date > DEMO_TODAY) wrong.push(`${c.ref}: update ${u.date}`);
				const holder = holderOn(c, u.date);
				if (holder !== null && holder !== u.authorId) wrong.push(`${c.ref}: update ${u.date} by ${u.authorId}, held by ${holder}`);
				if (!inPost(officers.get(u.authorId)!, u.date)) wrong.push(`${c.ref}: update ${u.date} by someone not in post`);
			}
			for (const f of c.forensics) {
				if (f.submitted < c.opened || f.submitted > DEMO_TODAY) wrong.push(`${c.ref}: ${f.id} submitted ${f.submitted}`);
				if (f.resultOn !== null && (f.resultOn < f.submitted || f.resultOn > DEMO_TODAY))
					wrong.push(`${c.ref}: ${f.id} result ${f.resultOn}`);
			}
			for (const d of c.victim?.updates ?? []) if (d < c.victim!.reportedOn || d > DEMO_TODAY) wrong.push(`${c.ref}: victim update ${d}`);
		}
		expect(wrong).toEqual([]);
	});

	it('a check-in a review records is a welfare event on that day, as signing records it', () => {
		const events = new Set(data.welfareEvents.filter(e => e.kind === 'check-in').map(e => `${e.officerId}|${e.date}`));
		const missing = reviews
			.filter(r => r.data.welfareCheckIn && !events.has(`${r.data.oicId}|${r.data.date}`))
			.map(r => `${r.data.caseRef} ${r.data.date}`);
		expect(missing).toEqual([]);
		expect(addDays(DEMO_TODAY, 0)).toBe(data.referenceDate);
	});
});
