/**
 * Who is at the keyboard (README, "Who you are"): every record says who made it, and that is the
 * person running fortnight, never someone inferred from the team's arrangements. In order: `--as`,
 * then FORTNIGHT_USER, then the user's settings file ("as", README "Settings"), then the operating-system login mapped to an officer in the store (an
 * officer's `login`). The bundled demo's working copy, opened with no identity at all, works as the
 * demo team's sergeant and says so, so that `npm start` can be tried; a real store never guesses.
 * On PostgreSQL the database login mapped to an officer (fortnight_logins) is who you are: with nothing
 * else given, that officer; anything naming someone else is refused (the database would refuse the record
 * too: migrations/postgres/011-authors-are-the-login.sql).
 */
import type {Officer, StoreData} from './model.js';
import {listOfficers, matchOfficer} from './officer-match.js';
import {fullName} from './people.js';
import {safeText, typedInQuotes} from './safe-text.js';

export type IdentitySource = '--as' | 'FORTNIGHT_USER' | 'settings' | 'login' | 'database login' | 'demo';

export interface IdentityInput {
	/** The --as value, as typed. */
	as?: string | undefined;
	/** FORTNIGHT_USER, as set. */
	envUser?: string | undefined;
	/** The settings file's "as", used when neither --as nor FORTNIGHT_USER is given. */
	settingsUser?: string | undefined;
	/** The operating-system login name. */
	login?: string | undefined;
	/** True for the bundled demo's working copy: with nothing else given, the demo sergeant. */
	demo?: boolean;
	/** The database login a PostgreSQL store was opened with and the officer it is mapped to in the team. */
	databaseLogin?: {role: string; officerId: string} | undefined;
}

/**
 * `note`: the settings file's "as" named nobody, so it was passed over (said, never silently). `refusal`:
 * the identity named is a real officer, but not the one the database login is (a refusal, not a usage error).
 */
export type Identity = {ok: true; officer: Officer; source: IdentitySource; note?: string} | {ok: false; reason: string; refusal?: true};

/** Words for the status bar and whoami: "DS Tom Brennan (o0002), from --as". */
export function identityWords(id: {officer: Officer; source: IdentitySource}): string {
	const from = {
		'--as': 'from --as',
		FORTNIGHT_USER: 'from FORTNIGHT_USER',
		settings: 'from your settings file',
		login: 'from your login',
		'database login': 'from your database login',
		demo: "the demo team's sergeant: use --as to be someone else",
	}[id.source];
	return `${safeText(fullName(id.officer))} (${safeText(id.officer.id)}), ${from}`;
}

export function resolveIdentity(data: StoreData, input: IdentityInput): Identity {
	const db = input.databaseLogin;
	const mapped = db ? data.officers.find(o => o.id === db.officerId) : undefined;
	if (!db || !mapped) return resolveNamed(data, input);
	// On PostgreSQL the login is the person: a name given must be theirs (a settings "as" for another store is passed over).
	const typed = [input.as, input.envUser, input.settingsUser].some(v => v !== undefined && v.trim() !== '');
	if (!typed) return {ok: true, officer: mapped, source: 'database login'};
	const named = resolveNamed(data, {...input, login: undefined, demo: false});
	if (!named.ok || named.officer.id === mapped.id) return named;
	if (named.source === 'settings')
		return {
			ok: true,
			officer: mapped,
			source: 'database login',
			note: `Your settings file's "as" names ${safeText(fullName(named.officer))} (${safeText(named.officer.id)}), not your database login's officer; it is not used.`,
		};
	return {
		ok: false,
		refusal: true,
		reason:
			`${named.source} names ${safeText(fullName(named.officer))} (${safeText(named.officer.id)}), but your database login ` +
			`"${safeText(db.role)}" is ${safeText(fullName(mapped))} (${safeText(mapped.id)}) in this team: on PostgreSQL you act as your ` +
			`login's officer, and the database refuses a record in anyone else's name. Leave ${named.source} out, or connect as ` +
			`${safeText(fullName(named.officer))}'s own login.`,
	};
}

/** Who the person is from what they typed (or their login), without a database login. */
function resolveNamed(data: StoreData, input: IdentityInput): Identity {
	const given = (v: string | undefined) => v !== undefined && v.trim() !== '';
	const typed = given(input.as)
		? {value: input.as!, source: '--as' as const}
		: given(input.envUser)
			? {value: input.envUser!, source: 'FORTNIGHT_USER' as const}
			: given(input.settingsUser)
				? {value: input.settingsUser!, source: 'settings' as const}
				: null;
	if (typed) {
		const m = matchOfficer(data.officers, typed.value);
		if (m.kind === 'found') return {ok: true, officer: m.officer, source: typed.source};
		const shown = `"${typedInQuotes(typed.value.slice(0, 60))}"`;
		if (typed.source === 'settings')
			return passOverSettings(data, input, m.kind === 'ambiguous' ? `matches more than one officer` : `is not an officer in this store`);
		if (m.kind === 'ambiguous')
			return {
				ok: false,
				reason: `${typed.source} ${shown} matches more than one officer: ${safeText(listOfficers(m.candidates))}. Give the id or collar number.`,
			};
		const near = m.near.length > 0 ? ` Did you mean ${safeText(listOfficers(m.near.slice(0, 3)))}?` : '';
		return {ok: false, reason: `${typed.source} ${shown} is not an officer in this store.${near}`};
	}
	if (input.login) {
		const mapped = data.officers.filter(o => o.login === input.login);
		if (mapped.length === 1) return {ok: true, officer: mapped[0]!, source: 'login'};
		if (mapped.length > 1)
			return {
				ok: false,
				reason: `Your login "${safeText(input.login)}" is mapped to more than one officer (${safeText(listOfficers(mapped))}): fix the store, or run with --as.`,
			};
	}
	if (input.demo) {
		const sergeant = data.officers.find(o => o.id === data.team.sergeantId);
		if (sergeant) return {ok: true, officer: sergeant, source: 'demo'};
	}
	return {
		ok: false,
		reason:
			`fortnight does not know who you are${input.login ? ` (your login "${safeText(input.login)}" is not mapped to an officer)` : ''}: run with ` +
			`--as NAME or set FORTNIGHT_USER (an officer's id, collar number or name).`,
	};
}

/** A settings file's "as" that names nobody does not stop anything: who you are is worked out without it. */
function passOverSettings(data: StoreData, input: IdentityInput, why: string): Identity {
	const shown = `"${typedInQuotes((input.settingsUser ?? '').slice(0, 60))}"`;
	const without = resolveIdentity(data, {...input, settingsUser: undefined});
	const note = `Your settings file's "as" (${shown}) ${why}; it is not used.`;
	return without.ok ? {...without, note} : {ok: false, reason: `${note} ${without.reason}`};
}
