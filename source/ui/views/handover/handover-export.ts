/** Writing the previewed handover to a file from the desk: atomically, mode 0644 (no welfare notes in the desk's export). */
import {unusedPath} from '../../desk/export-file.js';
import type {IsoDate} from '../../../domain/dates.js';
import {writeFileAtomic, describeFsError} from '../../../store/index.js';

/** "handover-2026-11-30-to-2026-12-13.md". */
export function handoverFileName(from: IsoDate, to: IsoDate): string {
	return `handover-${from}-to-${to}.md`;
}

/** Writes `markdown` into `dir` (the store's folder, by default in the desk), never over an earlier export, and returns the path. */
export async function writeHandoverFile(dir: string, name: string, markdown: string): Promise<string> {
	const file = unusedPath(dir, name);
	try {
		await writeFileAtomic(file, markdown, 0o644);
	} catch (err) {
		throw describeFsError(err, file, 'writing');
	}
	return file;
}
