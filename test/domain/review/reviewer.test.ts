import {describe, expect, it} from 'vitest';
import type {Absence} from '../../../source/domain/model.js';
import {reviewerFor} from '../../../source/domain/review/reviewer.js';
import {demoData} from '../../ui/desk-harness.js';

const data = demoData();
const sergeant = data.team.sergeantId; // DS Brennan, o0002
const absence = (over: Partial<Absence>): Absence => ({id: 'abT', officerId: sergeant, from: '2026-12-01', to: '2026-12-05', reason: 'sick', coverOfficerId: null, ...over}) as Absence;

describe('who signs a review made at the desk', () => {
	it('is the sergeant, or the named cover while the sergeant is away', () => {
		expect(reviewerFor(data, '2026-11-30')).toBe(sergeant);
		const covered = {...data, absences: [...data.absences, absence({coverOfficerId: 'o0006'})]};
		expect(reviewerFor(covered, '2026-12-01')).toBe('o0006');
		expect(reviewerFor(covered, '2026-12-06')).toBe(sergeant);
	});

	it('is not a named cover who is away that day too', () => {
		// DC Grant (o0007) is on annual leave 03-12 Dec in the demo.
		const grant = data.absences.find(a => a.officerId === 'o0007')!;
		expect(grant.from <= '2026-12-04' && (grant.to ?? '9999') >= '2026-12-04').toBe(true);
		const coverAway = {...data, absences: [...data.absences, absence({coverOfficerId: 'o0007'})]};
		expect(reviewerFor(coverAway, '2026-12-01')).toBe('o0007');
		expect(reviewerFor(coverAway, '2026-12-04')).toBe(sergeant);
	});
});
