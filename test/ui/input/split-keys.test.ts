import {describe, expect, it} from 'vitest';
import {splitKeys} from '../../../source/ui/input/split-keys.js';
import type {KeyPress} from '../../../source/ui/text-area/text-area-keys.js';

const NO = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false} as KeyPress;
const names = (chunk: string) =>
	splitKeys(chunk, NO).map(({input, key}) => (key.tab ? (key.shift ? 'S-Tab' : 'Tab') : key.return ? 'Enter' : key.escape ? 'Esc' : key.ctrl ? `C-${input}` : key.upArrow ? 'Up' : key.delete ? 'Del' : input));

describe('splitting a chunk of keys', () => {
	it('leaves a single key or plain text alone', () => {
		expect(splitKeys('a', NO)).toEqual([{input: 'a', key: NO}]);
		expect(splitKeys('plain pasted words', NO)).toEqual([{input: 'plain pasted words', key: NO}]);
	});
	it('splits keys sent in one read, keeping text runs together', () => {
		expect(names('1\t\t2\tAwaiting the DFU\t3\u000e')).toEqual(['1', 'Tab', 'Tab', '2', 'Tab', 'Awaiting the DFU', 'Tab', '3', 'C-n']);
		expect(names('line one\rline two')).toEqual(['line one', 'Enter', 'line two']);
		expect(names('\u001b[Zx\u001b[A\u007f\u001b')).toEqual(['S-Tab', 'x', 'Up', 'Del', 'Esc']);
	});
});
