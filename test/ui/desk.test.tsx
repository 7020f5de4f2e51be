import {describe, expect, it} from 'vitest';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {KEYMAP} from '../../source/ui/keymap.js';
import {withKeys} from '../../source/ui/contexts/registry.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {DEMO_TODAY, ROOT, tempDir} from '../helpers/cli.js';
import {fakeStore} from '../helpers/fake-store.js';
import {demoData, KEYS, ready, renderDesk} from './desk-harness.js';
import type {StoreData} from '../../source/domain/model.js';

describe('desk navigation', () => {
	it('moves with j/k and arrows, opens a case with Enter, backs out with Esc, folds officers', async () => {
		const h = renderDesk();
		await ready(h);
		expect(h.frame()).toContain('› ▾ DC Ashworth: 10 cases');
		let f = await h.press('j');
		expect(f).toMatch(/›\s+CR\/64148\/26/);
		f = await h.press(KEYS.down);
		expect(f).toMatch(/›\s+CR\/87204\/26 LOW\s+OVERDUE 5d\s+BAIL 2d/);
		f = await h.press('k');
		expect(f).toMatch(/›\s+CR\/64148\/26/);
		f = await h.press(KEYS.enter);
		expect(f).toContain('[CR/64148/26]');
		expect(f).toContain('» EDITOR');
		expect(f).toContain('Status: with CPS');
		expect(f).toMatch(/PROBLEMS \(\d+\)/);
		// j in the editor scrolls the case, not the explorer.
		f = await h.press('j');
		expect(f).toContain('lines 2-');
		f = await h.press(KEYS.esc);
		expect(f).toContain('» CASES');
		// Fold the officer from a case row: the cursor lands on the officer, the cases go.
		f = await h.press('h');
		expect(f).toMatch(/› ▸ DC Ashworth \[folded\]: 10 cases, \d+ problems \(\d+ red\)/);
		expect(f).not.toContain('CR/87204/26 LOW');
		f = await h.press(KEYS.enter);
		expect(f).toContain('CR/87204/26 LOW');
		h.app.unmount();
	});

	it('cycles focus with Tab and Shift+Tab and switches views with 1-4', async () => {
		const h = renderDesk();
		await ready(h);
		expect(await h.press(KEYS.tab)).toContain('» EDITOR');
		expect(await h.press(KEYS.tab)).toContain('» PROBLEMS');
		expect(await h.press(KEYS.shiftTab)).toContain('» EDITOR');
		let f = await h.press('2');
		expect(f).toContain('TEAM');
		expect(f).toContain('Check-in');
		f = await h.press('3');
		expect(f).toContain('HANDOVER 2026-11-30 to 2026-12-13');
		f = await h.press('4');
		expect(f).toContain('REVIEW LOG 2026-11-03 to 2026-11-30');
		f = await h.press('1');
		expect(f).toContain('CASES');
		h.app.unmount();
	});
});

describe('tabs', () => {
	it('opens several cases as tabs, switches with [ ] and closes with x', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press('j');
		await h.press(KEYS.enter);
		await h.press(KEYS.esc);
		await h.press('j');
		let f = await h.press(KEYS.enter);
		expect(f).toContain('CR/64148/26 |[CR/87204/26]');
		expect(f).toContain('2 of 2 tabs');
		f = await h.press('[');
		expect(f).toContain('[CR/64148/26]| CR/87204/26');
		f = await h.press(']');
		expect(f).toContain('[CR/87204/26]');
		f = await h.press('x');
		expect(f).toContain('1 of 1 tabs');
		expect(f).toContain('[CR/64148/26]');
		f = await h.press('x');
		expect(f).toContain('no case open');
		expect(f).toContain('» CASES');
		h.app.unmount();
	});
});

