import {describe, expect, it} from 'vitest';
import {pasteAssembler, pastedLine} from '../../../source/ui/input/paste.js';
import {applyChunk} from '../../../source/ui/input/split-keys.js';
import type {KeyPress} from '../../../source/ui/text-area/text-area-keys.js';
import {NO_KEYS} from '../../helpers/key-press.js';

const NO = NO_KEYS;

describe('bracketed paste', () => {
	it('puts the marks and the text between them back together as one paste, however Ink cut them up', () => {
		const feed = pasteAssembler<KeyPress>();
		// Ink hands each mark over alone with its ESC stripped; a lone CR read on its own comes as Return.
		expect(feed('[200~', NO)).toEqual([]);
		expect(feed('2026-12-10\rWelfare: tired', NO)).toEqual([]);
		expect(feed('', {...NO, return: true})).toEqual([]);
		expect(feed('sleeping badly', NO)).toEqual([]);
		expect(feed('[201~', NO)).toEqual([{input: '2026-12-10\rWelfare: tired\rsleeping badly', key: {...NO, paste: true}}]);
		// Outside a paste keys pass as they came.
		expect(feed('j', NO)).toEqual([{input: 'j', key: NO}]);
		expect(feed('', {...NO, return: true})).toEqual([{input: '', key: {...NO, return: true}}]);
	});

	it('a paste is applied whole, never split into keys', () => {
		const seen: string[] = [];
		applyChunk(
			null,
			'a\rb\tc',
			{...NO, paste: true},
			(s, input) => (seen.push(input), s),
			() => false,
		);
		expect(seen).toEqual(['a\rb\tc']);
	});

	it('a one-line field takes the first line and says what it left out', () => {
		expect(pastedLine('2026-12-10\n')).toEqual({line: '2026-12-10', dropped: null});
		expect(pastedLine('2026-12-10\r\nWelfare: tired\r\nsleeping badly')).toEqual({
			line: '2026-12-10',
			dropped: 'Pasted the first line only: this field takes one line; left out 2 more lines (29 characters).',
		});
	});
});
