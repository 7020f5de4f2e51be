/**
 * Hints, help and the palette follow what the person at the desk may do (QA pass 3, R7): an officer
 * (README "Who may change absences": an officer "does none of these, for anyone") is not offered the
 * Team view's absence keys or the inspector's decision, while the sergeant is. One registry decides it
 * (contexts/registry.ts offeredKeymap, the bindings' `supervisors`), never the views' own words.
 */
import {describe, expect, it} from 'vitest';
import {DEFAULT_KEYMAP, helpLines, offeredKeymap} from '../../../source/ui/contexts/registry.js';
import {actorAs} from '../../helpers/actor.js';
import {KEYS, ready, renderDesk} from '../desk-harness.js';

const IQBAL = 'o0004';

describe('the keys offered follow what the person may do', () => {
	it('the registry: an officer reading their own record is offered no supervisor binding; the team reader every one', () => {
		const own = offeredKeymap(DEFAULT_KEYMAP, {kind: 'own', officerId: IQBAL});
		const commands = own.desk.map(b => b.command);
		const supervisors = ['absence-add', 'absence-end', 'absence-change', 'absence-cancel', 'trigger-decide'];
		// A review, a move, a bail or welfare record and an amendment are always refused to a reader of their own record.
		for (const c of [...supervisors, 'review', 'review-queue', 'reallocate', 'bail-record', 'welfare-record', 'amend'])
			expect(commands).not.toContain(c);
		expect(commands).toContain('view-team');
		expect(offeredKeymap(DEFAULT_KEYMAP, {kind: 'team', as: 'inspector'})).toBe(DEFAULT_KEYMAP);
		// The sergeant every supervisor binding but the inspector's queue (QA 4 R-a: team-keys-offered-qa4.test.tsx).
		const sergeant = offeredKeymap(DEFAULT_KEYMAP, {kind: 'team', as: 'sergeant'}).desk.map(b => b.command);
		expect(DEFAULT_KEYMAP.desk.map(b => b.command).filter(c => !sergeant.includes(c))).toEqual(['trigger-decide']);
		expect(helpLines(own).join('\n')).not.toMatch(/record an absence|decide an escalated/);
	});

	it("an officer's Team view: no `a record absence  E end it today` on their line or in the status bar, help or palette", async () => {
		const h = renderDesk({actor: actorAs(IQBAL), size: {columns: 80, rows: 24}});
		await ready(h);
		let f = await h.press('2');
		expect(f).toContain('DC Priya Iqbal: no absence recorded');
		expect(f).not.toMatch(/record absence|end it today|end absence|decide escalated/);
		f = await h.press('?');
		expect(f).toContain('Keys');
		expect(f).not.toMatch(/record an absence|end the selected officer/);
		await h.press(KEYS.esc);
		await h.press(KEYS.ctrlP);
		f = await h.type('absence');
		expect(f).not.toMatch(/Team: record an absence|Team: end an absence/);
		h.app.unmount();
	});

	it("the sergeant's Team view still offers them", async () => {
		const h = renderDesk({size: {columns: 120, rows: 36}});
		await ready(h);
		await h.press('2');
		// E on an officer away today (DC Ashworth, third row): QA 4 R-b.
		await h.press('j');
		let f = await h.press('j');
		expect(f).toMatch(/a record absence {2}c change {2}E end it today/);
		await h.press(KEYS.ctrlP);
		f = await h.type('absence');
		expect(f).toContain('Team: record an absence');
		h.app.unmount();
	});
});
