/**
 * QA 8 D9: DS Brennan's sick leave (ab0002, 10 Dec-04 Feb 2027) covered by DC Marsh; on 14 Dec the inspector
 * changes the cover to DC Shah from 14 Dec (a part recorded that day). The handover replayed on 12 Dec, or
 * written on 04 Dec, already named DC Shah from 14 Dec, while `problems` and `whoami` that day did not. The
 * handover reads the absence as it stood on the day asked, as the rules do (docs/rules.md "Reviews while
 * the supervisor is away": "read on a day before a cover change ...").
 */
import {describe, expect, it} from 'vitest';
import type {Absence, StoreData} from '../../../source/domain/model.js';
import {handoverCovers} from '../../../source/domain/handover/build.js';
import {demoData, handoverOf} from './fixtures.js';

const MARSH = 'o0006';
const SHAH = 'o0008';

/** ab0002 covered by DC Marsh (named on 04 Dec), then DC Shah from 14 Dec, recorded on 14 Dec. */
function shahFrom14Dec(): StoreData {
	const data = demoData();
	const first = data.absences.find(a => a.id === 'ab0002')!;
	const marsh: Absence = {...first, to: '2026-12-13', coverOfficerId: MARSH};
	const shah: Absence = {
		...first,
		id: 'ab0090',
		partOf: 'ab0002',
		from: '2026-12-14',
		coverOfficerId: SHAH,
		recordedAt: '2026-12-14T09:00:00.000Z',
		recordedOn: '2026-12-14',
	};
	data.absences = [...data.absences.filter(a => a.id !== 'ab0002'), marsh, shah];
	return data;
}

function coversOn(data: StoreData, today: string, from: string, to: string) {
	const covers = handoverCovers(data, from, to, null, today);
	return {covers, h: handoverOf(data, {from, to, today, ...covers})};
}

describe('the handover replayed on a day before a cover change was recorded (QA 8 D9)', () => {
	it('names the cover as it stood that day, to the end of the absence', () => {
		const data = shahFrom14Dec();
		for (const [today, from, to] of [
			['2026-12-12', '2026-12-12', '2026-12-25'],
			['2026-12-04', '2026-12-04', '2026-12-17'],
		] as const) {
			const {covers, h} = coversOn(data, today, from, to);
			expect(
				covers.covers!.map(c => `${c.officerId} ${c.from} ${c.to}`),
				today,
			).toEqual([`${MARSH} ${from > '2026-12-10' ? from : '2026-12-10'} ${to}`]);
			// The officer section and the dated items know no DC Shah either.
			expect(JSON.stringify(h), today).not.toContain('DC Amira Shah covers');
			expect(JSON.stringify(h.officers.find(o => o.officerId === 'o0002')), today).not.toContain('Shah');
		}
	});

	it('from the day the change was recorded, names DC Shah from 14 Dec', () => {
		const {covers} = coversOn(shahFrom14Dec(), '2026-12-14', '2026-12-14', '2026-12-27');
		expect(covers.covers!.map(c => `${c.officerId} ${c.from} ${c.to}`)).toEqual([`${SHAH} 2026-12-14 2026-12-27`]);
		const earlier = coversOn(shahFrom14Dec(), '2026-12-14', '2026-12-12', '2026-12-25').covers;
		expect(earlier.covers!.map(c => `${c.officerId} ${c.from} ${c.to}`)).toEqual([
			`${MARSH} 2026-12-12 2026-12-13`,
			`${SHAH} 2026-12-14 2026-12-25`,
		]);
	});
});
