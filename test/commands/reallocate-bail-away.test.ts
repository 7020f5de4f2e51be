/**
 * QA 6 D2: `fortnight case reallocate`, the way printed for "Bail due, OIC away", took an officer away over
 * the bail date (covered or not) without a word, and the critical problem came straight back on the new
 * OIC. It now asks, as for an officer away that day with nobody covering: --yes off a terminal.
 */
import {rmSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {demoCopy, runCli} from '../helpers/cli.js';

const TODAY = '2026-12-04';
const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});

function store(): string {
	const copy = demoCopy();
	dirs.push(copy.dir);
	return copy.store;
}
const run = (file: string, ...args: string[]) =>
	runCli([...args, '--store', file, '--today', TODAY], {env: {FORTNIGHT_NOW: '2026-12-04T09:00:00Z'}});
const bailAlarm = (file: string) =>
	(JSON.parse(run(file, 'problems', '--json').stdout) as {id: string; subject: {officerName?: string}}[]).find(
		p => p.id === 'bail-officer-absent:CR/67540/25',
	);

describe('fortnight case reallocate for "Bail due, OIC away"', () => {
	it('asks before moving CR/67540/25 to an officer on leave over its bail date, though covered; --yes moves it', () => {
		const file = store();
		expect(
			run(file, 'absence', 'add', 'Shah', '--from', '2026-12-28', '--to', '2027-01-02', '--reason', 'annual-leave', '--cover', 'Whitlock')
				.code,
		).toBe(0);
		const asked = run(file, 'case', 'reallocate', 'CR/67540/25', '--to', 'Shah', '--reason', 'OIC off sick');
		expect(asked.code).toBe(2);
		expect(asked.stderr).toBe(
			"fortnight: DC Shah is on annual leave 28 Dec-02 Jan 2027 (TDC Whitlock covering on 30 Dec), over CR/67540/25's bail return date, " +
				'30 Dec: with DC Shah as OIC it stays a critical "Bail due, OIC away" (a cover does not clear it). ' +
				'Add --yes to move it anyway, or choose an officer who is at work. Nothing was saved.\n',
		);
		expect(bailAlarm(file)?.subject.officerName).toBe('DC Ashworth');
		const moved = run(file, 'case', 'reallocate', 'CR/67540/25', '--to', 'Shah', '--reason', 'OIC off sick', '--yes');
		expect(moved.code, moved.stderr).toBe(0);
		// What the question said: the problem stays, now on DC Shah.
		expect(bailAlarm(file)?.subject.officerName).toBe('DC Shah');
	});

	it('asks before moving it to DS Brennan, at work today but off sick over the bail date; an officer at work clears it', () => {
		const file = store();
		const asked = run(file, 'case', 'reallocate', 'CR/67540/25', '--to', 'Brennan', '--reason', 'OIC off sick');
		expect(asked.code).toBe(2);
		expect(asked.stderr).toContain('DS Brennan is on sick leave 10 Dec-04 Feb 2027 (nobody covering on 30 Dec), over');
		const evans = run(file, 'case', 'reallocate', 'CR/67540/25', '--to', 'Evans', '--reason', 'OIC off sick');
		expect(evans.code, evans.stderr).toBe(0);
		expect(bailAlarm(file)).toBeUndefined();
	});
});
