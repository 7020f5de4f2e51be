/**
 * Opening a guided review or an amendment: whether it may be opened at all (said before any typing), and
 * the draft it opens on. Plain functions over the desk's store (desk-store/desk-store.ts), no React.
 */
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {mayReview} from '../../domain/permissions.js';
import {findDraft, hasAnswers, openDraft, reviewContext, sinceLastReview, type WorkingDraft} from '../../domain/review/index.js';
import {actorSigningRefusal, type DeskActor} from '../desk/desk-actor.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import {initialReviewState, NOTE_CHECKING, type ReviewUiState} from './review-state.js';

/**
 * Why a review (or an amendment) cannot be started on this store, or null when it can. A store that
 * cannot be written is refused before any typing: nothing typed could be saved as a draft or signed.
 */
export function readOnlyRefusal(store: DeskStore, what: 'review' | 'amendment'): string | null {
	if (!store.readOnly) return null;
	const reason = store.readOnlyReason ?? `${store.file} cannot be written.`;
	return (
		`READ-ONLY: this ${what} cannot be saved or signed, so it is not opened. ${reason} To do it, open a store you can write (ask for write ` +
		`access, or work on a copy).`
	);
}

/**
 * Drafts being worked on in this process, by store file, case and author: switching tabs unmounts the screen,
 * and its last answers may still be on their way to the file, so coming back takes them from here.
 * Cleared when the review is signed or discarded.
 */
const working = new Map<string, WorkingDraft>();
// By author too: a draft is its author's alone (README "Who you are"), even where one process runs two desks.
const workingKey = (store: DeskStore, ref: string, authorId: string) => `${store.file ?? '(memory)'}\u0000${ref}\u0000${authorId}`;

/** The answers kept in this process for this review, until it is signed or discarded. */
export const workingDrafts = {
	keep: (store: DeskStore, draft: WorkingDraft) => working.set(workingKey(store, draft.caseRef, draft.reviewerId), draft),
	drop: (store: DeskStore, caseRef: string, authorId: string) => working.delete(workingKey(store, caseRef, authorId)),
};

export type Opened = {ok: false; message: string} | {ok: true; init: ReviewUiState};

export interface OpenReview {
	store: DeskStore;
	/** The desk's snapshot: the rules' facts come from it (already worked out there). */
	data: StoreData;
	caseRef: string;
	today: IsoDate;
	actor: DeskActor;
	now: () => Date;
}

/** The review's first state, or why it is not opened (said before any typing). */
export function openReview({store, data, caseRef, today, actor, now}: OpenReview): Opened {
	const refusal = readOnlyRefusal(store, 'review');
	if (refusal) return {ok: false, message: refusal};
	try {
		const ctx = reviewContext(data, caseRef, today, actor.officerId);
		// The draft from the store's latest, which has every save this process made since.
		const latest = store.snapshot();
		// Only someone who supervises the officer in the case on the day reviews it, and no one their own
		// case (a cover opening a case they hold is told who reviews it instead): said before any typing.
		const may = mayReview(latest, actor.officerId, caseRef, today);
		if (!may.ok) return {ok: false, message: may.reason};
		// Nor is a review opened that could not be signed (a store with enrolled keys, no key of theirs).
		const unsigned = actorSigningRefusal(actor, latest, 'review', today);
		if (unsigned) return {ok: false, message: unsigned};
		// A review left before anything was answered left nothing to resume: it opens afresh. So does one
		// whose case someone else has signed since it was started (their signing removed its stored draft).
		const key = workingKey(store, caseRef, actor.officerId);
		const found = working.get(key);
		const signedAfter = (d: WorkingDraft) =>
			latest.chain.some(e => e.kind === 'review' && e.data.caseRef === caseRef && e.signedAt > d.startedAt);
		const signedSince = found ? signedAfter(found) && !findDraft(latest, caseRef, found.reviewerId) : false;
		if (signedSince) working.delete(key);
		const kept = found && !signedSince && hasAnswers(found.answers) ? found : undefined;
		const opened = kept ? {draft: kept, resumed: true} : openDraft(latest, caseRef, actor.officerId, now().toISOString(), today);
		// No note is typed until the welfare file is known to keep it (ReviewSession.start).
		const noteLock = store.open ? NOTE_CHECKING : null;
		return {ok: true, init: initialReviewState(ctx, sinceLastReview(ctx), opened.draft, opened.resumed, now(), noteLock)};
	} catch (err) {
		return {ok: false, message: err instanceof Error ? err.message : String(err)};
	}
}
