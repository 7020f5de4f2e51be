/**
 * A form's field that opens on a value (today's date, the cover on record) behaves as the Handover
 * view's (README "Handover view": "A field opens on its value: a character typed replaces it,
 * Backspace edits it"): QA pass 3 (R6) saw "2026-11-302026-02-30" in the bail form, the reallocation
 * form's First day and the absence form's First day. One rule, in input/text-field.ts typeIntoField.
 */
import {describe, expect, it} from 'vitest';
import {typeIntoField} from '../../../source/ui/input/text-field.js';
import {NO_KEY, type KeyInfo} from '../../../source/ui/keymap.js';
import {openAbsenceForm, absenceFormKey, type AbsenceFormState} from '../../../source/ui/team/absence-form-state.js';
import {openStore} from '../../../source/store/store.js';
import {DEMO_TODAY, demoCopy} from '../../helpers/cli.js';
import {KEYS, ready, renderDesk, type DeskHarness} from '../desk-harness.js';

const key = (k: Partial<KeyInfo> = {}): KeyInfo => ({...NO_KEY, ...k});

function typeAll(f: AbsenceFormState, keys: (string | Partial<KeyInfo>)[]): AbsenceFormState {
	let form = f;
	for (const k of keys) {
		const out = absenceFormKey(form, typeof k === 'string' ? k : '', key(typeof k === 'string' ? {} : k));
		if (out.type !== 'stay') throw new Error(`the form did ${out.type}`);
		form = out.form;
	}
	return form;
}

/** The desk on a writable copy of the demo store (the forms open only on a store that can be written). */
async function deskOnCopy(): Promise<DeskHarness> {
	const store = await openStore(demoCopy().store);
	return renderDesk({store, data: store.snapshot(), size: {columns: 160, rows: 45}});
}

const lineWith = (f: string, label: RegExp) => f.split('\n').find(l => label.test(l)) ?? '';

describe('a pre-filled field: a character typed replaces it, editing keys edit it', () => {
	it('the rule itself: first character replaces, Backspace or an arrow first edits, an edited value is kept', () => {
		let t = typeIntoField(undefined, 'on', '2026-11-30', '2', key(), 40);
		expect(t.value).toBe('2');
		t = typeIntoField(t.typed, 'on', t.value, '0', key(), 40);
		expect(t.value).toBe('20');
		// Backspace first: edits the value (the last character goes).
		expect(typeIntoField(undefined, 'on', '2026-11-30', '', key({backspace: true}), 40).value).toBe('2026-11-3');
		// An arrow first: the value stays and the next character is added to it.
		const arrow = typeIntoField(undefined, 'on', '2026-11-3', '', key({leftArrow: true}), 40);
		expect(arrow.value).toBe('2026-11-3');
		expect(typeIntoField(arrow.typed, 'on', arrow.value, '1', key(), 40).value).toBe('2026-11-31');
		// A key the field does not take (Tab, Esc) leaves it as it opened.
		expect(typeIntoField(undefined, 'on', '2026-11-30', '', key({tab: true}), 40)).toEqual({value: '2026-11-30', typed: undefined});
		// A paste is one insert: it replaces the value too.
		expect(typeIntoField(undefined, 'on', '2026-11-30', '2027-01-04', key(), 40).value).toBe('2027-01-04');
	});

	it('the absence form: First day typed over, then Tab back to a field once edited keeps its text', () => {
		let f = openAbsenceForm('o0005', DEMO_TODAY);
		expect(f.values.from).toBe(DEMO_TODAY);
		f = typeAll(f, [...'2027-02-28']);
		expect(f.values.from).toBe('2027-02-28');
		f = typeAll(f, [{tab: true}, ...'2027-03-01', {shift: true, tab: true}, '9']);
		expect(f.values.to).toBe('2027-03-01');
		expect(f.values.from).toBe('2027-02-289');
		f = typeAll(openAbsenceForm('o0005', DEMO_TODAY), [{backspace: true}, '1']);
		expect(f.values.from).toBe('2026-11-31');
	});

	async function openProblem(h: DeskHarness, filter: string): Promise<void> {
		await ready(h);
		await h.press(KEYS.shiftTab);
		await h.type(`/${filter}`);
		await h.press(KEYS.enter);
	}

	it('the bail form from a lapsed-bail problem: rui, Tab, a typed date is that date', async () => {
		const h = await deskOnCopy();
		await openProblem(h, '54818');
		let f = await h.press('b');
		expect(f).toContain('RECORD BAIL CR/54818/26');
		await h.press(KEYS.right);
		await h.press(KEYS.tab);
		expect(lineWith(h.frame(), /On\b/)).toContain(DEMO_TODAY);
		await h.type('2026-02-30');
		f = h.frame();
		expect(f).toContain('2026-02-30');
		expect(f).not.toContain(`${DEMO_TODAY}2026-02-30`);
		h.app.unmount();
	});

	it("the reallocation form's First day: m, Enter, a typed date is that date", async () => {
		const h = await deskOnCopy();
		await ready(h);
		await h.press(':');
		await h.type('87204');
		await h.press(KEYS.enter);
		let f = await h.press('m');
		expect(f).toMatch(/First day/);
		await h.press(KEYS.enter);
		await h.type('2026-11-29');
		f = h.frame();
		expect(lineWith(f, /First day/)).toContain('2026-11-29');
		expect(f).not.toContain(`${DEMO_TODAY}2026-11-29`);
		h.app.unmount();
	});

	it("the Team view's absence form (DC Ashworth): a, a typed First day is that date", async () => {
		const h = await deskOnCopy();
		await ready(h);
		await h.press('2');
		await h.press('j');
		await h.press('j');
		let f = await h.press('a');
		expect(f, f).toContain('First day');
		expect(lineWith(f, /First day/)).toContain(DEMO_TODAY);
		await h.type('2027-02-29');
		f = h.frame();
		expect(lineWith(f, /First day/)).toContain('2027-02-29');
		expect(f).not.toContain(`${DEMO_TODAY}2027-02-29`);
		h.app.unmount();
	});
});
