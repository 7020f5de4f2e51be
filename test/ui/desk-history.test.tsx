/**
 * The desk on a split store (store README, "The review chain file"; issue 18 item 4): it opens on the
 * state alone, whose chain is the working set (each case's last review), draws the cases, and reads the
 * whole chain from its file after the first frame: a case's review history and the Log view say they are
 * reading it until it is there, then show every review; a chain file that cannot be read is said so.
 */
import {rmSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {reviewsByCase} from '../../source/domain/case-facts.js';
import {chainPathFor} from '../../source/store/chain-path.js';
import {createStoreFile, openStore, readStoreFile} from '../../source/store/store.js';
import {tempDir} from '../helpers/cli.js';
import {demoData, KEYS, ready, renderDesk} from './desk-harness.js';

const REF = 'CR/64148/26';

async function splitDemo(): Promise<string> {
	const file = path.join(tempDir('fortnight-desk-history-'), 'team.json');
	await createStoreFile(file, demoData());
	return file;
}

describe('the desk on a split store', () => {
	it("opens on the working set, then shows a case's whole review history and the log once the chain is read", async () => {
		const file = await splitDemo();
		const whole = (await readStoreFile(file, {chain: 'whole'})).data.chain;
		const reviews = reviewsByCase(whole).get(REF)!;
		expect(reviews.length).toBeGreaterThan(1);
		const store = await openStore(file, {chain: 'state'});
		expect(store.snapshot().chain.length).toBeLessThan(whole.length); // the working set
		const h = renderDesk({data: store.snapshot(), store});
		await ready(h);
		await h.press('j');
		await h.press(KEYS.enter);
		// Scroll to the history: it lists every review of the case, read from the chain file.
		const shown = await h.waitFor(f => f.includes(`[${REF}]`));
		expect(shown).toContain('» EDITOR');
		let f = h.frame();
		for (let i = 0; i < 40 && !f.includes('REVIEW HISTORY ('); i++) f = await h.press('j');
		f = await h.waitFor(`REVIEW HISTORY (${reviews.length})`);
		expect(f).not.toContain('reading the review chain');
		await h.press(KEYS.esc);
		f = await h.press('4');
		expect(f).toContain('REVIEW LOG 2026-11-03 to 2026-11-30');
		expect(f).not.toContain('Reading the review chain');
		expect(f).toMatch(/\d+ of \d+ rows/);
		h.app.unmount();
	});

	it('says so when the chain file cannot be read, and the cases and problems are still shown', async () => {
		const file = await splitDemo();
		const store = await openStore(file, {chain: 'state'});
		rmSync(chainPathFor(file));
		const h = renderDesk({data: store.snapshot(), store});
		await ready(h);
		let f = await h.press('4');
		f = await h.waitFor('The review chain could not be read');
		expect(f.replace(/\s+/g, ' ')).toMatch(/The review chain could not be read: \S*team\.chain/);
		await h.press('1');
		await h.press('j');
		await h.press(KEYS.enter);
		f = h.frame();
		for (let i = 0; i < 40 && !f.includes('REVIEW HISTORY ('); i++) f = await h.press('j');
		expect(f).toContain('REVIEW HISTORY (the review chain could not be read)');
		h.app.unmount();
	});
});
