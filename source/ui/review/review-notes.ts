/**
 * The guided review's private welfare note (README "Welfare notes"), for the review session
 * (review-session.ts): before a note can be typed the welfare file is opened with the passphrase, so a
 * team whose notes cannot be kept (an encrypted file and no or the wrong FORTNIGHT_WELFARE_KEY) gets a
 * field that says why instead of one that takes typing. The note is the draft's reviewer's: only their
 * own pending note on this case is put back. Signing with a note first checks the passphrase again and
 * makes sure the note is on disk in the drafts file, so if filing it after the signature fails it is
 * demonstrably kept, and says so only then. The note goes only to the welfare drafts file and, at
 * signing, the welfare file: never the store.
 */
import {shortDate, type IsoDate} from '../../domain/dates.js';
import {workedDayApart} from '../../domain/worked-day.js';
import type {StoreData} from '../../domain/model.js';
import {shortName} from '../../domain/people.js';
import {
	filedWithItsReview,
	findDraft,
	heldRestored,
	leftAsItWas,
	isFiled,
	ownPendingNotes,
	filedAsRead,
	returnedNote,
	samePendingNote,
	withFilingFailure,
	withNoteMarkedFor,
	withOwnPendingNote,
	withOwnPendingNoteDiscarded,
	type FiledNote,
	type ReviewMark,
	type PendingNoteError,
	type PendingNote,
	type SignResult,
} from '../../domain/review/index.js';
import {StoreError, type PendingWelfareNote, type WelfareDraftsAccess} from '../../store/index.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import type {ReviewAction, ReviewUiState} from './review-state.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const KEPT_RETRY = 'Every answer and the draft are kept; try again.';
const unopened = (err: unknown) => `The welfare file could not be opened (${messageOf(err)}), so no note can be kept.`;
const locked = (lock: string): ReviewAction => ({type: 'welfare-opened', lock, note: null, words: null});

/** The welfare file (or the database) took the note but did not hold it when read back. */
class NotReadBack extends Error {}

/** The drafts file did not hold the note marked as its review's when read back: it is not filed then. */
class NotMarked extends Error {}

/**
 * Why a filing failed, as kept with the waiting note (domain/review/pending-note.ts PendingNoteError): the
 * kind only, never the message, which may quote a path or the server's words.
 */
function failureOf(err: unknown, at: Date, today: IsoDate): PendingNoteError {
	const kind =
		err instanceof StoreError ? err.code : err instanceof NotReadBack ? 'read-back' : err instanceof NotMarked ? 'not-marked' : 'other';
	const instant = at.toISOString();
	const on = workedDayApart(today, instant);
	return {kind, at: instant, ...(on === undefined ? {} : {on})};
}

export class ReviewNotes {
	/** The note known to be in the drafts file; null: not known, so the next save writes it. */
	private saved: string | null = '';
	/** The officer the saved note is about (the case's officer then). */
	private savedFor: string;
	/** The welfare file opened with the passphrase: notes are written only then. */
	private keeps = false;
	private encrypted = false;
	/**
	 * Notes left behind put into this review's field that could not be recorded as held in its note (the
	 * drafts file did not take the write when it opened): discarding puts these back from memory. Otherwise
	 * the note itself holds them (PendingNote.restored), so any screen's discard puts them back (REVIEW-7 D12).
	 */
	private unrecorded: PendingNote[] = [];

	constructor(
		private readonly store: DeskStore,
		private readonly caseRef: string,
		private today: IsoDate,
		private readonly now: () => Date,
		oicId: string,
	) {
		this.savedFor = oicId;
	}

	/** The desk's day moved on while the review was open: a pending note is dated the new day. */
	onDay(today: IsoDate): void {
		this.today = today;
	}

	/** True once the welfare file is known to keep notes. */
	get kept(): boolean {
		return this.keeps;
	}

	/** Typed since the last save (once a note can be kept). */
	unsaved(note: string): boolean {
		return this.keeps && this.saved !== null && note !== this.saved;
	}

