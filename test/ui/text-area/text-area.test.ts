import {describe, expect, it} from 'vitest';
import {textAreaReducer, type TextAreaAction, type TextAreaState} from '../../../source/ui/text-area/text-area-state.js';
import {textAreaActionFor, type KeyPress} from '../../../source/ui/text-area/text-area-keys.js';
import {layoutTextArea} from '../../../source/ui/text-area/text-area-layout.js';
import {NO_KEYS} from '../../helpers/key-press.js';

const NO: KeyPress = NO_KEYS;
const run = (s: TextAreaState, ...actions: TextAreaAction[]) => actions.reduce((x, a) => textAreaReducer(x, a), s);
const at = (value: string, cursor = value.length): TextAreaState => ({value, cursor});

describe('text area reducer', () => {
	it('inserts, deletes back and forward at the cursor', () => {
		expect(run(at('helo', 3), {type: 'insert', text: 'l'})).toEqual(at('hello', 4));
		expect(run(at('hello', 5), {type: 'delete-back'}, {type: 'delete-back'})).toEqual(at('hel', 3));
		expect(run(at('hello', 0), {type: 'delete-back'})).toEqual(at('hello', 0));
		expect(run(at('hello', 0), {type: 'delete-forward'})).toEqual(at('ello', 0));
		expect(run(at('two words', 9), {type: 'delete-word-back'})).toEqual(at('two ', 4));
	});

	it('moves by character, word, line and across lines keeping the column', () => {
		const s = at('first line\nab\nthird line', 8);
		expect(run(s, {type: 'down'}).cursor).toBe(13); // end of "ab"
		expect(run(s, {type: 'down'}, {type: 'down'}).cursor).toBe(16); // col 2 of third (kept from "ab")
		expect(run(at(s.value, 20), {type: 'up'}).cursor).toBe(13);
		expect(run(s, {type: 'up'}).cursor).toBe(0);
		expect(run(s, {type: 'line-start'}).cursor).toBe(0);
		expect(run(s, {type: 'line-end'}).cursor).toBe(10);
		expect(run(s, {type: 'word-left'}).cursor).toBe(6);
		expect(run(s, {type: 'word-right'}).cursor).toBe(10);
		expect(run(s, {type: 'end'}).cursor).toBe(s.value.length);
	});

	it('pastes multi-line text with CRLF normalised and escape sequences removed', () => {
		const pasted = 'line one\r\nline two\rthree\u001b]52;c;ZXZpbA==\u0007\u001b[31m red\u0007';
		expect(run(at(''), {type: 'insert', text: pasted}).value).toBe('line one\nline two\nthree red\u2407');
		// One-line fields turn line breaks into spaces.
		expect(textAreaReducer(at(''), {type: 'insert', text: '14/12\n/2026'}, {multiline: false}).value).toBe('14/12 /2026');
		// A length limit cuts a paste rather than refusing it.
		expect(textAreaReducer(at('ab'), {type: 'insert', text: 'cdef'}, {multiline: true, maxLength: 4}).value).toBe('abcd');
	});

	it('kill to line start and end (Ctrl+U, Ctrl+K)', () => {
		expect(run(at('one\ntwo three', 8), {type: 'delete-to-line-start'})).toEqual(at('one\nthree', 4));
		expect(run(at('one\ntwo three', 7), {type: 'delete-to-line-end'})).toEqual(at('one\ntwo', 7));
	});
});

describe('text area keys', () => {
	it('maps editing keys; leaves Tab, Esc and unknown Ctrl keys to the owner', () => {
		expect(textAreaActionFor('x', NO, true)).toEqual({type: 'insert', text: 'x'});
		expect(textAreaActionFor('', {...NO, return: true}, true)).toEqual({type: 'insert', text: '\n'});
		expect(textAreaActionFor('', {...NO, return: true}, false)).toBeNull();
		expect(textAreaActionFor('', {...NO, delete: true}, true)).toEqual({type: 'delete-back'});
		expect(textAreaActionFor('', {...NO, backspace: true}, true)).toEqual({type: 'delete-back'});
		expect(textAreaActionFor('d', {...NO, ctrl: true}, true)).toEqual({type: 'delete-forward'});
		expect(textAreaActionFor('', {...NO, leftArrow: true, ctrl: true}, true)).toEqual({type: 'word-left'});
		expect(textAreaActionFor('', {...NO, upArrow: true}, false)).toBeNull();
		expect(textAreaActionFor('', {...NO, tab: true}, true)).toBeNull();
		expect(textAreaActionFor('', {...NO, escape: true}, true)).toBeNull();
		expect(textAreaActionFor('n', {...NO, ctrl: true}, true)).toBeNull();
		expect(textAreaActionFor('a\rb', NO, true)).toEqual({type: 'insert', text: 'a\rb'});
	});
});

describe('text area layout', () => {
	it('hard-wraps at the width and places the cursor', () => {
		const {rows} = layoutTextArea('abcdefgh\nxy', 5, 4, 10, true);
		expect(rows.map(r => r.text)).toEqual(['abcd', 'efgh', 'xy']);
		expect(rows.map(r => r.cursorAt)).toEqual([-1, 1, -1]);
	});

	it('puts a cursor after a full row on a new row, and scrolls to keep it in view', () => {
		expect(layoutTextArea('abcd', 4, 4, 10, true).rows).toEqual([
			{text: 'abcd', cursorAt: -1},
			{text: '', cursorAt: 0},
		]);
		const long = Array.from({length: 20}, (_, i) => `line ${i}`).join('\n');
		const r = layoutTextArea(long, long.length, 20, 5, true);
		expect(r.rows.at(-1)!.text).toBe('line 19');
		expect(r.hiddenAbove).toBe(15);
		expect(r.hiddenBelow).toBe(0);
	});
});
