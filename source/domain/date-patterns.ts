/**
 * Date patterns without a date library: a pattern made of the tokens yyyy, MM/M, dd/d, HH/H, mm, ss
 * and literal separators is compiled once into a regular expression, and a match is checked to be a
 * real day (31/02/2026 is refused) with the same range as isIsoDate. This covers every pattern a
 * sergeant types (ISO, dd/MM/yyyy) and the usual records-system exports; dates.ts hands other
 * patterns (for example "d MMM yyyy") to date-fns.
 *
 * Leniency, on purpose: `d` and `M` accept one or two digits (5/3/2026 and 05/03/2026 both match
 * "d/M/yyyy"); `dd`, `MM` and `yyyy` need exactly 2, 2 and 4 digits. A time part (HH:mm, HH:mm:ss) is
 * checked for range and dropped: fortnight keeps date-only values.
 */
import type {IsoDate} from './dates.js';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not a Date: the loader checks every date of a 20,000-case store with this. */
export function daysInMonth(y: number, m: number): number {
	if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
	return MONTH_DAYS[m - 1] ?? 0;
}

/** The years fortnight accepts a date in. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

/** The days fortnight accepts: real calendar days in the years 1900-2200. */
export function realDay(y: number, m: number, d: number): boolean {
	return y >= FIRST_YEAR && y <= LAST_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export interface CompiledPattern {
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
export function compilePattern(pattern: string): CompiledPattern | null {
	const c: CompiledPattern = {re: /$^/, y: 0, m: 0, d: 0, h: 0, min: 0, s: 0};
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

export function fromCompiled(c: CompiledPattern, s: string): IsoDate | null {
	const m = matchCompiled(c, s);
	if (!m) return null;
	const [y, mo, d] = m;
	if (!realDay(Number(y), Number(mo), Number(d))) return null;
	return `${y}-${mo.length === 1 ? '0' + mo : mo}-${d.length === 1 ? '0' + d : d}`;
}

/** Year, month and day as written, when `s` has the pattern's shape and a valid time part; no range check. */
function matchCompiled(c: CompiledPattern, s: string): [string, string, string] | null {
	const m = c.re.exec(s);
	if (!m) return null;
	if (c.h && Number(m[c.h]) > 23) return null;
	if (c.min && Number(m[c.min]) > 59) return null;
	if (c.s && Number(m[c.s]) > 59) return null;
	return [m[c.y]!, m[c.m]!, m[c.d]!];
}

/** True when `s` is a calendar day in the pattern, but in a year outside 1900-2200 (so fromCompiled refused it). */
export function outsideYearsCompiled(c: CompiledPattern, s: string): boolean {
	const m = matchCompiled(c, s);
	if (!m) return false;
	const [y, mo, d] = m.map(Number) as [number, number, number];
	return (y < FIRST_YEAR || y > LAST_YEAR) && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}
