/**
 * Who may change absences, cover and allocations, and who makes the store's first key enrolment (README
 * "Who may change absences and cover", "Signatures"; DOMAIN "People and permissions"), through the
 * command line: each of the QA report's repros is refused with exit 2, one sentence naming who can, and
 * the store byte for byte as it was; the people entitled still can.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {demoCopy, runCli, tempDir} from '../helpers/cli.js';
import {savedBytes} from '../helpers/saved-store.js';

const NOW = {FORTNIGHT_NOW: '2026-12-15T09:00:00Z'};
const run = (store: string, today: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
	runCli([...args, '--store', store, '--today', today], {env: {...NOW, ...env}});

/** The demo with DC Marsh named (by DI Okafor) as cover for DS Brennan's absence ab0002 (10 Dec to 04 Feb). */
function marshCovers(): string {
	const {store} = demoCopy();
	const r = run(store, '2026-11-30', ['absence', 'change', 'ab0002', '--cover', 'DC Marsh', '--as', 'DI Okafor']);
	expect(r.code, r.stderr).toBe(0);
	return store;
}

function refused(store: string, today: string, args: string[], words: string[]): void {
	const before = savedBytes(store);
	const r = run(store, today, args);
	expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
	for (const w of words) expect(r.stderr).toContain(w);
	expect(r.stderr).toContain('Nothing was saved.');
	expect(savedBytes(store).equals(before)).toBe(true);
}

describe('an officer (DC) changes no absence, names no cover and moves no case', () => {
	it("DC Iqbal cannot make themselves the sergeant's cover, nor a peer's", () => {
		const store = marshCovers();
		refused(
			store,
			'2026-12-15',
			['absence', 'change', 'ab0002', '--cover', 'Iqbal', '--as', 'Iqbal'],
			["DC Iqbal cannot name themselves as cover for DS Brennan's absence ab0002", 'DI Okafor'],
		);
		refused(
			store,
			'2026-12-15',
			['absence', 'change', 'ab0004', '--cover', 'Iqbal', '--as', 'Iqbal'],
			["DC Iqbal cannot name themselves as cover for DC Grant's absence ab0004"],
		);
		// So whoami still says DC Iqbal supervises nobody, and the welfare record is refused.
		const who = run(store, '2026-12-15', ['whoami', '--as', 'Iqbal']);
		expect(who.stdout).not.toContain('as cover for DS Brennan');
		const welfare = run(store, '2026-12-15', ['welfare', 'record', 'Whitlock', '--kind', 'check-in', '--as', 'Iqbal']);
		expect(welfare.code).toBe(2);
	});

	it('nor end, add, cancel or name a cover as anyone else', () => {
		const store = marshCovers();
		refused(
			store,
			'2026-12-15',
			['absence', 'end', 'ab0002', '--as', 'Iqbal'],
			["DC Iqbal does not supervise DS Brennan on 15 Dec, so cannot end DS Brennan's absence ab0002: DI Okafor"],
		);
		refused(
			store,
			'2026-12-15',
			['absence', 'add', 'Brennan', '--from', '2027-03-01', '--reason', 'other', '--as', 'Iqbal'],
			['DC Iqbal does not supervise DS Brennan on 15 Dec, so cannot record an absence for DS Brennan'],
		);
		refused(
			store,
			'2026-11-30',
			['absence', 'cancel', 'ab0004', '--as', 'Whitlock'],
			[
				"TDC Whitlock does not supervise DC Grant on 30 Nov, so cannot cancel DC Grant's absence ab0004",
				'DS Brennan (or the cover named while they are away) or DI Okafor can',
			],
		);
		refused(
			store,
			'2026-12-15',
			['absence', 'change', 'ab0003', '--cover', 'Doyle', '--as', 'Iqbal'],
			["DC Iqbal does not supervise DC Ashworth on 15 Dec, so cannot change DC Ashworth's absence ab0003"],
		);
		// The default person on the demo copy (its sergeant) does not supervise the inspector.
		refused(
			store,
			'2026-11-30',
			['absence', 'add', 'Okafor', '--from', '2026-12-01', '--reason', 'sick', '--cover', 'Iqbal'],
			['DS Brennan does not supervise DI Okafor on 30 Nov'],
		);
	});

	it('nor reallocate a case, to themselves or anyone', () => {
		const {store} = demoCopy();
		refused(
			store,
			'2026-12-15',
			['case', 'reallocate', 'CR/64148/26', '--to', 'Iqbal', '--reason', 'I take it', '--as', 'Iqbal'],
			// 15 Dec: DS Brennan is on sick leave with no cover (ab0002), so only the inspector can (QA 3 R11).
			['DC Iqbal does not supervise DC Ashworth on 15 Dec, so cannot reallocate CR/64148/26: DI Okafor can.'],
		);
	});
});

