import {describe, expect, it} from 'vitest';
import {commandFor, helpLines, KEYMAP, NO_KEY, type KeyInfo} from '../../source/ui/keymap.js';
import {deskReducer, initialState, type DeskState} from '../../source/ui/desk/desk-state.js';
import {deskModel, withProblems} from '../../source/ui/model/desk-model.js';
import {follow, moveBy} from '../../source/ui/list/list-window.js';
import {fuzzyScore, fuzzyTop} from '../../source/ui/palette/fuzzy.js';
import type {StoreData} from '../../source/domain/model.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';

const key = (k: Partial<KeyInfo> = {}): KeyInfo => ({...NO_KEY, ...k});
const data: StoreData = demoData();

describe('keymap', () => {
	it('has one binding per command, each with keys and help, and help lists them all', () => {
		const commands = KEYMAP.map(b => b.command);
		expect(new Set(commands).size).toBe(commands.length);
		for (const b of KEYMAP) {
			expect(b.keys.length).toBeGreaterThan(0);
			expect(b.help.length).toBeGreaterThan(5);
		}
		expect(helpLines()).toHaveLength(KEYMAP.length);
	});

	it('maps the documented keys', () => {
		expect(commandFor('j', key())).toBe('down');
		expect(commandFor('', key({downArrow: true}))).toBe('down');
		expect(commandFor('k', key())).toBe('up');
		expect(commandFor('', key({tab: true}))).toBe('next-pane');
		expect(commandFor('', key({tab: true, shift: true}))).toBe('prev-pane');
		expect(commandFor(':', key())).toBe('palette');
		expect(commandFor('p', key({ctrl: true}))).toBe('palette');
		expect(commandFor('?', key())).toBe('help');
		expect(commandFor('q', key())).toBe('quit');
		expect(commandFor('r', key())).toBe('review');
		expect(commandFor('R', key())).toBe('review-queue');
		expect(commandFor('', key({escape: true, meta: true}))).toBe('back');
		for (const [n, view] of [
			['1', 'view-cases'],
			['2', 'view-team'],
			['3', 'view-handover'],
			['4', 'view-log'],
		] as const)
			expect(commandFor(n, key())).toBe(view);
		// Ctrl+J is not j.
		expect(commandFor('j', key({ctrl: true}))).toBeUndefined();
	});
});

describe('desk reducer', () => {
	const start = (): DeskState => initialState(withProblems(deskModel(data, DEMO_TODAY)), {columns: 120, rows: 36});

	it('applies a burst of keys in order to fresh state (no stale closures)', () => {
		let s = start();
		for (let i = 0; i < 3; i++) s = deskReducer(s, {type: 'input', input: 'j', key: key()});
		expect(s.explorer.win.cursor).toBe(3);
		s = deskReducer(s, {type: 'input', input: '/', key: key()});
		for (const ch of 'quit') s = deskReducer(s, {type: 'input', input: ch, key: key()});
		expect(s.explorer.filter).toBe('quit');
		expect(s.quit).toBe(false);
		s = deskReducer(s, {type: 'input', input: '', key: key({escape: true})});
		expect(s.explorer.filter).toBe('');
		s = deskReducer(s, {type: 'input', input: 'q', key: key()});
		expect(s.quit).toBe(true);
	});

	it('Esc always backs out: palette, help, then focus', () => {
		let s = start();
		s = deskReducer(s, {type: 'input', input: ':', key: key()});
		expect(s.overlay).toBe('palette');
		s = deskReducer(s, {type: 'input', input: '', key: key({escape: true})});
		expect(s.overlay).toBeNull();
		s = deskReducer(s, {type: 'input', input: '?', key: key()});
		s = deskReducer(s, {type: 'input', input: '', key: key({escape: true})});
		expect(s.overlay).toBeNull();
		s = deskReducer(s, {type: 'input', input: '', key: key({tab: true})});
		expect(s.focus).toBe('editor');
		s = deskReducer(s, {type: 'input', input: '', key: key({escape: true})});
		expect(s.focus).toBe('explorer');
	});

	it('computes problems once per store revision (memoised model)', () => {
		const base = deskModel(data, DEMO_TODAY);
		expect(deskModel(data, DEMO_TODAY)).toBe(base);
		expect(withProblems(base)).toBe(withProblems(base));
		expect(base.problemsReady).toBe(false);
		expect(withProblems(base).problems.length).toBeGreaterThan(0);
		const next = {...data, revision: data.revision + 1};
		expect(deskModel(next, DEMO_TODAY)).not.toBe(base);
	});
});

describe('list window and fuzzy match', () => {
	it('keeps the cursor visible and clamps to the list', () => {
		let w = {cursor: 0, scroll: 0};
		w = moveBy(w, 25, 100, 10);
		expect(w).toEqual({cursor: 25, scroll: 16});
		w = moveBy(w, -20, 100, 10);
		expect(w).toEqual({cursor: 5, scroll: 5});
		expect(follow({cursor: 80, scroll: 75}, 30, 10)).toEqual({cursor: 29, scroll: 20});
		expect(follow({cursor: 3, scroll: 0}, 0, 10)).toEqual({cursor: 0, scroll: 0});
	});

	it('ranks substrings first and needs the characters in order', () => {
		expect(fuzzyScore('87204', 'CR/87204/26')).toBeGreaterThan(fuzzyScore('87204', 'CR/88721/04'));
		expect(fuzzyScore('vteam', 'View: Team')).toBeGreaterThan(0);
		expect(fuzzyScore('mtv', 'View: Team')).toBe(-1);
		expect(fuzzyTop(['b', 'abc', 'ab', 'x'], s => s, 'ab', 2)).toEqual(['ab', 'abc']);
	});
});

describe('theme', () => {
	it('drops every colour under NO_COLOR / --no-color', async () => {
		const {severityColour, riskColour, tint} = await import('../../source/ui/theme.js');
		expect(severityColour({color: true}, 'critical')).toBeDefined();
		expect(severityColour({color: false}, 'critical')).toBeUndefined();
		expect(riskColour({color: false}, 'high')).toBeUndefined();
		expect(tint({color: false}, 'focus')).toBeUndefined();
	});
});
