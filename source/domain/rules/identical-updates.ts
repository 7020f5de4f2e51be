/**
 * Identical or near-identical crime-report update text written by one officer on different cases.
 * Source case: the same words on two cases on the same day, a sign the updates were not real.
 * An imported update names no author (update-author.ts): it is compared as the words of the officer who held
 * the case on its date when they were at work that day, and left out when they were away, since this finding
 * is evidence against the officer who wrote the words (docs/rules.md "Updates from the records system").
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
import type {Case, Settings} from '../model.js';
import {holderOn} from '../case-history.js';
import type {Evidence, Problem} from '../problem.js';
import {decisionWay} from '../resolve.js';
import type {KindTable} from './rule.js';
import {absenceOnDate, memo, nameOf, plural, type RuleContext} from './context.js';
import {safeText} from '../safe-text.js';

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

export interface Entry {
	caseRef: string;
	index: number;
	text: string;
	/**
	 * Its text's forms, once the entry is compared. Every field of an entry and a form is there from the
	 * start (undefined until known): one shape each, so the engine's optimised code for the comparisons
	 * is not thrown away when a field is added later (issue 18).
	 */
	t: TextForm | undefined;
	/** From the records system's export (update-author.ts): judged as the holder's words that day, and said so. */
	imported: boolean;
}

/** A text's normalised forms, worked out once per distinct text (stock phrases repeat a lot). */
export interface TextForm {
	norm: string;
	ws: string[];
	/** Shingles as sorted unique numbers (word ids; pairs packed into one number): far less garbage than string sets. */
	sh: Float64Array | undefined;
	/**
	 * Similarity to the other texts it was compared with. A store's updates repeat a few stock texts (18
	 * distinct texts among 22,000 updates at 5,000 cases), so most pairs were worked out thousands of times (issue 18).
	 */
	sims: Map<TextForm, number> | undefined;
}

/** jaccardSorted of two texts' shingles, worked out once per pair of distinct texts. */
function similarity(a: TextForm, b: TextForm): number {
	let sim = a.sims?.get(b);
	if (sim === undefined) {
		sim = jaccardSorted(a.sh!, b.sh!);
		(a.sims ??= new Map()).set(b, sim);
		(b.sims ??= new Map()).set(a, sim);
	}
	return sim;
}

/** Word ids for one run; a pair (a, b) is (a + 1) * 2^26 + b, never equal to a single word's id. */
export class ShingleCoder {
	private readonly ids = new Map<string, number>();
	private id(w: string): number {
		let n = this.ids.get(w);
		if (n === undefined) {
			n = this.ids.size;
			this.ids.set(w, n);
		}
		return n;
	}
	encode(ws: readonly string[]): Float64Array {
		const raw: number[] = [];
		let prev = -1;
		for (const w of ws) {
			const n = this.id(w);
			raw.push(n);
			if (prev >= 0) raw.push((prev + 1) * 67_108_864 + n);
			prev = n;
		}
		raw.sort((a, b) => a - b);
		const out: number[] = [];
		for (const x of raw) if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
		return Float64Array.from(out);
	}
}

/** Jaccard of two sorted unique number arrays (same value as `jaccard` on the string shingles). */
function jaccardSorted(a: Float64Array, b: Float64Array): number {
	if (a.length === 0 && b.length === 0) return 1;
	let i = 0;
	let j = 0;
	let shared = 0;
	while (i < a.length && j < b.length) {
		if (a[i]! === b[j]!) {
			shared++;
			i++;
			j++;
		} else if (a[i]! < b[j]!) i++;
		else j++;
	}
	return shared / (a.length + b.length - shared);
}

function quote(s: string, max = 70): string {
	const one = s.replace(/\s+/g, ' ').trim();
	return one.length <= max ? one : `${one.slice(0, max - 3).trimEnd()}...`;
}

/** Updates dated after this day (and on or before today) are compared; see officer-slice.ts, which relies on it. */
export function comparedAfter(settings: Settings, today: IsoDate): IsoDate {
	return addDays(today, -settings.triggerConcernWindowDays);
}

