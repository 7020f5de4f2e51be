/**
 * What every command needs: the store path, today's date, colour, and the two kinds of failure the
 * command line reports (usage errors exit 2, store errors exit 3).
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {isIsoDate, localToday, type IsoDate} from '../domain/dates.js';

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

/** The package root (one level above dist/), where data/ lives. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_STORE = path.join(PACKAGE_ROOT, 'data', 'demo.json');
export const DEFAULT_STORE = path.join(PACKAGE_ROOT, 'data', 'store.json');

export interface GlobalFlags {
	store?: string;
	today?: string;
	color: boolean;
	debug: boolean;
}

export interface Context {
	/** Absolute store path. */
	storePath: string;
	/** True when no --store / FORTNIGHT_STORE was given (the first-run demo copy applies only then). */
	defaultStore: boolean;
	today: IsoDate;
	/** Whether the user asked for today explicitly (the desk says which date it is using either way). */
	todayGiven: boolean;
	color: boolean;
	debug: boolean;
	env: NodeJS.ProcessEnv;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
}

export function parseToday(value: string | undefined, source: string): IsoDate | undefined {
	if (value === undefined || value === '') return undefined;
	if (!isIsoDate(value)) throw new UsageError(`${source} must be a real date as YYYY-MM-DD (got "${value}").`);
	return value;
}

export function makeContext(flags: GlobalFlags, env: NodeJS.ProcessEnv = process.env): Context {
	const today = parseToday(flags.today, '--today') ?? parseToday(env['FORTNIGHT_TODAY'], 'FORTNIGHT_TODAY');
	const given = flags.store ?? (env['FORTNIGHT_STORE'] || undefined);
	const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
	return {
		storePath: path.resolve(given ?? DEFAULT_STORE),
		defaultStore: given === undefined,
		today: today ?? localToday(),
		todayGiven: today !== undefined,
		color: flags.color && !noColor,
		debug: flags.debug,
		env,
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: process.stdin,
	};
}

export function storeExists(ctx: Context): boolean {
	return existsSync(ctx.storePath);
}
