import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {discardDraft, draftRefs, hasAnswers, openDraft, ownPendingNotes, readAnswers} from '../../../source/domain/review/index.js';
import {saveDraft, signReview} from '../../../source/domain/review/index.js';
import {withOwnPendingNote, type WorkingDraft} from '../../../source/domain/review/index.js';
import {signer, verifyChain} from '../../../source/store/chain.js';
import {chainPathFor} from '../../../source/store/chain-path.js';
import {openStore, readStoreFile} from '../../../source/store/store.js';
import {readWelfare} from '../../../source/store/welfare-file.js';
import {changeWelfareDrafts, readWelfareDrafts, welfareDraftsPathFor} from '../../../source/store/welfare-drafts.js';
import {demoCopy} from '../../helpers/cli.js';
import {appendWelfareNote} from '../../../source/store/welfare-file.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, SIGNED_AT, TODAY} from './fixtures.js';

describe('review drafts', () => {
	it('a fresh draft is not stored until the first save; opening and backing out leaves no trace', () => {
		const data = loadDemo();
		const {draft, resumed} = openDraft(data, OVERDUE_REF, SERGEANT, SIGNED_AT);
		expect(resumed).toBe(false);
		expect(draft.step).toBe(0);
		expect(hasAnswers(draft.answers)).toBe(false);
		expect(data.drafts).toEqual([]);
	});

	it('saves as you go to the store file and resumes after the process is gone (same step, same answers)', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const {draft} = openDraft(store.snapshot(), OVERDUE_REF, SERGEANT, SIGNED_AT);
		const ctx = contextFor(store.snapshot());
		const answers = completeAnswers(ctx);
		answers.signOff.summary = 'Half-written summary\nsecond line';
		const working: WorkingDraft = {...draft, step: 4, answers};
		await store.apply(d => saveDraft(d, working, '2026-11-30T10:20:00.000Z'));
		// A second save replaces, never duplicates.
		await store.apply(d => saveDraft(d, {...working, step: 5}, '2026-11-30T10:21:00.000Z'));

		// "Crash": nothing in memory survives; read the file afresh.
		const {data: reread} = await readStoreFile(file);
		expect(reread.drafts).toHaveLength(1);
		expect(draftRefs(reread).has(OVERDUE_REF)).toBe(true);
		const resumed = openDraft(reread, OVERDUE_REF, SERGEANT, '2026-11-30T11:00:00.000Z');
		expect(resumed.resumed).toBe(true);
		expect(resumed.draft.step).toBe(5);
		expect(resumed.draft.startedAt).toBe(SIGNED_AT);
		expect(resumed.draft.answers).toEqual(answers);
		expect(reread.drafts[0]!.updatedAt).toBe('2026-11-30T10:21:00.000Z');
	});

	it('never writes the welfare note into the case store; it waits in the 0600 welfare drafts file', async () => {
		const {store: file, welfare} = demoCopy();
		const store = await openStore(file);
		const {draft} = openDraft(store.snapshot(), OVERDUE_REF, SERGEANT, SIGNED_AT);
		const answers = completeAnswers(contextFor(store.snapshot()));
		answers.welfare = {checkIn: true, note: 'PRIVATE-NOTE-TEXT about sleep', flags: []};
		const pending = welfareDraftsPathFor(file);
		await store.apply(d => saveDraft(d, {...draft, answers}, SIGNED_AT));
		const owner = {caseRef: OVERDUE_REF, reviewerId: SERGEANT, replacing: ['o0011']};
		const typed = {officerId: 'o0011', date: TODAY, text: answers.welfare.note, updatedAt: SIGNED_AT};
		await changeWelfareDrafts(file, notes => withOwnPendingNote(notes, store.snapshot(), owner, typed));
		expect(readFileSync(file, 'utf8')).not.toContain('PRIVATE-NOTE-TEXT');
		const {statSync} = await import('node:fs');
		expect(statSync(pending).mode & 0o777).toBe(0o600);

		// Resume: the store's draft has no note; the pending file gives it back.
		const resumed = openDraft((await readStoreFile(file)).data, OVERDUE_REF, SERGEANT, SIGNED_AT).draft;
		expect(resumed.answers.welfare.note).toBe('');
		const [note] = ownPendingNotes(await readWelfareDrafts(file), store.snapshot(), OVERDUE_REF, SERGEANT);
		expect(note?.text).toBe('PRIVATE-NOTE-TEXT about sleep');

		// Sign with the note restored: it goes to the welfare file, and the pending copy is cleared.
		let result: ReturnType<typeof signReview> | undefined;
		const full = {...resumed, answers: {...resumed.answers, welfare: {...resumed.answers.welfare, note: note!.text}}};
		const beforeSigning = store.snapshot();
		await store.apply(d => (result = signReview(d, full, {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign: signer})).next);
		await appendWelfareNote(welfare, result!.welfareNote!);
		// Filed at signing, so never marked as that review's (pending-note.ts): the signing's own clean-up removes it.
		expect(withOwnPendingNote(await readWelfareDrafts(file), beforeSigning, owner, null)).toEqual([]);
		await changeWelfareDrafts(file, notes => withOwnPendingNote(notes, store.snapshot(), owner, null));
		expect(readFileSync(file, 'utf8')).not.toContain('PRIVATE-NOTE-TEXT');
		expect(readFileSync(chainPathFor(file), 'utf8')).not.toContain('PRIVATE-NOTE-TEXT');
		expect((await readWelfare(welfare)).notes.at(-1)).toMatchObject({officerId: 'o0011', text: 'PRIVATE-NOTE-TEXT about sleep'});
		expect(await readWelfareDrafts(file)).toEqual([]);
		const {data: after} = await readStoreFile(file, {chain: 'whole'});
		expect(after.drafts).toEqual([]);
		expect(verifyChain(after.chain)).toBeNull();
	});

	it("discard removes only that case's draft", () => {
		let data = loadDemo();
		const a = openDraft(data, OVERDUE_REF, SERGEANT, SIGNED_AT).draft;
		const b = openDraft(data, 'CR/25310/26', SERGEANT, SIGNED_AT).draft;
		data = saveDraft(saveDraft(data, a, SIGNED_AT), b, SIGNED_AT);
		expect([...draftRefs(data)].sort()).toEqual(['CR/25310/26', OVERDUE_REF]);
		data = discardDraft(data, OVERDUE_REF, SERGEANT);
		expect([...draftRefs(data)]).toEqual(['CR/25310/26']);
		expect(discardDraft(data, OVERDUE_REF, SERGEANT)).toBe(data);
	});

	it('reads a damaged or hand-edited draft without crashing, keeping what it understands', () => {
		const a = readAnswers({
			outcomes: {x: {outcome: 'sideways', reason: 3}, y: {outcome: 'done'}},
			risk: 'high',
			actions: [{key: 'n1', text: 'A'}, null, {key: 'n1', text: 'B'}],
			welfare: {checkIn: 'yes', flags: ['oh-referral', 'bogus']},
		});
		expect(a.outcomes).toEqual({x: {outcome: null, reason: ''}, y: {outcome: 'done', reason: ''}});
		expect(a.risk.decision).toBeNull();
		expect(a.actions.map(x => [x.key, x.text])).toEqual([
			['n1', 'A'],
			['n1+', 'B'],
		]);
		expect(a.welfare).toEqual({checkIn: null, note: '', flags: ['oh-referral']});
		expect(readAnswers('garbage')).toEqual(readAnswers(undefined));
	});
});
