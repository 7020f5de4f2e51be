/**
 * QA pass 3, R12: `verify` exited 3 ("the store cannot be read") when team.journal.jsonl had been
 * altered (a line's hash no longer matching its text). An altered store is what verify is for: exit 1,
 * with the same words; every other command still stops with exit 3.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {demoCopy, DEMO_TODAY, runCli} from '../helpers/cli.js';

const ENV = {FORTNIGHT_NOW: '2026-11-30T09:00:00.000Z'};
const cli = (store: string, ...args: string[]) => runCli(['--store', store, '--today', DEMO_TODAY, ...args], {env: ENV});

describe('verify on an altered journal', () => {
	it('exits 1 naming the damaged line; problems stops with exit 3', () => {
		const {store, dir} = demoCopy();
		expect(cli(store, 'store', 'migrate').code).toBe(0);
		for (const event of ['charged', 'rui']) {
			const ref = event === 'charged' ? 'CR/30126/26' : 'CR/54818/26';
			const r = cli(store, 'bail', 'record', ref, '--event', event);
			expect(r.code, r.stderr).toBe(0);
		}
		const journal = path.join(dir, 'team.journal.jsonl');
		const text = readFileSync(journal, 'utf8');
		expect(cli(store, 'verify').code).toBe(0);
		const altered = text.replace('"charged"', '"CHARGED"');
		expect(altered).not.toBe(text);
		writeFileSync(journal, altered);
		const v = cli(store, 'verify');
		expect(v.code, v.stderr).toBe(1);
		expect(v.stdout).toMatch(/^BROKEN: .*team\.json: .*team\.journal\.jsonl.*is damaged at line 2 \(its hash does not match its text\)/);
		const p = cli(store, 'problems');
		expect(p.code).toBe(3);
		expect(p.stderr).toContain('is damaged at line 2 (its hash does not match its text)');
	});
});
