/**
 * Where a store's welfare notes and drafts live and where their passphrase comes from: the plain parts
 * of welfare-file.ts and welfare-drafts.ts, in a module of their own so the store's entry point can offer
 * them without loading those files' schema checker (TypeBox) on every command (issue 18).
 */
import {isPostgresUrl} from './pg-url.js';

export const WELFARE_KEY_ENV = 'FORTNIGHT_WELFARE_KEY';

/** `team.json` -> `team.welfare.json`, in the same folder. */
export function welfarePathFor(storePath: string): string {
	// A PostgreSQL store keeps them in its own table: the URL names it (pg-welfare.ts).
	if (isPostgresUrl(storePath)) return `${storePath.replace(/#.*$/, '')}#welfare`;
	return storePath.replace(/(\.json)?$/i, '.welfare.json');
}

/** The passphrase from FORTNIGHT_WELFARE_KEY, or undefined when unset or empty. */
export function welfareKeyFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const v = env[WELFARE_KEY_ENV];
	return v ? v : undefined;
}

/** `team.json` -> `team.welfare-drafts.json`, in the same folder. */
export function welfareDraftsPathFor(storePath: string): string {
	return storePath.replace(/(\.json)?$/i, '.welfare-drafts.json');
}
