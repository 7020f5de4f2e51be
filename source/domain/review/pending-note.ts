/**
 * A welfare note typed during a review that is not signed yet waits in the welfare drafts file
 * (store/welfare-drafts.ts), never in the case store. It belongs to its author and its case: one
 * pending note per case and author, offered back only to that author's review of that case, so a note
 * left behind by a crash or a key problem is never shown to, or filed under, someone else's review.
 * The author is the identity the review draft records (`WorkingDraft.reviewerId`: the desk's officer).
 * These are pure changes to the list of pending notes; the store applies them under its lock.
 */
import {shortDate, type IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import {findDraft} from './drafts.js';
import {cleanInput} from './sign.js';

export interface PendingNote {
	caseRef: string;
	/** The author (the draft's reviewerId); null for a note saved before authors were recorded. */
	by: string | null;
	/** The officer the note is about: the case's officer when it was written. */
	officerId: string;
	/** The day it was written (the review's today). */
	date: IsoDate;
	text: string;
	/** ISO instant of the last save. */
	updatedAt: string;
	/**
	 * Set only when its review was signed but the welfare file could not take it: that review, and the id
	 * signing filed it under (README "Welfare notes"). A note without it is never filed with any signed review.
	 */
	forReview?: ReviewMark;
	/**
	 * The last time filing it failed: the failure's kind only (store/errors.ts StoreErrorCode, 'read-back'
	 * or 'other'), never its message, for `fortnight welfare pending` (pending-list.ts). Absent when no
	 * filing of it has failed, or it was written before this was recorded.
	 */
	lastError?: PendingNoteError;
	/**
	 * The notes left behind (no review of theirs) that the review now holding this note put into its field
	 * when it opened, each as it was then: discarding that review puts them back waiting, whichever screen
	 * discards (README "Welfare notes"). Kept here, not in a screen's memory, so a review closed and opened
	 * again still gives them back. Absent when the note holds no such note.
	 */
	restored?: RestoredNote[];
}

/** A note left behind as it was before a review took it into its field (the case is the holding note's). */
export type RestoredNote = Omit<PendingNote, 'caseRef' | 'forReview' | 'restored'>;

/** The note as it was, to be kept inside the note that takes it in (restored). */
export function asRestored(n: PendingNote): RestoredNote {
	const {caseRef: _case, forReview: _mark, restored: _held, ...as} = n;
	return as;
}

/**
 * A note left behind, as it was before any review took it in: a note that still holds the notes it was
 * made of, unedited (a review that restored them and was left with no draft of its own), stands for those;
 * any other stands for itself (edited words are kept, never replaced by older ones).
 */
export function leftAsItWas(n: PendingNote): RestoredNote[] {
	const held = n.restored ?? [];
	return held.length > 0 && held.map(r => r.text).join('\n\n') === n.text ? held : [asRestored(n)];
}

/** Why a note could not be filed, as kept with it: a kind and when, never the error's words. */
export interface PendingNoteError {
	kind: string;
	/** ISO instant of the failure (the machine's clock). */
	at: string;
	/**
	 * The day the desk worked as when it failed, when that was not the instant's UTC day (`--today`, or
	 * London's hour after midnight in summer): shown instead of the clock's day (worked-day.ts; QA 7 D2).
	 */
	on?: IsoDate;
}

/**
 * The list with `failure` recorded on the author's notes that `which` picks (a failed filing), everything
 * else as it was. Only the kind is kept: an error's message may quote a path or a server's words.
 */
export function withFilingFailure(
	notes: readonly PendingNote[],
	which: (n: PendingNote) => boolean,
	failure: PendingNoteError,
): PendingNote[] {
	return notes.map(n =>
		which(n) ? {...n, lastError: {kind: failure.kind, at: failure.at, ...(failure.on === undefined ? {} : {on: failure.on})}} : n,
	);
}

/** The signed review a waiting note belongs to: its chain seq, the note's id and the review's day. */
export interface ReviewMark {
	seq: number;
	id: string;
	date: IsoDate;
}

/**
 * Who wrote a pending note. A note saved before authors were recorded was left by the first review of
 * its case signed after it was last saved (that signing could not move it), or, when none has been
 * since, belongs to the case's draft (it was typed in it; a draft keeps its reviewer until it is signed
 * or discarded); null when neither exists, and then it is offered to nobody.
 */
export function pendingNoteAuthor(note: PendingNote, data: StoreData): string | null {
	if (note.by !== null) return note.by;
	for (const e of data.chain) {
		if (e.kind === 'review' && e.data.caseRef === note.caseRef && e.signedAt >= note.updatedAt) return e.data.reviewerId;
	}
	return findDraft(data, note.caseRef)?.reviewerId ?? null;
}

/** The notes `reviewerId` left pending on `caseRef`, oldest first. */
export function ownPendingNotes(notes: readonly PendingNote[], data: StoreData, caseRef: string, reviewerId: string): PendingNote[] {
	const own = notes.filter(n => n.caseRef === caseRef && pendingNoteAuthor(n, data) === reviewerId);
	return own.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}

/** Whose note on which case, and the officers whose notes a save replaces. */
export interface NoteOwner {
	caseRef: string;
	reviewerId: string;
	/**
	 * The officers whose pending note by this reviewer on this case the new one replaces: the case's
	 * officer, and the one the review last saved a note about if the case has moved since. A note about
	 * an earlier officer that this review never showed is left alone.
	 */
	replacing: readonly string[];
}

/**
 * The list with the owner's pending note replaced by `note` (removed when null or empty). Every other
 * note, another author's or another case's, is left exactly as it was.
 */
export function withOwnPendingNote(
	notes: readonly PendingNote[],
	data: StoreData,
	owner: NoteOwner,
	note: Omit<PendingNote, 'caseRef' | 'by'> | null,
): PendingNote[] {
	const replaced = notes.filter(n => replacedBy(n, data, owner));
	const others = notes.filter(n => !replacedBy(n, data, owner));
	if (note === null || note.text === '') return others;
	// The notes left behind that the replaced note held go on with its replacement, to be put back on discard.
	const restored = note.restored ?? replaced.flatMap(n => n.restored ?? []);
	const {restored: _given, ...rest} = note;
	return [...others, {...rest, caseRef: owner.caseRef, by: owner.reviewerId, ...(restored.length > 0 ? {restored} : {})}];
}

/**
 * The list after the owner discards their review: their note goes (as withOwnPendingNote with no note),
 * and every note left behind that it held (restored) goes back to waiting as it was then.
 */
export function withOwnPendingNoteDiscarded(notes: readonly PendingNote[], data: StoreData, owner: NoteOwner): PendingNote[] {
	const back = notes.filter(n => replacedBy(n, data, owner)).flatMap(n => n.restored ?? []);
	return [...withOwnPendingNote(notes, data, owner, null), ...back.map(r => ({...r, caseRef: owner.caseRef}))];
}

/** The notes left behind that the owner's note on the case holds (what a discard puts back), oldest first. */
export function heldRestored(notes: readonly PendingNote[], data: StoreData, owner: NoteOwner): RestoredNote[] {
	const held = notes.filter(n => replacedBy(n, data, owner)).flatMap(n => n.restored ?? []);
	return held.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}

/** The owner's own unmarked note (a note its signed review could not file is that review's, never a later review's to replace or delete). */
function replacedBy(n: PendingNote, data: StoreData, owner: NoteOwner): boolean {
	return (
		n.caseRef === owner.caseRef &&
		owner.replacing.includes(n.officerId) &&
		pendingNoteAuthor(n, data) === owner.reviewerId &&
		n.forReview === undefined
	);
}

/**
 * The list with the note that was just signed marked as its review's: the owner's one unmarked note on
 * the case about `officerId` with exactly `text` (what signing read back before signing). Unchanged when
 * there is not exactly one such note, or another note already carries this review's mark: the note then
 * stays unmarked, a leftover put back into its author's next review (README "Welfare notes"). `failure`,
 * why the welfare file did not take it, is kept with the mark (`fortnight welfare pending` says it).
 */
export function withNoteMarkedFor(
	notes: readonly PendingNote[],
	data: StoreData,
	owner: {caseRef: string; reviewerId: string; officerId: string},
	text: string,
	mark: ReviewMark,
	failure?: PendingNoteError,
): PendingNote[] {
	if (notes.some(n => n.forReview?.seq === mark.seq || n.forReview?.id === mark.id)) return [...notes];
	const target = notes.filter(
		n =>
			n.caseRef === owner.caseRef &&
			n.officerId === owner.officerId &&
			n.forReview === undefined &&
			n.text === text &&
			pendingNoteAuthor(n, data) === owner.reviewerId,
	);
	if (target.length !== 1) return [...notes];
	// Signed, the notes it held are this review's words now: nothing goes back on a discard of another review.
	const take = ({restored: _held, ...n}: PendingNote): PendingNote => ({
		...n,
		forReview: {...mark},
		...(failure ? {lastError: {...failure}} : {}),
	});
	return notes.map(n => (n === target[0] ? take(n) : n));
}

/**
 * A waiting note marked as its signed review's, as that signing would have filed it (sign.ts: the id and
 * the review's day), or null for a note no signed review carried (it is never filed with one: a leftover
 * goes back into its author's next review, where it can be cleared).
 */
export function filedWithItsReview(note: PendingNote, data: StoreData): (FiledNote & {id: string}) | null {
	if (note.forReview === undefined) return null;
	const by = pendingNoteAuthor(note, data);
	if (by === null) return null;
	return {id: note.forReview.id, officerId: note.officerId, date: note.forReview.date, by, text: cleanInput(note.text)};
}

/** True when the welfare file, read back, holds this note under its id, with the same words: only then may its waiting copy go. */
export function filedAsRead(note: FiledNote & {id: string}, inFile: readonly (FiledNote & {id: string})[]): boolean {
	return inFile.some(n => n.id === note.id && n.officerId === note.officerId && n.by === note.by && n.text === note.text);
}

/** The same pending note (a note has no id: its case, author, officer, last save and text together name it). */
export function samePendingNote(a: PendingNote, b: PendingNote): boolean {
	return (
		a.caseRef === b.caseRef &&
		a.by === b.by &&
		a.officerId === b.officerId &&
		a.updatedAt === b.updatedAt &&
		a.text === b.text &&
		a.forReview?.id === b.forReview?.id
	);
}

/** A note as the welfare file holds it (store/welfare-file.ts WelfareNote). */
export interface FiledNote {
	officerId: string;
	date: IsoDate;
	by: string;
	text: string;
}

/**
 * True when the welfare file already holds this pending note, so its waiting copy may go: signing marks
 * the note as its review's, files it under the mark's id, then removes the copy, and a crash between the
 * last two must not file it twice. Only a marked note can be known filed: the welfare file keeps no case,
 * so an unmarked note with the same words as a filed one (the same short note on two cases of one officer
 * reviewed the same day) is another note, never dropped (REVIEW-7 D5). Same id, author, officer and text.
 */
export function isFiled(note: PendingNote, filed: FiledNote & {id?: string}, data: StoreData): boolean {
	if (note.forReview === undefined || filed.id !== note.forReview.id) return false;
	if (filed.officerId !== note.officerId) return false;
	return filed.by === pendingNoteAuthor(note, data) && filed.text === cleanInput(note.text);
}

/** What a review opening a case finds of its reviewer's pending notes there. */
export interface ReturnedNote {
	/** Text for the note field ('' when nothing can go in it). */
	text: string;
	/** One sentence for the sergeant, or null when it is simply their draft's note being resumed. */
	words: string | null;
}

/**
 * The reviewer's own pending notes on the case, as the note field should show them. Resuming a draft
 * the reviewer saved brings its note back without comment; a note with no draft of theirs behind it
 * was left when a review could not file it (a crash, a key problem) and is said to be one. A note about
 * an officer who no longer holds the case is not put into this review (signing would file it under the
 * new officer): it stays pending, and the sergeant is told.
 */
export function returnedNote(
	own: readonly PendingNote[],
	data: StoreData,
	caseRef: string,
	reviewerId: string,
	today: IsoDate,
	nameOf: (id: string) => string,
): ReturnedNote {
	const oic = data.cases.find(x => x.ref === caseRef)?.oicId;
	const draft = findDraft(data, caseRef);
	const resumed = draft !== undefined && draft.reviewerId === reviewerId;
	const fits = own.filter(n => n.officerId === oic);
	const elsewhere = own.filter(n => n.officerId !== oic);
	const sentences: string[] = [];
	if (fits.length > 0 && !resumed) {
		const dates = [...new Set(fits.map(n => shortDate(n.date, today)))].join(' and ');
		sentences.push(
			`A welfare note you wrote on ${dates} for this case was not filed; it is restored here in step 6: ` +
				'sign to file it with this review, or clear it.',
		);
	}
	if (elsewhere.length > 0) {
		const about = [...new Set(elsewhere.map(n => nameOf(n.officerId)))].join(' and ');
		sentences.push(
			`A welfare note you wrote on ${shortDate(elsewhere[0]!.date, today)} about ${about}, then the officer in this case, ` +
				'was not filed; it stays in the welfare drafts file and is not put into this review.',
		);
	}
	return {text: fits.map(n => n.text).join('\n\n'), words: sentences.length > 0 ? sentences.join(' ') : null};
}
