import {say, type Command} from './command.js';
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {actorFor, noteSaid, type Context} from './context.js';
import {isPostgresUrl, type Store} from '../store/index.js';
import type {DeskActor} from '../ui/desk/desk-actor.js';

/** Shown instead of Ink's raw-mode crash when there is no terminal to draw the desk in. */
export function noTtyHint(): string {
	return `fortnight: the review desk needs an interactive terminal; these commands work without one:
  fortnight problems [--json]      what needs attention, most urgent first
  fortnight handover --from D --to D [--format md|json] [--out FILE]
  fortnight log [--from D] [--to D] [--format csv|json|md] [--out FILE]
  fortnight verify                 check the store and the review chain
  fortnight import FILE.csv        add or update cases from a records-system export
  fortnight generate --cases N --out FILE
Run "fortnight --help" for everything.
`;
}

const command: Command = {
	name: 'desk',
	summary: 'open the review desk (the default)',
	help: `Usage: fortnight [desk] [--store PATH] [--today YYYY-MM-DD] [--as OFFICER] [--no-color] [--screen-reader]

Opens the review desk on the team store, as one officer: --as OFFICER, else FORTNIGHT_USER, else your
login when an officer in the store has it (the bundled demo's copy alone falls back to its sergeant).
The status bar says who. Everything the desk records (reviews, amendments, decisions, absences) is
theirs; once the store has enrolled keys it is signed with their key (FORTNIGHT_KEY_PASSPHRASE for a
sealed one). Needs an interactive terminal of at least 80x24.

--screen-reader (or INK_SCREEN_READER=true) draws the desk for a screen reader: every pane as lines of
text in reading order (views, explorer, editor, problems, status), with focus, the selected row, the
chosen option and severity said in words, and the Log view's chart read as each week's numbers.`,
	takesWords: false,
	flags: {screenReader: {type: 'boolean', default: false}},
	async run(ctx, _input, flags) {
		if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) {
			const {openForCommand} = await import('./open-store.js');
			await openForCommand(ctx); // still report an unreadable store (exit 3)
			// Not a success: a script or a pipe that ran the desk learns it did not open (exit 2, usage).
			say(ctx, noTtyHint());
			return 2;
		}
		const sizeBytes = await stat(ctx.storePath).then(
			s => s.size,
			() => null,
		);
		// React's development build checks every element at run time; the desk runs the production one.
		// Loaded only here, so non-interactive commands never pay for Ink and React.
		process.env['NODE_ENV'] ??= 'production';
		// Ink treats CI=true as "no live terminal" and holds every frame until exit. We have checked that
		// this is an interactive terminal, so it is not CI whatever the environment says (Ink reads it on import).
		for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = 'false';
		// The desk opens on the state alone and reads the whole chain (a case's review history, the Log view)
		// after its first frame (store README, "The review chain file").
		// The desk says a passed-over settings "as" on its status bar, never on stderr under its frame.
		noteSaid.add(ctx);
		const open = async () => {
			const store = await (await import('./open-store.js')).openForCommand(ctx, {surface: 'desk', chain: 'state'});
			const actor = await deskActorFor(ctx, store);
			// A settings file's "as" that named nobody was passed over: the desk says so (README "Settings").
			return {store, actor, note: actorFor(ctx, store.snapshot()).note};
		};
		// A PostgreSQL team's read is mostly waiting for the server: it starts now, while the runner and the
		// desk load and the loading frame is drawn, rather than after them (issue 19, the bench's "pg-desk"). A
		// file is read and parsed on this thread, so it waits for the first frame (README "Decisions worth knowing").
		// A failure is reported where the runner asks for the store, as it would be without the head start.
		const early = isPostgresUrl(ctx.storePath) ? open() : null;
		early?.catch(() => {});
		const {runDesk} = await import('../ui/run-desk.js');
		// Everything `open` loads, so that its read starts at once (run-desk.tsx loads the desk's modules meanwhile).
		const prepare = () =>
			Promise.all([
				import('./open-store.js'),
				import('../ui/desk/desk-actor.js'),
				import('../store/index.js').then(async s => (s.isPostgresUrl(ctx.storePath) ? undefined : s.loadFileStore())),
			]);
		const {today, color, stdin, stdout, stderr} = ctx;
		const notice = ctx.firstRunNotice ?? null;
		const settings = ctx.settings?.settings;
		const settingsProblems = ctx.settings?.problems ?? [];
		const screenReader = Boolean(flags['screenReader']);
		await runDesk({
			open: () => early ?? open(),
			prepare,
			storePath: ctx.storePath,
			sizeBytes,
			today,
			followClock: !ctx.todayGiven,
			color,
			screenReader,
			debug: ctx.debug,
			notice,
			settings,
			settingsProblems,
			stdin,
			stdout,
			stderr,
		});
		return 0;
	},
};
export default command;

/**
 * Who the desk runs as (README "Who you are"), with their signing key loaded once (README "Signatures").
 * Nobody identifiable stops the desk with a usage error, as it does any command that records something.
 * A key that cannot be read (a sealed key without FORTNIGHT_KEY_PASSPHRASE) does not: the desk opens to
 * read, and says why before any review, amendment or decision that would need it.
 */
export async function deskActorFor(ctx: Context, store: Store): Promise<DeskActor> {
	const {officer, source} = actorFor(ctx, store.snapshot());
	const [{loadSigningKey, keysFolder}, {deskActor}] = await Promise.all([import('../store/index.js'), import('../ui/desk/desk-actor.js')]);
	// Where "fortnight keys init" leaves the public half for enrolment (store/keys.ts keyPathFor spells ids the same way).
	const spelled = officer.id.replace(/[^A-Za-z0-9_-]/g, c => `%${c.charCodeAt(0).toString(16)}`);
	const publicKeyFile = path.join(keysFolder(ctx.env), `${spelled}.pub.pem`);
	// Where the private key is read: a copy of an enrolled key goes there (QA 8 R14).
	const keyFile = path.join(keysFolder(ctx.env), `${spelled}.key`);
	try {
		return deskActor(officer.id, source, await loadSigningKey(officer.id, {env: ctx.env}), null, publicKeyFile, keyFile);
	} catch (err) {
		return deskActor(officer.id, source, null, err instanceof Error ? err.message : String(err), publicKeyFile, keyFile);
	}
}