	/** True when the next save has a note to write. */
	dirty(note: string): boolean {
		return this.keeps && note !== this.saved;
	}

	/** Not known to be on disk any more (another user's signing may have removed it): the next save writes it. */
	forget(): void {
		this.saved = null;
	}

	/**
	 * Opens the welfare file with the passphrase before a note can be typed, and brings back the sergeant's
	 * own note on this case (typed before a restart, or left unfiled by a crash or a key problem). Answers
	 * with the review's action saying so.
	 */
	async open(s: ReviewUiState): Promise<ReviewAction> {
		const data = this.store.snapshot();
		let access: WelfareDraftsAccess;
		try {
			access = await this.access();
		} catch (err) {
			return locked(unopened(err));
		}
		if (!access.ok) return locked(access.reason);
		this.keeps = true;
		this.encrypted = access.encrypted;
		const me = s.draft.reviewerId;
		// A note its signed review could not file is filed with that review now if it can be, never put in this one.
		const left = await this.fileLeftBySigning(access.pending, me);
		const own = ownPendingNotes(access.pending, data, this.caseRef, me).filter(n => n.forReview === undefined);
		const back = returnedNote(own, data, this.caseRef, me, this.today, id => shortName(data.officers.find(o => o.id === id)));
		const fits = own.filter(n => n.officerId === s.ctx.case.oicId);
		// Several notes (older files) are merged into one on the next save.
		this.saved = fits.length > 1 ? null : back.text;
		const resumed = findDraft(data, this.caseRef, me) !== undefined;
		const held = resumed ? heldRestored(fits, data, this.owner(s)) : fits.flatMap(leftAsItWas);
		if (!resumed && fits.length > 0) await this.hold(s, fits, back.text);
		const words = [left, back.words].filter(w => w !== null).join(' ') || null;
		const keeps = held.length > 0 ? this.keptOnDiscard(held) : null;
		return {type: 'welfare-opened', lock: null, note: back.text === '' ? null : back.text, words, keeps};
	}

	/**
	 * Notes left behind, put into this review's field: recorded now as one note of this review's holding them
	 * as they were, before anything is typed or a draft saved, so a discard from any screen (this one, or the
	 * review reopened after a restart) puts them back waiting. If the drafts file does not take it, this
	 * screen remembers them instead (and the next save merges them, as before).
	 */
	private async hold(s: ReviewUiState, fits: readonly PendingNote[], text: string): Promise<void> {
		const owner = this.owner(s);
		const restored = fits.flatMap(leftAsItWas);
		// Dated as the notes it holds until something is typed (a save dates it the review's day).
		const date = restored.map(r => r.date).sort()[0] ?? this.today;
		const note = {officerId: s.ctx.case.oicId, date, text, updatedAt: this.now().toISOString(), restored};
		try {
			await this.store.changeNotes(notes => withOwnPendingNote(notes, this.store.snapshot(), owner, note));
			this.saved = text;
		} catch {
			this.unrecorded = [...fits];
			this.saved = null;
		}
	}

	/** Writes the note if it changed since the last save (and notes can be kept). */
	async save(s: ReviewUiState, note: string): Promise<void> {
		if (!this.dirty(note)) return;
		await this.put(s, note);
		this.saved = note;
		this.savedFor = s.ctx.case.oicId;
	}

	/**
	 * Discarding the review: only what this review typed is its to delete. A note left behind that it put
	 * back in the field goes back to waiting as it was (edited or not), and a note a signed review could
	 * not file is never touched (withOwnPendingNote).
	 */
	async remove(s: ReviewUiState): Promise<void> {
		if (!this.keeps) return;
		const unrecorded = this.unrecorded;
		const owner = this.owner(s);
		await this.store.changeNotes(notes => [...withOwnPendingNoteDiscarded(notes, this.store.snapshot(), owner), ...unrecorded]);
	}

