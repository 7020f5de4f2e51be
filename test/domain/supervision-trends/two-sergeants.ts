/**
 * The demo team split between two sergeants: DS Tom Brennan (o0002) keeps o0003-o0006, and a second
 * sergeant, DS Nadia Cole (o0012, in the unit since March 2025 with no welfare check-in recorded),
 * line-manages o0007-o0011. Nothing else changes, so every figure can be checked against the demo.
 */
import type {StoreData} from '../../../source/domain/model.js';
import {loadDemo} from '../review-log/hostile-store.js';

export const SECOND_SERGEANT = 'o0012';
export const SECOND_TEAM = ['o0007', 'o0008', 'o0009', 'o0010', 'o0011'];

export function twoSergeants(data: StoreData = loadDemo()): StoreData {
	const brennan = data.officers.find(o => o.id === 'o0002')!;
	const cole = {...brennan, id: SECOND_SERGEANT, collarNumber: 'DS 4471', name: 'Nadia Cole', joinedUnit: '2025-03-01', login: undefined};
	const officers = [...data.officers.map(o => (SECOND_TEAM.includes(o.id) ? {...o, supervisorId: SECOND_SERGEANT} : o)), cole];
	return {...data, officers};
}
