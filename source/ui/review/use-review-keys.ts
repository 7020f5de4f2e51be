/**
 * Keys reach the review screens one of two ways: inside the desk, from the desk's queue
 * (state.reviewInput), consumed by number so none is lost or read twice while screens mount and
 * unmount; standing alone (tests, benches), from Ink's useInput.
 */
import {useLayoutEffect, useRef, type MutableRefObject} from 'react';
import {useInput} from 'ink';
import type {KeyPress} from '../text-area/text-area-keys.js';
import {splitKeys} from '../input/split-keys.js';
import {pasteAssembler} from '../input/paste.js';
import {useEscapeGate} from '../input/use-escape-gate.js';

export interface ReviewKeys {
	/** The review has the keyboard. */
	active: boolean;
	/** Keys queued by the desk, oldest first, numbered. */
	keys: readonly {n: number; input: string; key: KeyPress}[];
	/** Number of the last key a review screen has taken (shared by every review screen of the desk). */
	consumed: MutableRefObject<number>;
}

export function useReviewKeys(handler: (input: string, key: KeyPress) => void, isActive: boolean, keys: ReviewKeys | undefined): void {
	const onKey = (input: string, key: KeyPress) => {
		// A bracketed paste is one insert (input/paste.ts); anything else may be several keys in one read.
		if (key.paste) handler(input, key);
		else for (const k of splitKeys(input, key)) handler(k.input, k.key);
	};
	// Escape sequences that are not keys never reach the review (input/escape-gate.ts).
	useEscapeGate();
	const paste = useRef(pasteAssembler<KeyPress>());
	useInput(
		(input, key) => {
			for (const e of paste.current(input, key)) onKey(e.input, e.key);
		},
		{isActive: isActive && keys === undefined},
	);
	// The handler of the latest render (it is new on every render): the queue is walked only when it changes.
	const latest = useRef(onKey);
	useLayoutEffect(() => {
		latest.current = onKey;
	});
	const queue = keys?.keys;
	const consumed = keys?.consumed;
	// A layout effect, run as the desk's frame is committed: the keys are the review's before anything
	// else runs, so Ctrl+C or a signal straight after typing finds the text in the review (pending-writes.ts).
	useLayoutEffect(() => {
		if (!consumed || !queue) return;
		for (const k of queue) {
			if (k.n <= consumed.current) continue;
			consumed.current = k.n;
			latest.current(k.input, k.key);
		}
	}, [queue, consumed]);
}
