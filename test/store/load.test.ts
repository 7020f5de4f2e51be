import {readFileSync, writeFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {chainPathFor} from '../../source/store/chain-path.js';
import {StoreError} from '../../source/store/errors.js';
import {demoCopy, runCli, tempDir, DEMO_TODAY} from '../helpers/cli.js';

describe('store load and save', () => {
	it('round-trips: what is saved is what loads', async () => {
		const {store} = demoCopy();
		const s = await openStore(store);
		const before = s.snapshot();
		const result = await s.apply(d => ({...d, team: {...d.team, name: 'POLIT North'}}));
		expect(result.revision).toBe(before.revision + 1);
		// The save split the single file: the chain is read back whole from its own file.
		const {data} = await readStoreFile(store, {chain: 'whole'});
		expect(data.team.name).toBe('POLIT North');
		expect(data.cases).toEqual(before.cases);
		expect(data.chain).toEqual(before.chain);
	});

	it('keeps the file mode across writes', async () => {
		const {store} = demoCopy();
		const {chmodSync} = await import('node:fs');
		chmodSync(store, 0o640);
		const s = await openStore(store);
		await s.apply(d => ({...d, team: {...d.team, name: 'x'}}));
		expect(statSync(store).mode & 0o777).toBe(0o640);
		// The chain file split out of it takes the store's mode.
		expect(statSync(chainPathFor(store)).mode & 0o777).toBe(0o640);
	});

	const valid = readFileSync(demoCopy().store, 'utf8');
	const parsed = JSON.parse(valid) as Record<string, unknown>;
	const bad: Record<string, string> = {
		empty: '',
		whitespace: '   \n',
		truncated: valid.slice(0, Math.floor(valid.length / 2)),
		null: 'null',
		array: '[]',
		'wrong types': JSON.stringify({...parsed, cases: 'none'}),
		'wrong nested type': JSON.stringify({...parsed, officers: [{...(parsed['officers'] as object[])[0], hoursPerWeek: 'forty'}]}),
		'unknown schemaVersion': JSON.stringify({...parsed, schemaVersion: 99}),
		'missing schemaVersion': JSON.stringify({...parsed, schemaVersion: undefined}),
		'impossible date': valid.replace(/"opened": "\d{4}-\d{2}-\d{2}"/, '"opened": "2025-02-29"'),
		'dangling reference': valid.replace(/"oicId": "o0003"/, '"oicId": "o9999"'),
	};
	for (const [name, text] of Object.entries(bad)) {
		it(`refuses a store that is ${name}, with exit 3, and leaves it byte-identical`, async () => {
			const dir = tempDir();
			const file = path.join(dir, 'team.json');
			writeFileSync(file, text);
			await expect(openStore(file)).rejects.toBeInstanceOf(StoreError);
			const r = runCli(['verify', '--store', file, '--today', DEMO_TODAY]);
			expect(r.code).toBe(3);
			expect(r.stderr).toContain(file);
			expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
			expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
			expect(readFileSync(file, 'utf8')).toBe(text);
		});
	}

	it('names the first bad field', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'team.json');
		writeFileSync(file, JSON.stringify({...parsed, officers: [{...(parsed['officers'] as object[])[0], hoursPerWeek: 'forty'}]}));
		await expect(readStoreFile(file)).rejects.toThrow(/\/officers\/0\/hoursPerWeek/);
	});

	it('lists the allowed words when a field takes one of a list (QA P3-13)', () => {
		const dir = tempDir();
		const file = path.join(dir, 'team.json');
		const cases = (parsed['cases'] as object[]).map((c, i) => (i === 3 ? {...c, risk: 'extreme'} : c));
		writeFileSync(file, JSON.stringify({...parsed, cases}));
		const r = runCli(['problems', '--store', file, '--today', DEMO_TODAY]);
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('at /cases/3/risk, Expected one of "high", "medium", "low" (found a text of 7 characters)');
		expect(r.stderr).not.toContain('union value');
	});

	it('gives the line and column of a JSON syntax error', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'team.json');
		writeFileSync(file, '{\n  "schemaVersion": 1,\n  oops\n}');
		await expect(readStoreFile(file)).rejects.toThrow(/line 3/);
	});
});
