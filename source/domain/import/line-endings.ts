/**
 * A file whose rows end in two different ways. csv-parse takes the record delimiter from the first row:
 * after a CRLF header, a row ending in LF alone does not end there, so the next row runs into it and
 * the importer used to report "a comma in an unquoted field?"; after an LF header, a CRLF row keeps a
 * carriage return in its last cell. Both happen when a row is added to a Windows export in a Unix
 * editor (or the other way round), and both get one accurate sentence naming the first such row.
 *
 * A line break inside a quoted cell is data, whatever its kind (spreadsheets write LF inside quoted
 * cells of CRLF files), so only line ends outside quotes count. The quote-aware walk is needed only
 * when the other kind of line end occurs at all, which a native search finds first.
 */

export interface MixedLineEndings {
	/** Spreadsheet row (the header is row 1) that is the first to end the other way. */
	row: number;
	/** How the rows before it end (as csv-parse decided from the first line). */
	kind: 'CRLF' | 'LF';
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** The first row that ends differently from the file's first line, or null when every row ends alike. */
export function findMixedLineEndings(input: Uint8Array): MixedLineEndings | null {
	const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	// csv-parse takes the first CR or LF outside quotes as the kind of line end for the whole file; a lone
	// CR (an old Mac file) is not a kind this looks for.
	const first = nextLineEnd(bytes, start, true);
	if (first === -1 || (bytes[first] === CR && bytes[first + 1] !== LF)) return null;
	const kind = bytes[first] === CR ? 'CRLF' : 'LF';
	const firstEnd = kind === 'CRLF' ? first + 1 : first;
	// Excel's "sep=," line is not a row (parse-csv.ts skips it too): then the header is the next line.
	const sepLine = /^sep=.$/i.test(bytes.toString('latin1', start, kind === 'CRLF' ? first : firstEnd));
	if (!otherEndingOccurs(bytes, firstEnd + 1, kind)) return null;
	let row = sepLine ? 0 : 1;
	for (let at = nextLineEnd(bytes, firstEnd + 1); at !== -1; at = nextLineEnd(bytes, at + 1)) {
		row++;
		if ((bytes[at - 1] === CR ? 'CRLF' : 'LF') !== kind) return {row, kind};
	}
	return null;
}

/** Whether a line end of the other kind is anywhere after `from` (inside quotes or not): a quick native search. */
function otherEndingOccurs(bytes: Buffer, from: number, kind: 'CRLF' | 'LF'): boolean {
	if (kind === 'LF') return bytes.indexOf('\r\n', from) !== -1;
	for (let at = bytes.indexOf(LF, from); at !== -1; at = bytes.indexOf(LF, at + 1)) {
		if (bytes[at - 1] !== CR) return true;
	}
	return false;
}

/**
 * Index of the next LF at or after `from` that ends a row (outside quotes), or -1; with `orCr`, of the next
 * CR or LF. `from` must be the start of a row. A quote opens a quoted cell only as a cell's first
 * character, as csv-parse reads it (a quote inside an unquoted cell is kept as text), and "" inside a
 * quoted cell is a quote.
 */
function nextLineEnd(bytes: Buffer, from: number, orCr = false): number {
	let cellStart = true;
	for (let i = from; i < bytes.length; i++) {
		const b = bytes[i]!;
		if (b === QUOTE && cellStart) {
			// Skip the quoted cell: to the quote that is not doubled.
			let q = bytes.indexOf(QUOTE, i + 1);
			while (q !== -1 && bytes[q + 1] === QUOTE) q = bytes.indexOf(QUOTE, q + 2);
			if (q === -1) return -1; // never closed: csv-parse reports that
			i = q;
			cellStart = false;
		} else if (b === LF || (orCr && b === CR)) {
			return i;
		} else {
			cellStart = b === COMMA;
		}
	}
	return -1;
}
