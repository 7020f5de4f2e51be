/**
 * QA 3 defects 6 and 7: an officer's own case or welfare goes to whoever supervises them that day (their
 * sergeant, the cover on the sergeant's days away, else the inspector), and a case is never moved to an
 * officer nobody in the store supervises (the team's inspector with no one recorded above them).
 */
import {describe, expect, it} from 'vitest';
import {hasSupervisor, nextUpWords, ownWorkGoesTo} from '../../source/domain/independence.js';
import type {StoreData} from '../../source/domain/model.js';
import {mayReallocate, mayRecordWelfare} from '../../source/domain/permissions.js';
import {reallocationChoices} from '../../source/domain/reallocate.js';
import {openDraft} from '../../source/domain/review/index.js';
import {loadDemo, sergeantAway, TODAY} from './review/fixtures.js';

const DI = 'o0001';
const DS = 'o0002';
const IQBAL = 'o0004';
const MARSH = 'o0006';
const IQBAL_CASE = 'CR/25310/26';

const marshCovers = (): StoreData => sergeantAway(MARSH, '2026-12-01', '2026-12-05', 'abQ');

const reason = (p: {ok: boolean; reason?: string}) => (p.ok ? '' : (p.reason ?? ''));

describe("an officer's own case or welfare goes to whoever supervises them that day (QA 3 defect 7)", () => {
	it('to their sergeant when the sergeant is at work, not to the inspector', () => {
		const data = loadDemo();
		expect(reason(mayReallocate(data, IQBAL, IQBAL_CASE, 'o0010', TODAY))).toBe(
			'DC Iqbal holds CR/25310/26, so cannot reallocate it: no one supervises their own cases. It goes to DS Brennan.',
		);
		expect(reason(mayRecordWelfare(data, IQBAL, IQBAL, TODAY))).toBe(
			'DC Iqbal cannot record their own welfare check-in. It goes to DS Brennan.',
		);
	});

	it("to the cover named for the sergeant's days away; the cover's own to the inspector; with nobody covering, the inspector", () => {
		const data = marshCovers();
		expect(ownWorkGoesTo(data, IQBAL, '2026-12-02')).toBe('DC Marsh (covering DS Brennan)');
		expect(reason(mayRecordWelfare(data, IQBAL, IQBAL, '2026-12-02'))).toContain('It goes to DC Marsh (covering DS Brennan).');
		expect(ownWorkGoesTo(data, MARSH, '2026-12-02')).toBe("DI Okafor (the team's inspector)");
		// 11 Dec: DS Brennan is on sick leave with no cover named.
		expect(ownWorkGoesTo(data, IQBAL, '2026-12-11')).toBe("DI Okafor (the team's inspector)");
		// The sergeant's own goes to their line manager, the inspector.
		expect(ownWorkGoesTo(data, DS, TODAY)).toBe("DI Okafor (the team's inspector)");
	});
});

describe('a case is not moved to an officer nobody supervises (QA 3 defect 6)', () => {
	it("refuses a move to the team's inspector, by the sergeant or by the inspector herself, and leaves her out of the list", () => {
		const data = loadDemo();
		expect(hasSupervisor(data, DI)).toBe(false);
		for (const by of [DS, DI]) {
			expect(reason(mayReallocate(data, by, 'CR/87204/26', DI, TODAY))).toBe(
				'CR/87204/26 cannot be moved to DI Okafor: no one in this store supervises DI Okafor, so nobody could review it ' +
					'(no one supervises their own cases). Choose an officer in the team, or record who supervises DI Okafor first.',
			);
		}
		expect(mayReallocate(data, DI, 'CR/87204/26', DS, TODAY)).toEqual({ok: true, as: 'inspector'});
		const listed = reallocationChoices(data, 'CR/87204/26', TODAY, TODAY).map(c => c.officerId);
		expect(listed).toContain(DS);
		expect(listed).not.toContain(DI);
	});

	it('never says the store names no inspector when it does; a recorded line manager above the inspector takes her cases', () => {
		const data = loadDemo();
		expect(nextUpWords(data, DI)).toBe("an independent supervisor above DI Okafor (the store records nobody above the team's inspector)");
		const dci = {...data.officers.find(o => o.id === DI)!, id: 'o0099', name: 'Ann Chief', rank: 'DCI' as const, collarNumber: '9999'};
		const withDci: StoreData = {...data, officers: [...data.officers.map(o => (o.id === DI ? {...o, supervisorId: 'o0099'} : o)), dci]};
		expect(hasSupervisor(withDci, DI)).toBe(true);
		expect(nextUpWords(withDci, DI)).toBe('DCI Chief');
		expect(mayReallocate(withDci, DS, 'CR/87204/26', DI, TODAY)).toEqual({ok: true, as: 'sergeant'});
		expect(reallocationChoices(withDci, 'CR/87204/26', TODAY, TODAY).map(c => c.officerId)).toContain(DI);
	});
});

// Review 7 note 4: opening a review judged "who it goes to" on the clock's UTC day, not the day the desk works
// as: at 00:30 in London in summer, or after --today, the refusal named the wrong supervisor.
describe("a review of their own case goes to whoever supervises them on the desk's day", () => {
	it('names the cover on the first day of the absence when the clock is still on the UTC day before', () => {
		const data = marshCovers();
		expect(() => openDraft(data, IQBAL_CASE, IQBAL, '2026-11-30T23:30:00.000Z', '2026-12-01')).toThrow(
			'DC Iqbal holds CR/25310/26, so cannot review it: no one supervises their own cases. The review goes to DC Marsh (covering DS Brennan).',
		);
		expect(() => openDraft(data, IQBAL_CASE, IQBAL, '2026-12-06T10:00:00.000Z', '2026-11-30')).toThrow('The review goes to DS Brennan.');
	});
});
