/**
 * Two sergeants' desks on one store file (two openStore handles, as two processes would hold): signing
 * runs inside store.apply on the data under the lock, so what the other desk wrote while a review was
 * open is what the signed review is built from, and a change the answers rest on stops it with nothing
 * written and the draft still in the file.
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {
	changesOnData,
	openDraft,
	reviewContext,
	saveDraft,
	signReview,
	StaleReviewError,
	type ReviewAnswers,
} from '../../source/domain/review/index.js';
import {triggerFor} from '../../source/domain/rules/index.js';
import {signer, verifyChain} from '../../source/store/chain.js';
import {StoreError} from '../../source/store/errors.js';
import {createStoreFile, openStore, readStoreFile, type Store} from '../../source/store/store.js';
import {tempDir} from '../helpers/cli.js';
import {completeAnswers, doyleUndecided, loadDemo, OVERDUE_REF, SERGEANT, TODAY} from '../domain/review/fixtures.js';

const DOYLE_OTHER = 'CR/49525/26';
const opts = (at: string) => ({today: TODAY, signedAt: at, reviewerId: SERGEANT, sign: signer});

async function twoDesks(): Promise<{file: string; a: Store; b: Store}> {
	const file = path.join(tempDir('fortnight-sign-'), 'team.json');
	// DC Doyle's trigger waiting on the sergeant, not yet on the inspector's list (fixtures.ts doyleUndecided).
	await createStoreFile(file, doyleUndecided(loadDemo()));
	return {file, a: await openStore(file), b: await openStore(file)};
}

/** Desk B signs a complete review of `ref` (its own context, opened on its own snapshot). */
async function otherDeskSigns(b: Store, ref: string, edit: (a: ReviewAnswers) => void = () => {}): Promise<void> {
	const ctx = reviewContext(b.snapshot(), ref, TODAY);
	const answers = completeAnswers(ctx);
	edit(answers);
	await b.apply(d => signReview(d, {caseRef: ref, answers}, {...opts('2026-11-30T09:00:00.000Z'), context: ctx}).next);
}

/** Desk A opens the review and saves its draft, as the review screen does. */
async function openOnDeskA(a: Store, ref = OVERDUE_REF) {
	const ctx = reviewContext(a.snapshot(), ref, TODAY);
	const answers = completeAnswers(ctx);
	const {draft} = openDraft(a.snapshot(), ref, SERGEANT, '2026-11-30T08:55:00.000Z');
	await a.apply(d => saveDraft(d, {...draft, answers}, '2026-11-30T08:56:00.000Z'));
	return {ctx, answers};
}

const decisions = (d: StoreData) => d.chain.filter(e => e.kind === 'performance-decision' && e.data.officerId === 'o0011');

