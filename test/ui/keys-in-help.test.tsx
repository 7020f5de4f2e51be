/**
 * Keys and their help agree, in every view and mode (issue "The desk under real hands", item 4 and its
 * "Done when"): every key named in a hint on screen (the status bar, a view's own hint line, a prompt)
 * does something there, and every key that does something there is named in its help: the `?` help's
 * keys for that view (KEYMAP), the review's key list (REVIEW_KEYMAP), or, where a mode takes every key
 * and help cannot be opened (a question, a form, the palette), the mode's own prompt on screen.
 * Printable keys and editing keys in a field that takes text are text, not commands.
 */
import {describe, expect, it} from 'vitest';
import {deskReducer, initialState, takesText, type DeskState} from '../../source/ui/desk/desk-state.js';
import {hintsFor} from '../../source/ui/desk/desk.js';
import {KEYMAP, NO_KEY, type KeyInfo, type KeyView} from '../../source/ui/keymap.js';
import {deskModel, withProblems} from '../../source/ui/model/desk-model.js';
import {REVIEW_KEYMAP, reviewHints, type FieldKind} from '../../source/ui/review/review-keymap.js';
import {fieldsOf, initialReviewState, reviewReducer, type ReviewUiState} from '../../source/ui/review/review-state.js';
import {emptyAnswers, sinceLastReview} from '../../source/domain/review/index.js';
import {contextFor, loadDemo, OVERDUE_REF, SERGEANT, TODAY} from '../domain/review/fixtures.js';
import {fakeStore} from '../helpers/fake-store.js';
import {demoData, KEYS, ready, renderDesk} from './desk-harness.js';

interface Key {
	name: string;
	input: string;
	key: KeyInfo;
}

const k = (name: string, input: string, key: Partial<KeyInfo> = {}): Key => ({name, input, key: {...NO_KEY, ...key}});

/** Every key a person can press that the desk could bind (Alt and F-keys are deliberately never bound). */
const UNIVERSE: Key[] = [
	...Array.from({length: 0x7f - 0x21}, (_, i) => String.fromCharCode(0x21 + i)).map(c => k(c, c, /[A-Z]/.test(c) ? {shift: true} : {})),
	k('Space', ' '),
	...'abdefghijklmnopqrstuvwxyz'.split('').map(c => k(`Ctrl+${c.toUpperCase()}`, c, {ctrl: true})),
	k('↑', '', {upArrow: true}),
	k('↓', '', {downArrow: true}),
	k('←', '', {leftArrow: true}),
	k('→', '', {rightArrow: true}),
	k('PgUp', '', {pageUp: true}),
	k('PgDn', '', {pageDown: true}),
	k('Home', '', {home: true}),
	k('End', '', {end: true}),
	k('Enter', '', {return: true}),
	k('Esc', '', {escape: true, meta: true}),
	k('Tab', '', {tab: true}),
	k('Shift+Tab', '', {tab: true, shift: true}),
	k('Backspace', '', {delete: true}),
];
const byName = new Map(UNIVERSE.map(x => [x.name, x]));
const ARROWS: Record<string, string> = {'↑': '↑', '↓': '↓', '←': '←', '→': '→'};
const NAMED = new Set(['Enter', 'Esc', 'Tab', 'Shift+Tab', 'Space', 'PgUp', 'PgDn', 'Home', 'End', 'Backspace']);

/** The key names in one key token of a hint: "j/k", "1-4", "↑↓", "Ctrl+P", "g/G", "[", "Ctrl+A/E/W", "Tab/↑↓". */
function keyToken(token: string): string[] | null {
	if (NAMED.has(token) || /^Ctrl\+[A-Z]$/.test(token) || ARROWS[token]) return [token];
	const ctrlMany = /^Ctrl\+([A-Z](?:\/[A-Z])+)$/.exec(token);
	if (ctrlMany) return ctrlMany[1]!.split('/').map(c => `Ctrl+${c}`);
	const range = /^(\d+)-(\d+)$/.exec(token);
	if (range) {
		const [a, b] = [Number(range[1]), Math.min(Number(range[2]), 9)];
		return Array.from({length: b - a + 1}, (_, i) => String(a + i));
	}
	if (/^[↑↓←→]{2,}$/.test(token)) return [...token];
	if (token.includes('/') && token.length > 1) {
		const parts = token.split('/').map(keyToken);
		return parts.every(p => p !== null) ? (parts.flat() as string[]) : null;
	}
	if (/^[!-~]$/.test(token)) return [token];
	return null;
}

/**
 * The keys a hint line names: it is cut into hints ("j/k scroll", "Enter open", "Esc or ? closes"), and
 * each hint's leading key tokens (joined by "or") are its keys; "typing a filter" names none.
 */
