/**
 * The inspector's working queue in the Team view (README "The review desk"): `d` goes to the next
 * escalated performance trigger, opens the decision form on it, and records a signed decision by the
 * inspector that takes it off the exception list; anyone else is told who can, before any typing.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {escalatedTriggers} from '../../../source/domain/escalated-triggers.js';
import {openStore, readStoreFile, verifyChain, verifySignatures} from '../../../source/store/index.js';
import {decisionFormKey, openDecisionForm, type DecisionFormState} from '../../../source/ui/team/decision-form-state.js';
import {NO_KEY, type KeyInfo} from '../../../source/ui/keymap.js';
import {actorAs} from '../../helpers/actor.js';
import {demoCopy, DEMO_TODAY} from '../../helpers/cli.js';
import {enrolKey} from '../../helpers/keys.js';
import {KEYS, ready, renderDesk, type DeskHarness} from '../desk-harness.js';

const DI = 'o0001';
const DS = 'o0002';
const ASHWORTH = 'o0003';
const DOYLE = 'o0011';
const REASON = 'Reviewed with DS Brennan: caseload cut by two';

/** The Team view's pane text, its lines joined (the form's words wrap). */
/** The frame as one line of words, without the box edges or the activity bar's view letters ("5D") at each line's start. */
const pane = (f: string) =>
	f
		.split('\n')
		.map(l => l.replace(/^[ >]?[1-9][A-Z]/, '  '))
		.join('\n')
		.replace(/[│║]/g, ' ')
		.replace(/\s+/g, ' ');

async function toQueue(h: DeskHarness): Promise<string> {
	await ready(h);
	await h.press('2');
	// On DI Okafor (the first row), d goes to the first trigger waiting.
	return h.press('d');
}

describe('the decision form (pure)', () => {
	const key = (k: Partial<KeyInfo> = {}): KeyInfo => ({...NO_KEY, ...k});
	it('chooses with numbers or arrows, shows the plan date only for a plan, checks on the last field, asks before recording', () => {
		let f: DecisionFormState = openDecisionForm(ASHWORTH);
		const press = (input: string, k: Partial<KeyInfo> = {}) => {
			const out = decisionFormKey(f, input, key(k));
			if (out.type === 'close') throw new Error('closed');
			f = out.form;
			return out.type;
		};
		press('1');
		expect(f.decision).toBe('action-plan');
		press('', {rightArrow: true});
		expect(f.decision).toBe('not-now');
		press('', {tab: true});
		expect(f.field).toBe('reason');
		press('Busy\u001b[2J month');
		expect(f.reason).toBe('Busy month');
		// Not now has no plan date: Enter on the reason is the last field, so it asks the desk to check.
		expect(press('', {return: true})).toBe('check');
		f = {...f, field: 'decision'};
		press('1');
		press('', {tab: true});
		expect(press('', {return: true})).toBe('stay');
		expect(f.field).toBe('planReviewDate');
		// Checked and confirmed: y asks the desk to record it.
		f = {...f, confirm: true};
		expect(press('y')).toBe('save');
		// Esc on a changed form asks first.
		f = {...f, confirm: false};
		press('', {escape: true});
		expect(f.confirmDiscard).toBe(true);
		expect(decisionFormKey(f, 'y', key()).type).toBe('close');
		// A refusal closes on Esc and takes no typing.
		expect(decisionFormKey(openDecisionForm(ASHWORTH, 'Only DI Okafor can decide it.'), 'x', key())).toEqual({
			type: 'stay',
			form: openDecisionForm(ASHWORTH, 'Only DI Okafor can decide it.'),
		});
	});
});

