/**
 * Every line of the desk stays inside its pane. The panes and the frame clip top to bottom only
 * (pane.tsx: Ink's sideways clip cost a sixth of a key press, issue 18), so what keeps a line inside its
 * borders is the layout (panes as wide as layout.ts gives them) and the fitting of each line (text.ts,
 * Ink's wrap and truncate): here with text that is not one column a character (wide CJK, emoji with a
 * skin tone, combining accents, the desk's own drawing characters) in the explorer, the case view and
 * the Problems panel, at 80x24 and 120x40. A pane drawn wider than its layout fails it.
 */
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {layoutFor} from '../../source/ui/desk/layout.js';
import {demoData, KEYS, ready, renderDesk} from './desk-harness.js';

afterEach(() => cleanup());

const WIDE = [
	'\u6F22\u5B57\u306E\u30E1\u30E2 phone download \u6F22\u5B57',
	'Suspect replied \u{1F44D}\u{1F3FD}\u{1F44D}\u{1F3FD} to the text \u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
	'Caf\u00E9 re\u0301sume\u0301 \u2014 \u2018quoted\u2019 \u2192 next \u2026 and more words to cut',
];

/** The demo store with wide text in every case's offence (the explorer's column and the case view). */
function wideData(): StoreData {
	const data = demoData();
	const cases = data.cases.map((c, i) => {
		const wide = WIDE[i % WIDE.length]!;
		return {...c, offenceShort: wide.slice(0, 40), offence: `${wide} ${c.offence}`};
	});
	return {...data, cases};
}

/** The display column at which each of the line's characters starts. */
function columnsOf(line: string): Map<number, string> {
	const at = new Map<number, string>();
	let col = 0;
	for (const {segment} of new Intl.Segmenter('en', {granularity: 'grapheme'}).segment(line)) {
		at.set(col, segment);
		col += stringWidth(segment);
	}
	return at;
}

const BORDER = /[│║┌┐└┘╔╗╚╝─═]/;

function expectInside(frame: string, columns: number, rows: number): void {
	const lines = frame.split('\n');
	expect(lines.length).toBe(rows - 1);
	for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
	// The explorer's right border and the editor's left border are at the same columns on every line of the main area.
	const L = layoutFor({columns, rows});
	const right = L.activityWidth + L.sidebarWidth - 1;
	for (const line of lines.slice(0, L.mainHeight)) {
		const at = columnsOf(line);
		expect(at.get(right), line).toMatch(BORDER);
		expect(at.get(right + 1), line).toMatch(BORDER);
	}
}

describe('the desk with text wider or narrower than its characters', () => {
	for (const [columns, rows] of [
		[80, 24],
		[120, 40],
	] as const) {
		it(`keeps every line inside its pane at ${columns}x${rows}: explorer, case view and problems`, async () => {
			const h = renderDesk({data: wideData(), size: {columns, rows}});
			await ready(h);
			let f = h.frame();
			expect(f).toMatch(/\u6F22|\u{1F44D}|Caf/u);
			expectInside(f, columns, rows);
			// Down to a case with wide text and open it: the case view shows the offence in full, wrapped.
			f = await h.press('j');
			f = await h.press('j');
			expectInside(f, columns, rows);
			f = await h.press(KEYS.enter);
			expectInside(f, columns, rows);
			f = await h.press(KEYS.tab);
			expectInside(f, columns, rows);
			h.app.unmount();
		});
	}
});