function namesIn(line: string): string[] {
	const out: string[] = [];
	for (const hint of line.split(/\s{2,}|\s\|\s|;\s|,\s|\(|\)/)) {
		const words = hint.trim().split(/\s+/);
		for (let i = 0; i < words.length; i++) {
			const w = words[i]!;
			if (w === 'or' && i > 0) continue;
			const keys = keyToken(w);
			if (!keys) break;
			out.push(...keys);
		}
	}
	return out;
}

/** Key names listed in the `?` help for a view: KEYMAP bindings that apply there. */
function deskHelp(view: KeyView): Set<string> {
	return new Set(KEYMAP.filter(b => !b.views || b.views.includes(view)).flatMap(b => b.keys.flatMap(x => keyToken(x) ?? [x])));
}

/** True when the key changes the desk's state (a notice alone, saying the key does nothing here, is not a change). */
function deskEffect(s: DeskState, key: Key): boolean {
	const next = deskReducer(s, {type: 'input', input: key.input, key: key.key});
	return next !== s && JSON.stringify({...next, notice: null}, replacer) !== JSON.stringify({...s, notice: null}, replacer);
}
const replacer = (k: string, v: unknown) => (k === 'model' ? undefined : v instanceof Set ? [...v] : v);

/** The state after three ↓: where ↑, k, g and PgUp have somewhere to go. */
function lower(s: DeskState): DeskState {
	let t = s;
	for (let i = 0; i < 3; i++) t = deskReducer(t, {type: 'input', input: '', key: {...NO_KEY, downArrow: true}});
	return t;
}

/**
 * A hinted key works when it changes the state here or a few rows down (↑ at the top of a list does
 * nothing, and rightly), when it is this view's own number, or when it is bound to this view alone
 * (E ends the selected officer's absence: with no one away selected it says so).
 */
function works(s: DeskState, key: Key): boolean {
	if (deskEffect(s, key) || deskEffect(lower(s), key)) return true;
	const binding =
		s.overlay === null ? KEYMAP.find(b => (!b.views || b.views.includes(s.view)) && b.matches(key.input, key.key)) : undefined;
	if (binding?.command === `view-${s.view}`) return true;
	return binding?.views?.includes(s.view) === true && s.absenceForm === null && s.endConfirm === null && !s.handover.editing;
}

const TEXT_KEYS = new Set(['Backspace', 'Space']);
const isText = (key: Key) => TEXT_KEYS.has(key.name) || ([...key.name].length === 1 && key.input === key.name);

interface Mode {
	name: string;
	view: KeyView;
	/** Keys pressed from the desk's first state to reach the mode. */
	keys: string[];
	/** Markers of the mode's own hint lines on screen (their keys must work too). */
	lines: RegExp[];
	/** Where help cannot be opened: the prompt on screen is the help. */
	promptIsHelp?: boolean;
	/** The mode shows something to scroll or move through: every moving key in help must move it. */
	moves?: boolean;
}

const MOVING = new Set(['up', 'down', 'page-up', 'page-down', 'first', 'last']);

