/**
 * The private welfare note in the guided review, on the ways it used to be lost or leaked: a wrong or
 * missing FORTNIGHT_WELFARE_KEY (the desk signed and said the note was kept when it was in no file; a
 * typed note went to the drafts file in clear), and a note left behind that was pre-filled into the next
 * review of the case by whoever did it. Note text here is an obviously synthetic marker.
 */
import {readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import lockfile from 'proper-lockfile';
import {afterEach, describe, expect, it} from 'vitest';
import {reviewContext} from '../../../source/domain/review/index.js';
import {openStore, readStoreFile, type Store} from '../../../source/store/store.js';
import {changeWelfareDrafts, readWelfareDrafts} from '../../../source/store/welfare-drafts.js';
import {readWelfare, WELFARE_KEY_ENV, writeWelfare} from '../../../source/store/welfare-file.js';
import {demoCopy} from '../../helpers/cli.js';
import {frame, KEYS, press, ready, until} from './ink-keys.js';
import {actorAs, SERGEANT_ACTOR} from '../../helpers/actor.js';
import {renderReview} from '../../helpers/review-screen.js';
import {signReview, toWelfareNote} from '../../helpers/review-welfare-steps.js';

const TODAY = '2026-11-30';
const REF = 'CR/88397/26';
const OIC = 'o0011';
const SERGEANT = 'o0002';
const COVER = 'o0006';
const NOW = () => new Date('2026-11-30T10:00:00.000Z');
const MARKER = 'SYNTHETIC-NOTE-MARKER-5281';

afterEach(() => {
	cleanup();
	delete process.env[WELFARE_KEY_ENV];
});

/** The review of REF by `actor` (the desk's officer: README "Who you are"). */
function mount(store: Store, actor = SERGEANT_ACTOR) {
	return renderReview({data: store.snapshot(), store, caseRef: REF, today: TODAY, actor, width: 100, rows: 60, saveDelayMs: 20, now: NOW});
}

/** Every byte of every file under `dir`: hidden temp files and lock folders included. */
function folderBytes(dir: string): string {
	let out = '';
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		out += statSync(full).isDirectory() ? folderBytes(full) : readFileSync(full, 'latin1');
	}
	return out;
}

/** Waits (up to 10 s on a loaded machine) for something written after the frame changed. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
	for (let i = 0; i < 400 && !(await check()); i++) await new Promise(r => setTimeout(r, 25));
}

/** Answers steps 1-5, ticks the check-in and puts focus in the note field, once the welfare file has been checked. */
const toNote = (app: ReturnType<typeof mount>, store: Store): Promise<string> =>
	toWelfareNote(app, reviewContext(store.snapshot(), REF, TODAY));
const sign = signReview;

/** The demo team with its welfare file encrypted under `passphrase`. */
async function encryptedTeam(passphrase: string) {
	const copy = demoCopy();
	await writeWelfare(copy.welfare, await readWelfare(copy.welfare), passphrase);
	return copy;
}

const reviewsOf = async (file: string) =>
	(await readStoreFile(file, {chain: 'whole'})).data.chain.filter(e => e.kind === 'review' && e.data.caseRef === REF).length;

/** The seq of the last signed review of REF. */
const lastReviewSeq = async (file: string) =>
	(await readStoreFile(file, {chain: 'whole'})).data.chain.filter(e => e.kind === 'review' && e.data.caseRef === REF).at(-1)!.seq;

/** Another process holds the welfare file's lock (and keeps it fresh) past the 15 s a writer waits: no note can be filed. */
const holdWelfare = (welfare: string) => lockfile.lock(welfare, {realpath: false, stale: 10_000, update: 1_000});

/** The review signed with MARKER as its note while the welfare file could not be written: the note is left waiting. */
async function signUnfiled(store: Store, welfare: string): Promise<ReturnType<typeof mount>> {
	const app = mount(store);
	await toNote(app, store);
	await press(app, MARKER);
	const release = await holdWelfare(welfare);
	try {
		await sign(app);
		await until(app, 'could not be moved to the welfare file', 40_000);
	} finally {
		await release();
	}
	return app;
}

