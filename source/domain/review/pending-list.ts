/**
 * `fortnight welfare pending`: the caller's own welfare notes waiting to be filed (README "Welfare notes"),
 * each with the review it belongs to, why it waits and what happens next. Pure: the command reads the
 * drafts file (or the database's pending notes) and the welfare file and hands them in.
 *
 * Who sees which: a pending note is its author's alone (pending-note.ts: "offered back only to that
 * author"; README "PostgreSQL": "pending welfare notes are seen only by their author"). The officer's line
 * manager reads a note once it is filed (DOMAIN "People and permissions"), not while it is its author's
 * draft, so the list holds the caller's notes only, on both stores, and says nothing of anyone else's.
 * A note saved before authors were recorded is the caller's when pendingNoteAuthor says so.
 *
 * Never the note's words unless asked for (`withText`): they are health information.
 */
import {shortDate, type IsoDate} from '../dates.js';
import {recordDay} from '../worked-day.js';
import type {StoreData} from '../model.js';
import {fullName} from '../people.js';
import {safeText} from '../safe-text.js';
import {isLive} from '../case-facts.js';
import {findDraft} from './drafts.js';
import {isFiled, pendingNoteAuthor, type FiledNote, type PendingNote, type PendingNoteError} from './pending-note.js';

/** Where the note stands, which decides what happens to it next. */
export type PendingState =
	/** Its review was signed but the welfare file could not take it: filed with that review later. */
	| 'signed-not-filed'
	/** The welfare file already holds it: only its waiting copy is left, removed when a review next opens. */
	| 'filed'
	/** Typed in the caller's review of the case, which is not signed yet. */
	| 'in-draft'
	/** Left behind by a review that could not file or clear it (a crash, a key problem): back in the next review. */
	| 'left-behind'
	/** About an officer who no longer holds the case (or a case no longer in the store): not put into a review of it. */
	| 'officer-moved';

export interface PendingRow {
	caseRef: string;
	officerId: string;
	officerName: string;
	/** The day it was written. */
	written: IsoDate;
	/** ISO instant of its last save. */
	lastSaved: string;
	/** The signed review it belongs to (chain seq and day), or null for a note no signed review carried. */
	review: {seq: number; date: IsoDate} | null;
	state: PendingState;
	/** The last failure to file it, as recorded (its kind, never its message), or null. */
	lastError: PendingNoteError | null;
	/** Why it is pending, one clause. */
	why: string;
	/** What will happen to it, and what to do, one or two sentences. */
	next: string;
	/** The note's words: only when asked for. */
	text?: string;
}

/** What each recorded failure kind means, in words (store/errors.ts StoreErrorCode, plus the review's own). */
const ERROR_WORDS: Record<string, string> = {
	'welfare-key': 'the welfare passphrase (FORTNIGHT_WELFARE_KEY) was missing or did not open the welfare file',
	locked: 'the welfare file was locked by another save',
	permission: 'permission was refused writing the welfare notes',
	'read-only': 'the welfare file was on a read-only file system',
	'no-space': 'the disk holding the welfare file was full',
	io: 'an input/output error writing the welfare file',
	'not-found': 'the welfare file could not be found',
	malformed: 'the welfare file could not be read (damaged)',
	invalid: 'the welfare file could not be read (not in the expected form)',
	'read-back': 'the welfare notes did not hold it when read back',
	'id-taken': 'another note already held its id, so the database did not file it',
	'not-marked': "it could not first be marked as its review's in the welfare drafts",
	'hard-link': 'the welfare file has more than one name (hard links), so it was not written',
	other: 'an unexpected error',
};

/** The words for a recorded failure kind (an unknown kind, from a newer fortnight, is named as it is). */
export function pendingErrorWords(kind: string): string {
	return ERROR_WORDS[kind] ?? `an error of kind "${safeText(kind)}"`;
}

export interface PendingListOptions {
	/** The caller: only their notes are listed. */
	me: string;
	today: IsoDate;
	/** The notes the welfare file holds that the caller may read (to tell a note already filed). */
	filed: readonly (FiledNote & {id?: string})[];
	/** PostgreSQL: a signed review's note is filed only while its author still may; then the database's owner. */
	onDatabase: boolean;
	withText: boolean;
}

/** The caller's pending notes, oldest first, each with where it stands. */
export function pendingNotesOf(notes: readonly PendingNote[], data: StoreData, o: PendingListOptions): PendingRow[] {
	const own = notes.filter(n => pendingNoteAuthor(n, data) === o.me);
	const sorted = [...own].sort((a, b) => a.date.localeCompare(b.date) || a.updatedAt.localeCompare(b.updatedAt));
	return sorted.map(n => row(n, data, o));
}

