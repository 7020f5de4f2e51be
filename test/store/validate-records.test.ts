/**
 * Rows set aside, without a database (source/store/validate-records.ts; README "PostgreSQL"): one bad row of a
 * team read from PostgreSQL is left out and named, with every row that depends on it; the rest of the team is
 * read as it is; a write that would replace or remove a set-aside row is refused (pg-write.ts teamWrite),
 * any other goes on; a store file naming set-aside rows is refused (one file, one owner).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {LISTS, type ListField} from '../../source/store/pg-data.js';
import {teamWrite} from '../../source/store/pg-write.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {setAsideUnreadable, type RowKey} from '../../source/store/validate-records.js';
import {demoData} from '../helpers/demo.js';

const TODAY = '2026-11-30';

/** Each list's row keys as the loader reads them (the record's key; revision 7 for every row). */
function keysOf(data: StoreData): Record<ListField, RowKey[]> {
	const out = {} as Record<ListField, RowKey[]>;
	for (const {field, key} of LISTS)
		out[field] = (data[field] as unknown[]).map(r => ({key: (key as (r: unknown) => string)(r), revision: 7}));
	return out;
}

describe('rows set aside when a PostgreSQL team is not valid whole', () => {
	const dirs: string[] = [];
	afterAll(() => {
		for (const d of dirs) rmSync(d, {recursive: true, force: true});
	});

	it('a malformed absence, case and officer are set aside, with the cases of that officer, each named; the rest loads', () => {
		const demo = demoData();
		const keys = keysOf(demo);
		const badCase = demo.cases[1]!;
		const {offenceShort: _gone, ...missing} = badCase;
		const data = {
			...demo,
			absences: demo.absences.map(a => (a.id === 'ab0004' ? {...a, to: '2026-12-01', from: '2026-12-09'} : a)),
			cases: demo.cases.map(c => (c === badCase ? (missing as typeof c) : c)),
			officers: demo.officers.map(o => (o.id === 'o0011' ? {...o, rank: 'Chief Wizard'} : o)) as StoreData['officers'],
		} as StoreData;
		const result = setAsideUnreadable(data, keys)!;
		expect(result).not.toBeNull();
		const aside = result.data.setAside!;
		const byKey = new Map(aside.map(r => [r.key, r]));
		expect(byKey.get('ab0004')).toMatchObject({
			table: 'fortnight_absences',
			problem: 'the absence ends (to) before it starts (from)',
			dependsOn: null,
		});
		expect(byKey.get(badCase.ref)).toMatchObject({table: 'fortnight_cases', caseRef: badCase.ref, dependsOn: null});
		expect(byKey.get(badCase.ref)!.problem).toMatch(/offenceShort/);
		expect(byKey.get('o0011')).toMatchObject({table: 'fortnight_officers', dependsOn: null});
		// The officer's rank is named by kind, never quoted.
		expect(byKey.get('o0011')!.problem).not.toContain('Chief Wizard');
		const doyles = demo.cases.filter(c => c.oicId === 'o0011').map(c => c.ref);
		expect(doyles.length).toBeGreaterThan(0);
		for (const ref of doyles) expect(byKey.get(ref)).toMatchObject({caseRef: ref, dependsOn: {table: 'fortnight_officers', key: 'o0011'}});
		// Everything else is the team as read: the same objects.
		expect(result.data.cases.length).toBe(demo.cases.length - 1 - doyles.length);
		expect(result.data.absences.map(a => a.id)).toEqual(['ab0001', 'ab0002', 'ab0003']);
		expect(result.data.officers.some(o => o.id === 'o0011')).toBe(false);

		// The problems list: one CRITICAL problem per set-aside row, the case's named by its crime reference.
		const problems = findProblems(result.data, TODAY);
		const unreadable = problems.filter(p => p.kind === 'store-record-unreadable');
		expect(unreadable.length).toBe(aside.length);
		expect(unreadable.every(p => p.severity === 'critical')).toBe(true);
		const onCase = unreadable.find(p => p.id === `store-record-unreadable:fortnight_cases:${badCase.ref}`)!;
		expect(onCase.subject).toMatchObject({type: 'case', ref: badCase.ref});
		expect(onCase.message).toContain(badCase.ref);
		expect(onCase.message).toMatch(/Who last changed it is not known: a change made through psql records nothing\./);
		expect(onCase.action).toMatch(/database owner/);
		expect(onCase.resolve!.map(w => w.way)).toEqual(['database-owner']);
		const dependent = unreadable.find(p => p.id === `store-record-unreadable:fortnight_cases:${doyles[0]}`)!;
		expect(dependent.message).toMatch(/set aside with officer row o0011 of fortnight_officers/);
		// Nothing of the bad rows' text in any problem.
		expect(JSON.stringify(problems)).not.toContain('Chief Wizard');
	});

	it('a part of an absence whose first part is set aside goes with it, named', () => {
		const demo = demoData();
		const part = {...demo.absences[1]!, id: 'ab0009', from: '2027-02-05', to: '2027-02-10', partOf: 'ab0002'};
		const data = {
			...demo,
			absences: [...demo.absences.map(a => (a.id === 'ab0002' ? {...a, reason: 'unknown-thing'} : a)), part],
		} as unknown as StoreData;
		const result = setAsideUnreadable(data, keysOf(data))!;
		const byKey = new Map(result.data.setAside!.map(r => [r.key, r]));
		expect(byKey.get('ab0002')!.dependsOn).toBeNull();
		expect(byKey.get('ab0009')).toMatchObject({dependsOn: {table: 'fortnight_absences', key: 'ab0002'}, officerId: 'o0002'});
	});

	it("a problem in the team's own row is not set aside: null (the loader refuses the team as before)", () => {
		const demo = demoData();
		const data = {...demo, team: {...demo.team, sergeantId: 'o0999'}};
		expect(setAsideUnreadable(data, keysOf(data))).toBeNull();
	});

	it('a write touching a set-aside row is refused; one that does not goes on', () => {
		const demo = demoData();
		const setAside = [
			{
				list: 'absences' as const,
				table: 'fortnight_absences',
				key: 'ab0900',
				caseRef: null,
				officerId: 'o0002',
				problem: 'the absence ends (to) before it starts (from)',
				dependsOn: null,
				lastChange: null,
			},
		];
		const before = {...demo, setAside};
		const other = {...before, revision: before.revision + 1, absences: [...before.absences, {...demo.absences[0]!, id: 'ab0901'}]};
		expect(teamWrite('t', before, other).up.keys).toEqual(['ab0901']);
		const over = {...before, revision: before.revision + 1, absences: [...before.absences, {...demo.absences[0]!, id: 'ab0900'}]};
		expect(() => teamWrite('t', before, over)).toThrow(/would write over row ab0900 of fortnight_absences, which cannot be read/);
	});

	it('a store file that lists rows set aside is refused, the file unchanged', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'fnt-setaside-'));
		dirs.push(dir);
		const file = path.join(dir, 'store.json');
		const text = JSON.stringify({...demoData(), setAside: []});
		writeFileSync(file, text);
		expect(() => loadStoreText(text, file)).toThrow(/a store file never lists records set aside/);
	});
});
