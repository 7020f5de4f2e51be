/**
 * Remapping keys in the settings file (README "Settings"; issue "The desk under real hands" item 15):
 * the registry takes the new keys, so the remapped key works, the old one no longer does, and help, the
 * status-bar hints and the palette all name the new key. A remapping that cannot be used is said and left out.
 */
import {describe, expect, it} from 'vitest';
import {userKeymap} from '../../source/ui/contexts/user-keymap.js';
import {commandFor, helpLines} from '../../source/ui/contexts/registry.js';
import {NO_KEY} from '../../source/ui/contexts/key-names.js';
import {hintsFor} from '../../source/ui/contexts/hints.js';
import {deskReducer, initialState} from '../../source/ui/desk/desk-state.js';
import {askToCancel} from '../../source/ui/desk/desk-records.js';
import {deskModel, withProblems} from '../../source/ui/model/desk-model.js';
import {paletteMatches} from '../../source/ui/palette/palette-items.js';
import {resolveIdentity} from '../../source/domain/identity.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData, KEYS, ready, renderDesk} from './desk-harness.js';

const press = (input: string) => ({type: 'input' as const, input, key: NO_KEY});

describe('a remapped key', () => {
	const {keymap, problems} = userKeymap({down: ['n'], 'view-team': ['T']});

	it('is accepted, and replaces the default keys of its action', () => {
		expect(problems).toEqual([]);
		expect(commandFor('n', NO_KEY, 'cases', keymap)).toBe('down');
		expect(commandFor('j', NO_KEY, 'cases', keymap)).toBeUndefined();
		expect(commandFor('T', {...NO_KEY, shift: true}, 'cases', keymap)).toBe('view-team');
		expect(commandFor('2', NO_KEY, 'cases', keymap)).toBeUndefined();
	});

	it('works in the reducer, and the old key does nothing', () => {
		const s = initialState(withProblems(deskModel(demoData(), DEMO_TODAY)), {columns: 120, rows: 36}, null, keymap);
		expect(deskReducer(s, press('n')).explorer.win.cursor).toBe(1);
		expect(deskReducer(s, press('j')).explorer.win.cursor).toBe(0);
		expect(deskReducer(s, press('T')).view).toBe('team');
	});

	it('is named in help, the status-bar hints and the palette', () => {
		expect(helpLines(keymap).find(l => l.includes('move down'))).toMatch(/^n\s+move down/);
		const s = initialState(withProblems(deskModel(demoData(), DEMO_TODAY)), {columns: 120, rows: 36}, null, keymap);
		expect(hintsFor(s)).toContain('n/k move');
		expect(hintsFor(s)).not.toContain('j/k');
		expect(paletteMatches(s.model, 'View: Team', 1, keymap)[0]).toMatchObject({label: 'View: Team', detail: 'T'});
	});

	it('drives the running desk, and its ? help shows it', async () => {
		const h = renderDesk({keymap});
		await ready(h);
		const before = h.frame();
		const after = await h.press('n');
		expect(after).not.toBe(before);
		expect(after).toContain('60 live cases 2/');
		const help = await h.press('?');
		expect(help).toMatch(/n\s+move down \(scroll a case\)/);
		await h.press(KEYS.esc);
		await h.press('T');
		await h.waitFor('TEAM');
		h.app.unmount();
	});
});

describe('a remapping that cannot be used is said, and the action keeps its keys', () => {
	it('an unknown action, a key the desk cannot read, a key another action has', () => {
		const {keymap, problems} = userKeymap({'fly-away': ['z'], down: ['F5'], review: ['q']});
		expect(problems).toEqual([
			'keys: "fly-away" is not an action that can be remapped (README "Settings" lists them); it is ignored.',
			'keys: "F5" for down is not a key name the desk reads (a character, Ctrl+ a letter, or a named key such as PgDn); down keeps its keys.',
			"keys: q for review is already quit's key; give quit other keys too, or choose another. review keeps its keys.",
		]);
		expect(commandFor('j', NO_KEY, 'cases', keymap)).toBe('down');
		expect(commandFor('r', NO_KEY, 'cases', keymap)).toBe('review');
		expect(commandFor('q', NO_KEY, 'cases', keymap)).toBe('quit');
	});

	it('an action that works while typing cannot take an editing key of the text fields (Backspace, Ctrl+W, Ctrl+U)', () => {
		const {keymap, problems} = userKeymap({'palette-up': ['↑', 'Backspace'], 'filter-keep': ['Ctrl+W']});
		expect(problems).toEqual([
			'keys: palette-up works while a text field has the focus, where "Backspace" edits the text (Backspace, Ctrl+W, Ctrl+U); choose another key. palette-up keeps its keys.',
			'keys: filter-keep works while a text field has the focus, where "Ctrl+W" edits the text (Backspace, Ctrl+W, Ctrl+U); choose another key. filter-keep keeps its keys.',
		]);
		expect(keymap).toEqual(userKeymap({}).keymap);
	});

	it('a key that frees another: quit on Q, review on q', () => {
		const {keymap, problems} = userKeymap({quit: ['Q', 'Ctrl+C'], review: ['q']});
		expect(problems).toEqual([]);
		expect(commandFor('q', NO_KEY, 'cases', keymap)).toBe('review');
		expect(commandFor('Q', NO_KEY, 'cases', keymap)).toBe('quit');
	});

	it("the desk says a bad settings file's problems on its status bar", async () => {
		const h = renderDesk({
			settingsProblems: ['/cfg/fortnight/config.json: theme must be one of "default", "high-contrast"; using the default.'],
		});
		await ready(h);
		await h.waitFor('Settings: /cfg/fortnight/config.json: theme must be');
		h.app.unmount();
	});
});

