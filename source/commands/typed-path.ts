/**
 * A file path typed on the command line (--store and --out, FORTNIGHT_STORE, the settings file's store),
 * under the typed-id rule (typed-id.ts): a control or invisible character in it is refused with the path
 * quoted and the character made visible, before anything is opened or written. Such a path was used as
 * typed but reported with its escape sequence removed (QA 9 D10: `--out $'h\e]0;T\a.md'` wrote
 * "h␛]0;T␇.md" and said "Wrote ... to h.md", another, existing file), so the name the user read was
 * not the file the command used. No file a team keeps needs such a character in its name.
 */
import {typedInQuotes} from '../domain/safe-text.js';

/**
 * Why `value` (given as `what`, e.g. "--out") cannot be used as a path, ending with `nothing`, or null when
 * it can: every character in it prints as typed. Pure, so context.ts (which defines UsageError) can ask it.
 */
export function pathRefusal(value: string, what: string, nothing: string): string | null {
	const shown = typedInQuotes(value);
	if (shown === value) return null;
	return (
		`${what} "${shown}" has a control character in it (shown as ␊, ␍, ␇, ␛, <U+202E> and the like): ` +
		`type the path again without it. ${nothing}`
	);
}
