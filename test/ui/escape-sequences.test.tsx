/**
 * Escape sequences typed or pasted into the desk's text fields (QA report items 3 and 5; README "Terminal
 * safety"): a colour code in a paste crashed the desk (Ink 6.8's useInput read ESC[0m as Ctrl with no key
 * name), and OSC and CSI tails ("]0;PWNED␇", "[2J") ended up in saved and signed text because Ink strips
 * the ESC before the fields see the sequence. Bracketed and unbracketed, in the palette, the list filter,
 * a Handover field, a form's field and the review's text areas, and fuzzed: random bytes never crash the desk and
 * sequences of every kind, cut into reads anywhere, leave only the text in the field.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {saveDraft} from '../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, TODAY} from '../domain/review/fixtures.js';
import {renderReview} from '../helpers/review-screen.js';
import {openStore} from '../../source/store/store.js';
import {demoCopy} from '../helpers/cli.js';
import {cutIntoReads, hasEscapeRemnant, randomBytes, seeded, textWithSequences} from '../helpers/escape-fuzz.js';
import {KEYS, ready, renderDesk, type DeskHarness} from './desk-harness.js';
import {ready as reviewReady, until} from './review/ink-keys.js';

afterEach(() => cleanup());

const paste = (text: string) => `\u001b[200~${text}\u001b[201~`;
const HOSTILE = 'a\u001b[0mb\u001b[2J\u001b]0;PWNED\u0007c\u001b]52;c;SGVsbG8=\u0007d';

/** The palette's query line (": query_"), or undefined when the palette is closed. */
const paletteQuery = (f: string) => /[║│]: (.*)_ *[║│]/.exec(f)?.[1];

/** Whether the palette is open, whatever its query line shows (a long query is cut with "…", no "_"). */
const paletteOpen = (f: string) => f.includes('COMMAND PALETTE');

async function openPalette(h: DeskHarness, ms?: number): Promise<void> {
	await h.press(':', ms);
	await h.waitFor(f => paletteQuery(f) !== undefined, ms);
}

