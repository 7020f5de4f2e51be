/**
 * Runs the desk in the real terminal: alternate screen in, Ink render, alternate screen out however
 * it ends. An error thrown while rendering unmounts Ink, leaves the alternate screen and is re-thrown
 * so the command line prints it on the normal screen.
 */
import React from 'react';
import {render} from 'ink';
import type {IsoDate} from '../domain/dates.js';
import type {Store} from '../store/store.js';
import {Desk} from './desk/desk.js';
import {enterAltScreen} from './terminal.js';

export interface RunDeskOptions {
	store: Store;
	today: IsoDate;
	color: boolean;
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
}

export async function runDesk(o: RunDeskOptions): Promise<void> {
	const screen = enterAltScreen(o.stdout);
	const onCrash = (err: unknown) => {
		screen.leave();
		o.stderr.write(`fortnight: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
		process.exit(70);
	};
	process.once('uncaughtException', onCrash);
	process.once('unhandledRejection', onCrash);
	try {
		const app = render(<Desk data={o.store.snapshot()} today={o.today} color={o.color} store={o.store} />, {
			stdin: o.stdin,
			stdout: o.stdout,
			stderr: o.stderr,
			exitOnCtrlC: true,
			patchConsole: false,
			// Key-press-to-frame latency matters more than frame rate here: let a key's frame out at once.
			maxFps: 60,
		});
		await app.waitUntilExit();
	} finally {
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		screen.leave();
	}
}
