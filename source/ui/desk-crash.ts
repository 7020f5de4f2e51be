/**
 * What the desk does when something throws outside React's rendering (an input handler, a timer, a
 * rejected promise): what was typed is saved first (pending-writes.ts), the terminal is given back, and
 * the error is said on the normal screen as the command line says any unexpected error (cli.tsx, exit
 * 70): its message, and with `--debug` its stack trace (README "Command line"). The desk used to write
 * the message alone, with or without `--debug`.
 */
import {safeOutput} from '../domain/safe-text.js';
import {flushPendingWrites} from './pending-writes.js';

/** The lines the desk writes on a crash: the message, then the stack with `--debug`, or how to get it. */
export function crashReport(err: unknown, debug: boolean): string {
	const message = err instanceof Error ? err.message : String(err);
	const head = `fortnight: unexpected error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`;
	const stack = debug && err instanceof Error && err.stack ? `${err.stack}\n` : '';
	return safeOutput(head + stack);
}

export interface CrashOptions {
	debug: boolean;
	stderr: Pick<NodeJS.WriteStream, 'write'>;
	/** Gives the terminal back (leaves the alternate screen) before the error is written. */
	leave: () => void;
	exit: (code: number) => void;
}

/** The handler for uncaughtException and unhandledRejection while the desk runs: acts on the first only. */
export function deskCrashHandler(o: CrashOptions): (err: unknown) => void {
	let crashed = false;
	return err => {
		if (crashed) return;
		crashed = true;
		void flushPendingWrites().finally(() => {
			o.leave();
			o.stderr.write(crashReport(err, o.debug));
			o.exit(70);
		});
	};
}