describe('command palette', () => {
	it('finds a case by part of its reference and opens it', async () => {
		const h = renderDesk();
		await ready(h);
		let f = await h.press(':');
		expect(f).toContain('COMMAND PALETTE');
		f = await h.type('43392');
		expect(f).toMatch(/›\s+CR\/43392\/26\s+Sexual comms child - DC Sam Ashworth/);
		f = await h.press(KEYS.enter);
		expect(f).toContain('[CR/43392/26]');
		expect(f).toContain('Sexual communication with a child');
		h.app.unmount();
	});

	it('runs commands (Ctrl+P, fuzzy) and Esc closes it without acting', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press(KEYS.ctrlP);
		let f = await h.type('vteam');
		expect(f).toMatch(/›\s+View: Team/);
		f = await h.press(KEYS.enter);
		expect(f).toContain('Perf. plan');
		await h.press(':');
		await h.type('quit');
		f = await h.press(KEYS.esc);
		expect(f).not.toContain('COMMAND PALETTE');
		expect(f).toContain('TEAM');
		h.app.unmount();
	});

	it('jumps to an officer', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press(':');
		await h.type('whitlock');
		const f = await h.press(KEYS.enter);
		expect(f).toContain('› ▾ TDC Whitlock');
		h.app.unmount();
	});
});

describe('filter', () => {
	it('filters the explorer as you type; Enter keeps it, Esc clears it', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press('/');
		let f = await h.type('whitlock');
		expect(f).toContain('Filter: whitlock_');
		expect(f).toContain('TDC Whitlock: 4 cases');
		expect(f).not.toContain('DC Ashworth:');
		f = await h.press(KEYS.enter);
		expect(f).toContain('Filter: whitlock  (/ edits, Esc clears)');
		// The header says how many rows match and where the cursor is (the officer and their 4 cases).
		expect(f).toMatch(/CASES\s+60 live cases 5 match\s+1\/5/);
		// Filter text is not a command: typing "q" in the filter did not quit, and keys move again now.
		f = await h.press('j');
		expect(f).toMatch(/›\s+CR\/42371\/25/);
		f = await h.press(KEYS.esc);
		expect(f).not.toContain('Filter:');
		expect(f).toContain('DC Ashworth');
		h.app.unmount();
	});

	it('matches case references and offences, and says when nothing matches', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press('/');
		let f = await h.type('87204');
		expect(f).toContain('DC Ashworth: 1 case,');
		expect(f).toContain('CR/87204/26');
		await h.press(KEYS.backspace);
		f = await h.type('zzz');
		expect(f).toContain('No case or officer matches the filter.');
		h.app.unmount();
	});

	it("filters the Problems panel; Enter opens the problem's detail, and Enter there its case or officer", async () => {
		const problems = findProblems(demoData(), DEMO_TODAY);
		const caseProblem = problems.find(p => p.subject.type === 'case' && p.subject.ref === 'CR/87204/26')!;
		expect(caseProblem).toBeDefined();
		const h = renderDesk();
		await ready(h);
		await h.press(KEYS.shiftTab);
		let f = await h.type('/87204');
		expect(f).toContain('Filter: 87204_');
		expect(f).toContain('» PROBLEMS');
		const shown = f.split('\n').filter(l => /[│║][› ] (CRITICAL|RED|AMBER|INFO)\s/.test(l));
		// Every problem about the case, plus any officer problem that names it; nothing else.
		expect(shown.length).toBeGreaterThanOrEqual(problems.filter(p => p.subject.type === 'case' && p.subject.ref === 'CR/87204/26').length);
		expect(f).toMatch(new RegExp(`${shown.length} match`));
		expect(shown[0]).toContain('CR/87204/26');
		await h.press(KEYS.enter);
		// README "Acting on a problem": the detail first (its message, what to do, the keys), then the case.
		f = await h.press(KEYS.enter);
		expect(f).toContain('[Problem CR/87204/26]');
		expect(f).toContain('» EDITOR');
		f = await h.press(KEYS.enter);
		expect(f).toContain('[CR/87204/26]');
		expect(f).toContain('» EDITOR');
		// An officer problem jumps to the officer in the explorer.
		const officerProblem = problems.find(p => p.subject.type !== 'case' && p.subject.officerId === 'o0005');
		expect(officerProblem).toBeDefined();
		await h.press(KEYS.tab);
		await h.press(KEYS.esc);
		f = await h.type('/whitlock');
		await h.press(KEYS.enter);
		const rows = f.split('\n').filter(l => /[│║][› ] (CRITICAL|RED|AMBER|INFO)\s/.test(l));
		const at = rows.findIndex(l => l.includes('TDC Whitlock'));
		expect(at).toBeGreaterThanOrEqual(0);
		for (let i = 0; i < at; i++) await h.press('j');
		f = await h.press(KEYS.enter);
		expect(f).toContain('[Problem TDC Whitlock]');
		f = await h.press(KEYS.enter);
		expect(f).toContain('› ▾ TDC Whitlock');
		expect(f).toContain('» CASES');
		h.app.unmount();
	});
});