describe("the guided review's commands", () => {
	it('are remapped as review-next-step and so on: the review reads, hints and lists the new key', async () => {
		const {reviewCommandFor, reviewHints} = await import('../../source/ui/review/review-keymap.js');
		const {helpText} = await import('../../source/ui/desk/desk-help.js');
		const {keymap, problems} = userKeymap({'review-next-step': ['Ctrl+O']});
		expect(problems).toEqual([]);
		expect(reviewCommandFor('o', {...NO_KEY, ctrl: true}, false, keymap.review)).toBe('next-step');
		expect(reviewCommandFor('n', {...NO_KEY, ctrl: true}, false, keymap.review)).toBeUndefined();
		expect(reviewHints('text', {firstStep: false, lastStep: false}, keymap.review)).toContain('Ctrl+O next step');
		expect(helpText(1000, keymap).find(l => l.includes('next step (only when'))).toMatch(/^Ctrl\+O\s/);
	});
});

describe('the palette says why a command cannot act here', () => {
	it('from the registry: closing a tab with none open', async () => {
		const h = renderDesk({size: {columns: 160, rows: 36}});
		await ready(h);
		await h.press(':');
		const f = await h.type('Tabs: close');
		expect(f).toMatch(/Tabs: close current\s+x\s+\(not here: No tab to close\.\)/);
		h.app.unmount();
	});
});

describe("a settings file's identity", () => {
	it('is used when --as and FORTNIGHT_USER are absent, and passed over, said, when it names nobody', () => {
		const data = demoData();
		const marsh = data.officers.find(o => o.name.includes('Marsh'))!;
		expect(resolveIdentity(data, {settingsUser: marsh.id})).toMatchObject({ok: true, source: 'settings', officer: {id: marsh.id}});
		expect(resolveIdentity(data, {as: data.team.sergeantId, settingsUser: marsh.id})).toMatchObject({ok: true, source: '--as'});
		const nobody = resolveIdentity(data, {settingsUser: 'Nobody Atall', demo: true});
		expect(nobody).toMatchObject({
			ok: true,
			source: 'demo',
			note: 'Your settings file\'s "as" ("Nobody Atall") is not an officer in this store; it is not used.',
		});
		const none = resolveIdentity(data, {settingsUser: 'Nobody Atall'});
		expect(none.ok).toBe(false);
	});
});

describe('the desk\'s sentences that name a key name the person\'s key (README "Settings")', () => {
	const {keymap, problems} = userKeymap({
		down: ['n'],
		'bail-record': ['B'],
		reallocate: ['M'],
		'welfare-record': ['W'],
		'absence-change': ['z'],
		'absence-cancel': ['Z'],
		'absence-add': ['N'],
		'absence-end': ['X'],
	});
	const start = () => initialState(withProblems(deskModel(demoData(), DEMO_TODAY)), {columns: 120, rows: 36}, null, keymap);

	it('the notices when a key has nothing to act on yet', () => {
		expect(problems).toEqual([]);
		expect(deskReducer(start(), press('B')).notice).toMatch(/^Select a case first: B records a bail event/);
		expect(deskReducer(start(), press('M')).notice).toMatch(/^Select a case first: M reallocates the case/);
		// The editor with no tab: no officer in hand.
		const editor = {...start(), focus: 'editor' as const};
		expect(deskReducer(editor, press('W')).notice).toBe('Choose the officer (n/k), then press W to record a welfare event.');
		expect(deskReducer(editor, press('z')).notice).toBe('Choose the officer (n/k), then press z to change their absence.');
		// C is the Team view's own key: elsewhere the palette runs it.
		expect(askToCancel(editor).notice).toBe('Choose the officer (n/k), then press Z to cancel their absence that has not started.');
	});

	it("the Team view's line about the selected officer", async () => {
		const h = renderDesk({keymap, size: {columns: 140, rows: 36}});
		await ready(h);
		await h.press('2');
		await h.waitFor('TEAM');
		// Down to DC Ashworth, away today: E (here X) is offered only on an absence to end (QA 4 R-b).
		await h.press('n');
		const f = await h.press('n');
		expect(f).toMatch(/› DC Sam Ashworth/);
		expect(f).toMatch(/ N record absence {2}z change {2}X end it today/);
		expect(f).not.toMatch(/ a record absence/);
		h.app.unmount();
	});
});

describe("help's own sentences name the keys in force", () => {
	it("the filter, the review queue and the review's leave name the remapped keys", async () => {
		const {helpText} = await import('../../source/ui/desk/desk-help.js');
		const {keymap, problems} = userKeymap({'filter-keep': ['Ctrl+K'], 'review-next-case': ['N'], 'review-back': ['Ctrl+O']});
		expect(problems).toEqual([]);
		const help = helpLines(keymap).join('\n');
		expect(help).toContain('filter the list (Ctrl+K keeps it, Esc clears it)');
		expect(help).toContain('most overdue first (N for the next after signing)');
		expect(helpText(1000, keymap).join('\n')).toContain('after signing: back to the desk (also Ctrl+O); closes this list');
		// The defaults read as before.
		expect(helpLines().join('\n')).toContain('filter the list (Enter keeps it, Esc clears it)');
	});
});
