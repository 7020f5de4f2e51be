/**
 * The desk shares Ink's per-frame text caches across frames (source/ui/desk/ink-output-cache.ts, issue 18's
 * key-to-frame): every frame Ink draws must be byte for byte what Ink's own Output would have drawn,
 * colour codes included, through key presses that scroll, filter, change view and open the help, with
 * wide characters in the rows. Each frame is drawn both ways and compared.
 */
import chalk from 'chalk';
import {cleanup} from 'ink-testing-library';
import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {INK_VERSION, inkOutput, shareInkOutputCaches} from '../../source/ui/desk/ink-output-cache.js';

interface Frame {
	output: string;
	height: number;
}
type Get = (this: {caches: object}) => Frame;
interface OutputInstance {
	caches: object;
	write(x: number, y: number, text: string, options: {transformers: ((line: string, index: number) => string)[]}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): Frame;
}
type OutputCtor = new (options: {width: number; height: number}) => OutputInstance;

let level: typeof chalk.level;
let original: Get;
let Output: OutputCtor;
let frames = 0;
let coloured = 0;
const mismatches: {expected: string; actual: string}[] = [];

beforeAll(async () => {
	level = chalk.level;
	chalk.level = 3;
	const ink = await inkOutput();
	expect(ink, `Ink ${INK_VERSION}'s Output class`).not.toBeNull();
	Output = ink!.Output as unknown as OutputCtor;
	const proto = Output.prototype as unknown as {get: Get; caches: object};
	// Ink's own get, kept before the desk's module shares the caches.
	original = proto.get;
	expect(await shareInkOutputCaches()).toBe('shared');
	const shared = proto.get;
	expect(shared).not.toBe(original);
	proto.get = function (this: {caches: object}) {
		// Ink's way first, on this frame's own fresh caches; then the shared way on the same operations.
		const expected = original.call(this);
		const actual = shared.call(this);
		frames++;
		if (/\u001b\[3\dm/.test(actual.output)) coloured++;
		if (expected.output !== actual.output || expected.height !== actual.height)
			mismatches.push({expected: expected.output, actual: actual.output});
		return actual;
	};
});

afterAll(() => {
	chalk.level = level;
	cleanup();
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PIECES = [
	'CR/1/26',
	' ',
	'HIGH',
	'\u001b[31mOVERDUE 3d\u001b[39m',
	'\u001b[7m› row\u001b[27m',
	'\u6F22\u5B57',
	'\u{1F44D}\u{1F3FD}',
	'e\u0301',
	'│',
	'…',
	'\u001b[1mbold\u001b[22m',
];
const upper = (line: string) => line.toUpperCase();
const inverse = (line: string) => `\u001b[7m${line}\u001b[27m`;

describe('shared Ink output caches', () => {
	it('lays out any writes, vertical and sideways clips, wide characters, colours and lines off the frame as Ink does, frame after frame', () => {
		const next = random(18);
		const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
		const text = () =>
			Array.from({length: 1 + Math.floor(next() * 3)}, () =>
				Array.from({length: Math.floor(next() * 8)}, () => pick(PIECES)).join(''),
			).join('\n');
		// Frames that change a little from one to the next, as key presses do: the rows kept from the frame
		// before must be exactly the rows Ink would draw.
		let plan: {x: number; y: number; text: string; t: number; clip: number}[] = [];
		const before = mismatches.length;
		const framesBefore = frames;
		for (let frame = 0; frame < 300; frame++) {
			if (plan.length === 0 || next() < 0.3)
				plan = Array.from({length: 12}, () => ({
					x: Math.floor(next() * 30) - 2,
					y: Math.floor(next() * 14) - 2,
					text: text(),
					t: Math.floor(next() * 3),
					clip: Math.floor(next() * 4),
				}));
			else if (next() < 0.5) plan[Math.floor(next() * plan.length)]!.text = text();
			// The same text moved sideways: the row holds the same characters at another column.
			else plan[Math.floor(next() * plan.length)]!.x += next() < 0.5 ? 1 : -1;
			const output = new Output({width: 24, height: 10});
			for (const w of plan) {
				if (w.clip === 1) output.clip({y1: 2, y2: 7});
				if (w.clip === 2 && frame % 10 === 0) output.clip({x1: 3, x2: 20, y1: 1, y2: 9});
				output.write(w.x, w.y, w.text, {transformers: [[], [upper], [upper, inverse]][w.t]!});
				if (w.clip === 1 || (w.clip === 2 && frame % 10 === 0)) output.unclip();
			}
			output.get();
		}
		expect(frames - framesBefore).toBe(300);
		expect(mismatches.slice(before)[0]).toBeUndefined();
	});

	it("turns a row's styled characters into the tokenizer's own string, whatever styles meet", async () => {
		// Its own row-to-string skips the codes between neighbours with the same styles: every pairing of
		// styles here (bold and dim share an end code, colours replace each other, 256 and true colour,
		// backgrounds, nesting) must give the tokenizer's string, byte for byte.
		const ink = await inkOutput();
		const STYLED = [
			'plain',
			' ',
			'\u001b[1mbold\u001b[22m',
			'\u001b[2mdim\u001b[22m',
			'\u001b[1m\u001b[2mboth\u001b[22m\u001b[22m',
			'\u001b[31mred\u001b[39m',
			'\u001b[32mgreen\u001b[39m',
			'\u001b[31m\u001b[32mrecoloured\u001b[39m',
			'\u001b[38;5;208m256\u001b[39m',
			'\u001b[38;2;10;20;30mtrue\u001b[39m',
			'\u001b[44mon blue\u001b[49m',
			'\u001b[4m\u001b[31munder red\u001b[39m\u001b[24m',
			'\u001b[7m\u001b[1minverse bold\u001b[22m\u001b[27m',
			'\u001b[1mopen bold',
			'\u6F22\u5B57',
		];
		const next = random(7);
		for (let n = 0; n < 2000; n++) {
			const line = Array.from({length: 1 + Math.floor(next() * 6)}, () => STYLED[Math.floor(next() * STYLED.length)]).join('');
			const chars = styledCharsFromTokens(tokenize(line));
			expect(ink!.styledCharsToString(chars as never), JSON.stringify(line)).toBe(styledCharsToString(chars));
		}
	});

	it('installs once and reports it', async () => {
		expect(await shareInkOutputCaches()).toBe('shared');
	});

	it('draws every desk frame exactly as Ink alone would, colours and wide characters included', async () => {
		const {demoData, KEYS, ready, renderDesk} = await import('./desk-harness.js');
		const base = demoData();
		// Wide and combining text in the explorer's rows and the case view (two-column cells, zero-width marks).
		const wide = ['\u6F22\u5B57\u306E\u30E1\u30E2 phone', 'Suspect \u{1F44D}\u{1F3FD} replied', 'Caf\u00E9 re\u0301sume\u0301 \u2026'];
		const data = {...base, cases: base.cases.map((c, i) => ({...c, offenceShort: wide[i % wide.length]!}))};
		const h = renderDesk({data, color: true, size: {columns: 120, rows: 40}});
		await ready(h);
		for (let i = 0; i < 30; i++) await h.press('j');
		await h.press('k');
		await h.press(KEYS.enter);
		await h.type('/cr');
		await h.press(KEYS.esc);
		for (const view of ['2', '3', '4', '5', '1']) await h.press(view);
		await h.press('?');
		await h.press(KEYS.esc);
		await h.resize(80, 24);
		for (let i = 0; i < 5; i++) await h.press('j');
		h.app.unmount();
		expect(frames).toBeGreaterThan(40);
		// The comparison covered coloured frames (chalk on), not only plain text.
		expect(coloured).toBeGreaterThan(40);
		expect(mismatches[0]).toBeUndefined();
	});
});
