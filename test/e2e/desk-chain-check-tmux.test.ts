/**
 * End to end (QA: a tampered review chain): the built desk in a real terminal (tmux on a private socket)
 * on a demo copy whose chain file has entry 605's signer changed after signing. The desk opens as usual,
 * then, once its chain walk is done (store.ts checkChain), shows READ-ONLY and why in the status bar; keys
 * are taken meanwhile. As DI Okafor, the Handover view says she prepared it (QA item 2; an officer is not shown the
 * team's handover). Every wait polls.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CLI, DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const SOCKET = `fortnight-chaincheck-${process.pid}-${Date.now()}`;
/**
 * The reason in the status bar starts with the store's whole path (store.ts), as long as the run's
 * temporary folder makes it: the terminal is as much wider as the path is longer, so that the same words
 * of the reason are on screen whatever the folder (160 columns for a path in /tmp).
 */
const widthFor = (file: string): number => Math.max(160, 130 + file.length);
const {start, keys, type, waitForScreen, waitForFrame, kill} = tmuxSession(SOCKET, 'chk');

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('the desk on a tampered chain (tmux, 30 rows)', () => {
	let store = '';

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npm run build').toBe(true);
		const copy = demoCopy();
		store = copy.store;
		expect(runCli(['bail', 'record', 'CR/54818/26', '--event', 'rui', '--store', store, '--today', DEMO_TODAY]).code).toBe(0);
		const chainFile = path.join(copy.dir, 'team.chain.jsonl');
		const lines = readFileSync(chainFile, 'utf8').split('\n');
		const i = lines.findIndex(l => l.includes('"seq":605,'));
		lines[i] = lines[i]!.replace('"reviewerId":"o0002"', '"reviewerId":"o0001"');
		writeFileSync(chainFile, lines.join('\n'));
		start([widthFor(store), 30], {vars: {PS1: 'chk$ '}});
	});

	afterAll(() => {
		kill();
	});

	it('turns read-only with the reason once the chain is walked, and the handover is prepared by the person at the keyboard', async () => {
		type(`${process.execPath} ${CLI} --store ${store} --today ${DEMO_TODAY} --as "DI Okafor"`);
		keys('Enter');
		await waitForFrame('the desk', x => x.includes('» CASES') && x.includes('PROBLEMS'));
		const s = await waitForFrame('READ-ONLY with the reason', x => x.includes('READ-ONLY') && x.includes('fails verification'), 30_000);
		expect(s).toContain('as DI Okafor');

		keys('3');
		const h = await waitForFrame('the Handover view', x => x.includes('HANDOVER 2026-11-30 to 2026-12-13'));
		expect(h).toContain('Prepared by DI Rachel Okafor.');

		keys('q');
		await waitForScreen('the shell again', x => x.split('\n').some(l => l.trimEnd() === 'chk$') && !x.includes('» CASES'));
	}, 90_000);
});
