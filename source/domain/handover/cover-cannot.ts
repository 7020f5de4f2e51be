/**
 * What the cover may not do in their own window, said where the cover reads it (QA 6 D1). No one
 * supervises themselves (DOMAIN "People and permissions"; docs/rules.md "Reviews the cover cannot do"):
 * a cover does not review a case they hold, review their own performance action plan, or record their
 * own welfare check-in; those go to the next person up (the team's inspector: independence.ts nextUpFor).
 *
 * The handover is for the cover's whole window, and the sergeant usually writes it days before going off,
 * when such a review is still amber or not yet a problem at all ("Needs a decision now" takes only what is
 * critical or red that day). So every dated item the cover would otherwise pick up, in the window or still
 * outstanding when it opens, is marked with who does it instead: `authority` INDEPENDENT_AUTHORITY,
 * `authorityName` that person, `actBy` its date, and a sentence at the end of its detail. The Markdown
 * lists them again under their own heading (export/handover-md.ts), the JSON carries the fields.
 */
import {addDays, shortDate, type IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import {nextUpFor} from '../independence.js';
import {absenceLookup, awayOn, fullName} from '../people.js';
import type {HandoverCover, WindowItem} from './schema.js';

/** WindowItem.authority for an item the cover may not do themselves: someone independent of them does it. */
export const INDEPENDENT_AUTHORITY = 'independent supervisor';

/** What the cover may not do, by the item's kind: the item's officer is the cover themselves. */
const NOT_THEIR_OWN: Partial<Record<WindowItem['kind'], (cover: string, ref: string | null) => string>> = {
	'review-due': (cover, ref) => `${cover} holds ${ref ?? 'this case'} and may not review it`,
	'action-plan-review': cover => `${cover} may not review their own action plan`,
	'welfare-check-in-due': cover => `${cover} may not record their own check-in`,
};

/** True when the item is one the cover may not do, marked by markCoverCannot. */
export function forSomeoneElse(i: WindowItem): boolean {
	return i.authority === INDEPENDENT_AUTHORITY;
}

/**
 * The items with those of the covers' own work marked (module comment). An item dated before the window
 * is the cover's from its first day if still outstanding, so it is judged by the cover of that day.
 * The covers are the handover's (one named for the whole window, or those recorded on the sergeant's
 * absences with their dates); an outside cover (no officer id) holds no cases.
 */
export function markCoverCannot(
	data: StoreData,
	items: readonly WindowItem[],
	covers: readonly HandoverCover[],
	from: IsoDate,
	today: IsoDate,
): WindowItem[] {
	if (!covers.some(c => c.officerId !== null)) return items.slice();
	return items.map(i => {
		const words = NOT_THEIR_OWN[i.kind];
		if (!words || i.officerId === null) return i;
		const on = i.date < from ? from : i.date;
		const cover = covers.find(c => c.officerId !== null && c.from <= on && on <= c.to);
		if (!cover || cover.officerId !== i.officerId) return i;
		const up = nextUpFor(data, cover.officerId);
		const who = up ? fullName(up) : 'an independent supervisor (the store names no inspector for this team)';
		const when = outstandingWords(data, cover.officerId, i.date, on, today);
		const sentence = ` ${words(cover.name, i.caseRef)} while covering: ${when}it goes to ${who}.`;
		// The absence note stays last (renderers say it once per row: WindowItem.away).
		const note = i.away && i.detail.endsWith(i.away) ? i.away : '';
		const head = note ? i.detail.slice(0, -note.length).trimEnd() : i.detail;
		return {
			...i,
			detail: `${head}${sentence}${note ? ` ${note}` : ''}`,
			authority: INDEPENDENT_AUTHORITY,
			authorityName: up ? fullName(up) : null,
			actBy: i.date < from ? from : i.date,
		};
	});
}

/**
 * For an item dated `date` that the cover faces on `on`: how it came to be theirs, said from the day their
 * cover really began (QA 8 R9: the window's first day was given, "when they start covering on 14 Dec" for a
 * cover since 10 Dec). "" when it fell due while they covered.
 */
function outstandingWords(data: StoreData, coverId: string, date: IsoDate, on: IsoDate, today: IsoDate): string {
	const start = coverStart(data, coverId, on);
	if (date >= start) return '';
	return start >= today
		? `if it is still outstanding when they start covering on ${shortDate(start, today)}, `
		: `it has been outstanding since before they started covering on ${shortDate(start, today)}, so `;
}

/** The first day of the run of days, up to `on`, on which `coverId` covers the team's sergeant (awayOn: who really covers). */
function coverStart(data: StoreData, coverId: string, on: IsoDate): IsoDate {
	const lookup = absenceLookup(data.absences);
	const covers = (d: IsoDate) => awayOn(lookup, data.team.sergeantId, d)?.coverId === coverId;
	let start = on;
	// No absence runs longer than a few months; the bound keeps a bad record from walking back for ever.
	for (let n = 0; n < 3660 && covers(addDays(start, -1)); n++) start = addDays(start, -1);
	return start;
}
