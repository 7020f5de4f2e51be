/**
 * REVIEW-7 D12: a note left behind (its signed review could neither file nor mark it, or a crash came
 * first) is put back into its author's next review of the case, and a discard of that review puts it back
 * waiting as it was. That was remembered only by the screen that restored it: once the review was closed
 * and opened again (its draft saved, or the desk restarted), the discard deleted the leftover too. The
 * restoration is now kept in the waiting note itself (domain/review/pending-note.ts `restored`).
 */
import {rmSync} from 'node:fs';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {reviewContext} from '../../../source/domain/review/index.js';
import {openStore, readStoreFile, type Store} from '../../../source/store/store.js';
import {changeWelfareDrafts, readWelfareDrafts} from '../../../source/store/welfare-drafts.js';
import {SERGEANT_ACTOR} from '../../helpers/actor.js';
import {demoCopy} from '../../helpers/cli.js';
import {renderReview} from '../../helpers/review-screen.js';
import {toWelfareNote} from '../../helpers/review-welfare-steps.js';
import {KEYS, press, ready, until} from './ink-keys.js';

const TODAY = '2026-11-30';
const REF = 'CR/88397/26';
const OIC = 'o0011';
const SERGEANT = 'o0002';
const NOW = () => new Date('2026-11-30T10:00:00.000Z');
const MARKER = 'SYNTHETIC-NOTE-MARKER-7012';
const dirs: string[] = [];

afterEach(() => {
	cleanup();
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

const mount = (store: Store) =>
	renderReview({
		data: store.snapshot(),
		store,
		caseRef: REF,
		today: TODAY,
		actor: SERGEANT_ACTOR,
		width: 100,
		rows: 60,
		saveDelayMs: 20,
		now: NOW,
	});

async function eventually(check: () => Promise<boolean>): Promise<void> {
	for (let i = 0; i < 400 && !(await check()); i++) await new Promise(r => setTimeout(r, 25));
}

describe('a welfare note left behind, restored into a review that is closed, reopened and discarded', () => {
	it('goes back to waiting as it was, and the reopened review’s discard confirmation says so (old code: deleted)', async () => {
		const {store: file, dir} = demoCopy();
		dirs.push(dir);
		expect(path.dirname(file)).toBe(dir);
		const store = await openStore(file);
		const left = {caseRef: REF, by: SERGEANT, officerId: OIC, date: '2026-11-27', text: MARKER, updatedAt: '2026-11-27T16:00:00.000Z'};
		await changeWelfareDrafts(file, notes => [...notes, left]);
		const first = mount(store);
		await ready(first);
		await until(first, 'restored here in step 6');
		await toWelfareNote(first, reviewContext(store.snapshot(), REF, TODAY));
		await press(first, ' SYNTHETIC-EDIT');
		await eventually(async () => (await readWelfareDrafts(file)).some(n => n.text.includes('SYNTHETIC-EDIT')));
		await eventually(async () => (await readStoreFile(file)).data.drafts.some(d => d.caseRef === REF));
		expect((await readStoreFile(file)).data.drafts.some(d => d.caseRef === REF)).toBe(true);
		first.unmount();
		// The same review opened again (the desk restarted): its draft is resumed, the edited note with it.
		const again = mount(await openStore(file));
		await ready(again);
		// The note field is filled once the welfare file is opened (asynchronously): only then is there a note to discard.
		await until(again, 'SYNTHETIC-EDIT');
		await press(again, KEYS.ctrlX);
		const confirm = (await until(again, 'Discard this draft?')).replace(/\s+/g, ' ');
		expect(confirm).toContain(
			'The welfare note from 27 Nov restored in step 6 is not deleted: it goes back to waiting for you, as it was.',
		);
		await press(again, 'y');
		await eventually(async () => !(await readWelfareDrafts(file)).some(n => n.text.includes('SYNTHETIC-EDIT')));
		expect(await readWelfareDrafts(file)).toEqual([left]);
	}, 120_000);

	it('opened and left untouched, then opened again and discarded: goes back as it was, its day kept', async () => {
		const {store: file, dir} = demoCopy();
		dirs.push(dir);
		const left = {caseRef: REF, by: SERGEANT, officerId: OIC, date: '2026-11-27', text: MARKER, updatedAt: '2026-11-27T16:00:00.000Z'};
		await changeWelfareDrafts(file, notes => [...notes, left]);
		const first = mount(await openStore(file));
		await ready(first);
		await until(first, 'restored here in step 6');
		await eventually(async () => (await readWelfareDrafts(file)).some(n => n.restored !== undefined));
		first.unmount();
		const again = mount(await openStore(file));
		await ready(again);
		const f = (await until(again, 'restored here in step 6')).replace(/\s+/g, ' ');
		expect(f).toContain('A welfare note you wrote on 27 Nov for this case was not filed');
		await toWelfareNote(again, reviewContext((await openStore(file)).snapshot(), REF, TODAY));
		await press(again, KEYS.ctrlX);
		const confirm = (await until(again, 'Discard this draft?')).replace(/\s+/g, ' ');
		expect(confirm).toContain('The welfare note from 27 Nov restored in step 6 is not deleted');
		await press(again, 'y');
		await eventually(async () => (await readWelfareDrafts(file)).every(n => n.restored === undefined));
		expect(await readWelfareDrafts(file)).toEqual([left]);
	}, 120_000);
});
