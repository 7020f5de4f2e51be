/**
 * Date cells in a records-system export. A 50,000-row file has several hundred thousand date cells, and
 * date-fns `parse` costs microseconds each, so the mapping's patterns are compiled once (date-patterns.ts)
 * and any other pattern (for example "d MMM yyyy") falls back to parseUserDate, which uses date-fns with
 * a strict round-trip check: slower, still correct. Answers are remembered: exports repeat dates.
 */
import {compilePattern, fromCompiled} from '../date-patterns.js';
import {isIsoDate, parseUserDate, type IsoDate} from '../dates.js';

/** ISO first, then the UK day-first form records systems in England and Wales export. */
export const DEFAULT_DATE_FORMATS: readonly string[] = ['yyyy-MM-dd', 'dd/MM/yyyy'];

export type DateParser = (cell: string) => IsoDate | null;

/** A parser that tries each pattern in order and returns the first real date, or null. */
export function dateParser(formats: readonly string[] = DEFAULT_DATE_FORMATS): DateParser {
	const steps: DateParser[] = formats.map(f => {
		const c = compilePattern(f);
		if (c) return (s: string) => fromCompiled(c, s);
		return (s: string) => {
			const d = parseUserDate(s, [f]);
			return d !== null && isIsoDate(d) ? d : null;
		};
	});
	// Exports repeat the same dates thousands of times: remember answers (bounded, so junk cannot grow it).
	const seen = new Map<string, IsoDate | null>();
	return cell => {
		const known = seen.get(cell);
		if (known !== undefined) return known;
		const s = cell.trim();
		let found: IsoDate | null = null;
		for (const step of steps) {
			found = step(s);
			if (found !== null) break;
		}
		if (seen.size < 20_000) seen.set(cell, found);
		return found;
	};
}
