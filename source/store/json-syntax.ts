/**
 * Where a text stops being JSON, and what is wrong there, in words that carry none of the text itself.
 * V8's JSON.parse messages quote the text around the error ('Unexpected token 'r', "root:x:0:0"... is
 * not valid JSON'), and the file named by --store may be anything: /etc/shadow, or a welfare file full
 * of health notes. So the loader never shows V8's message; it runs this instead, only after JSON.parse
 * has failed (it is a plain character walk, not fast, and never on the load path of a good file).
 *
 * The grammar is RFC 8259's, the one JSON.parse implements; a test holds the two to the same verdict
 * (and the same position where V8 gives one) on fuzzed texts.
 */

export interface JsonSyntaxError {
	/** Index in the text (UTF-16 code units) of the character where the text stops being JSON. */
	index: number;
	/** What is wrong there, in words; never any of the text. */
	problem: string;
}

const TRUNCATED = 'the file ends too early (it looks truncated)';

const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

const isDigit = (c: number) => c >= ZERO && c <= NINE;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** The first syntax error in `text`, or null when the whole text is one JSON value (with white space around it). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
	const n = text.length;
	let i = 0;
	/** Open containers, innermost last: true for an object, false for a list. */
	const open: boolean[] = [];
	const fail = (index: number, problem: string): JsonSyntaxError => ({index, problem: index >= n ? TRUNCATED : problem});
	const skipSpace = () => {
		for (;;) {
			const c = text.charCodeAt(i);
			if (c === SPACE || c === NEWLINE || c === RETURN || c === TAB) i++;
			else return;
		}
	};

	/** Reads one string starting at the quote at `i`; returns an error or null, leaving `i` after the closing quote. */
	const readString = (): JsonSyntaxError | null => {
		i++;
		for (;;) {
			if (i >= n) return fail(i, 'a text is never closed');
			const c = text.charCodeAt(i);
			if (c === QUOTE) {
				i++;
				return null;
			}
			if (c < 0x20) return fail(i, 'a control character (such as a tab or a line break) stands unescaped inside a text');
			if (c === BACKSLASH) {
				const e = text.charCodeAt(i + 1);
				if (i + 1 >= n) return fail(n, '');
				if (e === 117 /* u */) {
					for (let k = 2; k < 6; k++) {
						if (i + k >= n) return fail(n, '');
						if (!isHex(text.charCodeAt(i + k))) return fail(i + k, 'a \\u escape inside a text is not followed by four hex digits');
					}
					i += 6;
					continue;
				}
				// " \ / b f n r t
				if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
					i += 2;
					continue;
				}
				return fail(i + 1, 'a backslash inside a text is followed by a character that cannot be escaped');
			}
			i++;
		}
	};

	const readNumber = (): JsonSyntaxError | null => {
		if (text.charCodeAt(i) === MINUS) {
			i++;
			if (!isDigit(text.charCodeAt(i))) return fail(i, 'a minus sign is not followed by a number');
		}
		if (text.charCodeAt(i) === ZERO) i++;
		else while (isDigit(text.charCodeAt(i))) i++;
		if (text.charCodeAt(i) === DOT) {
			i++;
			if (!isDigit(text.charCodeAt(i))) return fail(i, 'a number has no digits after its decimal point');
			while (isDigit(text.charCodeAt(i))) i++;
		}
		const e = text.charCodeAt(i);
		if (e === 101 || e === 69) {
			i++;
			const sign = text.charCodeAt(i);
			if (sign === PLUS || sign === MINUS) i++;
			if (!isDigit(text.charCodeAt(i))) return fail(i, 'a number has no digits in its exponent');
			while (isDigit(text.charCodeAt(i))) i++;
		}
		return null;
	};

	/** After a value: closes containers or moves to the next item; returns an error, 'done', or 'value' (a value comes next). */
	const afterValue = (): JsonSyntaxError | 'done' | 'value' | 'key' => {
		for (;;) {
			skipSpace();
			if (open.length === 0) return i >= n ? 'done' : fail(i, 'more text follows the end of the JSON data');
			const inObject = open[open.length - 1]!;
			const c = text.charCodeAt(i);
			if (c === COMMA) {
				i++;
				return inObject ? 'key' : 'value';
			}
			if (c === (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
				i++;
				open.pop();
				continue;
			}
			return fail(i, inObject ? 'expected "," or "}" after a property value' : 'expected "," or "]" after a list item');
		}
	};

	/** Reads a property name and its colon; returns an error or null. */
	const readKey = (): JsonSyntaxError | null => {
		skipSpace();
		if (text.charCodeAt(i) !== QUOTE) return fail(i, 'expected a property name in double quotes');
		const bad = readString();
		if (bad) return bad;
		skipSpace();
		if (text.charCodeAt(i) !== COLON) return fail(i, 'expected ":" after a property name');
		i++;
		return null;
	};

	let next: 'value' | 'key' = 'value';
	for (;;) {
		if (next === 'key') {
			const bad = readKey();
			if (bad) return bad;
		}
		skipSpace();
		if (i >= n) return fail(i, '');
		const c = text.charCodeAt(i);
		let bad: JsonSyntaxError | null = null;
		if (c === OPEN_BRACE) {
			i++;
			skipSpace();
			if (text.charCodeAt(i) === CLOSE_BRACE) i++;
			else {
				open.push(true);
				next = 'key';
				continue;
			}
		} else if (c === OPEN_BRACKET) {
			i++;
			skipSpace();
			if (text.charCodeAt(i) === CLOSE_BRACKET) i++;
			else {
				open.push(false);
				next = 'value';
				continue;
			}
		} else if (c === QUOTE) bad = readString();
		else if (c === MINUS || isDigit(c)) bad = readNumber();
		else {
			const word = ['true', 'false', 'null'].find(w => w.charCodeAt(0) === c);
			if (!word) return fail(i, 'a character that cannot start a JSON value stands where a value was expected');
			for (let k = 1; k < word.length; k++) {
				if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return fail(i + k, 'a misspelt true, false or null');
			}
			i += word.length;
		}
		if (bad) return bad;
		const then = afterValue();
		if (then === 'done') return null;
		if (typeof then === 'object') return then;
		next = then;
	}
}

/**
 * "line 3, column 5 (byte 27)" for an index in `text`: the line and column a text editor shows, and the
 * byte offset in the UTF-8 file (`leadingBytes` for bytes before the text, such as a stripped BOM).
 */
export function describePosition(text: string, index: number, leadingBytes = 0): string {
	let line = 1;
	let column = 1;
	let bytes = leadingBytes;
	const end = Math.min(index, text.length);
	for (let k = 0; k < end; k++) {
		const c = text.charCodeAt(k);
		if (c === NEWLINE) {
			line++;
			column = 1;
		} else if (c < 0xdc00 || c > 0xdfff) {
			column++; // the second half of a surrogate pair is part of the same character
		}
		bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
	}
	return `line ${line}, column ${column} (byte ${bytes})`;
}
