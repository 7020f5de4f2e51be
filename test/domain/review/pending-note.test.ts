import {describe, expect, it} from 'vitest';
import {
	filedWithItsReview,
	isFiled,
	ownPendingNotes,
	pendingNoteAuthor,
	filedAsRead,
	returnedNote,
	withNoteMarkedFor,
	withOwnPendingNote,
	withOwnPendingNoteDiscarded,
	heldRestored,
	asRestored,
	leftAsItWas,
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

	it('knows a marked note already filed (its id, author, officer and cleaned text); an unmarked note is never taken for a filed one (REVIEW-7 D5)', () => {
		const data = loadDemo();
		const mark = {seq: 7, id: 'wn-r7', date: TODAY};
		const filed = {id: 'wn-r7', officerId: OIC, date: TODAY, by: SERGEANT, text: MARKER};
		expect(isFiled(note({text: `  ${MARKER}\n`, forReview: mark}), filed, data)).toBe(true);
		expect(isFiled(note({forReview: mark}), {...filed, by: COVER}, data)).toBe(false);
		expect(isFiled(note({forReview: mark}), {...filed, officerId: 'o0009'}, data)).toBe(false);
		// The same author's short note about the same officer, filed today with a review of another case, is not this one.
		expect(isFiled(note(), filed, data)).toBe(false);
		expect(isFiled(note({date: TODAY}), {...filed, id: undefined}, data)).toBe(false);
	});

	it('a note its signed review could not file, once marked, is that review\u2019s: a later review neither replaces nor deletes it (QA: lost on discard)', () => {
		const data = loadDemo();
		const seq = data.chain.length;
		const stranded = note({date: TODAY, updatedAt: '2026-11-30T09:55:00.000Z', text: `  ${MARKER}\n`});
		const owner = {caseRef: OVERDUE_REF, reviewerId: SERGEANT, officerId: OIC};
		const mark = {seq, id: `wn-r${seq}`, date: TODAY};
		// Signing could not file it: the copy the signing read back is marked as that review's.
		const [marked] = withNoteMarkedFor([stranded], data, owner, stranded.text, mark);
		expect(marked).toEqual({...stranded, forReview: mark});
		expect(filedWithItsReview(marked!, data)).toEqual({id: `wn-r${seq}`, officerId: OIC, date: TODAY, by: SERGEANT, text: MARKER});
		const replacing = {caseRef: OVERDUE_REF, reviewerId: SERGEANT, replacing: [OIC]};
		// Discarding the sergeant's next review of the case (its note cleared) leaves it waiting; so does saving a new note.
		expect(withOwnPendingNote([marked!], data, replacing, null)).toEqual([marked]);
		const typed = {officerId: OIC, date: '2026-12-01', text: 'new note', updatedAt: '2026-12-01T09:00:00.000Z'};
		expect(withOwnPendingNote([marked!], data, replacing, typed)).toEqual([marked, {...typed, caseRef: OVERDUE_REF, by: SERGEANT}]);
		// Unmarked it is the draft's note as ever (the review's own save, and its removal once filed).
		expect(filedWithItsReview(stranded, data)).toBeNull();
		expect(withOwnPendingNote([stranded], data, replacing, null)).toEqual([]);
		// Only the author's own note about that officer with those words is marked, and only one per review.
		expect(withNoteMarkedFor([stranded], data, {...owner, reviewerId: COVER}, stranded.text, mark)).toEqual([stranded]);
		expect(withNoteMarkedFor([stranded], data, {...owner, officerId: 'o0009'}, stranded.text, mark)).toEqual([stranded]);
		expect(withNoteMarkedFor([stranded], data, owner, 'other words', mark)).toEqual([stranded]);
		const twin = note({text: stranded.text, updatedAt: '2026-11-30T09:56:00.000Z'});
		expect(withNoteMarkedFor([stranded, twin], data, owner, stranded.text, mark)).toEqual([stranded, twin]);
		expect(withNoteMarkedFor([marked!, twin], data, owner, stranded.text, mark)).toEqual([marked, twin]);
	});

	it('a marked note counts as filed only under its own id; a filing is confirmed only by reading the same words back under that id', () => {
		const data = loadDemo();
		const marked = note({forReview: {seq: 7, id: 'wn-r7', date: TODAY}});
		const filed = {officerId: OIC, date: TODAY, by: SERGEANT, text: MARKER};
		expect(isFiled(marked, {...filed, id: 'wn-r7'}, data)).toBe(true);
		expect(isFiled(marked, {...filed, id: 'wn-r9'}, data)).toBe(false);
		expect(filedAsRead({...filed, id: 'wn-r7'}, [{...filed, id: 'wn-r7'}])).toBe(true);
		expect(filedAsRead({...filed, id: 'wn-r7'}, [{...filed, id: 'wn-r7', text: 'other words'}])).toBe(false);
		expect(filedAsRead({...filed, id: 'wn-r7'}, [{...filed, id: 'wn-r8'}])).toBe(false);
	});

	it('a note left behind that a review took into its field is held by that review\u2019s note, through every save, and put back on discard (REVIEW-7 D12)', () => {
		const data = loadDemo();
		const owner = {caseRef: OVERDUE_REF, reviewerId: SERGEANT, replacing: [OIC]};
		const left = note({date: '2026-11-27', updatedAt: '2026-11-27T16:00:00.000Z', lastError: {kind: 'io', at: '2026-11-27T16:00:01.000Z'}});
		const other = note({caseRef: 'CR/1/26'});
		// The review opens: the leftover is replaced by this review's note holding it as it was.
		const held = withOwnPendingNote([left, other], data, owner, {
			officerId: OIC,
			date: TODAY,
			text: MARKER,
			updatedAt: '2026-11-30T10:00:00.000Z',
			restored: [asRestored(left)],
		});
		expect(held).toHaveLength(2);
		expect(heldRestored(held, data, owner)).toEqual([asRestored(left)]);
		// Edited and saved (from this screen or one opened later): the held note goes on with the edit.
		const edited = withOwnPendingNote(held, data, owner, {
			officerId: OIC,
			date: TODAY,
			text: `${MARKER} edited`,
			updatedAt: '2026-11-30T10:05:00.000Z',
		});
		expect(heldRestored(edited, data, owner)).toEqual([asRestored(left)]);
		// Discarded: the edit goes, the leftover comes back exactly as it was; another case's note is untouched.
		expect(withOwnPendingNoteDiscarded(edited, data, owner)).toEqual([other, left]);
		// Signed: marked, it holds nothing any more (its words are the review's), and a discard of another review leaves it.
		const mark = {seq: 9, id: 'wn-r9', date: TODAY};
		const marked = withNoteMarkedFor(edited, data, {caseRef: OVERDUE_REF, reviewerId: SERGEANT, officerId: OIC}, `${MARKER} edited`, mark);
		expect(marked.find(n => n.forReview?.id === 'wn-r9')?.restored).toBeUndefined();
		expect(withOwnPendingNoteDiscarded(marked, data, owner)).toEqual(marked);
	});

	it('a note holding unedited notes left behind stands for them when restored again; an edited one stands for itself', () => {
		const a = note({date: '2026-11-26', updatedAt: '2026-11-26T16:00:00.000Z', text: 'SYNTHETIC-A'});
		const b = note({date: '2026-11-27', updatedAt: '2026-11-27T16:00:00.000Z', text: 'SYNTHETIC-B'});
		const holding = note({
			date: TODAY,
			updatedAt: '2026-11-30T10:00:00.000Z',
			text: 'SYNTHETIC-A\n\nSYNTHETIC-B',
			restored: [a, b].map(asRestored),
		});
		expect(leftAsItWas(holding)).toEqual([a, b].map(asRestored));
		const edited = {...holding, text: 'SYNTHETIC-A\n\nSYNTHETIC-B edited'};
		expect(leftAsItWas(edited)).toEqual([asRestored(edited)]);
		expect(leftAsItWas(a)).toEqual([asRestored(a)]);
	});
});
