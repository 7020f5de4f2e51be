/**
 * The guided review at the sizes sergeants use (QA report 1: P2-2, P2-3, P2-4, P3-3, P3-6, P3-7):
 * at a narrow editor nothing the sergeant needs is cut (hints, y/n keys, options, the selected owner),
 * `?` shows the review's keys and closes without losing anything, a read-only store refuses the review
 * before any typing, and a refused date is said before any question or summary treats it as accepted.
 */
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {reviewContext} from '../../../source/domain/review/index.js';
import {openStore, type Store} from '../../../source/store/store.js';
import {AmendScreen} from '../../../source/ui/review/amend-screen.js';
import {ownerOptions} from '../../../source/ui/review/review-fields.js';
import {REVIEW_KEYMAP} from '../../../source/ui/review/review-keymap.js';
import {demoCopy} from '../../helpers/cli.js';
import {frame, KEYS, press, ready, until, waitFor} from './ink-keys.js';
import {SERGEANT_ACTOR} from '../../helpers/actor.js';
import {renderReview} from '../../helpers/review-screen.js';

const TODAY = '2026-11-30';
const REF = 'CR/88397/26';
const NOW = () => new Date('2026-11-30T10:00:00.000Z');

afterEach(() => cleanup());

function review(store: Store, size: {width: number; rows: number}, events = {exits: 0, changes: [] as StoreData[]}, now = NOW) {
	return renderReview({
		data: store.snapshot(),
		store,
		caseRef: REF,
		today: TODAY,
		width: size.width,
		rows: size.rows,
		saveDelayMs: 20,
		now,
		onExit: () => events.exits++,
		onChanged: d => events.changes.push(d),
	});
}

/** Every drawn line fits the width: nothing depends on the terminal cutting it. */
function fitsWidth(f: string, width: number): boolean {
	return f.split('\n').every(l => l.trimEnd().length <= width);
}

/** Answers steps 2 and 3 so step 4 can be reached. */
async function toActionPlan(app: ReturnType<typeof review>): Promise<void> {
	await press(app, KEYS.enter);
	await until(app, 'step 2 of 7');
	await press(app, '1', KEYS.tab, KEYS.tab, '2', KEYS.tab, 'Awaiting DFU', KEYS.tab, '3', KEYS.tab, 'Superseded', KEYS.ctrlN);
	await until(app, 'step 3 of 7');
	await press(app, '1', KEYS.ctrlN);
	await until(app, 'step 4 of 7');
}

/** Answers steps 2 to 6 (one new action, no decision at step 5: the inspector's, option 1 at step 6) and moves on to the sign-off. */
async function toSignOff(app: ReturnType<typeof review>): Promise<void> {
	await toActionPlan(app);
	await press(app, KEYS.enter, 'Chase comms data', KEYS.ctrlN);
	await until(app, 'step 5 of 7');
	await press(app, KEYS.ctrlN);
	await until(app, 'step 6 of 7');
	await press(app, '1', KEYS.ctrlN);
}

/** A review of REF on a fresh demo copy, moved on to step 2 (the previous actions' outcomes). */
async function reviewAtStep2(size = {width: 72, rows: 40}): Promise<{app: ReturnType<typeof review>; store: Store}> {
	const {store: file} = demoCopy();
	const store = await openStore(file);
	const app = review(store, size);
	await ready(app);
	await press(app, KEYS.enter);
	await until(app, 'step 2 of 7');
	return {app, store};
}

describe('keys that arrive together (QA report 2, P2-2)', () => {
	it('applies a burst of choice keys one by one, and keeps a burst of text whole in a text field', async () => {
		const {app} = await reviewAtStep2();
		// "3" then "2" in one read: dropped, then carried over (before, the pair did nothing).
		await press(app, '32');
		let f = await until(app, '2:[carried over]');
		expect(f).not.toContain('3:[dropped]');
		// Tab to the reason (a text field): a burst of text there is one insert, digits included.
		await press(app, KEYS.tab, 'Awaiting DFU 23');
		f = await until(app, 'Awaiting DFU 23');
		expect(f).toContain('2:[carried over]');
	});
});

