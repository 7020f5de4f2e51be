/**
 * Ctrl+W and Ctrl+U in every one-line text field (QA report item 8; README "Settings": a text field's
 * editing keys are Backspace, Ctrl+W, Ctrl+U): the palette, the list filter and the Handover view's
 * window and cover fields did nothing with them; the forms and the review did. One binding set in the
 * input-context registry (contexts/modes.ts TEXT_EDIT_BINDINGS) now serves them all.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {KEYS, ready, renderDesk} from './desk-harness.js';
import {TEXT_EDIT_BINDINGS} from '../../source/ui/contexts/modes.js';
import {modeHelpLines} from '../../source/ui/contexts/registry.js';

afterEach(() => cleanup());

const CTRL_W = '\u0017';
const CTRL_U = '\u0015';

describe('Ctrl+W erases a word and Ctrl+U the line', () => {
	it('in the command palette', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press(':');
		await h.type('log late');
		await h.waitFor(': log late_');
		await h.press(CTRL_W);
		await h.waitFor(': log _');
		await h.press(CTRL_U);
		await h.waitFor(/[║│]: _ /);
	});

	it('in the list filter', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press('/');
		await h.type('88 397');
		await h.waitFor('Filter: 88 397_');
		await h.press(CTRL_W);
		await h.waitFor('Filter: 88 _');
		await h.press(CTRL_U);
		await h.waitFor('Filter: _');
	});

	it("in the Handover view's cover and window fields", async () => {
		const h = renderDesk();
		await ready(h);
		await h.press('3');
		await h.press('c');
		await h.type('DC Hel');
		await h.waitFor('DC Hel_');
		await h.press(CTRL_W);
		await h.waitFor(g => /Type the [^:]*: (.* )?DC _/.test(g));
		await h.press(CTRL_U);
		await h.waitFor(/Type the [^:]*: _/);
		await h.press(KEYS.esc);
		await h.press('f');
		await h.waitFor(/Type the [^:]*: 2026-11-30_/);
		await h.press(CTRL_U);
		await h.waitFor(/Type the [^:]*: _/);
	});
});

describe('the one binding set', () => {
	it('is what help lists for text fields', () => {
		const help = modeHelpLines().join('\n');
		for (const b of TEXT_EDIT_BINDINGS) expect(help).toContain(`${b.keys.join(' ')}`);
		expect(TEXT_EDIT_BINDINGS.map(b => b.keys[0])).toEqual(['Backspace', 'Ctrl+W', 'Ctrl+U']);
	});
});
