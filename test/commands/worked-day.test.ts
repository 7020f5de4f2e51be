/**
 * Records are dated on the day the command works as (QA R14; source/domain/worked-day.ts): with
 * `--today 2026-11-30` and the clock on 06 Dec, `case show` said "Allocated by DS Tom Brennan on 06 Dec
 * 2026 at 11:30 UTC" for a move from 30 Nov. The stored instant stays the clock's, the worked day is
 * kept beside it, and the case history names both, so no record claims a real time on a day the clock
 * did not say.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {toImportCsv} from '../helpers/import-csv.js';
import {savedData} from '../helpers/saved-store.js';

const LATER = {FORTNIGHT_NOW: '2026-12-06T11:30:00Z'};
const REF = 'CR/87204/26';
const load = (file: string) => savedData(file) as StoreData;
const flat = (s: string) => s.replace(/\s+/g, ' ');

function show(store: string): {text: string; json: {case: {allocations: {recordedAt: string | null; recordedOn: string | null}[]}}} {
	const text = runCli(['case', 'show', REF, '--store', store, '--today', DEMO_TODAY]);
	const json = runCli(['case', 'show', REF, '--json', '--store', store, '--today', DEMO_TODAY]);
	expect(text.code, text.stderr).toBe(0);
	return {text: text.stdout, json: JSON.parse(json.stdout) as never};
}

describe('a reallocation made with --today before the clock day (QA R14)', () => {
	it('is dated on the worked day, with the clock day and time said apart; verify still passes', () => {
		const {store} = demoCopy();
		const args = ['case', 'reallocate', REF, '--to', 'DC Marsh', '--reason', 'OIC on sick leave', '--store', store, '--today', DEMO_TODAY];
		const r = runCli(args, {env: LATER});
		expect(r.code, r.stderr).toBe(0);
		const a = load(store)
			.cases.find(c => c.ref === REF)!
			.allocations.at(-1)!;
		expect([a.from, a.recordedAt, a.recordedOn]).toEqual([DEMO_TODAY, '2026-12-06T11:30:00.000Z', DEMO_TODAY]);
		const {text, json} = show(store);
		expect(flat(text)).toContain('Allocated by DS Tom Brennan on 30 Nov 2026 (saved 06 Dec 2026 at 11:30 UTC): OIC on sick leave');
		expect(text).not.toMatch(/Allocated by DS Tom Brennan on 06 Dec/);
		expect(json.case.allocations.at(-1)).toMatchObject({recordedAt: '2026-12-06T11:30:00.000Z', recordedOn: DEMO_TODAY});
		const verify = runCli(['verify', '--store', store, '--today', DEMO_TODAY]);
		expect(verify.code, verify.stdout + verify.stderr).toBe(0);
	});

	it('made on the clock day it stores no worked day and reads as before', () => {
		const {store} = demoCopy();
		const args = ['case', 'reallocate', REF, '--to', 'DC Marsh', '--reason', 'OIC on sick leave', '--store', store, '--today', DEMO_TODAY];
		expect(runCli(args, {env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'}}).code).toBe(0);
		const a = load(store)
			.cases.find(c => c.ref === REF)!
			.allocations.at(-1)!;
		expect(a).not.toHaveProperty('recordedOn');
		const {text, json} = show(store);
		expect(flat(text)).toContain('Allocated by DS Tom Brennan on 30 Nov 2026 at 09:00 UTC: OIC on sick leave');
		expect(json.case.allocations.at(-1)).toMatchObject({recordedOn: DEMO_TODAY});
		// The first allocation, recorded before history was kept, has neither.
		expect(json.case.allocations[0]).toMatchObject({recordedAt: null, recordedOn: null});
	});

	it('an import that moves a case is dated the same way', () => {
		const {dir, store} = demoCopy();
		const data = load(store);
		const c = data.cases.find(x => x.ref === REF)!;
		const csv = path.join(dir, 'moved.csv');
		writeFileSync(csv, toImportCsv(data, [{...c, oicId: 'o0006'}]));
		const r = runCli(['import', csv, '--store', store, '--today', DEMO_TODAY], {env: LATER});
		expect(r.code, r.stderr).toBe(0);
		expect(
			load(store)
				.cases.find(x => x.ref === REF)!
				.allocations.at(-1),
		).toMatchObject({recordedOn: DEMO_TODAY});
		expect(flat(show(store).text)).toContain('Allocated by DS Tom Brennan on 30 Nov 2026 (saved 06 Dec 2026 at 11:30 UTC)');
		expect(runCli(['verify', '--store', store, '--today', DEMO_TODAY]).code).toBe(0);
	});
});