	/**
	 * Before signing with a note: the passphrase must still open the welfare file, and the note must be
	 * in the drafts file, read back after it was written and synced. Returns why not (and the action that
	 * locks the field when the file no longer opens), or null.
	 */
	async keepBeforeSigning(s: ReviewUiState, note: string): Promise<{problem: string; lock: ReviewAction | null} | null> {
		const access = await this.access().catch((err: unknown) => ({ok: false as const, reason: unopened(err)}));
		if (!access.ok) {
			this.keeps = false;
			return {
				problem: `${access.reason} Clear the note to sign without it; every answer and the draft are kept.`,
				lock: locked(access.reason),
			};
		}
		this.keeps = true;
		this.encrypted = access.encrypted;
		const draftsFile = this.store.notesFile;
		try {
			await this.save(s, note);
			if (await this.onDisk(s, note, this.store.snapshot())) return null;
			this.saved = null;
			return {
				problem: `The note could not be found in ${draftsFile} after saving it, so the review was not signed. ${KEPT_RETRY}`,
				lock: null,
			};
		} catch (err) {
			this.saved = null;
			const problem = `The note could not be kept in ${draftsFile}: ${messageOf(err)} ${KEPT_RETRY} Or clear the note to sign without it.`;
			return {problem, lock: null};
		}
	}

	/**
	 * After signing: the waiting copy marked as this review's, then the note to the welfare file and read
	 * back, then the marked copy removed. Marked first, so that a crash after filing leaves a copy known to be
	 * filed by its id (pending-note.ts isFiled), never one told from another note by its words (REVIEW-7 D5).
	 * If it cannot be marked it is not filed now: it waits unmarked, put back into the author's next review of
	 * the case. If it cannot be filed it waits marked (README "Welfare notes"). Returns what to tell the
	 * sergeant, if anything.
	 */
	async fileAfterSigning(s: ReviewUiState, note: string, r: SignResult): Promise<string | null> {
		if (!this.keeps) return null;
		const draftsFile = this.store.notesFile;
		if (r.welfareNote) {
			const mark = {seq: r.review.seq, id: r.welfareNote.id, date: r.welfareNote.date};
			try {
				await this.markForReview(s, note, mark);
				await this.fileAndReadBack(r.welfareNote);
			} catch (err) {
				return this.notFiledAtSigning(s, note, r, err);
			}
		}
		try {
			// Only now, the note read back from the welfare file: its marked copy goes, and any unmarked note of this review's.
			if (r.welfareNote) await this.store.changeNotes(notes => notes.filter(n => !this.isMarkedFor(n, r.welfareNote!.id)));
			await this.put(s, '');
			// The welfare file takes notes again: one an earlier signed review could not file goes with it now.
			const access = await this.access().catch(() => null);
			return access?.ok ? await this.fileLeftBySigning(access.pending, s.draft.reviewerId) : null;
		} catch (err) {
			const when = 'it is removed when a review of this case next opens';
			return `Signed and the welfare note filed, but its draft copy in ${draftsFile} could not be removed (${messageOf(err)}); ${when}.`;
		}
	}

	/** The waiting copy of this review's note marked with its review, read back: throws NotMarked when it is not. */
	private async markForReview(s: ReviewUiState, note: string, mark: ReviewMark): Promise<void> {
		const owner = {caseRef: this.caseRef, reviewerId: s.draft.reviewerId, officerId: s.ctx.case.oicId};
		await this.store.changeNotes(notes => withNoteMarkedFor(notes, this.store.snapshot(), owner, note, mark));
		const all = await this.store.readNotes();
		if (!all.some(n => this.isMarkedFor(n, mark.id) && n.text === note)) {
			throw new NotMarked(`it could not first be marked as this review's in ${this.store.notesFile}`);
		}
	}

	private isMarkedFor(n: PendingNote, id: string): boolean {
		return n.caseRef === this.caseRef && n.forReview?.id === id;
	}

