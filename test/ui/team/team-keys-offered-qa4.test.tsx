/**
 * QA pass 4's Team-view rough edges (README "The review desk", "Team view"; keys offered follow what the
 * person may do, registry.ts offeredKeymap):
 * - R-a: the escalated triggers' queue is the inspector's: a sergeant's or a cover's `d` never moves the
 *   selection to another officer's escalated trigger saying "d decides it"; on a row whose trigger the
 *   sergeant decides, the view says where (a review's step 5).
 * - R-b: "E end it today" only on an officer away today.
 * - R-i: a later absence with a cover named is never cut to a start date and a dangling dash.
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {DEFAULT_KEYMAP, helpLines, offeredKeymap} from '../../../source/ui/contexts/registry.js';
import {deskModel} from '../../../source/ui/model/desk-model.js';
import {teamRows} from '../../../source/ui/team/team-rows.js';
import {actorAs} from '../../helpers/actor.js';
import {KEYS, demoData, ready, renderDesk, type DeskHarness} from '../desk-harness.js';

const DI = 'o0001';
const MARSH = 'o0006';
const SHAH = 'o0008';

/** The demo with DS Brennan's sick leave (ab0002, 10 Dec-04 Feb 2027) covered by `cover`. */
function coveredBy(cover: string): StoreData {
	const data = structuredClone(demoData());
	data.absences = data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: cover} : a));
	return data;
}

/** The frame's lines as words, box edges and the activity bar's view letters taken off. */
const words = (f: string) =>
	f
		.split('\n')
		.map(l => l.replace(/^[ >]?[1-9][A-Z]/, '  '))
		.join('\n')
		.replace(/[│║]/g, ' ')
		.replace(/\s+/g, ' ');

const rowOf = (f: string, name: RegExp) => f.split('\n').find(l => name.test(l)) ?? '';

/** Down the Team view to the row whose officer matches `name`. */
async function selectRow(h: DeskHarness, name: RegExp): Promise<string> {
	let f = h.frame();
	for (let i = 0; i < 12 && !new RegExp(`› ${name.source}`).test(f); i++) f = await h.press('j');
	expect(f).toMatch(new RegExp(`› ${name.source}`));
	return f;
}

describe('R-a: the escalated triggers are offered to the inspector alone', () => {
	it('the registry: the inspector is offered d; a sergeant or cover is not; an officer neither', () => {
		const has = (scope: Parameters<typeof offeredKeymap>[1]) =>
			offeredKeymap(DEFAULT_KEYMAP, scope).desk.some(b => b.command === 'trigger-decide');
		expect(has({kind: 'team', as: 'inspector'})).toBe(true);
		expect(has({kind: 'team', as: 'sergeant'})).toBe(false);
		expect(has({kind: 'team', as: 'cover'})).toBe(false);
		expect(has({kind: 'own', officerId: SHAH})).toBe(false);
		const sergeant = offeredKeymap(DEFAULT_KEYMAP, {kind: 'team', as: 'sergeant'});
		// The sergeant keeps the absence keys and the review, only the inspector's queue goes.
		expect(sergeant.desk.map(b => b.command)).toEqual(expect.arrayContaining(['absence-add', 'absence-end', 'review', 'review-queue']));
		expect(helpLines(sergeant).join('\n')).not.toContain('decide an escalated performance trigger');
		expect(offeredKeymap(DEFAULT_KEYMAP, {kind: 'team', as: 'cover'})).toBe(sergeant);
	});

	it("the sergeant's d stays on the row: where a sergeant's trigger is decided, whose the escalated ones are; never 'd decides it'", async () => {
		const h = renderDesk({size: {columns: 160, rows: 40}});
		await ready(h);
		let f = await h.press('2');
		expect(f).toContain("2 escalated triggers (the inspector's)");
		f = await selectRow(h, /DC Amira Shah/);
		expect(words(f)).toContain('a record absence trigger: decided in a review of one of their cases (step 5)');
		expect(f).not.toMatch(/d decide/);
		f = words(await h.press('d'));
		expect(h.frame()).toMatch(/› DC Amira Shah/);
		expect(f).toContain("DC Shah's trigger is decided in a review, step 5: r on one of their cases.");
		expect(f).not.toContain('d decides it');
		// On someone with no trigger waiting (DC Evans, on a plan): whose the queue is; the selection stays.
		await h.press('j');
		await h.press('j');
		f = words(await h.press('d'));
		expect(h.frame()).toMatch(/› DC Chloe Evans/);
		expect(f).toContain("Escalated triggers are DI Okafor's to decide (2 waiting).");
		expect(f).not.toContain('d decides it');
		// Help and the palette no longer offer the queue to him.
		await h.press(KEYS.esc);
		f = await h.press('?');
		expect(f).not.toContain('decide an escalated performance trigger');
		h.app.unmount();
	}, 60_000);

	it("a cover on her days: d is not sent along the inspector's queue; on an escalated trigger (her own too), who decides it", async () => {
		const data = coveredBy(SHAH);
		const h = renderDesk({data, today: '2026-12-10', actor: actorAs(SHAH), size: {columns: 160, rows: 40}});
		await ready(h);
		let f = await h.press('2');
		expect(f).toMatch(/› DI Rachel Okafor/);
		f = words(await h.press('d'));
		expect(h.frame()).toMatch(/› DI Rachel Okafor/);
		expect(f).toContain("Escalated triggers are DI Okafor's to decide");
		expect(f).not.toContain('d decides it');
		// Her own trigger is on the inspector's list while she covers (no one decides about themselves):
		// the form's place says so, and who decides it.
		await selectRow(h, /DC Amira Shah/);
		f = words(await h.press('d'));
		expect(f).toContain("Decide DC Amira Shah's escalated performance trigger, as DC Shah");
		expect(f).toMatch(/DC Shah cannot decide a performance trigger about themselves\. The decision goes to DI Okafor/);
		await h.press(KEYS.esc);
		// By 10 Dec DC Carter's trigger waited 14 days undecided: the inspector's, and the form's place says so.
		await selectRow(h, /DC Ben Carter/);
		f = words(await h.press('d'));
		expect(f).toContain("DC Carter's performance trigger was escalated to the inspector: only DI Okafor can decide it.");
		h.app.unmount();
	}, 60_000);

	it('the inspector is still offered the queue and d still goes to the next one waiting', async () => {
		const h = renderDesk({actor: actorAs(DI), size: {columns: 160, rows: 40}});
		await ready(h);
		let f = await h.press('2');
		expect(f).toContain('2 escalated triggers (d)');
		f = await h.press('d');
		expect(f).toMatch(/› DC Sam Ashworth/);
		expect(words(f)).toContain("DC Ashworth's trigger is on the exception list");
		h.app.unmount();
	}, 60_000);
});

