/**
 * The guided review of one case as a plain service (no React, no Ink: tested alone in
 * test/ui/review/review-session.test.ts). It holds the review state (review-state.ts), applies each
 * action with the review's reducer and carries out what the new state asks for: saving the draft as the
 * sergeant goes (after a short pause in typing, and at once when a field or step is left), signing,
 * discarding, leaving. Every store write is one DeskStore.apply of a pure change from domain/review; the
 * private welfare note is review-notes.ts's (the welfare drafts file and, at signing, the welfare file).
 * The screen (review-screen.tsx) renders `view()` and passes keys in.
 */
import {shortDate, type IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {
	changesOnData,
	cleanInput,
	contextOnDay,
	discardDraft,
	findDraft,
	hasAnswers,
	reviewContext,
	ReviewError,
	saveDraft,
	signReview,
	sinceLastReview,
	StaleReviewError,
	type SignResult,
	type WorkingDraft,
} from '../../domain/review/index.js';
import {StoreError} from '../../store/index.js';
import {actorSigner, type DeskActor} from '../desk/desk-actor.js';
import {onExitFlush, trackWrite} from '../pending-writes.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import {workingDrafts} from './open-review.js';
import {ReviewNotes} from './review-notes.js';
import {reviewReducer, type ReviewAction, type ReviewUiState} from './review-state.js';

export interface ReviewSessionOptions {
	store: DeskStore;
	caseRef: string;
	/** The desk's day; follow() moves it on (a desk open past midnight), and the review is signed on it. */
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

export class ReviewSession {
	/** The review's state, applied at once (not at the next render): a save on the way out straight after a key sees it. */
	private state: ReviewUiState;
	private status: string;
	private shown: ReviewSessionView;
	private readonly listeners = new Set<() => void>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** Saves run one at a time; `closed` stops saving once signing or discarding starts. */
	private running: Promise<void> = Promise.resolve();
	private savedEdits = 0;
	private closed = false;
	private stored: boolean;
	private readonly notes: ReviewNotes;

	constructor(
		init: ReviewUiState,
		private o: ReviewSessionOptions,
	) {
		this.state = init;
		this.notes = new ReviewNotes(o.store, o.caseRef, o.today, o.now, init.ctx.case.oicId);
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

	/**
	 * Takes the screen's latest ways out (a queue's next case is worked out at each render) and the desk's
	 * latest day: a review open past midnight is then worked out, signed and dated on the new day.
	 */
	follow(ways: Pick<ReviewSessionOptions, 'onExit' | 'onNextCase'> & {today?: IsoDate}): void {
		const {today, ...rest} = ways;
		this.o = {...this.o, ...rest};
		if (today !== undefined) this.moveTo(today);
	}

	/**
	 * The desk's day moved on while the review was open (README "Opened without `--today`..."): its context
	 * is worked out for the new day on the records it was shown (contextOnDay), so the entry's date, its
	 * lateness, the next review counted from it and any check-in or concern recorded with it are the new
	 * day's, and one line says so. The answers and the saved draft are kept as they are.
	 */
	private moveTo(today: IsoDate): void {
		const s = this.state;
		if (s.ctx.today === today || s.phase === 'signed') return;
		const opened = s.ctx.today;
		let ctx;
		try {
			ctx = contextOnDay(s.ctx, today, this.o.store.snapshot());
		} catch (err) {
			// Kept on the day it was shown: it is signed as that day rather than on facts not worked out.
			this.dispatch({
				type: 'notice',
				message: `It is now ${shortDate(today, today)}, but this review stays dated ${shortDate(opened, today)}: ${messageOf(err)}`,
			});
			return;
		}
		this.o = {...this.o, today};
		this.notes.onDay(today);
		const line = `It is now ${shortDate(today, today)}: this review is dated ${shortDate(today, today)} (opened ${shortDate(opened, today)}).`;
		this.dispatch({type: 'day-moved', ctx, since: sinceLastReview(ctx), line});
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
		// Before a note can be typed (review-notes.ts); once per review opened, not on a change of the desk's day.
		if (this.o.store.open) void this.notes.open(this.state).then(this.dispatch);
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
		return s.edits !== this.savedEdits || this.notes.unsaved(s.draft.answers.welfare.note);
	}

	private async saveNow(): Promise<void> {
		const {store, now} = this.o;
		const s = this.state;
		if (!store.open || store.readOnly || this.closed) return;
		const draft: WorkingDraft = s.draft;
		const note = draft.answers.welfare.note;
		const dirty = s.edits !== this.savedEdits || !this.stored;
		if (!dirty && !this.notes.dirty(note)) return;
		// Opening a review and backing out leaves no trace: nothing is stored until something is answered.
		if (!this.stored && !hasAnswers(draft.answers)) return;
		this.setStatus('saving...');
		try {
			if (dirty) {
				const edits = s.edits;
				// Dated on the review's day (the desk's, which follows the calendar when no --today is given): worked-day.ts.
				const put = () => store.apply(d => saveDraft(d, draft, now().toISOString(), s.ctx.today));
				try {
					await put();
				} catch (err) {
					// This review's draft record changed meanwhile: only its reviewer saves or removes it, so it was
					// their other session (signed the case, which removes its draft, or saved a draft of it). The
					// draft here is the work in progress, so the store is reloaded and it is saved on top. Signing
					// still checks what was done (see sign.ts).
					if (!(err instanceof StoreError) || err.code !== 'conflict') throw err;
					await store.reload();
					await put();
					this.dispatch({
						type: 'notice',
						message:
							otherSessionName(store.snapshot(), s.draft.reviewerId) +
							" changed this review's draft meanwhile: the desk reloaded and saved the answers here over it.",
					});
				}
				this.savedEdits = edits;
				this.stored = true;
			}
			await this.notes.save(s, note);
			this.setStatus(`draft saved ${now().toTimeString().slice(0, 5)}`);
		} catch (err) {
			this.setStatus('NOT SAVED');
			this.dispatch({
				type: 'notice',
				message: `The draft could not be saved: ${messageOf(err)} Your answers are still here; keep going and it will try again.`,
			});
		}
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
			await this.notes.remove(this.state);
			done();
			this.o.onExit();
		} catch (err) {
			this.closed = false;
			done();
			this.dispatch({type: 'notice', message: `The draft could not be discarded: ${messageOf(err)}`});
		}
	}

	private async sign(done: () => void): Promise<void> {
		const {store, caseRef, actor, now} = this.o;
		await this.running;
		this.closed = true;
		const s = this.state;
		// The day its context was worked out for: the desk's day, moved on with it past midnight (moveTo).
		const today = s.ctx.today;
		const note = s.draft.answers.welfare.note;
		if (cleanInput(note) !== '') {
			const refused = await this.notes.keepBeforeSigning(s, note);
			if (refused !== null) {
				this.closed = false;
				if (refused.lock) this.dispatch(refused.lock);
				const problem = refused.problem;
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
		const message = await this.notes.fileAfterSigning(s, note, r);
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
					: (otherSession(fresh, s) ?? `${message} The case's details are reloaded; the answers here are kept.`);
		} catch (reloadErr) {
			message += ` ${messageOf(reloadErr)}`;
		}
		// Their signing may have removed this case's stored draft and pending note: put ours back.
		this.stored = Boolean(findDraft(store.snapshot(), caseRef));
		this.savedEdits = -1;
		this.notes.forget();
		void this.save();
		return {message, errors};
	}
}

/** "Your other session (a desk or command open as DS Brennan)": the reviewer's own other session, named. */
function otherSessionName(data: StoreData, reviewerId: string): string {
	const me = data.officers.find(o => o.id === reviewerId);
	return `Your other session (a desk or command open as ${safeText(shortName(me))})`;
}

/**
 * Signing clashed on this review's own draft: a draft is saved only by its reviewer, so the other change
 * was the same officer's other desk or command, which saved other answers (or removed the draft) after
 * this one opened it. Said as such, by name, in a sentence that fits the notice's three lines, and true
 * about what is shown: this desk's answers, kept, and saved over the other's by the save that follows, so
 * signing again signs them (QA 6 D4: it read "Another user changed draft review of case ... by o0002").
 * Null when the draft on record is the one shown here (the clash was about something else).
 */
function otherSession(fresh: StoreData, s: ReviewUiState): string | null {
	const {caseRef, reviewerId, answers} = s.draft;
	const theirs = findDraft(fresh, caseRef, reviewerId);
	if (theirs && JSON.stringify(theirs.answers) === JSON.stringify(answers)) return null;
	return (
		`Not signed: ${otherSessionName(fresh, reviewerId).replace(/^Y/, 'y')} changed this review's draft after this desk ` +
		'opened it; nothing recorded. The answers shown here are kept: sign again to sign these.'
	);
}