	/**
	 * Signed, but the note is not in the welfare file: its waiting copy is marked as this review's, so it is
	 * filed with this review later and never put into or deleted with another. If the mark cannot be written
	 * the copy stays unmarked: it comes back in the author's next review of the case, to sign or clear.
	 */
	private async notFiledAtSigning(s: ReviewUiState, note: string, r: SignResult, err: unknown): Promise<string> {
		const draftsFile = this.store.notesFile;
		const me = s.draft.reviewerId;
		const officerId = s.ctx.case.oicId;
		if (r.welfareNote) {
			const mark = {seq: r.review.seq, id: r.welfareNote.id, date: r.welfareNote.date};
			const owner = {caseRef: this.caseRef, reviewerId: me, officerId};
			const failure = failureOf(err, this.now(), this.today);
			// Marked before filing (or, if that failed, now): the failure is kept with the marked copy.
			const id = mark.id;
			await this.store
				.changeNotes(notes => {
					const marked = withNoteMarkedFor(notes, this.store.snapshot(), owner, note, mark, failure);
					return withFilingFailure(marked, n => this.isMarkedFor(n, id), failure);
				})
				.catch(() => {});
		}
		// It was in the drafts file before signing; say it is kept only if it still demonstrably is.
		const own = await this.store
			.readNotes()
			.then(all => ownPendingNotes(all, this.store.snapshot(), this.caseRef, me).filter(n => n.officerId === officerId && n.text === note))
			.catch(() => []);
		const marked = own.some(n => n.forReview?.seq === r.review.seq);
		const kept = marked || (await this.onDisk(s, note, this.store.snapshot()).catch(() => false));
		const where = `${this.encrypted ? 'encrypted ' : ''}in ${draftsFile}`;
		const failed = `Signed, but the welfare note could not be moved to ${this.store.welfareFileWords} (${messageOf(err)})`;
		if (!kept) return `${failed}, and it is no longer ${where} either: it was not kept.`;
		if (!marked) {
			// The mark could not be written: the note is a leftover, put back in the next review rather than guessed to be this one's.
			return `${failed}; it is kept ${where} and is put back into step 6 of your next review of this case, to sign with that review or clear.`;
		}
		// On PostgreSQL only while its author may still review the case (a cover's login sees the team only on the
		// dates covered): after that only the database's owner can file it, from its pending row (pending-list.ts signedNext).
		// Another note holds its id (022, REVIEW-9 N3): trying again files nothing until the owner sees to that note.
		const taken = err instanceof StoreError && err.code === 'id-taken';
		const next = taken
			? "waits, never deleted; it is filed with this review the next time you open or sign a review of this case once the database's owner has seen to the note that holds its id"
			: 'will be filed with this review the next time you open or sign a review of this case';
		const byHand = `the database's owner can file it from its pending row (fortnight_welfare_pending), as welfare note ${r.welfareNote?.id ?? ''}`;
		const back = !this.store.onDatabase
			? next
			: taken
				? `${next}; the owner can also file it from its pending row (fortnight_welfare_pending) under an id no note holds`
				: `${next}, while you may still review it (a cover: on the dates you cover); after that, ${byHand}`;
		return `${failed}; it is kept ${where} and ${back}.`;
	}

	/** Files a note, then reads the welfare file back: throws unless it holds the note under its id with these words. */
	private async fileAndReadBack(note: FiledNote & {id: string}): Promise<void> {
		await this.store.fileNote(note);
		if (!filedAsRead(note, (await this.store.readWelfareNotes()).notes)) {
			throw new NotReadBack(`${this.store.welfareFileWords} did not hold it when read back`);
		}
	}

	/** The welfare file and drafts file opened (the passphrase from FORTNIGHT_WELFARE_KEY). */
	private access(): Promise<WelfareDraftsAccess> {
		const data = this.store.snapshot();
		return this.store.openNotes((p, n) => isFiled(p, n, data));
	}

