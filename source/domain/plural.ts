/**
 * Counted words for every sentence the tool writes ("1 day since", "3 days since"): one helper so a
 * count never reads "1 days" in an export, a message or the desk.
 */

/** "1 case", "3 cases"; `many` for irregular plurals ("1 entry", "2 entries"). */
export function plural(n: number, word: string, many = `${word}s`): string {
	return `${n} ${n === 1 ? word : many}`;
}

/** "1 day", "3 days". */
export function days(n: number): string {
	return plural(n, 'day');
}

/**
 * A count with its thousands grouped ("50,000"), exactly as `toLocaleString('en-GB')` writes a whole
 * number, without loading ICU's number formatting for it: its first use cost about 10 ms of CPU in a run
 * of `fortnight import` (README "Benchmarks", the import row). Anything but a whole count is still given
 * to toLocaleString, so the text is the same for every number.
 */
export function groupedCount(n: number): string {
	if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return n.toLocaleString('en-GB');
	const digits = String(n);
	let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
	for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
	return out;
}
