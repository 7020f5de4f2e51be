/**
 * `fortnight store`: the store's files themselves (README "Where the store lives"). migrate splits a
 * single-file store into its state and its review chain file now, rather than on its first save;
 * export --single-file writes the whole store as one JSON file, for anyone who wants one file (fortnight
 * reads it as a store, and splits it again on its first save).
 */
import {stat} from 'node:fs/promises';
import {safeText} from '../domain/safe-text.js';
import {plural} from '../domain/plural.js';
import path from 'node:path';
import {chainPathFor, copyStore, exportSingleFile, isPostgresUrl, migrateDatabase} from '../store/index.js';
import {say, type Command} from './command.js';
import {UsageError, type Context} from './context.js';
import {ensureStore, openForCommand} from './open-store.js';
import {checkOut, FORCE_FLAG, usageIfRefused} from './write-out.js';

const HELP = `Usage
  fortnight store migrate                                 put the review chain in its own file now;
                                                          for a postgres:// store, apply its SQL migrations
  fortnight store export --single-file --out FILE [--force]  the whole store as one JSON file
  fortnight store copy --from STORE --to STORE            a whole store into a new file or database

A store is two files: team.json (cases, officers, settings: everything the rules read) and
team.chain.jsonl beside it, the signed review chain, one entry a line, only ever appended to. A store
written by an older fortnight is one file; it is split on its first save, or now by "store migrate"
(a version-1 file is kept as team.json.bak-v1). Move, copy or back up the two files together.

export --single-file   writes the whole store, chain included, as one JSON file (mode 0600), never over
                       the store's own files, over another file only with --force.

copy                   copies everything (the state, the whole review chain entry for entry, the
                       welfare notes) from a JSON file or postgres:// URL to a new JSON file or a
                       database that does not hold the team yet: --from team.json --to
                       'postgresql:///fortnight?host=/run/postgresql' moves a team to PostgreSQL, and
                       back. The chain's head is printed; verify gives the same on both.

A postgres:// URL as --store (or FORTNIGHT_STORE) opens the store in a PostgreSQL database; add
?team=ID when it holds several teams. "store migrate" creates or upgrades its tables, as the
database's owner; it refuses a database newer than this fortnight.

Exit codes: 0 done; 2 usage error; 3 the store cannot be read or written.`;

const command: Command = {
	name: 'store',
	summary: 'the store itself: split the chain out or migrate a database, export one JSON file, copy between stores',
	help: HELP,
	// copy names both of its stores; migrate and export open --store themselves (ensureStore: the first-run demo).
	usesStore: false,
	flags: {
		singleFile: {type: 'boolean', default: false},
		out: {type: 'string'},
		force: FORCE_FLAG,
		from: {type: 'string'},
		to: {type: 'string'},
	},
	async run(ctx, input, flags) {
		const [action, ...rest] = input;
		if (rest.length > 0)
			throw new UsageError(`"fortnight store ${safeText(action ?? '')}" takes no more words (got "${safeText(rest[0]!).slice(0, 40)}").`);
		if (action === 'migrate') return migrate(ctx);
		if (action === 'export') return exportOne(ctx, flags);
		if (action === 'copy') return copy(ctx, flags);
		if (!action) throw new UsageError('Say what to do: fortnight store migrate|export|copy.');
		throw new UsageError(`Unknown store action "${safeText(action).slice(0, 40)}": use migrate, export or copy.`);
	},
};
export default command;

async function migrate(ctx: Context): Promise<number> {
	if (isPostgresUrl(ctx.storePath)) {
		const m = await migrateDatabase(ctx.storePath);
		const done =
			m.applied.length === 0 ? `already at schema version ${m.to}; nothing to do` : `migrated from schema version ${m.from} to ${m.to}`;
		say(ctx, `The database at ${m.shown} is ${done}.\n`);
		return 0;
	}
	const store = await openForCommand(ctx);
	const before = store.snapshot();
	const chainFile = chainPathFor(store.file);
	if (before.chainLog) {
		say(ctx, `${store.file} already keeps its review chain in its own file; nothing to do.\n`);
		return 0;
	}
	const size = (await stat(store.file)).size;
	// A save with no change: the store splits on its first save (store README, "The review chain file").
	await store.apply(data => data);
	const after = (await stat(store.file)).size;
	const entries = plural(before.chain.length, 'entry', 'entries');
	say(
		ctx,
		`Split ${store.file}: its review chain (${entries}) is now in ${chainFile}; the store file is ${mb(after)} (was ${mb(size)}).\n`,
	);
	return 0;
}

async function exportOne(ctx: Context, flags: Record<string, unknown>): Promise<number> {
	if (flags['singleFile'] !== true) throw new UsageError('Say which export: fortnight store export --single-file --out FILE.');
	const out = flags['out'];
	if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE is required: where to write the single file.');
	const force = flags['force'] === true;
	await ensureStore(ctx);
	await checkOut(ctx, out, {mode: 0o600, force, regularOnly: true});
	await exportSingleFile(ctx.storePath, out, {force}).catch((err: unknown) => {
		throw usageIfRefused(err);
	});
	say(ctx, `Wrote ${out}: the whole store as one JSON file (${mb((await stat(out)).size)}), the review chain inside.\n`);
	return 0;
}

async function copy(ctx: Context, flags: Record<string, unknown>): Promise<number> {
	const from = flags['from'];
	const to = flags['to'];
	if (typeof from !== 'string' || from === '' || typeof to !== 'string' || to === '') {
		throw new UsageError('Say both stores: fortnight store copy --from STORE --to STORE (a .json file or a postgres:// URL each).');
	}
	const where = (s: string) => (isPostgresUrl(s) ? s : path.resolve(s));
	if (where(from) === where(to)) throw new UsageError('--from and --to name the same store: copy to a new file or database.');
	const c = await copyStore(where(from), where(to));
	const notes = plural(c.notes, 'welfare note');
	const what = `${plural(c.cases, 'case')}, a chain of ${plural(c.entries, 'entry', 'entries')}, ${notes}`;
	say(ctx, `Copied team ${safeText(c.team)} (${what}) to ${c.to}; chain head ${c.head}.\n`);
	return 0;
}

function mb(bytes: number): string {
	return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}
