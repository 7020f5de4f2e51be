/**
 * Ink's frame text, worked out once across frames instead of once per frame (issue 18's key-to-frame).
 *
 * Ink draws every frame whole: its Output lays each Text's lines into a grid of cells (one object a
 * cell), splitting each line into styled characters (ANSI tokenising, a grapheme walk per character),
 * then turns every row of the grid back into a string, comparing each cell's styles with its
 * neighbour's. For a key press in the explorer the new frame differs from the last in two rows out of
 * about forty, yet all of it was done again: most of the time Ink spends turning the tree into text.
 * Here, as Ink's own Output.get but with two things kept from frame to frame:
 * - the styled characters and widths of each line (Ink keeps them for one frame only); they are pure
 *   functions of the line's text and only ever read, so one set serves every frame, dropped and started
 *   afresh past a bound so memory stays small however long the desk runs and whatever is typed;
 * - each row's finished string, by what was placed on it (where, and which line's characters): a row
 *   placed as a row of the last frame was is that row's string, so only rows that are new are built (a
 *   cursor move builds two or three; a list scrolled by one, the one row it brings in and its neighbours).
 * A frame with a sideways clip (only the Calendar's grid has one) goes through Ink's own get unchanged.
 *
 * This reaches inside Ink (its Output class is not exported), so it checks the release and the shape it
 * relies on and does nothing otherwise: the desk is then only slower, never wrong. The frames are byte
 * for byte Ink's own, through every view and with wide characters and colours (test/ui/ink-output-cache.test.tsx).
 */
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

/** The Ink release whose Output this follows (package.json pins it). */
export const INK_VERSION = '6.8.0';
/**
 * Distinct lines whose styled characters are kept: a frame has about 50, and a coloured line of 120
 * cells holds about 43 KB of cell objects (measured), so 500 lines bound the cache near 20 MB.
 */
const MAX_LINES = 500;
/** Distinct strings whose widths are kept (single characters and whole lines). */
const MAX_WIDTHS = 20_000;

interface StyledChar {
	type: 'char';
	value: string;
	fullWidth: boolean;
	styles: readonly unknown[];
}
interface Caches {
	widths: Map<string, number>;
	blockWidths: Map<string, number>;
	styledChars: Map<string, StyledChar[]>;
	getStyledChars(line: string): StyledChar[];
	getStringWidth(text: string): number;
}
interface Clip {
	x1?: number;
	x2?: number;
	y1?: number;
	y2?: number;
}
type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: ((line: string, index: number) => string)[]}
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};
interface OutputLike {
	width: number;
	height: number;
	operations: Operation[];
	caches: Caches;
	get(): {output: string; height: number};
}
type OutputClass = (new (options: {width: number; height: number}) => OutputLike) & {prototype: OutputLike};
type CharsToString = (chars: StyledChar[]) => string;
type Codes = StyledChar['styles'];
interface Tokenizer {
	styledCharsToString?: unknown;
	diffAnsiCodes?: unknown;
	ansiCodesToString?: unknown;
}

interface InkOutput {
	Output: OutputClass;
	styledCharsToString: CharsToString;
}

let installed: 'shared' | 'not-supported' | undefined;

/** Ink's Output class and the row-to-string function it uses, or null when this Ink is not the one expected. */
export async function inkOutput(): Promise<InkOutput | null> {
	try {
		const require = createRequire(import.meta.url);
		const build = path.dirname(require.resolve('ink'));
		const pkg = JSON.parse(readFileSync(path.join(build, '..', 'package.json'), 'utf8')) as {version?: string};
		if (pkg.version !== INK_VERSION) return null;
		const output = (await import(pathToFileURL(path.join(build, 'output.js')).href)) as {default?: unknown};
		// The tokenizer Ink itself imports: its own dependency, found from Ink's folder as Node finds it
		// (its package exports an import entry only, which require.resolve cannot name).
		const folders = createRequire(path.join(build, 'output.js')).resolve.paths('@alcalzone/ansi-tokenize') ?? [];
		const folder = folders.map(f => path.join(f, '@alcalzone', 'ansi-tokenize')).find(f => existsSync(path.join(f, 'package.json')));
		if (!folder) return null;
		const tokenizerPkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {exports?: {'.'?: {import?: string}}};
		const entry = tokenizerPkg.exports?.['.']?.import;
		if (!entry) return null;
		const tokenizer = (await import(pathToFileURL(path.join(folder, entry)).href)) as Tokenizer;
		const Output = output.default as OutputClass | undefined;
		if (typeof Output !== 'function' || typeof Output.prototype.get !== 'function') return null;
		if (typeof tokenizer.styledCharsToString !== 'function') return null;
		const {diffAnsiCodes, ansiCodesToString} = tokenizer;
		const toString =
			typeof diffAnsiCodes === 'function' && typeof ansiCodesToString === 'function'
				? charsToString(diffAnsiCodes as (from: Codes, to: Codes) => Codes, ansiCodesToString as (codes: Codes) => string)
				: (tokenizer.styledCharsToString as CharsToString);
		const c = new Output({width: 1, height: 1}).caches as Partial<Caches> | undefined;
		const shaped =
			c &&
			[c.widths, c.blockWidths, c.styledChars].every(m => m instanceof Map) &&
			typeof c.getStyledChars === 'function' &&
			typeof c.getStringWidth === 'function';
		return shaped ? {Output, styledCharsToString: toString} : null;
	} catch {
		return null;
	}
}

