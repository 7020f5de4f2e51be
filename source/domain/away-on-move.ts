/**
 * Whether an officer the case could move to is away on the day of the move, covered or not (QA 8 R2).
 * README "Acting on a problem" lists "those at work with the most room first": an officer on leave with a
 * cover is not at work, so the reallocation form lists them after those who are, marked with their
 * absence ("leave to 12 Dec (DC Shah covers)"), and asks before moving the case to them, so Enter on the
 * default never hands a case to someone away without a word. The absence is read whole, not part by part
 * (absence-cover.ts wholeSpan: an absence split where its cover changed is still one absence).
 */
import {wholeSpan} from './absence-cover.js';
import {absenceSpan} from './absence-words.js';
import {shortDate, type IsoDate} from './dates.js';
import type {AbsenceReason, StoreData} from './model.js';
import {ABSENCE_WORDS, absenceLookup, awayOn, shortName} from './people.js';
import {safeText} from './safe-text.js';

/** The form's short word for each reason: the mark is read in a row beside the workload. */
const MARK_WORDS: Record<AbsenceReason, string> = {
	sick: 'sick',
	'annual-leave': 'leave',
	training: 'training',
	'restricted-duties': 'restricted duties',
	other: 'away',
};

/** An officer away on the day of a move: the form's mark and the sentence it asks y/n with. */
export interface AwayOnMove {
	/** "leave to 12 Dec (DC Shah covers)", "sick from 28 Nov (nobody covering)". */
	mark: string;
	/** "DC Grant is on annual leave 03-12 Dec (DC Shah covering on 04 Dec): ...". */
	words: string;
}

/** `officerId`'s absence on `on` (the move's first day) in the form's words, or null when they are at work that day. */
export function awayOnMove(data: StoreData, officerId: string, on: IsoDate, today: IsoDate): AwayOnMove | null {
	const away = awayOn(absenceLookup(data.absences), officerId, on);
	if (!away) return null;
	const name = (id: string) => safeText(shortName(data.officers.find(o => o.id === id)));
	const day = (d: IsoDate) => shortDate(d, today);
	const whole = wholeSpan(data.absences, away.absence);
	const span = absenceSpan(whole, today);
	const until = whole.to === null ? `from ${day(whole.from)}` : `to ${day(whole.to)}`;
	const cover = away.coverId !== null ? name(away.coverId) : null;
	const who = name(officerId);
	return {
		mark: `${MARK_WORDS[away.absence.reason]} ${until} (${cover ? `${cover} covers` : 'nobody covering'})`,
		words:
			`${who} is ${ABSENCE_WORDS[away.absence.reason]} ${span}` +
			(cover
				? ` (${cover} covering on ${day(on)}): the case would wait with ${cover} until ${who} is back.`
				: ` with nobody covering on ${day(on)}: the case would sit with nobody to act on it.`),
	};
}
