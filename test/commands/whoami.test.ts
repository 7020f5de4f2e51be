/** `fortnight whoami` and --as: who is at the keyboard is said, never inferred from the team's arrangements. */
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {resolveIdentity} from '../../source/domain/identity.js';
import {demoCopy, DEMO_TODAY, runCli} from '../helpers/cli.js';
import {savedBytes} from '../helpers/saved-store.js';

describe('fortnight whoami', () => {
	const {store} = demoCopy();

	it('--as by name, id or collar number; FORTNIGHT_USER; --as wins', () => {
		let r = runCli(['whoami', '--store', store, '--today', DEMO_TODAY, '--as', 'DC Marsh']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^You are DC Helen Marsh \(o0006\), from --as\./);
		expect(r.stdout).toContain('their reviews, your performance trigger and your welfare check-in go to DS Brennan');
		r = runCli(['whoami', '--store', store, '--today', DEMO_TODAY, '--json'], {env: {FORTNIGHT_USER: 'o0001'}});
		expect(JSON.parse(r.stdout)).toMatchObject({officer: {id: 'o0001', rank: 'DI'}, source: 'FORTNIGHT_USER', date: DEMO_TODAY});
		r = runCli(['whoami', '--store', store, '--as', 'o0002'], {env: {FORTNIGHT_USER: 'o0001'}});
		expect(r.stdout).toMatch(/^You are DS Tom Brennan \(o0002\), from --as\./);
		// A trigger on the inspector's list is not the sergeant's to decide (README "The review desk").
		expect(r.stdout.replace(/\s+/g, ' ')).toContain("decide performance triggers for (not those on the inspector's list)");
	});

	it('an unknown or ambiguous --as is a usage error naming near matches', () => {
		const r = runCli(['whoami', '--store', store, '--as', 'DC Marh']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--as "DC Marh" is not an officer in this store. Did you mean DC Helen Marsh (o0006)');
	});

	it('the demo copy with no identity works as its sergeant and says so; a real store never guesses', () => {
		let r = runCli(['whoami', '--store', store], {env: {FORTNIGHT_USER: ''}});
		expect(r.stdout).toMatch(/^You are DS Tom Brennan \(o0002\), the demo team's sergeant: use --as to be someone else\./);
		const data = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		const {store: real} = demoCopy();
		writeFileSync(real, JSON.stringify({...data, referenceDate: null}) + '\n');
		r = runCli(['whoami', '--store', real], {env: {FORTNIGHT_USER: ''}});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/fortnight does not know who you are.*run with --as NAME or set FORTNIGHT_USER/);
	});

	it('an operating-system login mapped to one officer identifies them', () => {
		const data = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		const mapped = {...data, referenceDate: null, officers: data.officers.map(o => (o.id === 'o0004' ? {...o, login: 'piqbal'} : o))};
		expect(resolveIdentity(mapped, {login: 'piqbal'})).toMatchObject({ok: true, source: 'login', officer: {id: 'o0004'}});
		expect(resolveIdentity(mapped, {login: 'nobody'})).toMatchObject({ok: false});
		const twice = {...mapped, officers: mapped.officers.map(o => (o.id === 'o0005' ? {...o, login: 'piqbal'} : o))};
		const r = resolveIdentity(twice, {login: 'piqbal'});
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(/mapped to more than one officer/);
	});
});

describe('records are made as the person at the keyboard', () => {
	it('absence add records --as as the recorder; --by is refused and nothing is written', () => {
		const {store} = demoCopy();
		let r = runCli([
			'absence',
			'add',
			'DC Iqbal',
			'--from',
			'2026-12-20',
			'--to',
			'2026-12-22',
			'--reason',
			'annual-leave',
			'--store',
			store,
			'--today',
			DEMO_TODAY,
			'--as',
			'DI Okafor',
		]);
		expect(r.code).toBe(0);
		const data = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		expect(data.absences.at(-1)).toMatchObject({officerId: 'o0004', recordedBy: 'o0001'});
		const before = savedBytes(store);
		r = runCli([
			'absence',
			'add',
			'DC Iqbal',
			'--from',
			'2027-01-20',
			'--reason',
			'annual-leave',
			'--by',
			'DS Brennan',
			'--store',
			store,
			'--today',
			DEMO_TODAY,
		]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--by is no longer taken: an absence is recorded as you.');
		expect(savedBytes(store).equals(before)).toBe(true);
	});
});

describe('fortnight whoami for a cover of a later part', () => {
	it('says the year of a last day in another year, as absence list does (QA 7 R4)', () => {
		const copy = demoCopy();
		try {
			const env = {env: {FORTNIGHT_NOW: '2026-12-04T09:00:00Z'}};
			const made = runCli(
				[
					'--store',
					copy.store,
					'--today',
					'2026-12-04',
					'--as',
					'Okafor',
					'absence',
					'change',
					'ab0002',
					'--cover',
					'Carter',
					'--from',
					'2026-12-28',
				],
				env,
			);
			expect(made.code, made.stderr).toBe(0);
			const r = runCli(['whoami', '--store', copy.store, '--today', '2026-12-28', '--as', 'Carter']);
			expect(r.code, r.stderr).toBe(0);
			expect(r.stdout.replace(/\s+/g, ' ')).toContain('as cover for DS Brennan until 04 Feb 2027');
		} finally {
			rmSync(copy.dir, {recursive: true, force: true});
		}
	});
});
