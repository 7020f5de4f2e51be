/**
 * Store text to a value: JSON.parse, with errors that quote nothing from the file, then what every load
 * does after it (dropping `__proto__` keys, migrating). The checks that decide whether a store is valid
 * (guard, schema, references) are load-text.ts's; a store whose exact bytes passed them before is not
 * checked again (receipts.ts).
 */
import type {StoreData} from '../domain/model.js';
import {StoreError} from './errors.js';
import {dropProtoKeys} from './guard.js';
import {describePosition, findJsonSyntaxError} from './json-syntax.js';
import {migrate} from './migrate.js';

export function parseStoreText(raw: string, file: string): unknown {
	if (raw.trim() === '') {
		throw new StoreError('malformed', `${file} is empty. Restore it from a backup, or delete it to start again from the demo team.`, file);
	}
	// Strip a UTF-8 BOM some editors add.
	const bom = raw.charCodeAt(0) === 0xfeff;
	const text = bom ? raw.slice(1) : raw;
	try {
		return JSON.parse(text);
	} catch {
		// V8's message quotes the text around the error, and the file may be anything (a welfare file, a
		// password file): the position and the problem come from our own walk, which quotes nothing.
		const found = findJsonSyntaxError(text);
		const where = found ? ` at ${describePosition(text, found.index, bom ? 3 : 0)}: ${found.problem}` : '';
		throw new StoreError(
			'malformed',
			`${file} is not valid JSON${where}. The file was not changed; restore a backup or fix it by hand.`,
			file,
		);
	}
}

/** `__proto__` keys dropped (guard.ts), then migrated to this version. */
export function cleanAndMigrate(parsed: unknown, raw: string, file: string): {data: unknown; from: number | null} {
	if (raw.includes('__proto__') || raw.includes('\\u')) dropProtoKeys(parsed);
	return migrate(parsed, file);
}

/** Text already found valid, byte for byte (receipts.ts), to data: parsed, cleaned and migrated, not checked again. */
export function loadCheckedText(raw: string, file: string): {data: StoreData; migratedFrom: number | null} {
	const {data, from} = cleanAndMigrate(parseStoreText(raw, file), raw, file);
	return {data: data as StoreData, migratedFrom: from};
}
