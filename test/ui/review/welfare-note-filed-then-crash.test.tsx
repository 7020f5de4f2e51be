/**
 * Signing marks the waiting note as its review's BEFORE filing it (ui/review/review-notes.ts
 * fileAfterSigning), so when its copy cannot be removed after filing (a crash, a failed write) the copy
 * left is known filed by its review's id and dropped the next time notes are opened, never filed twice.
 * Since REVIEW-7 D5 an unmarked note is never taken for a filed one by its words (two cases of one officer
 * can carry the same short note), so without the mark first this copy would come back into the next
 * review and be filed again.
 */
import {rmSync} from 'node:fs';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {reviewContext} from '../../../source/domain/review/index.js';
import {StoreError} from '../../../source/store/errors.js';
import {openStore, readStoreFile, type Store} from '../../../source/store/store.js';
import {readWelfareDrafts} from '../../../source/store/welfare-drafts.js';
import {readWelfare} from '../../../source/store/welfare-file.js';
import {DeskStore} from '../../../source/ui/desk-store/desk-store.js';
import {SERGEANT_ACTOR} from '../../helpers/actor.js';
import {demoCopy} from '../../helpers/cli.js';
import {renderReview} from '../../helpers/review-screen.js';
import {signReview, toWelfareNote} from '../../helpers/review-welfare-steps.js';
import {press, ready, until} from './ink-keys.js';

const TODAY = '2026-11-30';
const REF = 'CR/88397/26';
const OIC = 'o0011';
const SERGEANT = 'o0002';
const NOW = () => new Date('2026-11-30T10:00:00.000Z');
const MARKER = 'SYNTHETIC-NOTE-MARKER-7055';
const dirs: string[] = [];

afterEach(() => {
	cleanup();
	vi.restoreAllMocks();
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

describe('a welfare note filed at signing whose waiting copy could not then be removed', () => {
	it('is left marked with its review, dropped as filed when a review next opens, and filed once', async () => {
		const {store: file, dir, welfare} = demoCopy();
		dirs.push(dir);
		const store = await openStore(file);
		// Every write to the drafts file after the note is filed fails, as if the desk had stopped there.
		let filed = false;
		const fileNote = DeskStore.prototype.fileNote;
		const changeNotes = DeskStore.prototype.changeNotes;
		vi.spyOn(DeskStore.prototype, 'fileNote').mockImplementation(async function (this: DeskStore, note) {
			await fileNote.call(this, note);
			filed = true;
		});
		vi.spyOn(DeskStore.prototype, 'changeNotes').mockImplementation(function (this: DeskStore, change) {
			if (filed) return Promise.reject(new StoreError('io', 'The drafts file could not be written (test).'));
			return changeNotes.call(this, change);
		});
		const app = mount(store);
		await toWelfareNote(app, reviewContext(store.snapshot(), REF, TODAY));
		await press(app, MARKER);
		await signReview(app);
		const f = await until(app, 'could not be removed', 30_000);
		expect(f).not.toContain(MARKER);
		const seq = (await readStoreFile(file, {chain: 'whole'})).data.chain
			.filter(e => e.kind === 'review' && e.data.caseRef === REF)
			.at(-1)!.seq;
		const left = await readWelfareDrafts(file);
		expect(left.map(n => [n.caseRef, n.forReview?.id])).toEqual([[REF, `wn-r${seq}`]]);
		app.unmount();
		vi.restoreAllMocks();
		// The next review opened (of this case, by its author): the copy is known filed by its id and goes, unseen.
		const again = mount(await openStore(file));
		await ready(again);
		await eventually(async () => (await readWelfareDrafts(file)).length === 0);
		expect(await readWelfareDrafts(file)).toEqual([]);
		expect((await readWelfare(welfare)).notes.filter(n => n.text === MARKER)).toEqual([
			{id: `wn-r${seq}`, officerId: OIC, date: TODAY, by: SERGEANT, text: MARKER},
		]);
	}, 90_000);
});
