/**
 * Where the desk's exports go: next to the store, under a name that says what was exported, and never
 * over an earlier export (a second export with other filters, or of a changed store, is a new file:
 * "review-log-...-late-2.csv"). The CLI's --out is the way to write a chosen path.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';

/** `name` in `dir`, or the first of name-2, name-3, ... that does not exist yet. */
export function unusedPath(dir: string, name: string): string {
	const ext = path.extname(name);
	const stem = name.slice(0, name.length - ext.length);
	let file = path.join(dir, name);
	for (let n = 2; existsSync(file); n++) file = path.join(dir, `${stem}-${n}${ext}`);
	return file;
}
