/**
 * Every key of the desk is remappable (issue "The desk under real hands" item 15, issue "One way to do
 * each thing" item 1): a form's keys and the guided review's `?` and Ctrl+G included. The remapped key
 * acts, the old one no longer does, and the form's key line, the status bar and help name the new key.
 * A remapping that would leave an action unusable in a text field (printable keys only) is refused.
 */
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {userKeymap} from '../../source/ui/contexts/user-keymap.js';
import {NO_KEY} from '../../source/ui/contexts/key-names.js';
import {KeymapContext} from '../../source/ui/contexts/keymap-context.js';
import {helpText} from '../../source/ui/desk/desk-help.js';
import {reviewCommandFor, reviewHints} from '../../source/ui/review/review-keymap.js';
import {ReviewScreen} from '../../source/ui/review/review-screen.js';
import {SERGEANT_ACTOR} from '../helpers/actor.js';
import {demoData, KEYS, ready, renderDesk} from './desk-harness.js';
import {fakeStore} from '../helpers/fake-store.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {absenceFormKey, openAbsenceForm} from '../../source/ui/team/absence-form-state.js';
import {decisionFormKey, openDecisionForm} from '../../source/ui/team/decision-form-state.js';
import {heldAs} from '../../source/domain/reallocate.js';
import {openReallocateForm, reallocateFormKey} from '../../source/ui/reallocate/reallocate-form-state.js';
import {recordFormKey} from '../../source/ui/record/record-form-state.js';
import {bailFields, openBailForm} from '../../source/ui/record/bail-form.js';
import {openWelfareForm, welfareFields} from '../../source/ui/record/welfare-form.js';
import {absenceFormHints, decisionFormHints, reallocateFormHints, recordFormHints} from '../../source/ui/contexts/form-hints.js';
import {frame, press, ready as reviewReady, until} from './review/ink-keys.js';

const CTRL_Q = '\u0011';
const CTRL_T = '\u0014';
const CTRL_G = '\u0007';

afterEach(() => cleanup());

describe("a form's key remapped", () => {
	const {keymap, problems} = userKeymap({'form-cancel': ['Ctrl+Q'], 'form-next-field': ['Ctrl+O', '↓']});

	it('is accepted, and help lists the new key', () => {
		expect(problems).toEqual([]);
		const help = helpText(1000, keymap);
		expect(help.find(l => l.includes('cancel (asks first'))).toMatch(/^Ctrl\+Q\s/);
		expect(help.find(l => l.includes('next field (forms)'))).toMatch(/^Ctrl\+O ↓\s/);
	});

	it('closes the absence form; Esc no longer does; the key line and the status bar name it', async () => {
		const data = demoData();
		const h = renderDesk({data, store: fakeStore(data), keymap, size: {columns: 220, rows: 40}});
		await ready(h);
		await h.press('2');
		await h.press('j');
		const open = await h.press('a');
		expect(open).toContain('Record an absence for');
		expect(open).toContain('Ctrl+O/↓ next');
		expect(open).toContain('Ctrl+Q cancel');
		expect(open).toContain('the absence form has the keys | Ctrl+O/↓ next');
		expect(open).not.toMatch(/Esc cancel|Tab\/↓ next/);
		// Esc is no key of the form now: nothing changes (a quiet pause, then the form is still there).
		h.app.stdin.write(KEYS.esc);
		await new Promise(r => setTimeout(r, 200));
		expect(h.frame()).toContain('Record an absence for');
		const closed = await h.press(CTRL_Q);
		expect(closed).not.toContain('Record an absence for');
		expect(closed).toContain('Nothing recorded.');
		h.app.unmount();
	});
});

describe('a printable key on an action that must work while typing is refused', () => {
	it('form-cancel on x alone would be typed into every text field: refused, Esc kept', () => {
		const {keymap, problems} = userKeymap({'form-cancel': ['x'], 'review-back': ['b']});
		expect(problems).toEqual([
			`keys: form-cancel works while a text field has the focus, where "x" is typed as text; ` +
				`give it a key that does not type (Esc, Tab, Ctrl+ a letter, ...) too. form-cancel keeps its keys.`,
			`keys: review-back works while a text field has the focus, where "b" is typed as text; ` +
				`give it a key that does not type (Esc, Tab, Ctrl+ a letter, ...) too. review-back keeps its keys.`,
		]);
		expect(keymap.form.find(b => b.command === 'form-cancel')!.keys).toEqual(['Esc']);
	});

	it('a printable key beside another is taken: it acts outside text fields, and is text inside one', () => {
		const {keymap, problems} = userKeymap({'review-help': ['!', 'Ctrl+T']});
		expect(problems).toEqual([]);
		expect(reviewCommandFor('!', NO_KEY, false, keymap.review)).toBe('help');
		expect(reviewCommandFor('!', NO_KEY, true, keymap.review)).toBeUndefined();
		expect(reviewCommandFor('t', {...NO_KEY, ctrl: true}, true, keymap.review)).toBe('help');
	});
});

