/**
 * The guided review of one case as a plain service (no React, no Ink: tested alone in
 * test/ui/review/review-session.test.ts). It holds the review state (review-state.ts), applies each
 * action with the review's reducer and carries out what the new state asks for: saving the draft as the
 * sergeant goes (after a short pause in typing, and at once when a field or step is left), signing,
 * discarding, leaving. Every store write is one DeskStore.apply of a pure change from domain/review; the
 * private welfare note goes only to the welfare drafts file and, at signing, the welfare file. The screen
 * (review-screen.tsx) renders `view()` and passes keys in.
 *
 * The welfare note (README "Welfare notes"): before a note can be typed the welfare file is opened with
 * the passphrase, so a team whose notes cannot be kept (an encrypted file and no or the wrong
 * FORTNIGHT_WELFARE_KEY) gets a field that says why instead of one that takes typing. The note is
 * the draft's reviewer's: only their own pending note on this case is put back. Signing with a note
 * first checks the passphrase again and makes sure the note is on disk in the drafts file, so if
 * filing it after the signature fails it is demonstrably kept, and says so only then.
 */
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {shortName} from '../../domain/people.js';
import {
	changesOnData,
	cleanInput,
	discardDraft,
	findDraft,
	hasAnswers,
	isFiled,
	ownPendingNotes,
	returnedNote,
	reviewContext,
	ReviewError,
	saveDraft,
	signReview,
	sinceLastReview,
	StaleReviewError,
	withOwnPendingNote,
	type SignResult,
	type WorkingDraft,
} from '../../domain/review/index.js';
import {StoreError, type WelfareDraftsAccess} from '../../store/index.js';
import {actorSigner, type DeskActor} from '../desk/desk-actor.js';
import {onExitFlush, trackWrite} from '../pending-writes.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import {workingDrafts} from './open-review.js';
import {reviewReducer, type ReviewAction, type ReviewUiState} from './review-state.js';

export interface ReviewSessionOptions {
	store: DeskStore;
	caseRef: string;
	today: IsoDate;
	/** Who is at the keyboard: the draft's author, the signer (README "Who you are"). */
	actor: DeskActor;
	/** Clock for saved times (tests fix it). */
	now: () => Date;
	/** Pause in typing before the draft is saved, ms. */
	saveDelayMs: number;
	/** Leave the screen. */
	onExit: () => void;
	/** Queue mode: `n` after signing. */
	onNextCase?: () => void;
}

/** What the screen shows: the review's state and the save status line. */
export interface ReviewSessionView {
	state: ReviewUiState;
	saveStatus: string;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const KEPT_RETRY = 'Every answer and the draft are kept; try again.';
const unopened = (err: unknown) => `The welfare file could not be opened (${messageOf(err)}), so no note can be kept.`;

export class ReviewSession {
	/** The review's state, applied at once (not at the next render): a save on the way out straight after a key sees it. */
	private state: ReviewUiState;
	private status: string;
	private shown: ReviewSessionView;
	private readonly listeners = new Set<() => void>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	/**
	 * Saves run one at a time; `closed` stops saving once signing or discarding starts. `savedNote` null:
	 * not known to be in the welfare drafts file, so the next save writes it. Notes are written only once
	 * `notesKept` (the welfare file opened with the passphrase); `savedFor` is the officer the saved note
	 * is about (the case's officer then).
	 */
	private running: Promise<void> = Promise.resolve();
	private savedEdits = 0;
	private savedNote: string | null = '';
	private savedFor: string;
	private notesKept = false;
	private encrypted = false;
	private closed = false;
	private stored: boolean;

	constructor(
		init: ReviewUiState,
		private o: ReviewSessionOptions,
	) {
		this.state = init;
		this.savedFor = init.ctx.case.oicId;
		const stored = Boolean(findDraft(o.store.snapshot(), o.caseRef));
		this.stored = o.store.open && stored;
		this.status = !o.store.open
			? 'no store: not saved'
			: o.store.readOnly
				? 'read-only: not saved'
				: stored
					? 'draft saved'
					: 'not saved yet';
		this.shown = {state: init, saveStatus: this.status};
	}

	/** The current view (the same object until something changes: useSyncExternalStore's getSnapshot). */
	readonly view = (): ReviewSessionView => this.shown;

	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	/** Takes the screen's latest ways out (a queue's next case is worked out at each render). */
	follow(ways: Pick<ReviewSessionOptions, 'onExit' | 'onNextCase'>): void {
		this.o = {...this.o, ...ways};
	}

	/** The review's state as of the last action (for tests and the exit flush). */
	get current(): ReviewUiState {
		return this.state;
	}

