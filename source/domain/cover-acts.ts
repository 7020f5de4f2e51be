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
import {absenceLookup, awayOn, shortName} from './people.js';

/** A record a cover made that needs a supervisor's authority: its day, and what it is in words ("review of CR/32449/23 (entry 637)"). */
export interface CoverAct {
	day: IsoDate;
	words: string;
}

/** The records `coverId` made on `day` that rest on supervising the team, in words ("review of CR/32449/23 (entry 637)"). */
export function coverActsOn(
	data: Pick<StoreData, 'chain' | 'welfareEvents' | 'concerns' | 'officers'>,
	coverId: string,
	day: IsoDate,
): string[] {
	return actsOf(data, new Set([coverId]), d => d === day).map(a => a.words);
}

/** The supervisory records (as coverActsOn counts them) each of `actors` made on a day `when` accepts, by actor. */
function actsOf(
	data: Pick<StoreData, 'chain' | 'welfareEvents' | 'concerns' | 'officers'>,
	actors: ReadonlySet<string>,
	when: (day: IsoDate) => boolean,
): (CoverAct & {by: string})[] {
	const name = (id: string) => shortName(data.officers.find(o => o.id === id));
	const acts: (CoverAct & {by: string})[] = [];
	const add = (by: string, day: IsoDate, words: () => string) => {
		if (actors.has(by) && when(day)) acts.push({by, day, words: words()});
	};
	for (const e of data.chain) {
		if (e.kind === 'review') add(e.data.reviewerId, e.data.date, () => `review of ${e.data.caseRef} (entry ${e.seq})`);
		else if (e.kind === 'performance-decision')
			add(e.data.by, e.data.date, () => `trigger decision for ${name(e.data.officerId)} (entry ${e.seq})`);
		else if (e.kind === 'amendment') add(e.data.by, e.data.date, () => `amendment of entry ${e.data.amends} (entry ${e.seq})`);
		else if (e.kind === 'record' && e.data.record === 'reallocation') {
			const {caseRef, by, allocation} = e.data;
			add(by, allocation.recordedOn ?? allocation.from, () => `move of ${caseRef} (entry ${e.seq})`);
		}
	}
	for (const w of data.welfareEvents) {
		if (w.officerId !== w.by) add(w.by, w.date, () => `${w.kind} for ${name(w.officerId)} (${w.id})`);
	}
	for (const c of data.concerns) {
		if (c.officerId !== c.by) add(c.by, c.date, () => `concern about ${name(c.officerId)} (${c.id})`);
	}
	return acts;
}

/**
 * Records a cover made as cover that a change of the absences would leave outside her cover days (QA 9 D1):
 * each made on a day she covered someone in `before` (people.ts awayOn: named, and at work that day) and no
 * longer covers them in `after`, because their absence was ended or shortened before it, its first day moved
 * after it, or she was recorded away on it. `verify` would then judge those acts as taken without authority,
 * so every change of absences asks here first and refuses (absences.ts guardCoverActs). Earliest first.
 */
export function coverActsLeftBare(before: StoreData, after: StoreData): (CoverAct & {coverId: string; coveredId: string})[] {
	const covers = new Set(before.absences.flatMap(a => (a.coverOfficerId === null ? [] : [a.coverOfficerId])));
	if (covers.size === 0) return [];
	const was = absenceLookup(before.absences);
	const now = absenceLookup(after.absences);
	// Who `coverId` covered on `day` in `lookup`: the absent officers whose named cover she was, at work.
	const covered = (lookup: typeof was, absences: StoreData['absences'], coverId: string, day: IsoDate) =>
		absences.filter(a => a.coverOfficerId === coverId && awayOn(lookup, a.officerId, day)?.coverId === coverId).map(a => a.officerId);
	const bare: (CoverAct & {coverId: string; coveredId: string})[] = [];
	for (const act of actsOf(before, covers, () => true)) {
		const then = covered(was, before.absences, act.by, act.day);
		if (then.length === 0) continue;
		const still = covered(now, after.absences, act.by, act.day);
		const lost = then.filter(id => !still.includes(id));
		// Strict when she covered two that day and loses one: which one the act rested on is not asked here.
		if (lost.length === 0) continue;
		bare.push({day: act.day, words: act.words, coverId: act.by, coveredId: lost[0]!});
	}
	return bare.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