describe('welfare note: a wrong FORTNIGHT_WELFARE_KEY', () => {
	it('when the key no longer opens the welfare file at signing: not signed, the reason under the note, answers, draft and note kept', async () => {
		const {dir, store: file, welfare} = await encryptedTeam('first passphrase');
		process.env[WELFARE_KEY_ENV] = 'first passphrase';
		const store = await openStore(file);
		const before = await reviewsOf(file);
		const app = mount(store);
		await toNote(app, store);
		await press(app, MARKER);
		await eventually(async () => (await readWelfareDrafts(file, 'first passphrase')).length > 0);
		// Meanwhile the welfare file is re-keyed by someone else: this desk's key no longer opens it.
		const notes = await readWelfare(welfare, 'first passphrase');
		rmSync(welfare);
		await writeWelfare(welfare, notes, 'second passphrase');

		await sign(app);
		const f = await until(app, 'Not signed: the welfare note cannot be kept (see step 6)', 20_000);
		expect(f).toContain('step 6 of 7: Welfare');
		expect(f.replace(/\s+/g, ' ')).toContain('FORTNIGHT_WELFARE_KEY does not open');
		expect(f.replace(/\s+/g, ' ')).toContain('Clear the note to sign without it; every answer and the draft are kept.');
		expect(f).toContain(MARKER);
		expect(f).not.toMatch(/Signed: review/);
		// Nothing recorded; the draft and the note are where they were.
		expect(await reviewsOf(file)).toBe(before);
		expect((await readStoreFile(file)).data.drafts.map(d => d.caseRef)).toEqual([REF]);
		expect((await readWelfareDrafts(file, 'first passphrase')).map(n => [n.caseRef, n.by, n.text])).toEqual([[REF, SERGEANT, MARKER]]);
		expect(folderBytes(dir)).not.toContain(MARKER);
	}, 90_000);

	it('when the key never opened it: the note field says why and takes no typing; the review still signs without a note', async () => {
		const {dir, store: file} = await encryptedTeam('team passphrase');
		process.env[WELFARE_KEY_ENV] = 'not the team passphrase';
		const store = await openStore(file);
		const app = mount(store);
		let f = await toNote(app, store);
		expect(f.replace(/\s+/g, ' ')).toContain('FORTNIGHT_WELFARE_KEY does not open');
		await press(app, MARKER);
		f = frame(app);
		expect(f).not.toContain(MARKER);
		await sign(app);
		await until(app, /Signed: review of CR\/88397\/26 is entry \d+/, 20_000);
		expect(folderBytes(dir)).not.toContain(MARKER);
	}, 90_000);
	it(
		'when filing fails after the signature: says the note is kept only because it is read back from the drafts file, and gives it back to ' +
			'its author',
		async () => {
			const {store: file, welfare} = demoCopy();
			const store = await openStore(file);
			const app = mount(store);
			await toNote(app, store);
			await press(app, MARKER);
			// Another process holds the welfare file's lock (and keeps it fresh) past the 15 s a writer waits.
			const release = await lockfile.lock(welfare, {realpath: false, stale: 10_000, update: 1_000});
			try {
				await sign(app);
				await until(app, /Signed: review of CR\/88397\/26 is entry \d+/, 20_000);
				const f = await until(app, 'could not be moved to the welfare file', 30_000);
				expect(f.replace(/\s+/g, ' ')).toMatch(
					/it is kept in \S*team\.welfare-drafts\.json and will be filed with this review the next time you open or sign a review of this case\./,
				);
			} finally {
				await release();
			}
			expect((await readWelfare(welfare)).notes.some(n => n.text === MARKER)).toBe(false);
			expect((await readWelfareDrafts(file)).map(n => [n.caseRef, n.by, n.text])).toEqual([[REF, SERGEANT, MARKER]]);
			app.unmount();
			// The welfare file takes notes again: the next review of the case by the same sergeant files it with the signed review, and says so.
			const again = mount(store);
			await ready(again);
			const f = await until(again, 'it is filed now, with that review', 30_000);
			expect(f).not.toContain(MARKER);
			await eventually(async () => (await readWelfareDrafts(file)).length === 0);
			expect(await readWelfareDrafts(file)).toEqual([]);
			expect((await readWelfare(welfare)).notes.filter(n => n.text === MARKER)).toEqual([
				{id: `wn-r${await lastReviewSeq(file)}`, officerId: OIC, date: TODAY, by: SERGEANT, text: MARKER},
			]);
		},
		90_000,
	);
});

