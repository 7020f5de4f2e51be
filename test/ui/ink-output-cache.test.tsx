/**
 * The desk shares Ink's per-frame text caches across frames (source/ui/desk/ink-output-cache.ts, issue 18's
 * key-to-frame): every frame Ink draws must be byte for byte what Ink's own Output would have drawn,
 * colour codes included, through key presses that scroll, filter, change view and open the help, with
 * wide characters in the rows. Each frame is drawn both ways and compared.
 */
import chalk from 'chalk';
import {cleanup} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {INK_VERSION, inkOutputClass, shareInkOutputCaches} from '../../source/ui/desk/ink-output-cache.js';

interface Frame {
	output: string;
	height: number;
}
type Get = (this: {caches: object}) => Frame;

let level: typeof chalk.level;
let original: Get;
let frames = 0;
let coloured = 0;
const mismatches: {expected: string; actual: string}[] = [];

beforeAll(async () => {
	level = chalk.level;
	chalk.level = 3;
	const Output = await inkOutputClass();
	expect(Output, `Ink ${INK_VERSION}'s Output class`).not.toBeNull();
	const proto = Output!.prototype as unknown as {get: Get; caches: object};
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

describe('shared Ink output caches', () => {
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
