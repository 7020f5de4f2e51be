/**
 * REVIEW-6 D2, D4, D9: a waiting welfare note is filed with a signed review only when that review's signing
 * marked it as its own (README "Welfare notes"), never by inference from the chain, which on PostgreSQL and the
 * split-chain file store holds each case's last review only (domain/chain-working-set.ts).
 */
import {describe, expect, it} from 'vitest';
import {chainWorkingSet} from '../../../source/domain/chain-working-set.js';
import {filedWithItsReview, withNoteMarkedFor, withOwnPendingNote} from '../../../source/domain/review/index.js';
import type {PendingNote} from '../../../source/domain/review/index.js';
import type {StoreData} from '../../../source/domain/model.js';
import {loadDemo, OVERDUE_REF, SERGEANT} from './fixtures.js';

const OIC = 'o0011';
const owner = {caseRef: OVERDUE_REF, reviewerId: SERGEANT, replacing: [OIC]};

/** The demo with reviews of the overdue case by the sergeant about OIC signed at these instants (days). */
function withReviews(...signed: [at: string, date: string][]): {data: StoreData; seqs: number[]} {
	const data = loadDemo();
	const last = data.chain.filter(e => e.kind === 'review' && e.data.caseRef === OVERDUE_REF).at(-1)!;
	const added = signed.map(
		([at, date], i) =>
			({
				...last,
				seq: data.chain.length + i,
				signedAt: at,
				data: {...last.data, reviewerId: SERGEANT, oicId: OIC, date},
			}) as (typeof data.chain)[number],
	);
	return {data: {...data, chain: [...data.chain, ...added]}, seqs: added.map(e => e.seq)};
}

const pending = (over: Partial<PendingNote>): PendingNote => ({
	caseRef: OVERDUE_REF,
	by: SERGEANT,
	officerId: OIC,
	date: '2026-12-01',
	text: 'made-up words for a test',
	updatedAt: '2026-12-01T09:00:00.000Z',
	...over,
});

describe('D2: a note no signed review carried is never filed with one', () => {
	it('a note discarded while the welfare file was locked is not taken as a later review signed without it, and a discard still removes it', () => {
		const {data} = withReviews(['2026-12-03T10:00:00.000Z', '2026-12-03']);
		const discarded = pending({text: 'discarded made-up words'});
		expect(filedWithItsReview(discarded, data)).toBeNull();
		expect(withOwnPendingNote([discarded], data, owner, null)).toEqual([]);
	});
	it('a drafts file written before marks existed loads its notes as leftovers (no review of theirs)', () => {
		const {data} = withReviews(['2026-12-03T10:00:00.000Z', '2026-12-03']);
		const old = JSON.parse(JSON.stringify(pending({}))) as PendingNote;
		expect(old.forReview).toBeUndefined();
		expect(filedWithItsReview(old, data)).toBeNull();
	});
});

describe('D4: two waiting notes are never filed under one id', () => {
	it('a review marks at most one note; a second note with the same words stays unmarked (a leftover)', () => {
		const {data, seqs} = withReviews(['2026-12-03T10:00:00.000Z', '2026-12-03']);
		const mark = {seq: seqs[0]!, id: `wn-r${seqs[0]}`, date: '2026-12-03'};
		const a = pending({text: 'first made-up note'});
		const b = pending({text: 'second made-up note', updatedAt: '2026-12-02T09:00:00.000Z'});
		const once = withNoteMarkedFor([a, b], data, {...owner, officerId: OIC}, a.text, mark);
		const twice = withNoteMarkedFor(once, data, {...owner, officerId: OIC}, b.text, mark);
		expect(twice.filter(n => n.forReview !== undefined)).toHaveLength(1);
		expect(filedWithItsReview(twice[0]!, data)!.id).toBe(mark.id);
		expect(filedWithItsReview(twice[1]!, data)).toBeNull();
	});
});

describe('D9: on a working-set store the note stays its own review\u2019s', () => {
	it('a note R1 could not file is filed as R1\u2019s (id and day) whether the chain is whole or the last review only', () => {
		const {data, seqs} = withReviews(['2026-11-20T10:00:00.000Z', '2026-11-20'], ['2026-12-04T10:00:00.000Z', '2026-12-04']);
		const [r1] = seqs;
		const n1 = pending({
			date: '2026-11-20',
			updatedAt: '2026-11-20T09:59:00.000Z',
			forReview: {seq: r1!, id: `wn-r${r1}`, date: '2026-11-20'},
		});
		const working = {...data, chain: chainWorkingSet(data.chain)};
		expect(working.chain.some(e => e.seq === r1)).toBe(false);
		for (const d of [data, working]) expect(filedWithItsReview(n1, d)).toMatchObject({id: `wn-r${r1}`, date: '2026-11-20'});
	});
	it('the clear after R2 is filed keeps the note R1 could not file, on the working set too', () => {
		const {data, seqs} = withReviews(['2026-11-20T10:00:00.000Z', '2026-11-20'], ['2026-12-04T10:00:00.000Z', '2026-12-04']);
		const [r1] = seqs;
		const n1 = pending({
			date: '2026-11-20',
			updatedAt: '2026-11-20T09:59:00.000Z',
			forReview: {seq: r1!, id: `wn-r${r1}`, date: '2026-11-20'},
		});
		const n2 = pending({date: '2026-12-04', text: 'R2 made-up note', updatedAt: '2026-12-04T09:59:00.000Z'});
		for (const d of [data, {...data, chain: chainWorkingSet(data.chain)}]) {
			expect(withOwnPendingNote([n1, n2], d, owner, null)).toEqual([n1]);
		}
	});
});
