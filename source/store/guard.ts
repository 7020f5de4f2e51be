/**
 * Defences the schema cannot give, applied to the raw text and the parsed value before anything else
 * touches them. A store is hostile input (it sits on a shared drive anyone in the team can edit):
 *
 * - Deep nesting: V8's JSON.parse copes with 100,000 nested arrays, but JSON.stringify, structuredClone
 *   and every recursive walk after it overflow the stack. The schema's own shape is under 12 levels deep;
 *   free-form draft answers get room up to MAX_DEPTH. Checked on the text, before parsing, in one pass.
 * - Huge tokens: most text fields have a schema maxLength, but draft answers are free-form, so one
 *   string (or number) longer than MAX_TOKEN characters anywhere is refused before parsing.
 * - `__proto__` keys: JSON.parse makes them plain own properties, harmless until some later code copies
 *   them with assignment (Object.assign, `out[key] = value`), which would replace that object's prototype.
 *   No fortnight field is called that, so they are dropped on load. `constructor` and `prototype` stay
 *   as plain data: as own properties of a JSON object they shadow nothing that matters.
 */
import {StoreError} from './errors.js';
import {describePosition} from './json-syntax.js';

export const MAX_DEPTH = 64;
/** Characters in one JSON string or number token, escapes included (the longest field is 20,000 characters). */
export const MAX_TOKEN = 200_000;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/** One pass over the text: throws StoreError 'too-large' for nesting deeper than MAX_DEPTH or a token longer than MAX_TOKEN. */
export function checkJsonLimits(raw: string, file: string, what = 'store'): void {
	let depth = 0;
	const n = raw.length;
	for (let i = 0; i < n; i++) {
		const c = raw.charCodeAt(i);
		if (c === QUOTE) {
			const start = i;
			// Find the closing quote, skipping escaped characters; indexOf keeps this fast on long text.
			for (;;) {
				const q = raw.indexOf('"', i + 1);
				if (q === -1) return; // unterminated: JSON.parse reports it with a position
				let slashes = 0;
				for (let k = q - 1; k > start && raw.charCodeAt(k) === BACKSLASH; k--) slashes++;
				i = q;
				if (slashes % 2 === 0) break;
			}
			if (i - start - 1 > MAX_TOKEN) {
				throw new StoreError(
					'too-large',
					`${file} holds a text of ${i - start - 1} characters starting at ${describePosition(raw, start)}, longer than any ${what} field may be (${MAX_TOKEN}); it is damaged or not a fortnight ${what}. The file was not changed.`,
					file,
				);
			}
		} else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
			if (++depth > MAX_DEPTH) {
				throw new StoreError(
					'too-large',
					`${file} nests lists or objects more than ${MAX_DEPTH} levels deep (at ${describePosition(raw, i)}); it is damaged or not a fortnight ${what}. The file was not changed.`,
					file,
				);
			}
		} else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
			depth--;
		} else if ((c >= 48 && c <= 57) || c === 45) {
			// A number: digits, sign, point, exponent. A million-digit number is not a fortnight value.
			let j = i + 1;
			while (j < n) {
				const d = raw.charCodeAt(j);
				if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) j++;
				else break;
			}
			if (j - i > MAX_TOKEN) {
				throw new StoreError('too-large', `${file} holds a number ${j - i} characters long at ${describePosition(raw, i)}; it is damaged or not a fortnight ${what}. The file was not changed.`, file);
			}
			i = j - 1;
		}
	}
}

/**
 * Removes every own `__proto__` key from a freshly parsed JSON value, in place, without recursion (the
 * depth is already bounded, but an explicit stack costs nothing). Returns how many were removed.
 */
export function dropProtoKeys(value: unknown): number {
	let removed = 0;
	const stack: unknown[] = [value];
	while (stack.length > 0) {
		const v = stack.pop();
		if (v === null || typeof v !== 'object') continue;
		if (Array.isArray(v)) {
			for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
			continue;
		}
		if (Object.prototype.hasOwnProperty.call(v, '__proto__')) {
			delete (v as Record<string, unknown>)['__proto__'];
			removed++;
		}
		for (const key of Object.keys(v)) {
			const item = (v as Record<string, unknown>)[key];
			if (item !== null && typeof item === 'object') stack.push(item);
		}
	}
	return removed;
}
