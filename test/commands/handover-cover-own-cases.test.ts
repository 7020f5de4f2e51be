/**
 * QA 6 D1 through the built CLI, as the QA pass met it: DS Brennan names DC Marsh as cover of his sick
 * leave from 10 Dec and writes her handover on 04 Dec for 10-23 Dec. Her own cases' reviews (amber that
 * day) must be said to go to DI Okafor, in the Markdown and the JSON, whatever day it is written.
 */
import {rmSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {demoCopy, runCli} from '../helpers/cli.js';

const copy = demoCopy();
afterAll(() => rmSync(copy.dir, {recursive: true, force: true}));
const run = (today: string, ...args: string[]) =>
	runCli([...args, '--store', copy.store, '--today', today], {env: {FORTNIGHT_NOW: `${today}T09:00:00Z`}});

interface Item {
	kind: string;
	caseRef: string | null;
	authority: string | null;
	authorityName: string | null;
}

describe('handover for a cover who holds cases', () => {
	it('written on 04 Dec, says each of DC Marsh’s 8 reviews goes to DI Okafor, as written on 10 Dec', () => {
		expect(run('2026-12-04', 'absence', 'change', 'ab0002', '--cover', 'DC Marsh').code).toBe(0);
		const ownReviews = (today: string): string[] => {
			const r = run(today, 'handover', '--from', '2026-12-10', '--to', '2026-12-23', '--format', 'json', '--out', '-');
			expect(r.code, r.stderr).toBe(0);
			const h = JSON.parse(r.stdout) as {alreadyDue: Item[]; dueBeforeWindow: Item[]; inWindow: Item[]};
			return [...h.alreadyDue, ...h.dueBeforeWindow, ...h.inWindow]
				.filter(i => i.kind === 'review-due' && i.authority === 'independent supervisor' && i.authorityName === 'DI Rachel Okafor')
				.map(i => i.caseRef!)
				.sort();
		};
		const early = ownReviews('2026-12-04');
		expect(early.length).toBe(8);
		expect(ownReviews('2026-12-10')).toEqual(early);
		const md = run('2026-12-04', 'handover', '--from', '2026-12-10', '--to', '2026-12-23', '--out', '-');
		expect(md.code, md.stderr).toBe(0);
		// 9 dated items and 3 problems about her or her cases (test/domain/handover/cover-own-problems.test.ts).
		expect(md.stdout).toContain('## Not for the cover: goes to DI Rachel Okafor (12)');
		for (const ref of early) expect(md.stdout).toContain(`DC Helen Marsh holds ${ref} and may not review it while covering`);
	});
});
