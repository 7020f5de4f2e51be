/**
 * A review in progress is a draft in the store, saved as the sergeant goes (each save is one
 * store.apply of `saveDraft`), so quitting, a crash or a closed terminal loses nothing; the case shows
 * "draft" until it is signed or discarded. A draft belongs to its author: one per case and person, so
 * two people reviewing the same case each keep their own answers (README, "Who you are"); the second
 * to sign is told the case was signed meanwhile (changed-since.ts). These are pure changes: pass them to
 * store.apply as `d => saveDraft(d, draft, now)`.
 *
 * The private welfare note is never saved here (see answers.ts storableAnswers): the caller keeps it
 * in the welfare drafts file beside the welfare file (store/welfare-drafts.ts).
 */
import {selfSupervisionRefusal} from '../independence.js';
import {caseByRef, isLive} from '../case-facts.js';
import type {ReviewDraft, StoreData} from '../model.js';
import {emptyAnswers, readAnswers, storableAnswers, type ReviewAnswers} from './answers.js';
import {ReviewError} from './errors.js';
import {clampStep} from './steps.js';
import type {IsoDate} from '../dates.js';
import {workedDayApart} from '../worked-day.js';
import {typedInQuotes} from '../safe-text.js';

/** A draft as the UI holds it: typed answers (including the welfare note, which is stripped on save). */
export interface WorkingDraft {
	caseRef: string;
	reviewerId: string;
	startedAt: string;
	/** The day the desk worked as when it was started, when not startedAt's own (worked-day.ts). */
	startedOn?: IsoDate;
	/** 0-based step the sergeant is on. */
	step: number;
	answers: ReviewAnswers;
}

/** The draft of `caseRef` by `reviewerId` (by anyone, when no reviewer is given). */
export function findDraft(data: StoreData, caseRef: string, reviewerId?: string): ReviewDraft | undefined {
	return data.drafts.find(d => d.caseRef === caseRef && (reviewerId === undefined || d.reviewerId === reviewerId));
}

/** Drafts of `caseRef` started by people other than `reviewerId`: "DS Brennan started a review of this case". */
export function othersDrafts(data: StoreData, caseRef: string, reviewerId: string): ReviewDraft[] {
	return data.drafts.filter(d => d.caseRef === caseRef && d.reviewerId !== reviewerId);
}

/** References of every case with a draft, for "draft" badges. */
export function draftRefs(data: StoreData): Set<string> {
	return new Set(data.drafts.map(d => d.caseRef));
}

/**
 * The draft to work on: the stored one when there is one (resumed at its step), else a fresh one that
 * is not stored until the first save, so opening a review and backing straight out leaves no trace.
 */
export function openDraft(
	data: StoreData,
	caseRef: string,
	reviewerId: string,
	now: string,
	today: IsoDate = now.slice(0, 10),
): {draft: WorkingDraft; resumed: boolean} {
	const c = caseByRef(data, caseRef);
	if (!c) throw new ReviewError(`There is no case ${typedInQuotes(caseRef)} in this store.`);
	if (!isLive(c)) throw new ReviewError(`Case ${caseRef} is ${c.status}: only live cases are reviewed.`);
	// Who it goes to instead is who supervises the reviewer on the day the review is opened: the day the desk
	// works as (`today`), not the clock's UTC day, which differs after --today and in the hour after midnight in
	// summer time (README "Dates and the clock").
	const self = selfSupervisionRefusal(data, reviewerId, c.oicId, 'review', c.ref, undefined, today);
	if (self) throw new ReviewError(self);
	const stored = findDraft(data, caseRef, reviewerId);
	if (stored) {
		return {
			draft: {
				caseRef,
				reviewerId: stored.reviewerId,
				startedAt: stored.startedAt,
				...(stored.startedOn === undefined ? {} : {startedOn: stored.startedOn}),
				step: clampStep(stored.step),
				answers: readAnswers(stored.answers),
			},
			resumed: true,
		};
	}
	const startedOn = workedDayApart(today, now);
	return {
		draft: {caseRef, reviewerId, startedAt: now, ...(startedOn === undefined ? {} : {startedOn}), step: 0, answers: emptyAnswers()},
		resumed: false,
	};
}

/**
 * Writes (or replaces) the case's draft. `now` is the save time (ISO instant), `today` the day the desk
 * works as (worked-day.ts: kept beside the instant when it is not the instant's own day).
 */
export function saveDraft(data: StoreData, draft: WorkingDraft, now: string, today: IsoDate = now.slice(0, 10)): StoreData {
	const c = caseByRef(data, draft.caseRef);
	if (!c) throw new ReviewError(`Case ${draft.caseRef} is no longer in this store; the draft cannot be saved.`);
	const savedOn = workedDayApart(today, now);
	const stored: ReviewDraft = {
		caseRef: draft.caseRef,
		reviewerId: draft.reviewerId,
		startedAt: draft.startedAt,
		updatedAt: now,
		...(draft.startedOn === undefined ? {} : {startedOn: draft.startedOn}),
		...(savedOn === undefined ? {} : {savedOn}),
		step: clampStep(draft.step),
		answers: storableAnswers(draft.answers) as unknown as Record<string, unknown>,
	};
	const i = data.drafts.findIndex(d => d.caseRef === draft.caseRef && d.reviewerId === draft.reviewerId);
	const drafts = i < 0 ? [...data.drafts, stored] : data.drafts.map((d, j) => (j === i ? stored : d));
	return {...data, drafts};
}

/** Removes the case's draft by `reviewerId` (the UI asks to confirm first). Unchanged data when there is none. */
export function discardDraft(data: StoreData, caseRef: string, reviewerId: string): StoreData {
	const mine = (d: ReviewDraft) => d.caseRef === caseRef && d.reviewerId === reviewerId;
	if (!data.drafts.some(mine)) return data;
	return {...data, drafts: data.drafts.filter(d => !mine(d))};
}

/** True when the draft holds anything the sergeant typed or chose (worth asking before discarding). */
export function hasAnswers(a: ReviewAnswers): boolean {
	return JSON.stringify(a) !== JSON.stringify(emptyAnswers());
}
