/**
 * Schema 1 to 2 (README "Case history"): a store written before the history was kept migrates on load,
 * validates, verifies, and is written back as schema 2 after a backup, on its first write.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {BEFORE_HISTORY} from '../../source/domain/case-history.js';
import {generateStore} from '../../source/generate/generate.js';
import {SCHEMA_VERSION, type StoreData} from '../../source/domain/model.js';
import {signer, verifyChain} from '../../source/store/chain.js';
import {StoreError} from '../../source/store/errors.js';
import {migrate, MIGRATIONS} from '../../source/store/migrate.js';
import {openStore} from '../../source/store/store.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {validateStore} from '../../source/store/validate.js';
import {chainOf, kase, review, store} from '../domain/rules/fixture.js';
import {DEMO, DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';

/** A schema 2 store as schema 1 wrote it: no history anywhere. */
function asVersion1(data: StoreData): Record<string, unknown> {
	const {supervision: _s, ...team} = data.team;
	return {...data, schemaVersion: 1, team, cases: data.cases.map(({allocations: _a, riskHistory: _r, ...c}) => c)};
}

describe('migrating a schema 1 store (no history) to schema 2', () => {
	it('is the step registered for version 1', () => {
		expect(SCHEMA_VERSION).toBe(4); // 2 -> 3 (the chain's own file) and 3 -> 4 (the journal, signed records) change nothing in the data
		const {data, from} = migrate({schemaVersion: 1, cases: [], team: {sergeantId: 's1', inspectorId: null}}, 'f.json', MIGRATIONS, 2);
		expect(from).toBe(1);
		const supervision = [{role: 'sergeant', officerId: 's1', from: null, to: null, by: null, reason: BEFORE_HISTORY.team}];
		expect(data).toEqual({schemaVersion: 2, cases: [], team: {sergeantId: 's1', inspectorId: null, supervision}});
	});

	it('data/demo.json as it is: seeds each case from its officer and allocation day and its risk, validates and verifies', () => {
		const raw = readFileSync(DEMO, 'utf8');
		type OldCase = {ref: string; oicId: string; allocatedOn: string; risk: string; opened: string};
		const v1 = JSON.parse(raw) as {schemaVersion: number; cases: OldCase[]};
		expect(v1.schemaVersion).toBe(1);
		const {data, migratedFrom} = loadStoreText(raw, DEMO);
		expect(migratedFrom).toBe(1);
		expect(data.schemaVersion).toBe(SCHEMA_VERSION);
		expect(validateStore(data)).toBeNull();
		expect(verifyChain(data.chain)).toBeNull();
		expect(data.team.supervision).toEqual([
			{role: 'sergeant', officerId: 'o0002', from: null, to: null, by: null, reason: BEFORE_HISTORY.team},
			{role: 'inspector', officerId: 'o0001', from: null, to: null, by: null, reason: BEFORE_HISTORY.team},
		]);
		for (const [i, c] of data.cases.entries()) {
			const old = v1.cases[i]!;
			const reason = BEFORE_HISTORY.allocation;
			expect(c.allocations).toEqual([{officerId: old.oicId, from: old.allocatedOn, to: null, by: null, reason, recordedAt: null}]);
			// The demo's reviews never change a risk: one level, from the day the case opened.
			expect(c.riskHistory).toEqual([{risk: old.risk, from: old.opened, by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null}]);
		}
	});

	it('a generated store of the previous schema migrates to exactly what the generator now writes', () => {
		const {data} = generateStore({cases: 120, seed: 'history', referenceDate: '2026-11-30'}, signer);
		const migrated = loadStoreText(JSON.stringify(asVersion1(data)), 'old.json').data;
		expect(migrated).toEqual(data);
	});

	it('seeds the risk from the signed reviews in the chain, with each reviewer and rationale', () => {
		const reviews = [
			review('CR/1/26', '2026-02-02', '2026-02-16'),
			review('CR/1/26', '2026-02-16', '2026-02-23', {
				riskBefore: 'medium',
				riskAfter: 'high',
				riskRationale: 'Suspect lives with children',
			}),
			review('CR/1/26', '2026-02-23', '2026-03-02', {riskBefore: 'high', riskAfter: 'high'}),
		];
		const cases = [kase('CR/1/26', {risk: 'high', opened: '2026-01-20', allocatedOn: '2026-01-20'}), kase('CR/2/26', {risk: 'low'})];
		const data = store({cases, chain: chainOf(reviews)});
		const {data: migrated} = loadStoreText(JSON.stringify(asVersion1(data)), 'old.json');
		expect(migrated.cases[0]!.riskHistory).toEqual([
			{risk: 'medium', from: '2026-01-20', by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null},
			{risk: 'high', from: '2026-02-16', by: 's1', reason: 'Suspect lives with children', reviewSeq: 1},
		]);
		const only = {risk: 'low', from: '2025-07-01', by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null};
		expect(migrated.cases[1]!.riskHistory).toEqual([only]);
	});

	it('writes schema 2 on the first save only, keeping the schema 1 file as FILE.bak-v1; verify passes before and after', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'team.json');
		const {data} = generateStore({cases: 30, seed: 'bak', referenceDate: '2026-11-30'}, signer);
		const original = JSON.stringify(asVersion1(data)) + '\n';
		writeFileSync(file, original);
		expect(runCli(['verify', '--store', file, '--today', DEMO_TODAY]).code).toBe(0);
		expect(readFileSync(file, 'utf8')).toBe(original); // reading (problems, verify) never rewrites it
		const s = await openStore(file);
		await s.apply(d => ({...d, team: {...d.team, name: 'POLIT North'}}));
		expect(readFileSync(`${file}.bak-v1`, 'utf8')).toBe(original);
		const saved = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
		expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
		expect(saved.cases.every(c => c.allocations.length === 1 && c.riskHistory.length >= 1)).toBe(true);
		expect(runCli(['verify', '--store', file, '--today', DEMO_TODAY]).code).toBe(0);
	});

	it('never throws anything but StoreError on a damaged schema 1 file, and names the field', () => {
		const v1 = JSON.parse(readFileSync(DEMO, 'utf8')) as Record<string, unknown>;
		const broken: unknown[] = [
			{...v1, cases: 'none'},
			{...v1, cases: [null, 7, 'x']},
			{...v1, cases: [{ref: 'CR/1/26', oicId: 7, allocatedOn: null, risk: {}, opened: []}]},
			{...v1, team: 'x'},
			{...v1, team: {...(v1['team'] as object), sergeantId: 5}},
			{...v1, chain: [null, {kind: 'review', seq: 'a', data: 5}, {kind: 'review', seq: 0, data: {caseRef: 1}}]},
		];
		for (const b of broken) {
			let error: unknown;
			try {
				loadStoreText(JSON.stringify(b), 'bad.json');
			} catch (err) {
				error = err;
			}
			expect(error).toBeInstanceOf(StoreError);
			expect((error as StoreError).message).toMatch(/^bad\.json is not a valid fortnight store: at \//);
		}
	});
});

