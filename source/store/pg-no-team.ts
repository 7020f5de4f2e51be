/**
 * Why a PostgreSQL role sees no team, said to the person it is (QA 4 R-g). The database's own rules
 * decide what a login reads (migrations/postgres/002-access.sql; README "What each role may do"): an
 * officer's own login, covering nobody today, reads nothing of the team, not even their own cases. Telling
 * that officer to "copy a team in" is the database owner's advice; they are told what their login is and
 * whom to ask instead. Only what the role may read is asked (its own fortnight_logins rows, the catalogue),
 * each query guarded so it cannot fail, since it may run inside the caller's transaction.
 */
import type pg from 'pg';
import {StoreError} from './errors.js';

interface Who {
	login: string;
	owner: boolean;
	teams: {team_id: string; officer_id: string}[] | null;
}

const WHO = `
SELECT current_user AS login,
	coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false)
		OR EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'fortnight_teams' AND pg_has_role(current_user, tableowner, 'USAGE')) AS owner,
	CASE WHEN to_regclass('fortnight_logins') IS NULL THEN false
		ELSE has_table_privilege(to_regclass('fortnight_logins'), 'SELECT') END AS may_read_logins`;

async function whoIsAsking(client: pg.ClientBase): Promise<Who | null> {
	try {
		const r = await client.query<{login: string; owner: boolean; may_read_logins: boolean}>(WHO);
		const row = r.rows[0];
		if (!row) return null;
		const teams = row.may_read_logins
			? (
					await client.query<{team_id: string; officer_id: string}>(
						'SELECT team_id, officer_id FROM fortnight_logins WHERE role_name = current_user ORDER BY team_id',
					)
				).rows
			: null;
		return {login: row.login, owner: row.owner, teams};
	} catch {
		// Said as before when the catalogue cannot be asked: the sentence is advice, not a check.
		return null;
	}
}

/**
 * The database's today and the days the caller's login covers each team's sergeant (migration 019,
 * fortnight_my_cover_days: the caller's own dates only). Guarded as whoIsAsking is: a database before 019
 * answers the date alone, one that cannot be asked neither.
 */
async function whenItReads(
	client: pg.ClientBase,
	teams: readonly string[],
): Promise<{databaseToday: string | null; covers: {teamId: string; from: string; to: string | null}[]}> {
	let databaseToday: string | null = null;
	const covers: {teamId: string; from: string; to: string | null}[] = [];
	try {
		const r = await client.query<{today: string}>("SELECT to_char(fortnight_today(), 'YYYY-MM-DD') AS today");
		databaseToday = r.rows[0]?.today ?? null;
		for (const teamId of teams) {
			const c = await client.query<{starts: string; ends: string | null}>(
				"SELECT to_char(starts, 'YYYY-MM-DD') AS starts, to_char(ends, 'YYYY-MM-DD') AS ends FROM fortnight_my_cover_days($1, current_user)",
				[teamId],
			);
			for (const x of c.rows) covers.push({teamId, from: x.starts, to: x.ends});
		}
	} catch {
		// Said without them: the sentence is advice, not a check.
	}
	return {databaseToday, covers};
}

/** The StoreError for a role that sees no team (`team`: the one `?team=` named, else null). */
export async function noTeamError(client: pg.ClientBase, shown: string, team: string | null): Promise<StoreError> {
	const head =
		team === null
			? `The database at ${shown} holds no team you may see.`
			: `The database at ${shown} holds no team "${team}" that you may see.`;
	const ownerAdvice =
		team === null
			? ` Copy a team in with "fortnight store copy --from FILE.json --to URL", or ask for access.`
			: ' Check ?team= in the URL, or ask for access.';
	const who = await whoIsAsking(client);
	if (who === null || who.owner) return new StoreError('not-found', head + ownerAdvice, shown);
	const login = `"${who.login.replace(/[^\w.@-]/g, '?')}"`;
	const mapped = (who.teams ?? []).filter(t => team === null || t.team_id === team);
	if (mapped.length > 0) {
		const as = mapped.map(t => `${t.officer_id} in team ${t.team_id}`).join(', ');
		const why =
			"on PostgreSQL an officer's own login reads none of the team's records, not even their own cases: only the team's " +
			'sergeant and inspector do, and a cover on the days they cover. Ask your sergeant about your cases, or the database owner ' +
			'if your login should read more.';
		const error = new StoreError('not-found', `${head} Your login ${login} is an officer's (${as}), and ${why}`, shown);
		// `fortnight whoami` answers with these instead of failing (QA 5 R3): the login is who they are, and
		// (QA 6 R9) by which date the database judged, and when the login's cover of the sergeant starts.
		const {databaseToday, covers} = await whenItReads(
			client,
			mapped.map(t => t.team_id),
		);
		error.officerLogin = {
			login: who.login,
			officers: mapped.map(t => ({teamId: t.team_id, officerId: t.officer_id})),
			why,
			databaseToday,
			covers,
		};
		return error;
	}
	return new StoreError(
		'not-found',
		`${head} Your login ${login} may read no team${team === null ? '' : ` "${team}"`}: it is mapped to no officer of ` +
			`${team === null ? 'any team' : 'it'}. Ask your sergeant or the database owner to map it.`,
		shown,
	);
}
