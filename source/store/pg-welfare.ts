/**
 * Welfare notes in the PostgreSQL store: their own table (fortnight_welfare_notes), which row-level
 * security shows only to the officer's line manager on the note's date and lets an officer of the team
 * add to in their own name (migrations/postgres/002-access.sql). A note is never updated or removed
 * here. Filing the very note already there adds nothing (a retried filing), as in the file; filing another
 * note under an id already held is refused, naming the id (migration 022, REVIEW-9 N3: a filing swallowed by a
 * note that took its id first stayed "not filed" for good). Notes come back in the team's own filing order
 * (team_ord, 022: the force-wide counter told a login how many notes other teams filed, REVIEW-9 N2).
 */
import type {PendingWelfareNote} from './welfare-drafts.js';
import type {WelfareFile, WelfareNote, WelfareWindow, WithheldCount} from './welfare-file.js';
import {withClient} from './pg-connect.js';
import {resolveTeam} from './pg-data.js';

/** The notes this role may read, oldest first. */
export async function readPgWelfare(store: string): Promise<WelfareFile> {
	return withClient(store, async (client, url) => {
		const team = await resolveTeam(client, url.team, url.shown);
		const r = await client.query<WelfareNote>(
			'SELECT id, officer_id AS "officerId", date::text AS date, by, text FROM fortnight_welfare_notes WHERE team_id = $1 ORDER BY team_ord',
			[team],
		);
		return {schemaVersion: 1, notes: r.rows.map(n => ({id: n.id, officerId: n.officerId, date: n.date, by: n.by, text: n.text}))};
	});
}

/**
 * How many notes of a handover's window this role may not read, per officer (row-level security hides
 * them from readPgWelfare): counts from fortnight_welfare_withheld, which checks that the role sees the
 * team and asks as itself, and returns no note's text, date or author. The database counts from its own
 * today less WELFARE_NOTE_LOOKBACK_DAYS, which no caller moves (migration 018, REVIEW 8 D4: a window of the
 * caller's choosing told, by differences, the dates of the notes kept from them), to the later of the
 * window's end and its today; each count says those days when they are not the handover's (`window`).
 */
export async function readPgWelfareWithheld(store: string, window: WelfareWindow): Promise<WithheldCount[]> {
	return withClient(store, async (client, url) => {
		const team = await resolveTeam(client, url.team, url.shown);
		const r = await client.query<{officer_id: string; withheld: string; since: string; until: string}>(
			`SELECT officer_id, withheld, (fortnight_today() - 90)::text AS since, greatest($3::date, fortnight_today())::text AS until
			FROM fortnight_welfare_withheld($1, $2::date, $3::date, current_user)`,
			[team, window.since, window.until],
		);
		return r.rows.map(x => ({
			officerId: x.officer_id,
			count: Number(x.withheld),
			...(x.since === window.since && x.until === window.until ? {} : {counted: {since: x.since, until: x.until}}),
		}));
	});
}

/**
 * Files notes for the team (one statement: all or none). No ON CONFLICT: the database skips a note already
 * filed as it is and refuses one whose id another note holds (022), so nothing is ever silently not filed;
 * pg-connect.ts words the refusal (StoreError 'id-taken').
 */
export async function appendPgWelfareNotes(store: string, notes: readonly WelfareNote[]): Promise<void> {
	if (notes.length === 0) return;
	await withClient(store, async (client, url) => {
		const team = await resolveTeam(client, url.team, url.shown);
		await client.query(
			`INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text)
			SELECT $1, i, o, d::date, b, t
			FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(i, o, d, b, t, n)
			ORDER BY n`,
			[team, notes.map(n => n.id), notes.map(n => n.officerId), notes.map(n => n.date), notes.map(n => n.by), notes.map(n => n.text)],
		);
	});
}

/** The pending notes this role may see (its own), oldest first. */
export async function readPgPending(store: string): Promise<PendingWelfareNote[]> {
	return withClient(store, async (client, url) => {
		const team = await resolveTeam(client, url.team, url.shown);
		const r = await client.query<{note: PendingWelfareNote}>('SELECT note FROM fortnight_welfare_pending WHERE team_id = $1 ORDER BY id', [
			team,
		]);
		return r.rows.map(x => x.note);
	});
}

/** changeWelfareDrafts in the database: one transaction, one writer per team at a time. */
export async function changePgPending(
	store: string,
	change: (notes: readonly PendingWelfareNote[]) => PendingWelfareNote[],
): Promise<PendingWelfareNote[]> {
	return withClient(store, async (client, url) => {
		await client.query('BEGIN');
		try {
			const team = await resolveTeam(client, url.team, url.shown);
			await client.query("SELECT pg_advisory_xact_lock(hashtext('fortnight_welfare_pending:' || $1::text))", [team]);
			const r = await client.query<{note: PendingWelfareNote}>(
				'SELECT note FROM fortnight_welfare_pending WHERE team_id = $1 ORDER BY id',
				[team],
			);
			const before = r.rows.map(x => x.note);
			const next = change(before);
			if (JSON.stringify(next) !== JSON.stringify(before)) {
				await client.query('DELETE FROM fortnight_welfare_pending WHERE team_id = $1', [team]);
				for (const note of next) {
					await client.query('INSERT INTO fortnight_welfare_pending (team_id, by, note) VALUES ($1, $2, $3::json)', [
						team,
						note.by,
						JSON.stringify(note),
					]);
				}
			}
			await client.query('COMMIT');
			return next;
		} catch (err) {
			await client.query('ROLLBACK').catch(() => {});
			throw err;
		}
	});
}
