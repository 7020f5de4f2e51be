/**
 * QA pass 3, defect 3: `handover --cover` and `calendar --cover` named an officer who is away in the
 * window (DC Ashworth on sick leave, DC Grant on annual leave 03-12 Dec) as the cover, with no flag,
 * while `absence change --cover` refused the same names. One rule (domain/absences.ts coverAwayProblem)
 * now refuses on every path with the same words, exit 2, nothing written.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import handover from '../../source/commands/handover.js';
import calendar from '../../source/commands/calendar.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {runCommand} from './in-process.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const GRANT_AWAY = 'DC Grant is away 03-12 Dec (annual leave), during ';

describe('a cover away in the window is refused, as absence change --cover refuses them', () => {
	it('handover --cover Grant (annual leave 03-12 Dec): exit 2 with the words absence change uses, nothing written', () => {
		const {store, dir} = demoCopy();
		const out = path.join(dir, 'h.md');
		const r = runCli(['handover', '--store', store, '--today', DEMO_TODAY, '--cover', 'Grant', '--out', out], {env: NOW});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(
			`${GRANT_AWAY}this handover (30 Nov-13 Dec): name another cover, or write the handover for days DC Grant is at work. Nothing was written.`,
		);
		expect(existsSync(out)).toBe(false);
		const change = runCli(['absence', 'change', 'ab0002', '--cover', 'Grant', '--store', store, '--today', DEMO_TODAY], {env: NOW});
		expect(change.code).toBe(2);
		expect(change.stderr).toContain(`${GRANT_AWAY}this absence: name another cover`);
	});

	it('handover --cover Ashworth (sick from 28 Nov, no end) and calendar --cover are refused; a window Grant is at work takes Grant', async () => {
		const {store} = demoCopy();
		const ashworth = await runCommand(handover, store, [], {cover: 'Ashworth', format: 'json'});
		expect(ashworth.code).toBe(2);
		expect(ashworth.stdout).toBe('');
		expect(ashworth.stderr).toContain('DC Ashworth is away from 28 Nov (sick), during this handover (30 Nov-13 Dec): name another cover');
		const cal = await runCommand(calendar, store, [], {cover: 'Grant'});
		expect(cal.code).toBe(2);
		expect(cal.stdout).toBe('');
		expect(cal.stderr).toContain(`${GRANT_AWAY}this handover (30 Nov-13 Dec)`);
		const before = await runCommand(handover, store, [], {cover: 'Grant', from: '2026-11-30', to: '2026-12-02'});
		expect(before.code, before.stderr).toBe(0);
		expect(before.stdout).toContain('- Cover: DC Lewis Grant\n');
		// Someone outside the team is taken as written: fortnight holds no absences for them.
		const outside = await runCommand(handover, store, [], {cover: 'DS Jane Roe', coverOutside: true});
		expect(outside.code, outside.stderr).toBe(0);
	});
});

describe('the named cover away for part of the window (QA pass 4, D-E)', () => {
	/** The QA's copy cl: DC Marsh named for DS Brennan's sick leave, then her own annual leave 20-27 Dec recorded. */
	function coverAwayCopy(): string {
		const {store} = demoCopy();
		const run = (...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: NOW});
		expect(run('absence', 'change', 'ab0002', '--cover', 'Marsh').code).toBe(0);
		const add = run('absence', 'add', 'Marsh', '--from', '2026-12-20', '--to', '2026-12-27', '--reason', 'annual-leave');
		expect(add.code, add.stderr).toBe(0);
		return store;
	}
	const asOkafor = (store: string, today: string, ...args: string[]) =>
		runCli(['handover', '--store', store, '--today', today, '--as', 'Okafor', ...args], {env: NOW});

	it('the header names her days and says nobody covers 20-27 Dec; JSON covers split around her leave, the gap in uncovered', () => {
		const store = coverAwayCopy();
		const md = asOkafor(store, '2026-12-16');
		expect(md.code, md.stderr).toBe(0);
		expect(md.stdout).toContain(
			'- Cover: DC Helen Marsh (16 Dec 2026 to 19 Dec 2026); **nobody covers** 20 Dec 2026 to 27 Dec 2026 (DC Helen Marsh, the ' +
				'named cover, is on annual leave); DC Helen Marsh (28 Dec 2026 to 29 Dec 2026)\n',
		);
		expect(md.stdout).not.toContain('- Cover: DC Helen Marsh\n');
		expect(md.stdout).toContain(
			'DC Helen Marsh covers their work, except 20 Dec 2026 to 27 Dec 2026 (on annual leave), when the cover is away too: **nobody covers**.',
		);
		const json = JSON.parse(asOkafor(store, '2026-12-21', '--format', 'json').stdout) as {
			covers: unknown[];
			uncovered: unknown[];
		};
		expect(json.covers).toEqual([{name: 'DC Helen Marsh', officerId: 'o0006', from: '2026-12-28', to: '2027-01-03'}]);
		expect(json.uncovered).toEqual([
			{from: '2026-12-21', to: '2026-12-27', coverName: 'DC Helen Marsh', coverOfficerId: 'o0006', coverAwayWords: 'on annual leave'},
		]);
	});
});
