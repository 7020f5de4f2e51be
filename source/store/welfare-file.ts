/**
 * Welfare notes are officers' health information (UK GDPR special category data). They live in their
 * own file beside the store, readable only by its owner (mode 0600, kept on every write), and are
 * never copied into the case store, an export, an error message or a log.
 */
import {promises as fsp} from 'node:fs';
import {Type, type Static} from '@sinclair/typebox';
import {TypeCompiler} from '@sinclair/typebox/compiler';
import {writeFileAtomic} from './atomic-write.js';
import {describeFsError, StoreError} from './errors.js';
import {withLock} from './lock.js';

export const WELFARE_MODE = 0o600;

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

/** `team.json` -> `team.welfare.json`, in the same folder. */
export function welfarePathFor(storePath: string): string {
	return storePath.replace(/(\.json)?$/i, '.welfare.json');
}

export async function readWelfare(file: string): Promise<WelfareFile> {
	let raw: string;
	try {
		raw = await fsp.readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {schemaVersion: 1, notes: []};
		throw describeFsError(err, file, 'reading');
	}
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		// Never echo the file's content: it is health information.
		throw new StoreError('malformed', `The welfare file ${file} is not valid JSON. It was not changed; restore it from a backup.`, file);
	}
	if (!check.Check(value)) {
		const first = check.Errors(value).First();
		throw new StoreError('invalid', `The welfare file ${file} is not valid at ${first?.path ?? '/'}. It was not changed; restore it from a backup.`, file);
	}
	return value;
}

/** Adds one note under the lock, keeping the file at mode 0600. */
export async function appendWelfareNote(file: string, note: WelfareNote): Promise<void> {
	await withLock(file, {}, async assertHeld => {
		const current = await readWelfare(file);
		const next: WelfareFile = {schemaVersion: 1, notes: [...current.notes, note]};
		assertHeld();
		await writeWelfare(file, next);
	});
}

export async function writeWelfare(file: string, data: WelfareFile): Promise<void> {
	try {
		await writeFileAtomic(file, JSON.stringify(data, null, '\t') + '\n', WELFARE_MODE);
	} catch (err) {
		throw describeFsError(err, file, 'saving');
	}
}
