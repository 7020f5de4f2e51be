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
