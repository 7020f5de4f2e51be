/**
 * Runs the desk in the real terminal: alternate screen in, Ink render, alternate screen out however
 * it ends. An error thrown while rendering unmounts Ink, leaves the alternate screen and is re-thrown
 * so the command line prints it on the normal screen. However it ends (q, Ctrl+C, SIGINT, SIGTERM,
 * SIGHUP, an uncaught error), what was typed and not yet saved is written first (pending-writes.ts).
 */
import React from 'react';
import {render} from 'ink';
import type {IsoDate} from '../domain/dates.js';
import {safeOutput} from '../domain/safe-text.js';
import {type Store} from '../store/index.js';
import {enterAltScreen} from './terminal.js';
import {flushPendingWrites} from './pending-writes.js';
import {deskCrashHandler} from './desk-crash.js';
import {LoadingFrame} from './loading/loading-frame.js';
import {startRulesThread, type RulesThread} from './model/rules-thread.js';
import type {DeskActor} from './desk/desk-actor.js';
import {userKeymap} from './contexts/user-keymap.js';
import {DEFAULT_SETTINGS, type UserSettings} from '../settings/user-settings.js';
import {shareInkOutputCaches} from './desk/ink-output-cache.js';

export interface RunDeskOptions {
	/**
	 * Opens the store and says who is at the keyboard (their signing key loaded); called after the first
	 * (loading) frame is on screen. Its StoreError, or a UsageError when nobody can be identified, ends the desk.
	 */
	open: () => Promise<{store: Store; actor: DeskActor; note?: string}>;
	/** Loads the modules `open` needs, so that its read starts at once (called just before it). */
	prepare?: () => Promise<unknown>;
	storePath: string;
	sizeBytes: number | null;
	today: IsoDate;
	/** No `--today` was given: the open desk's day follows the machine's calendar (desk/use-clock-today.ts). */
	followClock?: boolean;
	color: boolean;
	/**
	 * `--screen-reader`: Ink renders the desk as text in reading order, state in words (README "Screen
	 * readers"). Without it Ink still turns the mode on when INK_SCREEN_READER=true.
	 */
	screenReader?: boolean;
	/** The first-run demo copy's notice, or null: shown in the first frame and the desk (README "Set up"). */
	notice?: string | null;
	/** The user's settings (README "Settings") and what is wrong with their file (already said on stderr). */
	settings?: UserSettings;
	settingsProblems?: readonly string[];
	/** `--debug`: a crash's stack trace is written after its message (README "Command line"). */
	debug?: boolean;
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
}

export async function runDesk(o: RunDeskOptions): Promise<void> {
	const settings = o.settings ?? DEFAULT_SETTINGS;
	// The keys the user remapped, checked against the registry; what cannot be used is said (and left out).
	const keys = userKeymap(settings.keys);
	for (const problem of keys.problems) o.stderr.write(safeOutput(`fortnight: settings: ${problem}\n`));
	// A signal (a closed terminal, kill) saves what is typed before the process ends.
	const screen = enterAltScreen(o.stdout, () => flushPendingWrites());
	// Said as the command line says an unexpected error: with --debug, its stack trace (desk-crash.ts).
	const onCrash = deskCrashHandler({
		debug: o.debug ?? false,
		stderr: o.stderr,
		leave: () => screen.leave(),
		exit: code => process.exit(code),
	});
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	let rules: RulesThread | undefined;
	// The loading frame's text is worked out as every later frame's is (ink-output-cache.ts), and what it
	// works out (the panes' borders and titles) serves the case rows' frame after it.
	await shareInkOutputCaches();
	try {
		// The shell is on screen at once; the store (seconds for a department store) is read after it.
		const app = render(<LoadingFrame storePath={o.storePath} sizeBytes={o.sizeBytes} notice={o.notice ?? null} />, {
			stdin: o.stdin,
			stdout: o.stdout,
			stderr: o.stderr,
			// Ctrl+C is the desk's quit key (keymap.ts), taken in order with the keys before it, so text typed
			// just before it reaches its field and is saved on the way out; Ink's own exit would drop it.
			exitOnCtrlC: false,
			patchConsole: false,
			// Key-press-to-frame latency matters more than frame rate here: let a key's frame out at once.
			maxFps: 60,
			// Whole frames, not Ink's incrementalRendering (only changed lines written): with this frame, one
			// line shorter than the terminal, Ink 6.8's line diff left lines of earlier frames on screen, even
			// without a resize (issue 18; test/e2e/desk-redraw-tmux.test.ts holds the desk to whole frames).
			incrementalRendering: false,
			// Left undefined without the flag, so Ink's own INK_SCREEN_READER=true still turns the mode on.
			...(o.screenReader ? {isScreenReaderEnabled: true} : {}),
		});
		await new Promise(resolve => setImmediate(resolve));
		// The rules' thread: started when the desk first asks (its rows on screen); it reads the store itself.
		rules = startRulesThread(o.storePath);
		let opened: {store: Store; actor: DeskActor; note?: string};
		let Desk: typeof import('./desk/desk.js').Desk;
		try {
			// The desk's modules (rules, views) load while the loading frame is up, alongside the store's read.
			// The store's own modules load first: started together with the desk's (about 200 files), they waited
			// behind them and the read began only once all had loaded, instead of while they load (issue 18).
			await o.prepare?.();
			[opened, {Desk}] = await Promise.all([o.open(), import('./desk/desk.js')]);
		} catch (err) {
			app.unmount();
			throw err;
		}
		const {store, actor, note} = opened;
		const problems = [...(o.settingsProblems ?? []), ...keys.problems, ...(note ? [note] : [])];
		app.rerender(
			<Desk
				today={o.today}
				followClock={o.followClock ?? false}
				actor={actor}
				color={o.color}
				store={store}
				notice={o.notice ?? null}
				rules={rules}
				keymap={keys.keymap}
				theme={settings.theme}
				settingsProblems={problems}
			/>,
		);
		await app.waitUntilExit();
	} finally {
		// Unmounting saved each open review's draft; wait for those writes before the screen goes.
		await flushPendingWrites();
		rules?.close();
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		screen.leave();
	}
}
