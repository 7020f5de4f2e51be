/**
 * Store text quoted in a sentence, cut to a length: at the last word boundary that fits, with "…" so a
 * cut quote says it is cut (the QA pass saw "Arrange a further interview with the suspect on th").
 * Counted in characters, never cutting one in two.
 */
export function clipAtWord(s: string, max: number): string {
	const chars = [...s];
	if (chars.length <= max) return s;
	const head = chars.slice(0, max - 1).join('');
	// The boundary: a space in the part kept (or where the cut falls), unless it would keep under half.
	const next = chars[max - 1] ?? '';
	const space = /\s/.test(next) ? head.length : head.search(/\s\S*$/);
	const cut = space >= head.length / 2 ? head.slice(0, space) : head;
	return `${cut.trimEnd()}…`;
}