describe("the guided review's ? and Ctrl+G remapped", () => {
	const {keymap, problems} = userKeymap({'review-help': ['!', 'Ctrl+T']});

	it('the new keys are the help keys; ? and Ctrl+G no longer are', () => {
		expect(problems).toEqual([]);
		expect(reviewCommandFor('?', NO_KEY, false, keymap.review)).toBeUndefined();
		expect(reviewCommandFor('g', {...NO_KEY, ctrl: true}, true, keymap.review)).toBeUndefined();
		expect(reviewHints('choice', {firstStep: false, lastStep: false, choices: 3}, keymap.review)[0]).toBe('! help');
		expect(reviewHints('text', {firstStep: false, lastStep: false}, keymap.review)[0]).toBe('Ctrl+T help');
		expect(helpText(1000, keymap).find(l => l.includes('this list of keys'))).toMatch(/^! Ctrl\+T\s/);
	});

	it('in a running review: ! opens the key list, its title names the new keys, and ? does not', async () => {
		const app = render(
			<KeymapContext.Provider value={keymap}>
				<ReviewScreen
					actor={SERGEANT_ACTOR}
					store={undefined}
					isActive
					color={false}
					onExit={() => {}}
					onChanged={() => {}}
					data={demoData()}
					caseRef="CR/88397/26"
					today="2026-11-30"
					width={100}
					rows={30}
				/>
			</KeymapContext.Provider>,
		);
		await reviewReady(app);
		let f = await until(app, 'step 1 of 7');
		expect(f).toContain('! help');
		await press(app, '?');
		expect(frame(app)).not.toContain('Keys in the guided review');
		await press(app, CTRL_G);
		expect(frame(app)).not.toContain('Keys in the guided review');
		await press(app, '!');
		f = await until(app, 'Keys in the guided review');
		expect(f).toContain('Esc or ! closes (Ctrl+T in a text field)');
		expect(f).toMatch(/! Ctrl\+T\s+this list of keys/);
		await press(app, KEYS.esc);
		await press(app, CTRL_T);
		await until(app, 'Keys in the guided review');
		app.unmount();
	});
});

describe('README "Settings" names every action a settings file may remap', () => {
	it('each one, so none is remappable without being documented', async () => {
		const {readFileSync} = await import('node:fs');
		const {remappableActions} = await import('../../source/ui/contexts/registry.js');
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const missing = remappableActions().filter(a => !readme.includes(`\`${a}\``));
		expect(missing).toEqual([]);
	});
});

describe('every form reads its keys from the keymap in force (reducers and hints alike)', () => {
	const {keymap, problems} = userKeymap({'form-cancel': ['Ctrl+Q'], 'form-choose-next': ['>']});
	const esc = {...NO_KEY, escape: true, meta: true};
	const ctrlQ = {...NO_KEY, ctrl: true};
	const data = demoData();
	const officer = data.officers.find(o => o.role === 'investigator')!.id;
	const forms = [
		{
			name: 'absence',
			key: (input: string, k: typeof NO_KEY) => absenceFormKey(openAbsenceForm(officer, DEMO_TODAY), input, k, keymap).type,
			hints: () => absenceFormHints(openAbsenceForm(officer, DEMO_TODAY), keymap),
		},
		{
			name: 'decision',
			key: (input: string, k: typeof NO_KEY) => decisionFormKey(openDecisionForm(officer), input, k, keymap).type,
			hints: () => decisionFormHints(openDecisionForm(officer), keymap),
		},
		{
			name: 'reallocation',
			key: (input: string, k: typeof NO_KEY) =>
				reallocateFormKey(
					openReallocateForm('CR/88397/26', DEMO_TODAY, heldAs(data, 'CR/88397/26')),
					input,
					k,
					{data, today: DEMO_TODAY, by: 'o0002'},
					keymap,
				).type,
			hints: () => reallocateFormHints(openReallocateForm('CR/88397/26', DEMO_TODAY, heldAs(data, 'CR/88397/26')), keymap),
		},
		{
			name: 'bail',
			key: (input: string, k: typeof NO_KEY) => recordFormKey(openBailForm('CR/88397/26', DEMO_TODAY), input, k, bailFields, keymap).type,
			hints: () => recordFormHints(openBailForm('CR/88397/26', DEMO_TODAY), bailFields, keymap),
		},
		{
			name: 'welfare',
			key: (input: string, k: typeof NO_KEY) => recordFormKey(openWelfareForm(officer, DEMO_TODAY), input, k, welfareFields, keymap).type,
			hints: () => recordFormHints(openWelfareForm(officer, DEMO_TODAY), welfareFields, keymap),
		},
	];
	it.each(forms)('the $name form: Ctrl+Q cancels, Esc does not, and its hints say so', ({key, hints}) => {
		expect(problems).toEqual([]);
		expect(key('q', ctrlQ)).toBe('close');
		expect(key('', esc)).toBe('stay');
		expect(hints()).toContain('Ctrl+Q cancel');
		expect(hints().join(' ')).not.toContain('Esc');
	});

	it('a printable remap is text in a text field and the action on a choice', () => {
		// The absence form opens on its first day, a text field: ">" is typed there (replacing the day it opened on).
		const typed = absenceFormKey(openAbsenceForm(officer, DEMO_TODAY), '>', NO_KEY, keymap);
		expect(typed).toMatchObject({type: 'stay', form: {values: {from: '>', reason: 'sick'}}});
		// On the reason (a choice) ">" picks the next reason.
		const onReason = {...openAbsenceForm(officer, DEMO_TODAY), field: 'reason' as const};
		const chosen = absenceFormKey(onReason, '>', NO_KEY, keymap);
		expect(chosen).toMatchObject({type: 'stay', form: {values: {reason: 'annual-leave'}}});
	});
});
