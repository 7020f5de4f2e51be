import {describe, expect, it} from 'vitest';
import {
	filedWithItsReview,
	isFiled,
	ownPendingNotes,
	pendingNoteAuthor,
	returnedNote,
	signedReviewOf,
	withOwnPendingNote,
} from '../../../source/domain/review/index.js';
import type {PendingNote} from '../../../source/domain/review/index.js';
import {loadDemo, OVERDUE_REF, SERGEANT, TODAY} from './fixtures.js';

const COVER = 'o0006';
const OIC = 'o0011'; // DC Doyle holds the overdue case
const MARKER = 'SYNTHETIC-NOTE-MARKER-0925';
const note = (over: Partial<PendingNote> = {}): PendingNote => ({
	caseRef: OVERDUE_REF,
	by: SERGEANT,
	officerId: OIC,
	date: '2026-11-25',
	text: MARKER,
	updatedAt: '2026-11-25T09:00:00.000Z',
	...over,
});
const draftBy = (reviewerId: string) => ({
	caseRef: OVERDUE_REF,
	reviewerId,
	startedAt: '2026-11-30T08:00:00.000Z',
	updatedAt: '2026-11-30T09:00:00.000Z',
	step: 5,
	answers: {},
});
const nameOf = (id: string) => (id === OIC ? 'DC Doyle' : id);

