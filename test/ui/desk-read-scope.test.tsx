/**
 * What the desk shows each reader (README "Who may read what"): an officer their own cases, their own
 * problems and their own row of the Team view, and the Handover, Log and Calendar views refused with
 * who can; a cover on the days they cover, and the inspector, the whole team; a cover outside their
 * dates is an officer.
 */
import {describe, expect, it} from 'vitest';
import type {Absence, StoreData} from '../../source/domain/model.js';
import {actorAs} from '../helpers/actor.js';
import {demoData, KEYS, ready, renderDesk, type DeskHarness} from './desk-harness.js';

const DI = 'o0001';
const DS = 'o0002';
const IQBAL = 'o0004';
const MARSH = 'o0006';
const IQBAL_CASE = 'CR/25310/26';
const DOYLE_CASE = 'CR/88397/26';

/** The Team view's frame (2), once its rows are drawn. */
async function teamView(h: DeskHarness): Promise<string> {
	await h.press('2');
	return h.waitFor(f => f.includes('TEAM') && f.includes('Away'));
}

/** DS Brennan away 30 Nov to 9 Dec with DC Marsh named as cover. */
function marshCovering(data: StoreData = demoData()): StoreData {
	const a: Absence = {
		id: 'abSCOPE',
		officerId: DS,
		from: '2026-11-30',
		to: '2026-12-09',
		reason: 'annual-leave',
		coverOfficerId: MARSH,
		recordedAt: '2026-11-30T08:00:00.000Z',
		recordedBy: DI,
	};
	return {...data, absences: [...data.absences, a]};
}

const PEERS = ['Ashworth', 'Doyle', 'Whitlock', 'Grant', 'Shah', 'Carter', 'Evans', 'Marsh'];

describe('the desk shows an officer their own cases and record only', () => {
	it('DC Iqbal: own cases and problems, own Team row, the team documents refused with who can', async () => {
		const h = renderDesk({actor: actorAs(IQBAL)});
		await ready(h);
		let f = h.frame();
		// The status bar counts their own live cases; the explorer lists only their group.
		expect(f).toMatch(/as DC Iqbal \| 8 live cases/);
		expect(f).toContain(IQBAL_CASE);
		expect(f).not.toContain(DOYLE_CASE);
		// The Problems panel: the problems on their cases and about themselves, nobody else's.
		expect(f).toMatch(/PROBLEMS {2}7 problems: 1 red, 6 amber/);
		for (const peer of PEERS) expect(f).not.toContain(`DC ${peer}`);
		expect(f).not.toMatch(/Psychological screening|Performance trigger|sick leave/);

		f = await teamView(h);
		expect(f).toContain("your own record only: the team's is your supervisors'");
		expect(f).toContain('Priya Iqbal');
		for (const peer of PEERS) expect(f).not.toContain(peer);
		expect(f).not.toContain('sick');

		for (const [key, words] of [
			['3', 'Handover view: only for DS Brennan, their cover or DI Okafor.'],
			['4', 'Log view: only for DS Brennan, their cover or DI Okafor.'],
			['5', 'Calendar view: only for DS Brennan, their cover or DI Okafor.'],
		] as const) {
			f = await h.press(key);
			f = await h.waitFor(words);
			// Still the Team view: the document is not drawn, and the status bar says who can.
			expect(f).toContain('TEAM');
			expect(f).not.toMatch(/HANDOVER|REVIEW LOG/);
		}
		h.app.unmount();
	});

	it("the palette finds the officer's own cases, not a colleague's", async () => {
		const h = renderDesk({actor: actorAs(IQBAL)});
		await ready(h);
		await h.press(':');
		await h.type('88397');
		await h.press(KEYS.enter);
		expect(await h.waitFor('Nothing matches "88397"')).not.toContain(`[${DOYLE_CASE}]`);
		await h.press(':');
		await h.type('25310');
		await h.press(KEYS.enter);
		await h.waitFor(`[${IQBAL_CASE}]`);
		h.app.unmount();
	});

	it('a cover on the days they cover sees the team; outside them, their own record only', async () => {
		const inside = renderDesk({data: marshCovering(), actor: actorAs(MARSH)});
		await ready(inside);
		expect(inside.frame()).toMatch(/as DC Marsh \| 60 live cases/);
		const team = await teamView(inside);
		for (const peer of ['Ashworth', 'Doyle', 'Iqbal']) expect(team).toContain(peer);
		await inside.press('3');
		await inside.waitFor('HANDOVER');
		inside.app.unmount();

		const outside = renderDesk({data: marshCovering(), actor: actorAs(MARSH), today: '2026-12-15'});
		await ready(outside);
		const own = await teamView(outside);
		expect(own).toContain('Helen Marsh');
		for (const peer of ['Ashworth', 'Doyle', 'Iqbal']) expect(own).not.toContain(peer);
		await outside.press('4');
		await outside.waitFor('Log view: only for DS Brennan');
		outside.app.unmount();
	});

	it('the inspector sees the whole team, as before', async () => {
		const h = renderDesk({actor: actorAs(DI)});
		await ready(h);
		expect(h.frame()).toContain('60 live');
		const team = await teamView(h);
		for (const peer of PEERS) expect(team).toContain(peer);
		h.app.unmount();
	});
});
