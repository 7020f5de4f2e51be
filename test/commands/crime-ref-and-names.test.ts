/**
 * Input checks the commands share (issue 22 item 5): crime references against the team's pattern in
 * `import` and wherever a reference is typed; names wherever an officer is asked for (`log
 * --sergeant`); `--cover` read the same way by `handover` and `absence`.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import absence from '../../source/commands/absence.js';
import calendar from '../../source/commands/calendar.js';
import caseCommand from '../../source/commands/case.js';
import handover from '../../source/commands/handover.js';
import log from '../../source/commands/log.js';
import type {StoreData} from '../../source/domain/model.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {runCommand} from './in-process.js';
import {savedBytes} from '../helpers/saved-store.js';

const HEADER = 'Crime reference,Offence,Officer,Risk,Status,Opened';
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StoreData;

describe('crime references against the team pattern', () => {
	it('import refuses a reference not in the format, naming the row, the column and the format; nothing is written', () => {
		const {dir, store} = demoCopy();
		const officer = load(store).officers.find(o => o.role === 'investigator')!;
		const csv = path.join(dir, 'export.csv');
		const row = (ref: string) => `${ref},Theft,${officer.collarNumber},low,investigation,2026-11-01`;
		writeFileSync(csv, `${HEADER}\n${row('not a ref')}\n${row('CR/00042/26')}\n`);
		const bytes = savedBytes(store);
		const r = runCli(['import', csv, '--store', store, '--today', DEMO_TODAY]);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain(
			'row 2, Crime reference (column A): "not a ref" is not a crime reference in this team\'s format such as CR/01234/26 ' +
				String.raw`(the pattern ^CR/\d{5}/\d{2}$, setting crimeRefPattern).`,
		);
		expect(r.stdout).toContain('Nothing was written: 1 row rejected.');
		expect(savedBytes(store).equals(bytes)).toBe(true);
		// With --skip-invalid the good row goes in and "not a ref" never becomes a case.
		const skipped = runCli(['import', csv, '--skip-invalid', '--store', store, '--today', DEMO_TODAY]);
		expect(skipped.code, skipped.stderr).toBe(0);
		expect(load(store).cases.map(c => c.ref)).toContain('CR/00042/26');
		expect(load(store).cases.map(c => c.ref)).not.toContain('not a ref');
	});

	it('import still updates a case whose reference predates the pattern, and follows a team pattern', () => {
		const {dir, store} = demoCopy();
		const data = load(store);
		const old = data.cases[0]!;
		const officer = data.officers.find(o => o.id === old.oicId)!;
		// The team's own format, and a case already in the store from before it was set.
		writeFileSync(store, JSON.stringify({...data, settings: {...data.settings, crimeRefPattern: String.raw`^NC/\d{4}/\d{2}$`}}));
		const csv = path.join(dir, 'export.csv');
		const updated = `${old.ref},${old.offence},${officer.collarNumber},high,investigation,${old.opened}`;
		writeFileSync(csv, `${HEADER}\n${updated}\nNC/1001/26,Theft,${officer.collarNumber},low,investigation,2026-11-01\n`);
		const r = runCli(['import', csv, '--store', store, '--today', DEMO_TODAY]);
		expect(r.code, r.stdout + r.stderr).toBe(0);
		expect(r.stdout).toContain('1 new, 1 updated');
	});

	it('case show and case reallocate say a mistyped reference is not in the format; a real one not found is "no case"', async () => {
		const {store} = demoCopy();
		const show = await runCommand(caseCommand, store, ['show', 'not a ref'], {});
		expect(show.code).toBe(2);
		expect(show.stderr).toContain(`"not a ref" is not a crime reference in this team's format such as CR/01234/26`);
		const moved = await runCommand(caseCommand, store, ['reallocate', 'CR/1234/26'], {to: 'DC Marsh', reason: 'workload'});
		expect(moved.code).toBe(2);
		expect(moved.stderr).toContain(`"CR/1234/26" is not a crime reference in this team's format`);
		const missing = await runCommand(caseCommand, store, ['show', 'CR/00000/26'], {});
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('There is no case CR/00000/26');
	});

	it('a store whose pattern is not a regular expression, or too long, is refused on load naming the setting (exit 3)', () => {
		const {store} = demoCopy();
		const data = load(store);
		writeFileSync(store, JSON.stringify({...data, settings: {...data.settings, crimeRefPattern: 'CR/(\\d{5}'}}));
		const broken = runCli(['verify', '--store', store, '--today', DEMO_TODAY]);
		expect(broken.code).toBe(3);
		expect(broken.stderr).toContain('the setting crimeRefPattern is not a valid regular expression');
		writeFileSync(store, JSON.stringify({...data, settings: {...data.settings, crimeRefPattern: 'x'.repeat(201)}}));
		const long = runCli(['verify', '--store', store, '--today', DEMO_TODAY]);
		expect(long.code).toBe(3);
		expect(long.stderr).toContain('/settings/crimeRefPattern');
	});
});

describe('names wherever an officer is asked for', () => {
	it('log --sergeant takes a name as well as an id, and refuses an officer who is not a sergeant', async () => {
		const {store} = demoCopy();
		const byName = await runCommand(log, store, [], {sergeant: 'DS Brennan', format: 'json'});
		expect(byName.code, byName.stderr).toBe(0);
		expect(JSON.parse(byName.stdout).sergeantId).toBe('o0002');
		const byId = await runCommand(log, store, [], {sergeant: 'o0002', format: 'json'});
		expect(byId.stdout).toBe(byName.stdout);
		const notSergeant = await runCommand(log, store, [], {sergeant: 'DC Marsh'});
		expect(notSergeant.code).toBe(2);
		expect(notSergeant.stderr).toContain('--sergeant "DC Marsh" is DC Helen Marsh (o0006), not a sergeant in');
		expect(notSergeant.stderr).toContain('Sergeants: DS Tom Brennan (o0002).');
		const nobody = await runCommand(log, store, [], {sergeant: 'DS Brenan'});
		expect(nobody.code).toBe(2);
		expect(nobody.stderr).toContain('Did you mean DS Tom Brennan (o0002)?');
	});
});

describe('--cover the same way in handover and absence', () => {
	it('a near miss and a name matching nobody are both refused, in both commands, in the same words', async () => {
		const {store} = demoCopy();
		const add = (cover: string, extra: Record<string, unknown> = {}) =>
			runCommand(absence, store, ['add', 'DC Iqbal'], {from: '2026-12-14', to: '2026-12-18', reason: 'training', cover, ...extra});
		for (const name of ['DC Marh', 'DC Nobody']) {
			const h = await runCommand(handover, store, [], {cover: name});
			const a = await add(name);
			expect([h.code, a.code], name).toEqual([2, 2]);
			const sentence = `--cover: no officer in this team matches "${name}".`;
			expect(h.stderr).toContain(sentence);
			expect(a.stderr).toContain(sentence);
		}
		const near = 'Did you mean DC Helen Marsh (o0006), DC Mark Doyle (o0011)?';
		expect((await runCommand(handover, store, [], {cover: 'DC Marh'})).stderr).toContain(near);
		expect((await add('DC Marh')).stderr).toContain(near);
		// Someone outside the team: marked as such in a handover; an absence's cover must be in the team.
		const h = await runCommand(handover, store, [], {cover: 'DS Jane Roe, Team B', coverOutside: true});
		expect(h.stdout).toContain('- Cover: DS Jane Roe, Team B (outside the team)');
		const a = await add('DS Jane Roe, Team B', {coverOutside: true});
		expect(a.code).toBe(2);
		expect(a.stderr).toContain("--cover-outside is not taken here: an absence's cover must be an officer in this team");
		expect(load(store).absences.some(x => x.officerId === 'o0004' && x.from === '2026-12-14')).toBe(false);
		// A team officer is never marked as an outsider.
		const inTeam = await runCommand(handover, store, [], {cover: 'DC Marsh', coverOutside: true});
		expect(inTeam.code).toBe(2);
		expect(inTeam.stderr).toContain('is DC Helen Marsh (o0006), an officer in this team: drop --cover-outside.');
		// fortnight calendar and absence change read --cover the same way.
		const cal = await runCommand(calendar, store, [], {cover: 'DC Nobody'});
		expect(cal.code).toBe(2);
		expect(cal.stderr).toContain('--cover: no officer in this team matches "DC Nobody". For someone outside the team add --cover-outside.');
		const changed = await runCommand(absence, store, ['change', 'ab0003'], {cover: 'DC Nobody'});
		expect(changed.code).toBe(2);
		expect(changed.stderr).toContain(
			`--cover: no officer in this team matches "DC Nobody". An absence's cover must be an officer in this team`,
		);
		// And a match is a match in both.
		expect((await runCommand(handover, store, [], {cover: 'Marsh'})).stdout).toContain('- Cover: DC Helen Marsh\n');
		const added = await add('Marsh');
		expect(added.code, added.stderr).toBe(0);
		expect(added.stderr).toContain('cover: DC Helen Marsh.');
	});
});