	/**
	 * Opens the welfare file and registers the save on every way out of the process (pending-writes.ts).
	 * Returns the stop function: the screen calls it when it goes (tab switched or closed, desk quit), which
	 * keeps the answers in memory for coming back and saves one last time.
	 */
	start(): () => void {
		const unflush = onExitFlush(() => this.save());
		this.openWelfare();
		return () => {
			unflush();
			clearTimeout(this.timer);
			if (!this.closed) workingDrafts.keep(this.o.store, this.state.draft);
			void this.save();
		};
	}

	/** Applies an action, then carries out what the new state asks for (a save, a request). */
	readonly dispatch = (a: ReviewAction): void => {
		const before = this.state;
		this.state = reviewReducer(before, a);
		if (this.state === before) return;
		this.show();
		const s = this.state;
		// After a pause in typing: only typing restarts the pause.
		if (s.edits !== before.edits && s.edits > 0) {
			clearTimeout(this.timer);
			this.timer = setTimeout(() => void this.save(), this.o.saveDelayMs);
		}
		// At once when a field or step is left.
		if (s.saveNow !== before.saveNow && s.saveNow > 0) void this.save();
		if (s.request !== null && s.request !== before.request) this.carryOut(s.request);
	};

	/** Saves the draft (and the welfare note once it can be kept) if anything changed; one save at a time. */
	save(): Promise<void> {
		this.running = this.running.then(() => this.saveNow());
		// The process waits for it on every way out (source/ui/pending-writes.ts).
		return trackWrite(this.running);
	}

	private show(): void {
		// "draft saved" only once the write is done: until then what was typed since is on its way.
		const saveStatus = this.unsaved() && this.status !== 'NOT SAVED' ? 'saving...' : this.status;
		if (this.shown.state === this.state && this.shown.saveStatus === saveStatus) return;
		this.shown = {state: this.state, saveStatus};
		for (const listener of [...this.listeners]) listener();
	}

	private setStatus(status: string): void {
		this.status = status;
		this.show();
	}

	/** Typed or chosen since the last save (the answers, or the welfare note once it can be kept). */
	private unsaved(): boolean {
		const {store} = this.o;
		if (!store.open || store.readOnly || this.closed) return false;
		const s = this.state;
		return s.edits !== this.savedEdits || (this.notesKept && this.savedNote !== null && s.draft.answers.welfare.note !== this.savedNote);
	}

	private async saveNow(): Promise<void> {
		const {store, now} = this.o;
		const s = this.state;
		if (!store.open || store.readOnly || this.closed) return;
		const draft: WorkingDraft = s.draft;
		const note = draft.answers.welfare.note;
		const dirty = s.edits !== this.savedEdits || !this.stored;
		if (!dirty && (note === this.savedNote || !this.notesKept)) return;
		// Opening a review and backing out leaves no trace: nothing is stored until something is answered.
		if (!this.stored && !hasAnswers(draft.answers)) return;
		this.setStatus('saving...');
		try {
			if (dirty) {
				const edits = s.edits;
				const put = () => store.apply(d => saveDraft(d, draft, now().toISOString()));
				try {
					await put();
				} catch (err) {
					// Another user changed this case's draft record meanwhile (signed the case, which removes its
					// draft, or saved a draft of it): the draft is this sergeant's work in progress, so the store
					// is reloaded and it is saved on top. Signing still checks what they did (see sign.ts).
					if (!(err instanceof StoreError) || err.code !== 'conflict') throw err;
					await store.reload();
					await put();
					this.dispatch({
						type: 'notice',
						message: 'Another user changed this case while you were reviewing it: the desk reloaded their changes and kept your draft.',
					});
				}
				this.savedEdits = edits;
				this.stored = true;
			}
			if (this.notesKept && note !== this.savedNote) {
				await this.putNote(s, note);
				this.savedNote = note;
				this.savedFor = s.ctx.case.oicId;
			}
			this.setStatus(`draft saved ${now().toTimeString().slice(0, 5)}`);
		} catch (err) {
			this.setStatus('NOT SAVED');
			this.dispatch({
				type: 'notice',
				message: `The draft could not be saved: ${messageOf(err)} Your answers are still here; keep going and it will try again.`,
			});
		}
	}

	/** The welfare file and drafts file opened (the passphrase from FORTNIGHT_WELFARE_KEY). */
	private openNotes(): Promise<WelfareDraftsAccess> {
		const data = this.o.store.snapshot();
		return this.o.store.openNotes((p, n) => isFiled(p, n, data));
	}

