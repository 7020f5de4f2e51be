/**
 * Copies of a PostgreSQL team with rows set aside as unreadable (validate-records.ts; source/store/README.md
 * "A record that cannot be read"). Its own small module: pg-store.ts loads it on every open, and the
 * checks in validate-records.ts load the schema (TypeBox), which a read whose rows are all valid never needs.
 */
import type {StoreData} from '../domain/model.js';
import {StoreError} from './errors.js';

/**
 * A copy (store copy, store export, the desk's save-a-copy) holds every record or is not made: a team with
 * rows set aside would lose them without a word, so it is refused until the database owner mends them
 * (pg_dump copies the database as it is, bad rows included).
 */
export function refuseCopyOfSetAside(data: StoreData, from: string): void {
	const n = data.setAside?.length ?? 0;
	if (n === 0) return;
	throw new StoreError(
		'invalid',
		`${n} record${n === 1 ? '' : 's'} of team "${data.team.id}" in ${from} cannot be read and ${n === 1 ? 'is' : 'are'} set aside ` +
			'(fortnight problems names them), so no copy was made: it would leave them out. Have the database owner correct or restore ' +
			'those rows first, or copy the database as it is with pg_dump.',
		from,
	);
}
