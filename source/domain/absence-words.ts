/**
 * An officer's current or next absence in words for the Team view: "sick from 28 Nov, no cover",
 * "annual leave 03-12 Dec, cover DC Evans". Reason category only: an absence holds nothing more.
 */
import {shortDate, type IsoDate} from './dates.js';
import type {Absence, AbsenceReason, Officer} from './model.js';
import {ABSENCE_REASONS} from './model-values.js';
import {absenceCovers, coverAwayDuring, shortName} from './people.js';
import {safeText} from './safe-text.js';
import {absenceParts} from './absence-cover.js';

/**
 * The one list of reason words: the desk's form shows them and "absence add --reason" takes them
 * (with a hyphen for a space: annual-leave), so a sergeant meets the same words everywhere.
 */
export const REASON_WORDS: Record<AbsenceReason, string> = {
	sick: 'sick',
	'annual-leave': 'annual leave',
	training: 'training',
	'restricted-duties': 'restricted duties',
	other: 'other',
};

/** The reason words as typed on the command line: "sick, annual-leave, training, restricted-duties, other". */
export const REASON_FLAG_WORDS: readonly string[] = ABSENCE_REASONS.map(r => REASON_WORDS[r].replace(/ /g, '-'));

/** Words accepted from older versions: the desk form once called "other" "away". */
const OLD_REASON_WORDS: Record<string, AbsenceReason> = {away: 'other'};

/** A typed reason word (any case, hyphen or space) as its category, else null. */
export function parseAbsenceReason(typed: string): AbsenceReason | null {
	const t = typed
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, '-');
	for (const r of ABSENCE_REASONS) if (t === r || t === REASON_WORDS[r].replace(/ /g, '-')) return r;
	return OLD_REASON_WORDS[t] ?? null;
}

/** The absence covering `today`, else the soonest one starting after it. */
export function currentOrNextAbsence(absences: readonly Absence[], officerId: string, today: IsoDate): Absence | undefined {
	let next: Absence | undefined;
	for (const a of absences) {
		if (a.officerId !== officerId) continue;
		if (absenceCovers(a, today)) return a;
		if (a.from > today && (!next || a.from < next.from)) next = a;
	}
	return next;
}

/** "from 28 Nov", "on 03 Dec", "03-12 Dec", "10 Dec-04 Feb 2027". */
export function absenceSpan(a: Pick<Absence, 'from' | 'to'>, today: IsoDate): string {
	if (a.to === null) return `from ${shortDate(a.from, today)}`;
	if (a.to === a.from) return `on ${shortDate(a.from, today)}`;
	if (a.from.slice(0, 7) === a.to.slice(0, 7)) return `${a.from.slice(8, 10)}-${shortDate(a.to, today)}`;
	return `${shortDate(a.from, today)}-${shortDate(a.to, today)}`;
}

/**
 * The named cover's own absence during `a`, when there is one (given the team's absences). The form
 * refuses such a cover, but the cover's absence may be recorded afterwards: the words must not then
 * say the work is covered as if nothing had changed.
 */
export function coverAwayFor(a: Absence, absences: readonly Absence[] | undefined): Absence | undefined {
	return a.coverOfficerId && absences ? coverAwayDuring(absences, a.coverOfficerId, a)[0] : undefined;
}

/** "cover DC Evans", "cover DC Grant (also away 03-12 Dec)" or "no cover". */
export function coverWords(a: Absence, officers: readonly Officer[], today: IsoDate, absences?: readonly Absence[]): string {
	if (!a.coverOfficerId) return 'no cover';
	const name = safeText(shortName(officers.find(o => o.id === a.coverOfficerId)));
	const away = coverAwayFor(a, absences);
	return away ? `cover ${name} (also away ${absenceSpan(away, today)})` : `cover ${name}`;
}

/**
 * With the team's `absences`, a cover who is away during it is said to be, and an absence kept in parts
 * (absence-cover.ts: its cover changed for some days) is said whole with who covers which days:
 * "sick 10 Dec-04 Feb 2027, cover DC Carter 14 Dec-04 Feb 2027 (DC Marsh 10-13 Dec)".
 */
export function absenceWords(a: Absence, officers: readonly Officer[], today: IsoDate, absences?: readonly Absence[]): string {
	// "other 03-12 Dec" would read oddly in a sentence: say what it is.
	const reason = a.reason === 'other' ? 'other absence' : REASON_WORDS[a.reason];
	const parts = absences ? absenceParts(absences, a.id) : [];
	if (parts.length < 2) return `${reason} ${absenceSpan(a, today)}, ${coverWords(a, officers, today, absences)}`;
	const whole = {from: parts[0]!.from, to: parts.at(-1)!.to};
	const cover = (p: Absence) => (p.coverOfficerId ? safeText(shortName(officers.find(o => o.id === p.coverOfficerId))) : 'no cover');
	const others = parts.filter(p => p.id !== a.id).map(p => `${cover(p)} ${absenceSpan(p, today)}`);
	return `${reason} ${absenceSpan(whole, today)}, ${coverWords(a, officers, today, absences)} ${absenceSpan(a, today)} (${others.join('; ')})`;
}
