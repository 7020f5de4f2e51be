/**
 * The store file must be UTF-8. Decoding turns any other byte into U+FFFD without a word, and the next
 * save writes that U+FFFD back: a signed entry holding the byte then no longer matches its hash. So a
 * file that is not UTF-8 is refused on load, naming the first bad byte (README "Where the store lives").
 *
 * `isUtf8` (node:buffer, SIMD) checks a 65 MB store in a few milliseconds; only when it says no does
 * `firstInvalidUtf8` walk the bytes in JavaScript to find where.
 */
import {isUtf8} from 'node:buffer';

export {isUtf8};

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode table 3-7), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let low = 0x80;
		let high = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) low = 0xa0; // no overlong forms
			if (b === 0xed) high = 0x9f; // no surrogates
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) low = 0x90;
			if (b === 0xf4) high = 0x8f; // nothing above U+10FFFF
		} else return i;
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined) return i;
			if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
		}
		i += need + 1;
	}
	return -1;
}

/** 1-based line of byte `offset` (counting line feeds before it). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let at = bytes.indexOf(10); at !== -1 && at < offset; at = bytes.indexOf(10, at + 1)) line++;
	return line;
}
