/**
 * Who may change absences, cover and allocations at the desk (README "Who may change absences and
 * cover"; DOMAIN "People and permissions": an officer reads their own cases only): the refusal is said
 * when the form or question would open, before any typing, in the domain's sentence naming who can.
 */
import {describe, expect, it} from 'vitest';
import {openStore} from '../../../source/store/store.js';
import {demoCopy} from '../../helpers/cli.js';
import {actorAs} from '../../helpers/actor.js';
import {ready, renderDesk} from '../desk-harness.js';

const IQBAL = 'o0004';
const ASHWORTH = 'o0003';
const SIZE = {columns: 200, rows: 40};

async function teamAs(officerId: string, downs: number) {
	const store = await openStore(demoCopy().store);
	const h = renderDesk({store, data: store.snapshot(), actor: actorAs(officerId), size: SIZE});
	await ready(h);
	await h.press('2');
	for (let i = 0; i < downs; i++) await h.press('j');
	return h;
}

describe('the desk refuses an officer before the form opens', () => {
	// An officer's Team view holds their own row only (README "Who may read what"): what they are refused is on it.
	it('a on their own row, as DC Iqbal: no form, the refusal names who can', async () => {
		const h = await teamAs(IQBAL, 0);
		expect(h.frame()).not.toContain('Tom Brennan');
		const f = await h.press('a');
		expect(f).toContain('DC Iqbal cannot record an absence for DC Iqbal: an officer (DC, TDC) records no absence, their own included;');
		expect(f).not.toContain('Record an absence for DC Priya Iqbal');
		h.app.unmount();
	});

	it('c and E on their own absence, as DC Ashworth: refused', async () => {
		const h = await teamAs(ASHWORTH, 0);
		let f = await h.press('c');
		expect(f).toContain('DC Ashworth cannot change their own absence ab0003: an officer (DC, TDC) records no absence, their own included;');
		expect(f).not.toContain('Change ab0003, the absence of');
		f = await h.press('E');
		expect(f).toContain('DC Ashworth cannot end their own absence ab0003');
		h.app.unmount();
	});

	it('m on their own case, as DC Iqbal: no reallocation form', async () => {
		const store = await openStore(demoCopy().store);
		const h = renderDesk({store, data: store.snapshot(), actor: actorAs(IQBAL), size: SIZE});
		await ready(h);
		await h.press('j');
		const f = await h.press('m');
		expect(f).toMatch(/DC Iqbal holds CR\/\d{5}\/\d{2}, so cannot reallocate it: no one supervises their own cases/);
		expect(f).not.toContain('REALLOCATE CR/');
		h.app.unmount();
	});

	it('the sergeant still opens each of them', async () => {
		const h = await teamAs('o0002', 1);
		let f = await h.press('c');
		expect(f).toContain('Change ab0002, the absence of');
		await h.press('\u001b');
		await h.waitFor(x => !x.includes('Change ab0002, the absence of'));
		f = await h.press('a');
		expect(f).toContain('Record an absence for DS Tom Brennan');
		h.app.unmount();
	});
});

describe('the named cover of the sergeant, at the desk', () => {
	it('cannot end or change the absence that makes them the cover', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		// DS Brennan away from 10 Dec with DC Marsh named (by DI Okafor) as cover; the desk on 15 Dec, as DC Marsh.
		await store.apply(d => ({...d, absences: d.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: 'o0006'} : a))}));
		const h = renderDesk({store, data: store.snapshot(), actor: actorAs('o0006'), today: '2026-12-15', size: SIZE});
		await ready(h);
		await h.press('2');
		await h.press('j');
		let f = await h.press('c');
		expect(f).toContain("DC Marsh is the named cover for DS Brennan's absence ab0002, so cannot change it");
		f = await h.press('E');
		expect(f).toContain("DC Marsh is the named cover for DS Brennan's absence ab0002, so cannot end it");
		h.app.unmount();
	});
});
