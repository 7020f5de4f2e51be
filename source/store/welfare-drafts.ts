/**
 * Welfare notes typed during reviews that are not yet signed. They are health information, so they
 * cannot wait in the review draft (which lives in the case store): they wait here, in their own file
 * beside the welfare file (`team.json` -> `team.welfare-drafts.json`), mode 0600 like it, until the
 * review is signed (then the note moves to the welfare file) or the draft is discarded (then it is
 * deleted). Like the welfare file, its content never appears in an error message.
 *
 * One note per case, author and officer (domain/review/pending-note.ts decides whose note is whose):
 * a note left behind by a crash or a key problem is offered back to its author only.
 *
 * Never in clear beside an encrypted welfare file (README "Welfare notes"): every write opens the
 * welfare file first with the same passphrase, so a missing or wrong passphrase on an encrypted team
 * writes nothing, and the drafts file is encrypted whenever the welfare file is, a passphrase is
 * given, or it already was. A new drafts file takes the welfare file's salt, so both open with one
 * key derivation.
 */
import {promises as fsp} from 'node:fs';
import {Type, type Static} from '@sinclair/typebox';
import {TypeCompiler} from '@sinclair/typebox/compiler';
import {SavedButNotSynced, writeFileAtomic} from './atomic-write.js';
import {describeFsError, StoreError} from './errors.js';
import {withLock} from './lock.js';
import {isPostgresUrl} from './pg-url.js';
import {openWelfare, passphrase, WELFARE_KEY_ENV, WELFARE_MODE, welfarePathFor} from './welfare-file.js';
import type {OpenedWelfare, WelfareKey, WelfareNote} from './welfare-file.js';
import {deriveKey, envelopeProblem, isEnvelope, open, saltOf, seal, type DerivedKey} from './welfare-crypto.js';
import {welfareDraftsPathFor} from './welfare-paths.js';

const IsoDay = Type.String({pattern: '^\\d{4}-\\d{2}-\\d{2}$'});
const LastError = Type.Object({
	kind: Type.String({minLength: 1, maxLength: 40}),
	at: Type.String({maxLength: 40}),
	on: Type.Optional(IsoDay),
});

const PendingNoteSchema = Type.Object({
	caseRef: Type.String({minLength: 1, maxLength: 40}),
	/** The author (the review draft's reviewerId); null for a note saved before authors were recorded. */
	by: Type.Union([Type.String({minLength: 1, maxLength: 80}), Type.Null()]),
	officerId: Type.String({maxLength: 80}),
	/** The day it was written. */
	date: IsoDay,
	text: Type.String({maxLength: 20_000}),
	updatedAt: Type.String({maxLength: 40}),
	/**
	 * The signed review whose note this is, set when signing could not file it (domain/review/pending-note.ts
	 * ReviewMark). Absent in files written before it existed: such a note is a leftover, as it was then.
	 */
	forReview: Type.Optional(
		Type.Object({
			seq: Type.Integer({minimum: 0}),
			id: Type.String({minLength: 1, maxLength: 80}),
			date: IsoDay,
		}),
	),
	/** The last failure to file it: its kind and when, never its message (domain/review/pending-note.ts). */
	lastError: Type.Optional(LastError),
	/** Notes left behind that the review holding this note took into its field, as they were: a discard puts them back. */
	restored: Type.Optional(
		Type.Array(
			Type.Object({
				by: Type.Union([Type.String({minLength: 1, maxLength: 80}), Type.Null()]),
				officerId: Type.String({maxLength: 80}),
				date: IsoDay,
				text: Type.String({maxLength: 20_000}),
				updatedAt: Type.String({maxLength: 40}),
				lastError: Type.Optional(LastError),
			}),
			{maxItems: 100},
		),
	),
});
export type PendingWelfareNote = Static<typeof PendingNoteSchema>;

const FileSchema = Type.Object({
	schemaVersion: Type.Literal(2),
	pending: Type.Array(PendingNoteSchema, {maxItems: 100_000}),
});
const check = TypeCompiler.Compile(FileSchema);

/** Version 1 kept one note per case, with no author: read, and written back as version 2. */
const FileV1Schema = Type.Object({
	schemaVersion: Type.Literal(1),
	pending: Type.Record(
		Type.String({minLength: 1, maxLength: 40}),
		Type.Object({officerId: Type.String({maxLength: 80}), text: Type.String({maxLength: 20_000}), updatedAt: Type.String({maxLength: 40})}),
	),
});
const checkV1 = TypeCompiler.Compile(FileV1Schema);

