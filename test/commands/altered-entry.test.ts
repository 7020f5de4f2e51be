/**
 * Every export that prints chain entries re-checks them as `fortnight verify` does (QA: the inspector's
 * log exported a review whose signer had been changed in the chain file, with its old hash and a
 * valid-looking head): the log in every format, `case show` and the handover refuse with exit 1, naming
 * the entry and `fortnight verify`, and write nothing, not even with --out.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {enrolKey} from '../helpers/keys.js';

const run = (store: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
	runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z', ...env}});

/** Replaces `from` with `to` on the line of entry `seq` in a chain file (or a store file written one entry a line). */
function alterLine(file: string, seq: number, from: string, to: string): void {
	const lines = readFileSync(file, 'utf8').split('\n');
	const i = lines.findIndex(l => l.includes(`"seq":${seq},`));
	expect(i, `entry ${seq} in ${file}`).toBeGreaterThanOrEqual(0);
	expect(lines[i]).toContain(from);
	lines[i] = lines[i]!.replace(from, to);
	writeFileSync(file, lines.join('\n'));
}

/** The QA's steps: a bail record splits the chain into team.chain.jsonl; entry 605's signer is then changed there. */
function alteredSplitStore(): {dir: string; store: string} {
	const {dir, store} = demoCopy();
	expect(run(store, ['bail', 'record', 'CR/54818/26', '--event', 'rui']).code).toBe(0);
	alterLine(path.join(dir, 'team.chain.jsonl'), 605, '"reviewerId":"o0002"', '"reviewerId":"o0001"');
	return {dir, store};
}

const SAYS = /entry 605 \(review\) was altered after signing: its content no longer matches its hash.*Run "fortnight verify --store /s;

describe('exports re-check the chain entries they print', () => {
	it('the log refuses in every format with exit 1, naming the entry, and writes no --out file', () => {
		const {dir, store} = alteredSplitStore();
		expect(run(store, ['verify']).code).toBe(1);
		for (const format of ['csv', 'md', 'json', 'html', 'table']) {
			const out = path.join(dir, `log.${format}`);
			const r = run(store, ['log', '--format', format, '--out', out]);
			expect(r.code, `${format}: ${r.stderr}`).toBe(1);
			expect(r.stderr).toMatch(SAYS);
			expect(r.stderr).toContain('The review log was not written');
			expect(r.stdout).toBe('');
			expect(existsSync(out)).toBe(false);
		}
		const csv = run(store, ['log']);
		expect(csv.code).toBe(1);
		expect(csv.stdout).toBe('');
	});

	it('case show refuses rather than print the altered entry', () => {
		const {store} = alteredSplitStore();
		const r = run(store, ['case', 'show', 'CR/45738/25']);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(SAYS);
		expect(r.stderr).not.toContain('by DI Rachel Okafor');
		// A case whose entries are intact is still shown.
		expect(run(store, ['case', 'show', 'CR/54818/26']).code).toBe(0);
	});

	it('a log period without the altered entry is still written (only what is printed is re-hashed)', () => {
		const {store} = alteredSplitStore();
		// Entry 605 was signed on 30 Nov; the head (606) is printed and intact.
		const r = run(store, ['log', '--from', '2026-11-01', '--to', '2026-11-20']);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toContain('Entry hash');
	});

	it('the handover refuses when a last review it names was altered in the store file', () => {
		const {store} = demoCopy();
		// The demo file holds the whole chain; its copy of 605 (CR/45738/25's last review) names another signer.
		const text = readFileSync(store, 'utf8');
		const at = text.indexOf('"seq": 605,');
		expect(at).toBeGreaterThan(0);
		const end = text.indexOf('"reviewerId": "o0002"', at);
		writeFileSync(store, text.slice(0, end) + '"reviewerId": "o0001"' + text.slice(end + '"reviewerId": "o0002"'.length));
		const r = run(store, ['handover', '--out', path.join(path.dirname(store), 'h.md')]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(SAYS);
		expect(r.stderr).toContain('The handover was not written');
		expect(existsSync(path.join(path.dirname(store), 'h.md'))).toBe(false);
	});

	it('a signature that no longer matches (the hash intact) is refused as verify refuses it', async () => {
		const {dir, store} = demoCopy();
		const {env} = await enrolKey(store, 'o0002');
		const rec = run(store, ['bail', 'record', 'CR/54818/26', '--event', 'rui', '--as', 'o0002'], env);
		expect(rec.code, rec.stderr).toBe(0);
		const chainFile = path.join(dir, 'team.chain.jsonl');
		const last = readFileSync(chainFile, 'utf8').trim().split('\n').at(-1)!;
		const entry = JSON.parse(last) as {seq: number; sig: string};
		const flipped = (entry.sig[0] === 'A' ? 'B' : 'A') + entry.sig.slice(1);
		alterLine(chainFile, entry.seq, `"sig":"${entry.sig}"`, `"sig":"${flipped}"`);
		expect(run(store, ['verify']).code).toBe(1);
		const r = run(store, ['case', 'show', 'CR/54818/26']);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`entry ${entry.seq} (record) has a signature that does not match any key enrolled for o0002`);
		// The log's head is that entry: the log refuses too.
		expect(run(store, ['log']).code).toBe(1);
	});
});