describe('a pending welfare note belongs to its author and its case', () => {
	it('is offered to its author only, never to another reviewer of the same case', () => {
		const data = loadDemo();
		const notes = [note(), note({by: COVER, text: 'cover note'}), note({caseRef: 'CR/49525/26', text: 'other case'})];
		expect(ownPendingNotes(notes, data, OVERDUE_REF, SERGEANT).map(n => n.text)).toEqual([MARKER]);
		expect(ownPendingNotes(notes, data, OVERDUE_REF, COVER).map(n => n.text)).toEqual(['cover note']);
		expect(ownPendingNotes(notes, data, OVERDUE_REF, 'o0001')).toEqual([]);
	});

	it('a note saved before authors were recorded belongs to the first review signed after it, else the case’s draft', () => {
		const data = loadDemo();
		const legacy = note({by: null, updatedAt: '2026-11-30T09:00:00.000Z'});
		// Nothing signed since, no draft: nobody's (it is never offered to a stranger).
		expect(pendingNoteAuthor(legacy, data)).toBeNull();
		expect(pendingNoteAuthor(legacy, {...data, drafts: [draftBy(SERGEANT)]})).toBe(SERGEANT);
		// The sergeant signed at 09:05 and the note was not moved; a cover's later review and draft do not make it theirs.
		const review = (reviewerId: string, signedAt: string) => {
			const last = data.chain.filter(e => e.kind === 'review' && e.data.caseRef === OVERDUE_REF).at(-1)!;
			return {...last, seq: data.chain.length, signedAt, data: {...last.data, reviewerId}} as (typeof data.chain)[number];
		};
		const chain = [...data.chain, review(SERGEANT, '2026-11-30T09:05:00.000Z'), review(COVER, '2026-12-02T09:00:00.000Z')];
		const signed = {...data, chain, drafts: [draftBy(COVER)]};
		expect(pendingNoteAuthor(legacy, signed)).toBe(SERGEANT);
		expect(ownPendingNotes([legacy], signed, OVERDUE_REF, COVER)).toEqual([]);
		expect(withOwnPendingNote([legacy], signed, {caseRef: OVERDUE_REF, reviewerId: COVER, replacing: [OIC]}, null)).toEqual([legacy]);
	});

	it('saving or clearing a note touches only the author\u2019s own on that case, about the officers named', () => {
		const data = loadDemo();
		const theirs = note({by: COVER, text: 'cover note'});
		const earlierOfficer = note({officerId: 'o0009', text: 'about the officer before'});
		const start = [note(), theirs, earlierOfficer];
		const owner = {caseRef: OVERDUE_REF, reviewerId: SERGEANT, replacing: [OIC]};
		const saved = withOwnPendingNote(start, data, owner, {
			officerId: OIC,
			date: TODAY,
			text: 'new text',
			updatedAt: '2026-11-30T10:00:00.000Z',
		});
		expect(saved.map(n => [n.by, n.officerId, n.text])).toEqual([
			[COVER, OIC, 'cover note'],
			[SERGEANT, 'o0009', 'about the officer before'],
			[SERGEANT, OIC, 'new text'],
		]);
		expect(withOwnPendingNote(saved, data, owner, null)).toEqual([theirs, earlierOfficer]);
	});

	it('says what a restored note is, with the day it was written; a resumed draft\u2019s own note comes back without comment', () => {
		const data = loadDemo();
		const stranded = returnedNote([note()], data, OVERDUE_REF, SERGEANT, TODAY, nameOf);
		expect(stranded.text).toBe(MARKER);
		expect(stranded.words).toBe(
			'A welfare note you wrote on 25 Nov for this case was not filed; it is restored here in step 6: sign to file it with this review, or clear it.',
		);
		const resumed = {...data, drafts: [draftBy(SERGEANT)]};
		expect(returnedNote([note()], resumed, OVERDUE_REF, SERGEANT, TODAY, nameOf)).toEqual({text: MARKER, words: null});
		// About an officer who no longer holds the case: not put into this review (it would be filed under DC Doyle).
		const moved = returnedNote([note({officerId: 'o0009'})], data, OVERDUE_REF, SERGEANT, TODAY, nameOf);
		expect(moved.text).toBe('');
		expect(moved.words).toMatch(
			/^A welfare note you wrote on 25 Nov about o0009, then the officer in this case, was not filed; it stays in the welfare drafts/,
		);
	});

	it('knows a note already filed (same author, officer and cleaned text, filed that day or later)', () => {
		const data = loadDemo();
		const filed = {officerId: OIC, date: TODAY, by: SERGEANT, text: MARKER};
		expect(isFiled(note({text: `  ${MARKER}\n`}), filed, data)).toBe(true);
		expect(isFiled(note(), {...filed, by: COVER}, data)).toBe(false);
		expect(isFiled(note(), {...filed, date: '2026-11-24'}, data)).toBe(false);
		expect(isFiled(note(), {...filed, officerId: 'o0009'}, data)).toBe(false);
	});

	it('a note its signed review could not file is that review\u2019s: a later review of the case neither replaces nor deletes it (QA: lost on discard)', () => {
		const data = loadDemo();
		const last = data.chain.filter(e => e.kind === 'review' && e.data.caseRef === OVERDUE_REF).at(-1)!;
		// The sergeant signed on 30 Nov at 10:00 with the note saved at 09:55; the welfare file could not take it.
		const signedReview = {
			...last,
			seq: data.chain.length,
			signedAt: '2026-11-30T10:00:00.000Z',
			data: {...last.data, reviewerId: SERGEANT, oicId: OIC, date: TODAY},
		} as (typeof data.chain)[number];
		const signed = {...data, chain: [...data.chain, signedReview]};
		const stranded = note({date: TODAY, updatedAt: '2026-11-30T09:55:00.000Z', text: `  ${MARKER}\n`});
		expect(signedReviewOf(stranded, signed)?.seq).toBe(signedReview.seq);
		expect(filedWithItsReview(stranded, signed)).toEqual({
			id: `wn-r${signedReview.seq}`,
			officerId: OIC,
			date: TODAY,
			by: SERGEANT,
			text: MARKER,
		});
		const owner = {caseRef: OVERDUE_REF, reviewerId: SERGEANT, replacing: [OIC]};
		// Discarding the sergeant's next review of the case (its note cleared) leaves it waiting; so does saving a new note.
		expect(withOwnPendingNote([stranded], signed, owner, null)).toEqual([stranded]);
		const typed = {officerId: OIC, date: '2026-12-01', text: 'new note', updatedAt: '2026-12-01T09:00:00.000Z'};
		expect(withOwnPendingNote([stranded], signed, owner, typed)).toEqual([stranded, {...typed, caseRef: OVERDUE_REF, by: SERGEANT}]);
		// Before that signature (the review's own save, and its removal of its copy once filed) it is the draft's note as ever.
		expect(filedWithItsReview(stranded, data)).toBeNull();
		expect(withOwnPendingNote([stranded], data, owner, null)).toEqual([]);
		// Another reviewer's signature, or one about another officer, does not make it theirs or that review's.
		const coverReview = {...signedReview, data: {...signedReview.data, reviewerId: COVER}} as typeof signedReview;
		expect(signedReviewOf(stranded, {...data, chain: [...data.chain, coverReview]})).toBeUndefined();
		const otherOfficer = {...signedReview, data: {...signedReview.data, oicId: 'o0009'}} as typeof signedReview;
		expect(signedReviewOf(stranded, {...data, chain: [...data.chain, otherOfficer]})).toBeUndefined();
	});
});
