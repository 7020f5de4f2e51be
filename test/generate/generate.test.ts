import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {chainWorkingSet} from '../../source/domain/chain-working-set.js';
import {generateStore} from '../../source/generate/generate.js';
import {signer, verifyChain} from '../../source/store/chain.js';
import {validateStore} from '../../source/store/validate.js';
import {serialize} from '../../source/store/store.js';
import {DEMO, runCli, tempDir} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';

describe('generate', () => {
	it('is deterministic: same seed, same bytes (and the CLI writes exactly those bytes)', () => {
		const make = (seed: string) => serialize(generateStore({cases: 120, seed, referenceDate: '2026-11-30'}, signer).data);
		expect(make('s1')).toBe(make('s1'));
		expect(make('s2')).not.toBe(make('s1'));
		const dir = tempDir();
		const a = runCli(['generate', '--cases', '120', '--seed', 's1', '--reference-date', '2026-11-30', '--out', `${dir}/a.json`]);
		expect(a.code).toBe(0);
		// Two files (store README, "The review chain file"): the chain one entry a line, and the state with
		// the working set and the chain file's end.
		const {data} = generateStore({cases: 120, seed: 's1', referenceDate: '2026-11-30'}, signer);
		const lines = data.chain.map(e => JSON.stringify(e) + '\n').join('');
		expect(readFileSync(`${dir}/a.chain.jsonl`, 'utf8')).toBe(lines);
		const state = {...data, chain: chainWorkingSet(data.chain), chainLog: {entries: data.chain.length, bytes: Buffer.byteLength(lines)}};
		expect(readFileSync(`${dir}/a.json`, 'utf8')).toBe(serialize(state));
	});

	it('makes valid stores with an intact chain at several sizes', () => {
		for (const cases of [1, 7, 60, 400]) {
			const {data} = generateStore({cases, seed: 'v', referenceDate: '2026-03-29'}, signer);
			expect(validateStore(data)).toBeNull();
			expect(verifyChain(data.chain)).toBeNull();
			expect(data.cases.length).toBe(cases);
		}
	});

	it('--teams divides the cases between that many sergeants, four teams to an inspector (the bench: 50,000 cases across 40 teams)', () => {
		const {data} = generateStore({cases: 1200, seed: 't', referenceDate: '2026-11-30', teams: 5}, signer);
		expect(validateStore(data)).toBeNull();
		expect(verifyChain(data.chain)).toBeNull();
		const sergeants = data.officers.filter(o => o.role === 'sergeant');
		const inspectors = data.officers.filter(o => o.role === 'inspector');
		expect(sergeants).toHaveLength(5);
		expect(inspectors).toHaveLength(2);
		expect(sergeants.map(s => s.supervisorId)).toEqual([
			inspectors[0]!.id,
			inspectors[0]!.id,
			inspectors[0]!.id,
			inspectors[0]!.id,
			inspectors[1]!.id,
		]);
		// Every detective is in one of the five teams, and each team holds a fifth of the cases (four 60-case groups).
		const teamOf = new Map(data.officers.filter(o => o.role === 'investigator').map(o => [o.id, o.supervisorId]));
		const perTeam = new Map<string, number>();
		for (const c of data.cases) perTeam.set(teamOf.get(c.oicId) ?? '', (perTeam.get(teamOf.get(c.oicId) ?? '') ?? 0) + 1);
		expect([...perTeam.keys()].sort()).toEqual(sergeants.map(s => s.id).sort());
		for (const n of perTeam.values()) expect(n).toBeGreaterThan(200);
		// The default is one team for each group of about 60 cases, as before (the same bytes).
		const plain = serialize(generateStore({cases: 600, seed: 't', referenceDate: '2026-11-30'}, signer).data);
		expect(serialize(generateStore({cases: 600, seed: 't', referenceDate: '2026-11-30', teams: 10}, signer).data)).toBe(plain);
		expect(runCli(['generate', '--cases', '600', '--teams', '11', '--out', `${tempDir()}/x.json`]).code).toBe(2);
	});

	it('the bundled demo is exactly the generator output for its seed (read as the store reads it: migrated)', () => {
		const {data} = generateStore({cases: 60, seed: 'demo', referenceDate: '2026-11-30'}, signer);
		// data/demo.json stays in schema 1 and is migrated on load, so the history it gets is the seeded history.
		expect(JSON.parse(readFileSync(DEMO, 'utf8')).schemaVersion).toBe(1);
		expect(demoData()).toEqual(data);
	});

	it('refuses to overwrite without --force and rejects bad arguments, each with exit 2', () => {
		const dir = tempDir();
		expect(runCli(['generate', '--cases', '5', '--out', `${dir}/x.json`, '--today', '2026-11-30']).code).toBe(0);
		// An --out that exists is a usage error like any export's (README "Exports and --out"); it was exit 3.
		expect(runCli(['generate', '--cases', '5', '--out', `${dir}/x.json`, '--today', '2026-11-30']).code).toBe(2);
		expect(runCli(['generate', '--cases', '0', '--out', `${dir}/y.json`]).code).toBe(2);
		expect(runCli(['generate', '--cases', '5']).code).toBe(2);
	});
});