describe('the store refuses a present that disagrees with its history', () => {
	const data = loadStoreText(readFileSync(DEMO, 'utf8'), DEMO).data;
	type Over = Partial<StoreData['cases'][number]>;
	const withCase = (i: number, over: Over): StoreData => ({...data, cases: data.cases.map((c, j) => (j === i ? {...c, ...over} : c))});

	it('a new oicId or allocatedOn without a reallocation', () => {
		expect(validateStore(withCase(0, {oicId: 'o0006'}))).toEqual({
			path: '/cases/0/allocations',
			message:
				"the last allocation (o0003 from 2026-01-14) is not the case's officer o0006 from 2026-01-14: " +
				'record a reallocation, not a new oicId',
		});
		expect(validateStore(withCase(0, {allocatedOn: '2026-02-01'}))?.path).toBe('/cases/0/allocations');
	});

	it('a new risk without its change, history out of order, unknown officers, and a team whose present is not its open period', () => {
		const message = "the last risk level (low) is not the case's risk (high): record the change, not a new risk";
		expect(validateStore(withCase(0, {risk: 'high'}))).toEqual({path: '/cases/0/riskHistory', message});
		const c = data.cases[0]!;
		const gap = [
			{...c.allocations[0]!, to: '2026-03-01'},
			{...c.allocations[0]!, officerId: 'o0003', from: '2026-03-02'},
		];
		expect(validateStore(withCase(0, {allocations: gap}))?.message).toBe(
			'the allocation ends 2026-03-01 but the next one starts 2026-03-02',
		);
		expect(validateStore(withCase(0, {allocations: [{...c.allocations[0]!, by: 'o9999'}]}))?.path).toBe('/cases/0/allocations/0/by');
		expect(validateStore(withCase(0, {allocations: []}))?.message).toBe('a case needs at least its current allocation');
		const risks = [
			{...c.riskHistory[0]!, from: '2026-05-01'},
			{...c.riskHistory[0]!, from: '2026-04-01'},
		];
		expect(validateStore(withCase(0, {riskHistory: risks}))?.path).toBe('/cases/0/riskHistory/1/from');
		const team = {...data.team, sergeantId: 'o0006'};
		expect(validateStore({...data, team})?.message).toBe("the open sergeant period names o0002 but the team's sergeant is o0006");
	});

	it('and the loader reports it as an invalid store without changing the file', () => {
		const dir = tempDir();
		const file = path.join(dir, 'team.json');
		writeFileSync(file, JSON.stringify(withCase(3, {oicId: 'o0006'})));
		const before = readFileSync(file);
		const r = runCli(['problems', '--store', file, '--today', DEMO_TODAY]);
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('at /cases/3/allocations, the last allocation');
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(existsSync(`${file}.bak-v1`)).toBe(false);
	});
});
