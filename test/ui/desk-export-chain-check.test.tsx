/**
 * The desk's exports (the Log view's CSV, the handover) re-check the chain entries they print as the command
 * line's `log` and `handover` do (commands/shown-entries.ts, store/chain-verify.ts shownEntriesProblem), and
 * refuse, with the reason on the status bar and nothing written, once the desk's walk has found the chain
 * altered (README "Where the store lives").
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openStore} from '../../source/store/store.js';
import {DeskStore} from '../../source/ui/desk-store/desk-store.js';
import {runDeskEffect} from '../../source/ui/effects/run-desk-effect.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {ready, renderDesk} from './desk-harness.js';

/** A demo copy split into a chain file (a save does it), then entry 605's reviewer changed in that file. */
function tamperedCopy(): {dir: string; file: string} {
	const {dir, store: file} = demoCopy();
	expect(runCli(['bail', 'record', 'CR/54818/26', '--event', 'rui', '--store', file, '--today', DEMO_TODAY]).code).toBe(0);
	const chainFile = path.join(dir, 'team.chain.jsonl');
	const lines = readFileSync(chainFile, 'utf8').split('\n');
	const i = lines.findIndex(l => l.includes('"seq":605,'));
	expect(lines[i]).toContain('"reviewerId":"o0002"');
	lines[i] = lines[i]!.replace('"reviewerId":"o0002"', '"reviewerId":"o0001"');
	writeFileSync(chainFile, lines.join('\n'));
	return {dir, file};
}

const exportsIn = (dir: string) => readdirSync(dir).filter(n => n.endsWith('.csv') || n.endsWith('.md') || n.endsWith('.ics'));

describe("the desk's exports check the chain", () => {
	it('once the walk found the chain altered, the Log export (4, e) and the handover export (3, e) write nothing and say why', async () => {
		const {dir, file} = tamperedCopy();
		const store = await openStore(file, {chain: 'state'});
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 160, rows: 30}});
		await ready(h);
		await h.waitFor('READ-ONLY', 15_000);
		await h.press('4');
		await h.waitFor('REVIEW LOG');
		await h.press('e');
		const frame = await h.waitFor('The review log was not exported');
		expect(frame).toContain('entry 605');
		expect(frame).not.toContain('Exported the review log');
		await h.press('3');
		await h.press('e');
		await h.waitFor('The handover was not exported');
		expect(exportsIn(dir)).toEqual([]);
		h.app.unmount();
	});

	it('before the walk, an export printing the altered entry is refused; one not printing it is written', async () => {
		const {dir, file} = tamperedCopy();
		const real = await openStore(file, {chain: 'state'});
		const store = new DeskStore(real);
		const c = {store, actor: null, today: DEMO_TODAY, now: () => '2026-11-30T10:00:00.000Z'};
		expect(real.readOnly).toBe(false);
		const refused = await runDeskEffect({type: 'log-export', name: 'review-log-a.csv', text: 'x\r\n', seqs: [604, 605]}, c);
		expect(refused).toEqual([{type: 'notice', text: expect.stringMatching(/^The review log was not exported: .*entry 605/)}]);
		expect(exportsIn(dir)).toEqual([]);
		// Only the printed entries (and the head) are checked: a log without 605 is written.
		const written = await runDeskEffect({type: 'log-export', name: 'review-log-b.csv', text: 'x\r\n', seqs: [604]}, c);
		expect(written).toEqual([{type: 'notice', text: expect.stringContaining('Exported the review log to')}]);
		expect(exportsIn(dir)).toEqual(['review-log-b.csv']);
	});
});