export function identicalUpdateProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'identical', () => {
		const {settings: s, today} = ctx;
		const from = comparedAfter(s, today);
		// author -> day -> that day's update, or its updates once there are two. Most days hold one update
		// (at 5,000 cases three in four), and a list for each was a good part of this rule's time (issue 18).
		const buckets = new Map<string, Map<IsoDate, Entry | Entry[]>>();
		// Index loops and Map.forEach here: this code runs once per command, mostly before the engine
		// optimises it, and there each for-of step allocates (a third of the rules' garbage; issue 18).
		const cases = ctx.data.cases;
		// The last author's days kept at hand: a case's updates are mostly its OIC's, so four in five updates
		// at 5,000 cases have the author of the one before (issue 18).
		let author: string | null = null;
		let byDay: Map<IsoDate, Entry | Entry[]> | undefined;
		for (let k = 0; k < cases.length; k++) {
			const c = cases[k]!;
			const ups = c.updates;
			for (let i = 0; i < ups.length; i++) {
				const u = ups[i]!;
				if (u.date <= from || u.date > today) continue;
				const imported = u.source === 'import';
				const writer = imported ? importedWordsOf(ctx, c, u.date) : u.authorId;
				if (writer === null) continue;
				if (writer !== author || !byDay) {
					author = writer;
					byDay = buckets.get(author);
					if (!byDay) buckets.set(author, (byDay = new Map()));
				}
				const e: Entry = {caseRef: c.ref, index: i, text: u.text, t: undefined, imported};
				const had = byDay.get(u.date);
				if (had === undefined) byDay.set(u.date, e);
				else if (Array.isArray(had)) had.push(e);
				else byDay.set(u.date, [had, e]);
			}
		}
		const out: Problem[] = [];
		const forms = new Map<string, TextForm>();
		const coder = new ShingleCoder();
		for (const [authorId, byDay] of buckets)
			byDay.forEach((list, date) => {
				if (!Array.isArray(list)) return; // one update that day
				if (oneCase(list)) return;
				const long: Entry[] = [];
				for (let i = 0; i < list.length; i++) {
					const e = list[i]!;
					let t = forms.get(e.text);
					if (!t) {
						t = {norm: normaliseText(e.text), ws: words(e.text), sh: undefined, sims: undefined};
						forms.set(e.text, t);
					}
					e.t = t;
					if (t.ws.length >= MIN_WORDS) long.push(e);
				}
				if (long.length > 2 && !mayCluster(long, s.nearIdenticalSimilarity, coder)) return;
				const clusters = clustersIn(long, s.nearIdenticalSimilarity, coder);
				for (let i = 0; i < clusters.length; i++) out.push(clusterProblem(ctx, authorId, date, clusters[i]!));
			});
		return out;
	});
}

/**
 * Whose words an update from the records system is taken to be (its export names no author; QA 8 R6): the
 * officer who held the case on its date, when they were at work that day (the records system's entry on a
 * case is its OIC's as a rule), else nobody's: words dated on a day the holder was away are not judged as theirs.
 */
function importedWordsOf(ctx: RuleContext, c: Case, date: IsoDate): string | null {
	const holder = holderOn(c, date);
	// Away as the other rules read it: the absences known on today (context.ts absenceOnDate).
	return holder === null || absenceOnDate(ctx, holder, date) !== undefined ? null : holder;
}

/**
 * The problem for one cluster of an officer's updates on `date`. Its own function: the loop over the
 * day buckets reaches it for one bucket in a hundred, and the engine gave up its optimised code each
 * time it did (issue 18).
 */
function clusterProblem(ctx: RuleContext, authorId: string, date: IsoDate, cluster: Cluster): Problem {
	const today = ctx.today;
	const {entries, identical, lowest, shown} = cluster;
	const refs = [...new Set(entries.map(e => e.caseRef))].sort();
	const who = nameOf(ctx, authorId);
	// In words: what this update is evidence of, not its position in the case's list ("update 17 on ...").
	const likeness = identical ? 'identical text to' : `near-identical (${Math.floor(lowest * 100 + 1e-9)}% similar) to`;
	const others = (e: Entry) => safeText(refs.filter(r => r !== e.caseRef).join(', '));
	const detail = (e: Entry) =>
		`${shortDate(date, today)}: ${likeness} an update on ${others(e)} the same day${e.imported ? ' (imported: the records system names no author)' : ''}`;
	// Words the export gave no author for are the holder's by inference: the sergeant is told so, to check.
	const inferred = entries.some(e => e.imported)
		? `; ${entries.every(e => e.imported) ? 'all' : 'some'} imported from the records system, which names no author: ${who} held the cases and was at work that day`
		: '';
	const evidence: Evidence[] = entries.map(e => ({
		type: 'update',
		caseRef: e.caseRef,
		id: String(e.index),
		date,
		detail: detail(e),
	}));
	return {
		id: `identical-updates:${authorId}:${date}:${refs[0]}`,
		kind: 'identical-updates',
		severity: identical ? 'red' : 'amber',
		subject: {type: 'officer', officerId: authorId},
		message: identical
			? `${who} wrote the same update on ${plural(refs.length, 'case')} on ${shortDate(date, today)} (${safeText(refs.join(', '))}): ` +
				`"${safeText(quote(shown))}"${inferred}`
			: `${who} wrote near-identical updates (${Math.floor(lowest * 100 + 1e-9)}% similar) on ${plural(refs.length, 'case')} on ` +
				`${shortDate(date, today)} (${safeText(refs.join(', '))}): "${safeText(quote(shown))}"${inferred}`,
		action: 'Check with the officer that each update reflects work actually done on that case.',
		evidence,
		since: date,
	};
}