function fromV1(v: Static<typeof FileV1Schema>): PendingWelfareNote[] {
	// The day it was written was not kept: the day of its last save stands in.
	const day = (at: string) => (/^\d{4}-\d{2}-\d{2}/.test(at) ? at.slice(0, 10) : '2000-01-01');
	return Object.entries(v.pending).map(([caseRef, n]) => ({
		caseRef,
		by: null,
		officerId: n.officerId,
		date: day(n.updatedAt),
		text: n.text,
		updatedAt: n.updatedAt,
	}));
}

export {welfareDraftsPathFor};

interface OpenedDrafts {
	notes: PendingWelfareNote[];
	/** The key it is encrypted with (reused for the next write), or null when plain or absent. */
	key: DerivedKey | null;
}

async function openDrafts(file: string, pass: string | undefined): Promise<OpenedDrafts> {
	let raw: string;
	try {
		raw = await fsp.readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {notes: [], key: null};
		throw describeFsError(err, file, 'reading');
	}
	const what = `The welfare drafts file ${file}`;
	const aside = 'It was not changed; restore it or move it aside.';
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		throw new StoreError('malformed', `${what} is not valid JSON. ${aside}`, file);
	}
	let key: DerivedKey | null = null;
	if (isEnvelope(value)) {
		if (envelopeProblem(value)) throw new StoreError('invalid', `${what} is encrypted but damaged. ${aside}`, file);
		const unchanged = 'Nothing was changed.';
		if (pass === undefined) {
			throw new StoreError('welfare-key', `${what} is encrypted: set ${WELFARE_KEY_ENV} to open it. ${unchanged}`, file);
		}
		key = await deriveKey(pass, saltOf(value));
		const plain = open(value, key);
		if (plain === null) {
			throw new StoreError('welfare-key', `That passphrase does not open the welfare drafts file ${file}. ${unchanged}`, file);
		}
		try {
			value = JSON.parse(plain);
		} catch {
			throw new StoreError('malformed', `${what} is damaged. ${aside}`, file);
		}
	}
	if (check.Check(value)) return {notes: value.pending, key};
	if (checkV1.Check(value)) return {notes: fromV1(value), key};
	throw new StoreError('invalid', `${what} is not in the expected form. ${aside}`, file);
}

/**
 * A missing or wrong passphrase, said for someone about to write a note: why no note can be kept and
 * what to do. Any other problem keeps the store's own sentence (they never quote the files).
 */
function accessReason(err: StoreError, pass: string | undefined): string {
	if (err.code !== 'welfare-key') return err.message;
	const file = err.file ?? 'the welfare file';
	return pass === undefined
		? `${file} is encrypted and ${WELFARE_KEY_ENV} is not set, so no welfare note can be kept (one is never written unencrypted). ` +
				`Quit, set ${WELFARE_KEY_ENV} and reopen the review to write one.`
		: `${WELFARE_KEY_ENV} does not open ${file}, so no welfare note can be kept with it. ` +
				'Quit, set the passphrase that opens it and reopen the review.';
}

/** No passphrase, and no falling back to FORTNIGHT_WELFARE_KEY either (the caller has already looked). */
const NO_KEY: WelfareKey = () => Promise.resolve('');

/** Both files opened with one passphrase, or StoreError (a missing or wrong passphrase is 'welfare-key'). */
async function openBoth(storePath: string, pass: string | undefined): Promise<{welfare: OpenedWelfare; drafts: OpenedDrafts}> {
	const welfare = await openWelfare(welfarePathFor(storePath), pass ?? NO_KEY);
	const drafts = await openDrafts(welfareDraftsPathFor(storePath), pass);
	return {welfare, drafts};
}

/** Whether notes can be kept for this store, and the notes waiting (those already filed left out). */
export type WelfareDraftsAccess = {ok: true; encrypted: boolean; pending: PendingWelfareNote[]} | {ok: false; reason: string};

/**
 * Opens the welfare file and the drafts file with the passphrase (`key`, else FORTNIGHT_WELFARE_KEY),
 * to say before anything is typed or signed whether a note can be kept: `{ok: false, reason}` is one
 * or two sentences for the sergeant. Pending notes that `filed` finds in the welfare file (filed, then
 * a crash before their pending copy was removed) are removed now and not returned.
 */
