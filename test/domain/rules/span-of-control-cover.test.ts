/**
 * QA 9 R20: a sergeant covering another sergeant's absence supervises both teams for those weeks (the source
 * case: a sergeant managed 22 staff), so the span of control counts the officers of a supervisor away today
 * for whoever covers them, says so, and does not count them for the one away.
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {absence, officer, ofKind, store} from './fixture.js';

/** Two sergeants (s1 in the fixture, s2 added) with six detectives each; s2 sick from 07 Apr with s1 covering, or nobody. */
function twoTeams(cover: string | null): StoreData {
	const base = store();
	const dcs = (sup: string, prefix: string) => Array.from({length: 6}, (_, i) => officer(`${prefix}${i + 1}`, {supervisorId: sup}));
	return store({
		officers: [
			...base.officers.filter(o => o.id !== 'o1'),
			officer('s2', {rank: 'DS', role: 'sergeant', name: 'Kim Hartley', supervisorId: 'i1'}),
			...dcs('s1', 'a'),
			...dcs('s2', 'b'),
		],
		absences: [absence('ab1', 's2', '2027-04-07', '2027-05-31', {coverOfficerId: cover})],
	});
}

describe('span of control while a sergeant covers another', () => {
	it('before the absence neither sergeant is over; while s1 covers s2, s1 supervises 12, said as 6 own and 6 of the one covered', () => {
		expect(ofKind(twoTeams('s1'), '2027-04-06', 'span-of-control')).toEqual([]);
		const [p, ...more] = ofKind(twoTeams('s1'), '2027-04-10', 'span-of-control');
		expect(more).toEqual([]);
		expect(p).toMatchObject({id: 'span-of-control:s1', severity: 'amber', since: '2027-04-07'});
		expect(p!.message).toBe(
			'DS Sergeant supervises 12 officers directly today: 6 of their own and 6 of DS Hartley, whom they cover (warning above 8; 6 is usual)',
		);
		expect(p!.evidence.filter(e => e.detail.includes('covered by DS Sergeant'))).toHaveLength(6);
	});

	it('with nobody covering, the officers stay with the sergeant away (the no-cover problem is the alarm), and nobody is over', () => {
		expect(ofKind(twoTeams(null), '2027-04-10', 'span-of-control')).toEqual([]);
	});

	it('after the absence ends the count is back to each sergeant their own', () => {
		expect(ofKind(twoTeams('s1'), '2027-06-01', 'span-of-control')).toEqual([]);
	});
});
