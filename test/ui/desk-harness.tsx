/**
 * Test harness for the desk: renders it with ink-testing-library on a store snapshot, and presses keys
 * by writing them and waiting until the frame changes (fixed sleeps lose keys on a loaded machine).
 */
import React from 'react';
import {render} from 'ink-testing-library';
import {Desk, type DeskProps} from '../../source/ui/desk/desk.js';
import type {StoreData} from '../../source/domain/model.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData as migratedDemo} from '../helpers/demo.js';
import {actorAs} from '../helpers/actor.js';

export const KEYS = {
	up: '\u001b[A',
	down: '\u001b[B',
	left: '\u001b[D',
	right: '\u001b[C',
	enter: '\r',
	esc: '\u001b',
	tab: '\t',
	shiftTab: '\u001b[Z',
	ctrlP: '\u0010',
	backspace: '\u007f',
} as const;

export function stripAnsi(s: string): string {
	return s.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g, '');
}

let demo: StoreData | undefined;
/** The bundled demo team as the store reads it (read once; the desk never mutates it). */
export function demoData(): StoreData {
	demo ??= migratedDemo();
	return demo;
}

export type DeskHarness = ReturnType<typeof renderDesk>;

/**
 * How long a wait for a frame lasts before failing: only a failing wait runs it out, and a loaded CI
 * machine (2 cores shared by the whole run) can take seconds over a frame that takes milliseconds alone.
 */
export const FRAME_WAIT_MS = 20_000;

/**
 * ink-testing-library's stdout is always 100 columns wide, and Ink lays out to stdout's width: make it
 * report the width under test instead (its `columns` getter lives on the class, reached via a probe).
 */
let testColumns = 100;
{
	const probe = render(<></>);
	Object.defineProperty(Object.getPrototypeOf(probe.stdout), 'columns', {configurable: true, get: () => testColumns});
	probe.unmount();
}

/** Renders the desk; with no `actor`, as the store's sergeant (as the bundled demo's copy runs with nobody named). */
export function renderDesk(props: Partial<DeskProps> = {}) {
	const data = props.data ?? demoData();
	const all: DeskProps = {
		data,
		today: DEMO_TODAY,
		size: {columns: 120, rows: 36},
		color: false,
		pollMs: 0,
		...props,
		actor: props.actor ?? actorAs(data.team.sergeantId),
	};
	testColumns = all.size?.columns ?? 120;
	const app = render(<Desk {...all} />);
	const frame = () => stripAnsi(app.lastFrame() ?? '');
	/** Resolves once the frame differs from `before` (or rejects after `ms`). */
	const changed = async (before: string, ms = FRAME_WAIT_MS): Promise<string> => {
		const start = Date.now();
		for (;;) {
			const now = frame();
			if (now !== before) return now;
			if (Date.now() - start > ms) throw new Error(`frame did not change within ${ms} ms:\n${now}`);
			await new Promise(r => setTimeout(r, 5));
		}
	};
	/** Writes `key` once input is wired and waits for the frame it causes. */
	const press = async (key: string, ms?: number): Promise<string> => {
		const before = frame();
		app.stdin.write(key);
		return changed(before, ms);
	};
	/** Types several keys, each waiting for its frame. */
	const type = async (keys: string): Promise<string> => {
		let last = frame();
		for (const k of keys) last = await press(k);
		return last;
	};
	/** Waits until `text` is on screen. */
	const waitFor = async (text: string | RegExp | ((frame: string) => boolean), ms = FRAME_WAIT_MS): Promise<string> => {
		const start = Date.now();
		for (;;) {
			const now = frame();
			if (typeof text === 'string' ? now.includes(text) : typeof text === 'function' ? text(now) : text.test(now)) return now;
			if (Date.now() - start > ms) throw new Error(`"${String(text)}" not on screen within ${ms} ms:\n${now}`);
			await new Promise(r => setTimeout(r, 5));
		}
	};
	/** Re-renders at another terminal size (as a resize does) and waits for the new frame. */
	const resize = async (columns: number, rows: number): Promise<string> => {
		const before = frame();
		testColumns = columns;
		app.rerender(<Desk {...all} size={{columns, rows}} />);
		// The layout follows the size one effect later: wait for the frame drawn at the new size.
		const tooSmall = columns < 80 || rows < 24;
		return waitFor(
			f =>
				f !== before &&
				(tooSmall
					? f.includes(`this one is ${columns}x${rows}`)
					: f.split('\n').length === rows - 1 && /CASES|TEAM|HANDOVER|REVIEW LOG/.test(f)),
		);
	};
	return {app, frame, press, type, changed, waitFor, resize};
}

/** Ink wires stdin in an effect after the first frame: wait for it before pressing keys. */
export async function ready(h: DeskHarness): Promise<void> {
	// The first frame comes before the rules have run; wait for the problems too.
	await h.waitFor(f => f.includes('CASES') && !f.includes('checking the rules'), 20_000);
	await new Promise(r => setImmediate(r));
}
