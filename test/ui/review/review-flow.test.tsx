import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {effectiveReview, reviewContext} from '../../../source/domain/review/index.js';
import {verifyChain} from '../../../source/store/chain.js';
import {openStore, readStoreFile, type Store} from '../../../source/store/store.js';
import {AmendScreen} from '../../../source/ui/review/amend-screen.js';
import {demoCopy} from '../../helpers/cli.js';
import {frame, KEYS, press, ready, until, waitFor} from './ink-keys.js';
import {SERGEANT_ACTOR} from '../../helpers/actor.js';
import {doyleUndecided} from '../../domain/review/fixtures.js';
import {renderReview} from '../../helpers/review-screen.js';

const TODAY = '2026-11-30';
const REF = 'CR/88397/26';
const NOW = () => new Date('2026-11-30T10:00:00.000Z');

afterEach(() => cleanup());

function review(store: Store, events = {exits: 0, changes: [] as StoreData[]}, ref = REF) {
	return renderReview({
		data: store.snapshot(),
		store,
		caseRef: ref,
		today: TODAY,
		width: 100,
		rows: 60,
		saveDelayMs: 20,
		now: NOW,
		onExit: () => events.exits++,
		onChanged: d => events.changes.push(d),
	});
}

describe('guided review: validation failures on each step', () => {
	it('will not leave a step with missing answers, shows why under the field, and then lets go', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		// DC Doyle's trigger waiting on the sergeant, not yet on the inspector's list (fixtures.ts doyleUndecided).
		await store.apply(doyleUndecided);
		const ctx = reviewContext(store.snapshot(), REF, TODAY);
		const app = review(store);
		await ready(app);
		await press(app, KEYS.enter);
		await until(app, 'step 2 of 7');

		// Step 2: nothing marked; then "carried over" without a reason.
		await press(app, KEYS.ctrlN);
		let f = await until(app, '3 answers on this step need attention before moving on.');
		expect(f.match(/Needs attention: Mark this action done, carried over or dropped\./g)).toHaveLength(3);
		expect(f).toContain('step 2 of 7');
		await press(app, '2', KEYS.tab, KEYS.tab, '1', KEYS.tab, KEYS.tab, '1', KEYS.ctrlN);
		f = await until(app, 'Needs attention: Give a reason for carrying it over.');
		expect(f).toContain('step 2 of 7');
		// Focus went to the field that needs attention: typing fills it in.
		await press(app, 'Awaiting DFU', KEYS.ctrlN);
		await until(app, 'step 3 of 7: Risk');

		// Step 3: nothing chosen; then "change" without a new level or rationale.
		await press(app, KEYS.ctrlN);
		await until(app, 'Needs attention: Keep the risk at medium or change it.');
		await press(app, '2', KEYS.ctrlN);
		f = await until(app, 'Needs attention: Choose the new risk: high, medium or low.');
		expect(f).toContain('Needs attention: Say why the risk changes.');
		await press(app, KEYS.shiftTab, '1', KEYS.ctrlN);
		await until(app, 'step 4 of 7: Action plan');

		// Step 4: no action and no reason; then an action with an impossible due date.
		await press(app, KEYS.ctrlN);
		await until(app, 'Needs attention: Add at least one action for the next period, or record why none is needed.');
		await press(app, KEYS.enter, 'Trace the witness', KEYS.tab, KEYS.tab, '31/02/2026', KEYS.ctrlN);
		f = await until(app, 'Needs attention: "31/02/2026" is not a date');
		for (let i = 0; i < 10; i++) await press(app, KEYS.backspace);
		await press(app, '07/12/2026', KEYS.ctrlN);
		await until(app, 'step 5 of 7: Performance');

		// Step 5: the demo's DC Doyle has a fired trigger: a decision is required; "not now" needs a reason.
		expect(ctx.decisionRequired).toBe(true);
		await press(app, KEYS.ctrlN);
		await until(app, "Needs attention: DC Doyle's performance trigger has fired: record a decision");
		await press(app, '2', KEYS.ctrlN);
		await until(app, 'Needs attention: Say why an action plan is not needed now.');
		await press(app, 'Concerns were minor; reviewed with him.', KEYS.ctrlN);
		await until(app, 'step 6 of 7: Welfare');

		// Step 6: a flag without a check-in.
		await press(app, KEYS.tab, ' ', KEYS.ctrlN);
		await until(app, 'Needs attention: Flags are raised at a check-in');
		await press(app, KEYS.shiftTab, '1', KEYS.ctrlN);
		await until(app, 'step 7 of 7: Sign-off');

		// Step 7: a next review date beyond the medium-risk cadence.
		await press(app, '20/12/2026', KEYS.tab, KEYS.tab, KEYS.enter);
		f = await until(app, 'Needs attention: medium risk is reviewed every 14 days: the next review can be no later than');
		expect(f).toContain('Not ready to sign');
		// Esc goes back a step and keeps every answer.
		await press(app, KEYS.esc);
		f = await until(app, 'step 6 of 7');
		expect(f).toContain('[x] occupational health referral');
		await press(app, KEYS.esc, KEYS.esc);
		f = await until(app, 'step 4 of 7');
		expect(f).toContain('Trace the witness');
		expect(f).toContain('07/12/2026');
	});
});

