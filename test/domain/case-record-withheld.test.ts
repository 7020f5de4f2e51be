/**
 * README "Who may read what": performance triggers and welfare check-ins are personal data about a
 * colleague. A review is about its OIC at the time: after a reallocation the new holder, an officer,
 * reads the review's facts, not the previous holder's performance decision or check-in. And whoami
 * tells an officer with no live case what they read: their own record, not the team's.
 */
import {describe, expect, it} from 'vitest';
import {caseRecord} from '../../source/domain/case-record.js';
import type {StoreData} from '../../source/domain/model.js';
import {capacitiesOn} from '../../source/domain/permissions.js';
import {readScopeOn, WITHHELD_ABOUT_ANOTHER} from '../../source/domain/read-scope.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';

const DI = 'o0001';
const DS = 'o0002';
const ASHWORTH = 'o0003';
const IQBAL = 'o0004';
const REF = 'CR/84507/26';

/** The case held by DC Iqbal from today (as `case reallocate` leaves it). */
function heldByIqbal(data: StoreData): StoreData {
	return {...data, cases: data.cases.map(c => (c.ref === REF ? {...c, oicId: IQBAL} : c))};
}

describe('caseRecord for the reader', () => {
	const data = heldByIqbal(demoData());
	it('DC Iqbal: every review about DC Ashworth has its facts, not his check-in or decision', () => {
		const r = caseRecord(data, REF, DEMO_TODAY, readScopeOn(data, IQBAL, DEMO_TODAY))!;
		const about = r.reviews.filter(v => v.oic.id === ASHWORTH);
		expect(about.length).toBeGreaterThan(0);
		for (const v of about) {
			expect(v).toMatchObject({welfareCheckIn: null, triggerDecision: null, withheld: WITHHELD_ABOUT_ANOTHER});
			expect(v.riskAfter).toBeTruthy();
			expect(v.nextReviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
		expect(about.find(v => v.seq === 394)).toBeDefined();
	});

	it('the sergeant and the inspector see everything, as before', () => {
		for (const reader of [DS, DI]) {
			const r = caseRecord(data, REF, DEMO_TODAY, readScopeOn(data, reader, DEMO_TODAY))!;
			expect(r.reviews.every(v => v.withheld === null && typeof v.welfareCheckIn === 'boolean')).toBe(true);
			expect(r.reviews.find(v => v.seq === 394)!.welfareCheckIn).toBe(true);
		}
	});

	it('DC Ashworth reading his own case sees his own check-ins', () => {
		const own = demoData();
		const r = caseRecord(own, REF, DEMO_TODAY, readScopeOn(own, ASHWORTH, DEMO_TODAY))!;
		expect(r.reviews.find(v => v.seq === 394)).toMatchObject({welfareCheckIn: true, withheld: null});
	});
});

describe('whoami for an officer with no live case', () => {
	it("says they read their own record, not the team's", () => {
		const d = demoData();
		const none = {...d, cases: d.cases.map(c => (c.oicId === IQBAL ? {...c, status: 'closed' as const} : c))};
		const said = capacitiesOn(none, IQBAL, DEMO_TODAY).join(' ');
		expect(said).toContain('read your own record and your own cases (none live now)');
		expect(said).not.toContain("the team's records");
	});
});
