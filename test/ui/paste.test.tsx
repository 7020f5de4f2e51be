/**
 * Bracketed paste in the desk and the guided review (issue "The desk under real hands", item 2): a
 * paste is one insert into the focused field; a one-line field takes its first line and says what it
 * left out; its line breaks never act as Enter, so nothing spills into the next field.
 */
import {SERGEANT_ACTOR} from '../helpers/actor.js';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {saveDraft} from '../../source/domain/review/index.js';
import {runDesk} from '../../source/ui/run-desk.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, TODAY} from '../domain/review/fixtures.js';
import {fakeStore} from '../helpers/fake-store.js';
import {FakeStdin, FakeStdout} from '../helpers/fake-terminal.js';
import {demoData, ready as deskReady, renderDesk} from './desk-harness.js';
import {ready, until} from './review/ink-keys.js';
import {renderReview} from '../helpers/review-screen.js';

/** The demo with a complete draft of the overdue case resumed at step 7 (sign-off). */
function atSignOff(): StoreData {
	const demo = loadDemo();
	const draft = {
		caseRef: OVERDUE_REF,
		reviewerId: SERGEANT,
		startedAt: `${TODAY}T09:00:00.000Z`,
		step: 6,
		answers: completeAnswers(contextFor(demo)),
	};
	return saveDraft(demo, draft, `${TODAY}T09:00:00.000Z`);
}

const paste = (text: string) => `\u001b[200~${text}\u001b[201~`;

afterEach(() => cleanup());

describe('a paste in the guided review', () => {
	it('a three-line paste into "Next review" stays there (first line) and never reaches "Summary"', async () => {
		const data = atSignOff();
		const app = renderReview({data, caseRef: OVERDUE_REF, today: TODAY, width: 100, rows: 50});
		await ready(app);
		await until(app, 'step 7 of 7: Sign-off');
		app.stdin.write(paste('07/12/2026\rWelfare: tired, sleeping badly\rsays he is coping'));
		const f = await until(app, 'left out 2 more lines');
		expect(f).toMatch(/Next review[^\n]*\n[^\n]*07\/12\/2026/);
		expect(f).not.toContain('Welfare: tired');
		expect(f).not.toContain('coping');
		// The focus stayed on Next review: the summary is still empty.
		expect(f).toMatch(/Summary[^\n]*\n\s*[│|]?\s*\(empty\)/);
	});

	it('a multi-line field takes the paste whole, line breaks included', async () => {
		const data = atSignOff();
		const app = renderReview({data, caseRef: OVERDUE_REF, today: TODAY, width: 100, rows: 50});
		await ready(app);
		await until(app, 'step 7 of 7: Sign-off');
		app.stdin.write('\t');
		await until(app, /› Summary/);
		app.stdin.write(paste('First line of the summary\rSecond line'));
		const f = await until(app, 'Second line');
		expect(f).toContain('First line of the summary');
		expect(f).not.toContain('Sign the review?');
	});
});

describe('a paste in the desk', () => {
	it('with no field open it does nothing but say so (before: its characters ran as keys)', async () => {
		const h = renderDesk({data: demoData()});
		await deskReady(h);
		h.app.stdin.write(paste('2q'));
		const f = await h.waitFor('Nothing pasted');
		expect(f).toContain('» CASES');
		expect(f).not.toContain('» TEAM');
	});

	it('into a filter: the first line only, the rest said', async () => {
		const h = renderDesk({data: demoData()});
		await deskReady(h);
		await h.press('/');
		h.app.stdin.write(paste('88397\rjjj'));
		const f = await h.waitFor('Pasted the fir');
		expect(f).toContain('/88397');
	});
});

describe('the terminal', () => {
	it('is asked for bracketed paste on entering the alternate screen, and to stop on leaving it', async () => {
		const stdout = new FakeStdout();
		const stdin = new FakeStdin();
		const run = runDesk({
			open: async () => ({store: fakeStore(demoData()), actor: SERGEANT_ACTOR}),
			storePath: '/tmp/x.json',
			sizeBytes: null,
			today: TODAY,
			color: false,
			stdin: stdin as never,
			stdout: stdout as never,
			stderr: new FakeStdout() as never,
		});
		for (let i = 0; i < 400 && !stdout.out.includes('live cases'); i++) await new Promise(r => setTimeout(r, 10));
		expect(stdout.out.slice(0, 40)).toContain('\u001b[?2004h');
		stdin.press('\u0003');
		await run;
		const off = stdout.out.lastIndexOf('\u001b[?2004l');
		expect(off).toBeGreaterThan(stdout.out.lastIndexOf('live cases'));
		expect(stdout.out.endsWith('\u001b[?1049l')).toBe(true);
	});
});
