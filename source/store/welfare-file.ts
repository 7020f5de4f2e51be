/**
 * Welfare notes are officers' health information (UK GDPR special category data). They live in their
 * own file beside the store, readable only by its owner (mode 0600, set exactly on every write, whatever
 * the umask or the file's mode before), and are never copied into the case store, an export, an error
 * message or a log.
 *
 * Optionally encrypted at rest (welfare-crypto.ts) with a passphrase: the `key` argument (a string, or a
 * prompt function called only when a passphrase is needed), else FORTNIGHT_WELFARE_KEY. Once a file is
 * encrypted it stays so: writing it without the passphrase is refused rather than silently downgraded,
 * and a wrong passphrase is refused before anything is written. A plain file written with a key
 * becomes encrypted.
 */
import {promises as fsp} from 'node:fs';
import {Type, type Static} from '@sinclair/typebox';
import {TypeCompiler} from '@sinclair/typebox/compiler';
import {SavedButNotSynced, writeFileAtomic} from './atomic-write.js';
import {describeFsError, StoreError} from './errors.js';
import {withLock} from './lock.js';
import {isPostgresUrl} from './pg-url.js';
import {WELFARE_KEY_ENV, welfareKeyFromEnv, welfarePathFor} from './welfare-paths.js';
import {deriveKey, envelopeProblem, isEnvelope, open, saltOf, seal, type DerivedKey, type Envelope} from './welfare-crypto.js';

export const WELFARE_MODE = 0o600;
export {WELFARE_KEY_ENV, welfareKeyFromEnv, welfarePathFor};

export const WelfareNoteSchema = Type.Object({
	id: Type.String({minLength: 1, maxLength: 80}),
	officerId: Type.String({minLength: 1, maxLength: 80}),
	date: Type.String({pattern: '^\\d{4}-\\d{2}-\\d{2}$'}),
	by: Type.String({maxLength: 80}),
	text: Type.String({maxLength: 20_000}),
});
export type WelfareNote = Static<typeof WelfareNoteSchema>;

const WelfareFileSchema = Type.Object({
	schemaVersion: Type.Literal(1),
	notes: Type.Array(WelfareNoteSchema),
});
export type WelfareFile = Static<typeof WelfareFileSchema>;
const check = TypeCompiler.Compile(WelfareFileSchema);

/** A passphrase, or a prompt that asks for one (called only when one is needed). */
export type WelfareKey = string | (() => Promise<string>);

/** The passphrase to use: `key` (asking when it is a prompt), else FORTNIGHT_WELFARE_KEY; undefined when none. */
export async function passphrase(key: WelfareKey | undefined): Promise<string | undefined> {
	const k = key ?? welfareKeyFromEnv();
	if (k === undefined) return undefined;
	const p = typeof k === 'string' ? k : await k();
	return p ? p : undefined;
}

/** What is on disk: the notes, and the key to reuse when writing it back (null = plain file). */
export interface OpenedWelfare {
	data: WelfareFile;
	key: DerivedKey | null;
	encrypted: boolean;
}

const EMPTY: WelfareFile = {schemaVersion: 1, notes: []};

/**
 * Reads and, when encrypted, opens the file: a missing or wrong passphrase is StoreError('welfare-key')
 * (checking the passphrase is opening the file: GCM cannot tell a wrong key from an altered file).
 */
export async function openWelfare(file: string, key: WelfareKey | undefined): Promise<OpenedWelfare> {
	let raw: string;
	try {
		raw = await fsp.readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {data: EMPTY, key: null, encrypted: false};
		throw describeFsError(err, file, 'reading');
	}
	let value: unknown;
	try {
		if (raw.length > 200 * 1024 * 1024) throw new Error('too large');
		value = JSON.parse(raw);
	} catch {
		// Never echo the file's content: it is health information.
		throw new StoreError('malformed', `The welfare file ${file} is not valid JSON. It was not changed; restore it from a backup.`, file);
	}
	let derived: DerivedKey | null = null;
	if (isEnvelope(value)) {
		const envelope: Envelope = value;
		const problem = envelopeProblem(envelope);
		if (problem)
			throw new StoreError(
				'invalid',
				`The welfare file ${file} is encrypted but ${problem}. It was not changed; restore it from a backup.`,
				file,
			);
		const p = await passphrase(key);
		if (p === undefined) {
			throw new StoreError(
				'welfare-key',
				`The welfare file ${file} is encrypted: set ${WELFARE_KEY_ENV} or enter its passphrase. Nothing was changed.`,
				file,
			);
		}
		derived = await deriveKey(p, saltOf(envelope));
		const plain = open(envelope, derived);
		if (plain === null) {
			throw new StoreError(
				'welfare-key',
				`That passphrase does not open the welfare file ${file} (or the file was altered). Nothing was changed; try again.`,
				file,
			);
		}
		try {
			value = JSON.parse(plain);
		} catch {
			throw new StoreError(
				'malformed',
				`The welfare file ${file} decrypts but is not valid JSON. It was not changed; restore it from a backup.`,
				file,
			);
		}
	}
	if (!check.Check(value)) {
		const first = check.Errors(value).First();
		throw new StoreError(
			'invalid',
			`The welfare file ${file} is not valid at ${first?.path ?? '/'}. It was not changed; restore it from a backup.`,
			file,
		);
	}
	return {data: value, key: derived, encrypted: derived !== null};
}

