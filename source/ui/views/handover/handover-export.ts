/** The previewed handover as a file's text and name (the desk writes it beside the store: effects/run-desk-effect.ts; no welfare notes). */
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
