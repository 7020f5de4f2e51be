/**
 * V8's optimising compiler tuned for a command that runs once and exits (issue 18: `problems --json` at
 * 5,000 cases within 3x Taskwarrior's `task overdue` and 0.8x of a bare read + JSON.parse). By default V8
 * sends a function to TurboFan once it has run about 66 KB of bytecode (Node 20's `--interrupt-budget`);
 * a command's rules, renderers and Node's own module loader reach that within its first few hundred
 * milliseconds, and TurboFan compiled 86 functions in one `problems --json` at 5,000 cases, most of them
 * too late to pay for themselves: the compiling was a fifth of the process's CPU time. With eight times
 * the budget only what stays hot is compiled. Measured (store README, "The whole process"):
 * `problems --json` 0.78x the CPU time at 5,000 cases and 0.88x at 50,000, its main thread's time 0.97x
 * and 1.00x (the compiling ran beside it, on the second core); `handover` 0.75x. `log --format csv` and
 * `verify`, which spend a second or more in loops over every chain entry, used the same CPU time either
 * way and their main thread 1.06-1.07x with it, and `absence add` gained little (0.94x, main thread
 * 1.04x), so they, like every command not measured, keep V8's default; so does the desk, which runs for
 * hours.
 *
 * Set from inside the process, so that it holds however fortnight is started (the npm shim, `node
 * dist/cli.js`, the bench): a flag in the shebang line needs `env -S`, which BusyBox's env has not, and
 * NODE_OPTIONS would be every user's chore. V8 reads this flag each time it decides whether to optimise,
 * so setting it now, before the command's module is loaded, takes effect. (The garbage collector's sizes,
 * `--max-semi-space-size` and its kin, are read once when the heap is made: set here they would do nothing,
 * and from the command line they made no difference beyond the noise.)
 */
/**
 * Eight times Node 20's default interrupt budget (66 KB of bytecode). Later V8s (Node 22 and up) start at
 * 132 KB and put Maglev, with a budget of its own, before TurboFan: there this is four times the default,
 * and it was measured on Node 20 only.
 */
export const ONE_RUN_INTERRUPT_BUDGET = 8 * 66 * 1024;

/** The commands measured to gain (above). */
export const ONE_RUN_COMMANDS: ReadonlySet<string> = new Set(['problems', 'handover']);

/** Call before the command's module is loaded. node:v8 is imported here, so that the desk never loads it. */
export async function tuneCompilerForOneRun(): Promise<void> {
	const {setFlagsFromString} = await import('node:v8');
	setFlagsFromString(`--interrupt-budget=${ONE_RUN_INTERRUPT_BUDGET}`);
}