/** Up to this many distinct texts in one bucket are compared pair by pair; more use prefix filtering. */
const PAIRWISE_MAX = 16;

interface Cluster {
	entries: Entry[];
	/** Some one text (after normalising) appears on two or more of the cases. */
	identical: boolean;
	/** Lowest similarity of a matched pair (1 when identical only). */
	lowest: number;
	/** The text to quote. */
	shown: string;
}

/**
 * Groups one bucket's updates into clusters that span two or more cases. Exact matches are found by
 * grouping normalised texts; near matches by Jaccard on the distinct texts, with prefix filtering so
 * that even a bucket of thousands (a bulk import dated one day) is not compared pair by pair: with
 * shingles ordered rarest first, two sets with Jaccard >= t must share one of the first
 * |S| - ceil(t|S|) + 1 shingles of each, so only texts sharing such a shingle are compared.
 */
export function clustersIn(entries: Entry[], threshold: number, coder: ShingleCoder): Cluster[] {
	if (entries.length < 2) return [];
	if (entries.length === 2) return pairCluster(entries[0]!, entries[1]!, threshold, coder);
	// Distinct normalised texts and the entries that carry each.
	const byNorm = new Map<string, Entry[]>();
	for (const e of entries) {
		const l = byNorm.get(e.t!.norm);
		if (l) l.push(e);
		else byNorm.set(e.t!.norm, [e]);
	}
	const groups = [...byNorm.values()];
	const forms = groups.map(g => g[0]!.t!);
	const parent = groups.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
	const lowest = new Map<number, number>();
	const match = (i: number, j: number): void => {
		const a = forms[i]!.sh!;
		const b = forms[j]!.sh!;
		// Jaccard can be no more than the smaller set over the larger: skip the merge when that is already too low.
		if (Math.min(a.length, b.length) < threshold * Math.max(a.length, b.length) - 1e-9) return;
		const sim = similarity(forms[i]!, forms[j]!);
		if (sim + 1e-12 < threshold) return;
		const ri = find(i);
		const rj = find(j);
		if (ri !== rj) parent[ri] = rj;
		lowest.set(i, Math.min(lowest.get(i) ?? 1, sim));
		lowest.set(j, Math.min(lowest.get(j) ?? 1, sim));
	};
	if (groups.length > 1 && threshold < 1 && groups.length <= PAIRWISE_MAX) {
		// A usual day: a handful of texts, compared pair by pair.
		for (const f of forms) f.sh ??= coder.encode(f.ws);
		for (let i = 0; i < forms.length; i++) for (let j = i + 1; j < forms.length; j++) match(i, j);
	} else if (groups.length > 1 && threshold < 1) {
		for (const f of forms) f.sh ??= coder.encode(f.ws);
		const freq = new Map<number, number>();
		for (const f of forms) for (const x of f.sh!) freq.set(x, (freq.get(x) ?? 0) + 1);
		const index = new Map<number, number[]>();
		const pairs = new Set<number>();
		forms.forEach((f, i) => {
			const sorted = Array.from(f.sh!).sort((a, b) => freq.get(a)! - freq.get(b)! || a - b);
			const prefix = threshold <= 0 ? sorted.length : sorted.length - Math.ceil(threshold * sorted.length - 1e-9) + 1;
			for (const x of sorted.slice(0, Math.max(1, prefix))) {
				const seen = index.get(x);
				if (seen) {
					for (const j of seen) pairs.add(j * groups.length + i);
					seen.push(i);
				} else index.set(x, [i]);
			}
		});
		for (const key of pairs) match(key % groups.length, Math.floor(key / groups.length));
	}
	const byRoot = new Map<number, number[]>();
	groups.forEach((_, i) => {
		const r = find(i);
		const l = byRoot.get(r);
		if (l) l.push(i);
		else byRoot.set(r, [i]);
	});
	const out: Cluster[] = [];
	for (const members of byRoot.values()) {
		const all = members.flatMap(i => groups[i]!);
		if (new Set(all.map(e => e.caseRef)).size < 2) continue;
		const spanning = members.find(i => new Set(groups[i]!.map(e => e.caseRef)).size >= 2);
		const matched = members.filter(i => lowest.has(i)).map(i => lowest.get(i)!);
		out.push({
			entries: all.sort(byCaseThenIndex),
			identical: spanning !== undefined,
			lowest: matched.length ? Math.min(...matched) : 1,
			shown: groups[spanning ?? members[0]!]![0]!.text,
		});
	}
	return out;
}

