// placeholder: rules API (the real module on branch `rules` replaces this file at merge).
import type {StoreData} from '../model.js';

export interface Workload {
	officerId: string;
	liveCases: number;
	points: number;
	fte: number;
	percent: number;
	excessive: boolean;
}

export function workloadFor(_data: StoreData, officerId: string): Workload {
	return {officerId, liveCases: 0, points: 0, fte: 0, percent: 0, excessive: false};
}
