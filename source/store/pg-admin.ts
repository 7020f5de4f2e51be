/**
 * The database owner's side of the PostgreSQL store (README "PostgreSQL"): applying the schema's
 * migrations, and putting a whole team in (store copy).
 */
import type {StoreData} from '../domain/model.js';
import {StoreError} from './errors.js';
import {withClient} from './pg-connect.js';
import {insertTeam} from './pg-write.js';
import {assertCurrent, latestVersion, migrate} from './pg-migrate.js';
import type {PendingWelfareNote} from './welfare-drafts.js';
import type {WelfareNote} from './welfare-file.js';

export interface Migrated {
	/** The URL as shown (no password). */
	shown: string;
	from: number;
	to: number;
	applied: number[];
}

export async function migrateDatabase(store: string): Promise<Migrated> {
	return withClient(store, async (client, url) => {
		const {from, applied} = await migrate(client, url.shown);
		return {shown: url.shown, from, to: latestVersion(), applied};
	});
}

/**
 * A new team in the database, all in one transaction: its rows, its whole chain (the insert trigger
 * checks every link), its welfare notes and pending notes. Refused when the team is already there.
 */
export async function insertWholeTeam(
	store: string,
	data: StoreData,
	notes: readonly WelfareNote[],
	pending: readonly PendingWelfareNote[],
): Promise<string> {
	return withClient(store, async (client, url) => {
		const team = data.team.id;
		if (url.team !== null && url.team !== team) {
			throw new StoreError(
				'invalid',
				`The store being copied is team "${team}", but the URL names team "${url.team}": drop ?team= or name the same team.`,
				url.shown,
			);
		}
		await client.query('BEGIN');
		try {
			await assertCurrent(client, url.shown);
			const there = await client.query('SELECT 1 FROM fortnight_teams WHERE team_id = $1', [team]);
			if (there.rows.length > 0) {
				throw new StoreError(
					'invalid',
					`Team "${team}" is already in the database at ${url.shown}, so nothing was copied: a copy never replaces a team's records.`,
					url.shown,
				);
			}
			await insertTeam(client, data);
			for (const n of notes) {
				await client.query(
					'INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text) VALUES ($1, $2, $3, $4::date, $5, $6)',
					[team, n.id, n.officerId, n.date, n.by, n.text],
				);
			}
			for (const p of pending)
				await client.query('INSERT INTO fortnight_welfare_pending (team_id, by, note) VALUES ($1, $2, $3::json)', [
					team,
					p.by,
					JSON.stringify(p),
				]);
			await client.query('COMMIT');
			return url.shown;
		} catch (err) {
			await client.query('ROLLBACK').catch(() => {});
			throw err;
		}
	});
}
