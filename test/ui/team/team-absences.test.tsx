import {describe, expect, it} from 'vitest';
import {openStore} from '../../../source/store/store.js';
import {absenceFormKey, openAbsenceForm, validateForm, type AbsenceFormState} from '../../../source/ui/team/absence-form-state.js';
import {NO_KEY, helpLines, type KeyInfo} from '../../../source/ui/keymap.js';
import {absenceSpan, currentOrNextAbsence} from '../../../source/domain/absence-words.js';
import {demoCopy, DEMO_TODAY} from '../../helpers/cli.js';
import {demoData, KEYS, ready, renderDesk} from '../desk-harness.js';

const key = (k: Partial<KeyInfo> = {}): KeyInfo => ({...NO_KEY, ...k});

/** Opens the demo's Team view with the cursor on the officer `downs` rows below the first. */
async function teamAt(h: ReturnType<typeof renderDesk>, downs: number): Promise<string> {
	await ready(h);
	let f = await h.press('2');
	for (let i = 0; i < downs; i++) f = await h.press('j');
	return f;
}

const IQBAL = 3; // Okafor, Brennan, Ashworth, Iqbal: the demo's team order.
const ASHWORTH = 2;

describe('absence words and form (pure)', () => {
	it('words an absence span compactly', () => {
		expect(absenceSpan({from: '2026-11-28', to: null}, DEMO_TODAY)).toBe('from 28 Nov');
		expect(absenceSpan({from: '2026-12-03', to: '2026-12-12'}, DEMO_TODAY)).toBe('03-12 Dec');
		expect(absenceSpan({from: '2026-12-10', to: '2027-02-04'}, DEMO_TODAY)).toBe('10 Dec-04 Feb 2027');
		expect(absenceSpan({from: '2026-12-03', to: '2026-12-03'}, DEMO_TODAY)).toBe('on 03 Dec');
		// Brennan's next absence (December), not his past one (May-July).
		expect(currentOrNextAbsence(demoData().absences, 'o0002', DEMO_TODAY)?.from).toBe('2026-12-10');
	});

	it('picks the reason with arrows or a letter, keeps control characters out, and checks dates and cover', () => {
		let f: AbsenceFormState = openAbsenceForm('o0004', DEMO_TODAY);
		const press = (input: string, k: Partial<KeyInfo> = {}) => {
			const out = absenceFormKey(f, input, key(k));
			if (out.type !== 'stay') throw new Error(`unexpected ${out.type}`);
			f = out.form;
		};
		press('', {tab: true});
		press('31/02/2027\u001b[2J');
		// A paste's escape sequence is removed whole, as in every other field (safe-text.ts safeTyped).
		expect(f.values.to).toBe('31/02/2027');
		press('', {downArrow: true});
		expect(f.field).toBe('reason');
		press('', {rightArrow: true});
		expect(f.values.reason).toBe('annual-leave');
		press('r');
		expect(f.values.reason).toBe('restricted-duties');
		press('', {leftArrow: true});
		expect(f.values.reason).toBe('training');
		const bad = validateForm(f, demoData().officers);
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.form.error).toMatchObject({field: 'to'});
		f = {...f, values: {...f.values, to: '04/12/2026', cover: 'Marsh'}};
		const good = validateForm(f, demoData().officers);
		expect(good).toEqual({ok: true, absence: {from: '2026-11-30', to: '2026-12-04', reason: 'training', coverOfficerId: 'o0006'}});
		f = {...f, values: {...f.values, cover: 'Iqbal'}};
		const self = validateForm(f, demoData().officers);
		expect(self.ok ? '' : self.form.error?.text).toContain('cannot cover their own absence');
	});

	it('refuses a cover who is away during the absence, on the cover field, before saving (QA P1-1)', () => {
		const data = demoData();
		const f = {
			...openAbsenceForm('o0006', DEMO_TODAY),
			values: {from: '2026-11-30', to: '2026-12-10', reason: 'annual-leave' as const, cover: 'Grant', coverFrom: '', coverTo: ''},
		};
		const bad = validateForm(f, data.officers, data.absences);
		expect(bad.ok).toBe(false);
		if (!bad.ok) {
			expect(bad.form.field).toBe('cover');
			expect(bad.form.error).toEqual({
				field: 'cover',
				text:
					'DC Grant is away 03-12 Dec (annual leave), during this absence: name another cover, or record the absence in parts so DC Grant covers only ' +
					'days they are at work.',
			});
		}
		expect(validateForm({...f, values: {...f.values, to: '2026-12-02'}}, data.officers, data.absences).ok).toBe(true);
		expect(validateForm({...f, values: {...f.values, cover: 'Shah'}}, data.officers, data.absences).ok).toBe(true);
	});
});