describe('the inspector works the queue in the Team view', () => {
	it('d goes to the next escalated trigger; the inspector records a signed "not now" that takes it off the list', async () => {
		const {store: file} = demoCopy();
		const {key} = await enrolKey(file, DI);
		const store = await openStore(file);
		const h = renderDesk({data: store.snapshot(), store, actor: actorAs(DI, key), size: {columns: 120, rows: 36}});
		let f = await toQueue(h);
		expect(f).toContain('2 escalated triggers (d)');
		expect(f).toMatch(/› DC Sam Ashworth/);
		expect(pane(f)).toContain(`DC Ashworth's trigger is on the exception list ("not now" recorded twice in a row`);
		f = pane(await h.press('d'));
		expect(f).toContain("Decide DC Sam Ashworth's escalated performance trigger, as DI Okafor");
		expect(f).toContain('On the exception list since 10 Nov: "not now" recorded twice in a row');
		expect(f).toContain('Evidence:');
		// Enter with nothing chosen: the domain's reason, on the field.
		await h.press(KEYS.tab);
		f = pane(await h.press(KEYS.enter));
		expect(f).toContain('! Choose a decision for DC Ashworth');
		await h.press('2');
		await h.press(KEYS.tab);
		f = pane(await h.press(KEYS.enter));
		expect(f).toContain('! Say why an action plan is not needed now.');
		await h.press(REASON);
		f = pane(await h.press(KEYS.enter));
		expect(f).toContain('y record / n not yet: Record "not needed now" for DC Sam Ashworth as a signed decision in the review chain?');
		await h.press('y');
		f = pane(await h.waitFor(x => pane(x).includes('Recorded "not needed now"')));
		expect(f).toMatch(/Recorded "not needed now" for DC Ashworth \(entry \d+, signed\)\. Next: DC Doyle \(d\); 1 waiting\./);
		// The queue moved on to DC Doyle, and Ashworth's row no longer says escalated.
		expect(f).toMatch(/› DC Mark Doyle/);
		f = await h.waitFor(x => x.includes('1 escalated trigger (d)'));
		expect(f).toMatch(/DC Sam Ashworth.*trigger: not now/);
		h.app.unmount();

		const {data} = await readStoreFile(file, {chain: 'whole'}); // every entry: the chain file's too
		const entry = data.chain.at(-1)!;
		expect(entry).toMatchObject({
			kind: 'performance-decision',
			author: DI,
			data: {officerId: ASHWORTH, by: DI, decision: 'not-now', reason: REASON, date: DEMO_TODAY},
		});
		expect(verifyChain(data.chain)).toBeNull();
		expect(verifySignatures(data).problem).toBeNull();
		expect(escalatedTriggers(data, DEMO_TODAY).map(t => t.officerId)).toEqual([DOYLE]);
	}, 60_000);

	it('an action plan takes its review date', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({data: store.snapshot(), store, actor: actorAs(DI), size: {columns: 80, rows: 24}});
		await toQueue(h);
		// From the row after DC Ashworth's, d goes on to the next one waiting.
		await h.press('j');
		await h.press('d');
		await h.waitFor(x => /› DC (Mark )?Doyle/.test(x));
		await h.press('d');
		await h.waitFor(x => pane(x).includes("Decide DC Mark Doyle's escalated"));
		await h.press('1');
		await h.press(KEYS.tab);
		await h.press(KEYS.tab);
		await h.press('15/01/2027');
		await h.press(KEYS.enter);
		await h.waitFor(x => pane(x).includes('y record / n not yet'));
		await h.press('y');
		await h.waitFor(x => pane(x).includes('plan review 15 Jan 2027'));
		h.app.unmount();
		const {data} = await readStoreFile(file, {chain: 'whole'});
		expect(data.actionPlans.at(-1)).toMatchObject({officerId: DOYLE, reviewDate: '2027-01-15', started: DEMO_TODAY});
		expect(data.chain.at(-1)).toMatchObject({kind: 'performance-decision', data: {officerId: DOYLE, by: DI, decision: 'action-plan'}});
	}, 60_000);

	it('the sergeant is refused, saying only the inspector can decide it; nothing is written', async () => {
		const {store: file} = demoCopy();
		const before = readFileSync(file);
		const store = await openStore(file);
		const h = renderDesk({data: store.snapshot(), store, actor: actorAs(DS)});
		await ready(h);
		await h.press('2');
		// d is not the sergeant's queue (QA 4 R-a): it does not move him; on DC Ashworth's row it says who decides.
		await h.press('j');
		await h.press('j');
		await h.waitFor(x => /› DC Sam Ashworth/.test(x));
		const f = pane(await h.press('d'));
		expect(f).toContain("DC Ashworth's performance trigger was escalated to the inspector: only DI Okafor can decide it.");
		expect(f).toContain('Esc returns to the Team view.');
		expect(f).not.toContain('Decision ');
		// Typing does nothing (no field to type into); Esc goes back.
		h.app.stdin.write('1');
		await new Promise(r => setTimeout(r, 100));
		expect(pane(h.frame())).toContain('only DI Okafor can decide it');
		expect(pane(await h.press(KEYS.esc))).toContain('Perf. plan');
		h.app.unmount();
		expect(readFileSync(file).equals(before)).toBe(true);
	});

	it('in a signed store, an inspector without a key is told how to make one, before any typing', async () => {
		const {store: file} = demoCopy();
		await enrolKey(file, DS);
		const store = await openStore(file);
		const h = renderDesk({data: store.snapshot(), store, actor: actorAs(DI)});
		await toQueue(h);
		const f = pane(await h.press('d'));
		expect(f).toContain(
			"every performance decision must carry its author's enrolled key, and DI Okafor has no signing key on this computer",
		);
		expect(f).toContain('"fortnight keys init --as o0001" makes a key; then ask DS Brennan to enrol it');
		h.app.unmount();
	});

	it('the palette opens the queue from anywhere', async () => {
		const h = renderDesk({actor: actorAs(DI)});
		await ready(h);
		await h.press(':');
		await h.type('decide escal');
		const f = await h.press(KEYS.enter);
		expect(f).toContain('TEAM');
		expect(f).toMatch(/› DC Sam Ashworth/);
		h.app.unmount();
	});
});
