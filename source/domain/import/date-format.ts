/**
 * Date cells in a records-system export. A 50,000-row file has several hundred thousand date cells, and
 * date-fns `parse` costs microseconds each, so the common patterns (yyyy, MM/M, dd/d, HH, mm, ss and
 * literal separators) are compiled once into a regular expression and checked with isIsoDate (which
 * refuses 31/02/2026). Any other pattern (for example "d MMM yyyy") falls back to parseUserDate, which
 * uses date-fns with a strict round-trip check: slower, still correct.
 *
 * Leniency, on purpose: `d` and `M` accept one or two digits (5/3/2026 and 05/03/2026 both parse under
 * "d/M/yyyy"); `dd`, `MM` and `yyyy` need exactly 2, 2 and 4 digits. A time part (HH:mm, HH:mm:ss) is
 * checked for range and dropped: fortnight keeps date-only values.
 */
import {isIsoDate, parseUserDate, type IsoDate} from '../dates.js';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Same rule as isIsoDate (years 1900-2200, real days), without building a Date per cell. */
function realDate(y: number, m: number, d: number): boolean {
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
	const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
	return d <= MONTH_DAYS[m - 1]! + (leap ? 1 : 0);
}

export type DateParser = (cell: string) => IsoDate | null;

/** ISO first, then the UK day-first form records systems in England and Wales export. */
export const DEFAULT_DATE_FORMATS: readonly string[] = ['yyyy-MM-dd', 'dd/MM/yyyy'];

interface Compiled {
	re: RegExp;
	/** Capture-group index of year, month, day, and the time parts (0 = absent). */
	y: number;
	m: number;
	d: number;
	h: number;
	min: number;
	s: number;
}

const TOKENS: Record<string, {re: string; role: 'y' | 'm' | 'd' | 'h' | 'min' | 's'}> = {
	yyyy: {re: '(\\d{4})', role: 'y'},
	MM: {re: '(\\d{2})', role: 'm'},
	M: {re: '(\\d{1,2})', role: 'm'},
	dd: {re: '(\\d{2})', role: 'd'},
	d: {re: '(\\d{1,2})', role: 'd'},
	HH: {re: '(\\d{2})', role: 'h'},
	H: {re: '(\\d{1,2})', role: 'h'},
	mm: {re: '(\\d{2})', role: 'min'},
	ss: {re: '(\\d{2})', role: 's'},
};

/** Compiles a pattern made only of the tokens above and non-letter separators; null otherwise. */
export function compilePattern(pattern: string): Compiled | null {
	const c: Compiled = {re: /$^/, y: 0, m: 0, d: 0, h: 0, min: 0, s: 0};
	let source = '^';
	let group = 0;
	let i = 0;
	while (i < pattern.length) {
		const rest = pattern.slice(i);
		const token = ['yyyy', 'MM', 'dd', 'HH', 'mm', 'ss', 'M', 'd', 'H'].find(t => rest.startsWith(t));
		if (token) {
			const spec = TOKENS[token]!;
			if (c[spec.role] !== 0) return null;
			c[spec.role] = ++group;
			source += spec.re;
			i += token.length;
			continue;
		}
		const ch = pattern[i]!;
		if (/[A-Za-z']/.test(ch)) return null;
		source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
		i++;
	}
	if (c.y === 0 || c.m === 0 || c.d === 0) return null;
	c.re = new RegExp(source + '$');
	return c;
}

function fromCompiled(c: Compiled, s: string): IsoDate | null {
	const m = c.re.exec(s);
	if (!m) return null;
	if (c.h && Number(m[c.h]) > 23) return null;
	if (c.min && Number(m[c.min]) > 59) return null;
	if (c.s && Number(m[c.s]) > 59) return null;
	const y = m[c.y]!;
	const mo = m[c.m]!;
	const d = m[c.d]!;
	if (!realDate(Number(y), Number(mo), Number(d))) return null;
	return `${y}-${mo.length === 1 ? '0' + mo : mo}-${d.length === 1 ? '0' + d : d}`;
}

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
