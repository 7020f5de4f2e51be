/**
 * The independent review's due date (docs/rules.md "Reviews the cover cannot do"), QA defect D-A: with DC
 * Marsh named to cover DS Brennan's sick leave (10 Dec-04 Feb), an already-overdue case was given a due
 * date of today plus its cadence, walking forward a day each day, amber though overdue, and the handover
 * carried that date. Then review defect D9: on 08-09 Dec, before the absence, that overdue review asked
 * DI Okafor to review "now" while DS Brennan was at work and it was his (review-overdue gave it to him).
 * The rule now: a review due before the absence starts is the sergeant's, overdue or not, and the cover
 * faces the next one on; one still unsigned on the absence's first day needs the inspector from that day
 * (due then, red); a review falling due inside the absence is due on its own date. Each the same
 * whichever day it is read.
 */
import {describe, expect, it} from 'vitest';
import {handoverOf} from '../handover/fixtures.js';
import type {StoreData} from '../../../source/domain/model.js';
import type {Problem} from '../../../source/domain/problem.js';
import {shortDate} from '../../../source/domain/dates.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {mayReview} from '../../../source/domain/permissions.js';
import {openDraft} from '../../../source/domain/review/index.js';
import {reviewQueue} from '../../../source/domain/review/queue.js';
import {demoData} from '../../helpers/demo.js';

const MARSH = 'o0006';

/** The demo after `absence change ab0002 --cover Marsh`. */
function marshCovers(): StoreData {
	const data = demoData();
	return {...data, absences: data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))};
}

/** The case's independent review: overdue today, it is the review-overdue problem in these words (QA 8 D1: one problem per case). */
function needsIndependent(p: Problem): boolean {
	return (
		p.kind === 'review-needs-independent-supervisor' ||
		(p.kind === 'review-overdue' && p.message.includes('needs an independent supervisor'))
	);
}

function independent(data: StoreData, today: string): Map<string, Problem> {
	const out = new Map<string, Problem>();
	for (const p of findProblems(data, today)) if (needsIndependent(p) && p.subject.type === 'case') out.set(p.subject.ref, p);
	return out;
}

// The demo's next review dates for DC Marsh's cases (all before the absence starts on 10 Dec), with the
// next review on (the first the cover faces if DS Brennan signs each on its date) and its risk's cadence.
const OVERDUE_ON_09_DEC: Record<string, {due: string; next: string}> = {
	'CR/61882/26': {due: '2026-12-01', next: '2026-12-15'}, // medium
	'CR/62757/26': {due: '2026-12-04', next: '2026-12-18'}, // medium
	'CR/13018/26': {due: '2026-12-05', next: '2026-12-19'}, // low
	'CR/49144/26': {due: '2026-12-05', next: '2026-12-12'}, // high
	'CR/87119/25': {due: '2026-12-05', next: '2026-12-12'}, // high
	'CR/92431/22': {due: '2026-12-07', next: '2026-12-21'}, // medium
	'CR/59280/25': {due: '2026-12-08', next: '2026-12-22'}, // medium
};

