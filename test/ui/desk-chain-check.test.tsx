/**
 * The desk walks the whole review chain as `fortnight verify` does once its first frame is up (store.ts
 * checkChain, use-store-watch.ts): an entry altered in the chain file after signing, which the load's link
 * check cannot see, makes it read-only with the reason in the status bar (README "Where the store lives").
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openStore} from '../../source/store/store.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {ready, renderDesk} from './desk-harness.js';

/** A terminal wide enough for the status bar to show the read-only reason up to its entry number, for the store at `file`. */
const widthFor = (file: string): number => Math.max(160, 130 + file.length);

describe('the desk checks the chain after its first frame', () => {
	it('an entry altered in the chain file makes the desk read-only, saying which and to run verify', async () => {
		const {dir, store: file} = demoCopy();
		expect(runCli(['bail', 'record', 'CR/54818/26', '--event', 'rui', '--store', file, '--today', DEMO_TODAY]).code).toBe(0);
		const chainFile = path.join(dir, 'team.chain.jsonl');
		const lines = readFileSync(chainFile, 'utf8').split('\n');
		const i = lines.findIndex(l => l.includes('"seq":605,'));
		lines[i] = lines[i]!.replace('"reviewerId":"o0002"', '"reviewerId":"o0001"');
		writeFileSync(chainFile, lines.join('\n'));
		const store = await openStore(file, {chain: 'state'});
		// The load checks links only, and the state's own copy of 605 is intact: writable until the walk.
		expect(store.readOnly).toBe(false);
		// The reason in the status bar starts with the store's whole path (store.ts), as long as the run's
		// temporary folder makes it: the terminal is as much wider as the path is longer, so that the same
		// words of the reason are on screen whatever the folder (160 columns for a path in /tmp).
		const h = renderDesk({store, data: store.snapshot(), size: {columns: widthFor(file), rows: 30}});
		await ready(h);
		const frame = await h.waitFor('READ-ONLY', 15_000);
		expect(frame).toContain('its review chain fails verification');
		// Cut in the status bar, whole in help's "Last notice, in full" (QA 6 R4).
		const help = await h.press('?');
		expect(help.replace(/\s+/g, ' ')).toContain('its review chain fails verification (entry 605');
		expect(store.readOnlyReason).toContain('entry 605 (review) was altered after signing');
		expect(store.readOnlyReason).toContain(`Run "fortnight verify --store ${file}"`);
		await expect(store.apply(d => d)).rejects.toThrow(/fails verification/);
		h.app.unmount();
	});

	it('an intact store stays writable after the walk, whether it holds the working set or the whole chain', async () => {
		const {store: file} = demoCopy();
		const whole = await openStore(file);
		expect(await whole.checkChain!()).toBeNull();
		expect(whole.readOnly).toBe(false);
		// Split into a chain file by a save; opened both ways (the second-desk case: the whole chain, read from the file).
		expect(runCli(['bail', 'record', 'CR/54818/26', '--event', 'rui', '--store', file, '--today', DEMO_TODAY]).code).toBe(0);
		for (const chain of ['state', 'whole'] as const) {
			const store = await openStore(file, {chain});
			expect(await store.checkChain!(), chain).toBeNull();
			expect(store.readOnly).toBe(false);
		}
	});
});
