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
 * - Duplicate keys: JSON.parse keeps the last of two equal names in one object, so a file can show one
 *   value and load another. Inside a signed chain entry that hides text from `verify` (the hash covers
 *   only the value loaded). Found in the same pass, without making a string per name (names are compared
 *   by length, first and last character, then character by character); an object with more than
 *   KEYS_COMPARED names, or an escaped name, switches to a Set of decoded names. At 5,000 cases (2.3
 *   million names) this adds 10-25 ms to a pass of about 100 ms, in a load of about 1.4 s.
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
const COLON = 58;

/** Names compared pairwise in one object before a Set takes over (the store's objects have under 40). */
const KEYS_COMPARED = 64;

export interface JsonScan {
	/** Index of the first property name that repeats an earlier one in the same object, or -1. */
	duplicateKey: number;
}

const SCRATCH = {
	isObject: new Uint8Array(MAX_DEPTH + 2),
	firstName: new Int32Array(MAX_DEPTH + 2),
	sets: new Array<Set<string> | null>(MAX_DEPTH + 2).fill(null),
	hashes: new Int32Array((MAX_DEPTH + 2) * KEYS_COMPARED),
	lengths: new Int32Array((MAX_DEPTH + 2) * KEYS_COMPARED),
	starts: new Int32Array((MAX_DEPTH + 2) * KEYS_COMPARED),
};

/**
 * One pass over the text: throws StoreError 'too-large' for nesting deeper than MAX_DEPTH or a token longer
 * than MAX_TOKEN, and reports the first duplicate property name (the caller refuses it once the text has
 * parsed, so a syntax error earlier in a damaged file is the one reported).
 */
export function checkJsonLimits(raw: string, file: string, what = 'store'): JsonScan {
	let depth = 0;
	const n = raw.length;
	let duplicateKey = -1;
	// Per open container (index = depth): whether it is an object, where its names start in the name
	// stack, and its Set once it has one. The name stack holds the fingerprint, length and start of each name.
	// The arrays are the module's, reused: each slot is written before it is read in this call, and the
	// chain file is checked a line at a time (50,000 calls at 5,000 cases, where allocating them cost more
	// than the checking).
	const {isObject, firstName, sets, hashes, lengths, starts} = SCRATCH;
	sets.fill(null);
	let names = 0;
	let nextBackslash = raw.indexOf('\\');
	for (let i = 0; i < n; i++) {
		const c = raw.charCodeAt(i);
		if (c === QUOTE) {
			const start = i;
			// Find the closing quote, skipping escaped characters; indexOf keeps this fast on long text.
			for (;;) {
				const q = raw.indexOf('"', i + 1);
				if (q === -1) return {duplicateKey}; // unterminated: JSON.parse reports it with a position
				let slashes = 0;
				for (let k = q - 1; k > start && raw.charCodeAt(k) === BACKSLASH; k--) slashes++;
				i = q;
				if (slashes % 2 === 0) break;
			}
			if (i - start - 1 > MAX_TOKEN) {
				throw new StoreError(
					'too-large',
					`${file} holds a text of ${i - start - 1} characters starting at ${describePosition(raw, start)}, longer than any ${what} field may be ` +
						`(${MAX_TOKEN}); it is damaged or not a fortnight ${what}. The file was not changed.`,
					file,
				);
			}
			if (duplicateKey !== -1 || depth < 0 || isObject[depth] !== 1) continue;
			// A string in an object followed by a colon is a property name.
			let j = i + 1;
			let next = raw.charCodeAt(j);
			while (next === 32 || next === 10 || next === 13 || next === 9) next = raw.charCodeAt(++j);
			if (next !== COLON) continue;
			const from = start + 1;
			const length = i - from;
			// The next backslash at or after this name, found by indexOf and kept while names pass it by, so the
			// whole file costs one walk for backslashes however many names there are.
			if (nextBackslash !== -1 && nextBackslash < from) nextBackslash = raw.indexOf('\\', from);
			const escaped = nextBackslash !== -1 && nextBackslash < i;
			// A fingerprint of length, first and last character: distinct names of one object rarely share it.
			const hash = length === 0 ? 0 : (raw.charCodeAt(from) << 16) | raw.charCodeAt(i - 1);
			let set = sets[depth] ?? null;
			if (set === null && (escaped || names - firstName[depth]! >= KEYS_COMPARED)) {
				set = new Set();
				for (let k = firstName[depth]!; k < names; k++) set.add(raw.slice(starts[k]!, starts[k]! + lengths[k]!));
				sets[depth] = set;
				names = firstName[depth]!;
			}
			if (set !== null) {
				const name = escaped ? decodeName(raw.slice(start, i + 1)) : raw.slice(from, i);
				if (name === null) continue; // a bad escape: JSON.parse reports it
				if (set.has(name)) duplicateKey = start;
				else set.add(name);
				continue;
			}
			for (let k = firstName[depth]!; k < names; k++) {
				if (hashes[k] !== hash || lengths[k] !== length) continue;
				const other = starts[k]!;
				let m = 0;
				while (m < length && raw.charCodeAt(other + m) === raw.charCodeAt(from + m)) m++;
				if (m === length) duplicateKey = start;
			}
			hashes[names] = hash;
			lengths[names] = length;
			starts[names] = from;
			names++;
		} else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
			if (++depth >= 0 && depth <= MAX_DEPTH) {
				isObject[depth] = c === OPEN_BRACE ? 1 : 0;
				firstName[depth] = names;
				sets[depth] = null;
			}
			if (depth > MAX_DEPTH) {
				throw new StoreError(
					'too-large',
					`${file} nests lists or objects more than ${MAX_DEPTH} levels deep (at ${describePosition(raw, i)}); it is damaged or not a fortnight ${what}. ` +
						`The file was not changed.`,
					file,
				);
			}
		} else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
			if (depth >= 0 && isObject[depth] === 1) names = firstName[depth]!;
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
				throw new StoreError(
					'too-large',
					`${file} holds a number ${j - i} characters long at ${describePosition(raw, i)}; it is damaged or not a fortnight ${what}. The file was not changed.`,
					file,
				);
			}
			i = j - 1;
		}
	}
	return {duplicateKey};
}

/** A property name with escapes, decoded as JSON.parse would; null when the escapes are bad. */
function decodeName(quoted: string): string | null {
	try {
		return JSON.parse(quoted) as string;
	} catch {
		return null;
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
