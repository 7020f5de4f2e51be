/**
 * Where the desk's exports go: next to the store, under a name that says what was exported, and never
 * over an earlier export (a second export with other filters, or of a changed store, is a new file:
 * "review-log-...-late-2.csv"). The CLI's --out is the way to write a chosen path. The writing itself
 * is the store's writeExport, as for --out (README "Exports and --out").
 */
import {lstatSync} from 'node:fs';
import path from 'node:path';
import {ExportRefused, writeExport} from '../../store/index.js';

/** A new export file: readable by its owner only, as the CLI's --out makes it (case and officer data). */
export const EXPORT_MODE = 0o600;

/** `name` in `dir`, or the first of name-2, name-3, ... with nothing there yet (not even a link to nowhere). */
export function unusedPath(dir: string, name: string): string {
	const ext = path.extname(name);
	const stem = name.slice(0, name.length - ext.length);
	let file = path.join(dir, name);
	for (let n = 2; taken(file); n++) file = path.join(dir, `${stem}-${n}${ext}`);
	return file;
}

function taken(file: string): boolean {
	try {
		lstatSync(file);
		return true;
	} catch {
		return false;
	}
}

/** How often a name taken by someone else between the look and the write is passed over for the next. */
const NAME_RETRIES = 5;

/**
 * Writes `text` beside the store under `name` (or name-2, name-3, ...) as a new file, never over any
 * existing one and never one of the store's own files, and returns its path. Throws ExportRefused or
 * StoreError, each with one sentence for the status line.
 */
export async function writeFreshExport(storeFile: string, name: string, text: string): Promise<string> {
	for (let attempt = 0; ; attempt++) {
		const file = unusedPath(path.dirname(storeFile), name);
		try {
			await writeExport(file, text, {mode: EXPORT_MODE, storeFile});
			return file;
		} catch (err) {
			if (!(err instanceof ExportRefused && err.reason === 'exists' && attempt < NAME_RETRIES)) throw err;
		}
	}
}
