/**
 * QA 6 R4: a notice longer than the status bar was cut ("It goes to DI Okafor (the team's inspect…") with no
 * way to read the rest. The bar now says where to read it whole, and help (`?`, the registry's key) shows the
 * last notice in full at its top, after the next key has cleared it from the bar.
 */
import {describe, expect, it} from 'vitest';
import {deskHelpLines, deskReducer, initialState} from '../../../source/ui/desk/desk-state.js';
import {deskModel, withProblems} from '../../../source/ui/model/desk-model.js';
import {openStore} from '../../../source/store/store.js';
import {demoCopy} from '../../helpers/cli.js';
import {demoData, ready, renderDesk} from '../desk-harness.js';

const LONG =
	"DS Brennan cannot record their own check-in: no one supervises themselves. It goes to DI Okafor (the team's inspector), " +
	'who holds it and records it; the problem stays on the list until then.';

describe('a long notice can be read whole', () => {
	it('the reducer keeps the last notice after the next key clears it; help shows it whole at its top', () => {
		const s0 = initialState(withProblems(deskModel(demoData(), '2026-11-30')), {columns: 80, rows: 24});
		const noticed = deskReducer(s0, {type: 'notice', text: LONG});
		const key = deskReducer(noticed, {type: 'input', input: '?', key: {} as never});
		expect(key.notice).toBeNull();
		expect(key.overlay).toBe('help');
		const lines = deskHelpLines(key);
		expect(lines[0]).toBe('Last notice, in full:');
		const said = lines
			.slice(1, lines.indexOf(''))
			.map(l => l.trim())
			.join(' ');
		expect(said).toBe(LONG);
		expect(lines.every(l => l.length <= 80)).toBe(true);
		// No notice yet: help is the keys alone.
		expect(deskHelpLines(s0)[0]).toMatch(/^Keys/);
	});

	it('in the desk: w on the sergeant\'s own check-in; the bar cuts the refusal saying "? shows it all", ? shows it whole', async () => {
		const store = await openStore(demoCopy().store);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 120, rows: 36}});
		await ready(h);
		await h.press('2');
		await h.press('j');
		const f = await h.press('w');
		const bar = f
			.split('\n')
			.filter(l => l.trim() !== '')
			.at(-1)!;
		expect(bar).toContain('DI Okafor');
		expect(bar).toMatch(/… \(\? shows it all\) *$/);
		const help = await h.press('?');
		expect(help).toContain('Last notice, in full:');
		const flat = help.replace(/[│║]/g, ' ').replace(/\s+/g, ' ');
		const whole = /Last notice, in full: (.*?) Keys \(this list/.exec(flat)?.[1] ?? '';
		expect(whole.length).toBeGreaterThan(bar.length - 40);
		expect(whole).toContain('DI Okafor');
		expect(whole).toMatch(/\.$/);
		h.app.unmount();
	});
});
