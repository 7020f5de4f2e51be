/**
 * A problem's detail in the editor area (README "Acting on a problem"): Enter on any problem in the
 * Problems panel, case or officer, shows its message, what to do with the ways to clear it, the keys,
 * and the evidence with dates; the action opens from there, and once done the problem leaves the panel.
 */
import {describe, expect, it} from 'vitest';
import {findProblems} from '../../../source/domain/rules/index.js';
import {openStore} from '../../../source/store/store.js';
import {userKeymap} from '../../../source/ui/contexts/user-keymap.js';
import {DEMO_TODAY, demoCopy} from '../../helpers/cli.js';
import {demoData, KEYS, ready, renderDesk, type DeskHarness} from '../desk-harness.js';

/** Focus on the Problems panel, filtered to `filter`, the cursor on the first row whose text has `row`. */
async function problemRow(h: DeskHarness, filter: string, row: string): Promise<string> {
	await ready(h);
	await h.press(KEYS.shiftTab);
	await h.type(`/${filter}`);
	let f = await h.press(KEYS.enter);
	const rows = () => f.split('\n').filter(l => /[│║][› ] (CRITICAL|RED|AMBER|INFO)\s/.test(l));
	const at = rows().findIndex(l => l.includes(row));
	expect(at, f).toBeGreaterThanOrEqual(0);
	for (let i = 0; i < at; i++) f = await h.press('j');
	return f;
}

/** The editor pane's text (the right-hand box of the main row) as one line, however it wrapped. */
function editorText(f: string): string {
	return f
		.split('\n')
		.map(l => /[│║]([^│║]*)[│║]\s*$/.exec(l)?.[1]?.trim() ?? '')
		.join(' ')
		.replace(/\s+/g, ' ');
}