describe('independent review of a review overdue before the absence starts (QA D-A, review D9)', () => {
	it("before the absence it is the sergeant's (D9: not asked of the inspector now): the cover faces the next review on", () => {
		const data = marshCovers();
		for (const today of ['2026-12-08', '2026-12-09']) {
			const found = independent(data, today);
			for (const [ref, {due, next}] of Object.entries(OVERDUE_ON_09_DEC)) {
				const p = found.get(ref);
				expect(p, `${ref} on ${today}`).toBeDefined();
				expect(p!.due, `${ref} on ${today}`).toBe(next);
				expect(p!.action, `${ref} on ${today}`).not.toMatch(/now;/);
				if (due < today)
					expect(p!.message, `${ref} on ${today}`).toContain(`(the overdue one, due ${shortDate(due)}, is DS Brennan's before 10 Dec)`);
				else expect(p!.message, `${ref} on ${today}`).not.toContain('overdue');
			}
		}
		// The review-overdue problem gives the same review to the sergeant, who is at work.
		const overdue = findProblems(data, '2026-12-09').find(
			p => p.kind === 'review-overdue' && p.subject.type === 'case' && p.subject.ref === 'CR/13018/26',
		);
		expect(overdue?.due).toBe('2026-12-05');
	});

	it('says it as one sentence, asking for the review after the sergeant\'s by its date (D9: was "now" while DS Brennan was at work)', () => {
		const p = independent(marshCovers(), '2026-12-09').get('CR/13018/26')!;
		expect(p.message).toBe(
			"Review due 19 Dec needs an independent supervisor (the overdue one, due 05 Dec, is DS Brennan's before 10 Dec): DC Marsh holds " +
				'this case and is covering DS Brennan (on sick leave 10 Dec-04 Feb 2027)',
		);
		expect(p.action).toBe("Ask DI Okafor (the team's inspector) to review this case by 19 Dec; DC Marsh cannot review a case they hold.");
		expect([p.severity, p.evidence.find(e => e.type === 'case')?.date]).toEqual(['amber', '2026-12-19']);
	});

	it('still unsigned on the first day of the absence, it needs someone else from that day, red and asked for now, the same on each later day (D9)', () => {
		const data = marshCovers();
		for (const today of ['2026-12-10', '2026-12-11', '2026-12-20']) {
			const found = independent(data, today);
			for (const [ref, {due}] of Object.entries(OVERDUE_ON_09_DEC)) {
				const p = found.get(ref);
				expect(p, `${ref} on ${today}`).toBeDefined();
				// Its due is the review's due date, as every overdue review's (QA 9 D4: the log's Due column and
				// sort); the day it needed an independent supervisor is the message's "from 10 Dec" and the evidence's.
				expect([p!.due, p!.severity], `${ref} on ${today}`).toEqual([due, 'red']);
				expect(p!.action, `${ref} on ${today}`).toMatch(/review this case now;/);
			}
		}
		const p = independent(data, '2026-12-11').get('CR/13018/26')!;
		expect(p.message).toBe(
			'Review overdue (due 05 Dec) needs an independent supervisor from 10 Dec: DC Marsh holds this case and is covering DS Brennan ' +
				'(on sick leave 10 Dec-04 Feb 2027)',
		);
		expect(p.action).toBe("Ask DI Okafor (the team's inspector) to review this case now; DC Marsh cannot review a case they hold.");
		expect(p.evidence.find(e => e.type === 'case')).toMatchObject({
			date: '2026-12-10',
			detail: 'review due 05 Dec, still unsigned on 10 Dec, case held by the cover',
		});
	});

	it('a review falling due inside the absence is due on its own date, before and after it passes (unchanged by D9)', () => {
		const data = marshCovers();
		// CR/45661/26 (low risk) next review 14 Dec, inside the absence: due 14 Dec whichever day it is read.
		for (const today of ['2026-12-01', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-14', '2026-12-15', '2026-12-20'])
			expect(independent(data, today).get('CR/45661/26')?.due, today).toBe('2026-12-14');
		const late = independent(data, '2026-12-15').get('CR/45661/26')!;
		expect([late.severity, late.message, late.action]).toEqual([
			'red',
			'Review overdue (due 14 Dec) needs an independent supervisor: DC Marsh holds this case and is covering DS Brennan (on sick leave ' +
				'10 Dec-04 Feb 2027)',
			"Ask DI Okafor (the team's inspector) to review this case now; DC Marsh cannot review a case they hold.",
		]);
		// CR/59280/25 (medium, every 14 days) next review 08 Dec, before the absence: the sergeant's, so the
		// cover faces the one after it, 22 Dec, amber until 7 days before, also once 08 Dec has passed.
		for (const today of ['2026-12-01', '2026-12-05', '2026-12-08', '2026-12-09']) {
			const p = independent(data, today).get('CR/59280/25')!;
			expect([p.due, p.severity], today).toEqual(['2026-12-22', 'amber']);
			expect(p.message, today).toMatch(/^Review due 22 Dec needs an independent supervisor/);
		}
	});

	it("the handover made the day before the absence leaves the overdue review to the sergeant; the next morning it is the inspector's, now", () => {
		const data = marshCovers();
		const window = {from: '2026-12-10', to: '2026-12-23', cover: {name: 'DC Helen Marsh', officerId: MARSH}};
		const before = handoverOf(data, {...window, today: '2026-12-09'});
		const after = handoverOf(data, {...window, today: '2026-12-10'});
		const of = (h: typeof before, kind: string) => h.decisions.find(x => x.kind === kind && x.caseRef === 'CR/49144/26');
		// The day before: the sergeant's overdue review, and the inspector's next one (high risk: 12 Dec, red within 7 days).
		expect(before.alreadyDue.find(x => x.kind === 'review-due' && x.caseRef === 'CR/49144/26')?.date).toBe('2026-12-05');
		expect(of(before, 'review-needs-independent-supervisor')).toMatchObject({severity: 'red', due: '2026-12-12'});
		expect(of(before, 'review-needs-independent-supervisor')!.action).toMatch(/review this case by 12 Dec;/);
		// Overdue on the absence's first day: one problem for the case, the review-overdue in these words (QA 8 D1).
		expect(of(after, 'review-needs-independent-supervisor')).toBeUndefined();
		const d = of(after, 'review-overdue')!;
		expect([d.severity, d.due]).toEqual(['red', '2026-12-05']);
		expect(d.message).toMatch(/^Review overdue \(due 05 Dec\) needs an independent supervisor from 10 Dec/);
		expect(d.action).toMatch(/review this case now;/);
	});
});

describe("who may review DC Marsh's case around the absence (review D9: the guard agrees with the rule)", () => {
	const BRENNAN = 'o0002';
	const OKAFOR = 'o0001';
	it('before the absence DS Brennan may review it and DC Marsh may not; from its first day DC Marsh (covering) still may not, DI Okafor may', () => {
		const data = marshCovers();
		const ref = 'CR/13018/26';
		for (const today of ['2026-12-08', '2026-12-09']) {
			expect(mayReview(data, BRENNAN, ref, today), today).toEqual({ok: true, as: 'sergeant'});
			expect(mayReview(data, MARSH, ref, today).ok, today).toBe(false);
			expect(
				reviewQueue(data, today, BRENNAN).map(q => q.ref),
				today,
			).toContain(ref);
		}
		for (const today of ['2026-12-10', '2026-12-11']) {
			const marsh = mayReview(data, MARSH, ref, today);
			expect(marsh.ok, today).toBe(false);
			if (!marsh.ok) expect(marsh.reason).toMatch(/DC Marsh holds CR\/13018\/26, so cannot review it: .*DI Okafor/);
			// The cover reviews the team's other cases from that day, but not this one; the inspector's queue has it.
			expect(mayReview(data, MARSH, 'CR/87204/26', today), today).toEqual({ok: true, as: 'cover'});
			expect(
				reviewQueue(data, today, MARSH).map(q => q.ref),
				today,
			).not.toContain(ref);
			expect(mayReview(data, OKAFOR, ref, today), today).toEqual({ok: true, as: 'inspector'});
			expect(
				reviewQueue(data, today, OKAFOR).map(q => q.ref),
				today,
			).toContain(ref);
		}
		expect(() => openDraft(data, ref, MARSH, '2026-12-10T09:00:00.000Z')).toThrow(/DC Marsh holds CR\/13018\/26, so cannot review it/);
	});
});
