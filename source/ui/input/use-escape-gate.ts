/**
 * Puts the escape gate (input/escape-gate.ts) between Ink's reader and every input handler of one Ink
 * app: Ink's stdin context carries each input event on its event emitter, and the handlers (useInput)
 * listen there, so the gate wraps that emitter's emit. One gate per app however many hooks ask for it
 * (the desk, a guided review standing alone), removed with the last.
 */
import type {EventEmitter} from 'node:events';
import {useLayoutEffect} from 'react';
import {useStdin} from 'ink';
import {escapeGate} from './escape-gate.js';

/** Input paused this long ends an unfinished sequence (a real one arrives in one burst). */
export const SEQUENCE_IDLE_MS = 100;
/** An unfinished paste is handed on after this long with nothing read (its end mark was lost). */
export const PASTE_IDLE_MS = 1000;

const installed = new WeakMap<EventEmitter, {users: number; remove: () => void}>();

/** Gates `events`' input events; returns the call that takes the gate off again. */
export function installEscapeGate(events: EventEmitter): () => void {
	const known = installed.get(events);
	if (known) {
		known.users++;
		return () => release(events);
	}
	const original = events.emit;
	const gate = escapeGate();
	let timer: NodeJS.Timeout | undefined;
	let readOpen = false;
	const send = (list: string[]) => {
		for (const e of list) original.call(events, 'input', e);
	};
	const arm = () => {
		clearTimeout(timer);
		const waiting = gate.waiting();
		if (waiting === 'nothing') return;
		timer = setTimeout(() => send(gate.idle()), waiting === 'paste' ? PASTE_IDLE_MS : SEQUENCE_IDLE_MS);
		timer.unref();
	};
	events.emit = function (this: EventEmitter, name: string | symbol, ...args: unknown[]): boolean {
		if (name !== 'input' || typeof args[0] !== 'string') return original.call(this, name, ...args);
		// Ink hands on a read's events one after another in one go: its end is the next microtask.
		if (!readOpen) {
			readOpen = true;
			queueMicrotask(() => {
				readOpen = false;
				send(gate.endOfRead());
				arm();
			});
		}
		clearTimeout(timer);
		send(gate.push(args[0]));
		return true;
	} as typeof events.emit;
	installed.set(events, {
		users: 1,
		remove: () => {
			clearTimeout(timer);
			events.emit = original;
		},
	});
	return () => release(events);
}

function release(events: EventEmitter): void {
	const known = installed.get(events);
	if (!known || --known.users > 0) return;
	installed.delete(events);
	known.remove();
}

/** The gate on this Ink app's input while the component is mounted. */
export function useEscapeGate(): void {
	const {internal_eventEmitter: events} = useStdin();
	useLayoutEffect(() => (events ? installEscapeGate(events) : undefined), [events]);
}