	/**
	 * Opens the welfare file with the passphrase before a note can be typed, and brings back the sergeant's
	 * own note on this case (typed before a restart, or left unfiled by a crash or a key problem).
	 */
	private openWelfare(): void {
		const {store, caseRef, today} = this.o;
		if (!store.open) return;
		const s = this.state;
		const data = store.snapshot();
		this.openNotes().then(
			access => {
				if (!access.ok) {
					this.dispatch({type: 'welfare-opened', lock: access.reason, note: null, words: null});
					return;
				}
				const me = s.draft.reviewerId;
				const own = ownPendingNotes(access.pending, data, caseRef, me);
				const back = returnedNote(own, data, caseRef, me, today, id => shortName(data.officers.find(o => o.id === id)));
				const fits = own.filter(n => n.officerId === s.ctx.case.oicId).length;
				// Several notes (older files) are merged into one on the next save.
				this.savedNote = fits > 1 ? null : back.text;
				this.notesKept = true;
				this.encrypted = access.encrypted;
				this.dispatch({type: 'welfare-opened', lock: null, note: back.text === '' ? null : back.text, words: back.words});
			},
			err => this.dispatch({type: 'welfare-opened', lock: unopened(err), note: null, words: null}),
		);
	}

	/** The sergeant's own pending note on this case is replaced (about this officer, or the one saved about). */
	private putNote(s: ReviewUiState, note: string): Promise<unknown> {
		const {store, caseRef, today, now} = this.o;
		const replacing = [...new Set([s.ctx.case.oicId, this.savedFor])];
		const owner = {caseRef, reviewerId: s.draft.reviewerId, replacing};
		const pending = note === '' ? null : {officerId: s.ctx.case.oicId, date: today, text: note, updatedAt: now().toISOString()};
		return store.changeNotes(notes => withOwnPendingNote(notes, store.snapshot(), owner, pending));
	}

	/** True when the drafts file, read back, holds exactly this note of the sergeant's. */
	private async noteOnDisk(s: ReviewUiState, note: string, data: StoreData): Promise<boolean> {
		const own = ownPendingNotes(await this.o.store.readNotes(), data, this.o.caseRef, s.draft.reviewerId);
		const about = own.filter(n => n.officerId === s.ctx.case.oicId);
		return about.length === 1 && about[0]!.text === note;
	}

	/** A request of the review's state (leave, next case, discard, sign), once per request. */
	private carryOut(request: NonNullable<ReviewUiState['request']>): void {
		const {store} = this.o;
		const done = () => this.dispatch({type: 'request-done'});
		if (request === 'exit') {
			void this.save().then(() => {
				done();
				this.o.onExit();
			});
			return;
		}
		if (request === 'next-case') {
			done();
			this.o.onNextCase?.();
			return;
		}
		if (!store.open || store.readOnly) {
			done();
			this.dispatch({
				type: 'sign-failed',
				message: store.open
					? `${store.file} is read-only: ${store.readOnlyReason ?? 'it cannot be written'}. Nothing was recorded.`
					: 'No store is open: nothing can be recorded.',
			});
			return;
		}
		void (request === 'discard' ? this.discard(done) : this.sign(done));
	}

	private async discard(done: () => void): Promise<void> {
		const {store, caseRef} = this.o;
		await this.running;
		this.closed = true;
		const me = this.state.draft.reviewerId;
		workingDrafts.drop(store, caseRef, me);
		try {
			await store.apply(d => discardDraft(d, caseRef, me));
			// Only a note this review could keep is its to delete; anything older stays for its author.
			if (this.notesKept) await this.putNote(this.state, '');
			done();
			this.o.onExit();
		} catch (err) {
			this.closed = false;
			done();
			this.dispatch({type: 'notice', message: `The draft could not be discarded: ${messageOf(err)}`});
		}
	}

	private async sign(done: () => void): Promise<void> {
		const {store, caseRef, today, actor, now} = this.o;
		await this.running;
		this.closed = true;
		const s = this.state;
		const note = s.draft.answers.welfare.note;
		if (cleanInput(note) !== '') {
			const problem = await this.keepNote(s, note);
			if (problem !== null) {
				this.closed = false;
				done();
				const message = 'Not signed: the welfare note cannot be kept (see step 6); nothing recorded, answers kept.';
				this.dispatch({type: 'sign-failed', message, errors: [{step: 'welfare', field: 'welfare.note', message: problem}]});
				return;
			}
		}
		let result: SignResult | undefined;
		try {
			await store.apply(d => {
				result = signReview(
					d,
					{caseRef, answers: s.draft.answers},
					{today, signedAt: now().toISOString(), reviewerId: s.draft.reviewerId, sign: actorSigner(actor, d), context: s.ctx},
				);
				return result.next;
			});
		} catch (err) {
			this.closed = false;
			done();
			this.dispatch({type: 'sign-failed', ...(await this.notSigned(s, err))});
			return;
		}
		const r = result!;
		workingDrafts.drop(store, caseRef, s.draft.reviewerId);
		done();
		this.dispatch({type: 'signed', seq: r.review.seq, nextReviewDue: r.review.data.nextReviewDue});
		this.setStatus('signed');
		if (!this.notesKept) return;
		const message = await this.fileNote(s, note, r);
		if (message) this.dispatch({type: 'notice', message});
	}