	/**
	 * Files the sergeant's notes on this case that their signed reviews could not file (the welfare file
	 * could not be written then), each with its own review's id and date, and removes each waiting copy
	 * once it is filed. Returns what to tell the sergeant (never the note), or null when there were none.
	 */
	private async fileLeftBySigning(pending: readonly PendingWelfareNote[], me: string): Promise<string | null> {
		const data = this.store.snapshot();
		const left = ownPendingNotes(pending, data, this.caseRef, me).flatMap(n => {
			const filed = filedWithItsReview(n, data);
			return filed === null ? [] : [{n, filed}];
		});
		if (left.length === 0) return null;
		const filedOn: string[] = [];
		const waitingOn: string[] = [];
		let why = '';
		let taken = false;
		const failed: {n: PendingNote; failure: PendingNoteError}[] = [];
		for (const {n, filed} of left) {
			const day = shortDate(filed.date, this.today);
			try {
				await this.fileAndReadBack(filed);
			} catch (err) {
				why ||= messageOf(err);
				taken ||= err instanceof StoreError && err.code === 'id-taken';
				waitingOn.push(day);
				failed.push({n, failure: failureOf(err, this.now(), this.today)});
				continue;
			}
			filedOn.push(day);
			// If this fails the copy is dropped as filed the next time notes are opened (store/welfare-drafts.ts).
			await this.store.changeNotes(notes => notes.filter(p => !samePendingNote(p, n))).catch(() => {});
		}
		// Why each is still waiting, for `fortnight welfare pending`; if this cannot be written the earlier reason stays.
		for (const {n, failure} of failed) {
			await this.store.changeNotes(notes => withFilingFailure(notes, p => samePendingNote(p, n), failure)).catch(() => {});
		}
		const days = (list: string[]) => [...new Set(list)].join(' and ');
		const words: string[] = [];
		if (filedOn.length > 0) {
			words.push(
				`The welfare note you wrote with your review of this case signed on ${days(filedOn)} could not be filed then; ` +
					'it is filed now, with that review.',
			);
		}
		if (waitingOn.length > 0) {
			const when = taken ? "once the database's owner has seen to the note that holds its id, the next time" : 'the next time';
			words.push(
				`The welfare note you wrote with your review of this case signed on ${days(waitingOn)} is still not filed (${why}); ` +
					`it stays ${this.encrypted ? 'encrypted ' : ''}in ${this.store.notesFile} and is filed with that review ${when} ` +
					'you open or sign a review of this case. It is not part of this review, and discarding this review does not delete it.',
			);
		}
		return words.join(' ');
	}

	/** What the discard confirmation adds: the notes put back in the field go back to waiting, not deleted. */
	private keptOnDiscard(restored: readonly {date: IsoDate}[]): string {
		const days = [...new Set(restored.map(n => shortDate(n.date, this.today)))].join(' and ');
		return `The welfare note from ${days} restored in step 6 is not deleted: it goes back to waiting for you, as it was.`;
	}

	private owner(s: ReviewUiState) {
		const replacing = [...new Set([s.ctx.case.oicId, this.savedFor])];
		return {caseRef: this.caseRef, reviewerId: s.draft.reviewerId, replacing};
	}

	/** The sergeant's own pending note on this case is replaced (about this officer, or the one saved about). */
	private put(s: ReviewUiState, note: string, data?: StoreData): Promise<unknown> {
		const owner = this.owner(s);
		const pending = note === '' ? null : {officerId: s.ctx.case.oicId, date: this.today, text: note, updatedAt: this.now().toISOString()};
		return this.store.changeNotes(notes => withOwnPendingNote(notes, data ?? this.store.snapshot(), owner, pending));
	}

	/** True when the drafts file, read back, holds exactly this note of the sergeant's (unmarked: not an earlier review's). */
	private async onDisk(s: ReviewUiState, note: string, data: StoreData): Promise<boolean> {
		const own = ownPendingNotes(await this.store.readNotes(), data, this.caseRef, s.draft.reviewerId);
		const about = own.filter(n => n.officerId === s.ctx.case.oicId && n.forReview === undefined);
		return about.length === 1 && about[0]!.text === note;
	}
}