describe('help', () => {
	it('is generated from the keymap and closes with Esc', async () => {
		const h = renderDesk({size: {columns: 120, rows: 70}});
		await ready(h);
		const f = await h.press('?');
		// A help text naming another action's key ({filter-keep}) shows the key. The sergeant is offered
		// every binding but the inspector's queue (registry.ts offeredKeymap; QA 4 R-a).
		for (const b of KEYMAP) if (!b.inspectors) expect(f).toContain(withKeys(b.help));
		expect(f).not.toContain(KEYMAP.find(b => b.inspectors)!.help);
		const closed = await h.press(KEYS.esc);
		expect(closed).not.toContain('HELP');
		h.app.unmount();
	});
});

describe('review entry points', () => {
	it('r on a case opens its guided review; Esc leaves it; R opens the queue on the most overdue case', async () => {
		const h = renderDesk({size: {columns: 200, rows: 40}});
		await ready(h);
		await h.press('j');
		let f = await h.press('r');
		expect(f).toContain('[Review CR/64148/26]');
		f = await h.waitFor('Review CR/64148/26 - step 1 of 7: Since last review');
		// The review wires its input in an effect after its first frame: let it run before the next key.
		await new Promise(r => setTimeout(r, 50));
		// The review has the keys: the desk's own keys stand aside until it is left.
		expect(f).toContain('review has the keys');
		f = await h.press(KEYS.esc);
		expect(f).toContain('» CASES');
		expect(f).not.toContain('[Review CR/64148/26]');
		f = await h.press('R');
		expect(f).toContain('[Review queue]');
		f = await h.waitFor('Review CR/88397/26 - step 1 of 7');
		expect(f).toContain('queue 1 of 7');
		h.app.unmount();
	});
});

describe('terminal size', () => {
	const lines = (f: string) => f.split('\n');

	it('redraws on resize, keeps the frame shorter than the terminal, and explains a too-small one', async () => {
		const h = renderDesk({size: {columns: 120, rows: 36}});
		await ready(h);
		expect(lines(h.frame()).length).toBe(35);
		let f = await h.resize(80, 24);
		expect(lines(f).length).toBe(23);
		for (const l of lines(f)) expect(l.length).toBeLessThanOrEqual(80);
		f = await h.resize(70, 20);
		expect(f).toContain('at least 80x24');
		expect(f).toContain('this one is 70x20');
		f = await h.resize(100, 30);
		expect(lines(f).length).toBe(29);
		expect(f).toContain('CASES');
		h.app.unmount();
	});

	it('follows the terminal when no size is given (stdout resize event)', async () => {
		const h = renderDesk({size: undefined});
		const stdout = h.app.stdout as unknown as NodeJS.EventEmitter & {rows?: number};
		Object.defineProperty(stdout, 'rows', {value: 30, configurable: true, writable: true});
		stdout.emit('resize');
		await h.waitFor('CASES');
		await h.waitFor(f => f.split('\n').length === 29);
		Object.defineProperty(stdout, 'rows', {value: 26, configurable: true, writable: true});
		stdout.emit('resize');
		await h.waitFor(f => f.split('\n').length === 25);
		h.app.unmount();
	});
});

