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
	readWelfare,
	welfarePathFor,
	writeWelfare,
	type OpenOptions,
	type Store,
} from '../store/index.js';
import {DEMO_STORE, storeExists, type Context} from './context.js';
import {plural} from '../domain/plural.js';

export async function openForCommand(ctx: Context, options: OpenOptions = {}): Promise<Store> {
	await ensureStore(ctx);
	return openStore(ctx.storePath, options);
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
	const welfare = await readWelfare(welfarePathFor(DEMO_STORE));
	const days = data.referenceDate ? daysBetween(data.referenceDate, ctx.today) : 0;
	await writeWelfare(welfarePathFor(ctx.storePath), shiftDates(welfare, days));
	ctx.stderr.write(
		`No store yet: copied the demo team to ${ctx.storePath}` +
			(days === 0 ? '.\n' : ` with its dates moved ${plural(days, 'day')} so its cases fall around ${ctx.today}.\n`) +
			`Open your own team's store with --store PATH or FORTNIGHT_STORE.\n`,
	);
	await fsp.access(ctx.storePath);
}
