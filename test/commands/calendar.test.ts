/**
 * `fortnight calendar` (issue 21 item 10), read back with a real iCalendar parser (ical.js): one all-day
 * event per dated item of the shown kinds and per absence, on the right days, UIDs stable across runs
 * and windows, hostile store text round-tripping as text, RFC 5545 folding and CRLF, no welfare.
 */
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import {describe, expect, it} from 'vitest';
import command from '../../source/commands/calendar.js';
import {addDays} from '../../source/domain/dates.js';
import {WINDOW_KINDS} from '../../source/domain/handover/schema.js';
import type {StoreData} from '../../source/domain/model.js';
import {safeText} from '../../source/domain/safe-text.js';
import {NEVER_IN_CALENDAR} from '../../source/export/calendar-events.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {foldLine} from '../../source/export/calendar-ics.js';
import {demoCopy, runCli, DEMO_TODAY} from '../helpers/cli.js';
import {handoverOf} from '../domain/handover/fixtures.js';
import {runCommand} from './in-process.js';

interface ParsedEvent {
	uid: string;
	summary: string;
	description: string;
	start: string;
	end: string;
	allDay: boolean;
	category: string;
}

function parse(ics: string): {name: string; events: ParsedEvent[]} {
	const cal = new ICAL.Component(ICAL.parse(ics));
	const events = cal.getAllSubcomponents('vevent').map(v => {
		const e = new ICAL.Event(v);
		return {
			uid: e.uid,
			summary: e.summary,
			description: e.description,
			start: e.startDate.toString(),
			end: e.endDate.toString(),
			allDay: e.startDate.isDate && e.endDate.isDate,
			category: String(v.getFirstPropertyValue('categories')),
		};
	});
	// ical.js leaves an X- property's value as written; RFC 5545 gives it the TEXT type, so unescape it here.
	const name = String(cal.getFirstPropertyValue('x-wr-calname')).replace(/\\([\\;,nN])/g, (_m, c: string) =>
		c === 'n' || c === 'N' ? '\n' : c,
	);
	return {name, events};
}

const calendar = (store: string, flags: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) =>
	runCommand(command, store, [], flags, {env});
/** The store file as written (to edit it), and as fortnight reads it (migrated: README "Case history"). */
const storeData = (store: string) => JSON.parse(readFileSync(store, 'utf8')) as StoreData;
const loaded = (store: string) => loadStoreText(readFileSync(store, 'utf8'), store).data;

/** The kinds shown as events of their own (absences are one event each, from the officer sections). */
const SHOWN = WINDOW_KINDS.filter(
	k => !NEVER_IN_CALENDAR.includes(k) && k !== 'action-due' && k !== 'absence-start' && k !== 'absence-end',
);