function row(n: PendingNote, data: StoreData, o: PendingListOptions): PendingRow {
	const c = data.cases.find(x => x.ref === n.caseRef);
	const ref = safeText(n.caseRef);
	const officerName = safeText(fullName(data.officers.find(x => x.id === n.officerId)));
	const lastError = n.lastError ?? null;
	// The day it failed, when the record says one (a hand-edited file may not): the day the desk worked as,
	// never the machine's clock day under --today (worked-day.ts recordDay; QA 7 D2).
	const failedDay = lastError && /^\d{4}-\d{2}-\d{2}/.test(lastError.at) ? recordDay(lastError.at, lastError.on) : null;
	const failedOn = failedDay ? ` (${shortDate(failedDay, o.today)})` : '';
	const failed = lastError ? `${pendingErrorWords(lastError.kind)}${failedOn}` : null;
	const base = {
		caseRef: n.caseRef,
		officerId: n.officerId,
		officerName,
		written: n.date,
		lastSaved: n.updatedAt,
		review: n.forReview ? {seq: n.forReview.seq, date: n.forReview.date} : null,
		lastError,
		...(o.withText ? {text: n.text} : {}),
	};
	const state = stateOf(n, data, o);
	switch (state) {
		case 'filed':
			return {
				...base,
				state,
				why: 'it is already in the welfare notes; only its waiting copy is left',
				next: `Its waiting copy is removed the next time you open a review of ${ref}; nothing to do.`,
			};
		case 'signed-not-filed': {
			const signed = shortDate(n.forReview!.date, o.today);
			return {
				...base,
				state,
				why: `your review signed on ${signed} could not file it: ${failed ?? 'the reason was not recorded'}`,
				next: signedNext(n, c, signed, o),
			};
		}
		case 'in-draft':
			return {
				...base,
				state,
				why: `your review of ${ref} is not signed yet`,
				next: `It is filed when you sign that review; discarding the review deletes it.`,
			};
		case 'left-behind':
			return {
				...base,
				state,
				why: failed ? `a review of ${ref} could not file it: ${failed}` : `a review of ${ref} was left before it could file or clear it`,
				next: `It is put back into step 6 of your next review of ${ref}: sign it with that review, or clear it there.`,
			};
		case 'officer-moved': {
			const where = c ? `${officerName} no longer holds ${ref}` : `${ref} is no longer in the store`;
			return {
				...base,
				state,
				why: failed ? `a review of ${ref} could not file it: ${failed}` : `it was not filed with a review of ${ref}`,
				next: `${where}, so it is not put into a review of it (it would be filed under another officer); it stays waiting.`,
			};
		}
	}
}

/**
 * What the author of a signed review's unfiled note can do (REVIEW-7 note 7). It is filed with its own
 * review only when its author opens or signs a review of the case (ui/review/review-notes.ts), so only
 * while the case is live and in this store, and on PostgreSQL while the author may still see the team (a
 * cover: on the dates covered). After that fortnight cannot file it: it waits, never deleted, and the
 * words say so and who can file it by hand, naming the pending record and the id it is to be filed under.
 */
function signedNext(n: PendingNote, c: StoreData['cases'][number] | undefined, signed: string, o: PendingListOptions): string {
	const ref = safeText(n.caseRef);
	const id = safeText(n.forReview!.id);
	const byHand = o.onDatabase
		? `the database's owner can file it from its pending row (fortnight_welfare_pending), as welfare note ${id}`
		: `whoever keeps the team's files can add it to the welfare file by hand, as welfare note ${id}`;
	if (!c || !isLive(c)) {
		const where = c ? `${ref} is ${safeText(c.status)}` : `${ref} is no longer in this store`;
		return `${where}, so no review of it can be opened and fortnight cannot file this note with your review: it stays waiting, never deleted; ${byHand}.`;
	}
	if (o.onDatabase && n.lastError?.kind === 'id-taken') {
		// Trying again files nothing while another note holds the id (migration 022, REVIEW-9 N3).
		return (
			`Trying again files nothing while another note holds ${id}: it stays waiting, never deleted. Ask the database's owner to see ` +
			`to the note held under ${id}; then it is filed with your review of ${ref} the next time you open or sign a review of it, ` +
			`or the owner can file it from its pending row (fortnight_welfare_pending) under an id no note holds.`
		);
	}
	const when = `It is filed with your review of ${ref} signed on ${signed} the next time you open or sign a review of ${ref}`;
	if (o.onDatabase) return `${when} at the desk, while you may still review it (a cover: on the dates you cover); after that, ${byHand}.`;
	const key = n.lastError?.kind === 'welfare-key' ? ', with FORTNIGHT_WELFARE_KEY set to the passphrase that opens the welfare file' : '';
	return `${when} at the desk${key}.`;
}

function stateOf(n: PendingNote, data: StoreData, o: PendingListOptions): PendingState {
	if (o.filed.some(f => isFiled(n, f, data))) return 'filed';
	if (n.forReview !== undefined) return 'signed-not-filed';
	const c = data.cases.find(x => x.ref === n.caseRef);
	if (!c || c.oicId !== n.officerId) return 'officer-moved';
	return findDraft(data, n.caseRef, o.me) !== undefined ? 'in-draft' : 'left-behind';
}
