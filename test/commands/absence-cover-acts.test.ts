/**
 * QA 9 D1, QA's own steps: DC Marsh named (on 04 Dec) to cover DS Brennan's absence ab0002, records check-ins
 * as cover; then the inspector ends the absence in the past, moves its last day back, moves its first day
 * later, or records DC Marsh away on a day she acted. Each is refused (exit 2) naming her records by id and
 * date and what to give instead, nothing is saved, and verify stays OK (exit 0).
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {demoCopy, runCli} from '../helpers/cli.js';

const run = (store: string, today: string, as: string, ...args: string[]) =>
	runCli(['--store', store, '--today', today, '--as', as, ...args], {env: {FORTNIGHT_NOW: `${today}T09:00:00Z`}});

/** A demo copy with DC Marsh covering ab0002 and her check-in for DC Iqbal (as cover) on each of `days`. */
function marshActed(...days: string[]): string {
	const {store} = demoCopy();
	const named = run(store, '2026-12-04', 'Brennan', 'absence', 'change', 'ab0002', '--cover', 'Marsh');
	expect(named.code, named.stderr).toBe(0);
	for (const day of days) {
		const r = run(store, day, 'Marsh', 'welfare', 'record', 'Iqbal', '--kind', 'check-in');
		expect(r.code, r.stderr).toBe(0);
	}
	return store;
}

function expectRefusedAndVerified(store: string, args: string[], said: RegExp): void {
	const before = readFileSync(store, 'utf8');
	const r = run(store, '2026-12-14', 'Okafor', ...args);
	expect(r.code, r.stderr).toBe(2);
	expect(r.stderr).toMatch(said);
	expect(r.stderr).toContain('Nothing was saved.');
	expect(readFileSync(store, 'utf8')).toBe(before);
	const verify = runCli(['verify', '--store', store, '--today', '2026-12-14']);
	expect(verify.code, verify.stdout + verify.stderr).toBe(0);
	expect(verify.stdout).toMatch(/^OK: /);
}

describe("absence changes that would leave the cover's acts outside her cover (QA 9 D1)", () => {
	it('a) absence end --to before her last act is refused; ending on that day is saved and verify stays OK', () => {
		const store = marshActed('2026-12-13', '2026-12-14');
		expectRefusedAndVerified(
			store,
			['absence', 'end', 'ab0002', '--to', '2026-12-12'],
			/^fortnight: DC Marsh acted as cover for DS Brennan \(check-in for DC Iqbal \(w\d+\) on 13 Dec, check-in for DC Iqbal \(w\d+\) on 14 Dec\): those records rest on that cover, so ab0002 cannot end before 14 Dec\. Give a last day of 14 Dec or later: --to 2026-12-14\./,
		);
		const ended = run(store, '2026-12-14', 'Okafor', 'absence', 'end', 'ab0002', '--to', '2026-12-14');
		expect(ended.code, ended.stderr).toBe(0);
		expect(runCli(['verify', '--store', store, '--today', '2026-12-14']).code).toBe(0);
	});

	it('b) absence change --to before her act is refused', () => {
		expectRefusedAndVerified(
			marshActed('2026-12-13'),
			['absence', 'change', 'ab0002', '--to', '2026-12-12'],
			/cannot end before 13 Dec\. Give a last day of 13 Dec or later: --to 2026-12-13\./,
		);
	});

	it('c) absence change --from after her act is refused', () => {
		expectRefusedAndVerified(
			marshActed('2026-12-10'),
			['absence', 'change', 'ab0002', '--from', '2026-12-12'],
			/cannot begin after 10 Dec\. Give a first day of 10 Dec or earlier: --from 2026-12-10\./,
		);
	});

	it('d) absence add of the cover away on a day she acted is refused', () => {
		expectRefusedAndVerified(
			marshActed('2026-12-13'),
			['absence', 'add', 'Marsh', '--from', '2026-12-13', '--to', '2026-12-13', '--reason', 'sick'],
			/so DC Marsh cannot be recorded away on those days\. Record DC Marsh away from 14 Dec: --from 2026-12-14\./,
		);
	});
});
