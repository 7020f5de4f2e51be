/**
 * A welfare note typed during a review that is not yet signed. It is health information, so it cannot
 * wait in the review draft (which lives in the case store): it waits here, in its own file beside the
 * welfare file, mode 0600 like it, until the review is signed (then it moves to the welfare file) or
 * the draft is discarded (then it is deleted). Like the welfare file, its content never appears in an
 * error message.
 */
import {promises as fsp} from 'node:fs';
import {Type, type Static} from '@sinclair/typebox';
import {TypeCompiler} from '@sinclair/typebox/compiler';
import {writeFileAtomic} from './atomic-write.js';
import {describeFsError, StoreError} from './errors.js';
import {withLock} from './lock.js';
import {WELFARE_MODE, welfareKeyFromEnv} from './welfare-file.js';
import {deriveKey, envelopeProblem, isEnvelope, open, saltOf, seal, type DerivedKey} from './welfare-crypto.js';

const PendingNoteSchema = Type.Object({
	officerId: Type.String({maxLength: 80}),
	text: Type.String({maxLength: 20_000}),
	updatedAt: Type.String({maxLength: 40}),
});
export type PendingWelfareNote = Static<typeof PendingNoteSchema>;

const FileSchema = Type.Object({
	schemaVersion: Type.Literal(1),
	/** Keyed by case reference: one pending note per review draft. */
	pending: Type.Record(Type.String({maxLength: 40}), PendingNoteSchema),
});
type WelfareDraftFile = Static<typeof FileSchema>;
const check = TypeCompiler.Compile(FileSchema);

/** `team.json` -> `team.welfare-drafts.json`, in the same folder. */
export function welfareDraftsPathFor(storePath: string): string {
	return storePath.replace(/(\.json)?$/i, '.welfare-drafts.json');
}

/**
 * Encrypted at rest like the welfare file: whenever FORTNIGHT_WELFARE_KEY is set, or the file on disk
 * already is encrypted (it is then never written back in plain text).
 */
interface Opened {
	data: WelfareDraftFile;
	key: DerivedKey | null;
}

async function readFile(file: string): Promise<WelfareDraftFile> {
	return (await openFile(file)).data;
}

async function openFile(file: string): Promise<Opened> {
	let raw: string;
	try {
		raw = await fsp.readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {data: {schemaVersion: 1, pending: {}}, key: null};
		throw describeFsError(err, file, 'reading');
	}
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		throw new StoreError('malformed', `The welfare drafts file ${file} is not valid JSON. It was not changed; restore it or move it aside.`, file);
	}
	let key: DerivedKey | null = null;
	if (isEnvelope(value)) {
		const passphrase = welfareKeyFromEnv();
		if (!passphrase || envelopeProblem(value)) {
			throw new StoreError('welfare-key', `The welfare drafts file ${file} is encrypted: set FORTNIGHT_WELFARE_KEY to open it. Nothing was changed.`, file);
		}
		key = await deriveKey(passphrase, saltOf(value));
		const plain = open(value, key);
		if (plain === null) throw new StoreError('welfare-key', `That passphrase does not open the welfare drafts file ${file}. Nothing was changed.`, file);
		try {
			value = JSON.parse(plain);
		} catch {
			throw new StoreError('malformed', `The welfare drafts file ${file} is damaged. It was not changed; move it aside.`, file);
		}
	}
	if (!check.Check(value)) {
		throw new StoreError('invalid', `The welfare drafts file ${file} is not in the expected form. It was not changed; restore it or move it aside.`, file);
	}
	return {data: value, key};
}

/** The pending note for a case's review draft, or null. */
export async function readWelfareDraft(file: string, caseRef: string): Promise<PendingWelfareNote | null> {
	const f = await readFile(file);
	return Object.hasOwn(f.pending, caseRef) ? f.pending[caseRef]! : null;
}

/** Saves (or, with empty text, removes) the pending note for `caseRef`, under the lock, at mode 0600. */
export async function saveWelfareDraft(file: string, caseRef: string, note: PendingWelfareNote | null): Promise<void> {
	await withLock(file, {}, async assertHeld => {
		const opened = await openFile(file);
		const current = opened.data;
		const pending = {...current.pending};
		if (note === null || note.text === '') {
			if (!Object.hasOwn(pending, caseRef)) return;
			delete pending[caseRef];
		} else pending[caseRef] = note;
		assertHeld();
		try {
			const plain = JSON.stringify({schemaVersion: 1, pending}, null, '\t') + '\n';
			const passphrase = welfareKeyFromEnv();
			const key = opened.key ?? (passphrase ? await deriveKey(passphrase) : null);
			await writeFileAtomic(file, key ? JSON.stringify(seal(plain, key), null, '\t') + '\n' : plain, WELFARE_MODE);
		} catch (err) {
			throw describeFsError(err, file, 'saving');
		}
	});
}

export const clearWelfareDraft = (file: string, caseRef: string): Promise<void> => saveWelfareDraft(file, caseRef, null);