/** Reads the notes (an absent file has none). Encrypted files need `key` or FORTNIGHT_WELFARE_KEY. */
export async function readWelfare(file: string, key?: WelfareKey): Promise<WelfareFile> {
	if (isPostgresUrl(file)) return (await import('./pg-welfare.js')).readPgWelfare(file);
	return (await openWelfare(file, key)).data;
}

/**
 * How many notes dated in a handover's window (domain/handover/build.ts welfareNoteWindow: --today less
 * WELFARE_NOTE_LOOKBACK_DAYS to the later of --today and --to) the reader was not handed by readWelfare,
 * per officer: counts only, never a note. A welfare file is read whole by whoever opens it (which of its
 * notes a person may read is the domain's to decide), so none; the PostgreSQL store hides the notes its
 * reader may not read and counts them from its own today less 90 days (migration 018; pg-welfare.ts).
 */
export interface WithheldCount {
	officerId: string;
	count: number;
	/** The days the database counted over when they are not the handover's (its own today's window: pg-welfare.ts). */
	counted?: WelfareWindow;
}

/** The days a handover's welfare notes are taken from, both included (YYYY-MM-DD). */
export interface WelfareWindow {
	since: string;
	until: string;
}

export async function readWelfareWithheld(file: string, window: WelfareWindow): Promise<WithheldCount[]> {
	if (isPostgresUrl(file)) return (await import('./pg-welfare.js')).readPgWelfareWithheld(file, window);
	return [];
}

/** True when the file exists and is encrypted (so the caller knows to ask for a passphrase). */
export async function isWelfareEncrypted(file: string): Promise<boolean> {
	try {
		const raw = await fsp.readFile(file, 'utf8');
		return isEnvelope(JSON.parse(raw));
	} catch {
		return false;
	}
}

/**
 * Adds one note under the lock, keeping the file at mode 0600 (and encrypted when it was, or a key is
 * given). A note whose id is already in the file is not added again (a retried filing).
 */
export async function appendWelfareNote(file: string, note: WelfareNote, key?: WelfareKey): Promise<void> {
	if (isPostgresUrl(file)) return (await import('./pg-welfare.js')).appendPgWelfareNotes(file, [note]);
	await withLock(file, {}, async assertHeld => {
		const current = await openWelfare(file, key);
		if (current.data.notes.some(n => n.id === note.id)) return;
		const next: WelfareFile = {schemaVersion: 1, notes: [...current.data.notes, note]};
		const k = current.key ?? (await newKey(key));
		await save(file, next, k, assertHeld);
	});
}

/**
 * Replaces the whole file. If the file on disk is encrypted, the passphrase must open it first (so a
 * wrong passphrase or none never overwrites it); a plain or absent file is written encrypted when a key
 * is given, plain otherwise.
 */
export async function writeWelfare(file: string, data: WelfareFile, key?: WelfareKey): Promise<void> {
	// In the database notes are only ever added (the table keeps every note filed): written = each one there.
	if (isPostgresUrl(file)) return (await import('./pg-welfare.js')).appendPgWelfareNotes(file, data.notes);
	const current = await openWelfare(file, key);
	const k = current.key ?? (await newKey(key));
	await save(file, data, k);
}

async function newKey(key: WelfareKey | undefined): Promise<DerivedKey | null> {
	const p = await passphrase(key);
	return p === undefined ? null : deriveKey(p);
}

async function save(file: string, data: WelfareFile, key: DerivedKey | null, beforeCommit?: () => void): Promise<void> {
	const plain = JSON.stringify(data, null, '\t') + '\n';
	const text = key ? JSON.stringify(seal(plain, key), null, '\t') + '\n' : plain;
	try {
		await writeFileAtomic(file, text, WELFARE_MODE, undefined, {beforeCommit});
	} catch (err) {
		if (err instanceof StoreError) throw err;
		// The rename happened; only the folder sync failed. The notes are saved.
		if (err instanceof SavedButNotSynced) return;
		throw describeFsError(err, file, 'saving');
	}
}