/**
 * False when clustersIn(entries) can only be empty: no two entries on different cases have the same
 * text after normalising, or texts similar enough to be matched (`match`'s bound and tolerance). A cluster
 * spans two cases, so somewhere in it two such entries meet: a group of identical texts on two cases, or
 * a match between groups on different cases (with every group on one case, the case changes along some
 * match). Nine in ten buckets of three or more updates at 5,000 cases hold no cluster, and this check
 * (pairs of a handful of entries, similarities cached per pair of texts) costs far less than the maps
 * and union-find of clustersIn (issue 18).
 */
export function mayCluster(entries: readonly Entry[], threshold: number, coder: ShingleCoder): boolean {
	for (let i = 0; i < entries.length; i++) {
		const a = entries[i]!;
		for (let j = i + 1; j < entries.length; j++) {
			const b = entries[j]!;
			if (a.caseRef === b.caseRef) continue;
			const x = a.t!;
			const y = b.t!;
			if (x === y || x.norm === y.norm) return true;
			if (threshold >= 1) continue;
			const p = (x.sh ??= coder.encode(x.ws));
			const q = (y.sh ??= coder.encode(y.ws));
			if (Math.min(p.length, q.length) < threshold * Math.max(p.length, q.length) - 1e-9) continue;
			if (similarity(x, y) + 1e-12 >= threshold) return true;
		}
	}
	return false;
}

/** True when every entry is on the same case (nothing to compare across cases). */
function oneCase(list: readonly Entry[]): boolean {
	const ref = list[0]!.caseRef;
	for (let i = 1; i < list.length; i++) if (list[i]!.caseRef !== ref) return false;
	return true;
}

const byCaseThenIndex = (a: Entry, b: Entry): number => (a.caseRef < b.caseRef ? -1 : a.caseRef > b.caseRef ? 1 : a.index - b.index);

/**
 * clustersIn for a bucket of two updates, the usual day (four in five at 5,000 cases), without its maps and
 * union-find: the same cluster, or none. Same text after normalising: identical, quoting the first. Else
 * near-identical when the similarity reaches the threshold (the same bound and tolerance as `match`),
 * with that similarity as the lowest, quoting the first. Both on one case: no cluster.
 */
function pairCluster(a: Entry, b: Entry, threshold: number, coder: ShingleCoder): Cluster[] {
	if (a.caseRef === b.caseRef) return [];
	const entries = byCaseThenIndex(a, b) <= 0 ? [a, b] : [b, a];
	if (a.t!.norm === b.t!.norm) return [{entries, identical: true, lowest: 1, shown: a.text}];
	if (threshold >= 1) return [];
	const x = (a.t!.sh ??= coder.encode(a.t!.ws));
	const y = (b.t!.sh ??= coder.encode(b.t!.ws));
	if (Math.min(x.length, y.length) < threshold * Math.max(x.length, y.length) - 1e-9) return [];
	const sim = similarity(a.t!, b.t!);
	if (sim + 1e-12 < threshold) return [];
	return [{entries, identical: false, lowest: sim, shown: a.text}];
}

/**
 * The kind this rule's findings raise, its label and how it clears: a performance decision about the
 * officer. The rule that raises them is performance.ts IDENTICAL_UPDATES_RULE (unansweredIdenticalUpdates).
 */
export const IDENTICAL_UPDATES_KINDS: KindTable<'identical-updates'> = {
	'identical-updates': {
		label: 'Identical updates',
		resolve: (p, ctx) => [
			decisionWay(
				`Check with ${nameOf(ctx, p.subject.officerId)} that each update reflects work done on that case; ` +
					'record the outcome as a performance decision',
			),
		],
	},
};