/**
 * Makes every Ink frame share its text work with the frames before it. Idempotent; resolves to what was
 * done ('shared', or 'not-supported' when this Ink's Output is not the expected one and nothing changed).
 */
export async function shareInkOutputCaches(): Promise<'shared' | 'not-supported'> {
	if (installed) return installed;
	const ink = await inkOutput();
	if (installed) return installed;
	if (!ink) return (installed = 'not-supported');
	const {Output, styledCharsToString} = ink;
	const CachesClass = new Output({width: 1, height: 1}).caches.constructor as new () => Caches;
	let shared = new CachesClass();
	const inkGet = Output.prototype.get;
	const rows = new RowCache(styledCharsToString);
	Output.prototype.get = function (this: OutputLike) {
		if (shared.styledChars.size > MAX_LINES || shared.widths.size > MAX_WIDTHS || shared.blockWidths.size > MAX_WIDTHS) {
			shared = new CachesClass();
			rows.clear();
		}
		this.caches = shared;
		const sideways = this.operations.some(o => o.type === 'clip' && typeof o.clip.x1 === 'number' && typeof o.clip.x2 === 'number');
		return sideways ? inkGet.call(this) : frameText(this, rows);
	};
	return (installed = 'shared');
}

/**
 * The tokenizer's styledCharsToString (ansi-tokenize 0.2, build/styledChars.js), the same string for the
 * same characters, without its work where nothing changes. It works out the codes between every two
 * neighbouring characters (three Sets and two filters each), though neighbours almost always share their
 * styles (a run of text in one colour, blank cells): that was most of the time a first frame took to
 * turn into text (issue 18, case rows on screen). Two neighbours with the same codes in the same order
 * need none between them (diffAnsiCodes gives none: every code of one is in the other), nor does a
 * character without styles at either end; anything else is asked of the tokenizer, as it would be.
 */
function charsToString(diffAnsiCodes: (from: Codes, to: Codes) => Codes, ansiCodesToString: (codes: Codes) => string): CharsToString {
	const NONE: Codes = [];
	const same = (a: Codes, b: Codes): boolean => {
		if (a === b) return true;
		if (a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) {
			const x = a[i] as {code?: unknown; endCode?: unknown};
			const y = b[i] as {code?: unknown; endCode?: unknown};
			if (x.code !== y.code || x.endCode !== y.endCode) return false;
		}
		return true;
	};
	const between = (from: Codes, to: Codes): string => (same(from, to) ? '' : ansiCodesToString(diffAnsiCodes(from, to)));
	return chars => {
		let out = '';
		const last = chars.length - 1;
		for (let i = 0; i <= last; i++) {
			const styles = chars[i]!.styles;
			out += i === 0 ? (styles.length === 0 ? '' : ansiCodesToString(styles)) : between(chars[i - 1]!.styles, styles);
			out += chars[i]!.value;
			if (i === last) out += between(styles, NONE);
		}
		return out;
	};
}

/** One piece placed on a row: the column it starts at and the line's styled characters (cached: same text, same array). */
type Placement = [x: number, chars: StyledChar[]];