describe('guided review: drafts', () => {
	it('resumes after unmount at the same step with every answer, including the private note', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const events = {exits: 0, changes: [] as StoreData[]};
		const first = review(store, events);
		await ready(first);
		await press(first, KEYS.enter, '1', KEYS.tab, 'Checked the PNC result', KEYS.ctrlN);
		await press(first, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab);
		// Leave a half-done step 2 the hard way: unmount (a closed terminal), no Esc.
		await waitFor(() => frame(first).includes('draft saved'));
		first.unmount();
		// The desk was told a draft now exists (for its "draft" badge).
		expect(events.changes.length).toBeGreaterThan(0);
		expect(events.changes.at(-1)!.drafts.map(d => d.caseRef)).toEqual([REF]);

		// A new process: reopen the store from disk.
		const again = await openStore(file);
		expect(again.snapshot().drafts.map(d => d.caseRef)).toEqual([REF]);
		const second = review(again);
		await ready(second);
		let f = await until(second, 'Resumed the draft');
		expect(f).toContain('step 2 of 7');
		expect(f).toContain('Checked the PNC result');
		expect(f).toContain('1:[done]');

		// The welfare note survives too, though never in the case store.
		// The rest of step 2 is still to do: Ctrl+N takes focus to the first unanswered action.
		await press(second, KEYS.ctrlN, '1', KEYS.tab, KEYS.tab, '1', KEYS.ctrlN);
		await until(second, 'step 3 of 7');
		await press(second, '1', KEYS.ctrlN, KEYS.enter, 'Chase DFU', KEYS.ctrlN, '3', KEYS.ctrlN, '1');
		await until(second, 'step 6 of 7');
		for (let i = 0; i < 5; i++) await press(second, KEYS.tab);
		await press(second, 'Private words', KEYS.shiftTab);
		await waitFor(() => frame(second).includes('draft saved'));
		second.unmount();
		await new Promise(r => setTimeout(r, 100));
		expect((await readStoreFile(file)).data.drafts[0]!.answers).not.toHaveProperty('welfare.note', 'Private words');
		const third = review(await openStore(file));
		await ready(third);
		f = await until(third, 'step 6 of 7');
		await until(third, 'Private words');
	});

	it('discard asks first, then removes the draft', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const events = {exits: 0, changes: [] as StoreData[]};
		const app = review(store, events);
		await ready(app);
		await press(app, KEYS.enter, '1');
		await waitFor(() => store.snapshot().drafts.length === 1);
		await press(app, KEYS.ctrlX);
		await until(app, 'y discard / n keep it: Discard this draft? Everything typed for this review is deleted.');
		await press(app, 'n');
		await until(app, 'Cancelled: nothing was changed.');
		expect(store.snapshot().drafts).toHaveLength(1);
		await press(app, KEYS.ctrlX, 'y');
		await waitFor(() => events.exits === 1);
		expect(store.snapshot().drafts).toEqual([]);
		expect((await readStoreFile(file)).data.drafts).toEqual([]);
	});
});

describe('amending a signed review', () => {
	it('records a correction that references the signed review; the chain still verifies', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const before = store.snapshot();
		const last = [...before.chain].reverse().find(e => e.kind === 'review' && e.data.caseRef === REF)!;
		const events = {exits: 0, changes: [] as StoreData[]};
		const app = render(
			<AmendScreen
				data={before}
				store={store}
				caseRef={REF}
				today={TODAY}
				actor={SERGEANT_ACTOR}
				width={100}
				rows={40}
				isActive
				color={false}
				now={NOW}
				onExit={() => events.exits++}
				onChanged={d => events.changes.push(d)}
			/>,
		);
		await ready(app);
		let f = await until(app, `Amend review of ${REF}`);
		expect(f).toContain(`(entry ${last.seq})`);
		// Sign without choosing: refused with reasons.
		await press(app, KEYS.tab, KEYS.tab, KEYS.enter);
		f = await until(app, 'Choose the field to correct.');
		expect(f).toContain('Say why the review is being corrected.');
		await press(app, KEYS.shiftTab, KEYS.shiftTab, '1');
		f = await until(app, 'Signed summary:');
		await press(app, KEYS.tab, ' Victim told of delay.', KEYS.tab, 'Summary left out the victim update.', KEYS.tab, KEYS.enter);
		await until(app, 'y record / n not yet: Record this amendment in the review chain?');
		await press(app, 'y');
		f = await until(app, 'Amendment recorded as entry');
		const {data} = await readStoreFile(file, {chain: 'whole'});
		expect(verifyChain(data.chain)).toBeNull();
		const amendment = data.chain.at(-1)!;
		expect(amendment.kind).toBe('amendment');
		if (amendment.kind !== 'amendment') return;
		expect(amendment.data.amends).toBe(last.seq);
		expect(amendment.data.reason).toBe('Summary left out the victim update.');
		expect(effectiveReview(data.chain, last.seq)!.data.summary).toMatch(/ Victim told of delay\.$/);
		// The signed entry is byte-for-byte what it was.
		expect(data.chain.find(e => e.seq === last.seq)).toEqual(last);
		expect(events.changes).toHaveLength(1);
		await press(app, KEYS.esc);
		expect(events.exits).toBe(1);
	});
});
