/**
 * QA 7 D6: "Reviews due, supervisor away" with the named cover away for part of the absence named a
 * different count and first date from day to day with nothing signed in between (48 from 20 Dec on 04
 * Dec, 57 from 24 Dec on 10 Dec, 11 from 26 Dec on 19 Dec, 60 from 20 Dec on 20 Dec): an overdue review
 * was taken as done by the cover today and counted again a cadence later, past the cover's days away. It
 * is owed until it is done, so it counts on the first day the cover is away too (docs/rules.md).
 */
import {rmSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {demoCopy, runCli} from '../helpers/cli.js';

const NOW = {FORTNIGHT_NOW: '2026-12-04T09:00:00Z'};

describe('reviews due while the supervisor and the named cover are both away', () => {
	it('name the same first date every day before it, the count never falling with nothing signed', () => {
		const {dir, store} = demoCopy();
		try {
			const as = ['--store', store, '--today', '2026-12-04', '--as', 'Brennan'];
			expect(runCli(['absence', 'change', 'ab0002', '--cover', 'Carter', ...as], {env: NOW}).code).toBe(0);
			const leave = runCli(['absence', 'add', 'Carter', '--reason', 'annual-leave', '--from', '2026-12-20', '--to', '2026-12-27', ...as], {
				env: NOW,
			});
			expect(leave.code, leave.stderr).toBe(0);
			let before = 0;
			for (const day of ['2026-12-04', '2026-12-10', '2026-12-15', '2026-12-18', '2026-12-19', '2026-12-20']) {
				const r = runCli(['problems', '--json', '--store', store, '--today', day], {env: NOW});
				expect(r.code, r.stderr).toBe(0);
				const problems = JSON.parse(r.stdout) as {kind: string; message: string; due: string | null}[];
				const p = problems.find(x => x.kind === 'review-due-supervisor-absent');
				expect(p, day).toBeDefined();
				expect(p!.due, `${day}: ${p!.message}`).toBe('2026-12-20');
				const count = Number(/(\d+) case reviews? fall due/.exec(p!.message)?.[1]);
				expect(count, `${day}: ${p!.message}`).toBeGreaterThanOrEqual(before);
				before = count;
			}
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
