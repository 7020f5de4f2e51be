/**
 * The team's crime reference format (README "fortnight import"): a pattern in the store's settings
 * (`crimeRefPattern`), by default the demo's `CR/12345/26`. A reference typed or imported that does not
 * match it is refused with one sentence saying what was expected, so a slip such as `not a ref` never
 * becomes a case ("Review due: not a ref").
 */
import type {Settings} from './model.js';

/** The demo's format: CR, five digits, the two-digit year. */
export const DEFAULT_CRIME_REF_PATTERN = String.raw`^CR/\d{5}/\d{2}$`;
let last: {source: string; re: RegExp} | undefined;

/**
 * The team's pattern, compiled once per pattern and matched against the whole reference (anchored here,
 * so a pattern written without ^ and $ cannot pass a reference that merely contains a match). Stores
 * written before the setting use the default.
 */
export function crimeRefRegExp(settings: Pick<Settings, 'crimeRefPattern'>): RegExp {
	const source = settings.crimeRefPattern ?? DEFAULT_CRIME_REF_PATTERN;
	if (last?.source !== source) last = {source, re: new RegExp(`^(?:${source})$`, 'u')};
	return last.re;
}

/** Why `pattern` cannot be the setting (it does not compile, or it is empty), or null when it can. */
export function crimeRefPatternProblem(pattern: string): string | null {
	if (pattern.trim() === '') return 'is empty';
	try {
		new RegExp(`^(?:${pattern})$`, 'u');
		return null;
	} catch {
		return 'is not a valid regular expression';
	}
}

/**
 * Null when `ref` is in the team's format; otherwise the reason, naming the pattern and (for the
 * default) an example. `ref` is quoted by the caller, through safeText.
 */
export function crimeRefProblem(ref: string, settings: Pick<Settings, 'crimeRefPattern'>): string | null {
	if (crimeRefRegExp(settings).test(ref)) return null;
	const pattern = settings.crimeRefPattern ?? DEFAULT_CRIME_REF_PATTERN;
	const example = pattern === DEFAULT_CRIME_REF_PATTERN ? ' such as CR/01234/26' : '';
	return `is not a crime reference in this team's format${example} (the pattern ${pattern}, setting crimeRefPattern)`;
}
