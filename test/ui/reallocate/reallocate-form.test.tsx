/**
 * The desk's reallocation form (README "Acting on a problem"): the pure form (choices with the workload
 * after the move, checks with the domain's refusals, y/n for an officer away with nobody covering),
 * then the form in the desk, saved through a real store as the person at the keyboard.
 */
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import type {StoreData} from '../../../source/domain/model.js';
import {heldAs, reallocateCase, reallocationChoices} from '../../../source/domain/reallocate.js';
import {openStore} from '../../../source/store/store.js';
import {loadStoreText} from '../../../source/store/load-text.js';
import {NO_KEY, type KeyInfo} from '../../../source/ui/keymap.js';
import {choiceWords} from '../../../source/ui/reallocate/reallocate-form.js';
import {
	formChoices,
	openReallocateForm,
	reallocateFormKey,
	type ReallocateFormState,
	type ReallocateOutcome,
} from '../../../source/ui/reallocate/reallocate-form-state.js';
import {DEMO_TODAY, demoCopy} from '../../helpers/cli.js';
import {demoData, KEYS, ready, renderDesk} from '../desk-harness.js';

const key = (k: Partial<KeyInfo> = {}): KeyInfo => ({...NO_KEY, ...k});
const SERGEANT = 'o0002';
// DC Doyle's, overdue for review; DC Ashworth (o0003) is off sick from 28 Nov with nobody covering.
const DOYLE_CASE = 'CR/88397/26';

/** The form on `ref`, opened on `seen` (what the desk showed then), its keys checked against `data` (what it shows now). */
function driver(data: StoreData, ref: string, seen = data) {
	let f: ReallocateFormState = openReallocateForm(ref, DEMO_TODAY, heldAs(seen, ref));
	let last: ReallocateOutcome = {type: 'stay', form: f};
	const press = (input: string, k: Partial<KeyInfo> = {}): ReallocateOutcome => {
		last = reallocateFormKey(f, input, key(k), {data, today: DEMO_TODAY, by: SERGEANT});
		if (last.type !== 'close') f = last.form;
		return last;
	};
	const type = (text: string) => {
		for (const ch of text) press(ch);
	};
	return {press, type, form: () => f, last: () => last};
}

