/**
 * QA 8 R16: an absence kept in parts (absence-cover.ts: its cover changed for some days) was still said part
 * by part in two sentences: the refusal of a cover who is away ("DC Ashworth is away from 04 Dec" for sick
 * leave since 28 Nov; the desk's absence form "DS Brennan is away 14 Dec-04 Feb 2027" when away from 10 Dec),
 * and the --include-welfare refusal ("DS Brennan, their line manager, is away until 13 Dec" for an absence
 * to 04 Feb 2027). Each now says the whole absence.
 */
import {describe, expect, it} from 'vitest';
import type {Absence, StoreData} from '../../source/domain/model.js';
import {coverAwayProblem} from '../../source/domain/absences.js';
import {readableWelfareNotes} from '../../source/domain/permissions.js';
import {demoData} from '../helpers/demo.js';

const MARSH = 'o0006';
const SHAH = 'o0008';

/** DC Ashworth's sick leave (ab0003, from 28 Nov) with a cover from 04 Dec; DS Brennan's (ab0002) DC Marsh to 13 Dec, DC Shah from 14 Dec. */
function inParts(): StoreData {
	const data = demoData();
	const ashworth = data.absences.find(a => a.id === 'ab0003')!;
	const brennan = data.absences.find(a => a.id === 'ab0002')!;
	const parts: Absence[] = [
		{...ashworth, to: '2026-12-03'},
		{...ashworth, id: 'ab0090', partOf: 'ab0003', from: '2026-12-04', coverOfficerId: 'o0009'},
		{...brennan, to: '2026-12-13', coverOfficerId: MARSH},
		{...brennan, id: 'ab0091', partOf: 'ab0002', from: '2026-12-14', coverOfficerId: SHAH},
	];
	data.absences = [...data.absences.filter(a => a.id !== 'ab0003' && a.id !== 'ab0002'), ...parts];
	return data;
}

describe('an absence kept in parts, said whole (QA 8 R16)', () => {
	it("refuses a cover away with their absence's first day, not the part that clashes", () => {
		const data = inParts();
		expect(coverAwayProblem(data, 'o0003', {from: '2026-12-04', to: '2026-12-17'}, 'handover')).toMatch(
			/^DC Ashworth is away from 28 Nov \(sick\), during this handover/,
		);
		expect(coverAwayProblem(data, 'o0002', {from: '2026-12-14', to: '2026-12-20'})).toMatch(
			/^DS Brennan is away 10 Dec-04 Feb 2027 \(sick\)/,
		);
	});

	it("says the line manager is away until the absence's last day, not the end of the cover's part", () => {
		const note = {officerId: 'o0004', by: 'o0002', date: '2026-11-20'};
		const {refusal} = readableWelfareNotes(inParts(), MARSH, [note], [], '2026-12-12');
		expect(refusal).toContain('DS Brennan, their line manager, is away until 04 Feb 2027');
		expect(refusal).not.toContain('13 Dec');
	});
});
