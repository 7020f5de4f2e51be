/**
 * Matching the officer named in an export to an officer in the team. Records systems write the OIC
 * in many ways ("4021", "DC 4021 Ashworth", "ASHWORTH, Sam", "DC Sam Ashworth"): a collar number wins,
 * then the full name, then a surname that only one officer has. Nobody is ever invented: a name that
 * matches no one, or more than one, is reported so the sergeant can add the officer or use collar numbers.
 */
import type {Officer} from '../model.js';
import {RANKS} from '../model-values.js';

export type OfficerMatch = {ok: true; officerId: string} | {ok: false; reason: 'unknown' | 'ambiguous'; candidates: string[]};

const RANK_WORDS = new Set([
	...RANKS.map(r => r.toLowerCase()),
	'det',
	'con',
	'sgt',
	'insp',
	'detective',
	'constable',
	'sergeant',
	'inspector',
	'trainee',
]);

function words(s: string): string[] {
	return s
		.toLowerCase()
		.replace(/[^\p{L}\p{N}' -]+/gu, ' ')
		.split(/\s+/)
		.filter(w => w !== '');
}

/** "ashworth, sam" -> "sam ashworth"; rank words dropped. */
function nameKey(s: string): string {
	const comma = s.indexOf(',');
	const ordered = comma > 0 ? `${s.slice(comma + 1)} ${s.slice(0, comma)}` : s;
	return words(ordered)
		.filter(w => !RANK_WORDS.has(w) && !/^\d+$/.test(w))
		.join(' ');
}

export interface OfficerIndex {
	match(cell: string): OfficerMatch;
}

export function officerIndex(officers: readonly Officer[]): OfficerIndex {
	const byCollar = new Map<string, string[]>();
	const byName = new Map<string, string[]>();
	const bySurname = new Map<string, string[]>();
	const add = (m: Map<string, string[]>, k: string, id: string) => {
		if (k === '') return;
		const list = m.get(k);
		if (!list) m.set(k, [id]);
		else if (!list.includes(id)) list.push(id);
	};
	for (const o of officers) {
		add(byCollar, o.collarNumber.trim().toLowerCase(), o.id);
		const key = nameKey(o.name);
		add(byName, key, o.id);
		add(bySurname, key.split(' ').at(-1) ?? '', o.id);
	}
	const cache = new Map<string, OfficerMatch>();
	const decide = (ids: string[] | undefined): OfficerMatch | null => {
		if (!ids || ids.length === 0) return null;
		return ids.length === 1 ? {ok: true, officerId: ids[0]!} : {ok: false, reason: 'ambiguous', candidates: ids};
	};
	const find = (cell: string): OfficerMatch => {
		const raw = cell.trim().toLowerCase();
		const exact = decide(byCollar.get(raw));
		if (exact) return exact;
		// A collar number inside a longer cell ("DC 4021 Ashworth").
		const numbers = words(raw).filter(w => /\d/.test(w));
		for (const n of numbers) {
			const m = decide(byCollar.get(n));
			if (m) return m;
		}
		const key = nameKey(cell);
		const byFull = decide(byName.get(key));
		if (byFull) return byFull;
		const parts = key.split(' ');
		const surname = decide(bySurname.get(parts.at(-1) ?? ''));
		// A surname alone, or initial + surname ("S Ashworth"), when only one officer has that surname.
		if (surname && surname.ok && (parts.length === 1 || (parts.length === 2 && parts[0]!.length === 1))) {
			const o = officers.find(x => x.id === surname.officerId)!;
			if (parts.length === 1 || nameKey(o.name).startsWith(parts[0]!)) return surname;
		}
		if (surname && !surname.ok && parts.length === 1) return surname;
		return {ok: false, reason: 'unknown', candidates: []};
	};
	return {
		match(cell) {
			let m = cache.get(cell);
			if (!m) {
				m = find(cell);
				cache.set(cell, m);
			}
			return m;
		},
	};
}
