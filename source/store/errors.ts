/** One kind of error for everything the store refuses; the CLI maps it to exit code 3. */
export type StoreErrorCode =
	| 'not-found'
	| 'malformed'
	| 'invalid'
	| 'unsupported-version'
	| 'too-large'
	| 'locked'
	| 'permission'
	| 'read-only'
	| 'no-space'
	| 'io'
	| 'conflict'
	/**
	 * A welfare note was not filed: another note already holds its id (PostgreSQL, migration 022; REVIEW-9 N3).
	 * Trying again files nothing; the note waits where it was kept until the database's owner sees to the id.
	 */
	| 'id-taken'
	| 'welfare-key'
	| 'key'
	/** The review chain file does not hold what the state file records (missing, shorter, replaced): chain-file.ts. */
	| 'chain'
	/**
	 * The journal's text does not check out (a line's hash, its link to the line before, its shape):
	 * journal-file.ts. Like 'chain', an altered store, which `fortnight verify` reports as broken (exit 1).
	 */
	| 'journal'
	/** The file has more than one name (hard links): a save would split them (see atomic-write.ts). */
	| 'hard-link';

export class StoreError extends Error {
	override readonly name = 'StoreError';
	constructor(
		readonly code: StoreErrorCode,
		/** One or two plain sentences naming the file and what to do. Never contains welfare text. */
		message: string,
		readonly file?: string,
	) {
		super(message);
	}
	/**
	 * For a failed save: the data that could not be written (already validated), so the desk can keep
	 * the user's change and offer to retry or save it elsewhere (Store.saveCopy). Never printed.
	 */
	unsaved?: unknown;
	/**
	 * For a PostgreSQL login that reads no team although it is an officer's own (pg-no-team.ts): who the
	 * login is and why it reads nothing, so `fortnight whoami` can answer who they are (README "Who you are").
	 */
	officerLogin?: OfficerLoginFacts;
}

/** An officer's own database login that reads none of the team's records, and why (the error's own words). */
export interface OfficerLoginFacts {
	login: string;
	officers: readonly {teamId: string; officerId: string}[];
	/** Why it reads nothing and whom to ask: the sentences of the error after its head. */
	why: string;
	/** The database's own today (fortnight_today(), migration 018), by which it decides what a login reads; null if it could not be asked. */
	databaseToday: string | null;
	/** The days this login is named to cover the team's sergeant, not ended by the database's today (migration 019). */
	covers: readonly {teamId: string; from: string; to: string | null}[];
}

/** Turns a Node file-system error into one clear sentence about `file`. */
export function describeFsError(err: unknown, file: string, doing: string): StoreError {
	// Already one clear sentence (a refusal made by the write itself): never re-word it as an I/O error.
	if (err instanceof StoreError) return err;
	const code = (err as NodeJS.ErrnoException)?.code;
	switch (code) {
		case 'ENOENT':
			return new StoreError('not-found', `${file} does not exist. Check --store or FORTNIGHT_STORE.`, file);
		case 'EACCES':
		case 'EPERM':
			return new StoreError('permission', `Permission denied ${doing} ${file}. Ask for write access or save elsewhere with --store.`, file);
		case 'EROFS':
			return new StoreError(
				'read-only',
				`${file} is on a read-only file system, so ${doing} it failed. Your change is kept in memory; save it elsewhere.`,
				file,
			);
		case 'ENOSPC':
		case 'EDQUOT':
			return new StoreError(
				'no-space',
				`The disk holding ${file} is full, so ${doing} it failed; the previous version is intact. Free space and retry.`,
				file,
			);
		case 'EISDIR':
			return new StoreError('invalid', `${file} is a folder, not a store file. Point --store at a .json file.`, file);
		case 'ELOOP': {
			const what = `${file} is a symbolic link that leads round in a loop`;
			return new StoreError('invalid', `${what}, so ${doing} it failed. Point the link at the file.`, file);
		}
		default:
			return new StoreError(
				'io',
				`Input/output error ${doing} ${file} (${code ?? 'unknown'}); the previous version is intact. Retry, or check the drive.`,
				file,
			);
	}
}
