/**
 * The domain's refusal of an absence change, said in the desk's form (README "Absences"): the domain's
 * sentence is the command line's, naming its flags (--from without --cover, --from D, --to D), and a
 * sergeant at the form has none of them, only its fields (First day, Last day, Cover, Cover from, Cover to).
 * So where the domain gives the refusal as facts too (absences.ts AbsenceRefusal), the desk words them here
 * in the form's names; every other refusal names no flag, and its sentence is shown as it is.
 */
import type {AbsenceRefusal} from '../../domain/absences.js';
import {shortDate, type IsoDate} from '../../domain/dates.js';
import {coverDaysProblemWords, startAfterTodayWords} from './absence-form-state.js';

/** `r` in the form's words, on the day `today` the desk reads. */
export function absenceRefusalWords(r: AbsenceRefusal, today: IsoDate): string {
	switch (r.kind) {
		case 'start-after-today':
			return startAfterTodayWords(r, today);
		case 'cover-days':
			return coverDaysProblemWords(r.problem, today).text;
		case 'today-kept': {
			const did = `${r.who} has acted as cover today (${r.acts.join(', ')}): those records rest on their cover`;
			return r.todayOnly
				? `${did}, so today's cover cannot change.`
				: `${did}, so today stays theirs. Type a Cover from of ${shortDate(r.tomorrow, today)}, or leave it blank (from tomorrow).`;
		}
		case 'cover-acts': {
			// QA 9 D1: the same facts as the command line's --to/--from sentence, in the form's First day and Last day.
			const rest = `${r.who} acted as cover for ${r.covered} (${r.acts.join(', ')}): those records rest on that cover`;
			const d = shortDate(r.day, today);
			switch (r.way) {
				case 'last':
					return `${rest}, so ${r.absenceId} cannot end before ${d}. Type a Last day of ${d} or later.`;
				case 'first':
					return `${rest}, so ${r.absenceId} cannot begin after ${d}. Type a First day of ${d} or earlier.`;
				case 'away':
					return r.changed
						? `${rest}, so ${r.who} cannot be recorded away on those days: keep its First day and Last day off them.`
						: `${rest}, so ${r.who} cannot be recorded away on those days. Type a First day of ${d} or later.`;
			}
		}
	}
}