/**
 * The rows built for the last frame and this one, by what was placed on them (the width, then each piece's
 * column and characters), so a row drawn as in the last frame is not built again, wherever it now sits:
 * a list scrolled by one row is the last frame's rows moved up, with one new row to build.
 */
class RowCache {
	private previous = new Map<string, string>();
	private current = new Map<string, string>();
	/** A number for each distinct array of styled characters (the caches give one array per line text). */
	private ids = new WeakMap<StyledChar[], number>();
	private nextId = 0;
	constructor(private readonly toString: CharsToString) {}

	clear(): void {
		this.previous = new Map();
		this.current = new Map();
	}

	/** Called once a frame is done: its rows become the ones the next frame can reuse. */
	endFrame(): void {
		this.previous = this.current;
		this.current = new Map();
	}

	/** A row's string: the one built before for the same pieces at the same columns, else built as Ink builds it. */
	text(width: number, placed: Placement[], caches: Caches): string {
		let key = String(width);
		for (const [x, chars] of placed) {
			let id = this.ids.get(chars);
			if (id === undefined) this.ids.set(chars, (id = this.nextId++));
			key += ` ${x}:${id}`;
		}
		let text = this.current.get(key) ?? this.previous.get(key);
		if (text === undefined) text = this.build(width, placed, caches);
		this.current.set(key, text);
		return text;
	}

	/** Ink's Output.get for one row: blank cells, each piece's characters over them in order, to a string. */
	private build(width: number, placed: Placement[], caches: Caches): string {
		const row: (StyledChar | undefined)[] = [];
		for (let x = 0; x < width; x++) row.push(BLANK);
		for (const [x, characters] of placed) {
			let offsetX = x;
			for (const character of characters) {
				row[offsetX] = character;
				// Multi-column characters clear the cells they cover, as Ink does. A single ASCII character is one
				// column whatever string-width says (0 for a control character, 1 otherwise; Ink takes at least 1).
				const v = character.value;
				const characterWidth = v.length === 1 && v.charCodeAt(0) < 0x7f ? 1 : Math.max(1, caches.getStringWidth(v));
				for (let i = 1; i < characterWidth; i++) row[offsetX + i] = {type: 'char', value: '', fullWidth: false, styles: character.styles};
				offsetX += characterWidth;
			}
		}
		return this.toString(row.filter((c): c is StyledChar => c !== undefined)).trimEnd();
	}
}

/** Ink's empty cell (never changed: the cells are only read). */
const BLANK: StyledChar = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])}) as StyledChar;

/**
 * Ink 6.8's Output.get (build/output.js) for frames without a sideways clip: the same walk over the
 * operations (vertical clips, transformers, the styled characters of each line), collecting what lands on
 * each row instead of writing it into a grid, then each row's string from the row cache.
 */
function frameText(o: OutputLike, rows: RowCache): {output: string; height: number} {
	const placedByRow: Placement[][] = [];
	for (let y = 0; y < o.height; y++) placedByRow.push([]);
	const clips: Clip[] = [];
	for (const operation of o.operations) {
		if (operation.type === 'clip') clips.push(operation.clip);
		if (operation.type === 'unclip') clips.pop();
		if (operation.type !== 'write') continue;
		const {text, transformers} = operation;
		let {y} = operation;
		const {x} = operation;
		if (!text) continue;
		let lines = text.split('\n');
		const clip = clips.at(-1);
		if (clip && typeof clip.y1 === 'number' && typeof clip.y2 === 'number') {
			if (y + lines.length < clip.y1 || y > clip.y2) continue;
			const from = y < clip.y1 ? clip.y1 - y : 0;
			const to = y + lines.length > clip.y2 ? clip.y2 - y : lines.length;
			lines = lines.slice(from, to);
			if (y < clip.y1) y = clip.y1;
		}
		let offsetY = 0;
		for (const [index, raw] of lines.entries()) {
			const row = placedByRow[y + offsetY];
			// A line below the frame's last row is dropped, as Ink drops it.
			if (!row) continue;
			let line = raw;
			for (const transformer of transformers) line = transformer(line, index);
			row.push([x, o.caches.getStyledChars(line)]);
			offsetY++;
		}
	}
	const out: string[] = [];
	for (let y = 0; y < o.height; y++) out.push(rows.text(o.width, placedByRow[y]!, o.caches));
	rows.endFrame();
	return {output: out.join('\n'), height: o.height};
}