describe('fortnight calendar', () => {
	it('one all-day event per dated item and per absence, on its day, parsed by ical.js', async () => {
		const {store} = demoCopy();
		const r = await calendar(store);
		expect(r.code, r.stderr).toBe(0);
		const {name, events} = parse(r.stdout);
		expect(name).toBe('POLIT: online child abuse investigation team: 30 Nov 2026 to 13 Dec 2026');
		const h = handoverOf(loaded(store));
		const items = h.inWindow.filter(i => SHOWN.includes(i.kind));
		const absences = h.officers.flatMap(o => o.absences.map(a => ({...a, officer: o.name})));
		expect(events.length).toBe(items.length + absences.length);
		expect(new Set(events.map(e => e.uid)).size).toBe(events.length);
		expect(events.every(e => e.allDay)).toBe(true);
		// Each item on its own day, ending the next (DTEND is exclusive).
		for (const i of items) {
			const e = events.find(x => x.start === i.date && x.summary.includes(i.caseRef!) && x.description.startsWith(`${i.label}:`));
			expect(e, `${i.kind} ${i.caseRef} ${i.date}`).toBeDefined();
			expect(e!.end).toBe(addDays(i.date, 1));
		}
		// The bail period end says who must authorise, by name where the store has the inspector.
		expect(events.find(e => e.summary.startsWith('Bail ends CR/87204/26'))).toMatchObject({
			start: '2026-12-11',
			summary: 'Bail ends CR/87204/26 (DC Ashworth): extension by DI Rachel Okafor - OIC away, NOBODY covers',
			category: 'Bail',
		});
		expect(events.find(e => e.summary.startsWith('Bail ends CR/31909/26'))?.summary).toBe(
			'Bail ends CR/31909/26 (DC Carter): extension by a superintendent',
		);
		// An absence spans its days; an open-ended one runs to the window's end and says so.
		expect(events.find(e => e.uid.startsWith('absence-ab0003@'))).toMatchObject({
			start: '2026-11-28',
			end: '2026-12-14',
			summary: 'DC Ashworth away (no end date); NO COVER named',
		});
		expect(events.find(e => e.summary.startsWith('DC Grant away'))).toMatchObject({
			start: '2026-12-03',
			end: '2026-12-13',
			summary: 'DC Grant away; DC Shah covers',
		});
	});

	it('keeps every UID from one run to the next and from one window to an overlapping one', async () => {
		const {store} = demoCopy();
		const first = parse((await calendar(store, {}, {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'})).stdout).events;
		const again = parse((await calendar(store, {}, {FORTNIGHT_NOW: '2026-12-01T17:45:00Z'})).stdout).events;
		expect(again.map(e => e.uid)).toEqual(first.map(e => e.uid));
		// A later window: the events both hold have the same UID, so a newer import updates them.
		const later = parse((await calendar(store, {from: '2026-12-05', to: '2026-12-18'})).stdout).events;
		const shared = first.filter(e => e.start >= '2026-12-05');
		expect(shared.length).toBeGreaterThan(20);
		for (const e of shared) expect(later.find(x => x.uid === e.uid)?.start, e.summary).toBe(e.start);
		// A review done moves its date: the event keeps its UID (it is "the review of that case").
		const data = storeData(store);
		data.cases.find(c => c.ref === 'CR/52809/26')!.nextReviewDue = '2026-12-09';
		writeFileSync(store, JSON.stringify(data));
		const moved = parse((await calendar(store)).stdout).events;
		const before = first.find(e => e.summary.startsWith('Review CR/52809/26'))!;
		expect(moved.find(e => e.uid === before.uid)?.start).toBe('2026-12-09');
	});

	it('escapes hostile text, folds at 75 octets without splitting a character, ends lines with CRLF', async () => {
		const {store} = demoCopy();
		const data = storeData(store);
		const hostile = "Zoë; O'Brien, \\ back\\slash, comma, semi;colon ✓ 😀 line\nbreak\r\nCRLF END:VEVENT";
		const long = `${'Ünïcødé ✓ '.repeat(18)}ends`;
		data.team.name = hostile;
		data.officers.find(o => o.id === 'o0003')!.name = hostile;
		const c = data.cases.find(x => x.ref === 'CR/54818/26')!;
		c.forensics.find(f => f.resultOn === null && f.expected === '2026-12-05')!.item = long;
		writeFileSync(store, JSON.stringify(data));
		const r = await calendar(store, {cover: 'Sgt Ü; x, y \\ z', coverOutside: true});
		expect(r.code, r.stderr).toBe(0);
		// Physical lines: CRLF only, none over 75 octets, and a continuation never starts mid-character.
		expect(r.stdout.endsWith('\r\n')).toBe(true);
		const lines = r.stdout.slice(0, -2).split('\r\n');
		for (const l of lines) {
			expect(l).not.toMatch(/[\r\n]/);
			expect(Buffer.byteLength(l, 'utf8'), l).toBeLessThanOrEqual(75);
			expect(l).not.toContain('\ufffd');
		}
		expect(lines.filter(l => l === 'END:VEVENT').length).toBe(lines.filter(l => l === 'BEGIN:VEVENT').length);
		// RFC 5545 TEXT escapes on the wire (a parser may forgive their absence; the RFC does not).
		const unfolded = r.stdout.replace(/\r\n /g, '');
		expect(unfolded).toContain(
			"DESCRIPTION:Review due: CR/43392/26\\, DC Zoë\\; O'Brien\\, \\\\ back\\\\slash\\, comma\\, semi\\;colon ✓ 😀 line␊break␊CRLF END:VEVENT.\\nLow risk.",
		);
		const {name, events} = parse(r.stdout);
		// As text, exactly as fortnight shows it everywhere (safeText makes the line breaks visible).
		const shown = safeText(hostile);
		expect(name).toBe(`${shown}: 30 Nov 2026 to 13 Dec 2026; cover Sgt Ü; x, y \\ z`);
		const ashworth = events.filter(e => e.description.includes(`DC ${shown}`));
		expect(ashworth.length).toBeGreaterThan(5);
		expect(events.find(e => e.category === 'Forensics' && e.start === '2026-12-05')?.description).toContain(`Item: ${long}.`);
		expect(
			foldLine('é'.repeat(60))
				.split('\r\n ')
				.every(p => Buffer.byteLength(p) <= 75),
		).toBe(true);
	});

	it('holds no welfare information and never says why anyone is away', async () => {
		const {store, welfare} = demoCopy();
		const notes = (JSON.parse(readFileSync(welfare, 'utf8')) as {notes: {text: string}[]}).notes;
		const r = await calendar(store, {from: '2026-11-01', to: '2027-01-31'});
		expect(r.code, r.stderr).toBe(0);
		for (const n of notes) expect(r.stdout).not.toContain(n.text.slice(0, 30));
		const unfolded = r.stdout.replace(/\r\n /g, '');
		expect(unfolded).not.toMatch(/welfare|check-in|action plan|sick|annual leave|training|restricted duties/i);
		// The welfare check-ins and action-plan reviews the handover holds for the window are not events.
		const h = handoverOf(loaded(store), {from: '2026-11-01', to: '2027-01-31'});
		expect(h.inWindow.some(i => NEVER_IN_CALENDAR.includes(i.kind))).toBe(true);
		expect(parse(r.stdout).events.length).toBe(
			h.inWindow.filter(i => SHOWN.includes(i.kind)).length + h.officers.flatMap(o => o.absences).length,
		);
	});

	it('--out writes a new file 0600 through the one export writer; an existing file needs --force; never the store', async () => {
		const {store, dir} = demoCopy();
		const file = path.join(dir, 'cover.ics');
		const r = await calendar(store, {out: file});
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toMatch(/^Wrote \d+ events for 2026-11-30 to 2026-12-13 to /);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(parse(readFileSync(file, 'utf8')).events.length).toBeGreaterThan(50);
		const again = await calendar(store, {out: file});
		expect(again.code).toBe(2);
		expect(again.stderr).toContain('--force');
		expect((await calendar(store, {out: file, force: true})).code).toBe(0);
		const refused = await calendar(store, {out: store, force: true});
		expect(refused.code).toBe(2);
		expect(JSON.parse(readFileSync(store, 'utf8'))).toHaveProperty('cases');
		expect(existsSync(`${store}.tmp`)).toBe(false);
	});

	it('refuses bad windows and stray words with exit 2; the built CLI lists and runs it', async () => {
		const {store} = demoCopy();
		for (const flags of [
			{from: '2026-02-30'},
			{from: '2026-12-10', to: '2026-12-01'},
			{from: '2026-01-01', to: '2027-01-01'},
			{coverOutside: true},
		]) {
			const r = await calendar(store, flags);
			expect(r.code, JSON.stringify(flags)).toBe(2);
			expect(r.stdout).toBe('');
		}
		expect((await runCommand(command, store, ['now'], {})).code).toBe(2);
		const cli = runCli(['calendar', '--store', store, '--today', DEMO_TODAY], {env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'}});
		expect(cli.code, cli.stderr).toBe(0);
		expect(cli.stdout.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(cli.stdout).toContain('DTSTAMP:20261130T090000Z');
		expect(runCli(['help', 'calendar']).stdout).toContain('Usage: fortnight calendar');
	});
});