describe('problem detail', () => {
	it('Enter on a case problem: its message, what to do with each way to clear it, the keys, the evidence with dates', async () => {
		const h = renderDesk({size: {columns: 140, rows: 70}});
		await problemRow(h, '87204', 'CRITICAL CR/87204/26');
		const f = await h.press(KEYS.enter);
		expect(f).toContain('[Problem CR/87204/26]');
		expect(f).toContain('» EDITOR');
		const flat = editorText(f);
		expect(flat).toContain('CRITICAL Bail due, OIC away CR/87204/26 Pay sexual service, OIC DC Sam Ashworth Since 28 Nov; due 02 Dec.');
		expect(flat).toContain('Keys: m reallocate the case | r review the case | b record a bail event | Enter open the case | x close');
		expect(flat).toContain('OIC DC Ashworth is on sick leave from 28 Nov; no cover assigned');
		expect(f).toContain('WHAT TO DO');
		expect(flat).toContain('Assign an officer to the case today to deal with the bail date before 02 Dec.');
		expect(flat).toContain('m Reallocate CR/87204/26 to an officer at work to deal with the bail date before 02 Dec');
		expect(flat).toContain('desk: m on the problem, the case, or the palette');
		expect(flat).toContain('command: fortnight case reallocate CR/87204/26 --to OFFICER --reason TEXT');
		expect(flat).toContain('b Record how bail ended (charged, RUI, no further action, released)');
		expect(f).toContain('EVIDENCE (2)');
		expect(flat).toContain('28 Nov: OIC on sick leave from 28 Nov, no cover (absence ab0003)');
		expect(flat).toContain('11 Sep: bailed 11 Sep (pcsc-2022); return 02 Dec');
		// Enter in the detail goes on to the case.
		const c = await h.press(KEYS.enter);
		expect(c).toContain('[CR/87204/26]');
		expect(c).toContain('Status: awaiting forensics');
		h.app.unmount();
	});

	it('scrolls with j/k, and r there starts the review of its case', async () => {
		const h = renderDesk({size: {columns: 120, rows: 30}});
		await problemRow(h, '87204', 'CRITICAL CR/87204/26');
		let f = await h.press(KEYS.enter);
		expect(f).toMatch(/-- lines 1-\d+ of \d+; j\/k scroll, x close --/);
		f = await h.press('j');
		expect(f).toMatch(/-- lines 2-/);
		f = await h.press('r');
		expect(f).toContain('[Review CR/87204/26]');
		h.app.unmount();
	});

	it('Enter on an officer problem: its detail; m there takes you to their cases to choose one', async () => {
		const store = await openStore(demoCopy().store);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 140, rows: 50}});
		await problemRow(h, 'workload', 'DC Iqbal');
		let f = await h.press(KEYS.enter);
		expect(f).toContain('[Problem DC Iqbal]');
		expect(editorText(f)).toContain('AMBER Workload DC Priya Iqbal Since');
		expect(editorText(f)).toContain('Keys: m choose a case to reallocate | Enter show their cases | x close');
		expect(editorText(f)).toContain("m Reallocate some of DC Iqbal's cases to officers with capacity");
		f = await h.press('m');
		expect(f).toContain("Choose one of DC Iqbal's cases (j/k), then press m to reallocate it.");
		expect(f).toContain('» CASES');
		expect(f).toMatch(/›\s+▾ DC Priya Iqbal/);
		f = await h.press('j');
		f = await h.press('m');
		expect(f).toContain('REALLOCATE CR/25310/26');
		h.app.unmount();

		const g = renderDesk({size: {columns: 140, rows: 50}});
		await problemRow(g, 'brennan', 'with no cover named: 60 case reviews');
		f = await g.press(KEYS.enter);
		expect(f).toContain('[Problem DS Brennan]');
		expect(editorText(f)).toContain('command: fortnight absence change ab0002 --cover NAME');
		g.app.unmount();
	});

	it('m on an officer problem in the Problems panel does what it does from the detail (QA-3 R10)', async () => {
		const store = await openStore(demoCopy().store);
		for (const [filter, row, who] of [
			['carries', 'DC Iqbal', 'DC Iqbal'],
			['Whitlock', 'new starter', 'TDC Whitlock'],
		] as const) {
			const h = renderDesk({store, data: store.snapshot(), size: {columns: 140, rows: 50}});
			await problemRow(h, filter, row);
			let f = await h.press('m');
			expect(f).not.toContain('Select a case first');
			expect(f).toContain(`Choose one of ${who}'s cases (j/k), then press m to reallocate it.`);
			expect(f).toContain('» CASES');
			f = await h.press('j');
			f = await h.press('m');
			expect(f).toMatch(/REALLOCATE CR\//);
			h.app.unmount();
		}
	});

	it('the critical no-cover bail problem, reallocated from its detail, leaves the panel; the detail says what is held now', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const id = 'bail-officer-absent:CR/87204/26';
		expect(findProblems(store.snapshot(), DEMO_TODAY).map(p => p.id)).toContain(id);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 140, rows: 50}});
		await problemRow(h, '87204', 'CRITICAL CR/87204/26');
		await h.press(KEYS.enter);
		let f = await h.press('m');
		expect(f).toContain('REALLOCATE CR/87204/26');
		await h.type('marsh');
		await h.press(KEYS.enter);
		await h.press(KEYS.enter);
		await h.type('OIC on sick leave; bail due 02 Dec');
		await h.press(KEYS.enter);
		f = await h.waitFor('CLEARED');
		expect(f).toContain('[Problem CR/87204/26]');
		const flat = editorText(f);
		expect(flat).toContain('CLEARED: the rules no longer find this problem about CR/87204/26 (as of 30 Nov).');
		expect(flat).toContain('CR/87204/26 is held by DC Helen Marsh since 30 Nov, moved by DS Brennan: OIC on sick leave; bail due 02 Dec.');
		expect(f).not.toMatch(/CRITICAL CR\/87204\/26/);
		expect(findProblems(store.snapshot(), DEMO_TODAY).map(p => p.id)).not.toContain(id);
		expect(demoData().cases.find(c => c.ref === 'CR/87204/26')!.oicId).toBe('o0003');
		h.app.unmount();
	});

	it("with keys remapped in the settings, the detail's What to do names the person's keys, and they act", async () => {
		const {keymap, problems} = userKeymap({review: ['v'], 'bail-record': ['B']});
		expect(problems).toEqual([]);
		const h = renderDesk({keymap, size: {columns: 140, rows: 50}});
		await problemRow(h, '88397', 'CR/88397/26');
		let f = await h.press(KEYS.enter);
		expect(f).toContain('[Problem CR/88397/26]');
		let flat = editorText(f);
		expect(flat).toContain('v review the case');
		expect(flat).toContain('v Review the case and set the plan for the next 14 days (guided review)');
		expect(flat).toContain('desk: v on the case, its problem or its row in the explorer');
		expect(flat).not.toMatch(/\br Review the case|desk: r on/);
		f = await h.press('v');
		expect(f).toContain('[Review CR/88397/26]');
		h.app.unmount();

		const g = renderDesk({keymap, size: {columns: 140, rows: 50}});
		await problemRow(g, '54818', 'CR/54818/26');
		f = await g.press(KEYS.enter);
		flat = editorText(f);
		expect(flat).toContain('B record a bail event');
		expect(flat).toContain('B Record how bail ended (charged, RUI, no further action, released)');
		expect(flat).toContain('desk: B on the problem, the case, or the palette');
		expect(flat).not.toMatch(/\bb Record how bail ended|desk: b on/);
		f = await g.press('B');
		expect(f).toContain('BAIL');
		g.app.unmount();
	});
});
