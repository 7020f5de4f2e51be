/**
 * Keys and their help agree, in every view and mode (issue "The desk under real hands", item 4 and its
 * "Done when"): every key named in a hint on screen (the status bar, a view's own hint line, a prompt)
 * does something there, and every key that does something there is named in its help: the `?` help's
 * keys for that view (KEYMAP), the review's key list (REVIEW_KEYMAP), or, where a mode takes every key
 * and help cannot be opened (a question, a form, the palette), the mode's own prompt on screen.
 * Printable keys and editing keys in a field that takes text are text, not commands. Each form, question
 * and review step is checked with the default keys and again with a user's remapping (README "Settings"):
 * the remapped keys are the ones hinted, the ones that act and the ones in help.
 */
import {describe, expect, it} from 'vitest';
import {deskReducer, initialState, takesText, type DeskState} from '../../source/ui/desk/desk-state.js';
import {hintsFor} from '../../source/ui/desk/desk.js';
import {NO_KEY, type KeyInfo, type KeyView} from '../../source/ui/keymap.js';
import {DEFAULT_KEYMAP, TEXT_EDIT_KEYS, type Keymap} from '../../source/ui/contexts/registry.js';
import {userKeymap} from '../../source/ui/contexts/user-keymap.js';
import {deskModel, withProblems} from '../../source/ui/model/desk-model.js';
import {reviewHelpTitle, reviewHints, type FieldKind} from '../../source/ui/review/review-keymap.js';
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

const names = (keys: readonly string[]) => keys.flatMap(x => keyToken(x) ?? [x]);

/** Key names listed in the `?` help for a view: the desk's bindings that apply there. */
function deskHelp(view: KeyView, keymap: Keymap): Set<string> {
	return new Set(keymap.desk.filter(b => !b.views || b.views.includes(view)).flatMap(b => names(b.keys)));
}