describe('the reallocation form (pure)', () => {
	it('lists everyone who could take the case with their workload now and after the move, best placed first', () => {
		const data = demoData();
		const all = reallocationChoices(data, DOYLE_CASE, DEMO_TODAY, DEMO_TODAY);
		const doyle = data.cases.find(c => c.ref === DOYLE_CASE)!;
		expect(all.map(c => c.officerId)).not.toContain(doyle.oicId);
		const marsh = all.find(c => c.officerId === 'o0006')!;
		expect(marsh.after.liveCases).toBe(marsh.now.liveCases + 1);
		expect(marsh.after.points).toBe(marsh.now.points + data.settings.workloadPoints[doyle.risk]);
		expect(all.find(c => c.officerId === 'o0003')!.away).toBe(
			'DC Ashworth is on sick leave from 28 Nov and no cover is named on 30 Nov: the case would sit with nobody to act on it.',
		);
		const f = openReallocateForm(DOYLE_CASE, DEMO_TODAY, heldAs(data, DOYLE_CASE));
		const listed = formChoices(data, f, DEMO_TODAY);
		// Investigators at work, most room first; the inspector and sergeant after them; anyone away last.
		expect(listed.at(-1)!.officerId).toBe('o0003');
		const atWork = listed.filter(c => !c.away && ['o0001', 'o0002'].every(id => id !== c.officerId));
		expect(atWork.map(c => c.after.percent)).toEqual([...atWork.map(c => c.after.percent)].sort((a, b) => a - b));
		expect(formChoices(data, {...f, query: 'helen mar'}, DEMO_TODAY).map(c => c.officerId)).toEqual(['o0006']);
	});

	it('takes the officer, date (today by default) and reason, and asks the shell to save as the person at the keyboard', () => {
		const d = driver(demoData(), DOYLE_CASE);
		expect(d.form().on).toBe(DEMO_TODAY);
		d.type('marsh');
		d.press('', {return: true});
		expect(d.form().field).toBe('on');
		d.press('', {return: true});
		d.type('Moving the case while DC Doyle is on a course');
		const out = d.press('', {return: true});
		expect(out.type).toBe('save');
		if (out.type === 'save') {
			expect(out.request).toEqual({
				ref: DOYLE_CASE,
				// The holder when the form opened: the store refuses the move if another user moved the case meanwhile.
				held: {officerId: 'o0011', since: '2026-09-14', allocations: 1},
				toOfficerId: 'o0006',
				on: DEMO_TODAY,
				today: DEMO_TODAY,
				reason: 'Moving the case while DC Doyle is on a course',
				confirmAway: false,
				by: SERGEANT,
			});
			expect(out.form.saving).toBe(true);
		}
	});

	it("refuses in the domain's words, keeping what was typed: no reason, no such officer, a date after today", () => {
		const d = driver(demoData(), DOYLE_CASE);
		d.press('', {tab: true});
		d.press('', {tab: true});
		expect(d.press('', {return: true})).toMatchObject({type: 'stay'});
		expect(d.form().error).toEqual({field: 'reason', text: 'Say why the case is moving (the reason is kept in its history).'});
		d.type('Workload');
		d.press('', {tab: true, shift: true});
		for (let i = 0; i < 10; i++) d.press('', {backspace: true});
		d.type('01/12/2026');
		d.press('', {tab: true});
		d.press('', {return: true});
		// About the date: said at the date field, the cursor taken there.
		expect(d.form().error).toEqual({field: 'on', text: 'The move is dated 01 Dec, after today (30 Nov): record it on the day it happens.'});
		expect(d.form().field).toBe('on');
		expect(d.form().reason).toBe('Workload');
		d.press('', {tab: true, shift: true});
		d.press('', {tab: true, shift: true});
		d.type('nobody by that name');
		d.press('', {tab: true});
		d.press('', {tab: true});
		d.press('', {return: true});
		expect(d.form().error).toEqual({field: 'officer', text: 'Nobody in the team matches "nobody by that name": change what you typed.'});
	});

	it("refuses a first day before the case's latest record of its holder at work, at the date field, in the domain's words", () => {
		// QA: CR/78730/26 to DC Carter from 01 Nov went through across the signed review of 23 Nov naming DC Iqbal.
		const d = driver(demoData(), 'CR/78730/26');
		d.type('carter');
		d.press('', {return: true});
		d.type('01/11/2026');
		d.press('', {return: true});
		d.type('backdated');
		expect(d.press('', {return: true})).toMatchObject({type: 'stay'});
		expect(d.form().error).toEqual({
			field: 'on',
			text:
				'CR/78730/26 cannot be moved from 01 Nov: its signed review of 23 Nov (entry 577, OIC DC Iqbal) was recorded while ' +
				"DC Iqbal held it, and the case's history may not contradict it. The earliest date allowed is 23 Nov.",
		});
		expect(d.form()).toMatchObject({field: 'on', on: '01/11/2026', reason: 'backdated', saving: false});
		// Editing the date clears it; the earliest date it names is taken.
		for (let i = 0; i < 10; i++) d.press('', {backspace: true});
		expect(d.form().error).toBeNull();
		d.type('23/11/2026');
		d.press('', {return: true});
		const out = d.press('', {return: true});
		expect(out.type).toBe('save');
		if (out.type === 'save') expect(out.request).toMatchObject({toOfficerId: 'o0009', on: '2026-11-23'});
	});

	it('refuses when another user moved the case after the form opened and the desk took their change in (QA item 6)', () => {
		const before = demoData();
		// Another desk gives DC Doyle's case to DC Marsh while this form is open; this desk reloads by itself.
		const other = {ref: DOYLE_CASE, held: heldAs(before, DOYLE_CASE), toOfficerId: 'o0006', on: DEMO_TODAY, today: DEMO_TODAY};
		const now = reallocateCase(before, {...other, by: 'o0001', reason: 'Balance', recordedAt: `${DEMO_TODAY}T09:00:00Z`}).data;
		const d = driver(now, DOYLE_CASE, before);
		d.press('', {tab: true});
		d.press('', {tab: true});
		d.type('Moving the case while DC Doyle is on a course');
		expect(d.press('', {return: true})).toMatchObject({type: 'stay'});
		expect(d.form().error).toEqual({
			field: null,
			text:
				'DI Okafor changed CR/88397/26 after you chose to move it: DC Marsh holds it now (since 30 Nov), not DC Doyle ' +
				'(since 14 Sep), so it was not moved. Reload to see their change, then move it again if it still should.',
		});
		expect(d.form().reason).toBe('Moving the case while DC Doyle is on a course');
	});

	it('asks before moving the case to an officer away with nobody covering; n chooses again, y saves it confirmed', () => {
		const d = driver(demoData(), DOYLE_CASE);
		d.type('ashworth');
		d.press('', {tab: true});
		d.press('', {tab: true});
		d.type('Back on Monday');
		d.press('', {return: true});
		expect(d.form().confirmAway).toBe(
			'DC Ashworth is on sick leave from 28 Nov and no cover is named on 30 Nov: the case would sit with nobody to act on it.',
		);
		// Other keys wait for the answer.
		d.press('x');
		expect(d.form().reason).toBe('Back on Monday');
		d.press('n');
		expect(d.form()).toMatchObject({confirmAway: null, field: 'officer'});
		d.press('', {tab: true});
		d.press('', {tab: true});
		d.press('', {return: true});
		const out = d.press('y');
		expect(out.type).toBe('save');
		if (out.type === 'save') expect(out.request).toMatchObject({toOfficerId: 'o0003', confirmAway: true});
	});

	it("marks and lists last an officer away over the case's bail date, covered or not, and asks before moving it to them (QA 6 D2)", () => {
		// CR/67540/25: "Bail due, OIC away" (DC Ashworth off sick), bail return 30 Dec. DC Shah on leave over it, covered by
		// TDC Whitlock; DS Brennan off sick from 10 Dec with nobody covering. Both at work on the day of the move.
		const base = demoData();
		const leave = {
			id: 'ab9001',
			officerId: 'o0008',
			from: '2026-12-28',
			to: '2027-01-02',
			reason: 'annual-leave' as const,
			coverOfficerId: 'o0005',
			recordedAt: '2026-11-29T09:00:00.000Z',
			recordedBy: 'o0002',
		};
		const data: StoreData = {...base, absences: [...base.absences, leave]};
		const ref = 'CR/67540/25';
		const listed = formChoices(data, openReallocateForm(ref, DEMO_TODAY, heldAs(data, ref)), DEMO_TODAY);
		const shah = listed.find(c => c.officerId === 'o0008')!;
		expect(choiceWords(shah, 22)).toMatch(/AWAY on bail date$/);
		expect(
			choiceWords(
				listed.find(c => c.officerId === 'o0002')!,
				22,
			),
		).toMatch(/AWAY on bail date$/);
		const evans = listed.find(c => c.officerId === 'o0010')!;
		expect(choiceWords(evans, 22)).not.toContain('AWAY');
		// Those at work on the date come first.
		const marked = listed.map(c => c.away !== null || c.awayOverDates !== null);
		expect(marked).toEqual([...marked].sort((a, b) => Number(a) - Number(b)));
		const d = driver(data, ref);
		d.type('amira shah');
		d.press('', {tab: true});
		d.press('', {tab: true});
		d.type('OIC off sick');
		d.press('', {return: true});
		expect(d.form().confirmAway).toBe(
			"DC Shah is on annual leave 28 Dec-02 Jan 2027 (TDC Whitlock covering on 30 Dec), over CR/67540/25's bail return date, " +
				'30 Dec: with DC Shah as OIC it stays a critical "Bail due, OIC away" (a cover does not clear it).',
		);
		const out = d.press('y');
		expect(out.type).toBe('save');
		if (out.type === 'save') expect(out.request).toMatchObject({toOfficerId: 'o0008', confirmAway: true});
	});

	it('lists an officer on leave with a cover after those at work, marked with the absence, and asks before Enter moves it to them (QA 8 R2)', () => {
		// 04 Dec: DC Grant (o0007) on annual leave 03-12 Dec, DC Shah covering; his workload is the lowest in the team.
		const data = demoData();
		const today = '2026-12-04';
		const ref = 'CR/25310/26';
		const listed = formChoices(data, openReallocateForm(ref, today, heldAs(data, ref)), today);
		const grant = listed.findIndex(c => c.officerId === 'o0007');
		expect(choiceWords(listed[grant]!, 22)).toMatch(/ leave to 12 Dec \(DC Shah covers\)$/);
		const atWork = listed.filter(c => !c.absent && !c.away && !c.awayOverDates);
		expect(atWork.length).toBeGreaterThan(0);
		expect(grant).toBeGreaterThan(listed.indexOf(atWork.at(-1)!));
		expect(listed[0]!.absent).toBeNull();
		// Chosen on purpose, Enter asks first; n chooses again, y saves it confirmed.
		let f: ReallocateFormState = openReallocateForm(ref, today, heldAs(data, ref));
		const press = (input: string, k: Partial<KeyInfo> = {}) => {
			const out = reallocateFormKey(f, input, key(k), {data, today, by: SERGEANT});
			if (out.type !== 'close') f = out.form;
			return out;
		};
		for (const ch of 'grant') press(ch);
		press('', {return: true});
		press('', {return: true});
		for (const ch of 'Workload') press(ch);
		expect(press('', {return: true}).type).toBe('stay');
		expect(f.confirmAway).toBe(
			'DC Grant is on annual leave 03-12 Dec (DC Shah covering on 04 Dec): the case would wait with DC Shah until DC Grant is back.',
		);
		press('n');
		expect(f).toMatchObject({confirmAway: null, field: 'officer'});
		press('', {tab: true});
		press('', {tab: true});
		press('', {return: true});
		const out = press('y');
		expect(out.type).toBe('save');
		if (out.type === 'save') expect(out.request).toMatchObject({toOfficerId: 'o0007', confirmAway: true});
	});

	it('Esc closes an untouched form at once and asks before throwing typing away', () => {
		const d = driver(demoData(), DOYLE_CASE);
		expect(d.press('', {escape: true}).type).toBe('close');
		const e = driver(demoData(), DOYLE_CASE);
		e.type('gr');
		e.press('', {escape: true});
		expect(e.form().confirmDiscard).toBe(true);
		e.press('n');
		expect(e.form()).toMatchObject({confirmDiscard: false, query: 'gr'});
		e.press('', {escape: true});
		expect(e.press('y').type).toBe('close');
	});
});

