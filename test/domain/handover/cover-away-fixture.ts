/**
 * QA pass 4, D-E: DS Brennan sick 10 Dec-04 Feb with DC Marsh (o0006) named as cover, and DC Marsh
 * on annual leave 20-27 Dec. Shared by the domain, export, command and view tests of the gap.
 */
import {addAbsence, changeAbsence} from '../../../source/domain/absences.js';
import type {StoreData} from '../../../source/domain/model.js';
import {demoData} from './fixtures.js';

export const MARSH = 'o0006';
export const INSPECTOR = 'o0001';

export function coverAwayData(): StoreData {
	const covered = changeAbsence(demoData(), 'ab0002', {coverOfficerId: MARSH}).data;
	return addAbsence(covered, {
		officerId: MARSH,
		from: '2026-12-20',
		to: '2026-12-27',
		reason: 'annual-leave',
		coverOfficerId: null,
		recordedBy: 'o0002',
		recordedAt: '2026-11-30T09:00:00.000Z',
	}).data;
}
