import {describe, expect, it} from 'vitest';
import {isLive} from '../../../source/domain/case-facts.js';
import {recordedCovers, WELFARE_NOTE_LOOKBACK_DAYS} from '../../../source/domain/handover/build.js';
import {datedMessage, windowDistance} from '../../../source/domain/handover/dated-words.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {renderHandoverJson} from '../../../source/export/handover-json.js';
import {renderHandoverMarkdown} from '../../../source/export/handover-md.js';
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
		// The same problems in the same order, told in dates (issue 21 item 4: the handover is read later).
		expect(h.decisions.map(d => d.message)).toEqual(want.map(p => datedMessage(p.message)));
		expect(h.decisions.map(d => `${d.kind}|${d.caseRef ?? d.officerId}`)).toEqual(
			want.map(p => `${p.kind}|${p.subject.type === 'case' ? p.subject.ref : p.subject.officerId}`),
		);
		// Each carries its problem's id, as problems --json prints it: the desk opens the problem by it.
		expect(h.decisions.map(d => d.problemId)).toEqual(want.map(p => p.id));
		expect(h.decisions.length).toBeGreaterThan(0);
		expect(h.decisions[0]?.severity).toBe('critical');
	});

	it('two problems of one kind and case whose words are the same are told apart by their problemId', () => {
		const data = demoData();
		const c = data.cases.find(x => isLive(x) && x.forensics.length === 0)!;
		// Two phones sent to the lab the same day, no date from it: red forensic waits with the same message.
		const phone = (n: number) => ({id: `${c.ref}-f${n}`, item: 'Mobile phone', submitted: '2026-07-01', expected: null, resultOn: null});
		c.forensics = [phone(1), phone(2)];
		const waits = handoverOf(data).decisions.filter(d => d.kind === 'forensic-wait' && d.caseRef === c.ref);
		expect(waits.map(d => d.problemId)).toEqual([`forensic-wait:${c.ref}:${c.ref}-f1`, `forensic-wait:${c.ref}:${c.ref}-f2`]);
		expect(waits[0]!.message).toBe(waits[1]!.message);
	});

	it('needs-a-decision speaks in dates, never in days counted from the day of writing (issue 21 item 4)', () => {
		const data = demoData();
		const h = handoverOf(data, {from: '2026-12-07', to: '2026-12-20'});
		const bail = h.decisions.find(d => d.caseRef === 'CR/87204/26')!;
		expect(bail.message).toMatch(/^Bail return 02 Dec; period ends 11 Dec, next extension by an inspector/);
		expect(bail.due).toBe('2026-12-02');
		// No "N days", "N days ago" or "N days overdue" is left counted from today; rule cadences stay.
		for (const d of h.decisions)
			expect(d.message.replace(/(every|after|within|in) \d+ days|\d+\+ days|\d+ days after it fired/g, '')).not.toMatch(/\d+ days?\b/);
		expect(datedMessage('Review due 19 Nov: 11 days overdue (medium risk, every 14 days)')).toBe(
			'Review due 19 Nov: overdue (medium risk, every 14 days)',
		);
		expect(datedMessage('Crime report not updated for 40 days: last entry 21 Oct (amber at 14, red at 28)')).toBe(
			'Crime report not updated since 21 Oct (amber at 14, red at 28)',
		);
		expect(datedMessage('Bail return 30 Nov passed 3 days ago with no record')).toBe('Bail return 30 Nov passed with no record');
		// Quoted store text is never rewritten.
		expect(datedMessage('Action "wait 3 days ago" is stalled: due 04 Dec, 2 days overdue')).toBe(
			'Action "wait 3 days ago" is stalled: due 04 Dec, overdue',
		);
	});

	it('distances are from the window, not from the day of writing', () => {
		expect(windowDistance('2026-12-02', '2026-12-07', '2026-12-20')).toBe('5 days before your window opens');
		expect(windowDistance('2026-12-07', '2026-12-07', '2026-12-20')).toBe('the first day of your window');
		expect(windowDistance('2026-12-09', '2026-12-07', '2026-12-20')).toBe('day 3 of your window');
		expect(windowDistance('2026-12-21', '2026-12-07', '2026-12-20')).toBe('1 day after your window ends');
	});

	it("names the team's inspector wherever an inspector must decide or be told (issue 21 item 2)", () => {
		const data = demoData();
		const h = handoverOf(data);
		expect(h.inspector).toEqual({name: 'DI Rachel Okafor', officerId: 'o0001'});
		const end = h.inWindow.find(i => i.kind === 'bail-period-end' && i.caseRef === 'CR/87204/26')!;
		expect(end).toMatchObject({authority: 'an inspector', authorityName: 'DI Rachel Okafor'});
		expect(end.detail).toContain('Extension needs an inspector (DI Rachel Okafor); apply by 11 Dec');
		// A superintendent's extension names no one: the store records no superintendent.
		const supt = h.inWindow.find(i => i.kind === 'bail-period-end' && i.caseRef === 'CR/31909/26')!;
		expect(supt).toMatchObject({authority: 'a superintendent', authorityName: null});
		const c = h.officers.flatMap(o => o.cases).find(x => x.ref === 'CR/87204/26')!;
		expect(c.bail?.nextAuthorityName).toBe('DI Rachel Okafor');
		// "tell the inspector" in a lapsed-bail decision: the cover is told who that is.
		expect(h.decisions.find(d => d.kind === 'bail-lapsed')?.inspectorName).toBe('DI Rachel Okafor');
		// A decision that already names DI Okafor does not name her twice.
		expect(h.decisions.find(d => d.kind === 'performance-trigger' && d.officerId === 'o0003')?.inspectorName).toBeNull();
		const md = renderHandoverMarkdown(h);
		expect(md).toContain('- Inspector: DI Rachel Okafor');
		expect(md).toContain('The inspector is DI Rachel Okafor.');
		// With no inspector recorded, the words stay the rank alone.
		const none = handoverOf({
			...data,
			team: {...data.team, inspectorId: null, supervision: data.team.supervision.filter(p => p.role !== 'inspector')},
		});
		expect(none.inspector).toBeNull();
		expect(none.inWindow.find(i => i.kind === 'bail-period-end' && i.caseRef === 'CR/87204/26')?.detail).toContain(
			'Extension needs an inspector; apply by',
		);
		expect(renderHandoverMarkdown(none)).toContain('- Inspector: **none recorded**');
	});

	it('mentions review drafts with who started them and when, never what they say (issue 21 item 3)', () => {
		const data = demoData();
		const secret = 'DRAFT-ANSWER-NEVER-PRINTED';
		data.drafts = [
			{
				caseRef: 'CR/87204/26',
				reviewerId: 'o0002',
				startedAt: '2026-11-27T10:15:00.000Z',
				updatedAt: '2026-11-28T16:00:00.000Z',
				step: 3,
				answers: {summary: secret, rationale: secret},
			},
			{
				caseRef: 'CR/NOPE/99',
				reviewerId: 'o0002',
				startedAt: '2026-11-27T10:15:00.000Z',
				updatedAt: '2026-11-28T16:00:00.000Z',
				step: 1,
				answers: {},
			},
		];
		const h = handoverOf(data);
		expect(h.reviewDrafts).toEqual([
			{
				caseRef: 'CR/87204/26',
				officerId: 'o0003',
				officerName: 'DC Sam Ashworth',
				startedById: 'o0002',
				startedByName: 'DS Tom Brennan',
				startedOn: '2026-11-27',
				lastSavedOn: '2026-11-28',
			},
		]);
		const c = h.officers.flatMap(o => o.cases).find(x => x.ref === 'CR/87204/26')!;
		expect(c.reviewDraft).toEqual({
			startedById: 'o0002',
			startedByName: 'DS Tom Brennan',
			startedOn: '2026-11-27',
			lastSavedOn: '2026-11-28',
		});
		const md = renderHandoverMarkdown(h);
		expect(md).toContain('## Reviews started and not signed (1)');
		expect(md).toContain('- CR/87204/26 (DC Sam Ashworth): started by DS Tom Brennan on 27 Nov 2026, last saved 28 Nov 2026');
		expect(md).toContain('one started by DS Brennan 27 Nov 2026 is **not signed**');
		expect(md).not.toContain(secret);
		expect(renderHandoverJson(h)).not.toContain(secret);
		expect(renderHandoverMarkdown(handoverOf(demoData()))).not.toContain('Reviews started and not signed');
	});

	it("an absent officer's availability never reads as if their cover were away (issue 21 item 5)", () => {
		const data = demoData();
		data.absences = data.absences.map(a => (a.officerId === 'o0003' ? {...a, coverOfficerId: 'o0006'} : a));
		const md = renderHandoverMarkdown(handoverOf(data));
		expect(md).toContain('Away for the whole window: on sick leave from 28 Nov 2026, no return date; DC Helen Marsh covers their work.');
		expect(md).not.toMatch(/cover: [^.;]*\(away for the whole window\)/);
		expect(md).toContain('Away for part of the window: on annual leave 03 Dec 2026 to 12 Dec 2026; DC Amira Shah covers their work.');
	});

	it('by officer: availability, workload, action plan yes/no with review date, check-in due, the case details', () => {
		const h = handoverOf(demoData());
		const ashworth = h.officers.find(o => o.officerId === 'o0003')!;
		expect(ashworth.absences).toEqual([
			{id: 'ab0003', from: '2026-11-28', to: null, reason: 'sick', reasonWords: 'on sick leave', coverName: null, coverAway: []},
		]);
		const iqbal = h.officers.find(o => o.officerId === 'o0004')!;
		expect(iqbal.workloadExcessive).toBe(true);
		expect(iqbal.workloadPercent).toBeGreaterThan(110);
		expect(h.officers.find(o => o.officerId === 'o0010')!.actionPlan).toEqual({inPlace: true, reviewDate: '2026-12-20'});
		expect(ashworth.actionPlan).toEqual({inPlace: false, reviewDate: null});
		const c = ashworth.cases.find(x => x.ref === 'CR/87204/26')!;
		expect(c.bail).toMatchObject({
			returnDate: '2026-12-02',
			periodEnd: '2026-12-11',
			nextAuthority: 'an inspector',
			nextAuthorityBy: '2026-12-11',
			daysToReturn: 2,
			lapsed: false,
		});
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
		expect(recordedCovers(data, '2026-12-10', '2026-12-20')).toEqual([]);
		data.absences = data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: 'o0001'} : a));
		expect(recordedCovers(data, '2026-12-10', '2026-12-20')).toEqual([
			{name: 'DI Rachel Okafor', officerId: 'o0001', from: '2026-12-10', to: '2026-12-20'},
		]);
		expect(recordedCovers(data, '2026-11-30', '2026-12-05')).toEqual([]);
		// Clipped to the window: the absence runs to 4 Feb.
		expect(recordedCovers(data, '2026-12-01', '2026-12-14')).toEqual([
			{name: 'DI Rachel Okafor', officerId: 'o0001', from: '2026-12-10', to: '2026-12-14'},
		]);
	});
});

