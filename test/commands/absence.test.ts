import {describe, expect, it} from 'vitest';
import command from '../../source/commands/absence.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import handoverCommand from '../../source/commands/handover.js';
import {runCommand} from './in-process.js';
import {savedBytes, savedData} from '../helpers/saved-store.js';

const list = (store: string, flags: Record<string, unknown> = {}) => runCommand(command, store, ['list'], flags);

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const absence = (store: string, ...args: string[]) => runCli(['absence', ...args, '--store', store, '--today', DEMO_TODAY], {env: NOW});

describe('fortnight absence', () => {
	it('lists current and future absences, and all with --all', async () => {
		const {store} = demoCopy();
		const r = absence(store, 'list');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('ab0003  DC Sam Ashworth  sick  28 Nov to no end date (now)  cover: NO COVER');
		expect(r.stdout).toContain('ab0004  DC Lewis Grant  annual leave  03 Dec to 12 Dec  cover: DC Amira Shah');
		expect(r.stdout).not.toContain('ab0001');
		expect((await list(store, {all: true})).stdout).toContain('ab0001');
		const json = JSON.parse((await list(store, {json: true})).stdout) as {id: string; officerName: string}[];
		expect(json.map(a => a.id)).toEqual(['ab0003', 'ab0004', 'ab0002']);
		expect(json[0]?.officerName).toBe('DC Sam Ashworth');
	});

	it('adds an absence by name with cover, and it shows in the list and the handover', async () => {
		const {store} = demoCopy();
		const r = absence(
			store,
			'add',
			'DC Marsh',
			'--from',
			'14/12/2026',
			'--to',
			'2026-12-18',
			'--reason',
			'training',
			'--cover',
			'Amira Shah',
		);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('Recorded ab0005: DC Helen Marsh on training from 14 Dec to 18 Dec; cover: DC Amira Shah.');
		const saved = savedData(store) as {absences: {id: string; recordedBy: string; recordedAt: string}[]};
		expect(saved.absences.at(-1)).toMatchObject({id: 'ab0005', recordedBy: 'o0002', recordedAt: '2026-11-30T09:00:00.000Z'});
		expect((await list(store)).stdout).toContain('ab0005  DC Helen Marsh  training  14 Dec to 18 Dec  cover: DC Amira Shah');
		const h = await runCommand(handoverCommand, store, [], {from: '2026-12-14', to: '2026-12-20'});
		// The handover's day list (issue 21 item 6): the officer, then what happens that day.
		expect(h.stdout).toContain('\n  - DC Marsh: Absence starts: On training until 18 Dec; cover named. Cover: DC Amira Shah.\n');
	});

	it('says what it recorded, changed, ended and cancelled in words and dates as the desk does, never stored values (QA 4 R-e)', async () => {
		const {store} = demoCopy();
		const added = absence(
			store,
			'add',
			'Carter',
			'--from',
			'2026-12-14',
			'--to',
			'2026-12-18',
			'--reason',
			'restricted-duties',
			'--cover',
			'Evans',
		);
		expect(added.stderr, added.stderr).toContain(
			'Recorded ab0005: DC Ben Carter on restricted duties from 14 Dec to 18 Dec; cover: DC Chloe Evans.',
		);
		const changed = absence(store, 'change', 'ab0005', '--to', '2026-12-19');
		expect(changed.stderr).toBe('Changed ab0005: last day 18 Dec -> 19 Dec.\n');
		const open = absence(store, 'add', 'Marsh', '--from', '2027-01-04', '--reason', 'other');
		expect(open.stderr).toContain('Recorded ab0006: DC Helen Marsh away from 04 Jan 2027, no end date; cover: nobody named.');
		const oneDay = absence(store, 'change', 'ab0006', '--to', '2027-01-04', '--reason', 'annual-leave');
		expect(oneDay.stderr).toBe('Changed ab0006: last day none -> 04 Jan 2027; reason other -> annual leave.\n');
		expect(absence(store, 'cancel', 'ab0006').stderr).toBe('Cancelled ab0006: DC Helen Marsh on annual leave on 04 Jan 2027.\n');
		expect(absence(store, 'end', 'ab0003', '--to', '2026-12-04').stderr).toBe('Ended ab0003: last day away 04 Dec.\n');
		const listed = absence(store, 'list').stdout;
		expect(listed).toContain('ab0004  DC Lewis Grant  annual leave  03 Dec to 12 Dec');
		expect(listed).toContain('ab0005  DC Ben Carter  restricted duties  14 Dec to 19 Dec');
		expect(listed).not.toMatch(/annual-leave|restricted-duties|2026-12/);
	});

	it('ends an absence', async () => {
		const {store} = demoCopy();
		const r = absence(store, 'end', 'ab0003', '--to', '2026-12-04');
		expect(r.code, r.stderr).toBe(0);
		expect((await list(store)).stdout).toContain('ab0003  DC Sam Ashworth  sick  28 Nov to 04 Dec (now)');
	});

	it('refuses bad input with exit 2 from the command line and saves nothing', () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const r = absence(store, 'add', 'DC Grant', '--from', '2026-12-10', '--to', '2026-12-20', '--reason', 'sick');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('already has an absence that overlaps: ab0004');
		expect(r.stderr).toContain('Nothing was saved.');
		expect(absence(store, 'add', 'DC Marsh', '--from', '2026-02-30', '--reason', 'sick').code).toBe(2);
		expect(savedBytes(store).equals(before)).toBe(true);
	});

	it('refuses every kind of bad input with exit 2 and leaves the store byte for byte unchanged', async () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const cases: [string[], Record<string, unknown>, RegExp][] = [
			[['add', 'Nobody Atall'], {from: '2026-12-01', reason: 'sick'}, /no officer in this team matches "Nobody Atall"/],
			[['add', 'Ashwroth'], {from: '2026-12-01', reason: 'sick'}, /Did you mean DC Sam Ashworth \(o0003\)/],
			[['add', 'DC Marsh'], {from: '2026-02-30', reason: 'sick'}, /--from must be a real date/],
			[['add', 'DC Marsh'], {from: '2026-12-10', to: '2026-12-01', reason: 'sick'}, /before the first day/],
			[['add', 'DC Grant'], {from: '2026-12-10', to: '2026-12-20', reason: 'sick'}, /overlaps: ab0004/],
			[['add', 'DC Ashworth'], {from: '2027-03-01', reason: 'training'}, /overlaps: ab0003/],
			[['add', 'DC Marsh'], {from: '2026-12-10', reason: 'depression'}, /--reason must be one of/],
			[['add', 'DC Marsh'], {from: '2026-12-10', reason: 'sick', cover: 'DC Marsh'}, /cannot cover their own/],
			[['add', 'DC Marsh'], {from: '2026-12-10', reason: 'sick', cover: 'Nobody Atall'}, /--cover: no officer/],
			[['add', 'DC Marsh'], {reason: 'sick'}, /--from D .* is required/],
			[['add'], {from: '2026-12-10', reason: 'sick'}, /Name one officer/],
			[['end', 'ab0099'], {}, /No absence with id "ab0099"/],
			[['end', 'ab0003'], {to: '2026-11-01'}, /before the first day/],
			[['end', 'ab0003'], {to: '2026-11-31'}, /--to must be a real date/],
			[['end', 'ab0001'], {to: '2026-12-15'}, /overlaps: ab0002/],
			[['end'], {}, /Give one absence id/],
			[['frob'], {}, /Unknown absence action "frob"/],
			[[], {}, /add\|list\|change\|cancel\|end/],
		];
		for (const [input, flags, message] of cases) {
			const r = await runCommand(command, store, input, flags);
			expect(r.code, input.join(' ')).toBe(2);
			expect(r.stderr, input.join(' ')).toMatch(message);
		}
		expect(savedBytes(store).equals(before)).toBe(true);
	});

	it('changes an absence: names a cover, moves its dates, changes the reason; the bail and stranded-action problems clear', async () => {
		const {store} = demoCopy();
		const problemsText = () => runCli(['problems', '--store', store, '--today', DEMO_TODAY]).stdout.replace(/\s+/g, ' ');
		expect(problemsText()).toContain('Action owner away: DC Ashworth');
		expect(problemsText()).toContain('CRITICAL Bail due, OIC away: CR/87204/26');
		const r = absence(store, 'change', 'ab0003', '--cover', 'DC Marsh');
		expect(r.code, r.stderr).toBe(0);
		// ab0003 started 28 Nov: Marsh covers from today, 28-29 Nov stay uncovered (README "Absences").
		expect(r.stderr).toBe(
			'Changed ab0003: cover nobody -> DC Marsh from 30 Nov, no end date; the days before keep the cover they had (ab0005 added as part of ab0003).\n',
		);
		const after = problemsText();
		expect(after).not.toContain('Action owner away: DC Ashworth');
		expect(after).toContain('Make sure DC Marsh has the case and deals with the bail date before 02 Dec.');
		const moved = await runCommand(command, store, ['change', 'ab0004'], {from: '2026-12-05', to: '2026-12-14', reason: 'training'});
		expect(moved.code, moved.stderr).toBe(0);
		expect(moved.stderr).toBe('Changed ab0004: first day 03 Dec -> 05 Dec; last day 12 Dec -> 14 Dec; reason annual leave -> training.\n');
		expect((await list(store)).stdout).toContain('ab0004  DC Lewis Grant  training  05 Dec to 14 Dec  cover: DC Amira Shah');
		const none = await runCommand(command, store, ['change', 'ab0004'], {cover: false});
		expect(none.code, none.stderr).toBe(0);
		expect(none.stderr).toContain('cover DC Shah -> nobody');
		expect((await list(store)).stdout).toContain('ab0004  DC Lewis Grant  training  05 Dec to 14 Dec  cover: NO COVER');
	});

	it('cancels an absence that has not started; "end" on one that has not started says to cancel or change it', async () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const ended = absence(store, 'end', 'ab0004');
		expect(ended.code).toBe(2);
		expect(ended.stderr).toContain(
			'ab0004 has not started (it starts 2026-12-03), so it cannot be ended. To call ' + 'it off: fortnight absence cancel ab0004',
		);
		expect(savedBytes(store).equals(before)).toBe(true);
		const r = absence(store, 'cancel', 'ab0004');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toBe('Cancelled ab0004: DC Lewis Grant on annual leave from 03 Dec to 12 Dec.\n');
		expect((await list(store, {all: true})).stdout).not.toContain('ab0004');
		// Ending a future absence on a day within it is still allowed (it sets the last day).
		expect((await runCommand(command, store, ['end', 'ab0002'], {to: '2026-12-20'})).code).toBe(0);
		expect((await list(store)).stdout).toContain('ab0002  DS Tom Brennan  sick  10 Dec to 20 Dec');
	});

	it('refuses each bad change or cancel with exit 2 and leaves the store byte for byte unchanged', async () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const cases: [string[], Record<string, unknown>, RegExp][] = [
			[['change', 'ab0099'], {cover: 'DC Marsh'}, /No absence with id "ab0099"/],
			[['change', 'ab0003'], {}, /Say what to change/],
			[['change'], {cover: 'DC Marsh'}, /Give one absence id/],
			[['change', 'ab0003'], {cover: 'DC Ashworth'}, /cannot cover their own/],
			[['change', 'ab0003'], {cover: 'Nobody Atall'}, /--cover: no officer/],
			[['change', 'ab0003'], {cover: 'DC Grant'}, /DC Grant is away 03-12 Dec \(annual leave\), during this absence: name another cover/],
			[['change', 'ab0004'], {to: '2026-12-01'}, /before the first day/],
			[['change', 'ab0004'], {from: '2026-02-30'}, /--from must be a real date/],
			[['change', 'ab0001'], {to: '2026-12-15'}, /overlaps: ab0002/],
			[['change', 'ab0004'], {reason: 'flu'}, /--reason must be one of/],
			[['change', 'ab0004'], {reason: 'annual leave'}, /nothing to change/],
			[['cancel', 'ab0003'], {}, /ab0003 started 2026-11-28, so it cannot be cancelled.*fortnight absence end ab0003/],
			[['cancel', 'ab0001'], {}, /ab0001 ran 2026-05-04 to 2026-07-03, so it cannot be cancelled/],
			[['cancel', 'ab0099'], {}, /No absence with id "ab0099"/],
			[['cancel'], {}, /Give one absence id/],
			[['end', 'ab0004'], {}, /has not started .* fortnight absence cancel ab0004/],
		];
		for (const [input, flags, message] of cases) {
			const r = await runCommand(command, store, input, flags);
			expect(r.code, input.join(' ')).toBe(2);
			expect(r.stderr, input.join(' ')).toMatch(message);
		}
		const twice = absence(store, 'change', 'ab0003', '--cover', 'DC Marsh', '--no-cover');
		expect(twice.code).toBe(2);
		expect(twice.stderr).toContain('"--cover" was given more than once');
		expect(savedBytes(store).equals(before)).toBe(true);
	});

	it('warns when an absence with nobody covering strands open actions', () => {
		const {store} = demoCopy();
		const r = absence(store, 'add', 'DC Doyle', '--from', '2026-12-01', '--to', '2026-12-20', '--reason', 'training');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toMatch(/Warning: DC Doyle owns \d+ open actions? due during this absence with nobody covering \(CR\//);
		const problems = runCli(['problems', '--store', store, '--today', DEMO_TODAY]).stdout.replace(/\s+/g, ' ');
		expect(problems).toContain('Action owner away: DC Doyle');
	});

	it('has help naming the reason categories', () => {
		expect(runCli(['absence', '--help']).stdout).toContain('sick, annual-leave, training, restricted-duties, other');
	});

	it('refuses a cover who is away during the absence, and problems/handover never rely on a cover away that day (QA P1-1)', async () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const refused = absence(
			store,
			'add',
			'DC Marsh',
			'--from',
			'2026-11-30',
			'--to',
			'2026-12-10',
			'--reason',
			'annual leave',
			'--cover',
			'Grant',
		);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('DC Grant is away 03-12 Dec (annual leave), during this absence: name another cover');
		expect(refused.stderr).toContain('Nothing was saved.');
		expect(savedBytes(store).equals(before)).toBe(true);
		// The other order: Marsh's cover (DC Carter) is recorded as away afterwards; an absence is never refused.
		expect(
			absence(store, 'add', 'DC Marsh', '--from', '2026-11-30', '--to', '2026-12-10', '--reason', 'annual-leave', '--cover', 'Carter').code,
		).toBe(0);
		const carter = absence(store, 'add', 'DC Carter', '--from', '2026-12-05', '--to', '2026-12-11', '--reason', 'away');
		expect(carter.code).toBe(0);
		expect(carter.stderr).toContain(
			'Warning: DC Carter is named as cover for DC Marsh (30 Nov-10 Dec): name another ' + 'cover for DC Marsh on the days both are away.',
		);
		const problems = runCli(['problems', '--store', store, '--today', DEMO_TODAY]);
		expect(problems.code).toBe(0);
		const text = problems.stdout.replace(/\s+/g, ' ');
		expect(text).toContain('CRITICAL Bail due, OIC away: CR/92431/22');
		expect(text).toContain('OIC DC Marsh is on annual leave until 10 Dec; cover DC Carter is also away 05-11 Dec, so nobody covers');
		expect(text).toContain('Do: Name another cover before 09 Dec: DC Carter is away that day too, so nobody has the bail date.');
		expect(text).not.toContain('Make sure DC Carter has the case');
		const h = runCli(['handover', '--store', store, '--today', DEMO_TODAY, '--from', DEMO_TODAY, '--to', '2026-12-13']);
		expect(h.stdout).toMatch(
			new RegExp(
				'\\*\\*CR/92431/22\\*\\* DC Marsh: \\*\\*Bail return\\*\\*:.*and so is the named cover DC Ben Carter \\(away 05-11 Dec\\): ' +
					'nobody covers\\. Name another cover before 09 Dec\\.',
			),
		);
		expect(h.stdout).not.toMatch(/CR\/92431\/22.*covered by DC Ben Carter/);
	});
});

