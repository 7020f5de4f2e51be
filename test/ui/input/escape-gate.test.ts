/**
 * The escape gate (source/ui/input/escape-gate.ts; README "Terminal safety"): escape sequences that are
 * not keys are removed whole, however the input is cut into events; keys pass as they were.
 */
import {describe, expect, it} from 'vitest';
import {escapeGate, PASTE_END, PASTE_START} from '../../../source/ui/input/escape-gate.js';
import {cutIntoReads, randomBytes, seeded, textWithSequences} from '../../helpers/escape-fuzz.js';

/** Every event the gate hands on for `events`, read as one read, then after a pause. */
function through(events: readonly string[]): string[] {
	const g = escapeGate();
	return [...events.flatMap(e => g.push(e)), ...g.endOfRead(), ...g.idle()];
}

describe('the escape gate', () => {
	it('removes a colour code, a screen clear, a window title and an OSC 52 clipboard write whole', () => {
		expect(through(['a', '\u001b[0m', 'b']).join('')).toBe('ab');
		expect(through(['Line one ', '\u001b[2J', '\u001b]', '0;PWNED\u0007', 'x']).join('')).toBe('Line one x');
		expect(through(['\u001b]', '52;c;SGVsbG8=\u0007', 'ok']).join('')).toBe('ok');
		expect(through(['\u001bP', '1$r\u001b\\', 'z']).join('')).toBe('z');
	});

	it('hands keys on unchanged, and two ESC bytes as two Escapes', () => {
		for (const key of ['\u001b[A', '\u001b[1;5D', '\u001b[3~', '\u001b[Z', '\u001bOH']) expect(through([key])).toEqual([key]);
		expect(through(['\u001b\u001b'])).toEqual(['\u001b', '\u001b']);
		expect(through(['\u001b'])).toEqual(['\u001b']);
		expect(through(['\u001bb'])).toEqual(['\u001bb']);
		expect(through(['\u001b\u007f'])).toEqual(['\u001b\u007f']);
	});

	it('Esc then P typed fast is still Esc then P once input pauses (no string follows)', () => {
		expect(through(['\u001bP'])).toEqual(['\u001bP']);
	});

	it('a bracketed paste comes out as its marks around its text, every sequence gone', () => {
		const g = escapeGate();
		const out = [PASTE_START, 'a\u001b', '[0mb\u001b]0;t', 'itle\u0007c', PASTE_END].flatMap(e => g.push(e));
		expect(out).toEqual([PASTE_START, 'abc', PASTE_END]);
	});

	it('fuzz: text with sequences of every kind, cut anywhere, keeps exactly the text', () => {
		for (let seed = 1; seed <= 2000; seed++) {
			const r = seeded(seed);
			const {input, text} = textWithSequences(r, 1 + Math.floor(r() * 5));
			const kept = through(cutIntoReads(r, input)).join('');
			expect(kept, `seed ${seed}: ${JSON.stringify(input)}`).toBe(text);
			const pasted = through(cutIntoReads(r, PASTE_START + input + PASTE_END));
			expect(pasted, `seed ${seed} pasted`).toEqual(text === '' ? [PASTE_START, PASTE_END] : [PASTE_START, text, PASTE_END]);
		}
	});

	it('fuzz: random bytes never leave an ESC or a C1 control outside a key', () => {
		for (let seed = 1; seed <= 2000; seed++) {
			const r = seeded(seed);
			for (const e of through(cutIntoReads(r, randomBytes(r, 40)))) {
				if (e === PASTE_START || e === PASTE_END || /^\u001b{1,2}(\[|O)/.test(e)) continue;
				expect(e, `seed ${seed}`).not.toMatch(/[\u0080-\u009f]/);
				expect(e.slice(1), `seed ${seed}`).not.toContain('\u001b');
			}
		}
	});
});
