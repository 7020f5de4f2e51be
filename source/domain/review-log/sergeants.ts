/** Who answers for whose reviews: each officer's sergeant, used to group the log and the exceptions. */
import type {Officer, StoreData} from '../model.js';

export interface SergeantIndex {
	officers: Map<string, Officer>;
	/** The sergeant responsible for this officer's cases. */
	sergeantOf(officerId: string): string;
	/** Sergeants in a stable order: the team's own sergeant first, then by name. */
	sergeants: Officer[];
}

/**
 * An officer's sergeant is their line manager when that manager is a sergeant; a sergeant answers for
 * their own cases; anyone else (no manager recorded, or managed by an inspector) falls to the team's
 * sergeant, so no case drops out of the report for want of a supervisor.
 */
export function sergeantIndex(data: StoreData): SergeantIndex {
	// Snapshots are immutable (the store's apply returns new objects, as the rules' context relies on):
	// the rows, the exception report and the trends of one export share one index.
	let index = cache.get(data);
	if (!index) cache.set(data, (index = buildIndex(data)));
	return index;
}

const cache = new WeakMap<StoreData, SergeantIndex>();

function buildIndex(data: StoreData): SergeantIndex {
	const officers = new Map(data.officers.map(o => [o.id, o]));
	const fallback = data.team.sergeantId;
	const sergeantOf = (officerId: string): string => {
		const o = officers.get(officerId);
		if (!o) return fallback;
		if (o.role === 'sergeant') return o.id;
		const sup = o.supervisorId ? officers.get(o.supervisorId) : undefined;
		return sup && sup.role === 'sergeant' ? sup.id : fallback;
	};
	const ids = new Set<string>([fallback]);
	for (const o of data.officers) {
		if (o.role === 'sergeant' && o.leftUnit === null) ids.add(o.id);
		if (o.role === 'investigator' && o.leftUnit === null) ids.add(sergeantOf(o.id));
	}
	const sergeants = [...ids]
		.map(id => officers.get(id) ?? ({id, name: id, rank: 'DS', role: 'sergeant'} as Officer))
		.sort((a, b) => (a.id === fallback ? -1 : b.id === fallback ? 1 : a.name.localeCompare(b.name)));
	return {officers, sergeantOf, sergeants};
}