describe('R-b: E is offered only on an officer away today', () => {
	it('not on someone with no absence, nor on an absence that starts later; on one running today', async () => {
		const h = renderDesk({size: {columns: 160, rows: 40}});
		await ready(h);
		let f = await h.press('2');
		// The sergeant does not supervise the inspector, so is not offered her absence either (QA 5 R2).
		expect(f).toMatch(/DI Rachel Okafor: no absence recorded\s/);
		expect(f).not.toMatch(/record absence|end it today/);
		// DS Brennan's sick leave starts 10 Dec: nothing to end today.
		f = await h.press('j');
		expect(f).toContain('DS Tom Brennan: sick 10 Dec-04 Feb 2027, no cover');
		expect(f).toContain('a record absence');
		expect(f).not.toContain('end it today');
		// DC Ashworth is on sick leave now.
		f = await h.press('j');
		expect(f).toMatch(/a record absence {2}c change {2}E end it today/);
		h.app.unmount();
	}, 60_000);
});

describe('R-i: a later absence with a cover is never cut to "sick 10 Dec-"', () => {
	it('every compact form says a whole thing: no form ends in a dash', () => {
		const rows = teamRows(deskModel(coveredBy(MARSH), '2026-11-30'));
		const brennan = rows.find(r => r.name === 'Tom Brennan')!;
		expect(brennan.absenceForms).toContain('10 Dec-04 Feb');
		expect(brennan.absenceForms.at(-1)).toBe('from 10 Dec');
		for (const r of rows) for (const form of r.absenceForms) expect(form, r.name).not.toMatch(/-$/);
	});

	it('at 80 and 100 columns DS Brennan reads "10 Dec-04 Feb" (or "from 10 Dec"), the whole absence on his line', async () => {
		for (const [columns, rows] of [
			[80, 24],
			[100, 30],
		] as const) {
			const h = renderDesk({data: coveredBy(MARSH), size: {columns, rows}});
			await ready(h);
			const f = await h.press('2');
			const row = rowOf(f, /DS (Tom )?Brennan/);
			expect(row, `${columns} columns`).toMatch(/(10 Dec-04 Feb|from 10 Dec)/);
			expect(row, `${columns} columns`).not.toMatch(/-\s*║/);
			expect(words(await h.press('j'))).toContain('DS Tom Brennan: sick 10 Dec-04 Feb 2027, cover DC Marsh');
			h.app.unmount();
		}
	}, 60_000);
});
