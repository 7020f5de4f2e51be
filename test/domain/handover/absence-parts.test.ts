/**
 * An absence kept in parts (source/domain/absence-cover.ts: its cover changed for some days) is one
 * absence to the handover and the calendar (QA 7 D7): one "Absence starts" until its real last day, its
 * cover changes said as cover changes, one "ends", the first part's id; one calendar event.
 */
import {Value} from '@sinclair/typebox/value';
import {describe, expect, it} from 'vitest';
import type {Absence, StoreData} from '../../../source/domain/model.js';
import {HandoverSchema} from '../../../source/domain/handover/schema.js';
import {calendarDocument} from '../../../source/export/calendar-events.js';
import {renderHandoverMarkdown} from '../../../source/export/handover-md.js';
import {handoverLines} from '../../../source/ui/views/handover/handover-lines.js';
import {demoData, handoverOf} from './fixtures.js';

/** DS Brennan's sick leave 10 Dec-04 Feb 2027 (ab0002) in four parts, as `absence change --cover --from --to` keeps it. */
function brennanInParts(): StoreData {
	const data = demoData();
	const first = data.absences.find(a => a.id === 'ab0002')!;
	const part = (id: string, from: string, to: string, cover: string): Absence => ({
		...first,
		id,
		from,
		to,
		coverOfficerId: cover,
		...(id === 'ab0002' ? {} : {partOf: 'ab0002'}),
	});
	const parts = [
		part('ab0002', '2026-12-10', '2026-12-13', 'o0006'),
		part('ab0090', '2026-12-14', '2026-12-19', 'o0009'),
		part('ab0091', '2026-12-20', '2026-12-27', 'o0008'),
		part('ab0092', '2026-12-28', '2027-02-04', 'o0009'),
	];
	data.absences = [...data.absences.filter(a => a.id !== 'ab0002'), ...parts];
	return data;
}

const window = {from: '2026-12-04', to: '2026-12-17', today: '2026-12-04', generatedAt: '2026-12-04T09:00:00.000Z', chainHead: 'empty'};

describe('an absence kept in parts, in the handover', () => {
	it('gives one start until its real last day, with the cover changes, and no end inside its days', () => {
		const h = handoverOf(brennanInParts(), window);
		const items = h.inWindow.filter(i => i.officerId === 'o0002' && i.kind.startsWith('absence'));
		expect(items.map(i => `${i.date} ${i.kind} ${i.recordId}`)).toEqual(['2026-12-10 absence-start ab0002']);
		expect(items[0]!.detail).toBe(
			'On sick leave until 04 Feb 2027; cover DC Helen Marsh; cover DC Ben Carter from 14 Dec; cover DC Amira Shah from 20 Dec; cover DC Ben Carter from 28 Dec.',
		);
		expect(items[0]!.coverName).toBe('DC Helen Marsh');
		expect([...Value.Errors(HandoverSchema, JSON.parse(JSON.stringify(h)))]).toEqual([]);
	});

	it('gives one end, on its last day, with the first part id', () => {
		const h = handoverOf(brennanInParts(), {...window, from: '2027-01-28', to: '2027-02-10', today: '2027-01-28'});
		const items = h.inWindow.filter(i => i.officerId === 'o0002' && i.kind.startsWith('absence'));
		expect(items.map(i => `${i.date} ${i.kind} ${i.recordId} ${i.coverName}`)).toEqual(['2027-02-04 absence-end ab0002 DC Ben Carter']);
	});

	it('the officer section, Markdown and desk view read it whole, each cover with its days', () => {
		const h = handoverOf(brennanInParts(), window);
		const section = h.officers.find(o => o.officerId === 'o0002')!;
		// Every part is listed, those after the window too, so the reader sees the real last day.
		expect(section.absences.map(a => a.id)).toEqual(['ab0002', 'ab0090', 'ab0091', 'ab0092']);
		const md = renderHandoverMarkdown(h);
		expect(md).toContain(
			'Away for part of the window: on sick leave 10 Dec 2026 to 04 Feb 2027; 10 Dec 2026 to 13 Dec 2026: DC Helen Marsh covers their work; ' +
				'14 Dec 2026 to 19 Dec 2026: DC Ben Carter covers their work; 20 Dec 2026 to 27 Dec 2026: DC Amira Shah covers their work; ' +
				'28 Dec 2026 to 04 Feb 2027: DC Ben Carter covers their work.',
		);
		expect(md).not.toMatch(/Brennan: Absence ends/);
		expect(md.match(/Brennan: Absence starts/g)).toHaveLength(1);
		const desk = handoverLines(h).map(l => l.text);
		expect(desk.filter(l => l.includes('Availability: on sick leave 10 Dec to 04 Feb'))).toHaveLength(1);
	});

	it('is one calendar event for the whole absence, its covers in the description', () => {
		const events = calendarDocument(handoverOf(brennanInParts(), window)).events.filter(
			e => e.uid.startsWith('absence-ab00') && e.summary.includes('Brennan'),
		);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({uid: 'absence-ab0002@polit-east.fortnight', start: '2026-12-10', end: '2027-02-05'});
		expect(events[0]!.summary).toBe('DS Brennan away; covers change');
		expect(events[0]!.description).toEqual([
			'DS Tom Brennan is away from 10 Dec 2026 to 04 Feb 2027.',
			'10 Dec 2026 to 13 Dec 2026: DC Helen Marsh covers their work; 14 Dec 2026 to 19 Dec 2026: DC Ben Carter covers their work; ' +
				'20 Dec 2026 to 27 Dec 2026: DC Amira Shah covers their work; 28 Dec 2026 to 04 Feb 2027: DC Ben Carter covers their work.',
		]);
	});
});
