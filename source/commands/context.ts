/**
 * What every command needs: the store path, today's date, colour, and the two kinds of failure the
 * command line reports (usage errors exit 2, store errors exit 3).
 */
import {existsSync} from 'node:fs';
import {homedir, userInfo} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {localToday, parseUserDate, typedDateRefusal, type IsoDate} from '../domain/dates.js';
import {resolveIdentity, type IdentitySource} from '../domain/identity.js';
import type {Officer, StoreData} from '../domain/model.js';
import {readSettings, type SettingsRead} from '../settings/user-settings.js';
import {isPostgresUrl} from '../store/index.js';
import {say} from './command.js';
import {pathRefusal} from './typed-path.js';

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

/**
 * A refusal of what was asked (no permission, no such record, a text too long, a rule of the domain):
 * exit 2 as a usage error, but the command was typed right, so the CLI does not add "Run with --help
 * for usage" (QA pass 3, R4), which belongs to usage errors alone (bad options or arguments).
 */
export class RefusalError extends UsageError {
	readonly refusal = true;
}

/** The package root (one level above dist/), where data/ lives. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_STORE = path.join(PACKAGE_ROOT, 'data', 'demo.json');

/**
 * Where the team's store lives when none is named (README, "Where the store lives"): run from a clone
 * (a git work tree), `data/store.json` beside the demo, as before; installed as a package, in the
 * user's data folder (`$XDG_DATA_HOME/fortnight/`, else `~/.local/share/fortnight/`), never inside the
 * package, where a normal user cannot write and `npm update -g` would delete the team's data.
 */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env, root = PACKAGE_ROOT): string {
	if (existsSync(path.join(root, '.git'))) return path.join(root, 'data', 'store.json');
	const xdg = env['XDG_DATA_HOME'];
	const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.local', 'share');
	return path.join(base, 'fortnight', 'store.json');
}

export interface GlobalFlags {
	store?: string;
	today?: string;
	/** --as: who is at the keyboard (an officer's id, collar number or name). */
	as?: string;
	color: boolean;
	debug: boolean;
}

export interface Context {
	/** Absolute store path, or a postgres:// URL as given. */
	storePath: string;
	/** True when no --store / FORTNIGHT_STORE / settings store was given (the first-run demo copy applies only then). */
	defaultStore: boolean;
	today: IsoDate;
	/** Whether the user asked for today explicitly (the desk says which date it is using either way). */
	todayGiven: boolean;
	/**
	 * What the first-run demo copy said (README "Set up"), once made in this run: printed on stderr, and
	 * the desk shows it too, since its alternate screen would hide that line until quitting.
	 */
	firstRunNotice?: string;
	/**
	 * What says who is at the keyboard: --as, FORTNIGHT_USER, the OS login (resolved against the store by actorFor);
	 * on PostgreSQL, the database login and its officer, once the store is open (open-store.ts).
	 */
	identity: {as?: string; envUser?: string; settingsUser?: string; login?: string; databaseLogin?: {role: string; officerId: string}};
	/** The user's settings file (README "Settings") and what is wrong with it. */
	settings?: SettingsRead;
	color: boolean;
	debug: boolean;
	env: NodeJS.ProcessEnv;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
}

export function parseToday(value: string | undefined, source: string): IsoDate | undefined {
	if (value === undefined) return undefined;
	// An empty value (a script's unset variable: --today "$DAY") is refused, never taken as "not given".
	if (value.trim() === '') throw new UsageError(`${source} is empty: give a real date as YYYY-MM-DD or DD/MM/YYYY, or leave it out.`);
	const d = parseUserDate(value);
	if (d === null) throw new UsageError(typedDateRefusal(source, value));
	return d;
}

export function makeContext(flags: GlobalFlags, env: NodeJS.ProcessEnv = process.env, settings: SettingsRead = readSettings(env)): Context {
	// An empty --as or --store would otherwise fall through to someone else (the demo's sergeant) or the
	// working folder: refused as a usage error naming the option (README "Command line").
	if (flags.as !== undefined && flags.as.trim() === '')
		throw new UsageError('--as is empty: name the officer at the keyboard (id, collar number or name), or leave it out.');
	if (flags.store !== undefined && flags.store.trim() === '')
		throw new UsageError('--store is empty: give the store file, or leave it out.');
	const today = parseToday(flags.today, '--today') ?? parseToday(env['FORTNIGHT_TODAY'], 'FORTNIGHT_TODAY');
	const given = flags.store ?? (env['FORTNIGHT_STORE'] || undefined) ?? settings.settings.store;
	// Used as typed, so it must print as typed: a store named with an escape sequence in it was reported as another file (QA 9 D10).
	const storeSource = flags.store !== undefined ? '--store' : env['FORTNIGHT_STORE'] ? 'FORTNIGHT_STORE' : "The settings file's store";
	const badStore = given === undefined ? null : pathRefusal(given, storeSource, 'Nothing was opened or written.');
	if (badStore !== null) throw new UsageError(badStore);
	const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
	return {
		// A postgres:// URL names a database, not a file (README "PostgreSQL").
		storePath: given !== undefined && isPostgresUrl(given) ? given : path.resolve(given ?? defaultStorePath(env)),
		defaultStore: given === undefined,
		today: today ?? localToday(),
		todayGiven: today !== undefined,
		identity: {as: flags.as, envUser: env['FORTNIGHT_USER'] || undefined, settingsUser: settings.settings.as, login: osLogin()},
		settings,
		color: flags.color && !noColor,
		debug: flags.debug,
		env,
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: process.stdin,
	};
}

/** The operating-system login name, or undefined where the system cannot say (no passwd entry). */
function osLogin(): string | undefined {
	try {
		return userInfo().username || undefined;
	} catch {
		return undefined;
	}
}

/**
 * The officer at the keyboard for a command that records something (README, "Who you are"), or a
 * usage error (exit 2) that says how to say who you are. Never inferred from the team's arrangements.
 */
export function actorFor(ctx: Context, data: StoreData): {officer: Officer; source: IdentitySource; note?: string} {
	const id = resolveIdentity(data, {...ctx.identity, demo: data.referenceDate !== null});
	if (!id.ok) throw id.refusal ? new RefusalError(id.reason) : new UsageError(id.reason);
	// A settings "as" that named nobody is said, once per run, wherever who you are was then worked out
	// (the demo's sergeant too): README "Who you are", "one that names nobody is said and passed over".
	if (id.note !== undefined && !noteSaid.has(ctx)) {
		noteSaid.add(ctx);
		say(ctx, `fortnight: ${id.note}\n`);
	}
	return id;
}

/** Runs whose settings note has been said (the desk shows it on its status bar instead: desk.ts). */
export const noteSaid = new WeakSet<Context>();

/**
 * A command that only reads, given --as, still checks it names an officer in the store (README "Who you
 * are"), as whoami and every recording command do: an unknown name is refused (exit 2), never ignored.
 */
export function checkNamedActor(ctx: Context, data: StoreData): void {
	// On PostgreSQL (the login learnt by read-scope.ts readForReader) FORTNIGHT_USER naming another is refused too.
	const named = ctx.identity?.as !== undefined || (ctx.identity?.databaseLogin !== undefined && ctx.identity.envUser !== undefined);
	if (named) actorFor(ctx, data);
}

export function storeExists(ctx: Context): boolean {
	return isPostgresUrl(ctx.storePath) || existsSync(ctx.storePath);
}