/** Key names the `?` help lists for the modes (palette, filter, field, question, forms, a form's editing keys). */
function modeHelp(keymap: Keymap): Set<string> {
	const tables = [keymap.palette, keymap.filter, keymap.field, keymap.confirm, keymap.form];
	return new Set([...tables.flatMap(t => t.flatMap(b => names(b.keys))), ...TEXT_EDIT_KEYS]);
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

/** The state after the key that moves to a form's next field: where the previous-field key has somewhere to go. */
function nextField(s: DeskState): DeskState {
	const b = s.keymap.form.find(x => x.command === 'form-next-field')!;
	const k = byName.get(b.keys[0]!)!;
	return deskReducer(s, {type: 'input', input: k.input, key: k.key});
}

/**
 * A hinted key works when it changes the state here, a few rows down (↑ at the top of a list does
 * nothing, and rightly) or a field on in a form, when it is this view's own number, or when it is bound
 * to this view alone (E ends the selected officer's absence: with no one away selected it says so).
 */
function works(s: DeskState, key: Key): boolean {
	if (deskEffect(s, key) || deskEffect(lower(s), key)) return true;
	const form = s.absenceForm ?? s.decisionForm ?? s.reallocateForm ?? s.recordForm;
	if (form && deskEffect(nextField(s), key)) return true;
	const binding =
		s.overlay === null ? s.keymap.desk.find(b => (!b.views || b.views.includes(s.view)) && b.matches(key.input, key.key)) : undefined;
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
	{name: 'Cases: reallocation form', view: 'cases', keys: ['j', 'j', 'm'], lines: [/Tab next field/], promptIsHelp: true},
	// The other record forms (README "Acting on a problem"): a bail event on CR/87204/26, a welfare event for the
	// officer below DS Brennan (his own is the inspector's to record: w is not offered on his row), a change to
	// his absence, and the question before cancelling it.
	{name: 'Cases: bail form', view: 'cases', keys: ['j', 'j', 'b'], lines: [/Tab\/↓ next {2}←/], promptIsHelp: true},
	{name: 'Team: welfare form', view: 'team', keys: ['2', 'j', 'j', 'w'], lines: [/Tab\/↓ next {2}←/], promptIsHelp: true},
	{name: 'Team: absence change form', view: 'team', keys: ['2', 'j', 'c'], lines: [/Tab\/↓ next/], promptIsHelp: true},
	{
		name: 'Team: cancelling an absence',
		view: 'team',
		keys: ['2', 'j', 'C'],
		lines: [/Cancel DS Brennan's absence ab0002/],
		promptIsHelp: true,
	},
	{name: 'palette', view: 'cases', keys: [':'], lines: [/COMMAND PALETTE/], promptIsHelp: true},
	{name: 'help', view: 'cases', keys: ['?'], lines: [/HELP\s+Esc or \?/]},
	{name: 'Team', view: 'team', keys: ['2', 'j'], lines: [/a record absence/], moves: true},
	{name: 'Team: absence form', view: 'team', keys: ['2', 'j', 'a'], lines: [/Tab\/↓ next/], promptIsHelp: true},
	{
		name: 'Team: absence form, reason',
		view: 'team',
		keys: ['2', 'j', 'a', KEYS.tab, KEYS.tab],
		lines: [/Tab\/↓ next/, /←\/→\/Space or s a t r o/],
		promptIsHelp: true,
	},
	{
		name: 'Team: absence form, asking before discarding',
		view: 'team',
		keys: ['2', 'j', 'a', '1', KEYS.esc],
		lines: [/Discard what you typed\? y discards, n goes back/],
		promptIsHelp: true,
	},
	{
		name: 'Cases: reallocation form, on the reason',
		view: 'cases',
		keys: ['j', 'j', 'm', KEYS.tab, KEYS.tab],
		lines: [/Shift\+Tab\/↑ previous/],
		promptIsHelp: true,
	},
	{
		name: 'Cases: bail form, on a date',
		view: 'cases',
		keys: ['j', 'j', 'b', KEYS.tab],
		lines: [/Tab\/↓ next {2}Shift\+Tab/],
		promptIsHelp: true,
	},
	{name: 'Handover', view: 'handover', keys: ['3'], lines: [/f\/t window/], moves: true},
	{name: 'Handover: editing the first day', view: 'handover', keys: ['3', 'f'], lines: [/Type the first day/], promptIsHelp: true},
	{name: 'Log', view: 'log', keys: ['4'], lines: [/s sergeant/], moves: true},
];

const WIDTH = 220;

/** A key as the harness writes it to the terminal (KEYS) and as the reducer gets it. */
function asPress(key: string): {input: string; key: KeyInfo} {
	const named = (Object.entries(KEYS) as [string, string][]).find(([, v]) => v === key)?.[0];
	const by: Record<string, string> = {enter: 'Enter', tab: 'Tab', esc: 'Esc', up: '↑', down: '↓', left: '←', right: '→'};
	const k = named && by[named] ? byName.get(by[named]!)! : undefined;
	if (k) return {input: k.input, key: k.key};
	// A control character is Ctrl and a letter ("\u000f" is Ctrl+O), as Ink reads it.
	const code = key.charCodeAt(0);
	if (key.length === 1 && code >= 1 && code <= 26) return {input: String.fromCharCode(code + 96), key: {...NO_KEY, ctrl: true}};
	return {input: key, key: {...NO_KEY, shift: /^[A-Z]$/.test(key)}};
}

async function reach(mode: Mode, keymap: Keymap = DEFAULT_KEYMAP): Promise<{s: DeskState; frame: string}> {
	const data = demoData();
	let s = initialState(withProblems(deskModel(data, TODAY)), {columns: WIDTH, rows: 50}, null, keymap);
	// A store that can be written, so the Team view's absence keys open the form.
	const h = renderDesk({data, store: fakeStore(data), size: {columns: WIDTH, rows: 50}, keymap});
	await ready(h);
	for (const key of mode.keys) {
		s = deskReducer(s, {type: 'input', ...asPress(key)});
		await h.press(key);
	}
	const frame = h.frame();
	h.app.unmount();
	return {s, frame};
}

/** The check itself, for a mode reached with `keymap` in force. */
async function check(mode: Mode, keymap: Keymap): Promise<string[]> {
	const {s, frame} = await reach(mode, keymap);
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
	const help = mode.promptIsHelp ? new Set([...deskHelp(mode.view, keymap), ...modeHelp(keymap), ...prompt]) : deskHelp(mode.view, keymap);
	const unlisted = UNIVERSE.filter(key => !(text && isText(key)) && deskEffect(s, key) && !help.has(key.name)).map(key => key.name);
	expect(unlisted, `doing something in "${mode.name}" but not in its help`).toEqual([]);
	if (mode.moves) {
		const moving = keymap.desk.filter(b => MOVING.has(b.command) && (!b.views || b.views.includes(mode.view))).flatMap(b => names(b.keys));
		const still = moving.filter(n => !byName.has(n) || !works(s, byName.get(n)!));
		expect(still, `in help as moving, but not moving in "${mode.name}"`).toEqual([]);
	}
	return [...hinted];
}

describe('every key in a hint works, and every key that works is in help, in every desk view and mode', () => {
	it.each(MODES)('$name', async mode => {
		await check(mode, DEFAULT_KEYMAP);
	});
});

/**
 * The forms' and questions' keys remapped (README "Settings"): every form and question is checked again,
 * and its hints must name the new keys, never the old ones (a key line written by hand would keep them).
 */
describe("with the forms' and questions' keys remapped, every form still hints only keys that work, all in help", () => {
	const {keymap, problems} = userKeymap({
		'form-next-field': ['Ctrl+O'],
		'form-prev-field': ['Ctrl+B'],
		'form-submit': ['Ctrl+S'],
		'form-cancel': ['Ctrl+Q'],
		'form-choose-next': ['>'],
		'confirm-yes': ['o'],
		'confirm-no': ['x'],
		'confirm-cancel': ['Ctrl+Q'],
	});
	it('is accepted', () => expect(problems).toEqual([]));
	const remappedModes: Mode[] = [
		{name: 'absence form', view: 'team', keys: ['2', 'j', 'a'], lines: [/Ctrl\+O next/], promptIsHelp: true},
		{
			name: 'absence form, reason',
			view: 'team',
			keys: ['2', 'j', 'a', '\u000f', '\u000f'],
			lines: [/←\/> or s a t r o/],
			promptIsHelp: true,
		},
		{
			name: 'absence form, asking before discarding',
			view: 'team',
			keys: ['2', 'j', 'a', '1', '\u0011'],
			lines: [/Discard what you typed\? o discards, x goes back/],
			promptIsHelp: true,
		},
		{name: 'reallocation form', view: 'cases', keys: ['j', 'j', 'm'], lines: [/Ctrl\+O next field/], promptIsHelp: true},
		{name: 'bail form', view: 'cases', keys: ['j', 'j', 'b'], lines: [/Ctrl\+O next {2}←\/> choose/], promptIsHelp: true},
		{name: 'welfare form', view: 'team', keys: ['2', 'j', 'j', 'w'], lines: [/Ctrl\+O next {2}←\/> choose/], promptIsHelp: true},
		{
			name: 'bail form, on a date',
			view: 'cases',
			keys: ['j', 'j', 'b', '\u000f'],
			lines: [/Ctrl\+O next {2}Ctrl\+B previous/],
			promptIsHelp: true,
		},
		{
			name: 'cancelling an absence',
			view: 'team',
			keys: ['2', 'j', 'C'],
			lines: [/o\/x {2}Cancel DS Brennan's absence ab0002/],
			promptIsHelp: true,
		},
	];
	it.each(remappedModes)('$name', async mode => {
		const hinted = await check(mode, keymap);
		for (const old of ['Tab', 'Esc', 'Enter', 'y', 'n']) expect(hinted, `${mode.name} still hints ${old}`).not.toContain(old);
	});
});

/**
 * The guided review, on every field of every step, on its key list and its y/n questions: each key its
 * hints name does something there, and each key that does something is in its key list (`?` in the
 * review, generated from keymap.review), with the default keys and with a user's remapping.
 */
function reviewChecks(keymap: Keymap): void {
	const help = new Set([...keymap.review.flatMap(b => names(b.keys)), ...keymap.confirm.flatMap(b => names(b.keys))]);
	const ctx = contextFor(loadDemo());
	const at = (step: number, field: number): ReviewUiState => {
		const answers = {...emptyAnswers(), actions: [{key: 'n1', text: 'Chase the DFU', ownerId: ctx.case.oicId, due: ''}]};
		const s = initialReviewState(
			ctx,
			sinceLastReview(ctx),
			{caseRef: OVERDUE_REF, reviewerId: SERGEANT, startedAt: `${TODAY}T09:00:00.000Z`, step, answers},
			true,
		);
		return {...s, field, notice: null};
	};
	const press = (s: ReviewUiState, key: Key) => reviewReducer(s, {type: 'key', input: key.input, key: key.key, at: 0, keys: keymap});
	const effect = (s: ReviewUiState, key: Key) =>
		JSON.stringify({...press(s, key), notice: null, digits: null}) !== JSON.stringify({...s, notice: null, digits: null});
	const down = byName.get(keymap.review.find(b => b.command === 'down')!.keys[0]!)!;
	// ↑ on a step scrolled to the top does nothing, and rightly: it works once there is somewhere to go.
	const works = (s: ReviewUiState, key: Key) => effect(s, key) || (s.field === 0 && effect(press(s, down), key));
	const cases: {name: string; s: ReviewUiState}[] = [];
	for (let step = 0; step < 7; step++) {
		const count = Math.max(1, fieldsOf(at(step, 0)).length);
		for (let field = 0; field < count; field++) {
			const f = fieldsOf(at(step, field))[field];
			cases.push({name: `step ${step + 1}, ${f ? `${f.kind} ${f.id}` : 'nothing to fill in'}`, s: at(step, field)});
		}
	}
	it.each(cases)('$name', ({s}) => {
		const f = fieldsOf(s)[s.field];
		const kind: FieldKind = f ? f.kind : 'none';
		const hints = reviewHints(
			kind,
			{
				firstStep: s.draft.step === 0,
				lastStep: s.draft.step === 6,
				lastField: s.field === fieldsOf(s).length - 1,
				choices: f?.kind === 'choice' ? f.options.length : undefined,
			},
			keymap.review,
		);
		const hinted = [...new Set(hints.flatMap(namesIn))];
		expect(hinted.length).toBeGreaterThan(0);
		const text = kind === 'text';
		const dead = hinted.filter(n => !byName.has(n) || (!(text && isText(byName.get(n)!)) && !works(s, byName.get(n)!)));
		expect(dead, `hinted (${hints.join(' | ')}) but doing nothing`).toEqual([]);
		const unlisted = UNIVERSE.filter(key => !(text && isText(key)) && effect(s, key) && !help.has(key.name)).map(key => key.name);
		expect(unlisted, "doing something but not in the review's key list").toEqual([]);
	});
	it('the key list (its title names keys that close and scroll it) and the y/n questions', () => {
		const open = press(at(2, 0), byName.get(keymap.review.find(b => b.command === 'help')!.keys.at(-1)!)!);
		expect(open.help).not.toBeNull();
		const title = reviewHelpTitle(keymap.review)
			.replace(/^Keys in the guided review\. /, '')
			.replace(/\. Your answers.*$/, '');
		const hinted = [...new Set(namesIn(title))];
		expect(hinted.length).toBeGreaterThan(2);
		const scrolled = press(open, down);
		for (const n of hinted) expect(works(open, byName.get(n)!) || effect(scrolled, byName.get(n)!), `${n} in "${title}"`).toBe(true);
		const unlisted = UNIVERSE.filter(key => effect(open, key) && !help.has(key.name)).map(key => key.name);
		expect(unlisted, 'acting in the key list but not in it').toEqual([]);
		const asked: ReviewUiState = {...at(0, 0), confirm: {kind: 'discard'}};
		const answers = UNIVERSE.filter(key => effect(asked, key)).map(key => key.name);
		expect(answers.sort()).toEqual(keymap.confirm.flatMap(b => names(b.keys)).sort());
	});
}

describe("every key in the guided review's hints works, and every key that works is in its key list", () => {
	reviewChecks(DEFAULT_KEYMAP);
});

describe("with the guided review's keys remapped (? and Ctrl+G included), the same holds with the new keys", () => {
	const {keymap, problems} = userKeymap({
		'review-help': ['!', 'Ctrl+T'],
		'review-next-step': ['Ctrl+O'],
		'review-back': ['Ctrl+Q'],
		'review-next-field': ['Ctrl+J'],
		'review-choose-next': ['>'],
		'review-toggle': ['+'],
		'confirm-yes': ['o'],
	});
	it('is accepted', () => expect(problems).toEqual([]));
	reviewChecks(keymap);
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
