import {describe, expect, it} from 'vitest';
import {applyChunk, splitKeys} from '../../../source/ui/input/split-keys.js';
import type {KeyPress} from '../../../source/ui/text-area/text-area-keys.js';
import {NO_KEYS} from '../../helpers/key-press.js';

const NO = NO_KEYS;
const names = (chunk: string) =>
	splitKeys(chunk, NO).map(({input, key}) =>
		key.tab
			? key.shift
				? 'S-Tab'
				: 'Tab'
			: key.return
				? 'Enter'
				: key.escape
					? 'Esc'
					: key.ctrl
						? `C-${input}`
						: key.upArrow
							? 'Up'
							: key.delete
								? 'Del'
								: input,
	);

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

describe('applying a chunk key by key', () => {
	// A toy state: a cursor, and a text field that is open after "/".
	type S = {at: number; field: string | null; log: string[]};
	const step = (s: S, input: string, key: KeyPress): S => {
		const log = [...s.log, key.delete ? 'Del' : key.tab ? 'Tab' : key.return ? 'Enter' : input];
		if (s.field !== null)
			return key.return
				? {...s, field: null, log}
				: key.delete
					? {...s, field: s.field.slice(0, -1), log}
					: {...s, field: s.field + input, log};
		if (input === 'j') return {...s, at: s.at + 1, log};
		if (input === '/') return {...s, field: '', log};
		return {...s, log};
	};
	const takesText = (s: S) => s.field !== null;
	const run = (chunk: string, s: S = {at: 0, field: null, log: []}) => applyChunk(s, chunk, NO, step, takesText);

	it('applies each character of a run as a key while no field takes text', () => {
		expect(run('jjj')).toMatchObject({at: 3, log: ['j', 'j', 'j']});
		expect(run('\u007f\u007f\u007f\u007f\u007f', {at: 0, field: '2026-11-20', log: []})).toMatchObject({field: '2026-'});
	});
	it('gives the rest of a run to a field whole once one opens, and splits again after it closes', () => {
		expect(run('j/abc\rjj')).toMatchObject({at: 3, field: null, log: ['j', '/', 'abc', 'Enter', 'j', 'j']});
	});
	it('reports an upper-case letter alone with shift, as Ink does', () => {
		const seen: boolean[] = [];
		applyChunk(
			0,
			'Gg',
			NO,
			(n, _i, k) => (seen.push(k.shift), n),
			() => false,
		);
		expect(seen).toEqual([true, false]);
	});
	it('keeps a letter with a modifier whole (an unrecognised sequence never becomes stray keys)', () => {
		const got: string[] = [];
		applyChunk(
			0,
			'[1;5P',
			{...NO, meta: true},
			(n, i) => (got.push(i), n),
			() => false,
		);
		expect(got).toEqual(['[1;5P']);
	});
});

describe('Esc and a key in one read', () => {
	it('is applied as Esc, then the key (nothing binds Alt+character)', () => {
		const got: string[] = [];
		applyChunk(
			0,
			'4',
			{...NO, meta: true},
			(n, i, k) => (got.push(k.escape ? 'Esc' : `${i}${k.meta ? '+meta' : ''}`), n),
			() => false,
		);
		expect(got).toEqual(['Esc', '4']);
	});
});
