/**
 * The log's exception report (every format but CSV) reads performance decisions and each case's last review
 * beyond its rows: those entries are re-checked as `verify` checks them too (domain/shown-entries.ts), so an
 * altered decision stops the export with exit 1 and nothing written (README "Where the store lives").
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';

const run = (store: string, ...args: string[]) =>
	runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'}});

/** Entry 515 (a performance decision, "not now") made "escalate" in `file`, where `seq` and `decision` are written as given. */
function alterDecision(file: string, seq: string, from: string, to: string): void {
	const text = readFileSync(file, 'utf8');
	const at = text.indexOf(seq);
	expect(at).toBeGreaterThan(0);
	const end = text.indexOf(from, at);
	expect(end).toBeGreaterThan(at);
	writeFileSync(file, text.slice(0, end) + to + text.slice(end + from.length));
}

function expectRefused(store: string, dir: string): void {
	expect(run(store, 'verify').code).toBe(1);
	for (const format of ['md', 'json', 'html', 'table']) {
		const out = path.join(dir, `log.${format}`);
		const r = run(store, 'log', '--format', format, '--out', out);
		expect(r.code, `${format}: ${r.stderr}`).toBe(1);
		expect(r.stderr).toContain('The review log was not written');
		expect(r.stderr).toContain('515');
		expect(existsSync(out)).toBe(false);
		const printed = run(store, 'log', '--format', format);
		expect(printed.code).toBe(1);
		expect(printed.stdout).toBe('');
	}
}

describe('the log re-checks the entries its exception report reads', () => {
	it('an altered performance decision in the store file: every report format exits 1 and writes nothing', () => {
		const {dir, store} = demoCopy();
		alterDecision(store, '"seq": 515,', '"decision": "not-now"', '"decision": "escalate"');
		expectRefused(store, dir);
	});

	it('the same in a split chain file (after a save)', () => {
		const {dir, store} = demoCopy();
		expect(run(store, 'bail', 'record', 'CR/54818/26', '--event', 'rui').code).toBe(0);
		// The chain file's length is checked on load: the reason loses a letter so the entry keeps its length.
		alterDecision(
			path.join(dir, 'team.chain.jsonl'),
			'"seq":515,',
			'"decision":"not-now","reason":"Officer',
			'"decision":"escalate","reason":"Office',
		);
		expectRefused(store, dir);
	});

	it('an intact store: every format is written', () => {
		const {dir, store} = demoCopy();
		for (const format of ['md', 'json', 'csv']) {
			const r = run(store, 'log', '--format', format, '--out', path.join(dir, `log.${format}`));
			expect(r.code, r.stderr).toBe(0);
		}
	});
});
