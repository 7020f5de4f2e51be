/**
 * Drives an ink-testing-library instance the way a person types: write one key, then wait until the
 * frame changes (fixed sleeps lose keys on a loaded machine). Keys that legitimately change nothing
 * give up waiting after `quietMs`.
 */
import {setTimeout as sleep} from 'node:timers/promises';

export const KEYS = {
	enter: '\r',
	tab: '\t',
	shiftTab: '\u001b[Z',
	esc: '\u001b',
	up: '\u001b[A',
	down: '\u001b[B',
	left: '\u001b[D',
	right: '\u001b[C',
	backspace: '\u007f',
	ctrlN: '\u000e',
	ctrlX: '\u0018',
} as const;

export interface Driven {
	stdin: {write(data: string): void};
	lastFrame(): string | undefined;
}

const strip = (s: string | undefined) => (s ?? '').replace(/\u001b\[[0-9;]*m/g, '');

export const frame = (app: Driven): string => strip(app.lastFrame());

/** How long a wait lasts: only a failing wait runs it out, and a loaded CI machine is slow to draw. */
const WAIT_MS = 20_000;

export async function waitFor(check: () => boolean, timeoutMs = WAIT_MS): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (check()) return true;
		await sleep(5);
	}
	return check();
}

/** Waits for the first frame and for input to be wired (useInput subscribes in an effect). */
export async function ready(app: Driven): Promise<void> {
	await waitFor(() => frame(app) !== '');
	await sleep(30);
}

export async function press(app: Driven, ...keys: string[]): Promise<void> {
	for (const k of keys) {
		const before = app.lastFrame();
		app.stdin.write(k);
		await waitFor(() => app.lastFrame() !== before, 400);
	}
}

export async function until(app: Driven, text: string | RegExp, timeoutMs = WAIT_MS): Promise<string> {
	const ok = await waitFor(() => (typeof text === 'string' ? frame(app).includes(text) : text.test(frame(app))), timeoutMs);
	if (!ok) throw new Error(`Timed out waiting for ${String(text)}. Frame:\n${frame(app)}`);
	return frame(app);
}
