/**
 * V8's optimising compiler tuned for a command that runs once and exits (issue 18: `problems --json` at
 * 5,000 cases within 3x Taskwarrior's `task overdue` and 0.8x of a bare read + JSON.parse). By default V8
 * sends a function to TurboFan once it has run about 66 KB of bytecode (Node 20's `--interrupt-budget`);
 * a command's rules, renderers and Node's own module loader reach that within its first few hundred
 * milliseconds, and TurboFan compiled 86 functions in one `problems --json` at 5,000 cases, most of them
 * too late to pay for themselves: the compiling was a fifth of the process's CPU time. With eight times
 * the budget only what stays hot is compiled. Measured (store README, "What the load costs now"): CPU time
 * 0.80x at 5,000 cases and 0.86x at 50,000, the main thread's time 1.04x and 0.99x (on an idle second
 * core the compiling was off the main thread's path). The desk runs for hours and keeps V8's default.
 *
 * Set from inside the process, so that it holds however fortnight is started (the npm shim, `node
 * dist/cli.js`, the bench): a flag in the shebang line needs `env -S`, which BusyBox's env has not, and
 * NODE_OPTIONS would be every user's chore. V8 reads this flag each time it decides whether to optimise,
 * so setting it now, before the command's module is loaded, takes effect. (The garbage collector's sizes,
 * `--max-semi-space-size` and its kin, are read once when the heap is made: set here they would do nothing,
 * and from the command line they made no difference beyond the noise.)
 */
import {setFlagsFromString} from 'node:v8';

/** Eight times Node 20's default interrupt budget (66 KB of bytecode). */
export const ONE_RUN_INTERRUPT_BUDGET = 8 * 66 * 1024;

/** For every command but the desk: call before the command's module is loaded. */
export function tuneCompilerForOneRun(): void {
	setFlagsFromString(`--interrupt-budget=${ONE_RUN_INTERRUPT_BUDGET}`);
}
