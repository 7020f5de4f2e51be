/**
 * QA pass 5, R2: the Team view's keys follow what the person may do on the row under the cursor (README
 * "Who may change absences and cover"; team/row-refusals.ts, from domain/permissions.ts). DC Marsh, named
 * cover for DS Brennan's sick leave (ab0002, from 10 Dec), is not offered `a` on DI Okafor's row (she does
 * not supervise the inspector) nor `a`/`E` on DS Brennan's (the absence that makes her the cover); on a DC's
 * row she is. A key pressed anyway still says why it is refused.
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {hintsFor} from '../../../source/ui/contexts/hints.js';
import {initialState} from '../../../source/ui/desk/desk-state.js';
import {deskModel} from '../../../source/ui/model/desk-model.js';
import {teamRows} from '../../../source/ui/team/team-rows.js';
import {refusedOnRow} from '../../../source/ui/team/row-refusals.js';
import {openStore} from '../../../source/store/store.js';
import {demoCopy} from '../../helpers/cli.js';
import {actorAs} from '../../helpers/actor.js';
import {demoData, ready, renderDesk, type DeskHarness} from '../desk-harness.js';

const DI = 'o0001';
const BRENNAN = 'o0002';
const MARSH = 'o0006';
const TODAY = '2026-12-10';

/** The demo with DS Brennan's sick leave (ab0002, 10 Dec-04 Feb 2027) covered by DC Marsh. */
function coveredByMarsh(): StoreData {
	const data = structuredClone(demoData());
	data.absences = data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a));
	return data;
}

/** The selected officer's line (the row's keys) and the status bar (its last line). */
const selectedLine = (f: string, name: string) => f.split('\n').find(l => l.includes(`${name}: `)) ?? '';
const statusBar = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';

/** The status bar's hints in full (the bar itself is cut at the width) on the Team view's row `row`. */
function teamHints(row: number): string {
	const model = deskModel(coveredByMarsh(), TODAY, MARSH);
	const s = initialState(model, {columns: 160, rows: 45}, actorAs(MARSH));
	return hintsFor({...s, view: 'team', focus: 'explorer', team: {...s.team, cursor: row}});
}

async function selectRow(h: DeskHarness, name: string): Promise<string> {
	let f = h.frame();
	for (let i = 0; i < 12 && !selectedLine(f, name); i++) f = await h.press('j');
	expect(selectedLine(f, name)).not.toBe('');
	return f;
}

describe("R2: the cover's Team view offers only the keys she may use on the row", () => {
	it('the domain answers per row: the inspector and the absence that makes her the cover are refused', () => {
		const data = coveredByMarsh();
		expect([...refusedOnRow(data, MARSH, DI, TODAY)]).toEqual(['absence-add']);
		expect([...refusedOnRow(data, MARSH, BRENNAN, TODAY)].sort()).toEqual(['absence-add', 'absence-change', 'absence-end']);
		expect([...refusedOnRow(data, MARSH, 'o0004', TODAY)]).toEqual([]);
		expect([...refusedOnRow(data, null, DI, TODAY)]).toEqual([]);
	});

	it("the status bar's hints: none of the refused keys on those rows; a DC's row keeps them", () => {
		const rows = teamRows(deskModel(coveredByMarsh(), TODAY, MARSH)).map(r => r.officer.id);
		expect(teamHints(rows.indexOf(DI))).not.toMatch(/record absence/);
		const brennan = teamHints(rows.indexOf(BRENNAN));
		expect(brennan).not.toMatch(/record absence|c change|end absence/);
		expect(teamHints(rows.indexOf('o0004'))).toMatch(/a record absence {2}c change {2}C cancel {2}E end absence/);
	});

	for (const size of [
		{columns: 80, rows: 24},
		{columns: 160, rows: 45},
	]) {
		it(`at ${size.columns}x${size.rows}: no a on DI Okafor's row, no a or E on DS Brennan's; a DC's row keeps a; pressed anyway, refused`, async () => {
			// A store on disk, so a key pressed anyway meets the permission, not "no store file is open".
			const store = await openStore(demoCopy().store);
			await store.apply(d => ({...d, absences: d.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))}));
			const h = renderDesk({store, data: store.snapshot(), today: TODAY, actor: actorAs(MARSH), size});
			await ready(h);
			await h.press('2');
			let f = await selectRow(h, 'DI Rachel Okafor');
			expect(selectedLine(f, 'DI Rachel Okafor')).not.toMatch(/ {3}a r/);
			expect(statusBar(f)).not.toMatch(/record absence/);
			f = await h.press('a');
			expect(f).toContain('DC Marsh does not supervise DI Okafor on 10 Dec, so cannot record');

			f = await selectRow(h, 'DS Tom Brennan');
			expect(selectedLine(f, 'DS Tom Brennan')).not.toMatch(/ {3}a r| {2}E e/);
			expect(statusBar(f)).not.toMatch(/record absence|end absence|c change/);
			f = await h.press('E');
			expect(f).toContain("DC Marsh is the named cover for DS Brennan's absence ab0002, so");

			f = await selectRow(h, 'DC Priya Iqbal');
			expect(selectedLine(f, 'DC Priya Iqbal')).toMatch(/ {3}a r/);
			h.app.unmount();
		});
	}
});
