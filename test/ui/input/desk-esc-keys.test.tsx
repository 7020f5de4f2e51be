/** Found in review of the escape gate (input/escape-gate.ts): each failed on its first version. */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {ready, renderDesk} from '../desk-harness.js';

afterEach(() => cleanup());
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('Esc then a key, in one read (pressed quickly, or over a slow link)', () => {
	it('Esc then / opens the filter (split-keys.ts applyChunk: "Esc 4 backs out, then opens the Log view")', async () => {
		const h = renderDesk();
		await ready(h);
		h.app.stdin.write('\u001b/');
		await sleep(300);
		h.app.stdin.write('88');
		const f = await h.waitFor('/88');
		expect(f).toContain('/88');
	});

	it('Esc then ] then 4 typed within 100 ms: the Log view opens', async () => {
		const h = renderDesk();
		await ready(h);
		h.app.stdin.write('\u001b]');
		await sleep(20);
		h.app.stdin.write('4');
		await h.waitFor(/REVIEW LOG/);
	});

	it('control: Esc then 4 in one read opens the Log view', async () => {
		const h = renderDesk();
		await ready(h);
		h.app.stdin.write('\u001b4');
		await h.waitFor(/REVIEW LOG/);
	});
});
