/**
 * Fuzzy matching for the command palette: the query's characters must appear in order; contiguous
 * runs, word starts and an exact substring score higher. Pure and allocation-light, because it runs
 * over every case reference (tens of thousands) on each key press.
 */

/** Score of `query` against `text` (higher is better), or -1 when it does not match. */
export function fuzzyScore(query: string, text: string): number {
	if (query === '') return 0;
	const q = query.toLowerCase();
	const t = text.toLowerCase();
	const at = t.indexOf(q);
	if (at !== -1) return 1000 - at - (t.length - q.length) / 100 + (at === 0 ? 500 : 0);
	let score = 0;
	let ti = 0;
	let run = 0;
	for (let qi = 0; qi < q.length; qi++) {
		const ch = q[qi]!;
		if (ch === ' ') continue;
		let found = -1;
		for (let i = ti; i < t.length; i++) {
			if (t[i] === ch) {
				found = i;
				break;
			}
		}
		if (found === -1) return -1;
		run = found === ti && qi > 0 ? run + 1 : 0;
		const wordStart = found === 0 || /[\s/:-]/.test(t[found - 1]!);
		score += 10 + run * 5 + (wordStart ? 8 : 0) - Math.min(found - ti, 10);
		ti = found + 1;
	}
	return score;
}

/** The best `limit` items for `query`, best first (ties keep the items' order). */
export function fuzzyTop<T>(items: readonly T[], text: (item: T) => string, query: string, limit: number): T[] {
	const top: {item: T; score: number}[] = [];
	for (const item of items) {
		const score = fuzzyScore(query, text(item));
		if (score < 0) continue;
		if (top.length === limit && score <= top[top.length - 1]!.score) continue;
		let i = top.length;
		while (i > 0 && top[i - 1]!.score < score) i--;
		top.splice(i, 0, {item, score});
		if (top.length > limit) top.pop();
	}
	return top.map(t => t.item);
}

/**
 * Every item that matches `query`, best first (ties keep the items' order): the palette scrolls through all
 * of them (QA 6 R14). A stable sort of the matches, not fuzzyTop's insertion, which is quadratic in a limit
 * this large.
 */
export function fuzzyAll<T>(items: readonly T[], text: (item: T) => string, query: string): T[] {
	if (query === '') return [...items];
	const scored: {item: T; score: number; at: number}[] = [];
	for (let i = 0; i < items.length; i++) {
		const score = fuzzyScore(query, text(items[i]!));
		if (score >= 0) scored.push({item: items[i]!, score, at: i});
	}
	scored.sort((a, b) => b.score - a.score || a.at - b.at);
	return scored.map(x => x.item);
}
