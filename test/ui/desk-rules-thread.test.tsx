/**
 * The rules on a second thread (README "Architecture": the desk reads the store behind its first frame
 * and the rules run off the main thread): the case rows show with the problems "checking", keys move the
 * explorer before the rules have answered, and the problems appear when they do. A thread that cannot
 * answer (null: the store changed under it) leaves the desk to run the rules itself. The real thread
 * (dist/ui/model/rules-thread.js) gives the same problems as the rules on this thread.
 */
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {findProblems} from '../../source/domain/rules/index.js';
import type {Problem} from '../../source/domain/problem.js';
import type {RulesThread} from '../../source/ui/model/rules-thread.js';
import {DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';
import {demoData, KEYS, renderDesk} from './desk-harness.js';

/** A rules thread whose answer the test gives when it chooses. */
function heldThread() {
	const asked: {resolve: (p: Problem[] | null) => void}[] = [];
	const thread: RulesThread = {
		problems: () => new Promise(resolve => asked.push({resolve})),
		close() {},
	};
	return {thread, asked};
}

const explorerAt = (f: string) => /live cases (\d+)\//.exec(f)?.[1];

describe('the desk with the rules on a second thread', () => {
	it('shows the case rows and takes keys while the rules run; the problems appear when they answer', async () => {
		const {thread, asked} = heldThread();
		const h = renderDesk({rules: thread});
		let f = await h.waitFor(g => explorerAt(g) === '1' && g.includes('checking the rules'));
		expect(f).toContain('checking');
		await new Promise(r => setTimeout(r, 50));
		expect(asked).toHaveLength(1);
		// Keys are honoured before the rules have answered.
		f = await h.press('j');
		expect(explorerAt(f)).toBe('2');
		f = await h.press(KEYS.down);
		expect(explorerAt(f)).toBe('3');
		expect(f).toContain('checking the rules');
		const problems = findProblems(demoData(), DEMO_TODAY);
		asked[0]!.resolve(problems);
		f = await h.waitFor(g => !g.includes('checking the rules'));
		expect(f).toMatch(new RegExp(`${problems.length} problems`));
		expect(explorerAt(f)).toBe('3');
		h.app.unmount();
	});

	it('runs the rules itself when the thread cannot answer for this snapshot', async () => {
		const {thread, asked} = heldThread();
		const h = renderDesk({rules: thread});
		await h.waitFor(g => g.includes('checking the rules'));
		await new Promise(r => setTimeout(r, 50));
		asked[0]!.resolve(null);
		const f = await h.waitFor(g => !g.includes('checking the rules'));
		expect(f).toMatch(new RegExp(`${findProblems(demoData(), DEMO_TODAY).length} problems`));
		h.app.unmount();
	});

	it('the real thread reads the store file itself and gives the rules\u2019 problems for the same revision, null for another', async () => {
		const dir = tempDir('rules-thread-');
		const file = path.join(dir, 'team.json');
		expect(runCli(['generate', '--cases', '120', '--seed', 'thread', '--reference-date', DEMO_TODAY, '--out', file]).code).toBe(0);
		const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
		const {startRulesThread} = (await import(pathToFileURL(path.join(dist, 'ui', 'model', 'rules-thread.js')).href)) as {
			startRulesThread: (f: string) => RulesThread;
		};
		const {readStoreFile} = await import(pathToFileURL(path.join(dist, 'store', 'index.js')).href);
		const {data} = await readStoreFile(file, {chain: 'state'});
		const thread = startRulesThread(file);
		try {
			const found = await thread.problems(data, DEMO_TODAY);
			expect(found).toEqual(findProblems(data, DEMO_TODAY));
			expect(found!.length).toBeGreaterThan(0);
			expect(await thread.problems({...data, revision: data.revision + 1}, DEMO_TODAY)).toBeNull();
		} finally {
			thread.close();
		}
		expect(await thread.problems(data, DEMO_TODAY)).toBeNull();
	}, 60_000);
});
