/**
 * Identical or near-identical crime-report update text written by one officer on different cases.
 * Source case: the same words on two cases on the same day, a sign the updates were not real.
 *
 * Identical: the same text once letter case and white space are normalised (red).
 * Near-identical (amber), the similarity measure: each text is lower-cased, punctuation becomes
 * space, and it is split into words; its shingles are every word and every pair of adjacent words
 * (1- and 2-word shingles, so word order counts but one added or dropped word costs little). Two
 * texts are near-identical when the Jaccard similarity of their shingle sets (shared / all) is at
 * least settings.nearIdenticalSimilarity (0.8). Texts under MIN_WORDS words ("No update.") are
 * ignored: short stock phrases say nothing about copying.
 *
 * Speed: updates are bucketed by author and day (the source case's pattern is the same day), and
 * only updates inside each bucket are compared, so the cost is linear in updates plus the square of a
 * bucket's size (a handful), never all pairs of a 5,000-case store. Only updates in the last
 * settings.triggerConcernWindowDays are looked at: the same window the performance trigger uses for
 * its evidence, after which the finding is history in the review log rather than something to act on.
 */
import {addDays, shortDate, type IsoDate} from '../dates.js';
import type {Evidence, Problem} from '../problem.js';
import {memo, nameOf, plural, type RuleContext} from './context.js';

export const MIN_WORDS = 4;

export function normaliseText(s: string): string {
	return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function words(s: string): string[] {
	return s
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.split(' ')
		.filter(w => w.length > 0);
}

export function shingles(ws: readonly string[]): Set<string> {
	const set = new Set<string>(ws);
	for (let i = 1; i < ws.length; i++) set.add(`${ws[i - 1]} ${ws[i]}`);
	return set;
}

/** Jaccard similarity of two shingle sets: 1 for the same set, 0 for nothing shared. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 && b.size === 0) return 1;
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let shared = 0;
	for (const x of small) if (large.has(x)) shared++;
	return shared / (a.size + b.size - shared);
}

/** Similarity of two texts by the measure above. */
export function textSimilarity(a: string, b: string): number {
	return jaccard(shingles(words(a)), shingles(words(b)));
}

interface Entry {
	caseRef: string;
	index: number;
	text: string;
	norm: string;
	ws: string[];
	sh?: Set<string>;
}

function quote(s: string, max = 70): string {
	const one = s.replace(/\s+/g, ' ').trim();
	return one.length <= max ? one : `${one.slice(0, max - 3).trimEnd()}...`;
}

export function identicalUpdateProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'identical', () => {
		const {settings: s, today} = ctx;
		const from = addDays(today, -s.triggerConcernWindowDays);
		const buckets = new Map<string, Entry[]>();
		for (const c of ctx.data.cases) {
			const ups = c.updates;
			for (let i = 0; i < ups.length; i++) {
				const u = ups[i]!;
				if (u.date <= from || u.date > today) continue;
				const key = `${u.authorId}\u0000${u.date}`;
				const e: Entry = {caseRef: c.ref, index: i, text: u.text, norm: '', ws: []};
				const list = buckets.get(key);
				if (list) list.push(e);
				else buckets.set(key, [e]);
			}
		}
		const out: Problem[] = [];
		for (const [key, list] of buckets) {
			if (list.length < 2) continue;
			if (list.every(e => e.caseRef === list[0]!.caseRef)) continue;
			const [authorId, date] = key.split('\u0000') as [string, IsoDate];
			for (const e of list) {
				e.norm = normaliseText(e.text);
				e.ws = words(e.text);
			}
			const candidates = list.filter(e => e.ws.length >= MIN_WORDS);
			// Union-find over matching pairs on different cases.
			const parent = candidates.map((_, i) => i);
			const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
			const best = new Map<number, number>();
			const exact = new Set<number>();
			for (let i = 0; i < candidates.length; i++) {
				for (let j = i + 1; j < candidates.length; j++) {
					const a = candidates[i]!;
					const b = candidates[j]!;
					if (a.caseRef === b.caseRef) continue;
					let sim: number;
					if (a.norm === b.norm) sim = 1;
					else {
						a.sh ??= shingles(a.ws);
						b.sh ??= shingles(b.ws);
						sim = jaccard(a.sh, b.sh);
					}
					if (sim < s.nearIdenticalSimilarity) continue;
					const ra = find(i);
					const rb = find(j);
					if (ra !== rb) parent[ra] = rb;
					if (sim === 1 && a.norm === b.norm) exact.add(i).add(j);
					best.set(i, Math.min(best.get(i) ?? 1, sim));
					best.set(j, Math.min(best.get(j) ?? 1, sim));
				}
			}
			const clusters = new Map<number, number[]>();
			for (let i = 0; i < candidates.length; i++) {
				if (!best.has(i)) continue;
				const r = find(i);
				const l = clusters.get(r);
				if (l) l.push(i);
				else clusters.set(r, [i]);
			}
			for (const members of clusters.values()) {
				const entries = members.map(i => candidates[i]!);
				const refs = [...new Set(entries.map(e => e.caseRef))].sort();
				if (refs.length < 2) continue;
				const identical = members.every(i => exact.has(i)) && entries.every(e => e.norm === entries[0]!.norm);
				const lowest = Math.min(...members.map(i => best.get(i)!));
				const who = nameOf(ctx, authorId);
				const evidence: Evidence[] = entries.map(e => ({type: 'update', caseRef: e.caseRef, id: String(e.index), date, detail: `update ${e.index + 1} on ${e.caseRef}`}));
				out.push({
					id: `identical-updates:${authorId}:${date}:${refs[0]}`,
					kind: 'identical-updates',
					severity: identical ? 'red' : 'amber',
					subject: {type: 'officer', officerId: authorId},
					message: identical
						? `${who} wrote the same update on ${plural(refs.length, 'case')} on ${shortDate(date, today)} (${refs.join(', ')}): "${quote(entries[0]!.text)}"`
						: `${who} wrote near-identical updates (${Math.floor(lowest * 100)}% similar) on ${plural(refs.length, 'case')} on ${shortDate(date, today)} (${refs.join(', ')}): "${quote(entries[0]!.text)}"`,
					action: 'Check with the officer that each update reflects work actually done on that case.',
					evidence,
					since: date,
				});
			}
		}
		return out;
	});
}