const load = (file: string): StoreData => loadStoreText(readFileSync(file, 'utf8'), file).data;

describe('the reallocation form in the desk', () => {
	it("m on a case in the explorer opens it; the move is saved through the store and the new officer's workload is said", async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 140, rows: 40}});
		await ready(h);
		await h.press('j');
		await h.press('j');
		let f = await h.press('m');
		expect(f).toContain('REALLOCATE CR/87204/26');
		expect(f).toContain('Move CR/87204/26 (Pay sexual service) from DC Ashworth to:');
		expect(f).toContain('now -> after the move');
		expect(f).toMatch(/DC Helen Marsh\s+8 cases\s+80% -> 85%/);
		expect(f).toContain('First day  2026-11-30');
		expect(f).toContain('the form has the keys');
		f = await h.type('marsh');
		expect(f).toContain('Officer    marsh_');
		await h.press(KEYS.enter);
		await h.press(KEYS.enter);
		await h.type('OIC off sick');
		await h.press(KEYS.enter);
		f = await h.waitFor('Reallocated CR/87204/26');
		expect(f).not.toContain('REALLOCATE CR/87204/26');
		const saved = load(file).cases.find(c => c.ref === 'CR/87204/26')!;
		expect(saved.oicId).toBe('o0006');
		expect(saved.allocations.at(-1)).toMatchObject({officerId: 'o0006', from: DEMO_TODAY, by: SERGEANT, reason: 'OIC off sick'});
		h.app.unmount();
	});

	it('a first day before the last signed review is refused under the date field, nothing saved; the earliest day it names saves', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 140, rows: 40}});
		await ready(h);
		await h.press('j');
		await h.press('j');
		expect(await h.press('m')).toContain('Move CR/87204/26 (Pay sexual service) from DC Ashworth to:');
		await h.type('marsh');
		await h.press(KEYS.enter);
		await h.type('01/11/2026');
		await h.press(KEYS.enter);
		await h.type('Backdated');
		await h.press(KEYS.enter);
		const f = await h.waitFor('cannot be moved from 01 Nov');
		// In place: the line after the date field, before the reason; the cursor on the date.
		const lines = f.split('\n');
		const at = lines.findIndex(l => l.includes('First day  01/11/2026'));
		expect(at).toBeGreaterThan(-1);
		expect(lines[at]).toContain('›');
		expect(lines[at + 1]).toContain('! CR/87204/26 cannot be moved from 01 Nov: its signed review of 11 Nov (entry 521, OIC');
		expect(lines[at + 2]).toContain('The earliest date allowed is 11 Nov.');
		expect(lines.findIndex(l => l.includes('Reason     Backdated'))).toBeGreaterThan(at + 1);
		expect(load(file).cases.find(c => c.ref === 'CR/87204/26')!.oicId).toBe('o0003');
		for (let i = 0; i < 10; i++) await h.press(KEYS.backspace);
		await h.type('11/11/2026');
		await h.press(KEYS.enter);
		await h.press(KEYS.enter);
		await h.waitFor('Reallocated CR/87204/26');
		const saved = load(file).cases.find(c => c.ref === 'CR/87204/26')!;
		expect(saved.allocations.at(-1)).toMatchObject({officerId: 'o0006', from: '2026-11-11', by: SERGEANT, reason: 'Backdated'});
		h.app.unmount();
	});

	it('two desks moving one case: the second save is refused as a clash, the first stands (QA item 6)', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		// A desk that looks for others' changes every 30 ms, as a second desk on a shared store does.
		const h = renderDesk({store, data: store.snapshot(), pollMs: 30, size: {columns: 140, rows: 40}});
		await ready(h);
		await h.press('j');
		await h.press('j');
		expect(await h.press('m')).toContain('Move CR/87204/26 (Pay sexual service) from DC Ashworth to:');
		// Meanwhile the inspector's desk gives the case to DC Evans.
		const theirs = await openStore(file);
		const other = {ref: 'CR/87204/26', held: heldAs(theirs.snapshot(), 'CR/87204/26'), toOfficerId: 'o0010', on: DEMO_TODAY};
		await theirs.apply(
			d =>
				reallocateCase(d, {...other, today: DEMO_TODAY, by: 'o0001', reason: 'Evans has room', recordedAt: `${DEMO_TODAY}T09:00:00Z`}).data,
		);
		// Time for this desk to notice (it does not reload under the open form: the store's clash check refuses the
		// save; a desk that had reloaded would be refused by the move's own check, test/store/reallocate-two-desks.test.ts).
		// Then this user picks DC Shah and saves.
		await new Promise(resolve => setTimeout(resolve, 300));
		await h.type('shah');
		await h.press(KEYS.enter);
		await h.press(KEYS.enter);
		await h.type('Shah has room');
		await h.press(KEYS.enter);
		// Who changed it by name and what in words, not "Another user changed case ... (oicId, actions, allocations)" (QA 6 R19).
		const f = await h.waitFor('DI Okafor changed case CR/87204/26 (who holds it, its actions and its history of who held it)');
		expect(f).not.toMatch(/oicId|allocations\)/);
		expect(f).toMatch(/Reload/);
		expect(f).toContain('REALLOCATE CR/87204/26');
		const saved = load(file).cases.find(c => c.ref === 'CR/87204/26')!;
		expect(saved.oicId).toBe('o0010');
		expect(saved.allocations.filter(a => a.to !== null && a.to === a.from)).toEqual([]);
		h.app.unmount();
	});

	it("at 80x24 the form takes the main area, so each officer's workload now and after the move is read in full", async () => {
		const store = await openStore(demoCopy().store);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 80, rows: 24}});
		await ready(h);
		await h.press('j');
		await h.press('j');
		const f = await h.press('m');
		expect(f).toContain('REALLOCATE CR/87204/26');
		// The QA pass saw "DC Chloe Evans   6 cases   40…" in the 34-column editor pane.
		expect(f).toMatch(/DC Chloe Evans\s+6 cases\s+40% -> 45%/);
		// Nothing in the form is cut, its keys included (on two lines).
		const form = f.split('\n').filter(l => l.includes('║'));
		expect(form.join('\n')).not.toContain('…');
		expect(form.join('\n')).toMatch(
			/║Tab next field {2}↑\/↓ choose the officer {2}type to narrow +║\n +║Enter next, saves on Reason {2}Esc cancel +║/,
		);
		expect(f.split('\n').every(l => l.length <= 80)).toBe(true);
		// The list is longer than its rows: what is out of sight is said (QA 3 R15), and moving down reaches it.
		expect(form.join('\n')).toMatch(/\.\.\. \d+ more below \(↑\/↓\)/);
		let g = f;
		for (let i = 0; i < 12 && !/more above/.test(g); i++) g = await h.press(KEYS.down);
		expect(g).toMatch(/\.\.\. \d+ more above/);
		h.app.unmount();
	});

	it('from the palette and the case view, and says why not when no case is in hand or the store is read-only', async () => {
		const h = renderDesk({store: undefined});
		await ready(h);
		let f = await h.press(':');
		f = await h.type('reallocate');
		expect(f).toMatch(/›\s+Case: reallocate\s+m/);
		f = await h.press(KEYS.enter);
		expect(f).toContain('Cases cannot be reallocated: no store file is open.');
		h.app.unmount();

		const store = await openStore(demoCopy().store);
		const g = renderDesk({store, data: store.snapshot()});
		await ready(g);
		await g.press(':');
		await g.type('reallocate');
		f = await g.press(KEYS.enter);
		expect(f).toContain('Select a case first: m reallocates the case under the cursor');
		await g.press('j');
		await g.press(KEYS.enter);
		f = await g.press('m');
		expect(f).toContain('REALLOCATE CR/64148/26');
		f = await g.press(KEYS.esc);
		expect(f).toContain('Nothing changed.');
		expect(f).toContain('[CR/64148/26]');
		g.app.unmount();
	});
});