describe('an absence recorded with --today before the clock (README "`fortnight handover` and `fortnight absence`")', () => {
	it("is known on the session's today, not from the clock's later day; a replay to an earlier day still does not see it", () => {
		const {store} = demoCopy();
		const later = {FORTNIGHT_NOW: '2026-12-06T05:30:00Z'};
		const add = runCli(
			['absence', 'add', 'Brennan', '--from', '2026-12-01', '--to', '2026-12-04', '--reason', 'annual-leave', '--cover', 'Carter'],
			{env: {...later, FORTNIGHT_STORE: store, FORTNIGHT_TODAY: DEMO_TODAY}},
		);
		expect(add.code, add.stderr).toBe(0);
		const saved = savedData(store).absences.find(a => a.from === '2026-12-01')!;
		expect(saved.recordedAt).toBe('2026-12-06T05:30:00.000Z');
		expect(saved.recordedOn).toBe(DEMO_TODAY);
		const ids = (today: string) =>
			(JSON.parse(runCli(['problems', '--json', '--store', store, '--today', today]).stdout) as {id: string}[]).map(p => p.id);
		expect(ids(DEMO_TODAY)).toContain(`review-needs-independent-supervisor:CR/31807/26:${saved.id}`);
		expect(ids('2026-11-29').filter(id => id.endsWith(`:${saved.id}`))).toEqual([]);
	});

	it("recorded on the clock's own day it carries no recordedOn (old stores and ordinary use read as before)", () => {
		const {store} = demoCopy();
		const r = absence(
			store,
			'add',
			'Brennan',
			'--from',
			'2026-12-01',
			'--to',
			'2026-12-04',
			'--reason',
			'annual-leave',
			'--cover',
			'Carter',
		);
		expect(r.code, r.stderr).toBe(0);
		expect(savedData(store).absences.find(a => a.from === '2026-12-01')!).not.toHaveProperty('recordedOn');
	});
});
