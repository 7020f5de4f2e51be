/**
 * REVIEW-7 D5: a waiting welfare note was dropped as "already filed" when any filed note by the same author
 * about the same officer had the same words. The welfare file keeps no case, so the same short note on two
 * cases of one officer reviewed the same day looked filed, and opening any review deleted the second case's
 * note. Now only a note marked with its review's id (signing marks it before filing) is known filed, by that
 * id (domain/review/pending-note.ts isFiled); on both stores (store/welfare-drafts.ts openWelfareDrafts).
 */
import {rmSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {isFiled} from '../../source/domain/review/pending-note.js';
import {changeWelfareDrafts, openWelfareDrafts, readWelfareDrafts, type PendingWelfareNote} from '../../source/store/welfare-drafts.js';
import {isPostgresUrl} from '../../source/store/pg-url.js';
import {demoData} from '../helpers/demo.js';
import {storeKinds} from '../helpers/store-kinds.js';

const TODAY = '2026-11-30';
const MARKER = 'SYNTHETIC-NOTE-MARKER-7005';
const BRENNAN = 'o0002';
const IQBAL = 'o0004';

for (const kind of storeKinds('welfare_same_words')) {
	describe.skipIf(kind.skip)(`waiting welfare notes with a filed note's words, ${kind.name}`, () => {
		const made: string[] = [];
		beforeAll(() => kind.setup(), 120_000);
		afterAll(async () => {
			for (const s of made) if (!isPostgresUrl(s)) rmSync(path.dirname(s), {recursive: true, force: true});
			await kind.teardown();
		});

		const data = demoData();
		const [caseA, caseB] = data.cases.filter(c => c.oicId === IQBAL);
		// Signed today on case A, its note filed under that review's id (the welfare file has no case reference).
		const filedA = {id: 'wn-a', officerId: IQBAL, date: TODAY, by: BRENNAN, text: MARKER};
		const waiting = (over: Partial<PendingWelfareNote> = {}): PendingWelfareNote => ({
			caseRef: caseB!.ref,
			by: BRENNAN,
			officerId: IQBAL,
			date: TODAY,
			text: MARKER,
			updatedAt: `${TODAY}T10:00:00.000Z`,
			...over,
		});
		const store = async (notes: PendingWelfareNote[]) => {
			const s = await kind.make(data, [filedA]);
			made.push(s);
			await changeWelfareDrafts(s, all => [...all, ...notes]);
			return s;
		};
		const opened = async (s: string) => {
			const access = await openWelfareDrafts(s, (p, n) => isFiled(p, n, data));
			return access.ok ? access.pending.map(p => p.caseRef) : access.reason;
		};

		it("keeps the unsigned review's note on another case of the officer with the same words (old code: deleted)", async () => {
			expect(caseA!.ref).not.toBe(caseB!.ref);
			const s = await store([waiting()]);
			expect(await opened(s)).toEqual([caseB!.ref]);
			expect((await readWelfareDrafts(s)).map(p => p.caseRef)).toEqual([caseB!.ref]);
		}, 60_000);

		it('drops a note marked with the id it was filed under (a crash after filing), and keeps one marked for another review', async () => {
			const crashed = waiting({caseRef: caseA!.ref, forReview: {seq: 9, id: 'wn-a', date: TODAY}});
			const other = waiting({forReview: {seq: 10, id: 'wn-b', date: TODAY}});
			const s = await store([crashed, other]);
			expect(await opened(s)).toEqual([caseB!.ref]);
			expect((await readWelfareDrafts(s)).map(p => p.forReview?.id)).toEqual(['wn-b']);
		}, 60_000);
	});
}
