/**
 * On PostgreSQL the database login mapped to an officer is who you are (README "Who you are";
 * source/domain/identity.ts): with nothing else given, that officer; a name given must be theirs, else a
 * refusal naming the login's officer (the database would refuse the record anyway: migration 011); a
 * settings "as" naming someone else is passed over, said. The desk and every command ask the same
 * (context.ts actorFor), so the sergeant's own login can no longer record as the inspector.
 */
import {describe, expect, it} from 'vitest';
import {resolveIdentity} from '../../source/domain/identity.js';
import type {StoreData} from '../../source/domain/model.js';
import {demoData} from '../helpers/demo.js';

// A real store (no referenceDate), so nothing falls back to the demo's sergeant.
const data: StoreData = {...demoData(), referenceDate: null};
const databaseLogin = {role: 'ds_brennan', officerId: 'o0002'};

describe('who you are on PostgreSQL: your database login', () => {
	it('with nothing given, the login’s officer, said as from the database login (the OS login is not asked)', () => {
		const mapped = {...data, officers: data.officers.map(o => (o.id === 'o0004' ? {...o, login: 'piqbal'} : o))};
		expect(resolveIdentity(mapped, {databaseLogin, login: 'piqbal'})).toMatchObject({
			ok: true,
			source: 'database login',
			officer: {id: 'o0002'},
		});
	});

	it('an --as or FORTNIGHT_USER naming the login’s officer is taken as before', () => {
		expect(resolveIdentity(data, {databaseLogin, as: 'Brennan'})).toMatchObject({ok: true, source: '--as', officer: {id: 'o0002'}});
		expect(resolveIdentity(data, {databaseLogin, envUser: 'o0002'})).toMatchObject({ok: true, source: 'FORTNIGHT_USER'});
	});

	it('one naming someone else is refused (a refusal, not a usage error), naming both', () => {
		for (const input of [{as: 'DI Okafor'}, {envUser: 'o0001'}, {as: 'o0001', envUser: 'o0002'}]) {
			const r = resolveIdentity(data, {databaseLogin, ...input});
			expect(r, JSON.stringify(input)).toMatchObject({ok: false, refusal: true});
			if (!r.ok)
				expect(r.reason).toMatch(
					/names DI Rachel Okafor \(o0001\), but your database login "ds_brennan" is DS Tom Brennan \(o0002\) in this team/,
				);
		}
		// A name matching nobody is the usual usage error, as on a file.
		const nobody = resolveIdentity(data, {databaseLogin, as: 'Nobody At All'});
		expect(nobody).toMatchObject({ok: false});
		expect('refusal' in nobody).toBe(false);
	});

	it('a settings "as" naming someone else is passed over and said; naming the login’s officer, taken', () => {
		expect(resolveIdentity(data, {databaseLogin, settingsUser: 'Okafor'})).toMatchObject({
			ok: true,
			source: 'database login',
			officer: {id: 'o0002'},
			note: expect.stringMatching(/names DI Rachel Okafor \(o0001\), not your database login's officer; it is not used/),
		});
		expect(resolveIdentity(data, {databaseLogin, settingsUser: 'Brennan'})).toMatchObject({ok: true, source: 'settings'});
	});

	it('a login mapped to an officer this team does not hold changes nothing (the database refuses its writes)', () => {
		expect(resolveIdentity(data, {databaseLogin: {role: 'x', officerId: 'o9999'}, as: 'Okafor'})).toMatchObject({
			ok: true,
			officer: {id: 'o0001'},
		});
	});
});
