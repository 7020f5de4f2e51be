/**
 * Words for a handover read on a later day than it was written (README, "fortnight handover"): the
 * cover reads it during their window, so "2 days" counted from the day of writing misleads them. The
 * rules' messages are turned into dates alone, and the renderers say how far each date is from the
 * window's first day instead.
 */
import {daysBetween, type IsoDate} from '../dates.js';
import {days} from '../plural.js';

const DATE = '\\d{2} [A-Z][a-z]{2}(?: \\d{4})?';

// Each distance the rules write from `today`, and what the sentence says without it. Only the rules'
// own phrasings are matched (see source/domain/rules); quoted store text is never touched.
const FROM_TODAY: readonly [RegExp, string][] = [
	[new RegExp(`not updated for \\d+ days?: last entry (${DATE})`, 'g'), 'not updated since $1'],
	[new RegExp(`(${DATE}): \\d+ days?(?=[;,)]| \\(|$)`, 'g'), '$1'],
	[new RegExp(`(${DATE}) \\(\\d+ days?\\)`, 'g'), '$1'],
	[/, \d+ days? ago/g, ''],
	[/passed \d+ days? ago/g, 'passed'],
	[/([:,]) \d+ days? overdue/g, '$1 overdue'],
	[/waiting \d+ days? since/g, 'waiting since'],
	[/never updated, \d+ days?/g, 'never updated'],
	[
		/No decision recorded after \d+ days?; it goes to (.+?) after (\d+) days/g,
		'No decision recorded yet; it goes to $1 $2 days after it fired',
	],
	[new RegExp(`(${DATE}), today(?=[;,)]|$)`, 'g'), '$1'],
];

/** A rule's message with its distances from the day of writing taken out, leaving the dates. */
export function datedMessage(message: string): string {
	// Even pieces are the rule's words, odd ones a quotation of store text ("..."), kept as it is.
	return message
		.split(/("[^"]*")/)
		.map((piece, i) => (i % 2 === 1 ? piece : FROM_TODAY.reduce((s, [pattern, to]) => s.replace(pattern, to), piece)))
		.join('');
}

/** How far `date` is from the window: "3 days before your window opens", "day 4 of your window"... */
export function windowDistance(date: IsoDate, from: IsoDate, to: IsoDate): string {
	if (date < from) return `${days(daysBetween(date, from))} before your window opens`;
	if (date === from) return 'the first day of your window';
	if (date <= to) return `day ${daysBetween(from, date) + 1} of your window`;
	return `${days(daysBetween(to, date))} after your window ends`;
}
