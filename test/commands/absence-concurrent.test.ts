/**
 * Eight sergeants' terminals recording absences on one store at the same moment (the store README,
 * "Two users at once"): each addition is a new record, so none of them may be refused as a conflict,
 * and no two may get the same id. Each process runs the absence command 15 times in a row, as the
 * command line does (a fresh open of the store per run), so the runs interleave with the others' saves.
 */
import {spawn} from 'node:child_process';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {readStoreFile} from '../../source/store/store.js';
import {demoCopy, ROOT} from '../helpers/cli.js';
import {ensureBuilt} from '../store/small-store.js';

const PROCESSES = 8;
const WRITES = 15;
const ADDER = path.join(ROOT, 'test', 'commands', 'fixtures', 'absence-adder.mjs');

function adder(store: string, officer: string): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [ADDER, store, officer, '2027-03-01', String(WRITES)], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', d => (stdout += d));
		child.stderr.on('data', d => (stderr += d));
		child.on('close', code => resolve({code, stdout, stderr}));
	});
}

beforeAll(() => ensureBuilt(), 120_000);

describe('absence add from many processes at once', () => {
	it(`${PROCESSES} processes x ${WRITES} additions on one store: every one saved, none refused, every id distinct`, async () => {
		const {store} = demoCopy();
		const {data: before} = await readStoreFile(store);
		// Officers o0004..o0011, one each: their absences never overlap, so the domain refuses none.
		const officers = Array.from({length: PROCESSES}, (_, p) => `o${String(p + 4).padStart(4, '0')}`);
		const results = await Promise.all(officers.map(o => adder(store, o)));
		for (const r of results) expect(r.code, r.stderr).toBe(0);
		const summaries = results.map(r => JSON.parse(r.stdout) as {saved: number; refused: string[]});
		expect(summaries.flatMap(s => s.refused)).toEqual([]);
		expect(summaries.map(s => s.saved)).toEqual(officers.map(() => WRITES));
		const {data: after} = await readStoreFile(store);
		const added = after.absences.slice(before.absences.length);
		expect(added).toHaveLength(PROCESSES * WRITES);
		expect(new Set(after.absences.map(a => a.id)).size).toBe(after.absences.length);
		for (const o of officers) expect(added.filter(a => a.officerId === o)).toHaveLength(WRITES);
	}, 60_000);
});
