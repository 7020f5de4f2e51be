/**
 * Nothing typed is lost on the way out (issue "The desk under real hands", item 1): the review's draft
 * is saved after a pause in typing, so text typed just before Ctrl+C, q or a signal was only in memory.
 * runDesk now writes it before it returns, and the review's header says "saving..." until it is written.
 */
import {SERGEANT_ACTOR} from '../helpers/actor.js';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {runDesk} from '../../source/ui/run-desk.js';
import {flushPendingWrites} from '../../source/ui/pending-writes.js';
import {demoCopy, DEMO_TODAY} from '../helpers/cli.js';
import {FakeStdin, FakeStdout} from '../helpers/fake-terminal.js';
import {KEYS, press, ready, until} from './review/ink-keys.js';
import {renderReview} from '../helpers/review-screen.js';

const REF = 'CR/88397/26';

afterEach(() => cleanup());

/** The reasons typed for the case's action outcomes, as the store file has them now. */
async function savedReasons(file: string): Promise<string[]> {
	const {data} = await readStoreFile(file);
	const draft = data.drafts.find(d => d.caseRef === REF);
	return Object.values(draft?.answers.outcomes ?? {}).map(o => o.reason);
}

async function untilOut(stdout: FakeStdout, text: string, from = 0): Promise<void> {
	for (let i = 0; i < 1500; i++) {
		if (stdout.out.indexOf(text, from) !== -1) return;
		await new Promise(r => setTimeout(r, 10));
	}
	throw new Error(`"${text}" never drawn; last output:\n${stdout.out.slice(-3000)}`);
}

/** The desk on a copy of the demo store, in the review queue's first case at step 2, a reason field focused. */
async function deskAtReason() {
	const {store: file} = demoCopy();
	const stdout = new FakeStdout();
	stdout.columns = 120;
	stdout.rows = 40;
	const stdin = new FakeStdin();
	const run = runDesk({
		open: async () => ({store: await openStore(file), actor: SERGEANT_ACTOR}),
		storePath: file,
		sizeBytes: null,
		today: DEMO_TODAY,
		color: false,
		stdin: stdin as never,
		stdout: stdout as never,
		stderr: new FakeStdout() as never,
	});
	await untilOut(stdout, 'live cases');
	stdin.press('R');
	await untilOut(stdout, 'step 1 of 7');
	let mark = stdout.out.length;
	stdin.press('\r');
	await untilOut(stdout, 'step 2 of 7', mark);
	mark = stdout.out.length;
	stdin.press('2');
	stdin.press('\t');
	await untilOut(stdout, 'Reason (required', mark);
	// The choice and the move to the reason field were saved at once (a field left).
	for (let i = 0; i < 300 && (await savedReasons(file)).length === 0; i++) await new Promise(r => setTimeout(r, 10));
	return {file, stdin, stdout, run};
}

describe('leaving the desk saves what was typed', () => {
	it('Ctrl+C straight after typing: the text is in the store when runDesk returns', async () => {
		const {file, stdin, run} = await deskAtReason();
		stdin.press('Awaiting the lab');
		stdin.press('\u0003');
		await run;
		expect(await savedReasons(file)).toContain('Awaiting the lab');
	});

	it('text and Ctrl+C in one read: the desk quits, and the text is saved', async () => {
		const {file, stdin, run} = await deskAtReason();
		stdin.press('abc\u0003');
		const quit = await Promise.race([run.then(() => true), new Promise(r => setTimeout(() => r(false), 5000))]);
		expect(quit, 'the desk stayed open').toBe(true);
		expect(await savedReasons(file)).toContain('abc');
	});
});

describe('the review header says "saving..." until the write is done', () => {
	it('shows saving..., not "draft saved", while typed text waits for the pause', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const app = renderReview({data: store.snapshot(), store, caseRef: REF, today: DEMO_TODAY, width: 100, rows: 60, saveDelayMs: 60_000});
		await ready(app);
		await press(app, KEYS.enter);
		await until(app, 'step 2 of 7');
		await press(app, '2', KEYS.tab);
		await until(app, 'draft saved');
		await press(app, 'W');
		let f = await until(app, 'saving...');
		expect(f).not.toContain('draft saved');
		// Nothing else saves it for a minute: the flush on the way out does, and the header says so.
		await flushPendingWrites();
		f = await until(app, 'draft saved');
		expect(f).not.toContain('saving...');
		expect(await savedReasons(file)).toContain('W');
	});
});