	/**
	 * Signing was refused. When someone else changed what this review rests on nothing was written: the
	 * store as it is now is shown (their review, the decision they recorded, the case's new risk), every
	 * answer kept, so the sergeant can check and sign again knowing it.
	 */
	private async notSigned(s: ReviewUiState, err: unknown): Promise<{message: string; errors: ReviewError['errors']}> {
		const {store, caseRef, today, actor} = this.o;
		let message = `Not signed: ${messageOf(err)}`;
		let errors = err instanceof ReviewError ? err.errors : [];
		if (!(err instanceof StaleReviewError || (err instanceof StoreError && err.code === 'conflict'))) return {message, errors};
		try {
			const fresh = await store.reload();
			// The store names only the record both touched; say what changed for this review, as signing would.
			const changed = err instanceof StoreError ? changesOnData(s.ctx, fresh, s.draft.answers) : [];
			if (changed.length > 0) errors = changed;
			const ctx = reviewContext(fresh, caseRef, today, actor.officerId);
			this.dispatch({type: 'context-refreshed', ctx, since: sinceLastReview(ctx)});
			// One line: the reasons are shown under the answers they concern.
			message =
				errors.length > 0
					? 'Not signed: changed since you opened it (now shown); nothing recorded, answers kept. Check what is marked, then sign again.'
					: `${message} The review now shows the store as it is.`;
		} catch (reloadErr) {
			message += ` ${messageOf(reloadErr)}`;
		}
		// Their signing may have removed this case's stored draft and pending note: put ours back.
		this.stored = Boolean(findDraft(store.snapshot(), caseRef));
		this.savedEdits = -1;
		this.savedNote = null;
		void this.save();
		return {message, errors};
	}

	/**
	 * Before signing with a note: the passphrase must still open the welfare file, and the note must be
	 * in the drafts file, read back after it was written and synced. Returns why not, or null.
	 */
	private async keepNote(s: ReviewUiState, note: string): Promise<string | null> {
		const access = await this.openNotes().catch((err: unknown) => ({ok: false as const, reason: unopened(err)}));
		if (!access.ok) {
			this.notesKept = false;
			this.dispatch({type: 'welfare-opened', lock: access.reason, note: null, words: null});
			return `${access.reason} Clear the note to sign without it; every answer and the draft are kept.`;
		}
		this.notesKept = true;
		this.encrypted = access.encrypted;
		const draftsFile = this.o.store.notesFile;
		try {
			if (note !== this.savedNote) {
				await this.putNote(s, note);
				this.savedNote = note;
				this.savedFor = s.ctx.case.oicId;
			}
			if (await this.noteOnDisk(s, note, this.o.store.snapshot())) return null;
			this.savedNote = null;
			return `The note could not be found in ${draftsFile} after saving it, so the review was not signed. ${KEPT_RETRY}`;
		} catch (err) {
			this.savedNote = null;
			return `The note could not be kept in ${draftsFile}: ${messageOf(err)} ${KEPT_RETRY} Or clear the note to sign without it.`;
		}
	}

	/** After signing: the note to the welfare file, then its pending copy removed. Returns what to tell the sergeant, if anything. */
	private async fileNote(s: ReviewUiState, note: string, r: SignResult): Promise<string | null> {
		const draftsFile = this.o.store.notesFile;
		try {
			if (r.welfareNote) await this.o.store.fileNote(r.welfareNote);
		} catch (err) {
			// It was in the drafts file before signing; say it is kept only if it still demonstrably is.
			const kept = await this.noteOnDisk(s, note, this.o.store.snapshot()).catch(() => false);
			const where = `${this.encrypted ? 'encrypted ' : ''}in ${draftsFile}`;
			const failed = `Signed, but the welfare note could not be moved to the welfare file (${messageOf(err)})`;
			return kept
				? `${failed}; it is kept ${where} and will be offered back to you the next time you review this case.`
				: `${failed}, and it is no longer ${where} either: it was not kept.`;
		}
		try {
			await this.putNote(s, '');
			return null;
		} catch (err) {
			const when = 'it is removed when a review of this case next opens';
			return `Signed and the welfare note filed, but its draft copy in ${draftsFile} could not be removed (${messageOf(err)}); ${when}.`;
		}
	}
}
