/**
 * The demo team with DS Brennan away in the period, kept in parts as a cover change leaves it
 * (absence-cover.ts): DC Marsh covers 10-11 Dec, nobody 12 Dec, DC Shah from 13 Dec (QA 8 D4). One late
 * review is made the cover's: due 10 Dec (a Marsh day), signed 13 Dec by DC Shah. The chain entry is
 * edited in this copy only, for builders that read entries, not verify them.
 */
import type {StoreData} from '../../../source/domain/model.js';
import {loadDemo} from './hostile-store.js';

export const AWAY_TODAY = '2026-12-14';
export const AWAY_PERIOD = {from: '2026-11-30', to: '2026-12-14'};

export {quietTrigger} from '../../helpers/quiet-trigger.js';

export function awayStore(): {data: StoreData; coverSeq: number} {
	const demo = loadDemo();
	const first = demo.absences.find(a => a.id === 'ab0002')!;
	const recorded = {recordedAt: '2026-11-23T08:00:00.000Z', recordedBy: 'o0001'};
	const absences = demo.absences.flatMap(a =>
		a.id !== 'ab0002'
			? [a]
			: [
					{...first, to: '2026-12-11', coverOfficerId: 'o0006'},
					{...first, ...recorded, id: 'ab0090', partOf: 'ab0002', from: '2026-12-12', to: '2026-12-12', coverOfficerId: null},
					{...first, ...recorded, id: 'ab0091', partOf: 'ab0002', from: '2026-12-13', coverOfficerId: 'o0008'},
				],
	);
	// The latest review in the period becomes the cover's late review.
	const at = demo.chain.findLastIndex(e => e.kind === 'review' && e.data.date >= AWAY_PERIOD.from);
	const entry = demo.chain[at]!;
	if (entry.kind !== 'review') throw new Error('not a review');
	const chain = demo.chain.slice();
	chain[at] = {...entry, data: {...entry.data, dueDate: '2026-12-10', date: '2026-12-13', reviewerId: 'o0008'}};
	return {data: {...demo, absences, chain}, coverSeq: entry.seq};
}
