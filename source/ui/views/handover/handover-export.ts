/** Writing the previewed handover to a file from the desk: a new file beside the store (no welfare notes in the desk's export). */
import {writeFreshExport} from '../../desk/export-file.js';
import type {IsoDate} from '../../../domain/dates.js';
import type {Handover} from '../../../domain/handover/schema.js';
import {calendarDocument} from '../../../export/calendar-events.js';
import {renderCalendarIcs} from '../../../export/calendar-ics.js';
import {renderHandoverMarkdown} from '../../../export/handover-md.js';
import type {ExportFormat} from './handover-state.js';

/** "handover-2026-11-30-to-2026-12-13.md", or ".ics" for the calendar. */
export function handoverFileName(from: IsoDate, to: IsoDate, format: ExportFormat = 'md'): string {
	return `handover-${from}-to-${to}.${format}`;
}

/** The file an export writes: the handover as Markdown, or its window as a calendar (as `fortnight calendar`). */
export function handoverExport(h: Handover, format: ExportFormat): {text: string; name: string} {
	const text = format === 'ics' ? renderCalendarIcs(calendarDocument(h)) : renderHandoverMarkdown(h);
	return {text, name: handoverFileName(h.period.from, h.period.to, format)};
}

/** Writes `markdown` beside the store, never over an earlier export or the store's own files, and returns the path. */
export async function writeHandoverFile(storeFile: string, name: string, markdown: string): Promise<string> {
	return writeFreshExport(storeFile, name, markdown);
}
