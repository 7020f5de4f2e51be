/**
 * Finding an officer from what a person types on the command line: an id ("o0003"), a collar number,
 * a full name ("Sam Ashworth"), a rank and name ("DC Ashworth", "DS Tom Brennan"), or a surname alone
 * when only one officer has it. A miss offers the near matches so a typo is a quick retry, never a
 * silent guess.
 */
import type {Officer} from './model.js';
import {fullName, shortName} from './people.js';

export type OfficerMatch = {kind: 'found'; officer: Officer} | {kind: 'ambiguous'; candidates: Officer[]} | {kind: 'none'; near: Officer[]};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function surname(o: Officer): string {
	return norm(o.name).split(' ').at(-1) ?? '';
}

/** Edit distance, small strings only (names): O(a*b). */
function distance(a: string, b: string): number {
	let prev = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		prev = cur;
	}
	return prev[b.length]!;
}

export function matchOfficer(officers: readonly Officer[], query: string): OfficerMatch {
	const q = norm(query);
	if (q === '') return {kind: 'none', near: []};
	const exact = officers.filter(
		o => norm(o.id) === q || norm(o.collarNumber) === q || norm(o.name) === q || norm(fullName(o)) === q || norm(shortName(o)) === q,
	);
	if (exact.length === 1) return {kind: 'found', officer: exact[0]!};
	if (exact.length > 1) return {kind: 'ambiguous', candidates: exact};
	const bySurname = officers.filter(o => surname(o) === q);
	if (bySurname.length === 1) return {kind: 'found', officer: bySurname[0]!};
	if (bySurname.length > 1) return {kind: 'ambiguous', candidates: bySurname};
	const words = q.split(' ');
	const near = officers.filter(o => {
		const name = norm(fullName(o));
		if (name.includes(q)) return true;
		const tokens = name.split(' ');
		// Each typed word is close to some word of the name (one typo per 4 letters).
		return words.every(w => tokens.some(t => distance(w, t) <= Math.max(1, Math.floor(t.length / 4))));
	});
	return {kind: 'none', near};
}

/** "DC Sam Ashworth (o0003), DC Sam Ashby (o0012)": for error messages. */
export function listOfficers(officers: readonly Officer[]): string {
	return officers.map(o => `${fullName(o)} (${o.id})`).join(', ');
}
