/**
 * One rule for every id typed on the command line (a crime reference, an absence id, an officer's name
 * or id): the spaces around it are dropped, since a copied id often brings them and they can hide
 * nothing; any other control character, anywhere in it, is refused with the id quoted and the
 * character made visible (safe-text.ts typedInQuotes). QA 7 R6 found `case reallocate $'CR/64148/26\n'`
 * accepted (a trailing newline trimmed away) beside `absence end $'ab0002\r'` refused and
 * `bail record $'CR/1\x07/26'` answered with the BEL hidden: three rules for one kind of slip.
 */
import {typedInQuotes} from '../domain/safe-text.js';
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
