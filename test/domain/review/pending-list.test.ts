/**
 * domain/review/pending-list.ts: whose waiting notes `fortnight welfare pending` lists and what it says of
 * them. The words are synthetic markers, here to prove they are left out unless asked for.
 */
import {describe, expect, it} from 'vitest';
import {openDraft, pendingErrorWords, pendingNotesOf, saveDraft, type PendingNote} from '../../../source/domain/review/index.js';
import {demoData} from '../../helpers/demo.js';

const TODAY = '2026-11-30';
const REF = 'CR/32449/23';
const options = {me: 'o0002', today: TODAY, filed: [], onDatabase: false, withText: false};
const note = (over: Partial<PendingNote>): PendingNote => ({
	caseRef: REF,
	by: 'o0002',
	officerId: 'o0003',
	date: TODAY,
	text: 'SYNTHETIC-LIST-7811',
	updatedAt: `${TODAY}T09:00:00.000Z`,
	...over,
});

describe('pendingNotesOf', () => {
	it("lists the caller's notes only, a note with no recorded author by its draft's reviewer, and never the words unless asked", () => {
		const data = demoData();
		const {draft} = openDraft(data, REF, 'o0002', `${TODAY}T08:00:00.000Z`, TODAY);
		const withDraft = saveDraft(data, draft, `${TODAY}T08:00:00.000Z`, TODAY);
		const notes = [note({by: null}), note({by: 'o0001', caseRef: 'CR/87204/26'})];
		const rows = pendingNotesOf(notes, withDraft, options);
		expect(rows.map(r => [r.caseRef, r.state])).toEqual([[REF, 'in-draft']]);
		expect(JSON.stringify(rows)).not.toContain('SYNTHETIC-LIST-7811');
		expect(pendingNotesOf(notes, withDraft, {...options, withText: true})[0]?.text).toBe('SYNTHETIC-LIST-7811');
		// With no draft and no signed review since, an authorless note is nobody's: listed to no one.
		expect(pendingNotesOf([note({by: null})], data, options)).toEqual([]);
	});

	it('says a recorded failure by its kind, an unknown kind as it is, and a failure with no day without one', () => {
		const marked = {forReview: {seq: 7, id: 'wn-r7', date: '2026-11-27'}};
		const [known] = pendingNotesOf([note({...marked, lastError: {kind: 'no-space', at: '2026-11-27T10:00:00.000Z'}})], demoData(), options);
		expect(known!.why).toBe('your review signed on 27 Nov could not file it: the disk holding the welfare file was full (27 Nov)');
		const [odd] = pendingNotesOf([note({...marked, lastError: {kind: 'from-the-future', at: 'soon'}})], demoData(), options);
		expect(odd!.why).toBe('your review signed on 27 Nov could not file it: an error of kind "from-the-future"');
		const [none] = pendingNotesOf([note(marked)], demoData(), options);
		expect(none!.why).toBe('your review signed on 27 Nov could not file it: the reason was not recorded');
		expect(pendingErrorWords('welfare-key')).toContain('FORTNIGHT_WELFARE_KEY');
	});

	// QA 7 D2: under --today the failure was dated by the machine's clock ("signed on 04 Dec ... (06 Dec)").
	it("dates a failure by the day the desk worked as, not the machine's clock day", () => {
		const marked = {forReview: {seq: 7, id: 'wn-r7', date: '2026-11-27'}};
		const failure = {kind: 'no-space', at: '2026-12-06T10:00:00.000Z', on: '2026-11-27'};
		const [row] = pendingNotesOf([note({...marked, lastError: failure})], demoData(), options);
		expect(row!.why).toBe('your review signed on 27 Nov could not file it: the disk holding the welfare file was full (27 Nov)');
	});

	it('says what the author can do with a signed review\u2019s unfiled note once no review of its case can be opened (REVIEW-7 note 7)', () => {
		const data = demoData();
		const marked = note({forReview: {seq: 7, id: 'wn-r7', date: '2026-11-27'}});
		const [live] = pendingNotesOf([marked], data, options);
		expect(live!.next).toBe(
			`It is filed with your review of ${REF} signed on 27 Nov the next time you open or sign a review of ${REF} at the desk.`,
		);
		const closed = {...data, cases: data.cases.map(c => (c.ref === REF ? {...c, status: 'closed' as const, closedOn: TODAY} : c))};
		const [shut] = pendingNotesOf([marked], closed, options);
		expect(shut!.state).toBe('signed-not-filed');
		expect(shut!.next).toBe(
			`${REF} is closed, so no review of it can be opened and fortnight cannot file this note with your review: it stays waiting, ` +
				"never deleted; whoever keeps the team's files can add it to the welfare file by hand, as welfare note wn-r7.",
		);
		const gone = {...data, cases: data.cases.filter(c => c.ref !== REF)};
		const [moved] = pendingNotesOf([marked], gone, {...options, onDatabase: true});
		expect(moved!.next).toBe(
			`${REF} is no longer in this store, so no review of it can be opened and fortnight cannot file this note with your review: ` +
				"it stays waiting, never deleted; the database's owner can file it from its pending row (fortnight_welfare_pending), as welfare note wn-r7.",
		);
		expect(JSON.stringify([live, shut, moved])).not.toContain('SYNTHETIC-LIST-7811');
	});

	// REVIEW-9 N3: on PostgreSQL another note may hold the id (migration 022); retrying cannot file it.
	it('says of a note refused because another note holds its id that trying again files nothing, and who can help', () => {
		const marked = note({
			forReview: {seq: 7, id: 'wn-r7', date: '2026-11-27'},
			lastError: {kind: 'id-taken', at: '2026-11-27T10:00:00.000Z'},
		});
		const [row] = pendingNotesOf([marked], demoData(), {...options, onDatabase: true});
		expect(row!.why).toBe(
			'your review signed on 27 Nov could not file it: another note already held its id, so the database did not file it (27 Nov)',
		);
		expect(row!.next).toBe(
			"Trying again files nothing while another note holds wn-r7: it stays waiting, never deleted. Ask the database's owner to see to " +
				`the note held under wn-r7; then it is filed with your review of ${REF} the next time you open or sign a review of it, or the ` +
				'owner can file it from its pending row (fortnight_welfare_pending) under an id no note holds.',
		);
		expect(JSON.stringify(row)).not.toContain('SYNTHETIC-LIST-7811');
	});
});