describe('the sergeant, the cover and the inspector', () => {
	it('the sergeant records their own absence and names its cover (never themselves); the inspector may too', () => {
		const {store} = demoCopy();
		refused(
			store,
			'2026-11-30',
			['absence', 'change', 'ab0002', '--cover', 'DS Brennan'],
			['DS Brennan cannot name themselves as cover', 'DI Okafor'],
		);
		const own = run(store, '2026-11-30', ['absence', 'change', 'ab0002', '--to', '2027-01-15']);
		expect(own.code, own.stderr).toBe(0);
		const named = run(store, '2026-11-30', ['absence', 'change', 'ab0002', '--cover', 'DC Marsh']);
		expect(named.code, named.stderr).toBe(0);
		expect(named.stderr).toContain('cover nobody -> DC Marsh');
		const byInspector = run(store, '2026-11-30', ['absence', 'change', 'ab0002', '--cover', 'DC Shah', '--as', 'DI Okafor']);
		expect(byInspector.code, byInspector.stderr).toBe(0);
		expect(byInspector.stderr).toContain('cover DC Marsh -> DC Shah');
	});

	it('the cover acts for the team on their dates, never on the absence that makes them the cover, nor moving a case to or from themselves', () => {
		const store = marshCovers();
		refused(
			store,
			'2026-12-15',
			['absence', 'end', 'ab0002', '--as', 'Marsh'],
			[
				"DC Marsh is the named cover for DS Brennan's absence ab0002, so cannot end it: no one supervises themselves",
				'It goes to DI Okafor',
			],
		);
		refused(store, '2026-12-15', ['absence', 'change', 'ab0002', '--to', '2027-03-01', '--as', 'Marsh'], ['so cannot change it']);
		refused(
			store,
			'2026-12-15',
			['case', 'reallocate', 'CR/64148/26', '--to', 'Marsh', '--reason', 'mine now', '--as', 'Marsh'],
			['DC Marsh is covering for DS Brennan, so cannot reallocate CR/64148/26 to themselves'],
		);
		refused(
			store,
			'2026-12-15',
			['case', 'reallocate', 'CR/49144/26', '--to', 'Doyle', '--reason', 'not mine', '--as', 'Marsh'],
			['DC Marsh holds CR/49144/26, so cannot reallocate it'],
		);
		// Before the cover starts, the cover is an officer like any other.
		refused(
			store,
			'2026-12-01',
			['absence', 'add', 'Carter', '--from', '2026-12-20', '--reason', 'training', '--as', 'Marsh'],
			['DC Marsh does not supervise DC Carter on 01 Dec'],
		);
		const add = run(store, '2026-12-15', [
			'absence',
			'add',
			'Carter',
			'--from',
			'2026-12-20',
			'--to',
			'2026-12-21',
			'--reason',
			'training',
			'--cover',
			'Doyle',
			'--as',
			'Marsh',
		]);
		expect(add.code, add.stderr).toBe(0);
		const moved = run(store, '2026-12-15', [
			'case',
			'reallocate',
			'CR/64148/26',
			'--to',
			'Doyle',
			'--reason',
			'OIC off sick',
			'--as',
			'Marsh',
		]);
		expect(moved.code, moved.stderr).toBe(0);
	});
});

describe('the first key enrolment', () => {
	it("an officer is refused with who can, and nothing is made; the sergeant then becomes the store's creator", () => {
		const {store} = demoCopy();
		const config = tempDir();
		const env = {XDG_CONFIG_HOME: config};
		const before = savedBytes(store);
		const r = run(store, '2026-11-30', ['keys', 'init', '--as', 'Iqbal'], env);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("DC Iqbal cannot make this store's first key enrolment");
		expect(r.stderr).toContain('DI Okafor or DS Brennan can');
		expect(savedBytes(store).equals(before)).toBe(true);
		expect(existsSync(path.join(config, 'fortnight', 'keys', 'o0004.key'))).toBe(false);
		const sergeant = run(store, '2026-11-30', ['keys', 'init', '--as', 'Brennan'], env);
		expect(sergeant.code, sergeant.stderr).toBe(0);
		expect(sergeant.stdout).toContain("you are enrolled as the store's creator");
		// Then the officer's key is made and waits to be enrolled by them.
		const later = run(store, '2026-11-30', ['keys', 'init', '--as', 'Iqbal'], env);
		expect(later.code, later.stderr).toBe(0);
		expect(later.stdout).toContain('to enrol it');
	});
});

describe('an unknown --as is refused by every command, as whoami refuses it', () => {
	it('case show, problems, log, absence list, keys list', () => {
		const {store} = demoCopy();
		for (const args of [['case', 'show', 'CR/64148/26'], ['problems'], ['log'], ['absence', 'list'], ['keys', 'list'], ['whoami']]) {
			const r = run(store, '2026-12-15', [...args, '--as', 'DC Nobody']);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stderr).toContain('--as "DC Nobody" is not an officer in this store.');
			expect(r.stdout).toBe('');
		}
		expect(run(store, '2026-12-15', ['problems', '--as', 'DC Iqbal']).code).toBe(0);
	});
});
