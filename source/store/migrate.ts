/**
 * Upgrades older store files one version at a time. A file from a newer fortnight is refused rather
 * than guessed at. openStore keeps a backup (`<file>.bak-v<N>`) before the first write of a migrated file.
 */
import {SCHEMA_VERSION} from '../domain/model-values.js';
import {StoreError} from './errors.js';
import {addHistory} from './migrate-history.js';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 1 to 2 (issue 16): every case gets an empty bail-event history (`bailEvents`). A record that is
 * not an object is left as it is for the validator to name.
 */
export function addBailEvents(data: Record<string, unknown>): Record<string, unknown> {
	const cases = data['cases'];
	if (!Array.isArray(cases)) return data;
	return {...data, cases: cases.map((c: unknown) => (isRecord(c) && !('bailEvents' in c) ? insertAfter(c, 'bail', 'bailEvents', []) : c))};
}

/** A copy of `record` with `key` placed after `after` (the store's key order, as newCaseRecord writes it). */
function insertAfter(record: Record<string, unknown>, after: string, key: string, value: unknown): Record<string, unknown> {
	if (!(after in record)) return {...record, [key]: value};
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(record)) {
		out[k] = v;
		if (k === after) out[key] = value;
	}
	return out;
}

/** MIGRATIONS[n] turns a version-n file into version n+1. Version 1 is the first released shape. */
export const MIGRATIONS: Record<number, Migration> = {
	// 1 -> 2: case allocation and risk history, team supervision history (README "Case history"), and
	// each case's bail events (README "Acting on a problem"): both arrived in one release.
	1: data => addBailEvents(addHistory(data)),
	// 2 -> 3: the chain may live in its own file (`chainLog`); a version-2 file is a store with the whole
	// chain inside, which version 3 reads as it is and splits on its first save (store README, "The review
	// chain file"). The number changed so that an older fortnight refuses a split store instead of reading
	// its working set as the whole chain.
	2: data => data,
	// 3 -> 4: saves are journaled beside the state (store README, "The journal") and supervisory records are
	// signed chain entries (README "Signed records"). The data needs no change; the number changed so that an
	// older fortnight refuses the store instead of reading a state without its journal, or refusing a record
	// entry as damage. A migrated file is written back whole (version 4) before any save is journaled.
	3: data => data,
};

export function migrate(
	value: unknown,
	file: string,
	migrations: Record<number, Migration> = MIGRATIONS,
	target = SCHEMA_VERSION,
): {data: unknown; from: number | null} {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return {data: value, from: null};
	let data = value as Record<string, unknown>;
	const version = data['schemaVersion'];
	if (typeof version !== 'number' || !Number.isInteger(version)) {
		throw new StoreError(
			'invalid',
			`${file} has no schemaVersion number, so it is not a fortnight store (or it is damaged). The file was not changed.`,
			file,
		);
	}
	if (version > target) {
		throw new StoreError(
			'unsupported-version',
			`${file} has schemaVersion ${version}, newer than this fortnight understands (${target}). Update fortnight; the file was not changed.`,
			file,
		);
	}
	if (version === target) return {data, from: null};
	for (let v = version; v < target; v++) {
		const step = migrations[v];
		if (!step) {
			throw new StoreError(
				'unsupported-version',
				`${file} has schemaVersion ${version}, which this fortnight cannot upgrade (no migration from ${v}). The file was not changed.`,
				file,
			);
		}
		data = {...step(data), schemaVersion: v + 1};
	}
	return {data, from: version};
}
