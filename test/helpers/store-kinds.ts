/**
 * The two stores the shared store suites run against (README "PostgreSQL"): the JSON file store and the
 * PostgreSQL store (a throwaway cluster per test file, a new team per store asked for). A suite loops
 * over storeKinds(...) and makes each store with kind.make(data).
 */
import path from 'node:path';
import type {StoreData} from '../../source/domain/model.js';
import {welfarePathFor} from '../../source/store/index.js';
import {createStoreFile} from '../../source/store/store.js';
import {writeWelfare, type WelfareNote} from '../../source/store/welfare-file.js';
import {tempDir} from './cli.js';
import {pgFixture, type PgFixture} from './pg-store.js';
import {postgresSkipReason, skipPostgres} from './postgres.js';

export interface StoreKind {
	name: string;
	skip: boolean;
	/** The store tells an open desk of others' changes (Store.onChange). */
	announces: boolean;
	setup(): Promise<void>;
	teardown(): Promise<void>;
	/** A new store holding `data` (and welfare notes), as a path or URL. */
	make(data: StoreData, notes?: WelfareNote[]): Promise<string>;
	/** The PostgreSQL fixture (its cluster, to restart or query), for the PostgreSQL kind once set up. */
	pg?: () => PgFixture;
}

/** The kinds, the PostgreSQL one making its database `database` in its own cluster. */
export function storeKinds(database: string): StoreKind[] {
	let pg: PgFixture | null = null;
	return [
		{
			name: 'the JSON file store',
			skip: false,
			announces: false,
			setup: async () => {},
			teardown: async () => {},
			async make(data, notes = []) {
				const file = path.join(tempDir('fortnight-both-'), 'team.json');
				await createStoreFile(file, data);
				if (notes.length > 0) await writeWelfare(welfarePathFor(file), {schemaVersion: 1, notes});
				return file;
			},
		},
		{
			name: `the PostgreSQL store${postgresSkipReason}`,
			skip: skipPostgres,
			announces: true,
			setup: async () => {
				pg = await pgFixture(database);
			},
			teardown: async () => {
				await pg?.stop();
			},
			make: (data, notes) => pg!.newStore(data, notes),
			pg: () => pg!,
		},
	];
}
