/**
 * A PostgreSQL row set aside as unreadable on the desk (docs/rules.md "Records set aside"): the case whose
 * row cannot be read is not in the explorer, but its CRITICAL problem is in the Problems panel under its
 * crime reference, and its detail says which table and row, what is wrong, and that the database owner
 * corrects or restores that one row. Enter on it says the case is not in the store, and the desk stays up.
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
		// Enter goes on to the case, which the desk does not hold: it says so in the tab, and stays up.
		f = await h.press(KEYS.enter);
		expect(editorText(f)).toContain(`${REF} is no longer in the store`);
		expect(f).toContain('PROBLEMS');
		h.app.unmount();
	});
});