describe('welfare note: a team whose welfare file is encrypted', () => {
	it('with no key set: the note field refuses input with the reason, and no file in the folder ever holds the note', async () => {
		const {dir, store: file} = await encryptedTeam('team passphrase');
		const store = await openStore(file);
		const app = mount(store);
		await toNote(app, store);
		await press(app, MARKER, KEYS.shiftTab);
		// Past the save delay and a field change (which saves at once): the marker is in no file.
		await new Promise(r => setTimeout(r, 300));
		expect(folderBytes(dir)).not.toContain(MARKER);
		await press(app, KEYS.tab);
		const f = frame(app);
		expect(f.replace(/\s+/g, ' ')).toContain('is encrypted and FORTNIGHT_WELFARE_KEY is not set, so no welfare note can be kept');
		expect(f).not.toContain(MARKER);
		await sign(app);
		await until(app, /Signed: review of CR\/88397\/26 is entry \d+/, 20_000);
		expect(folderBytes(dir)).not.toContain(MARKER);
	}, 90_000);

	it('with its key set: the note waits encrypted, is filed at signing, and nothing of it stays in the drafts file', async () => {
		const {dir, store: file, welfare} = await encryptedTeam('team passphrase');
		process.env[WELFARE_KEY_ENV] = 'team passphrase';
		const store = await openStore(file);
		const app = mount(store);
		await toNote(app, store);
		await press(app, MARKER);
		await eventually(async () => (await readWelfareDrafts(file)).length > 0);
		expect((await readWelfareDrafts(file)).map(n => n.text)).toEqual([MARKER]);
		expect(folderBytes(dir)).not.toContain(MARKER);
		await sign(app);
		await until(app, /Signed: review of CR\/88397\/26 is entry \d+/, 20_000);
		await eventually(async () => (await readWelfareDrafts(file)).length === 0);
		expect(await readWelfareDrafts(file)).toEqual([]);
		expect((await readWelfare(welfare)).notes.at(-1)).toMatchObject({officerId: OIC, by: SERGEANT, text: MARKER});
		expect(folderBytes(dir)).not.toContain(MARKER);
	}, 90_000);
});

describe('welfare note: a note left behind', () => {
	it('is offered back to its author only, says what it is, and is never seen by or filed under another person\u2019s review of the case', async () => {
		const {store: file, welfare} = demoCopy();
		const store = await openStore(file);
		// DS Brennan's note on the case was not filed (a crash, or a key problem, after signing on 27 Nov).
		const left = {caseRef: REF, by: SERGEANT, officerId: OIC, date: '2026-11-27', text: MARKER, updatedAt: '2026-11-27T16:00:00.000Z'};
		await changeWelfareDrafts(file, notes => [...notes, left]);
		// Today DS Brennan is away and DC Marsh covers: she opens the review at her desk (--as DC Marsh).
		const away = {
			id: 'abT1',
			officerId: SERGEANT,
			from: TODAY,
			to: '2026-12-04',
			reason: 'annual-leave' as const,
			coverOfficerId: COVER,
			recordedAt: '2026-11-29T09:00:00.000Z',
			recordedBy: SERGEANT,
		};
		await store.apply(d => ({...d, absences: [...d.absences, away]}));

		const cover = mount(store, actorAs(COVER));
		let f = await toNote(cover, store);
		expect(f).not.toContain(MARKER);
		expect(f).not.toContain('was not filed');
		await press(cover, 'SYNTHETIC-COVER-NOTE');
		await sign(cover);
		await until(cover, /Signed: review of CR\/88397\/26 is entry \d+/);
		let notes: Awaited<ReturnType<typeof readWelfare>>['notes'] = [];
		await eventually(async () => (notes = (await readWelfare(welfare)).notes).some(n => n.text === 'SYNTHETIC-COVER-NOTE'));
		expect(notes.at(-1)).toMatchObject({by: COVER, officerId: OIC, text: 'SYNTHETIC-COVER-NOTE'});
		expect(notes.some(n => n.text.includes(MARKER))).toBe(false);
		// The sergeant's note is still waiting for the sergeant (once the cover's own filed note has left the file).
		await eventually(async () => !(await readWelfareDrafts(file)).some(n => n.by === COVER));
		expect((await readWelfareDrafts(file)).map(n => [n.by, n.text])).toEqual([[SERGEANT, MARKER]]);
		cover.unmount();

		// Back at work: the sergeant's next review of the case gets it back, and says what it is.
		await store.apply(d => ({...d, absences: d.absences.filter(a => a.id !== 'abT1')}));
		const mine = mount(store);
		await ready(mine);
		f = await until(mine, 'was not filed');
		expect(f.replace(/\s+/g, ' ')).toContain(
			'A welfare note you wrote on 27 Nov for this case was not filed; it is restored here in step 6',
		);
		f = await toNote(mine, store);
		expect(f).toContain(MARKER);
		await sign(mine);
		await until(mine, /Signed: review of CR\/88397\/26 is entry \d+/);
		await eventually(async () => (await readWelfareDrafts(file)).length === 0);
		expect(await readWelfareDrafts(file)).toEqual([]);
		expect((await readWelfare(welfare)).notes.at(-1)).toMatchObject({by: SERGEANT, officerId: OIC, text: MARKER});
	}, 90_000);
});

