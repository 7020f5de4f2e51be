import {StoreError} from '../../source/store/errors.js';
import {describe, expect, it} from 'vitest';
import {runDesk, type RunDeskOptions} from '../../source/ui/run-desk.js';
import type {Store} from '../../source/store/store.js';
import type {StoreData} from '../../source/domain/model.js';
import {fakeStore} from '../helpers/fake-store.js';
import {FakeStdin, FakeStdout} from '../helpers/fake-terminal.js';
import {demoData} from './desk-harness.js';
import {SERGEANT_ACTOR} from '../helpers/actor.js';
import type {DeskActor} from '../../source/ui/desk/desk-actor.js';

const ENTER = '\u001b[?1049h';
const LEAVE = '\u001b[?1049l';

/** The demo store, as the desk's `open` gives it. */
const openDemo = async (): Promise<{store: Store; actor: DeskActor}> => ({
	store: fakeStore(demoData(), {file: '/tmp/x.json'}),
	actor: SERGEANT_ACTOR,
});

/** runDesk on fake terminal streams, opening the demo store unless a test says otherwise. */
function startDesk(options: Partial<RunDeskOptions> = {}) {
	const stdout = new FakeStdout();
	const stdin = new FakeStdin();
	const run = runDesk({
		open: openDemo,
		storePath: '/tmp/x.json',
		sizeBytes: null,
		today: '2026-11-30',
		color: false,
		stdin: stdin as never,
		stdout: stdout as never,
		stderr: new FakeStdout() as never,
		...options,
	});
	return {run, stdout, stdin};
}

/** Waits (up to 4 s) for the desk's first frame with case rows. */
async function deskShown(stdout: FakeStdout): Promise<void> {
	for (let i = 0; i < 400 && !stdout.out.includes('live cases'); i++) await new Promise(r => setTimeout(r, 10));
}

describe('alternate screen', () => {
	it('is entered, and left on q', async () => {
		const {run, stdout, stdin} = startDesk();
		await deskShown(stdout);
		expect(stdout.out.startsWith(ENTER)).toBe(true);
		// The loading frame came first, with the same panes.
		expect(stdout.out.indexOf('Reading x.json')).toBeGreaterThan(-1);
		expect(stdout.out.indexOf('Reading x.json')).toBeLessThan(stdout.out.indexOf('live cases'));
		stdin.press('q');
		await run;
		expect(stdout.out.endsWith(LEAVE)).toBe(true);
		// Cleared just before leaving, so no line of the desk (a welfare note) can be left on the shell's screen.
		expect(stdout.out.endsWith('\u001b[2J\u001b[H\u001b[?25h' + LEAVE)).toBe(true);
	});

	it('shows the first-run notice inside the alternate screen, in the loading frame and the desk', async () => {
		const notice = "No store yet: copied the demo team to /tmp/x.json.\nOpen your own team's store with --store PATH or FORTNIGHT_STORE.\n";
		const {run, stdout, stdin} = startDesk({notice});
		await deskShown(stdout);
		const loading = stdout.out.indexOf('Reading x.json');
		const desk = stdout.out.indexOf('live cases');
		// In the loading frame (the very first), after the alternate screen was entered...
		expect(stdout.out.indexOf('No store yet: copied the demo team to')).toBeGreaterThan(stdout.out.indexOf(ENTER));
		expect(stdout.out.slice(0, desk)).toContain('No store yet: copied the demo team to');
		expect(loading).toBeGreaterThan(-1);
		// ...and in the desk's frame, the editor's empty area, beside the case rows.
		expect(stdout.out.slice(desk)).toContain('No store yet: copied the demo team to');
		expect(stdout.out.slice(desk)).toContain('FORTNIGHT_STORE.');
		stdin.press('q');
		await run;
	});

	it('is left when rendering throws, and the error reaches the caller (printed on the normal screen)', async () => {
		const broken = {...demoData(), cases: null} as unknown as StoreData;
		const {run, stdout} = startDesk({open: async () => ({store: fakeStore(broken, {file: '/tmp/x.json'}), actor: SERGEANT_ACTOR})});
		await expect(run).rejects.toThrow();
		expect(stdout.out.startsWith(ENTER)).toBe(true);
		expect(stdout.out.lastIndexOf(LEAVE)).toBeGreaterThan(stdout.out.lastIndexOf(ENTER));
		expect(stdout.out.endsWith(LEAVE)).toBe(true);
	});

	it('is left when the store cannot be read after the loading frame, and the store error reaches the caller', async () => {
		const failing = async (): Promise<{store: Store; actor: DeskActor}> => {
			throw new StoreError('malformed', '/tmp/x.json is not valid JSON.', '/tmp/x.json');
		};
		const {run, stdout} = startDesk({open: failing, sizeBytes: 10});
		await expect(run).rejects.toBeInstanceOf(StoreError);
		expect(stdout.out.startsWith(ENTER)).toBe(true);
		expect(stdout.out.endsWith(LEAVE)).toBe(true);
	});
});

describe('opening order (issue 18)', () => {
	it("loads the store's modules (prepare) before it reads the store, after the loading frame", async () => {
		const steps: string[] = [];
		const {run, stdout, stdin} = startDesk({
			prepare: async () => {
				steps.push(stdout.out.includes('Reading x.json') ? 'prepare after the loading frame' : 'prepare before the loading frame');
			},
			open: async () => {
				steps.push('open');
				return openDemo();
			},
		});
		await deskShown(stdout);
		expect(steps).toEqual(['prepare after the loading frame', 'open']);
		stdin.press('q');
		await run;
	});

	it('is left when loading the modules fails, and that error reaches the caller; nothing is opened', async () => {
		let opened = false;
		const {run, stdout} = startDesk({
			prepare: async () => {
				throw new Error('Cannot find module store.js');
			},
			open: async () => {
				opened = true;
				return openDemo();
			},
			sizeBytes: 10,
		});
		await expect(run).rejects.toThrow('Cannot find module store.js');
		expect(opened).toBe(false);
		expect(stdout.out.startsWith(ENTER)).toBe(true);
		expect(stdout.out.endsWith(LEAVE)).toBe(true);
	});
});
