/**
 * A PostgreSQL row set aside as unreadable on the desk (docs/rules.md "Records set aside"): the case whose
 * row cannot be read is not in the explorer, but its CRITICAL problem is in the Problems panel under its
 * crime reference, and its detail says which table and row, what is wrong, and that the database owner
 * corrects or restores that one row. It offers no case keys (open, review, reallocate, bail): pressed, they say
 * why, never "no longer in the store", and the desk stays up (deskword).
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {LISTS, type ListField} from '../../../source/store/pg-data.js';
import {setAsideUnreadable, type RowKey} from '../../../source/store/validate-records.js';
import {demoData, KEYS, ready, renderDesk} from '../desk-harness.js';

const REF = 'CR/32449/23';

/** The demo as the PostgreSQL loader reads it when the row of case REF lacks a field, written at revision 3 by DS Brennan. */
function withBadCase(): StoreData {
	const demo = demoData();
	const cases = demo.cases.map(c => {
		if (c.ref !== REF) return c;
		const {offenceShort: _gone, ...rest} = c;
		return rest as typeof c;
	});
	const data = {...demo, cases};
	const keys = {} as Record<ListField, RowKey[]>;
	for (const {field, key} of LISTS)
		keys[field] = (data[field] as unknown[]).map(r => ({key: (key as (r: unknown) => string)(r), revision: 3}));
	const read = setAsideUnreadable(data, keys)!.data;
	const lastChange = {revision: 3, role: 'ds_brennan', officerId: 'o0002', at: '2026-01-05T10:00:00.000Z'};
	return {...read, setAside: read.setAside!.map(r => ({...r, lastChange}))};
}

/** The editor pane's text (the right-hand box of the main row) as one line, however it wrapped. */
function editorText(f: string): string {
	return f
		.split('\n')
		.map(l => /[│║]([^│║]*)[│║]\s*$/.exec(l)?.[1]?.trim() ?? '')
		.join(' ')
		.replace(/\s+/g, ' ');
}

describe('a row set aside on the desk', () => {
	it('the Problems panel lists it by its crime reference; its detail names the row and the database owner', async () => {
		const h = renderDesk({data: withBadCase(), size: {columns: 140, rows: 60}});
		await ready(h);
		await h.press(KEYS.shiftTab);
		await h.type('/32449');
		let f = await h.press(KEYS.enter);
		expect(f).toMatch(new RegExp(`CRITICAL ${REF}`));
		f = await h.press(KEYS.enter);
		const flat = editorText(f);
		expect(flat).toContain('CRITICAL Record set aside');
		expect(flat).toContain(`The case of ${REF} (row ${REF} of fortnight_cases) in the database cannot be read`);
		expect(flat).toContain('at /offenceShort');
		expect(flat).toContain('The last change fortnight recorded to it was by DS Brennan (login ds_brennan) on 05 Jan');
		expect(flat).toContain('Ask the database owner to correct or restore row CR/32449/23 of fortnight_cases, only that row');
		// No case keys on a case the desk does not hold, and why (deskword): not "no longer in the store", which it is not.
		const keys = flat.slice(flat.indexOf('Keys:'), flat.indexOf('No case keys'));
		// Not the case's keys, nor Enter on to its officer's cases: only closing the tab.
		expect(keys.trim()).toBe('Keys: x close');
		expect(flat).toContain(
			`No case keys: ${REF} cannot be read from the database (row ${REF} of fortnight_cases is set aside), so it cannot be opened, ` +
				'reviewed, moved or have its bail recorded here until the database owner corrects or restores that row.',
		);
		// The editor's key hints name none of them either.
		const hints = f.split('\n').at(-1)!.split('today 2026-11-30 | ')[1]!;
		expect(hints).toContain('close');
		expect(hints).not.toMatch(/review|reallocate|bail/);
		// Enter, r, m and b on it, in the detail and on its row in the Problems panel, say why in the status bar
		// and open nothing: the desk stays up. (The pane changes between keys, so each key's own frame is seen.)
		for (const [pane, key] of [
			[KEYS.tab, KEYS.enter],
			[KEYS.shiftTab, 'r'],
			[KEYS.tab, 'm'],
			[KEYS.shiftTab, 'b'],
			[KEYS.tab, 'r'],
		] as const) {
			await h.press(pane);
			f = await h.press(key);
			expect(f, key).toContain(`${REF} cannot be read from the database`);
			expect(editorText(f)).toContain('CRITICAL Record set aside');
			expect(f).not.toContain('no longer in the store');
		}
		h.app.unmount();
	});
});
