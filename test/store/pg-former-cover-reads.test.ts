/**
 * A cover reads the welfare notes of the days they covered only while they still cover (migration 021 §4,
 * permissions.ts mayReadWelfareNote; REVIEW-9 D7): DC Doyle covered DS Brennan from today-10 to today-1; the
 * sergeant files today a note about TDC Whitlock dated today-3. Until 021 DC Doyle, a peer again and seeing
 * no case of the team, read it through psql. Both stores now answer alike.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {addDays} from '../../source/domain/dates.js';
import type {Absence} from '../../source/domain/model.js';
import {mayReadWelfareNote} from '../../source/domain/permissions.js';
import {closePools} from '../../source/store/pg-connect.js';
import {demoData} from '../helpers/demo.js';
import {demoTeamsDatabase, postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'formercover';
const T = 'team-a';
const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;

describe.skipIf(skipPostgres)(`PostgreSQL: a former cover reads no notes of his old window${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today = '';
	let absence: Absence;
	const setWindow = (from: string, to: string) => {
		absence = {...absence, from, to};
		psqlRows(cluster, DB, 'postgres', `UPDATE fortnight_absences SET doc = ${q(absence)} WHERE team_id = '${T}' AND key = 'abR9'`);
	};
	beforeAll(async () => {
		cluster = startCluster();
		today = await demoTeamsDatabase(
			cluster,
			DB,
			[T],
			[
				['sgt_a', T, 'o0002'],
				['dc_doyle', T, 'o0011'],
			],
		);
		absence = {
			id: 'abR9',
			officerId: 'o0002',
			from: addDays(today, -10),
			to: addDays(today, -1),
			reason: 'sick',
			coverOfficerId: 'o0011',
			recordedAt: `${addDays(today, -10)}T08:00:00.000Z`,
			recordedBy: 'o0001',
		};
		psqlRows(cluster, DB, 'postgres', `INSERT INTO fortnight_absences VALUES ('${T}', 'abR9', 9000, 1, ${q(absence)})`);
	}, 180_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it('DC Doyle, covering nobody today, reads none of the notes of the days he covered; while covering, he did', () => {
		const day = addDays(today, -3);
		const note = {officerId: 'o0005', by: 'o0002', date: day};
		const filed = cluster.psql(
			DB,
			`INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text)
			 VALUES ('${T}', 'n-r9', 'o0005', '${day}', 'o0002', 'SYNTHETIC HEALTH TEXT') RETURNING id`,
			'sgt_a',
		);
		expect(filed.status, filed.stderr).toBe(0);
		const reads = () => psqlRows(cluster, DB, 'dc_doyle', `SELECT count(*) FROM fortnight_welfare_notes WHERE id = 'n-r9'`);
		const domain = () => mayReadWelfareNote({...demoData(), absences: [absence]}, 'o0011', note, today);
		expect(psqlRows(cluster, DB, 'dc_doyle', `SELECT count(*) FROM fortnight_cases`)).toBe('0');
		expect([reads(), domain()]).toEqual(['0', false]);
		// The same absence running on to today: he covers, and reads the note of a day he covered, on both stores.
		setWindow(addDays(today, -10), addDays(today, 2));
		expect([reads(), domain()]).toEqual(['1', true]);
		// Covering again today, but the note's day was not his: neither store lets him read it.
		setWindow(addDays(today, -1), addDays(today, 2));
		expect([reads(), domain()]).toEqual(['0', false]);
	});
});