describe('Team view absences', () => {
	it('lists each officer with their current or next absence in words, and the keys in help', async () => {
		const h = renderDesk();
		let f = await teamAt(h, 0);
		expect(f).toContain('sick from 28 Nov, no cover');
		expect(f).toContain('sick 10 Dec-04 Feb 2027');
		expect(f).toContain('annual leave 03-12 Dec');
		// The selected officer's line has the words whole, however narrow the column.
		f = await h.press('j');
		expect(f).toContain('DS Tom Brennan: sick 10 Dec-04 Feb 2027, no cover');
		expect(f).toContain('Check-in');
		const help = helpLines().join('\n');
		expect(help).toMatch(/^a\s+record an absence for the selected officer.*\(Team view\)$/m);
		expect(help).toMatch(/^E\s+end the selected officer's current absence today/m);
		h.app.unmount();
	});

	it('the palette offers both absence commands and takes the sergeant to the Team list to pick the officer', async () => {
		const store = await openStore(demoCopy().store);
		const h = renderDesk({store, data: store.snapshot()});
		await ready(h);
		await h.press(':');
		let f = await h.type('record an absence');
		expect(f).toMatch(/›\s+Team: record an absence\s+a/);
		f = await h.press(KEYS.enter);
		expect(f).toContain('Perf. plan'); // the Team view
		expect(f).toContain('Choose the officer (j/k), then press a to record their absence.');
		f = await h.press('j');
		f = await h.press('a');
		expect(f).toContain('Record an absence for DS Tom Brennan');
		await h.press(KEYS.esc);
		await h.press(':');
		f = await h.type('end an absence');
		expect(f).toMatch(/Team: end an absence today\s+E/);
		h.app.unmount();
	});

	it('records an absence typed into the form, saved through the store', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const before = store.snapshot().absences.length;
		const h = renderDesk({store, data: store.snapshot()});
		let f = await teamAt(h, IQBAL);
		expect(f).toContain('› DC Priya Iqbal');
		f = await h.press('a');
		expect(f).toContain('Record an absence for DC Priya Iqbal');
		expect(f).toContain('› First day  2026-11-30_');
		await h.press(KEYS.tab);
		await h.type('04/12/2026');
		await h.press(KEYS.tab);
		f = await h.press('a');
		expect(f).toContain('[annual leave]');
		await h.press(KEYS.tab);
		f = await h.type('Helen Marsh');
		expect(f).toContain('= DC Helen Marsh (o0006)');
		await h.press(KEYS.enter);
		f = await h.waitFor('Recorded ab');
		expect(f).toContain('annual leave 30 Nov-04 Dec, cover DC Marsh');
		const saved = store.snapshot().absences;
		expect(saved).toHaveLength(before + 1);
		expect(saved.at(-1)).toMatchObject({
			officerId: 'o0004',
			from: '2026-11-30',
			to: '2026-12-04',
			reason: 'annual-leave',
			coverOfficerId: 'o0006',
			recordedBy: 'o0002',
		});
		// Written to disk, not only held in memory.
		const reopened = await openStore(file, {readOnly: true});
		expect(reopened.snapshot().absences).toHaveLength(before + 1);
		h.app.unmount();
	});

	it('shows a refusal inline and keeps everything typed', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const before = store.snapshot().absences.length;
		const h = renderDesk({store, data: store.snapshot()});
		await teamAt(h, ASHWORTH);
		await h.press('a');
		await h.press(KEYS.tab);
		await h.press(KEYS.tab);
		await h.press('t');
		await h.press(KEYS.tab);
		await h.type('Evans');
		await h.press(KEYS.enter);
		// DC Ashworth is already off sick from 28 Nov with no end date: addAbsence refuses the overlap.
		let f = await h.waitFor('already has an absence that overlaps');
		expect(f).toContain('Record an absence for DC Sam Ashworth');
		expect(f).toContain('[training]');
		expect(f).toContain('Evans_');
		expect(f).toContain('What you typed is kept');
		// An unknown cover is caught before the store is asked, on the Cover field.
		await h.type('x');
		f = await h.press(KEYS.enter);
		expect(f).toContain('Nobody in the team is called "Evansx"');
		expect(store.snapshot().absences).toHaveLength(before);
		h.app.unmount();
	});

	it('refuses a cover who is away during the absence, on the Cover field, and saves nothing (QA P1-1)', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const before = store.snapshot().absences.length;
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 160, rows: 40}});
		await teamAt(h, IQBAL);
		await h.press('a');
		await h.press(KEYS.tab);
		await h.type('2026-12-10');
		await h.press(KEYS.tab);
		await h.press('a');
		await h.press(KEYS.tab);
		await h.type('Grant');
		await h.press(KEYS.enter);
		// DC Lewis Grant is on annual leave 03-12 Dec.
		const f = await h.waitFor('DC Grant is away 03-12 Dec (annual leave)');
		expect(f.replace(/\s+/g, ' ')).toContain('name another cover');
		expect(f).toContain('Record an absence for DC Priya Iqbal');
		expect(f).toContain('Grant_');
		expect(store.snapshot().absences).toHaveLength(before);
		h.app.unmount();
	});

	it('says when the last day is before the first', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({store, data: store.snapshot()});
		await teamAt(h, IQBAL);
		await h.press('a');
		await h.press(KEYS.tab);
		await h.type('2026-11-01');
		await h.press(KEYS.tab);
		await h.press(KEYS.tab);
		await h.press(KEYS.enter);
		const f = await h.waitFor('before the first day');
		expect(f).toContain('2026-11-01');
		h.app.unmount();
	});

	it('Esc cancels an untouched form at once and asks first when something was typed', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({store, data: store.snapshot()});
		await teamAt(h, IQBAL);
		await h.press('a');
		let f = await h.press(KEYS.esc);
		expect(f).not.toContain('Record an absence');
		expect(f).toContain('Nothing recorded.');
		await h.press('a');
		await h.press(KEYS.tab);
		await h.type('2026');
		f = await h.press(KEYS.esc);
		expect(f).toContain('Discard what you typed?');
		f = await h.press('n');
		expect(f).toContain('2026_');
		await h.press(KEYS.esc);
		f = await h.press('y');
		expect(f).not.toContain('Record an absence');
		expect(f).toContain('TEAM');
		h.app.unmount();
	});

	it('E ends the current absence today after asking, and says so when there is none', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({store, data: store.snapshot()});
		let f = await teamAt(h, IQBAL);
		f = await h.press('E');
		expect(f).toContain('DC Iqbal is not away today: nothing to end.');
		await h.press('k');
		f = await h.press('E');
		expect(f).toContain("y/n  End DC Ashworth's absence today (30 Nov, the last day away)? sick from 28 Nov, no cover");
		f = await h.press('n');
		expect(f).toContain('Nothing changed.');
		await h.press('E');
		await h.press('y');
		f = await h.waitFor('Ended ab');
		expect(f).toContain('sick 28-30 Nov, no cover');
		const ashworth = store.snapshot().absences.find(a => a.officerId === 'o0003' && a.from === '2026-11-28');
		expect(ashworth?.to).toBe('2026-11-30');
		h.app.unmount();
	});

	it('fits an 80x24 terminal: the table, the selected officer in words, and the whole form', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 80, rows: 24}});
		let f = await teamAt(h, ASHWORTH);
		expect(f.split('\n').length).toBeLessThanOrEqual(24);
		expect(f).toContain('DC Sam Ashworth: sick from 28 Nov, no cover');
		expect(f).toMatch(/Plan\s+Away\s+║/);
		f = await h.press('a');
		for (const label of ['First day', 'Last day', 'Reason', 'Cover', 'Esc cancel']) expect(f).toContain(label);
		h.app.unmount();
	});

	it('a read-only store says so instead of opening the form', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file, {readOnly: true});
		const h = renderDesk({store, data: store.snapshot()});
		await teamAt(h, IQBAL);
		const f = await h.press('a');
		expect(f).toContain('Absences cannot be recorded:');
		expect(f).toContain('read-only');
		expect(f).not.toContain('Record an absence');
		h.app.unmount();
	});
});
