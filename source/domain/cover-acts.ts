/**
 * What a cover has already done as the team's supervisor on a day (QA 8 D6; README "Absences": what a
 * cover did on the days they covered "rests on it", and a change "takes effect from the day of the change,
 * never before"). A cover change from today would leave these records resting on no authority, so a new
 * cover named while the outgoing one has acted today starts the next day (absence-cover.ts coverForDays).
 *
 * Only records that need a supervisor's authority count: reviews, trigger decisions and amendments they
 * signed, welfare events and concerns they recorded about someone else, and cases they moved. Their own
 * case's work needs no cover. Said by id and kind only: never a welfare note (README "Welfare").
 */
import type {IsoDate} from './dates.js';
import type {StoreData} from './model.js';
import {shortName} from './people.js';

/** The records `coverId` made on `day` that rest on supervising the team, in words ("review of CR/32449/23 (entry 637)"). */
export function coverActsOn(
	data: Pick<StoreData, 'chain' | 'welfareEvents' | 'concerns' | 'officers'>,
	coverId: string,
	day: IsoDate,
): string[] {
	const name = (id: string) => shortName(data.officers.find(o => o.id === id));
	const acts: string[] = [];
	for (const e of data.chain) {
		if (e.kind === 'review' && e.data.reviewerId === coverId && e.data.date === day) {
			acts.push(`review of ${e.data.caseRef} (entry ${e.seq})`);
		} else if (e.kind === 'performance-decision' && e.data.by === coverId && e.data.date === day) {
			acts.push(`trigger decision for ${name(e.data.officerId)} (entry ${e.seq})`);
		} else if (e.kind === 'amendment' && e.data.by === coverId && e.data.date === day) {
			acts.push(`amendment of entry ${e.data.amends} (entry ${e.seq})`);
		} else if (
			e.kind === 'record' &&
			e.data.record === 'reallocation' &&
			e.data.by === coverId &&
			(e.data.allocation.recordedOn ?? e.data.allocation.from) === day
		) {
			acts.push(`move of ${e.data.caseRef} (entry ${e.seq})`);
		}
	}
	for (const w of data.welfareEvents) {
		if (w.by === coverId && w.date === day && w.officerId !== coverId) acts.push(`${w.kind} for ${name(w.officerId)} (${w.id})`);
	}
	for (const c of data.concerns) {
		if (c.by === coverId && c.date === day && c.officerId !== coverId) acts.push(`concern about ${name(c.officerId)} (${c.id})`);
	}
	return acts;
}
