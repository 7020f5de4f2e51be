/**
 * Imported crime-report updates are the records system's, not the OIC's (QA 8 R6: after an import on 04 Dec
 * the review showed "04 Dec DC Ashworth: ..." while she was on sick leave, and similar imported texts fired
 * identical-updates findings and performance triggers for officers on leave). docs/rules.md "Updates from the
 * records system" decides rule by rule; each decision has its test here, beside the same store with the
 * updates written by the officer, so a test shows what the marker changes and nothing else.
 */
import {describe, expect, it} from 'vitest';
import {caseRecord} from '../../../source/domain/case-record.js';
import type {CrimeUpdate, StoreData} from '../../../source/domain/model.js';
import {latestHoldingRecord} from '../../../source/domain/reallocate-dates.js';
import {officerSlice} from '../../../source/domain/rules/officer-slice.js';
import {triggerFor} from '../../../source/domain/rules/index.js';
import {updateAuthorId, updateByline} from '../../../source/domain/update-author.js';
import {absence, kase, ofKind, officer, problem, store} from './fixture.js';

const TEXT = 'Update on the case: enquiries with the ISP continue, awaiting the disclosure return.';
const MG3 = 'In the process of trying to complete the MG3. The grading machine has stopped working.';

/** An update as `fortnight import` stores it: the OIC's id kept for older readers, marked as the records system's. */
const imported = (date: string, text: string, authorId = 'o1'): CrimeUpdate => ({date, authorId, text, source: 'import'});
const written = (date: string, text: string, authorId = 'o1'): CrimeUpdate => ({date, authorId, text});

/** DC Dean (o1) on sick leave from 28 Nov, with two cases each carrying `make`'s update of 04 Dec. */
function onSickLeave(make: (date: string, text: string) => CrimeUpdate): StoreData {
	return store({
		absences: [absence('ab1', 'o1', '2026-11-28', null)],
		cases: [
			kase('CR/00001/26', {
				updates: [written('2026-11-20', 'Suspect interviewed under caution, released on bail.'), make('2026-12-04', TEXT)],
			}),
			kase('CR/00002/26', {updates: [written('2026-11-21', 'Victim statement obtained and exhibits booked.'), make('2026-12-04', TEXT)]}),
		],
	});
}

describe('who wrote an update', () => {
	it('an imported update has no author (the records system); any other keeps its authorId, marker or none', () => {
		expect(updateAuthorId(imported('2026-12-04', TEXT))).toBeNull();
		expect(updateAuthorId(written('2026-12-04', TEXT))).toBe('o1');
		const name = (id: string) => `officer ${id}`;
		expect(updateByline(imported('2026-12-04', TEXT), name)).toBe('(records system)');
		expect(updateByline(written('2026-12-04', TEXT), name)).toBe('officer o1');
	});

	it('case show (case-record.ts) gives an imported update no author and source "import"; a written one its author', () => {
		const data = onSickLeave(imported);
		const r = caseRecord(data, 'CR/00001/26', '2026-12-05')!;
		expect(r.updates).toEqual([
			{
				date: '2026-11-20',
				author: {id: 'o1', name: 'DC Dan Dean'},
				source: null,
				text: 'Suspect interviewed under caution, released on bail.',
			},
			{date: '2026-12-04', author: null, source: 'import', text: TEXT},
		]);
	});
});

describe('identical updates: an imported update is judged as the holder\u2019s words only on a day they were at work', () => {
	it('the same imported text on two of an absent officer\u2019s cases on one day is no finding; written by her, it is', () => {
		expect(ofKind(onSickLeave(imported), '2026-12-05', 'identical-updates')).toEqual([]);
		const hers = ofKind(onSickLeave(written), '2026-12-05', 'identical-updates');
		expect(hers.map(p => [p.id, p.severity])).toEqual([['identical-updates:o1:2026-12-04:CR/00001/26', 'red']]);
	});

	it('at work that day, the same imported text on two of her cases is a finding that says it is inferred from the export', () => {
		const atWork = {...onSickLeave(imported), absences: []};
		const [p] = ofKind(atWork, '2026-12-05', 'identical-updates');
		expect(p).toMatchObject({id: 'identical-updates:o1:2026-12-04:CR/00001/26', severity: 'red'});
		expect(p!.message).toContain(
			'all imported from the records system, which names no author: DC Dean held the cases and was at work that day',
		);
		expect(p!.evidence.map(e => e.detail)).toEqual([
			'04 Dec: identical text to an update on CR/00002/26 the same day (imported: the records system names no author)',
			'04 Dec: identical text to an update on CR/00001/26 the same day (imported: the records system names no author)',
		]);
	});

	it('one imported and one written copy of the same text, on her cases on a day at work, is a finding marked "some imported"', () => {
		const data = store({
			cases: [
				kase('CR/00001/26', {updates: [imported('2026-12-04', TEXT)]}),
				kase('CR/00002/26', {updates: [written('2026-12-04', TEXT)]}),
			],
		});
		const [p] = ofKind(data, '2026-12-05', 'identical-updates');
		expect(p!.message).toContain('; some imported from the records system');
	});

	it('an imported update is the words of whoever held the case on its date, not of the id stored with it', () => {
		// o1's id is on CR/00002/26's imported update (she held it when it was imported, say); o2 held it on 04 Dec.
		const data = store({
			officers: [...store().officers, officer('o2')],
			cases: [
				kase('CR/00001/26', {updates: [imported('2026-12-04', TEXT)]}),
				kase('CR/00002/26', {oicId: 'o2', updates: [imported('2026-12-04', TEXT, 'o1')]}),
			],
		});
		expect(ofKind(data, '2026-12-05', 'identical-updates')).toEqual([]);
	});

	it('near-identical imported texts on a day the holder was away are left out; at work they are judged', () => {
		const near = 'Update on the case: enquiries with the ISP continue, still awaiting the disclosure return.';
		const build = (make: typeof imported, away: boolean) =>
			store({
				absences: away ? [absence('ab1', 'o1', '2026-11-28', null)] : [],
				cases: [kase('CR/00001/26', {updates: [make('2026-12-04', TEXT)]}), kase('CR/00002/26', {updates: [make('2026-12-04', near)]})],
			});
		expect(ofKind(build(imported, true), '2026-12-05', 'identical-updates')).toEqual([]);
		expect(ofKind(build(imported, false), '2026-12-05', 'identical-updates').map(p => p.severity)).toEqual(['amber']);
		expect(ofKind(build(written, false), '2026-12-05', 'identical-updates').map(p => p.severity)).toEqual(['amber']);
	});
});

