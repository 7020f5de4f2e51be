/**
 * The guided review of one case, mounted in an editor tab. Holds the review state (review-state.ts)
 * and carries out what it asks for: saving the draft as the sergeant goes (after a short pause in
 * typing, and at once when a field or step is left), signing, discarding, leaving. Every store write is
 * one store.apply of a pure change from domain/review; the private welfare note goes only to the
 * welfare drafts file and, at signing, the welfare file.
 *
 * The welfare note (README "Welfare notes"): before a note can be typed the welfare file is opened with
 * the passphrase, so a team whose notes cannot be kept (an encrypted file and no or the wrong
 * FORTNIGHT_WELFARE_KEY) gets a field that says why instead of one that takes typing. The note is
 * the draft's reviewer's: only their own pending note on this case is put back. Signing with a note
 * first checks the passphrase again and makes sure the note is on disk in the drafts file, so if
 * filing it after the signature fails it is demonstrably kept, and says so only then.
 */
import React, {useCallback, useEffect, useRef, useState} from 'react';
import {mayReview} from '../../domain/permissions.js';
import {shortName} from '../../domain/people.js';
import {
	changesOnData,
	cleanInput,
	discardDraft,
	findDraft,
	hasAnswers,
	isFiled,
	openDraft,
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
import type {StoreData} from '../../domain/model.js';
import {
	StoreError,
	type Store,
	changeWelfareDrafts,
	openWelfareDrafts,
	readWelfareDrafts,
	welfareDraftsPathFor,
	type WelfareDraftsAccess,
	appendWelfareNote,
	welfarePathFor,
} from '../../store/index.js';
import {initialReviewState, NOTE_CHECKING, reviewReducer, type ReviewAction, type ReviewUiState} from './review-state.js';
import {ReviewView} from './review-view.js';
import {ClosedScreen, readOnlyRefusal} from './closed-screen.js';
import {useReviewKeys} from './use-review-keys.js';
import type {ReviewScreenBaseProps} from './screen-props.js';
import {actorSigner, actorSigningRefusal} from '../desk/desk-actor.js';
import {onExitFlush, trackWrite} from '../pending-writes.js';
import {useKeymap} from '../contexts/keymap-context.js';

export interface ReviewScreenProps extends ReviewScreenBaseProps {
	/** Queue mode: position and the next case; `n` after signing calls onNextCase. */
	queue?: {position: number; total: number; nextRef: string | null};
	onNextCase?: () => void;
	/** Pause in typing before the draft is saved, ms. */
	saveDelayMs?: number;
}

/**
 * Drafts being worked on in this process, by store file, case and author: switching tabs unmounts the screen,
 * and its last answers may still be on their way to the file, so coming back takes them from here.
 * Cleared when the review is signed or discarded.
 */
const working = new Map<string, WorkingDraft>();
// By author too: a draft is its author's alone (README "Who you are"), even where one process runs two desks.
const workingKey = (store: Store | undefined, ref: string, authorId: string) => `${store?.file ?? '(memory)'}\u0000${ref}\u0000${authorId}`;

function messageOf(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

const KEPT_RETRY = 'Every answer and the draft are kept; try again.';
const unopened = (err: unknown) => `The welfare file could not be opened (${messageOf(err)}), so no note can be kept.`;

/** The welfare file and drafts file opened for this store (the passphrase from FORTNIGHT_WELFARE_KEY). */
const openNotes = (store: Store): Promise<WelfareDraftsAccess> => {
	const data = store.snapshot();
	return openWelfareDrafts(store.file, (p, n) => isFiled(p, n, data));
};

export function ReviewScreen(props: ReviewScreenProps): React.JSX.Element {
	const {data, caseRef, today} = props;
	const [opened] = useState(() => {
		// Nothing typed here could be kept (no draft, no signature): say so before any typing.
		const refusal = readOnlyRefusal(props.store, 'review');
		if (refusal) return {ok: false as const, message: refusal};
		try {
			// The rules' facts come from the desk's snapshot (already worked out there); the draft from the
			// store's latest, which has every save this process made since.
			const ctx = reviewContext(data, caseRef, today, props.actor.officerId);
			const latest = props.store?.snapshot() ?? data;
			// Only someone who supervises the officer in the case on the day reviews it, and no one their own
			// case (a cover opening a case they hold is told who reviews it instead): said before any typing.
			const may = mayReview(latest, props.actor.officerId, caseRef, today);
			if (!may.ok) return {ok: false as const, message: may.reason};
			// Nor is a review opened that could not be signed (a store with enrolled keys, no key of theirs).
			const unsigned = actorSigningRefusal(props.actor, latest, 'review');
			if (unsigned) return {ok: false as const, message: unsigned};
			// A review left before anything was answered left nothing to resume: it opens afresh. So does one
			// whose case someone else has signed since it was started (their signing removed its stored draft).
			const key = workingKey(props.store, caseRef, props.actor.officerId);
			const found = working.get(key);
			const signedAfter = (d: WorkingDraft) =>
				latest.chain.some(e => e.kind === 'review' && e.data.caseRef === caseRef && e.signedAt > d.startedAt);
			const signedSince = found ? signedAfter(found) && !findDraft(latest, caseRef, found.reviewerId) : false;
			if (signedSince) working.delete(key);
			const kept = found && !signedSince && hasAnswers(found.answers) ? found : undefined;
			const opened = kept
				? {draft: kept, resumed: true}
				: openDraft(latest, caseRef, props.actor.officerId, (props.now?.() ?? new Date()).toISOString());
			// No note is typed until the welfare file is known to keep it (see the effect in ReviewSession).
			const noteLock = props.store ? NOTE_CHECKING : null;
			const init = initialReviewState(ctx, sinceLastReview(ctx), opened.draft, opened.resumed, props.now?.() ?? new Date(), noteLock);
			return {ok: true as const, init};
		} catch (err) {
			return {ok: false as const, message: messageOf(err)};
		}
	});
	if (!opened.ok) return <ClosedScreen message={opened.message} {...props} />;
	return <ReviewSession {...props} init={opened.init} />;
}

function ReviewSession(props: ReviewScreenProps & {init: ReviewUiState}): React.JSX.Element {
	const {
		store,
		caseRef,
		today,
		actor,
		width,
		rows,
		isActive = true,
		keys,
		onExit,
		onChanged,
		onNextCase,
		queue,
		color = true,
		saveDelayMs = 2000,
	} = props;
	const now = props.now ?? (() => new Date());
	const [state, setState] = useState(props.init);
	const [saveStatus, setSaveStatus] = useState(() =>
		store
			? store.readOnly
				? 'read-only: not saved'
				: findDraft(store.snapshot(), caseRef)
					? 'draft saved'
					: 'not saved yet'
			: 'no store: not saved',
	);
	// The review's state is kept here and applied at once, not at the next render: a save on the way out
	// (Ctrl+C, a signal) straight after a key must see that key's text (README "The guided 14-day review").
	const latest = useRef(state);
	const dispatch = useCallback((a: ReviewAction) => {
		latest.current = reviewReducer(latest.current, a);
		setState(latest.current);
	}, []);
	// Saves run one at a time; `closed` stops saving once signing or discarding starts.
	// `savedNote` null: not known to be in the welfare drafts file, so the next save writes it. Notes are
	// written only once `notesKept` (the welfare file opened with the passphrase); `savedFor` is the
	// officer the saved note is about (the case's officer then).
	const saver = useRef({
		running: Promise.resolve() as Promise<void>,
		savedEdits: 0,
		savedNote: '' as string | null,
		savedFor: props.init.ctx.case.oicId,
		notesKept: false,
		encrypted: false,
		closed: false,
		stored: store ? Boolean(findDraft(store.snapshot(), caseRef)) : false,
	});
	const draftsFile = store ? welfareDraftsPathFor(store.file) : '';

	const keymap = useKeymap();
	useReviewKeys((input, key) => dispatch({type: 'key', input, key, at: Date.now(), keys: keymap}), isActive, keys);

	/** The sergeant's own pending note on this case is replaced (about this officer, or the one saved about). */
	const owner = (s: ReviewUiState) => {
		const replacing = [...new Set([s.ctx.case.oicId, saver.current.savedFor])];
		return {caseRef, reviewerId: s.draft.reviewerId, replacing};
	};
	const putNote = (s: ReviewUiState, note: string): Promise<unknown> => {
		const pending = note === '' ? null : {officerId: s.ctx.case.oicId, date: today, text: note, updatedAt: now().toISOString()};
		return changeWelfareDrafts(store!.file, notes => withOwnPendingNote(notes, store!.snapshot(), owner(s), pending));
	};
	/** True when the drafts file, read back, holds exactly this note of the sergeant's. */
	const noteOnDisk = async (s: ReviewUiState, note: string, data: StoreData): Promise<boolean> => {
		const own = ownPendingNotes(await readWelfareDrafts(store!.file), data, caseRef, s.draft.reviewerId);
		const about = own.filter(n => n.officerId === s.ctx.case.oicId);
		return about.length === 1 && about[0]!.text === note;
	};

	// Open the welfare file with the passphrase before a note can be typed, and bring back the sergeant's
	// own note on this case (typed before a restart, or left unfiled by a crash or a key problem).
	useEffect(() => {
		if (!store) return;
		const s = latest.current;
		const data = store.snapshot();
		openNotes(store).then(
			access => {
				if (!access.ok) {
					dispatch({type: 'welfare-opened', lock: access.reason, note: null, words: null});
					return;
				}
				const me = s.draft.reviewerId;
				const own = ownPendingNotes(access.pending, data, caseRef, me);
				const back = returnedNote(own, data, caseRef, me, today, id => shortName(data.officers.find(o => o.id === id)));
				const fits = own.filter(n => n.officerId === s.ctx.case.oicId).length;
				const sv = saver.current;
				// Several notes (older files) are merged into one on the next save.
				sv.savedNote = fits > 1 ? null : back.text;
				sv.notesKept = true;
				sv.encrypted = access.encrypted;
				dispatch({type: 'welfare-opened', lock: null, note: back.text === '' ? null : back.text, words: back.words});
			},
			err => dispatch({type: 'welfare-opened', lock: unopened(err), note: null, words: null}),
		);
		// Once per review opened: a change of the desk's day does not reopen the welfare file mid-review.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [store, caseRef]);

	const save = (): Promise<void> => {
		const sv = saver.current;
		sv.running = sv.running.then(async () => {
			const s = latest.current;
			if (!store || store.readOnly || sv.closed) return;
			const draft: WorkingDraft = s.draft;
			const note = draft.answers.welfare.note;
			const dirty = s.edits !== sv.savedEdits || !sv.stored;
			if (!dirty && (note === sv.savedNote || !sv.notesKept)) return;
			// Opening a review and backing out leaves no trace: nothing is stored until something is answered.
			if (!sv.stored && !hasAnswers(draft.answers)) return;
			setSaveStatus('saving...');
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
						onChanged(store.snapshot());
						await put();
						dispatch({
							type: 'notice',
							message: 'Another user changed this case while you were reviewing it: the desk reloaded their changes and kept your draft.',
						});
					}
					sv.savedEdits = edits;
					if (!sv.stored) {
						sv.stored = true;
						onChanged(store.snapshot());
					}
				}
				if (sv.notesKept && note !== sv.savedNote) {
					await putNote(s, note);
					sv.savedNote = note;
					sv.savedFor = s.ctx.case.oicId;
				}
				setSaveStatus(`draft saved ${now().toTimeString().slice(0, 5)}`);
			} catch (err) {
				setSaveStatus('NOT SAVED');
				dispatch({
					type: 'notice',
					message: `The draft could not be saved: ${messageOf(err)} Your answers are still here; keep going and it will try again.`,
				});
			}
		});
		// The process waits for it on every way out (source/ui/pending-writes.ts).
		return trackWrite(sv.running);
	};
	/** Typed or chosen since the last save (the answers, or the welfare note once it can be kept). */
	const unsaved = (s: ReviewUiState): boolean => {
		const sv = saver.current;
		if (!store || store.readOnly || sv.closed) return false;
		return s.edits !== sv.savedEdits || (sv.notesKept && sv.savedNote !== null && s.draft.answers.welfare.note !== sv.savedNote);
	};
	// Quitting, a signal or a crash saves what is typed now, not after the pause.
	useEffect(
		() => onExitFlush(() => save()),
		// Once per review screen; `save` reads `latest` and `saver`, which hold what is current then.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[],
	);

	// After a pause in typing.
	useEffect(() => {
		if (state.edits === 0) return;
		const t = setTimeout(() => void save(), saveDelayMs);
		return () => clearTimeout(t);
		// Only typing restarts the pause: `save` is new on every render, and any render would postpone the save.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [state.edits]);
	// At once when a field or step is left.
	useEffect(() => {
		if (state.saveNow > 0) void save();
		// Once per field or step left; `save` is new on every render and would save on every render.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [state.saveNow]);
	// On unmount (tab switched or closed, desk quit): keep the answers in memory and save one last time.
	useEffect(
		() => () => {
			if (!saver.current.closed) working.set(workingKey(store, caseRef, latest.current.draft.reviewerId), latest.current.draft);
			void save();
		},
		// On unmount only; `latest` and `saver` hold what is current then.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[],
	);

	useEffect(() => {
		const request = state.request;
		if (!request) return;
		const sv = saver.current;
		const done = () => dispatch({type: 'request-done'});
		if (request === 'exit') {
			void save().then(() => {
				done();
				onExit();
			});
			return;
		}
		if (request === 'next-case') {
			done();
			onNextCase?.();
			return;
		}
		if (!store || store.readOnly) {
			done();
			dispatch({
				type: 'sign-failed',
				message: store
					? `${store.file} is read-only: ${store.readOnlyReason ?? 'it cannot be written'}. Nothing was recorded.`
					: 'No store is open: nothing can be recorded.',
			});
			return;
		}
		if (request === 'discard') {
			void (async () => {
				await sv.running;
				sv.closed = true;
				working.delete(workingKey(store, caseRef, latest.current.draft.reviewerId));
				try {
					await store.apply(d => discardDraft(d, caseRef, latest.current.draft.reviewerId));
					// Only a note this review could keep is its to delete; anything older stays for its author.
					if (sv.notesKept) await putNote(latest.current, '');
					done();
					onChanged(store.snapshot());
					onExit();
				} catch (err) {
					sv.closed = false;
					done();
					dispatch({type: 'notice', message: `The draft could not be discarded: ${messageOf(err)}`});
				}
			})();
			return;
		}
		// Sign.
		void (async () => {
			await sv.running;
			sv.closed = true;
			const s = latest.current;
			const note = s.draft.answers.welfare.note;
			if (cleanInput(note) !== '') {
				const problem = await keepNote(s, note);
				if (problem !== null) {
					sv.closed = false;
					done();
					const message = 'Not signed: the welfare note cannot be kept (see step 6); nothing recorded, answers kept.';
					dispatch({type: 'sign-failed', message, errors: [{step: 'welfare', field: 'welfare.note', message: problem}]});
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
				sv.closed = false;
				let message = `Not signed: ${messageOf(err)}`;
				let errors = err instanceof ReviewError ? err.errors : [];
				// Someone else changed what this review rests on: nothing was written. Show the store as it is
				// now (their review, the decision they recorded, the case's new risk), keeping every answer, so
				// the sergeant can check and sign again knowing it.
				if (err instanceof StaleReviewError || (err instanceof StoreError && err.code === 'conflict')) {
					try {
						const fresh = await store.reload();
						onChanged(fresh);
						// The store names only the record both touched; say what changed for this review, as signing would.
						const changed = err instanceof StoreError ? changesOnData(s.ctx, fresh, s.draft.answers) : [];
						if (changed.length > 0) errors = changed;
						const ctx = reviewContext(fresh, caseRef, today, actor.officerId);
						dispatch({type: 'context-refreshed', ctx, since: sinceLastReview(ctx)});
						// One line: the reasons are shown under the answers they concern.
						message =
							errors.length > 0
								? 'Not signed: changed since you opened it (now shown); nothing recorded, answers kept. Check what is marked, then sign again.'
								: `${message} The review now shows the store as it is.`;
					} catch (reloadErr) {
						message += ` ${messageOf(reloadErr)}`;
					}
					// Their signing may have removed this case's stored draft and pending note: put ours back.
					sv.stored = Boolean(findDraft(store.snapshot(), caseRef));
					sv.savedEdits = -1;
					sv.savedNote = null;
					void save();
				}
				done();
				dispatch({type: 'sign-failed', message, errors});
				return;
			}
			const r = result!;
			working.delete(workingKey(store, caseRef, latest.current.draft.reviewerId));
			done();
			dispatch({type: 'signed', seq: r.review.seq, nextReviewDue: r.review.data.nextReviewDue});
			setSaveStatus('signed');
			onChanged(store.snapshot());
			if (!sv.notesKept) return;
			const message = await fileNote(s, note, r);
			if (message) dispatch({type: 'notice', message});
		})();
		// Once per request (the request is cleared only when it ends): reruns on a prop change would sign twice.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [state.request]);

	/**
	 * Before signing with a note: the passphrase must still open the welfare file, and the note must be
	 * in the drafts file, read back after it was written and synced. Returns why not, or null.
	 */
	const keepNote = async (s: ReviewUiState, note: string): Promise<string | null> => {
		const sv = saver.current;
		const access = await openNotes(store!).catch((err: unknown) => ({ok: false as const, reason: unopened(err)}));
		if (!access.ok) {
			sv.notesKept = false;
			dispatch({type: 'welfare-opened', lock: access.reason, note: null, words: null});
			return `${access.reason} Clear the note to sign without it; every answer and the draft are kept.`;
		}
		sv.notesKept = true;
		sv.encrypted = access.encrypted;
		try {
			if (note !== sv.savedNote) {
				await putNote(s, note);
				sv.savedNote = note;
				sv.savedFor = s.ctx.case.oicId;
			}
			if (await noteOnDisk(s, note, store!.snapshot())) return null;
			sv.savedNote = null;
			return `The note could not be found in ${draftsFile} after saving it, so the review was not signed. ${KEPT_RETRY}`;
		} catch (err) {
			sv.savedNote = null;
			return `The note could not be kept in ${draftsFile}: ${messageOf(err)} ${KEPT_RETRY} Or clear the note to sign without it.`;
		}
	};

	/** After signing: the note to the welfare file, then its pending copy removed. Returns what to tell the sergeant, if anything. */
	const fileNote = async (s: ReviewUiState, note: string, r: SignResult): Promise<string | null> => {
		const sv = saver.current;
		try {
			if (r.welfareNote) await appendWelfareNote(welfarePathFor(store!.file), r.welfareNote);
		} catch (err) {
			// It was in the drafts file before signing; say it is kept only if it still demonstrably is.
			const data = store!.snapshot();
			const kept = await noteOnDisk(s, note, data).catch(() => false);
			const where = `${sv.encrypted ? 'encrypted ' : ''}in ${draftsFile}`;
			const failed = `Signed, but the welfare note could not be moved to the welfare file (${messageOf(err)})`;
			return kept
				? `${failed}; it is kept ${where} and will be offered back to you the next time you review this case.`
				: `${failed}, and it is no longer ${where} either: it was not kept.`;
		}
		try {
			await putNote(s, '');
			return null;
		} catch (err) {
			const when = 'it is removed when a review of this case next opens';
			return `Signed and the welfare note filed, but its draft copy in ${draftsFile} could not be removed (${messageOf(err)}); ${when}.`;
		}
	};

	// "draft saved" only once the write is done: until then what was typed since is on its way.
	const status = unsaved(state) && saveStatus !== 'NOT SAVED' ? 'saving...' : saveStatus;
	return <ReviewView state={state} width={width} rows={rows} saveStatus={status} queue={queue ?? null} color={color} />;
}
