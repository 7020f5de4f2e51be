/**
 * Telling a PostgreSQL store from a file (README "PostgreSQL"): `--store postgres://...` or
 * `postgresql://...`, with `?team=ID` choosing the team when the database holds several. Loads no
 * database code, so every command can ask.
 */

/** True when `store` names a PostgreSQL database rather than a file. */
export function isPostgresUrl(store: string): boolean {
	return /^postgres(ql)?:\/\//i.test(store);
}

export interface StoreUrl {
	/** What the pg client connects with (the URL without fortnight's own `team` parameter). */
	connectionString: string;
	/** The team asked for with `?team=`, or null (the database's only team). */
	team: string | null;
	/** The URL as shown in messages: the password replaced by ***. */
	shown: string;
}

export function parseStoreUrl(store: string): StoreUrl {
	const hash = store.indexOf('#');
	const bare = hash < 0 ? store : store.slice(0, hash);
	const q = bare.indexOf('?');
	const base = q < 0 ? bare : bare.slice(0, q);
	const params = new URLSearchParams(q < 0 ? '' : bare.slice(q + 1));
	const team = params.get('team');
	params.delete('team');
	const rest = params.toString();
	const connectionString = rest ? `${base}?${rest}` : base;
	const shownBase = base.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
	return {
		connectionString,
		team: team === '' ? null : team,
		shown: q < 0 ? shownBase : `${shownBase}${bare.slice(q)}`.replace(/([?&]password=)[^&]*/i, '$1***'),
	};
}
