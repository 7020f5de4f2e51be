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
import {WELFARE_MODE} from './welfare-file.js';

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

async function readFile(file: string): Promise<WelfareDraftFile> {
	let raw: string;
	try {
		raw = await fsp.readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {schemaVersion: 1, pending: {}};
		throw describeFsError(err, file, 'reading');
	}
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		throw new StoreError('malformed', `The welfare drafts file ${file} is not valid JSON. It was not changed; restore it or move it aside.`, file);
	}
	if (!check.Check(value)) {
		throw new StoreError('invalid', `The welfare drafts file ${file} is not in the expected form. It was not changed; restore it or move it aside.`, file);
	}
	return value;
}

/** The pending note for a case's review draft, or null. */
export async function readWelfareDraft(file: string, caseRef: string): Promise<PendingWelfareNote | null> {
	const f = await readFile(file);
	return Object.hasOwn(f.pending, caseRef) ? f.pending[caseRef]! : null;
}

/** Saves (or, with empty text, removes) the pending note for `caseRef`, under the lock, at mode 0600. */
export async function saveWelfareDraft(file: string, caseRef: string, note: PendingWelfareNote | null): Promise<void> {
	await withLock(file, {}, async assertHeld => {
		const current = await readFile(file);
		const pending = {...current.pending};
		if (note === null || note.text === '') {
			if (!Object.hasOwn(pending, caseRef)) return;
			delete pending[caseRef];
		} else pending[caseRef] = note;
		assertHeld();
		try {
			await writeFileAtomic(file, JSON.stringify({schemaVersion: 1, pending}, null, '\t') + '\n', WELFARE_MODE);
		} catch (err) {
			throw describeFsError(err, file, 'saving');
		}
	});
}

export const clearWelfareDraft = (file: string, caseRef: string): Promise<void> => saveWelfareDraft(file, caseRef, null);