describe('log view (4)', () => {
	it('filters late reviews with l, changes the period with < >, and exports the rows with e', async () => {
		const dir = tempDir('desk-log-');
		const file = path.join(dir, 'team.json');
		const data = demoData();
		const store = fakeStore(data, {file});
		const h = renderDesk({store});
		await ready(h);
		let f = await h.press('4');
		const total = Number(/: (\d+) of (\d+) rows/.exec(f)![1]);
		expect(total).toBeGreaterThan(0);
		f = await h.press('l');
		expect(f).toContain('LATE ONLY');
		expect(f).toContain('? help');
		f = await h.press('l');
		expect(f).not.toContain('LATE ONLY');
		f = await h.press('<');
		expect(f).toContain('REVIEW LOG 2026-10-06 to 2026-11-02');
		f = await h.press('>');
		f = await h.press('e');
		const exported = path.join(dir, 'review-log-2026-11-03-to-2026-11-30.csv');
		await h.waitFor(`Exported the review log to`);
		expect(existsSync(exported)).toBe(true);
		expect(readFileSync(exported, 'utf8').split('\n').filter(Boolean).length).toBe(total + 1);
		// l still folds in the explorer (the Log view's keys only apply there).
		await h.press('1');
		await h.press('j');
		f = await h.press('h');
		expect(f).toContain('[folded]');
		h.app.unmount();
	});
});

describe('what the desk shows', () => {
	it('never shows welfare note text in the Team view', async () => {
		const welfare = JSON.parse(readFileSync(path.join(ROOT, 'data', 'demo.welfare.json'), 'utf8')) as {notes?: {text?: string}[]};
		const h = renderDesk();
		await ready(h);
		const f = await h.press('2');
		expect(f).toContain('welfare: dates only');
		const notes = (welfare.notes ?? []).map(n => n.text ?? '').filter(t => t.length > 12);
		expect(notes.length).toBeGreaterThan(0);
		for (const n of notes) expect(f).not.toContain(n.slice(0, 30));
		h.app.unmount();
	});

	it('draws hostile store text safely (no escape sequences reach the terminal)', async () => {
		const base = demoData();
		const evil = '\u001b]52;c;ZXZpbA==\u0007Evil\u001b[2J offence\u202e';
		const data: StoreData = {...base, cases: base.cases.map((c, i) => (i === 0 ? {...c, offenceShort: evil, offence: evil} : c))};
		const h = renderDesk({data});
		await ready(h);
		await h.press(':');
		await h.type(base.cases[0]!.ref.slice(3, 8));
		await h.press(KEYS.enter);
		const raw = h.app.lastFrame() ?? '';
		expect(raw).not.toContain('\u001b]52');
		expect(raw).not.toContain('\u001b[2J');
		expect(raw).toContain('Evil offence<U+202E>');
		h.app.unmount();
	});

	it('renders only the visible rows of a 20,000-case explorer', async () => {
		const base = demoData();
		const cases = Array.from({length: 20_000}, (_, i) => ({
			...base.cases[i % base.cases.length]!,
			ref: `CR/${String(i).padStart(5, '0')}/26`,
		}));
		const data: StoreData = {...base, cases};
		// The rules are not under test here (and take seconds on 20,000 cases): stand in for them.
		const h = renderDesk({data, size: {columns: 100, rows: 30}, findProblems: () => []});
		await h.waitFor('CASES', 20_000);
		await new Promise(r => setImmediate(r));
		const caseRows = (f: string) => f.split('\n').filter(l => /CR\/\d{5}\/26 (HIGH|MED|LOW|H|M|L) /.test(l)).length;
		expect(caseRows(h.frame())).toBeLessThanOrEqual(30);
		const t0 = performance.now();
		const f = await h.press('G');
		expect(performance.now() - t0).toBeLessThan(1000);
		expect(f).toMatch(/\/20\d{3}/);
		expect(caseRows(f)).toBeGreaterThan(0);
		h.app.unmount();
	});
});
