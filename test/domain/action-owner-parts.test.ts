/**
 * REVIEW 8 D7: the default owner of a new action took "the OIC's named cover" from the first record of the
 * OIC's absence in the window; on an absence kept in parts that is the part under way today, not the cover
 * of the days the action needs (its due date).
 */
import {describe, expect, it} from 'vitest';
import {defaultActionOwner} from '../../source/domain/action-owners.js';
import type {Absence} from '../../source/domain/model.js';
import {demoData} from '../helpers/demo.js';

describe('the default owner of an action while the OIC is away, the absence kept in parts', () => {
	it('is the cover of the due date, whether or not the cover of today is at work throughout', () => {
		const demo = demoData();
		const sergeant = demo.team.sergeantId;
		const dcs = demo.officers.filter(o => o.role === 'investigator' && o.leftUnit === null && o.supervisorId === sergeant);
		const [oic, early, late] = [dcs[0]!, dcs[1]!, dcs[2]!];
		const today = '2026-12-07';
		const base = {officerId: oic.id, reason: 'annual-leave' as const, recordedAt: '2026-12-01T09:00:00.000Z', recordedBy: sergeant};
		const absences: Absence[] = [
			{...base, id: 'ab9001', from: '2026-12-05', to: '2026-12-09', coverOfficerId: early.id},
			{...base, id: 'ab9002', from: '2026-12-10', to: '2026-12-31', coverOfficerId: late.id, partOf: 'ab9001'},
		];
		// `early` is away from the 12th: not at work until the due date, so not "at work throughout".
		const earlyAway: Absence = {...base, id: 'ab9003', officerId: early.id, from: '2026-12-12', to: '2026-12-20', coverOfficerId: null};
		const data = {...demo, absences: [...absences]};
		const owner = defaultActionOwner(data, oic.id, '2026-12-20', today);
		expect(owner).toBe(late.id);
		const owner2 = defaultActionOwner({...data, absences: [...absences, earlyAway]}, oic.id, '2026-12-20', today);
		expect(owner2).toBe(late.id);
	});
});