describe('welfare note: a note its signed review could not file (QA: deleted by discarding the next review)', () => {
	it('is not put into the next review, survives its discard, and is filed with its own review once the welfare file takes notes', async () => {
		const {store: file, welfare} = demoCopy();
		const store = await openStore(file);
		const first = await signUnfiled(store, welfare);
		const signedSeq = await lastReviewSeq(file);
		first.unmount();
		const waiting = [[REF, SERGEANT, MARKER]];
		expect((await readWelfareDrafts(file)).map(n => [n.caseRef, n.by, n.text])).toEqual(waiting);
		// Why it waits is kept with it, as a kind only (`fortnight welfare pending` says it), never the error's words.
		const failedAt = (await readWelfareDrafts(file))[0]!.lastError;
		expect(failedAt?.kind).toBe('locked');
		expect(Object.keys(failedAt!).sort()).toEqual(['at', 'kind']);

		await changeWelfareDrafts(file, notes => notes.map(({lastError: _kept, ...n}) => n));

		// Still unwritable when the next review opens: it says so, keeps the note out of this review, and discarding this review keeps it.
		const release = await holdWelfare(welfare);
		const next = mount(store);
		try {
			await ready(next);
			const f = (await until(next, 'is still not filed', 40_000)).replace(/\s+/g, ' ');
			expect(f).toContain('The welfare note you wrote with your review of this case signed on 30 Nov is still not filed');
			expect(f).not.toContain(MARKER);
			expect(f).not.toContain('restored here in step 6');
			// The failure when it was tried again is recorded too (its record was taken off before this review opened).
			expect((await readWelfareDrafts(file))[0]?.lastError?.kind).toBe('locked');
		} finally {
			await release();
		}
		await press(next, KEYS.ctrlX);
		await until(next, 'Discard this draft?');
		await press(next, 'y');
		await eventually(async () => (await readStoreFile(file)).data.drafts.length === 0);
		expect((await readWelfareDrafts(file)).map(n => [n.caseRef, n.by, n.text])).toEqual(waiting);
		expect((await readWelfare(welfare)).notes.some(n => n.text === MARKER)).toBe(false);
		next.unmount();

		// Writable again: the next review files it with the review of 30 Nov, and it leaves the drafts file.
		const third = mount(store);
		await ready(third);
		const filedNow = (await until(third, 'it is filed now, with that review', 30_000)).replace(/\s+/g, ' ');
		expect(filedNow).toContain(
			'The welfare note you wrote with your review of this case signed on 30 Nov could not be filed then; it is filed now',
		);
		await eventually(async () => (await readWelfareDrafts(file)).length === 0);
		expect(await readWelfareDrafts(file)).toEqual([]);
		expect((await readWelfare(welfare)).notes.filter(n => n.text === MARKER)).toEqual([
			{id: `wn-r${signedSeq}`, officerId: OIC, date: TODAY, by: SERGEANT, text: MARKER},
		]);
	}, 180_000);

	it('is filed at the next signing when the welfare file takes notes again by then', async () => {
		const {store: file, welfare} = demoCopy();
		const store = await openStore(file);
		const first = await signUnfiled(store, welfare);
		const signedSeq = await lastReviewSeq(file);
		first.unmount();
		const release = await holdWelfare(welfare);
		const next = mount(store);
		try {
			await ready(next);
			await until(next, 'is still not filed', 40_000);
		} finally {
			await release();
		}
		await toNote(next, store);
		await sign(next);
		const f = await until(next, 'it is filed now, with that review', 30_000);
		expect(f).not.toContain(MARKER);
		await eventually(async () => (await readWelfareDrafts(file)).length === 0);
		expect((await readWelfare(welfare)).notes.filter(n => n.text === MARKER)).toEqual([
			{id: `wn-r${signedSeq}`, officerId: OIC, date: TODAY, by: SERGEANT, text: MARKER},
		]);
	}, 180_000);
});