describe('a colour code or a terminal command in typed or pasted text', () => {
	it('pasted into the palette: no crash, and the field holds the text alone', async () => {
		const h = renderDesk();
		await ready(h);
		await openPalette(h);
		expect(() => h.app.stdin.write(paste(HOSTILE))).not.toThrow();
		const f = await h.waitFor(': abcd_');
		expect(f).not.toMatch(/PWNED|\[0m|\[2J|52;c/);
	});

	it('sent unbracketed (a terminal that does not mark a paste) into the palette', async () => {
		const h = renderDesk();
		await ready(h);
		await openPalette(h);
		expect(() => h.app.stdin.write(HOSTILE)).not.toThrow();
		const f = await h.waitFor(': abcd_');
		expect(f).not.toMatch(/PWNED|\[0m|\[2J|52;c/);
	});

	it('into the list filter, bracketed and not', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press('/');
		h.app.stdin.write(paste('88\u001b[31m3'));
		h.app.stdin.write('9\u001b]0;x\u00077');
		const f = await h.waitFor('/88397');
		expect(f).not.toMatch(/\[31m|\]0;x/);
	});

	it("into a Handover field (the cover's name)", async () => {
		const h = renderDesk();
		await ready(h);
		await h.press('3');
		await h.press('c');
		h.app.stdin.write(KEYS.backspace.repeat(40));
		h.app.stdin.write(paste('Ma\u001b[0mr\u001bPq\u001b\\sh'));
		const f = await h.waitFor('Marsh_');
		expect(f).not.toMatch(/\[0m|Pq/);
	});

	it("into a form's field (an absence's first day), bracketed and not", async () => {
		const store = await openStore(demoCopy().store);
		const h = renderDesk({store, data: store.snapshot()});
		await ready(h);
		await h.press('2');
		await h.press('j');
		await h.press('a');
		await h.waitFor('› First day  2026-11-30_');
		h.app.stdin.write('\u0015');
		h.app.stdin.write(paste('04\u001b[0m/12\u001b]0;x\u0007/'));
		h.app.stdin.write('20\u001b[31m26\u001bPq\u001b\\');
		const f = await h.waitFor('› First day  04/12/2026_');
		expect(f).not.toMatch(/\[0m|\]0;x|\[31m|Pq/);
	});

	it("into the review's Summary, bracketed and not: the signed text holds no tail", async () => {
		const demo = loadDemo();
		const draft = {
			caseRef: OVERDUE_REF,
			reviewerId: SERGEANT,
			startedAt: `${TODAY}T09:00:00.000Z`,
			step: 6,
			answers: completeAnswers(contextFor(demo)),
		};
		const data: StoreData = saveDraft(demo, draft, `${TODAY}T09:00:00.000Z`);
		const app = renderReview({data, caseRef: OVERDUE_REF, today: TODAY, width: 100, rows: 50});
		await reviewReady(app);
		await until(app, 'step 7 of 7: Sign-off');
		app.stdin.write('\t');
		await until(app, /› Summary/);
		app.stdin.write(paste('Line one \u001b[2J\u001b]0;PWNED\u0007two'));
		app.stdin.write(' three\u001b]52;c;SGVsbG8=\u0007 four');
		const f = await until(app, 'Line one two three four');
		expect(f).not.toMatch(/PWNED|\[2J|52;c|␇/);
	});
});

describe('fuzz: the desk reading random input', () => {
	it('sequences of every kind, cut into reads anywhere, leave exactly the text in the palette', async () => {
		const h = renderDesk();
		await ready(h);
		await openPalette(h);
		for (let seed = 1; seed <= 25; seed++) {
			const r = seeded(seed);
			const {input, text} = textWithSequences(r, 1 + Math.floor(r() * 3));
			const bracketed = seed % 2 === 0;
			// Unbracketed, a read ending in ESC is the Esc key (the user pressed it): no cut there.
			const reads = cutIntoReads(r, bracketed ? paste(input) : input, !bracketed);
			for (const read of reads) {
				expect(() => h.app.stdin.write(read), `seed ${seed}`).not.toThrow();
				// Some reads come in the same turn of the event loop, some in later ones.
				if (r() < 0.5) await new Promise(res => setImmediate(res));
			}
			const shown = text.replace(/\s+$/, '');
			const f = await h.waitFor(g => paletteQuery(g)?.replace(/\s+$/, '') === shown, 3000).catch(() => h.frame());
			expect(paletteQuery(f)?.replace(/\s+$/, ''), `seed ${seed}: ${JSON.stringify(input)}`).toBe(shown);
			h.app.stdin.write(KEYS.backspace.repeat([...text].length));
			await h.waitFor(g => paletteQuery(g) === '');
		}
	});

	it('random bytes never crash it nor put an ESC or a C1 control on screen', async () => {
		const h = renderDesk();
		await ready(h);
		for (let seed = 1; seed <= 25; seed++) {
			const r = seeded(seed * 7919);
			// Random bytes may close it (Esc) or leave a long query cut with "…": reopened only when closed, and
			// not waited for long (a byte may also have moved to a view where ':' is typed into a field).
			if (!paletteOpen(h.frame())) await openPalette(h, 3000).catch(() => undefined);
			for (const read of cutIntoReads(r, randomBytes(r, 30), true)) {
				expect(() => h.app.stdin.write(read), `seed ${seed}`).not.toThrow();
				if (r() < 0.3) await new Promise(res => setImmediate(res));
			}
			await new Promise(res => setTimeout(res, 20));
			const raw = h.app.lastFrame() ?? '';
			expect(raw, `seed ${seed}`).not.toMatch(/[\u001b\u0080-\u009f]/);
			const query = paletteQuery(h.frame());
			if (query !== undefined) expect(hasEscapeRemnant(query), `seed ${seed}: ${JSON.stringify(query)}`).toBe(false);
		}
		// Still reading keys: Ctrl+U empties whatever is left, then the desk still answers.
		await new Promise(res => setTimeout(res, 1100));
		expect(h.frame()).toMatch(/CASES|TEAM|HANDOVER|LOG|CALENDAR/);
	}, 60_000);
});