describe('a review left before anything was answered (QA report 2, P3-2)', () => {
	it('opens afresh, not as a resumed draft', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const events = {exits: 0, changes: [] as StoreData[]};
		const first = review(store, {width: 72, rows: 40}, events);
		await ready(first);
		await until(first, 'step 1 of 7');
		await press(first, KEYS.esc);
		await waitFor(() => events.exits === 1);
		first.unmount();
		const second = review(store, {width: 72, rows: 40});
		await ready(second);
		const f = await until(second, 'step 1 of 7');
		expect(f).not.toContain('Resumed');
		expect(store.snapshot().drafts).toEqual([]);
	});
});

describe('P2-2: the review at a narrow editor', () => {
	it('shows every key hint, every outcome and the y/n keys of both questions, wrapped, never cut', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		// 32 columns: the editor's inner width at 80 columns before the review was given more room.
		const app = review(store, {width: 32, rows: 14});
		await ready(app);
		let f = await until(app, 'step 1 of 7');
		for (const hint of ['? help', 'Ctrl+N next step', 'Esc leave (draft kept)', 'Ctrl+X discard']) expect(f).toContain(hint);
		expect(fitsWidth(f, 32)).toBe(true);
		await press(app, KEYS.enter);
		f = await until(app, 'step 2 of 7');
		expect(f).toContain('3:dropped');
		for (const hint of ['←/→ 1-3 choose', 'Tab next field', 'Ctrl+N next step', 'Esc back', 'Ctrl+X discard']) expect(f).toContain(hint);
		expect(fitsWidth(f, 32)).toBe(true);
		await press(app, KEYS.ctrlX);
		f = await until(app, 'y discard / n keep it');
		expect(f.replace(/\s+/g, ' ')).toContain('Discard this draft?');
		expect(fitsWidth(f, 32)).toBe(true);
		await press(app, 'n');
		await until(app, 'Cancelled: nothing was changed.');
	});

	it("a new action's owner defaults to the OIC, shown selected; the selection stays in view as it moves", async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const ctx = reviewContext(store.snapshot(), REF, TODAY);
		const options = ownerOptions(ctx);
		// One order for every case (issue 20 item 3): the OIC is marked where they stand, not moved first.
		const oic = options.findIndex(o => o.value === ctx.case.oicId);
		expect(options[oic]).toEqual({value: ctx.case.oicId, label: expect.stringMatching(/\(OIC\)$/)});
		const app = review(store, {width: 32, rows: 12});
		await ready(app);
		await toActionPlan(app);
		await press(app, KEYS.enter, 'Chase comms data', KEYS.tab);
		// On this short screen the focused field's options win over its label.
		let f = await until(app, `${oic + 1}:[${options[oic]!.label}]`);
		expect(fitsWidth(f, 32)).toBe(true);
		const at = (i: number) => (oic + i) % options.length;
		for (let i = 1; i <= 6; i++) {
			await press(app, KEYS.right);
			// The focused field's label may scroll away on a short screen; the selection never does.
			f = await until(app, `${at(i) + 1}:[${options[at(i)]!.label}]`);
		}
		// What the sergeant saw selected is what is saved.
		// The stored draft's answers are unchecked data (the loader accepts any half-filled draft): read the owner raw.
		type RawActions = {actions?: {ownerId?: unknown}[]} | undefined;
		const savedOwner = () => (store.snapshot().drafts[0]?.answers as RawActions)?.actions?.[0]?.ownerId;
		await waitFor(() => savedOwner() === options[at(6)]!.value);
		expect(savedOwner()).toBe(options[at(6)]!.value);
		// Options 10 and 11 of a long list (beyond the 1-9 keys) are reached and shown too, and typed as two digits.
		await press(app, '1', '0');
		await until(app, `10:[${options[9]!.label}]`);
		await press(app, '1', '1');
		await until(app, `11:[${options[10]!.label}]`);
		await waitFor(() => savedOwner() === options[10]!.value);
	});

	it("at 80x24 (72 columns, 18 rows) the focused field's options are on screen, not below the fold", async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const app = review(store, {width: 72, rows: 18});
		await ready(app);
		await toActionPlan(app);
		await press(app, KEYS.enter, 'Chase comms data', KEYS.tab);
		const f = await until(app, '› Owner');
		expect(f).toMatch(/\d+:\[DC \w+ \(OIC\)\]/);
		// The line after the label is the options, not "... more lines".
		const lines = f.split('\n');
		const at = lines.findIndex(l => l.includes('› Owner'));
		expect(lines[at + 1]).toMatch(/^\s+1:/);
		expect(f.split('\n').length).toBeLessThanOrEqual(18);
	});

	it('the sign question shows its keys first', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const app = review(store, {width: 36, rows: 16});
		await ready(app);
		await toSignOff(app);
		await until(app, 'step 7 of 7');
		await press(app, KEYS.tab, KEYS.tab, KEYS.enter);
		const f = await until(app, 'y sign / n not yet');
		expect(f).toContain('Sign the review?');
		expect(fitsWidth(f, 36)).toBe(true);
		// While the question is up only y/n work: no other hints compete with it.
		expect(f).not.toContain('Ctrl+X discard');
		await press(app, 'n');
		await until(app, 'Cancelled: nothing was changed.');
	});
});