const MODES: Mode[] = [
	{name: 'Cases: explorer', view: 'cases', keys: ['j'], lines: [], moves: true},
	{name: 'Cases: explorer with a kept filter', view: 'cases', keys: ['/', 'C', 'R', KEYS.enter], lines: [/Filter: CR/]},
	{name: 'Cases: typing a filter', view: 'cases', keys: ['/'], lines: [/Filter: _/], promptIsHelp: true},
	{name: 'Cases: editor, no case open', view: 'cases', keys: [KEYS.tab], lines: [/No case open/]},
	{name: 'Cases: editor with a case', view: 'cases', keys: ['j', KEYS.enter], lines: [/-- lines \d/], moves: true},
	{
		name: 'Cases: editor with two cases',
		view: 'cases',
		keys: ['j', KEYS.enter, KEYS.tab, KEYS.tab, 'j', 'j', KEYS.enter],
		lines: [/-- lines \d/],
	},
	{name: 'Cases: Problems panel', view: 'cases', keys: [KEYS.tab, KEYS.tab], lines: [], moves: true},
	// README "Acting on a problem": a case problem's detail (the fourth: CR/87204/26's bail) and an officer's
	// with no cases to show (DS Brennan's absence); the reallocation form, which takes every key.
	{
		name: "Cases: a case problem's detail",
		view: 'cases',
		keys: [KEYS.tab, KEYS.tab, 'j', 'j', 'j', KEYS.enter],
		lines: [/Keys: m reallocate/],
	},
	{
		name: "Cases: an officer problem's detail",
		view: 'cases',
		keys: [KEYS.tab, KEYS.tab, KEYS.enter],
		lines: [/Keys: (c change the absence \(cover\) \| )?x close/, /-- lines \d/],
		moves: true,
	},
	{name: 'Cases: reallocation form', view: 'cases', keys: ['j', 'j', 'm'], lines: [/Tab\/↓ next field/], promptIsHelp: true},
	// The other record forms (README "Acting on a problem"): a bail event on CR/87204/26, a welfare event for DS
	// Brennan, a change to his absence, and the question before cancelling it.
	{name: 'Cases: bail form', view: 'cases', keys: ['j', 'j', 'b'], lines: [/Tab\/↓ next {2}Shift\+Tab/], promptIsHelp: true},
	{name: 'Team: welfare form', view: 'team', keys: ['2', 'j', 'w'], lines: [/Tab\/↓ next {2}Shift\+Tab/], promptIsHelp: true},
	{name: 'Team: absence change form', view: 'team', keys: ['2', 'j', 'c'], lines: [/Tab\/↓ next/], promptIsHelp: true},
	{name: 'Team: cancelling an absence', view: 'team', keys: ['2', 'j', 'C'], lines: [/Cancel ab0002/], promptIsHelp: true},
	{name: 'palette', view: 'cases', keys: [':'], lines: [/COMMAND PALETTE/], promptIsHelp: true},
	{name: 'help', view: 'cases', keys: ['?'], lines: [/HELP\s+Esc or \?/]},
	{name: 'Team', view: 'team', keys: ['2', 'j'], lines: [/a record absence/], moves: true},
	{name: 'Team: absence form', view: 'team', keys: ['2', 'j', 'a'], lines: [/Tab\/↓ next/], promptIsHelp: true},
	{
		name: 'Team: absence form, reason',
		view: 'team',
		keys: ['2', 'j', 'a', KEYS.tab, KEYS.tab],
		lines: [/Tab\/↓ next/, /←\/→, Space or s a t r o/],
		promptIsHelp: true,
	},
	{name: 'Handover', view: 'handover', keys: ['3'], lines: [/f\/t window/], moves: true},
	{name: 'Handover: editing the first day', view: 'handover', keys: ['3', 'f'], lines: [/Type the first day/], promptIsHelp: true},
	{name: 'Log', view: 'log', keys: ['4'], lines: [/s sergeant/], moves: true},
];

const WIDTH = 220;

async function reach(mode: Mode): Promise<{s: DeskState; frame: string}> {
	const data = demoData();
	let s = initialState(withProblems(deskModel(data, TODAY)), {columns: WIDTH, rows: 50});
	// A store that can be written, so the Team view's absence keys open the form.
	const h = renderDesk({data, store: fakeStore(data), size: {columns: WIDTH, rows: 50}});
	await ready(h);
	for (const key of mode.keys) {
		s = deskReducer(s, {
			type: 'input',
			input: key === KEYS.enter ? '' : key === KEYS.tab ? '' : key,
			key: {...NO_KEY, return: key === KEYS.enter, tab: key === KEYS.tab, shift: /^[A-Z]$/.test(key)},
		});
		await h.press(key);
	}
	const frame = h.frame();
	h.app.unmount();
	return {s, frame};
}

