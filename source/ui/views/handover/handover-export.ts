/** Writing the previewed handover to a file from the desk: a new file beside the store (no welfare notes in the desk's export). */
import {writeFreshExport} from '../../desk/export-file.js';
import type {IsoDate} from '../../../domain/dates.js';

/** "handover-2026-11-30-to-2026-12-13.md". */
export function handoverFileName(from: IsoDate, to: IsoDate): string {
	return `handover-${from}-to-${to}.md`;
}

/** Writes `markdown` beside the store, never over an earlier export or the store's own files, and returns the path. */
export async function writeHandoverFile(storeFile: string, name: string, markdown: string): Promise<string> {
	return writeFreshExport(storeFile, name, markdown);
}
