/**
 * The checks that decide whether store text is a valid store (store README, "Hostile files"): limits and
 * duplicate names (guard.ts), parse, `__proto__` removal, migration, the schema and the references. It
 * loads the schema compiler, so readStoreFile imports it only for bytes not already found valid
 * (receipts.ts).
 */
import type {StoreData} from '../domain/model.js';
import {safeText} from '../domain/safe-text.js';
import {StoreError} from './errors.js';
import {checkJsonLimits} from './guard.js';
import {describePosition} from './json-syntax.js';
import {cleanAndMigrate, parseStoreText} from './parse.js';
import {validateStore} from './validate.js';

/**
 * Text to validated data, with no file access: limits, parse, `__proto__` removal, migration, schema
 * and references. Throws only StoreError, whatever the text (the loader fuzz tests hold it to that).
 */
export function loadStoreText(raw: string, file: string): {data: StoreData; migratedFrom: number | null} {
	const {duplicateKey} = checkJsonLimits(raw, file);
	const parsed = parseStoreText(raw, file);
	if (duplicateKey !== -1) {
		throw new StoreError(
			'malformed',
			`${file} has the same property name twice in one object (the second at ${describePosition(raw, duplicateKey)}); fortnight never writes that, ` +
				'so the file was edited or damaged. The file was not changed; remove one of the two.',
			file,
		);
	}
	const {data, from} = cleanAndMigrate(parsed, raw, file);
	let problem;
	try {
		problem = validateStore(data);
	} catch {
		// The validator should never throw; if some input makes it, that is still "not a valid store" (its
		// message is not shown: it might quote the file).
		problem = {path: '/', message: 'it could not be checked'};
	}
	// Rows set aside are a PostgreSQL read's own finding (domain/set-aside.ts), never stored: a file naming
	// some would put problems on the list that no database has (one file, one owner: a bad file is refused).
	if (!problem && Object.hasOwn(data as object, 'setAside'))
		problem = {path: '/setAside', message: 'a store file never lists records set aside (only a PostgreSQL read does)'};
	if (problem) {
		throw new StoreError(
			'invalid',
			`${file} is not a valid fortnight store: at ${safeText(problem.path)}, ${safeText(problem.message)}. The file was not changed; fix that field or ` +
				`restore a backup.`,
			file,
		);
	}
	return {data: data as StoreData, migratedFrom: from};
}
