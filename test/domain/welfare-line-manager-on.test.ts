/**
 * A welfare note is read by the officer's line manager OF ITS DATE (DOMAIN "Welfare notes"; permissions.ts
 * lineManagerOn, mayReadWelfareNote). The file store asked today's line manager (REVIEW-7 D4): after a
 * handover the new sergeant read every earlier note about her officers, and the sergeant of those dates none.
 * test/store/pg-welfare-who-reads.test.ts asks the same of PostgreSQL.
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {lineManagerOn, mayReadWelfareNote} from '../../source/domain/permissions.js';
import {demoData} from '../helpers/demo.js';
import {DEMO_TODAY} from '../helpers/cli.js';

const OKAFOR = 'o0001';
const BRENNAN = 'o0002';
const IQBAL = 'o0004';
const MARSH = 'o0006';
const CARTER = 'o0009';

/** Brennan handed the team to Marsh (acting up as DS) on 1 Nov: the supervision history and the officers' supervisor say so. */
function handedOver(): StoreData {
	const d = demoData();
	return {
		...d,
		team: {
			...d.team,
			sergeantId: MARSH,
			supervision: [
				...d.team.supervision.filter(p => p.role !== 'sergeant'),
				{role: 'sergeant', officerId: BRENNAN, from: null, to: '2026-11-01', by: null, reason: 'before'},
				{role: 'sergeant', officerId: MARSH, from: '2026-11-01', to: null, by: OKAFOR, reason: 'handover'},
			],
		},
		officers: d.officers.map(o =>
			o.id === MARSH
				? {...o, role: 'sergeant' as const, supervisorId: OKAFOR}
				: o.supervisorId === BRENNAN
					? {...o, supervisorId: MARSH}
					: o,
		),
	};
}

describe('welfare notes: the line manager of the note date', () => {
	it("after a handover, a note of October is Brennan's to read, not the new sergeant's; one of November the reverse", () => {
		const data = handedOver();
		const october = {officerId: IQBAL, by: CARTER, date: '2026-10-10'};
		const november = {officerId: IQBAL, by: CARTER, date: '2026-11-20'};
		expect([mayReadWelfareNote(data, BRENNAN, october, DEMO_TODAY), mayReadWelfareNote(data, MARSH, october, DEMO_TODAY)]).toEqual([
			true,
			false,
		]);
		expect([mayReadWelfareNote(data, BRENNAN, november, DEMO_TODAY), mayReadWelfareNote(data, MARSH, november, DEMO_TODAY)]).toEqual([
			false,
			true,
		]);
	});

	it("a second sergeant's officer is hers on every date (her line has no history), never the team's sergeant's", () => {
		const d = demoData();
		const data = {
			...d,
			officers: d.officers.map(o =>
				o.id === MARSH
					? {...o, rank: 'DS' as const, role: 'sergeant' as const, supervisorId: OKAFOR}
					: o.id === CARTER
						? {...o, supervisorId: MARSH}
						: o,
			),
		};
		expect(lineManagerOn(data, CARTER, '2026-10-10')?.id).toBe(MARSH);
		expect(mayReadWelfareNote(data, BRENNAN, {officerId: CARTER, by: OKAFOR, date: '2026-10-10'}, DEMO_TODAY)).toBe(false);
		// A sergeant recorded under the inspector has the inspector of that date.
		expect(lineManagerOn(data, MARSH, '2026-10-10')?.id).toBe(OKAFOR);
		expect(lineManagerOn(data, OKAFOR, '2026-10-10')).toBeUndefined();
	});
});
