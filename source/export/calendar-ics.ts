/**
 * A calendar document as iCalendar (RFC 5545): one VEVENT per event, all-day (DATE values, DTEND the
 * day after the last), TEXT values escaped (backslash, semicolon, comma, line break), every content
 * line folded at 75 octets without splitting a UTF-8 character, CRLF line ends. String in, string out.
 */
import type {CalendarDocument, CalendarEvent} from './calendar-events.js';

/** RFC 5545 section 3.3.11: TEXT escapes. Callers pass text already through safeText (no controls). */
export function icsText(s: string): string {
	return s
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 section 3.1: lines longer than 75 octets are split, the continuation starting with one
 * space; the split falls between characters, never inside one's UTF-8 bytes.
 */
export function foldLine(line: string): string {
	if (Buffer.byteLength(line, 'utf8') <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const n = Buffer.byteLength(ch, 'utf8');
		// The first line holds 75 octets; each continuation 74 after its leading space.
		if (octets + n > (parts.length === 0 ? 75 : 74)) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += ch;
		octets += n;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const date = (d: string) => d.replace(/-/g, '');
/** 2026-11-30T09:00:00.000Z -> 20261130T090000Z. */
const stamp = (instant: string) => `${instant.slice(0, 19).replace(/[-:]/g, '')}Z`;

function eventLines(e: CalendarEvent, dtstamp: string): string[] {
	return [
		'BEGIN:VEVENT',
		`UID:${icsText(e.uid)}`,
		`DTSTAMP:${dtstamp}`,
		`DTSTART;VALUE=DATE:${date(e.start)}`,
		`DTEND;VALUE=DATE:${date(e.end)}`,
		`SUMMARY:${icsText(e.summary)}`,
		`DESCRIPTION:${icsText(e.description.join('\n'))}`,
		`CATEGORIES:${icsText(e.category)}`,
		// A day's reminders, not time blocked out: the cover's own diary stays free.
		'TRANSP:TRANSPARENT',
		'END:VEVENT',
	];
}

export function renderCalendarIcs(doc: CalendarDocument): string {
	const dtstamp = stamp(doc.generatedAt);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//fortnight//handover calendar//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${icsText(doc.name)}`,
		...doc.events.flatMap(e => eventLines(e, dtstamp)),
		'END:VCALENDAR',
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