describe('every key in a hint works, and every key that works is in help, in every desk view and mode', () => {
	it.each(MODES)('$name', async mode => {
		const {s, frame} = await reach(mode);
		const rows = frame.split('\n');
		// A view's hint line is the part of its row inside the pane (the row also holds other panes and borders).
		const part = (re: RegExp) =>
			rows
				.flatMap(r => r.split(/[│║]/))
				.find(p => re.test(p))
				?.trim() ?? `(missing: ${re})`;
		const hintLines = [hintsFor(s), ...mode.lines.map(part)];
		for (const l of hintLines) expect(l, `hint line for ${mode.name} on screen`).not.toMatch(/^\(missing/);
		const hinted = new Set(hintLines.flatMap(namesIn));
		expect(hinted.size, `no keys read from: ${hintLines.join(' || ')}`).toBeGreaterThan(0);
		const text = takesText(s);
		const dead = [...hinted].filter(n => {
			const key = byName.get(n);
			if (!key) return true;
			if (text && isText(key)) return false;
			return !works(s, key);
		});
		expect(dead, `hinted in "${mode.name}" but doing nothing: ${hintLines.join(' || ')}`).toEqual([]);
		// A letter a prompt names works with Caps Lock too (the absence form's reason letters).
		const prompt = [...hinted].flatMap(n => (/^[a-z]$/.test(n) ? [n, n.toUpperCase()] : [n]));
		const help = mode.promptIsHelp ? new Set([...deskHelp(mode.view), ...prompt]) : deskHelp(mode.view);
		const unlisted = UNIVERSE.filter(key => !(text && isText(key)) && deskEffect(s, key) && !help.has(key.name)).map(key => key.name);
		expect(unlisted, `doing something in "${mode.name}" but not in its help`).toEqual([]);
		if (mode.moves) {
			const moving = KEYMAP.filter(b => MOVING.has(b.command) && (!b.views || b.views.includes(mode.view))).flatMap(b =>
				b.keys.flatMap(x => keyToken(x) ?? [x]),
			);
			const still = moving.filter(n => !byName.has(n) || !works(s, byName.get(n)!));
			expect(still, `in help as moving, but not moving in "${mode.name}"`).toEqual([]);
		}
	});
});

describe("every key in the guided review's hints works, and every key that works is in its key list", () => {
	const help = new Set(REVIEW_KEYMAP.flatMap(b => b.keys.flatMap(x => keyToken(x) ?? [x])));
	const ctx = contextFor(loadDemo());
	const at = (step: number, fieldId: string | null): ReviewUiState => {
		const answers = {...emptyAnswers(), actions: [{key: 'n1', text: 'Chase the DFU', ownerId: ctx.case.oicId, due: ''}]};
		const s = initialReviewState(
			ctx,
			sinceLastReview(ctx),
			{caseRef: OVERDUE_REF, reviewerId: SERGEANT, startedAt: `${TODAY}T09:00:00.000Z`, step, answers},
			true,
		);
		const field = fieldId === null ? 0 : fieldsOf(s).findIndex(f => f.id.startsWith(fieldId));
		expect(field).toBeGreaterThanOrEqual(0);
		return {...s, field, notice: null};
	};
	const press = (s: ReviewUiState, key: Key) => reviewReducer(s, {type: 'key', input: key.input, key: key.key, at: 0});
	const effect = (s: ReviewUiState, key: Key) =>
		JSON.stringify({...press(s, key), notice: null, digits: null}) !== JSON.stringify({...s, notice: null, digits: null});
	// ↑ on a step scrolled to the top does nothing, and rightly: it works once there is somewhere to go.
	const works = (s: ReviewUiState, key: Key) =>
		effect(s, key) || (s.field === 0 && fieldsOf(s).length === 0 && effect(press(s, byName.get('↓')!), key));
	const cases: {name: string; s: ReviewUiState; kind: FieldKind}[] = [
		{name: 'step 1 (nothing to fill in)', s: at(0, null), kind: 'none'},
		{name: 'a choice', s: at(2, 'risk.decision'), kind: 'choice'},
		{name: 'a text field', s: at(3, 'actions.n1.text'), kind: 'text'},
		{name: 'a button', s: at(3, 'actions.add'), kind: 'button'},
		{name: 'a flag', s: at(5, 'welfare.flags'), kind: 'toggle'},
	];
	it.each(cases)('$name', ({s, kind}) => {
		const f = fieldsOf(s)[s.field];
		const hints = reviewHints(kind, {
			firstStep: s.draft.step === 0,
			lastStep: false,
			choices: f?.kind === 'choice' ? f.options.length : undefined,
		});
		const hinted = [...new Set(hints.flatMap(namesIn))];
		expect(hinted.length).toBeGreaterThan(0);
		const text = kind === 'text';
		const dead = hinted.filter(n => !byName.has(n) || (!(text && isText(byName.get(n)!)) && !works(s, byName.get(n)!)));
		expect(dead, `hinted (${hints.join(' | ')}) but doing nothing`).toEqual([]);
		const unlisted = UNIVERSE.filter(key => !(text && isText(key)) && effect(s, key) && !help.has(key.name)).map(key => key.name);
		expect(unlisted, "doing something but not in the review's key list").toEqual([]);
	});
});

describe('the hint parser', () => {
	it('reads the keys of the hint forms the desk uses', () => {
		expect(namesIn('? help  : palette  q quit  j/k move  Enter open  / filter  Tab pane  1-4 views')).toEqual([
			'?',
			':',
			'q',
			'j',
			'k',
			'Enter',
			'/',
			'Tab',
			'1',
			'2',
			'3',
			'4',
		]);
		expect(namesIn('Esc or ? closes help | q quit')).toEqual(['Esc', '?', 'q']);
		expect(namesIn('typing a filter | Enter keep | Esc clear')).toEqual(['Enter', 'Esc']);
		expect(namesIn('Ctrl+A/E/W edit')).toEqual(['Ctrl+A', 'Ctrl+E', 'Ctrl+W']);
	});
});
