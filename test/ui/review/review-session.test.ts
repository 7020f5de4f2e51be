/**
 * The guided review's session as a plain service (source/ui/review/review-session.ts), without Ink or
 * React: keys go in as the reducer's actions, the draft is saved through the desk's store (DeskStore), and
 * what it publishes is what the desk would show.
 */
import {afterEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {discardDraft} from '../../../source/domain/review/index.js';
import {openStore, readStoreFile} from '../../../source/store/store.js';
import {DeskStore} from '../../../source/ui/desk-store/desk-store.js';
import {openReview} from '../../../source/ui/review/open-review.js';
import {ReviewSession} from '../../../source/ui/review/review-session.js';
import type {KeyPress} from '../../../source/ui/text-area/text-area-keys.js';
import {flushPendingWrites} from '../../../source/ui/pending-writes.js';
import {SERGEANT_ACTOR} from '../../helpers/actor.js';
import {demoCopy} from '../../helpers/cli.js';
import {NO_KEYS} from '../../helpers/key-press.js';

const TODAY = '2026-11-30';
const REF = 'CR/88397/26';
const NOW = () => new Date('2026-11-30T10:00:00.000Z');
const ENTER: KeyPress = {...NO_KEYS, return: true};
const CTRL_X: KeyPress = {...NO_KEYS, ctrl: true};

const stops: (() => void)[] = [];
afterEach(async () => {
	for (const stop of stops.splice(0)) stop();
	await flushPendingWrites();
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await new Promise(r => setTimeout(r, 5));
	}
}

/** A session on a copy of the demo team, started as the screen starts it; `published` is what the desk was shown. */
async function session(file?: string) {
	const store =
		file === undefined ? new DeskStore(undefined, (await openStore(demoCopy().store)).snapshot()) : new DeskStore(await openStore(file));
	const published: StoreData[] = [];
	store.subscribe(d => published.push(d));
	const exits = {count: 0};
	const opened = openReview({store, data: store.snapshot(), caseRef: REF, today: TODAY, actor: SERGEANT_ACTOR, now: NOW});
	if (!opened.ok) throw new Error(opened.message);
	const s = new ReviewSession(opened.init, {
		store,
		caseRef: REF,
		today: TODAY,
		actor: SERGEANT_ACTOR,
		now: NOW,
		saveDelayMs: 20,
		onExit: () => exits.count++,
	});
	const stop = s.start();
	stops.push(stop);
	const key = (input: string, k: KeyPress = NO_KEYS) => s.dispatch({type: 'key', input, key: k});
	return {s, store, published, exits, key, stop};
}

describe('review session (no Ink)', () => {
	it('stores nothing until something is answered, then saves the draft after a pause and publishes it to the desk', async () => {
		const {store: file} = demoCopy();
		const {s, published, key} = await session(file);
		expect(s.view().saveStatus).toBe('not saved yet');
		// Leaving step 1 asks for a save at once, but nothing is answered yet: nothing is written.
		key('', ENTER);
		await s.save();
		expect((await readStoreFile(file)).data.drafts).toEqual([]);
		expect(published).toEqual([]);
		// Previous action 1 done: an answer; it is saved after the pause, and the desk is shown the draft.
		key('1');
		expect(s.view().saveStatus).toBe('saving...');
		await until(() => s.view().saveStatus.startsWith('draft saved'));
		expect((await readStoreFile(file)).data.drafts.map(d => d.caseRef)).toEqual([REF]);
		expect(published.at(-1)!.drafts.map(d => d.caseRef)).toEqual([REF]);
	});

	it('when another user removed the draft meanwhile: reloads their change, saves the draft on top and says so', async () => {
		const {store: file} = demoCopy();
		const {s, key} = await session(file);
		key('', ENTER);
		key('1');
		await until(() => s.view().saveStatus.startsWith('draft saved'));
		// Another desk (another process) discards this case's draft.
		const other = await openStore(file);
		await other.apply(d => discardDraft(d, REF, SERGEANT_ACTOR.officerId));
		key('\t');
		key('2');
		// Only the reviewer saves or removes their draft: said as their other session, by name (QA 6 D4).
		await until(() => s.current.notice?.startsWith('Your other session (a desk or command open as DS Brennan) changed') ?? false);
		await until(() => s.view().saveStatus.startsWith('draft saved'));
		expect((await readStoreFile(file)).data.drafts.map(d => d.caseRef)).toEqual([REF]);
	});

	it('leaving the screen keeps the answers and saves what was typed before the pause ran out', async () => {
		const {store: file} = demoCopy();
		const first = await session(file);
		first.key('', ENTER);
		first.key('1');
		first.stop();
		await flushPendingWrites();
		expect((await readStoreFile(file)).data.drafts.map(d => d.caseRef)).toEqual([REF]);
		// Coming back resumes the same answers.
		const again = openReview({
			store: first.store,
			data: first.store.snapshot(),
			caseRef: REF,
			today: TODAY,
			actor: SERGEANT_ACTOR,
			now: NOW,
		});
		expect(again.ok && again.init.draft.answers).toEqual(first.s.current.draft.answers);
	});

	it('discard asks first, then removes the draft, publishes the store without it and leaves', async () => {
		const {store: file} = demoCopy();
		const {s, key, exits, published} = await session(file);
		key('', ENTER);
		key('1');
		await until(() => s.view().saveStatus.startsWith('draft saved'));
		key('x', CTRL_X);
		expect(s.current.confirm).not.toBeNull();
		key('y');
		await until(() => exits.count === 1);
		expect((await readStoreFile(file)).data.drafts).toEqual([]);
		expect(published.at(-1)!.drafts).toEqual([]);
	});

	it('without a store: says nothing can be recorded, and keeps every answer', async () => {
		const {s, key, exits} = await session();
		expect(s.view().saveStatus).toBe('no store: not saved');
		key('', ENTER);
		key('1');
		key('x', CTRL_X);
		key('y');
		expect(s.current.notice).toBe('No store is open: nothing can be recorded.');
		expect(exits.count).toBe(0);
		expect(s.current.edits).toBeGreaterThan(0);
	});
});
