/** Found in review of the escape gate (input/escape-gate.ts): each failed on its first version. */
import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {escapeGate} from '../../../source/ui/input/escape-gate.js';
import {installEscapeGate} from '../../../source/ui/input/use-escape-gate.js';

/** Events as Ink 6.8's input parser cuts one read, through the gate, then end of read; then a pause. */
function read(events: readonly string[]) {
	const g = escapeGate();
	const now = [...events.flatMap(e => g.push(e)), ...g.endOfRead()];
	return {now, afterPause: g.idle()};
}

describe('the escape gate hands on what is not a sequence: Esc and a key, rxvt keys, text after a C1, nothing after it is taken off', () => {
	it('Esc then "/" in one read (Esc pressed, then the filter key, quickly / slow link): Esc, then /', () => {
		// Ink 6.8 cuts "\x1b/" as one event (Alt+/), which split-keys.ts applyChunk reads as Esc then "/".
		expect(read(['\u001b/']).now).toEqual(['\u001b/']);
	});
	it('Esc then "/" then "j" typed within 100 ms: j is not eaten', () => {
		const g = escapeGate();
		const out = [...g.push('\u001b/'), ...g.endOfRead(), ...g.push('j'), ...g.endOfRead()];
		expect(out.join('')).toContain('j');
	});
	it('Esc then "]" (next tab) then "4" typed within 100 ms: neither is eaten', () => {
		const g = escapeGate();
		const out = [...g.push('\u001b]'), ...g.endOfRead(), ...g.push('4'), ...g.endOfRead(), ...g.idle()];
		expect(out.join('')).toContain('4');
	});
	it('Alt+Shift+P then "hello" typed at key-repeat speed: the text survives', () => {
		const g = escapeGate();
		const out = [...g.push('\u001bP'), ...g.endOfRead()];
		for (const c of 'hello') out.push(...g.push(c), ...g.endOfRead());
		out.push(...g.idle());
		expect(out.join('')).toContain('hello');
	});
	it('rxvt/urxvt Home and End (ESC[7~, ESC[8~; Ink 6.8 parse-keypress names them home/end) pass', () => {
		expect(read(['\u001b[7~']).now).toEqual(['\u001b[7~']);
		expect(read(['\u001b[8~']).now).toEqual(['\u001b[8~']);
	});
	it('rxvt Ctrl+Left/Right (ESC O d / ESC O c; Ink: ctrl+left, the text areas word-left) pass', () => {
		expect(read(['\u001bOd']).now).toEqual(['\u001bOd']);
	});
	it('after the gate is taken off, no timer it armed fires into the emitter', async () => {
		const events = new EventEmitter();
		const seen: string[] = [];
		events.on('input', (e: string) => seen.push(e));
		const remove = installEscapeGate(events);
		events.emit('input', '\u001b[200~'); // a paste starts
		events.emit('input', 'secret text');
		remove(); // the app unmounts in the same tick (e.g. quit) before the read's microtask
		await new Promise(r => setTimeout(r, 1200));
		expect(seen).toEqual([]);
	});
});
