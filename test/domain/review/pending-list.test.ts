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
});