describe('performance trigger: its evidence is the officer\u2019s own acts', () => {
	it('imported identical texts fire no trigger for the officer on leave; written ones do', () => {
		expect(triggerFor(onSickLeave(imported), 'o1', '2026-12-05').fired).toBe(false);
		expect(problem(onSickLeave(imported), '2026-12-05', 'performance-trigger:o1')).toBeUndefined();
		expect(triggerFor(onSickLeave(written), 'o1', '2026-12-05')).toMatchObject({fired: true, firstFired: '2026-12-04'});
	});

	it('the officer\u2019s slice (signing\u2019s trigger check) agrees with the whole store, and keeps no case for an update she did not write', () => {
		// o2 holds the case; o1's id is on its imported update (she held it when it was imported, say): o2's words, o2 held it on 04 Dec.
		const data = store({
			officers: [...store().officers, officer('o2')],
			cases: [
				kase('CR/00001/26', {updates: [imported('2026-12-04', TEXT)]}),
				kase('CR/00002/26', {oicId: 'o2', updates: [imported('2026-12-04', TEXT, 'o1')]}),
			],
		});
		expect(officerSlice(data, 'o1', '2026-12-05').cases.map(c => c.ref)).toEqual(['CR/00001/26']);
		const both = {
			...data,
			cases: data.cases.map(c => (c.ref === 'CR/00002/26' ? {...c, updates: [written('2026-12-04', TEXT, 'o1')]} : c)),
		};
		expect(officerSlice(both, 'o1', '2026-12-05').cases.map(c => c.ref)).toEqual(['CR/00001/26', 'CR/00002/26']);
		for (const d of [data, both])
			expect(triggerFor(officerSlice(d, 'o1', '2026-12-05'), 'o1', '2026-12-05')).toEqual(triggerFor(d, 'o1', '2026-12-05'));
	});

	it('an imported update still counts for "red for updates": the crime report had an entry, whoever wrote it', () => {
		const cases = (make: typeof imported) => [
			kase('CR/00020/26', {updates: [make('2026-03-01', TEXT)]}),
			kase('CR/00021/26', {updates: [make('2026-03-05', TEXT)]}),
		];
		// Red at 28 days: the second case turns red on 02 Apr, both counted from their imported entries.
		for (const make of [imported, written]) {
			expect(triggerFor(store({cases: cases(make)}), 'o1', '2026-04-01').fired).toBe(false);
			expect(triggerFor(store({cases: cases(make)}), 'o1', '2026-04-02').firstFired).toBe('2026-04-02');
		}
		// Without the entries both cases are red from their opening, long before.
		expect(triggerFor(store({cases: [kase('CR/00020/26'), kase('CR/00021/26')]}), 'o1', '2026-04-01').fired).toBe(true);
	});
});

describe('crime-report updates and the stalled MG3: about the case, so imported updates count', () => {
	it('an imported entry is the crime report\u2019s last update, as a written one is', () => {
		for (const make of [imported, written]) {
			const data = store({cases: [kase('CR/00007/26', {opened: '2026-01-01', updates: [make('2026-04-01', TEXT)]})]});
			expect(problem(data, '2026-04-14', 'crime-report-not-updated:CR/00007/26')).toBeUndefined();
			const p = problem(data, '2026-04-15', 'crime-report-not-updated:CR/00007/26')!;
			expect(p.severity).toBe('amber');
			expect(p.message).toContain('last entry 01 Apr');
		}
	});

	it('the stalled MG3 counts the imported updates that mention it', () => {
		const cps = {mg3Status: 'in-progress' as const, mg3Since: '2026-06-01', cpsDueDate: null, courtDate: null};
		const updates = [imported('2026-06-10', MG3), imported('2026-07-10', MG3), written('2026-08-10', MG3)];
		const data = store({cases: [kase('CR/00010/26', {opened: '2026-05-01', cps, updates})]});
		const p = problem(data, '2026-09-01', 'stalled-deliverable:CR/00010/26:mg3')!;
		expect(p.message).toContain('mentioned in 3 updates');
	});
});

describe('how far back a move may be dated: an imported update does not show the holder at work', () => {
	it('only an update the holder wrote holds the move back', () => {
		const withUpdate = (u: CrimeUpdate): StoreData => store({cases: [kase('CR/00001/26', {allocatedOn: '2026-01-01', updates: [u]})]});
		const c = (data: StoreData) => data.cases[0]!;
		const mine = withUpdate(written('2026-11-23', TEXT));
		expect(latestHoldingRecord(mine, c(mine), '2026-11-30')).toMatchObject({on: '2026-11-23', words: "DC Dean's update of 23 Nov"});
		const theirs = withUpdate(imported('2026-11-23', TEXT));
		expect(latestHoldingRecord(theirs, c(theirs), '2026-11-30')).toBeNull();
	});
});
