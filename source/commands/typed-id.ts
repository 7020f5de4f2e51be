/**
 * One rule for every id typed on the command line (a crime reference, an absence id, an officer's name
 * or id): the spaces around it are dropped, since a copied id often brings them and they can hide
 * nothing; any other control character, anywhere in it, is refused with the id quoted and the
 * character made visible (safe-text.ts typedInQuotes). QA 7 R6 found `case reallocate $'CR/64148/26\n'`
 * accepted (a trailing newline trimmed away) beside `absence end $'ab0002\r'` refused and
 * `bail record $'CR/1\x07/26'` answered with the BEL hidden: three rules for one kind of slip.
 */
import {hasUnsafeText, typedInQuotes} from '../domain/safe-text.js';
import {UsageError} from './context.js';

/** The id as typed without its surrounding spaces; a usage error when anything in it is a control character. */
export function typedId(value: string, what: string): string {
	const id = value.replace(/^ +| +$/g, '');
	const shown = typedInQuotes(id);
	if (shown !== id && /[\u0000-\u001f\u007f-\u009f]/u.test(id)) {
		throw new UsageError(`${what} "${shown}" has a control character in it (shown as ␊, ␍, ␇, ␛ and the like): type it again without it.`);
	}
	return id;
}

/**
 * Free text typed on the command line and kept as a record (`case reallocate --reason`): as it was typed,
 * or a usage error when it holds an escape sequence or a control character other than a line break or a
 * tab, with each made visible. It was once stored cleaned without a word (QA 8 R13: `--reason
 * $'new starter\e]0;PWNED\a old case'` kept as "new starter old case", the OSC's text gone too), while
 * the import keeps such a cell and lists it: the person typing is told instead, and nothing is saved.
 */
export function typedText(value: string, what: string): string {
	if (!hasUnsafeText(value)) return value;
	throw new UsageError(
		`${what} "${typedInQuotes(value)}" has a character in it that would not print as typed (an escape sequence, a ` +
			'control or invisible character, shown as ␛, ␇, <U+202E> and the like): type it again without it. Nothing was saved.',
	);
}