describe('dated items: a named cover away too (QA P1-1)', () => {
	it('a bail date while the OIC and the named cover are both away says nobody covers, never "covered by"', () => {
		const data = demoData();
		// DC Marsh (o0006) away 30 Nov-10 Dec, cover DC Grant (o0007), who is on leave 03-12 Dec; bail return 09 Dec.
		data.absences.push({
			id: 'ab0005',
			officerId: 'o0006',
			from: '2026-11-30',
			to: '2026-12-10',
			reason: 'annual-leave',
			coverOfficerId: 'o0007',
			recordedAt: '2026-11-30T09:00:00.000Z',
			recordedBy: 'o0002',
		});
		const h = handoverOf(data);
		const bail = h.inWindow.find(i => i.caseRef === 'CR/92431/22' && i.kind === 'bail-return')!;
		expect(bail.date).toBe('2026-12-09');
		expect(bail.detail).toContain(
			'OIC on annual leave that day and so is the named cover DC Lewis Grant (on annual leave 03-12 Dec): nobody covers. Name another cover before 09 Dec.',
		);
		expect(bail.detail).not.toContain('covered by');
		const start = h.inWindow.find(i => i.kind === 'absence-start' && i.officerId === 'o0006')!;
		expect(start.detail).toBe(
			'On annual leave until 10 Dec; cover named, but DC Lewis Grant is away 03-12 Dec (on annual leave): name another cover for those days.',
		);
	});
});
