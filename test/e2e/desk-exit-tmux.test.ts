/**
 * End to end, in a real terminal (tmux): text typed into the guided review just before the desk ends is
 * kept, however it ends: Ctrl+C straight after typing (reopened with r, the text is there), the terminal
 * closed (SIGHUP) and SIGTERM. Polls the screen and the store file; no fixed sleeps.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync, readFileSync} from 'node:fs';
import {CLI, demoCopy, DEMO_TODAY} from '../helpers/cli.js';
import {CLEAN_BASH, hasTmux, tmuxSession, WAIT_MS} from '../helpers/tmux.js';
import {savedData} from '../helpers/saved-store.js';

const REF = 'CR/88397/26';
const SOCKET = `fortnight-exit-${process.pid}-${Date.now()}`;
const {tmux, kill} = tmuxSession(SOCKET, 'desk');

/** The reasons the store file's draft of REF holds now. */
function savedReasons(store: string): string[] {
	try {
		const data = savedData(store) as unknown as {
			drafts: {caseRef: string; answers: {outcomes: Record<string, {reason: string}>}}[];
		};
		return Object.values(data.drafts.find(d => d.caseRef === REF)?.answers.outcomes ?? {}).map(o => o.reason);
	} catch {
		return [];
	}
}

async function until<T>(what: string, get: () => T, ok: (v: T) => boolean, ms = WAIT_MS): Promise<T> {
	const start = Date.now();
	for (;;) {
		const v = get();
		if (ok(v)) return v;
		if (Date.now() - start > ms) throw new Error(`waited ${ms} ms for ${what}; last saw:\n${String(v)}`);
		await new Promise(r => setTimeout(r, 40));
	}
}

/** A tmux window running `command`; returns how to type into it and read it. */
function window(name: string, command: string[]) {
	const w = tmuxSession(SOCKET, name);
	w.start([120, 40], {vars: {PS1: 'e2e$ '}, command});
	const {screen} = w;
	return {
		keys: w.keys,
		text: w.type,
		see: (t: string, ms?: number) => until(JSON.stringify(t), screen, s => s.includes(t), ms),
		screen,
	};
}

type Window = ReturnType<typeof window>;

/** From the desk: the review queue's first case (REF), step 2, its first carried-over reason focused. */
async function toReason(w: Window): Promise<void> {
	await until('the desk', w.screen, s => s.includes('» CASES') && /PROBLEMS\s+\d+ problems/.test(s));
	w.keys('R');
	await w.see(`Review ${REF} - step 1 of 7`);
	w.keys('Enter');
	await w.see('step 2 of 7: Previous actions');
	w.keys('2', 'Tab');
	await w.see('Reason (required');
}

/**
 * The draft is saved 2 s after the last key (review-screen.tsx saveDelayMs): seen on screen sooner than
 * that, the text cannot be in the store yet, so what is there after the signal was flushed on the way
 * out. On a machine slow enough that the screen took longer, the debounce may already have saved it and
 * only the outcome (the text in the store) is checked. The store is read before the clock: read after
 * it, a test process held off the CPU between the two (a loaded machine) could read a store the debounce
 * had saved since, and fail a desk that did nothing wrong.
 */
/**
 * Whether process `pid` still runs: its state in /proc, a zombie (ended, not yet reaped by tmux) counted
 * as ended. On a timeout the state is what the failure shows ("S", sleeping: the desk ignored the signal).
 */
function alive(pid: number): string | false {
	try {
		const state =
			readFileSync(`/proc/${pid}/stat`, 'utf8')
				.replace(/^.*\) /s, '')
				.split(' ')[0] ?? '';
		return state === 'Z' || state === 'X' ? false : `running (state ${state})`;
	} catch {
		return false;
	}
}

function notSavedYet(typedAt: number, store: string, text: string): void {
	const saved = savedReasons(store);
	if (Date.now() - typedAt < 1500) expect(saved).not.toContain(text);
}

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('nothing typed is lost when the desk ends (tmux)', () => {
	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
	});

	afterAll(() => {
		kill();
	});

	it('Ctrl+C straight after typing: reopened with r, the text is there', {timeout: 120_000}, async () => {
		const {store} = demoCopy();
		const w = window('ctrlc', CLEAN_BASH);
		const desk = `${process.execPath} ${CLI} --store ${store} --today ${DEMO_TODAY}`;
		w.text(desk);
		w.keys('Enter');
		await toReason(w);
		w.text('Awaiting the lab report');
		w.keys('C-c');
		await until('the shell again', w.screen, s => /e2e\$\s*$/.test(s.trimEnd()) && !s.includes('CASES'));
		expect(savedReasons(store)).toContain('Awaiting the lab report');

		w.text(desk);
		w.keys('Enter');
		await until('the desk', w.screen, s => s.includes('» CASES') && /PROBLEMS\s+\d+ problems/.test(s));
		// r on the case: opened from the palette into the editor, then r there.
		w.keys(':');
		w.text(REF);
		w.keys('Enter');
		await w.see('1 of 1 tabs');
		w.keys('r');
		await w.see(`Review ${REF} - step 2 of 7`);
		await w.see('Awaiting the lab report');
		w.keys('Escape', 'Escape');
		w.keys('q');
	});

	it('"abc" and Ctrl+C in one send-keys, in a text field: the desk quits and keeps "abc"', {timeout: 120_000}, async () => {
		const {store} = demoCopy();
		const w = window('burst', CLEAN_BASH);
		w.text(`${process.execPath} ${CLI} --store ${store} --today ${DEMO_TODAY}`);
		w.keys('Enter');
		await toReason(w);
		w.keys('a', 'b', 'c', 'C-c');
		await until('the shell again', w.screen, s => /e2e\$\s*$/.test(s.trimEnd()) && !s.includes('CASES'));
		expect(savedReasons(store)).toContain('abc');
	});

	it('the terminal closed (SIGHUP) straight after typing: the text is in the store', {timeout: 120_000}, async () => {
		const {store} = demoCopy();
		const w = window('hup', [process.execPath, CLI, '--store', store, '--today', DEMO_TODAY]);
		await toReason(w);
		const typedAt = Date.now();
		w.text('Typed as the window closed');
		// On screen, so in the desk (a hangup discards input the terminal has not yet handed over), not yet saved.
		await w.see('Typed as the window closed');
		notSavedYet(typedAt, store, 'Typed as the window closed');
		const pid = Number(tmux('display-message', '-p', '-t', 'hup', '#{pane_pid}').trim());
		tmux('kill-session', '-t', 'hup');
		// The desk ends on the hangup (a desk that ignored it would save through its debounce and pass).
		await until(
			'the desk to exit',
			() => alive(pid),
			a => !a,
		);
		await until(
			'the text in the store',
			() => savedReasons(store).join('|'),
			r => r.includes('Typed as the window closed'),
		);
	});

	it('SIGTERM straight after typing: the text is in the store', {timeout: 120_000}, async () => {
		const {store} = demoCopy();
		const w = window('term', [process.execPath, CLI, '--store', store, '--today', DEMO_TODAY]);
		await toReason(w);
		const typedAt = Date.now();
		w.text('Typed before the kill');
		await w.see('Typed before the kill');
		notSavedYet(typedAt, store, 'Typed before the kill');
		const pid = tmux('display-message', '-p', '-t', 'term', '#{pane_pid}').trim();
		process.kill(Number(pid), 'SIGTERM');
		await until(
			'the desk to exit',
			() => alive(Number(pid)),
			a => !a,
		);
		await until(
			'the text in the store',
			() => savedReasons(store).join('|'),
			r => r.includes('Typed before the kill'),
		);
	});
});
