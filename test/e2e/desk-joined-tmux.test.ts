/**
 * The built desk's modules joined into a few files (scripts/bundle.mjs, issue 18): the desk opens from
 * them in a real terminal, and no module is loaded twice in the process (once inside a joined file, once
 * as its own file), which would give module state and error classes two copies. Every import the process
 * resolves is recorded by a module hook (node --import), and compared with the joined files' source maps,
 * which list the modules they hold. The rules' thread (model/rules-worker.ts) is a second module graph of
 * its own, where the rules are their own files by design; the hook sees both threads' imports, so an
 * import counts as the main thread's unless the module importing it is one the rules' thread reached.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {CLI, DEMO_TODAY, demoCopy, tempDir} from '../helpers/cli.js';
import {DIST, heldModules, importRecorder, importsIn, joinedFiles, loadedTwice, urlOf} from '../helpers/joined.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const UI = path.join(DIST, 'ui');
const SOCKET = `fortnight-joined-${process.pid}-${Date.now()}`;
const {tmux, waitForScreen, kill} = tmuxSession(SOCKET, 'desk');

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('the joined desk (tmux)', () => {
	afterAll(() => kill());

	// The desk's first frame is waited for up to 30 s, more than the default test time leaves after the build checks.
	it('opens from the joined files and loads none of the modules they hold a second time', {timeout: 120_000}, async () => {
		expect(existsSync(CLI), 'build first: npm run build').toBe(true);
		const files = joinedFiles();
		// npm run build joins the desk's runner and the desk (the bench and the tests import them from there).
		for (const f of ['run-desk.js', 'desk/desk.js']) expect(files, 'npm run build joins the desk').toContain(path.join(UI, f));
		const held = heldModules(files);
		// The desk's own pieces are in it: the explorer, the rules the desk runs itself, the guided review.
		for (const piece of ['ui/explorer/explorer.js', 'domain/rules/index.js', 'ui/review/review-screen.js', 'ui/loading/loading-frame.js'])
			expect(held).toContain(urlOf(piece));

		const {register, loaded} = importRecorder(tempDir('fortnight-joined-'));
		const {store} = demoCopy();
		tmux(
			'new-session',
			'-d',
			'-s',
			'desk',
			'-x',
			'120',
			'-y',
			'36',
			'env',
			'-i',
			`PATH=${process.env['PATH']}`,
			'TERM=xterm-256color',
			'NO_COLOR=1',
			process.execPath,
			'--import',
			pathToFileURL(register).href,
			CLI,
			'--store',
			store,
			'--today',
			DEMO_TODAY,
		);
		// The case rows and the rules' problems: the desk's modules have all run.
		await waitForScreen('the case rows and the problems', s => /live cases? 1\//.test(s) && /PROBLEMS {2}\d+ problems?:/.test(s), 30_000);
		tmux('send-keys', '-t', 'desk', '-l', 'j');
		await waitForScreen('the cursor moved', s => /live cases? 2\//.test(s));
		const edges = importsIn(loaded);
		for (const f of ['run-desk.js', 'desk/desk.js']) expect(edges.map(([, u]) => u)).toContain(pathToFileURL(path.join(UI, f)).href);
		// What the rules' thread reached, from its entry module through the imports seen.
		const worker = edges.find(([, url]) => url.endsWith('/dist/ui/model/rules-worker.js'))?.[1];
		expect(worker, "the rules' thread ran").toBeDefined();
		const inThread = new Set([worker!]);
		for (let grew = true; grew;) {
			grew = false;
			for (const [parent, url] of edges) if (inThread.has(parent) && !inThread.has(url)) grew = inThread.add(url).size > 0;
		}
		expect(
			loadedTwice(edges, files, inThread),
			'modules loaded both inside the joined desk and as their own files (importer, module)',
		).toEqual([]);
	});
});