export async function openWelfareDrafts(
	storePath: string,
	filed: (p: PendingWelfareNote, n: WelfareNote) => boolean,
	key?: WelfareKey,
): Promise<WelfareDraftsAccess> {
	if (isPostgresUrl(storePath)) {
		// Kept in the database, where only their author reads them (pg-welfare.ts); nothing on this machine's disk.
		const pg = await import('./pg-welfare.js');
		const filedNotes = (await pg.readPgWelfare(storePath)).notes;
		const isFiled = (p: PendingWelfareNote) => filedNotes.some(n => filed(p, n));
		const pending = await pg.readPgPending(storePath);
		if (pending.some(isFiled)) await pg.changePgPending(storePath, all => all.filter(p => !isFiled(p))).catch(() => {});
		return {ok: true, encrypted: false, pending: pending.filter(p => !isFiled(p))};
	}
	const pass = await passphrase(key);
	let both: Awaited<ReturnType<typeof openBoth>>;
	try {
		both = await openBoth(storePath, pass);
	} catch (err) {
		if (err instanceof StoreError) return {ok: false, reason: accessReason(err, pass)};
		throw err;
	}
	const notes = both.welfare.data.notes;
	const isFiled = (p: PendingWelfareNote) => notes.some(n => filed(p, n));
	// Not being able to tidy them now loses nothing: they are left out here and dropped next time.
	if (both.drafts.notes.some(isFiled)) {
		await changeWelfareDrafts(storePath, pending => pending.filter(p => !isFiled(p)), pass ?? NO_KEY).catch(() => {});
	}
	const encrypted = both.welfare.encrypted || both.drafts.key !== null || pass !== undefined;
	return {ok: true, encrypted, pending: both.drafts.notes.filter(p => !isFiled(p))};
}

/** Every pending note (for reading one back after a save). Encrypted files need the passphrase. */
export async function readWelfareDrafts(storePath: string, key?: WelfareKey): Promise<PendingWelfareNote[]> {
	if (isPostgresUrl(storePath)) return (await import('./pg-welfare.js')).readPgPending(storePath);
	return (await openDrafts(welfareDraftsPathFor(storePath), await passphrase(key))).notes;
}

/**
 * Applies `change` to the pending notes under the drafts file's lock and writes the result durably
 * (temp file, fsync, rename, fsync the folder) at mode 0600, encrypted as described above. Returns the
 * notes as written. Nothing is written when the change changes nothing.
 */
export async function changeWelfareDrafts(
	storePath: string,
	change: (notes: readonly PendingWelfareNote[]) => PendingWelfareNote[],
	key?: WelfareKey,
): Promise<PendingWelfareNote[]> {
	if (isPostgresUrl(storePath)) return (await import('./pg-welfare.js')).changePgPending(storePath, change);
	const file = welfareDraftsPathFor(storePath);
	const pass = await passphrase(key);
	return withLock(file, {}, async assertHeld => {
		let both: Awaited<ReturnType<typeof openBoth>>;
		try {
			both = await openBoth(storePath, pass);
		} catch (err) {
			if (!(err instanceof StoreError) || err.code !== 'welfare-key') throw err;
			throw new StoreError(err.code, `${accessReason(err, pass)} Nothing was changed.`, err.file);
		}
		const next = change(both.drafts.notes);
		if (JSON.stringify(next) === JSON.stringify(both.drafts.notes)) return next;
		const key = both.drafts.key ?? both.welfare.key ?? (pass === undefined ? null : await deriveKey(pass));
		const plain = JSON.stringify({schemaVersion: 2, pending: next}, null, '\t') + '\n';
		assertHeld();
		try {
			await writeFileAtomic(file, key ? JSON.stringify(seal(plain, key), null, '\t') + '\n' : plain, WELFARE_MODE);
		} catch (err) {
			// A failed folder sync fails the save too: a note is only reported kept once it is known to be on disk.
			if (err instanceof SavedButNotSynced) {
				const why = 'its folder could not be synced, so the note is not yet known to be safe on disk';
				throw new StoreError('io', `${file} was written but ${why}. Try again.`, file);
			}
			throw describeFsError(err, file, 'saving');
		}
		return next;
	});
}
