/**
 * The alternate screen: the desk draws on its own screen and the user's shell, scrollback and previous
 * output come back untouched when it ends: on q, on Ctrl+C, on a signal, and on a crash (the error is
 * then printed on the normal screen, where it stays readable).
 */
import {constants} from 'node:os';

// With bracketed paste on, the terminal marks a paste (ESC[200~ ... ESC[201~) so it is one insert into the
// focused field (input/paste.ts); it is turned off again whenever the alternate screen is left.
const ENTER = '\u001b[?1049h\u001b[H\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';
// The alternate screen is cleared before it is left: some terminals (tmux 3.3 after a resize) copy lines
// of it that were wider than the old size onto the shell's screen, and the desk may show a welfare note.
const CLEAR = '\u001b[2J\u001b[H';
const LEAVE = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

export interface AltScreen {
	/** Leaves the alternate screen (idempotent). */
	leave(): void;
}

/**
 * Enters the alternate screen. `beforeSignalExit` runs when a signal ends the process (SIGTERM, SIGHUP
 * from a closed terminal, SIGINT), and the screen is left and the signal raised again once it settles;
 * a second signal meanwhile does not wait.
 */
export function enterAltScreen(stdout: NodeJS.WriteStream, beforeSignalExit?: () => Promise<unknown>): AltScreen {
	let active = true;
	let ending = false;
	const leave = () => {
		if (!active) return;
		active = false;
		process.off('exit', leave);
		for (const sig of SIGNALS) process.off(sig, onSignal);
		// Synchronous write: this can run in an 'exit' handler, where async writes are lost.
		try {
			stdout.write(PASTE_OFF + CLEAR + SHOW_CURSOR + LEAVE);
		} catch {
			// The terminal is gone (closed window): nothing to restore.
		}
	};
	const end = (sig: NodeJS.Signals) => {
		leave();
		process.kill(process.pid, sig);
		// The signal raised again ends the process unless another listener takes it (Ink's signal-exit
		// re-raises it only when it is the last listener left). A desk asked to end must end: if it is still
		// here shortly after, it exits with the code a death by that signal gives (128 + its number).
		setTimeout(() => process.exit(128 + (constants.signals[sig] ?? 15)), 1000).unref();
	};
	const onSignal = (sig: NodeJS.Signals) => {
		if (ending || !beforeSignalExit) return end(sig);
		ending = true;
		void beforeSignalExit()
			.catch(() => undefined)
			.then(() => end(sig));
	};
	stdout.write(ENTER);
	process.on('exit', leave);
	for (const sig of SIGNALS) process.on(sig, onSignal);
	return {leave};
}

// In raw mode Ctrl+C arrives as a key, which Ink turns into an orderly exit; SIGINT is here for the
// loading frame, drawn before the desk takes the keyboard (the terminal is still in cooked mode then).
const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
