import {say, type Command} from './command.js';
import {stat} from 'node:fs/promises';

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
	help: `Usage: fortnight [desk] [--store PATH] [--today YYYY-MM-DD] [--no-color]

Opens the review desk on the team store. Needs an interactive terminal of at least 80x24.`,
	takesWords: false,
	flags: {},
	async run(ctx) {
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
		const {runDesk} = await import('../ui/run-desk.js');
		// The desk opens on the state alone and reads the whole chain (a case's review history, the Log view)
		// after its first frame (store README, "The review chain file").
		const open = async () => (await import('./open-store.js')).openForCommand(ctx, {surface: 'desk', chain: 'state'});
		const {today, color, stdin, stdout, stderr} = ctx;
		await runDesk({open, storePath: ctx.storePath, sizeBytes, today, color, stdin, stdout, stderr});
		return 0;
	},
};
export default command;
