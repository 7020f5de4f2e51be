/**
 * PostgreSQL stores for tests: one migrated database in a throwaway cluster (postgres.ts), a fresh team
 * in it for each store a test asks for (`?team=` keeps the tests apart without a database each).
 */
import type {StoreData} from '../../source/domain/model.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import type {WelfareNote} from '../../source/store/welfare-file.js';
import {startCluster, type Cluster} from './postgres.js';

export interface PgFixture {
	cluster: Cluster;
	/** The database's URL as its owner (the superuser). */
	url: string;
	/** A new team holding `data` (its id made unique); returns the store URL naming it. */
	newStore(data: StoreData, notes?: WelfareNote[]): Promise<string>;
	stop(): Promise<void>;
}

let teams = 0;

/** Starts a cluster, makes database `name` and migrates it. */
export async function pgFixture(name = 'fortnight'): Promise<PgFixture> {
	const cluster = startCluster();
	const url = cluster.url(name);
	try {
		cluster.createDatabase(name);
		await migrateDatabase(url);
	} catch (err) {
		// A suite whose setup fails never reaches its teardown: the server must not outlive it.
		await closePools();
		cluster.stop();
		throw err;
	}
	return {
		cluster,
		url,
		async newStore(data, notes = []) {
			const id = `${data.team.id}-${++teams}`;
			const team = {...data, team: {...data.team, id}};
			await insertWholeTeam(url, team, notes, []);
			return `${url}&team=${encodeURIComponent(id)}`;
		},
		async stop() {
			await closePools();
			cluster.stop();
		},
	};
}
