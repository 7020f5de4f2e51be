/**
 * QA 6 R8: a case with two forensic submissions waiting needed two import files, since a second row for
 * the same case was refused ("each case must appear once"). One records-system export now clears both:
 * a case may have a further row for each forensic submission (README "fortnight import"), merged onto
 * the case as the rows before left it. A further row that would change anything else conflicts with the
 * rows before and is refused saying what it would change; the rows before stand.
 */
import {describe, expect, it} from 'vitest';
import {applyPlan, planCsv} from '../../../source/domain/import/index.js';
import type {StoreData} from '../../../source/domain/model.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';
import {findProblems} from '../../../source/domain/rules/index.js';

const csv = (header: string[], ...rows: string[][]) => [header, ...rows].map(r => r.map(c => `"${c}"`).join(',')).join('\n') + '\n';
const plan = (data: StoreData, text: string) => planCsv(data, text, {today: DEMO_TODAY, by: 'o0002', recordedAt: '2026-11-30T09:00:00Z'});
const caseOf = (data: StoreData, ref: string) => data.cases.find(c => c.ref === ref)!;
const rejections = (p: ReturnType<typeof plan>) => p.rejected.map(r => [r.row, r.column, r.reason]);

// CR/13093/26 (DC Carter, low risk, awaiting forensics) has two submissions waiting: 01 Jun and 27 Aug.
const REF = 'CR/13093/26';
const HEADER = ['Crime reference', 'Risk', 'Status', 'Forensic submitted', 'Forensic result'];

