/**
 * QA 7 D7 through the command line: DS Brennan's sick leave (ab0002, 10 Dec-04 Feb 2027) kept in parts by
 * `absence change --cover --from --to` (README "Absences") is one absence in `fortnight handover`
 * (Markdown and JSON) and one event in `fortnight calendar`.
 */
import {rmSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {Value} from '@sinclair/typebox/value';
import {HandoverSchema} from '../../source/domain/handover/schema.js';
import {demoCopy, runCli} from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

const run = (file: string, today: string, ...args: string[]) =>
	runCli(['--store', file, '--today', today, '--as', 'Okafor', ...args], {env: {FORTNIGHT_NOW: `${today}T09:00:00Z`}});

function brennanInParts(): string {
	const copy = demoCopy();
	dirs.push(copy.dir);
	for (const [cover, from, to] of [
		['Marsh', '2026-12-10', '2026-12-13'],
		['Carter', '2026-12-14', '2026-12-19'],
		['Shah', '2026-12-20', '2026-12-27'],
		['Carter', '2026-12-28', '2027-02-04'],
	] as const) {
		const r = run(copy.store, '2026-12-04', 'absence', 'change', 'ab0002', '--cover', cover, '--from', from, '--to', to);
		expect(r.code, r.stderr).toBe(0);
	}
	return copy.store;
}

describe('an absence kept in parts, from the command line', () => {
	it('handover says one start until 04 Feb 2027 with the cover changes, and no end on 13 Dec', () => {
		const store = brennanInParts();
		const md = run(store, '2026-12-04', 'handover');
		expect(md.code, md.stderr).toBe(0);
		expect(md.stdout).toContain(
			'DS Brennan: Absence starts: On sick leave until 04 Feb 2027; cover DC Helen Marsh; cover DC Ben Carter from 14 Dec; ' +
				'cover DC Amira Shah from 20 Dec; cover DC Ben Carter from 28 Dec.',
		);
		expect(md.stdout).not.toMatch(/Brennan: Absence ends/);
		expect(md.stdout.match(/Brennan: Absence starts/g)).toHaveLength(1);

		const json = run(store, '2026-12-10', 'handover', '--format', 'json');
		expect(json.code, json.stderr).toBe(0);
		const doc = JSON.parse(json.stdout) as {inWindow: {kind: string; officerId: string; recordId: string; date: string}[]};
		expect([...Value.Errors(HandoverSchema, doc)]).toEqual([]);
		expect(
			doc.inWindow.filter(i => i.officerId === 'o0002' && i.kind.startsWith('absence')).map(i => `${i.date} ${i.kind} ${i.recordId}`),
		).toEqual(['2026-12-10 absence-start ab0002']);
	});

	it('calendar has one event for the whole absence', () => {
		const store = brennanInParts();
		const ics = run(store, '2026-12-04', 'calendar');
		expect(ics.code, ics.stderr).toBe(0);
		const brennan = ics.stdout.split('BEGIN:VEVENT').filter(e => e.includes('SUMMARY:DS Brennan away'));
		expect(brennan).toHaveLength(1);
		expect(brennan[0]).toContain('UID:absence-ab0002@');
		expect(brennan[0]).toContain('DTSTART;VALUE=DATE:20261210');
		expect(brennan[0]).toContain('DTEND;VALUE=DATE:20270205');
	});
});
