/**
 * Opens the store a command works on. On first run with no --store and no working store yet, the
 * bundled demo team is copied to a git-ignored working store, its dates moved so its scenarios fall
 * around today, and the user is told.
 */
import {promises as fsp} from 'node:fs';
import {daysBetween} from '../domain/dates.js';
import type {StoreData} from '../domain/model.js';
import {shiftDates} from '../domain/shift-dates.js';
import {
	resignChain,
	createStoreFile,
	openStore,
	readStoreFile,
	type OpenOptions,
	type Store,
	readWelfare,
	welfarePathFor,
	writeWelfare,
} from '../store/index.js';
import {say} from './command.js';
import {DEMO_STORE, storeExists, type Context} from './context.js';
import {plural} from '../domain/plural.js';

/**
 * Opens the store for a command: its messages speak to the command line ("run the command again"), and a
 * save that waits for another's lock says so on stderr. The desk passes surface 'desk' (its status bar
 * shows the wait instead: a line on stderr would tear its screen).
 */
export async function openForCommand(ctx: Context, options: OpenOptions = {}): Promise<Store> {
	await ensureStore(ctx);
	const onWait = (message: string | null) => {
		if (message) ctx.stderr.write(`${message}\n`);
	};
	// A command reads and changes the state; its chain entries are appended without reading the chain file.
	const store =
		options.surface === 'desk'
			? await openStore(ctx.storePath, options)
			: await openStore(ctx.storePath, {surface: 'command', chain: 'state', ...options, lock: {onWait, ...options.lock}});
	// On PostgreSQL the login mapped to an officer is who records (README "Who you are"; context.ts actorFor).
	const officerId = store.login?.officerId;
	if (officerId) ctx.identity = {...ctx.identity, databaseLogin: {role: store.login!.role, officerId}};
	return store;
}

/** First run: with no --store and no working store yet, copy the demo. cli.tsx calls this for every command that reads a store. */
export async function ensureStore(ctx: Context): Promise<void> {
	if (ctx.defaultStore && !storeExists(ctx)) await copyDemo(ctx);
}

/** The demo moved so that its reference date lands on `today`. Settings (a statute date) never move. */
export function demoForToday(demo: StoreData, today: string): StoreData {
	const days = demo.referenceDate ? daysBetween(demo.referenceDate, today) : 0;
	if (days === 0) return demo;
	const {settings, ...rest} = demo;
	const moved = shiftDates(rest, days);
	return {...moved, settings, chain: resignChain(moved.chain)};
}

async function copyDemo(ctx: Context): Promise<void> {
	const {data} = await readStoreFile(DEMO_STORE);
	const moved = demoForToday(data, ctx.today);
	await createStoreFile(ctx.storePath, moved);
	const days = data.referenceDate ? daysBetween(data.referenceDate, ctx.today) : 0;
	// A welfare file already there (its store deleted or moved away) holds real officers' health
	// information: it is never replaced by the demo's invented notes (README "Where the store lives").
	const welfareFile = welfarePathFor(ctx.storePath);
	const welfareKept = await fsp.lstat(welfareFile).then(
		() => true,
		() => false,
	);
	if (!welfareKept) await writeWelfare(welfareFile, shiftDates(await readWelfare(welfarePathFor(DEMO_STORE)), days));
	const notice =
		`No store yet: copied the demo team to ${ctx.storePath}` +
		(days === 0 ? '.\n' : ` with its dates moved ${plural(days, 'day')} so its cases fall around ${ctx.today}.\n`) +
		(welfareKept ? `${welfareFile} already existed and was left as it is; the demo's welfare notes were not copied.\n` : '') +
		`Open your own team's store with --store PATH or FORTNIGHT_STORE.\n`;
	say(ctx, notice);
	ctx.firstRunNotice = notice;
	await fsp.access(ctx.storePath);
}
