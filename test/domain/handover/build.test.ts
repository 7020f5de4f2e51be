import {describe, expect, it} from 'vitest';
import {isLive} from '../../../source/domain/case-facts.js';
import {recordedCover, WELFARE_NOTE_LOOKBACK_DAYS} from '../../../source/domain/handover/build.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {DEMO_TODAY, demoData, demoWelfareNotes, handoverOf} from './fixtures.js';

describe('buildHandover', () => {
	it('hands over every live case exactly once, under its officer, even one whose OIC is not in the team list', () => {
		const data = demoData();
		data.cases[0] = {...data.cases[0]!, oicId: 'o9999', status: 'investigation'};
		const h = handoverOf(data);
		const refs = h.officers.flatMap(o => o.cases.map(c => c.ref));
		const live = data.cases.filter(isLive).map(c => c.ref);
		expect(refs.slice().sort()).toEqual(live.slice().sort());
		expect(new Set(refs).size).toBe(refs.length);
		const orphan = h.officers.find(o => o.officerId === 'o9999');
		expect(orphan?.name).toBe('unknown officer (o9999)');
		expect(orphan?.cases.map(c => c.ref)).toEqual([data.cases[0]!.ref]);
	});

	it('needs-a-decision holds exactly the critical and red problems, most urgent first', () => {
		const data = demoData();
		const h = handoverOf(data);
		const want = findProblems(data, DEMO_TODAY).filter(p => p.severity === 'critical' || p.severity === 'red');
		expect(h.decisions.map(d => d.message)).toEqual(want.map(p => p.message));
		expect(h.decisions.length).toBeGreaterThan(0);
		expect(h.decisions[0]?.severity).toBe('critical');
	});

	it('by officer: availability, workload, action plan yes/no with review date, check-in due, the case details', () => {
		const h = handoverOf(demoData());
		const ashworth = h.officers.find(o => o.officerId === 'o0003')!;
		expect(ashworth.absences).toEqual([{from: '2026-11-28', to: null, reason: 'sick', reasonWords: 'on sick leave', coverName: null}]);
		const iqbal = h.officers.find(o => o.officerId === 'o0004')!;
		expect(iqbal.workloadExcessive).toBe(true);
		expect(iqbal.workloadPercent).toBeGreaterThan(110);
		expect(h.officers.find(o => o.officerId === 'o0010')!.actionPlan).toEqual({inPlace: true, reviewDate: '2026-12-20'});
		expect(ashworth.actionPlan).toEqual({inPlace: false, reviewDate: null});
		const c = ashworth.cases.find(x => x.ref === 'CR/87204/26')!;
		expect(c.bail).toMatchObject({returnDate: '2026-12-02', periodEnd: '2026-12-11', nextAuthority: 'an inspector', nextAuthorityBy: '2026-12-11', daysToReturn: 2, lapsed: false});
		expect(c.lastReview?.byName).toBe('DS Tom Brennan');
		expect(c.materialLocations.length).toBeGreaterThan(0);
		expect(c.daysSinceUpdate).toBe(40);
		// The inspector is not in the sergeant's handover; nobody has welfare notes unless asked.
		expect(h.officers.some(o => o.officerId === 'o0001')).toBe(false);
		expect(h.officers.every(o => !('welfareNotes' in o))).toBe(true);
	});

	it(`welfare notes, when asked for, are the last ${WELFARE_NOTE_LOOKBACK_DAYS} days' only, newest first`, () => {
		const notes = [...demoWelfareNotes(), {id: 'old', officerId: 'o0003', date: '2026-01-01', by: 'o0002', text: 'An old note'}];
		const h = handoverOf(demoData(), {welfareNotes: notes});
		const ashworth = h.officers.find(o => o.officerId === 'o0003')!;
		expect(ashworth.welfareNotes?.map(n => n.text)).not.toContain('An old note');
		expect(ashworth.welfareNotes?.length).toBeGreaterThan(0);
		expect(h.officers.every(o => Array.isArray(o.welfareNotes))).toBe(true);
		expect(h.marking).toBe('OFFICIAL-SENSITIVE');
	});

	it("defaults the cover to the one recorded for the sergeant's absence in the window", () => {
		const data = demoData();
		expect(recordedCover(data, '2026-12-10', '2026-12-20')).toBeNull();
		data.absences = data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: 'o0001'} : a));
		expect(recordedCover(data, '2026-12-10', '2026-12-20')).toEqual({name: 'DI Rachel Okafor', officerId: 'o0001'});
		expect(recordedCover(data, '2026-11-30', '2026-12-05')).toBeNull();
	});
});

describe('dated items: a named cover away too (QA P1-1)', () => {
	it('a bail date while the OIC and the named cover are both away says nobody covers, never "covered by"', () => {
		const data = demoData();
		// DC Marsh (o0006) away 30 Nov-10 Dec, cover DC Grant (o0007), who is on leave 03-12 Dec; bail return 09 Dec.
		data.absences.push({id: 'ab0005', officerId: 'o0006', from: '2026-11-30', to: '2026-12-10', reason: 'annual-leave', coverOfficerId: 'o0007', recordedAt: '2026-11-30T09:00:00.000Z', recordedBy: 'o0002'});
		const h = handoverOf(data);
		const bail = h.inWindow.find(i => i.caseRef === 'CR/92431/22' && i.kind === 'bail-return')!;
		expect(bail.date).toBe('2026-12-09');
		expect(bail.detail).toContain('OIC on annual leave that day and so is the named cover DC Lewis Grant (on annual leave 03-12 Dec): nobody covers. Name another cover before 09 Dec.');
		expect(bail.detail).not.toContain('covered by');
		const start = h.inWindow.find(i => i.kind === 'absence-start' && i.officerId === 'o0006')!;
		expect(start.detail).toBe('On annual leave until 10 Dec; cover named, but DC Lewis Grant is away 03-12 Dec (on annual leave): name another cover for those days.');
	});
});