describe('P2-3: ? inside the review', () => {
	it("shows the review's keys from its keymap; Esc closes it with every answer kept; ? in a text field is text", async () => {
		const {app} = await reviewAtStep2();
		await press(app, '2', KEYS.tab, 'Waiting on the DFU?');
		// In the reason (a text field) the ? was typed as text.
		let f = await until(app, 'Waiting on the DFU?');
		expect(f).not.toContain('Keys in the guided review');
		// Ctrl+G opens the list from a text field.
		await press(app, '\u0007');
		f = await until(app, 'Keys in the guided review');
		for (const b of REVIEW_KEYMAP) expect(f.replace(/\s+/g, ' ')).toContain(b.help.split(' ').slice(0, 4).join(' '));
		await press(app, KEYS.esc);
		f = await until(app, 'Waiting on the DFU?');
		expect(f).toContain('step 2 of 7');
		expect(f).toContain('2:[carried over]');
		// On a choice, ? opens it and ? closes it.
		await press(app, KEYS.shiftTab, '?');
		await until(app, 'Keys in the guided review');
		// Keys other than scrolling and closing change nothing while it is up.
		await press(app, '3');
		await press(app, '?');
		f = await until(app, '2:[carried over]');
		expect(f).not.toContain('Keys in the guided review');
		expect(f).toContain('Waiting on the DFU?');
	});
});

describe('P2-4: a read-only store', () => {
	it('refuses the review before any typing, with the reason; keys do nothing; Esc goes back', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file, {readOnly: true});
		const events = {exits: 0, changes: [] as StoreData[]};
		const app = review(store, {width: 72, rows: 18}, events);
		await ready(app);
		const f = await until(app, 'READ-ONLY: this review cannot be saved or signed');
		expect(f).toContain('read-only');
		expect(f).toContain('Esc returns to the desk.');
		expect(f).not.toContain('step 1 of 7');
		await press(app, KEYS.enter, '1', KEYS.ctrlN);
		expect(frame(app)).toBe(f);
		await press(app, KEYS.esc);
		await waitFor(() => events.exits === 1);
		expect(events.exits).toBe(1);
		expect(store.snapshot().drafts).toEqual([]);
	});

	it('refuses an amendment the same way', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file, {readOnly: true});
		let exits = 0;
		const app = render(
			<AmendScreen
				data={store.snapshot()}
				store={store}
				caseRef={REF}
				today={TODAY}
				actor={SERGEANT_ACTOR}
				width={60}
				rows={20}
				isActive
				color={false}
				now={NOW}
				onExit={() => exits++}
				onChanged={() => {}}
			/>,
		);
		await ready(app);
		await until(app, 'READ-ONLY: this amendment cannot be saved or signed');
		await press(app, KEYS.esc);
		await waitFor(() => exits === 1);
		expect(exits).toBe(1);
	});
});

