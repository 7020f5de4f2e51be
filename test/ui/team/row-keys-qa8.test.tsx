/**
 * QA pass 8, R10: the selected officer's line in the Team view offers `c` (change) and `C` (cancel) where
 * the row has an absence they act on and the person may use them (team/row-refusals.ts actionableOnRow):
 * they worked there and were in help, but the line offered only `a record absence`.
 */
import {describe, expect, it} from 'vitest';
import {actionableOnRow} from '../../../source/ui/team/row-refusals.js';
import {actorAs} from '../../helpers/actor.js';
import {demoData, ready, renderDesk} from '../desk-harness.js';

const TODAY = '2026-12-04';
const selectedLine = (f: string, name: string) => f.split('\n').find(l => l.includes(`${name}: `)) ?? '';

describe("R10: the Team view's line offers change and cancel where there is an absence to act on", () => {
	it('the keys with an absence to act on: change for a current one; change and cancel for one to come; none without', () => {
		const data = demoData();
		// DC Ashworth: sick from 28 Nov (under way). DS Brennan: sick from 10 Dec (to come). TDC Whitlock: none.
		expect([...actionableOnRow(data, 'o0003', TODAY)]).toEqual(['absence-change']);
		expect([...actionableOnRow(data, 'o0002', TODAY)].sort()).toEqual(['absence-cancel', 'absence-change']);
		expect([...actionableOnRow(data, 'o0005', TODAY)]).toEqual([]);
	});

	it("DS Brennan's desk: his own absence to come offers c and C, DC Ashworth's under way c and E, TDC Whitlock's only a", async () => {
		const h = renderDesk({data: demoData(), today: TODAY, actor: actorAs('o0002'), size: {columns: 140, rows: 40}});
		await ready(h);
		let f = await h.press('2');
		const seen = new Map<string, string>();
		for (let i = 0; i < 11; i++) {
			for (const name of ['DS Tom Brennan', 'DC Sam Ashworth', 'TDC Joe Whitlock'])
				if (selectedLine(f, name)) seen.set(name, selectedLine(f, name));
			if (i < 10) f = await h.press('j');
		}
		expect(seen.get('DS Tom Brennan')).toMatch(/a record absence {2}c change {2}C cancel/);
		expect(seen.get('DC Sam Ashworth')).toMatch(/a record absence {2}c change {2}E end it today/);
		expect(seen.get('DC Sam Ashworth')).not.toMatch(/C cancel/);
		expect(seen.get('TDC Joe Whitlock')).toMatch(/a record absence/);
		expect(seen.get('TDC Joe Whitlock')).not.toMatch(/c change|C cancel/);
	});
});