describe('signing with two desks on one store', () => {
	it(
		'a decision recorded for the same officer on the other desk stops the second one; the draft stays; after reloading, signing without one ' +
			'goes through',
		async () => {
			const {file, a, b} = await twoDesks();
			const {ctx, answers} = await openOnDeskA(a);
			expect(ctx.decisionRequired).toBe(true);
			await otherDeskSigns(b, DOYLE_OTHER); // records "not now" for DC Doyle
			const {data: afterB} = await readStoreFile(file);

			const signing = a.apply(
				d => signReview(d, {caseRef: OVERDUE_REF, answers}, {...opts('2026-11-30T10:00:00.000Z'), context: ctx}).next,
			);
			await expect(signing).rejects.toBeInstanceOf(StaleReviewError);
			await expect(signing).rejects.toThrow(/recorded "considered, not needed now" for DC Doyle/);
			const {data: still} = await readStoreFile(file);
			expect(still.revision).toBe(afterB.revision);
			expect(still.drafts.map(d => d.caseRef)).toEqual([OVERDUE_REF]);
			expect(decisions(still)).toHaveLength(decisions(loadDemo()).length + 1);

			// What the screen does next: reload, open the context afresh; the sergeant clears the decision.
			const fresh = await a.reload();
			const reopened = reviewContext(fresh, OVERDUE_REF, TODAY);
			expect(reopened.decisionRequired).toBe(false);
			const cleared = {...answers, performance: {...answers.performance, decision: null, reason: ''}};
			const done = await a.apply(
				d => signReview(d, {caseRef: OVERDUE_REF, answers: cleared}, {...opts('2026-11-30T10:01:00.000Z'), context: reopened}).next,
			);
			expect(done.merged).toBe(false);
			// The whole chain, from its own file (the state holds the working set the rules read).
			const {data: end} = await readStoreFile(file, {chain: 'whole'});
			expect(decisions(end)).toHaveLength(decisions(loadDemo()).length + 1);
			expect(triggerFor(end, 'o0011', TODAY)).toMatchObject({decisionRecorded: true, escalated: false});
			expect(end.chain.at(-1)).toMatchObject({kind: 'review', data: {caseRef: OVERDUE_REF, triggerFired: true, triggerDecision: null}});
			expect(end.drafts).toEqual([]);
			expect(verifyChain(end.chain)).toBeNull();
		},
	);

	it("a concern recorded on the other desk is merged in and lands in this decision's evidence", async () => {
		const {file, a, b} = await twoDesks();
		const {ctx, answers} = await openOnDeskA(a);
		answers.performance = {decision: 'escalate', reason: '', planReviewDate: '', concern: ''};
		await b.apply(d => ({
			...d,
			concerns: [
				...d.concerns,
				{id: 'c-desk-b', officerId: 'o0011', date: TODAY, by: 'o0003', text: 'Missed the CPS deadline.', caseRef: DOYLE_OTHER},
			],
		}));
		const result = await a.apply(
			d => signReview(d, {caseRef: OVERDUE_REF, answers}, {...opts('2026-11-30T10:00:00.000Z'), context: ctx}).next,
		);
		expect(result.merged).toBe(true);
		const {data: end} = await readStoreFile(file);
		const decision = decisions(end).at(-1)!;
		expect(decision.data).toMatchObject({decision: 'escalate', caseRef: OVERDUE_REF});
		expect((decision.data as {evidence: string[]}).evidence).toContain('concern recorded 30 Nov by DC Ashworth');
		expect(end.concerns.some(c => c.id === 'c-desk-b')).toBe(true);
	});

	it('the same case signed on the other desk: refused, nothing written, and the screen can say what changed', async () => {
		const {file, a, b} = await twoDesks();
		const {ctx, answers} = await openOnDeskA(a);
		await b.reload(); // desk B sees A's draft and signs the same case (its signing removes the case's draft)
		await otherDeskSigns(b, OVERDUE_REF);
		const {data: afterB} = await readStoreFile(file);
		const signing = a.apply(d => signReview(d, {caseRef: OVERDUE_REF, answers}, {...opts('2026-11-30T10:00:00.000Z'), context: ctx}).next);
		// Desk A had not seen B's write: the store itself refuses (both changed the case).
		await expect(signing).rejects.toBeInstanceOf(StoreError);
		await expect(signing).rejects.toMatchObject({code: 'conflict'});
		expect((await readStoreFile(file)).data.revision).toBe(afterB.revision);
		const changed = changesOnData(ctx, await a.reload(), answers);
		expect(changed[0]).toMatchObject({step: 'since', field: 'previousReview'});
		expect(changed[0]!.message).toMatch(/signed a review of CR\/88397\/26 on 30 Nov .* after you opened yours/);
		// Had desk A already reloaded, the signing itself says so.
		await expect(
			a.apply(d => signReview(d, {caseRef: OVERDUE_REF, answers}, {...opts('2026-11-30T10:00:00.000Z'), context: ctx}).next),
		).rejects.toBeInstanceOf(StaleReviewError);
		// Their signing removed the case's draft; A's answers are still A's to save again.
		await a.apply(d =>
			saveDraft(d, {...openDraft(d, OVERDUE_REF, SERGEANT, '2026-11-30T10:02:00.000Z').draft, answers}, '2026-11-30T10:02:00.000Z'),
		);
		expect((await readStoreFile(file)).data.drafts.map(d => d.caseRef)).toEqual([OVERDUE_REF]);
	});
});
