/**
 * A path with a control character in it (QA 9 D10): --out and --store are refused the way a typed id is
 * (typed-path.ts, typed-id.ts), exit 2, with the character made visible, and nothing written or opened.
 * Such a path was used as typed but reported with its escape sequence removed: "Wrote ... to h.md" of a
 * file named "h␛]0;T␇.md", while h.md was another, older file.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const OSC = 'h\u001b]0;T\u0007.md';
const SHOWN = 'h␛]0;T␇.md';

describe('--out with a control character in it (QA 9 D10)', () => {
	it('handover, log, calendar, generate and store export refuse it; nothing is written and h.md keeps its text', () => {
		const {store, dir} = demoCopy();
		writeFileSync(path.join(dir, 'h.md'), 'the older handover\n');
		const before = readdirSync(dir).sort();
		const storeBefore = readFileSync(store);
		const out = path.join(dir, OSC);
		const runs = [
			['handover', '--as', 'Brennan', '--out', out],
			['handover', '--as', 'Brennan', '--out', out, '--force'],
			['log', '--out', out],
			['calendar', '--as', 'Brennan', '--out', out],
			['generate', '--cases', '5', '--out', out],
			['store', 'export', '--single-file', '--out', out],
		];
		for (const args of runs) {
			const r = runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: NOW});
			expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toContain(
				`--out "${path.join(dir, SHOWN)}" has a control character in it (shown as ␊, ␍, ␇, ␛, <U+202E> and the like): ` +
					'type the path again without it. Nothing was written.',
			);
			expect(r.stderr).not.toContain('\u001b');
		}
		expect(readdirSync(dir).sort()).toEqual(before);
		expect(readFileSync(path.join(dir, 'h.md'), 'utf8')).toBe('the older handover\n');
		expect(readFileSync(store).equals(storeBefore)).toBe(true);
	});

	it('a line break or a right-to-left override is refused the same way; a plain name with a space is written', () => {
		const {store, dir} = demoCopy();
		for (const [name, shown] of [
			['h\n.md', 'h␊.md'],
			['h\u202edm.txt', 'h<U+202E>dm.txt'],
		] as const) {
			const r = runCli(['log', '--out', path.join(dir, name), '--store', store, '--today', DEMO_TODAY]);
			expect(r.code).toBe(2);
			expect(r.stderr).toContain(`--out "${path.join(dir, shown)}" has a control character in it`);
		}
		const plain = runCli(['log', '--out', path.join(dir, 'review log.md'), '--store', store, '--today', DEMO_TODAY]);
		expect(plain.code, plain.stderr).toBe(0);
		expect(readFileSync(path.join(dir, 'review log.md'), 'utf8')).toContain('CR/');
	});
});

describe('--store with a control character in it (QA 9 D10)', () => {
	it('is refused (exit 2) naming it as typed, not as another file that "does not exist"; FORTNIGHT_STORE too', () => {
		const dir = tempDir();
		writeFileSync(path.join(dir, 'x.json'), '{}\n');
		const typed = path.join(dir, 'x\u001b]0;T\u0007.json');
		const shown = path.join(dir, 'x␛]0;T␇.json');
		for (const r of [
			runCli(['verify', '--store', typed, '--today', DEMO_TODAY]),
			runCli(['problems', '--today', DEMO_TODAY], {env: {FORTNIGHT_STORE: typed}}),
		]) {
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toMatch(
				new RegExp(`^fortnight: (--store|FORTNIGHT_STORE) "${shown.replace(/[.[\]]/g, '\\$&')}" has a control character in it `),
			);
			expect(r.stderr).toContain('Nothing was opened or written.');
			expect(r.stderr).not.toContain('does not exist');
		}
		expect(readdirSync(dir)).toEqual(['x.json']);
	});
});