describe('import: one row per forensic submission of a case', () => {
	it('clears both waiting submissions of one case from one file, as one change', () => {
		const data = demoData();
		const waits = (d: StoreData) => findProblems(d, DEMO_TODAY).filter(p => p.kind === 'forensic-wait' && p.id.includes(REF));
		expect(waits(data).length).toBe(2);
		const p = plan(
			data,
			csv(
				HEADER,
				[REF, 'low', 'awaiting forensics', '2026-06-01', '2026-11-20'],
				[REF, 'low', 'awaiting forensics', '2026-08-27', '2026-11-27'],
			),
		);
		expect(rejections(p)).toEqual([]);
		expect(p.changes.length).toBe(1);
		expect(p.changes[0]).toMatchObject({kind: 'update', ref: REF, row: 2});
		expect(p.changes[0]!.changes).toEqual([
			'forensic result 2026-11-20 (submitted 2026-06-01)',
			'forensic result 2026-11-27 (submitted 2026-08-27)',
		]);
		const next = applyPlan(data, p);
		expect(caseOf(next, REF).forensics.map(f => [f.submitted, f.resultOn])).toEqual([
			['2026-06-01', '2026-11-20'],
			['2026-08-27', '2026-11-27'],
		]);
		expect(waits(next)).toEqual([]);
		// Importing the same file again changes nothing (both rows unchanged).
		const again = plan(next, csv(HEADER, [REF, 'low', '', '2026-06-01', '2026-11-20'], [REF, '', '', '2026-08-27', '2026-11-27']));
		expect(again.changes).toEqual([]);
		expect(again.unchanged).toBe(2);
	});

	it('takes a further row when the first changes nothing, and for a new case adds each submission', () => {
		const data = demoData();
		const one = plan(data, csv(HEADER, [REF, 'low', '', '', ''], [REF, '', '', '2026-08-27', '2026-11-27']));
		expect(rejections(one)).toEqual([]);
		expect(one.unchanged).toBe(1);
		expect(one.changes.map(c => [c.kind, c.row, c.changes])).toEqual([
			['update', 3, ['forensic result 2026-11-27 (submitted 2026-08-27)']],
		]);
		const header = ['Crime reference', 'Offence', 'Officer', 'Risk', 'Status', 'Opened', 'Forensic submitted'];
		const fresh = plan(
			data,
			csv(
				header,
				['CR/00001/26', 'Possession of indecent images', '4021', 'medium', 'investigation', '2026-10-01', '2026-10-02'],
				['CR/00001/26', 'Possession of indecent images', '4021', 'medium', 'investigation', '2026-10-01', '2026-10-09'],
			),
		);
		expect(rejections(fresh)).toEqual([]);
		expect(fresh.changes.length).toBe(1);
		const added = fresh.changes[0]!.after;
		expect(added.forensics.map(f => [f.id, f.submitted])).toEqual([
			['CR/00001/26-f1', '2026-10-02'],
			['CR/00001/26-f2', '2026-10-09'],
		]);
	});

	it('refuses a further row that conflicts with the rows before, saying what it would change; the first row stands', () => {
		const data = demoData();
		const p = plan(data, csv(HEADER, [REF, 'low', '', '2026-06-01', '2026-11-20'], [REF, 'high', '', '2026-08-27', '2026-11-27']));
		expect(rejections(p)).toEqual([
			[
				3,
				'Crime reference',
				`crime reference ${REF} is also on row 2, and this row would change risk low -> high: a further row for a case adds a ` +
					"forensic submission or its result only, its other cells as row 2 or blank. Put the case's details on row 2.",
			],
		]);
		expect(p.rejectedRows).toBe(1);
		expect(p.changes.map(c => c.changes)).toEqual([['forensic result 2026-11-20 (submitted 2026-06-01)']]);
		// Two results for one submission: the file contradicts itself, and the second is refused.
		const twice = plan(data, csv(HEADER, [REF, '', '', '2026-06-01', '2026-11-20'], [REF, '', '', '2026-06-01', '2026-11-21']));
		expect(rejections(twice)).toEqual([
			[
				3,
				'Forensic result',
				`crime reference ${REF} is also on row 2, and its forensic submission of 2026-06-01 already has a result dated ` +
					'2026-11-20 (from an earlier row, or recorded before), not 2026-11-21: say one result for it.',
			],
		]);
	});

	it('still refuses a repeated row that names no forensic submission, and a further row after a refused first', () => {
		const data = demoData();
		const same = plan(data, csv(['Crime reference', 'Risk'], [REF, 'medium'], [REF, 'medium']));
		expect(rejections(same)).toEqual([
			[
				3,
				'Crime reference',
				`crime reference ${REF} is also on row 2; a case appears once, with one further row for each other forensic submission ` +
					'(its "Forensic submitted" date, and its "Forensic result" once back).',
			],
		]);
		const refused = plan(data, csv(HEADER, [REF, 'severe', '', '2026-06-01', '2026-11-20'], [REF, '', '', '2026-08-27', '2026-11-27']));
		expect(refused.rejected.map(r => [r.row, r.reason])).toEqual([
			[2, expect.stringMatching(/^"severe" is not a known risk/)],
			[3, `crime reference ${REF} is also on row 2, which was refused: put that row right and import again.`],
		]);
		expect(refused.changes).toEqual([]);
	});

	it('tells two submissions of one day apart by their "Forensic item", and names one imported without it', () => {
		const base = demoData();
		// Both of CR/13093/26's submissions sent on 27 Aug: the date alone cannot say which a result is for.
		const data = {
			...base,
			cases: base.cases.map(c => (c.ref === REF ? {...c, forensics: c.forensics.map(f => ({...f, submitted: '2026-08-27'}))} : c)),
		};
		const header = ['Crime reference', 'Forensic submitted', 'Forensic item', 'Forensic result'];
		const dateOnly = plan(data, csv(header, [REF, '2026-08-27', '', '2026-11-20']));
		expect(rejections(dateOnly)).toEqual([
			[2, 'Forensic result', `${REF} has 2 forensic submissions of 2026-08-27 waiting; give the "Forensic item" of the one it is for.`],
		]);
		const both = plan(
			data,
			csv(header, [REF, '2026-08-27', 'Tablet (suspect)', '2026-11-20'], [REF, '2026-08-27', 'mobile phone (suspect)', '2026-11-27']),
		);
		expect(rejections(both)).toEqual([]);
		expect(caseOf(applyPlan(data, both), REF).forensics.map(f => [f.item, f.resultOn])).toEqual([
			['Tablet (suspect)', '2026-11-20'],
			['Mobile phone (suspect)', '2026-11-27'],
		]);
		// A new case's two devices sent the same day: two submissions, each with its item.
		const newHeader = ['Crime reference', 'Offence', 'Officer', 'Risk', 'Status', 'Opened', 'Forensic submitted', 'Forensic item'];
		const row = (item: string) => [
			'CR/00002/26',
			'Possession of indecent images',
			'4021',
			'low',
			'investigation',
			'2026-10-01',
			'2026-10-02',
			item,
		];
		const fresh = plan(data, csv(newHeader, row('Laptop'), row('Phone')));
		expect(rejections(fresh)).toEqual([]);
		expect(fresh.changes[0]!.after.forensics.map(f => [f.submitted, f.item])).toEqual([
			['2026-10-02', 'Laptop'],
			['2026-10-02', 'Phone'],
		]);
		// A submission imported before without its item takes the item a later export gives, rather than a second.
		const unnamed = applyPlan(data, plan(data, csv(['Crime reference', 'Forensic submitted'], ['CR/21782/25', '2026-11-02'])));
		const named = plan(unnamed, csv(header, ['CR/21782/25', '2026-11-02', 'USB stick', '']));
		expect(named.changes.map(c => c.changes)).toEqual([['forensic submission 2026-11-02 named "USB stick"']]);
		expect(
			caseOf(applyPlan(unnamed, named), 'CR/21782/25')
				.forensics.filter(f => f.submitted === '2026-11-02')
				.map(f => f.item),
		).toEqual(['USB stick']);
	});
});