describe('P3-3: validate before asking', () => {
	it('an amendment with a next review date beyond the limit shows the problem, not the question', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const chainBefore = store.snapshot().chain.length;
		const app = render(
			<AmendScreen
				data={store.snapshot()}
				store={store}
				caseRef={REF}
				today={TODAY}
				actor={SERGEANT_ACTOR}
				width={72}
				rows={30}
				isActive
				color={false}
				now={NOW}
				onExit={() => {}}
				onChanged={() => {}}
			/>,
		);
		await ready(app);
		await until(app, `Amend review of ${REF}`);
		await press(app, '4');
		await until(app, 'Corrected next review date');
		await press(app, KEYS.tab);
		// Clear the signed date and type one beyond the 14-day limit.
		for (let i = 0; i < 12; i++) await press(app, KEYS.backspace);
		await press(app, '2026-12-20', KEYS.tab, 'Wrong date typed', KEYS.tab, KEYS.enter);
		let f = await until(app, 'Needs attention: The next review must fall after');
		expect(f).not.toContain('y record / n not yet');
		expect(f).toContain('The amendment needs attention before it can be recorded.');
		expect(store.snapshot().chain).toHaveLength(chainBefore);
		// Corrected: now the question comes.
		await press(app, KEYS.shiftTab, KEYS.shiftTab);
		for (let i = 0; i < 10; i++) await press(app, KEYS.backspace);
		await press(app, '2026-11-18', KEYS.tab, KEYS.tab, KEYS.enter);
		f = await until(app, 'y record / n not yet');
		expect(f).not.toContain('Needs attention');
	});

	it('the sign-off summary does not show a refused next review date as accepted; the problem shows as soon as it is typed', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const app = review(store, {width: 72, rows: 40});
		await ready(app);
		await toSignOff(app);
		let f = await until(app, 'step 7 of 7');
		expect(f).toContain('Next review: 14 Dec.');
		await press(app, '2026-12-2');
		// Not a whole date yet: no complaint while typing.
		expect(frame(app)).not.toContain('Needs attention');
		await press(app, '0');
		f = await until(app, 'Needs attention: medium risk is reviewed every 14 days');
		expect(f).not.toContain('Next review: 20 Dec');
		expect(f).toContain('"2026-12-20" is not accepted');
	});
});

describe('P3-6 and P3-7: heading and resumed draft', () => {
	it("keeps the save status apart from the step title, and dates the resumed draft by the desk's today", async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		// The machine clock says 28 Nov; the desk works as 30 Nov (--today).
		const machine = () => new Date('2026-11-28T09:00:00.000Z');
		const first = review(store, {width: 60, rows: 30}, undefined, machine);
		await ready(first);
		await press(first, KEYS.enter, '1');
		await waitFor(() => frame(first).includes('draft saved'));
		const f = frame(first);
		expect(f).not.toMatch(/Previous actions ?\(?draft saved/);
		expect(f).toMatch(/step 2 of 7: Previous actions\s{3,}\(draft saved \d\d:\d\d\)|\n\s*\(draft saved \d\d:\d\d\)/);
		first.unmount();
		await new Promise(r => setTimeout(r, 100));
		// Reopened an hour later on the same machine day: "started today", never the machine's 28 Nov.
		const second = review(await openStore(file), {width: 60, rows: 30}, undefined, () => new Date('2026-11-28T10:00:00.000Z'));
		await ready(second);
		const g = await until(second, 'Resumed the draft started today, at step 2.');
		expect(g).not.toContain('2026-11-28');
	});
});