describe('welfare note: a note R1 could not file, on a store holding each case\u2019s last review only (REVIEW-6 D9)', () => {
	it('survives R2 signed with its own note, and is filed under R1\u2019s id, not deleted or taken as R2\u2019s', async () => {
		const {store: file, welfare} = demoCopy();
		const store = await openStore(file, {chain: 'state'});
		const first = await signUnfiled(store, welfare);
		const r1 = await lastReviewSeq(file);
		first.unmount();
		expect((await readWelfareDrafts(file)).map(n => n.forReview)).toEqual([{seq: r1, id: `wn-r${r1}`, date: TODAY}]);
		const release = await holdWelfare(welfare);
		const next = mount(store);
		try {
			await ready(next);
			await until(next, 'is still not filed', 40_000);
		} finally {
			await release();
		}
		const second = 'SYNTHETIC-NOTE-MARKER-R2-7730';
		await toNote(next, store);
		await press(next, second);
		await sign(next);
		await until(next, 'it is filed now, with that review', 30_000);
		const r2 = await lastReviewSeq(file);
		expect(store.snapshot().chain.some(e => e.seq === r1)).toBe(false);
		await eventually(async () => (await readWelfareDrafts(file)).length === 0);
		expect(await readWelfareDrafts(file)).toEqual([]);
		const filed = (await readWelfare(welfare)).notes.filter(n => n.text === MARKER || n.text === second);
		expect(filed.map(n => [n.id, n.text]).sort()).toEqual(
			[
				[`wn-r${r1}`, MARKER],
				[`wn-r${r2}`, second],
			].sort(),
		);
	}, 180_000);
});

describe('welfare note: a note left behind, put back in a review that is then discarded', () => {
	it('goes back to waiting as it was (edited or not), and the discard confirmation says so', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const left = {caseRef: REF, by: SERGEANT, officerId: OIC, date: '2026-11-27', text: MARKER, updatedAt: '2026-11-27T16:00:00.000Z'};
		await changeWelfareDrafts(file, notes => [...notes, left]);
		const app = mount(store);
		await ready(app);
		await until(app, 'restored here in step 6');
		const f = await toNote(app, store);
		expect(f).toContain(MARKER);
		await press(app, ' SYNTHETIC-EDIT');
		await eventually(async () => (await readWelfareDrafts(file)).some(n => n.text.includes('SYNTHETIC-EDIT')));
		await press(app, KEYS.ctrlX);
		const confirm = (await until(app, 'Discard this draft?')).replace(/\s+/g, ' ');
		expect(confirm).toContain(
			'The welfare note from 27 Nov restored in step 6 is not deleted: it goes back to waiting for you, as it was.',
		);
		await press(app, 'y');
		await eventually(async () => !(await readWelfareDrafts(file)).some(n => n.text.includes('SYNTHETIC-EDIT')));
		expect(await readWelfareDrafts(file)).toEqual([left]);
	}, 90_000);
});
