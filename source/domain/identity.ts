/**
 * Who is at the keyboard (README, "Who you are"): every record says who made it, and that is the
 * person running fortnight, never someone inferred from the team's arrangements. In order: `--as`,
 * then FORTNIGHT_USER, then the user's settings file ("as", README "Settings"), then the operating-system login mapped to an officer in the store (an
 * officer's `login`). The bundled demo's working copy, opened with no identity at all, works as the
 * demo team's sergeant and says so, so that `npm start` can be tried; a real store never guesses.
 */
import type {Officer, StoreData} from './model.js';
import {listOfficers, matchOfficer} from './officer-match.js';
import {fullName} from './people.js';
import {safeText} from './safe-text.js';

export type IdentitySource = '--as' | 'FORTNIGHT_USER' | 'settings' | 'login' | 'demo';

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
}

/** `note`: the settings file's "as" named nobody, so it was passed over (said, never silently). */
export type Identity = {ok: true; officer: Officer; source: IdentitySource; note?: string} | {ok: false; reason: string};

/** Words for the status bar and whoami: "DS Tom Brennan (o0002), from --as". */
export function identityWords(id: {officer: Officer; source: IdentitySource}): string {
	const from = {
		'--as': 'from --as',
		FORTNIGHT_USER: 'from FORTNIGHT_USER',
		settings: 'from your settings file',
		login: 'from your login',
		demo: "the demo team's sergeant: use --as to be someone else",
	}[id.source];
	return `${safeText(fullName(id.officer))} (${safeText(id.officer.id)}), ${from}`;
}

export function resolveIdentity(data: StoreData, input: IdentityInput): Identity {
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
		const shown = `"${safeText(typed.value).slice(0, 60)}"`;
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
	const shown = `"${safeText(input.settingsUser ?? '').slice(0, 60)}"`;
	const without = resolveIdentity(data, {...input, settingsUser: undefined});
	const note = `Your settings file's "as" (${shown}) ${why}; it is not used.`;
	return without.ok ? {...without, note} : {ok: false, reason: `${note} ${without.reason}`};
}
