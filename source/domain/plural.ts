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
