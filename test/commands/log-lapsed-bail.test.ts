/**
 * QA: a bail that lapsed in the period dropped out of the inspector's exception report once its outcome
 * was recorded (13 became 12) while the HTML chart still counted it as lapsed. It stays, marked with how,
 * when and by whom it was resolved, in Markdown, HTML and JSON alike.
 */
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';

const run = (store: string, args: string[]) =>
	runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'}});

const RESOLVED = 'Bail period ended 27 Nov and lapsed, unattended 3 days; resolved: RUI recorded 30 Nov by DS Tom Brennan.';

interface Item {
	caseRef: string | null;
	message: string;
	resolved: unknown;
}

describe('lapsed bail resolved in the period', () => {
	it('stays in the report, with its resolution, and the count agrees with the chart', () => {
		const {store} = demoCopy();
		const before = run(store, ['log', '--format', 'md']);
		expect(before.stdout).toContain('#### Lapsed or lapsing bail (13)');
		expect(before.stdout).toMatch(/\| CR\/54818\/26 \|.*Bail period ended 27 Nov, 3 days ago/);
		expect(run(store, ['bail', 'record', 'CR/54818/26', '--event', 'rui']).code).toBe(0);

		const md = run(store, ['log', '--format', 'md']);
		expect(md.code, md.stderr).toBe(0);
		expect(md.stdout).toContain('#### Lapsed or lapsing bail (13)');
		expect(md.stdout).toContain(`| CR/54818/26 | DC Chloe Evans | 27 Nov 2026 | critical | ${RESOLVED} |`);

		const json = JSON.parse(run(store, ['log', '--format', 'json']).stdout) as {
			exceptions: {totals: {bail: number}; sergeants: {bail: Item[]}[]};
		};
		expect(json.exceptions.totals.bail).toBe(13);
		const item = json.exceptions.sergeants.flatMap(s => s.bail).find(b => b.caseRef === 'CR/54818/26')!;
		expect(item.message).toBe(RESOLVED);
		expect(item.resolved).toEqual({event: 'rui', on: '2026-11-30', byId: 'o0002', by: 'DS Tom Brennan', unattendedDays: 3});
		// Every open exception says it is not resolved.
		expect(json.exceptions.sergeants.flatMap(s => s.bail).filter(b => b.resolved === null)).toHaveLength(12);

		const html = run(store, ['log', '--format', 'html']).stdout;
		expect(html).toContain(RESOLVED);
		expect(html).toContain('1 lapsed');
	});

	it('a log period that ends before the bail lapsed does not show it', () => {
		const {store} = demoCopy();
		expect(run(store, ['bail', 'record', 'CR/54818/26', '--event', 'rui']).code).toBe(0);
		const md = run(store, ['log', '--format', 'md', '--from', '2026-11-01', '--to', '2026-11-27']).stdout;
		expect(md).not.toContain(RESOLVED);
	});
});
