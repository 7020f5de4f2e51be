/**
 * Recording a welfare event that happened (README, "Acting on a problem"): a check-in, psychological
 * screening, tenure review, one-to-one, wellbeing questionnaire, or support agreed for a new starter's
 * old cases (new-starter-support.ts: it also names the old cases it covers and the mentor, work facts
 * the rule reads). Only that it happened, on which day and who recorded it: never what was said
 * (welfare notes are health information and live in their own file; the command line never takes note
 * text). A pure change for Store.apply: it returns new data or throws WelfareRecordError with a
 * sentence saying what to do.
 *
 * No one supervises themselves: the sergeant's own check-in is recorded by the inspector
 * (independence.ts), so an officer recording their own is refused with the name of who records it;
 * otherwise the officer's line manager of that day, their cover, or the inspector records it
 * (permissions.ts mayRecordWelfare).
 */
import {shortDate, type IsoDate} from './dates.js';
import {selfSupervisionRefusal} from './independence.js';
import {mayRecordWelfare} from './permissions.js';
import type {Officer, StoreData, WelfareEvent} from './model.js';
import {isNewStarter, oldCasesHeldOn, SUPPORT_KIND} from './new-starter-support.js';
import {shortName} from './people.js';
import {safeText} from './safe-text.js';

export class WelfareRecordError extends Error {
	override readonly name = 'WelfareRecordError';
}

/** The words `--kind` takes, and the event each records. */
export const WELFARE_RECORD_KINDS = {
	'check-in': 'check-in',
	screening: 'psychological-screening',
	'tenure-review': 'tenure-review',
	'one-to-one': 'one-to-one',
	questionnaire: 'wellbeing-questionnaire',
	'new-starter-support': SUPPORT_KIND,
} as const satisfies Record<string, WelfareEvent['kind']>;
export type WelfareRecordKind = keyof typeof WELFARE_RECORD_KINDS;

export const WELFARE_KIND_WORDS: Record<WelfareEvent['kind'], string> = {
	'check-in': 'welfare check-in',
	'psychological-screening': 'psychological screening',
	'tenure-review': 'tenure review',
	'one-to-one': 'one-to-one',
	'wellbeing-questionnaire': 'wellbeing questionnaire',
	'new-starter-support': 'new-starter support agreement',
};

export interface WelfareRecordInput {
	officerId: string;
	kind: WelfareEvent['kind'];
	/** The day it happened. */
	date: IsoDate;
	/** Who records it. */
	by: string;
}

/** "w00024": one more than the highest numbered id of that form, so it never takes an existing id. */
export function nextWelfareId(data: StoreData): string {
	let max = 0;
	for (const e of data.welfareEvents) {
		const m = /^w(\d+)$/.exec(e.id);
		if (m) max = Math.max(max, Number(m[1]));
	}
	return `w${String(max + 1).padStart(5, '0')}`;
}

export interface WelfareRecordResult {
	data: StoreData;
	event: WelfareEvent;
	/** One sentence saying what was recorded (names made safe). */
	summary: string;
}

/**
 * Why `by` may not record a welfare event of `kind` for `officerId` on `on`, or null: who is asking and
 * about whom, not the date's or the event's own checks. The desk asks it when its form opens, so no one
 * types a note before being told it is not theirs to record (as `r` and `A` say before a review).
 */
export function welfareRecordRefusal(
	data: StoreData,
	by: string,
	officerId: string,
	kind: WelfareEvent['kind'],
	on: IsoDate,
): string | null {
	const officer = data.officers.find(o => o.id === officerId);
	if (!officer) return `No officer with id "${officerId}" in this team.`;
	const recorder = data.officers.find(o => o.id === by);
	if (!recorder) return `No officer with id "${by}" to record this as.`;
	const self = selfSupervisionRefusal(data, by, officerId, 'welfare', undefined, WELFARE_KIND_WORDS[kind], on);
	if (self) return self;
	if (officer.role === 'inspector') {
		return `${safeText(shortName(officer))} is the team's inspector: their welfare is their own line manager's to record, outside this team's store.`;
	}
	const may = mayRecordWelfare(data, by, officer.id, on);
	return may.ok ? null : may.reason;
}

export function recordWelfareEvent(data: StoreData, input: WelfareRecordInput, today: IsoDate): WelfareRecordResult {
	const refusal = welfareRecordRefusal(data, input.by, input.officerId, input.kind, input.date);
	if (refusal) throw new WelfareRecordError(refusal);
	const officer = data.officers.find(o => o.id === input.officerId)!;
	const recorder = data.officers.find(o => o.id === input.by)!;
	const what = WELFARE_KIND_WORDS[input.kind];
	const who = safeText(shortName(officer));
	const fail = (message: string): never => {
		throw new WelfareRecordError(message);
	};
	if (input.date > today) fail(`The date ${input.date} is after today (${today}): record a ${what} once it has happened.`);
	if (input.date < officer.joinedUnit) fail(`${who} joined the unit on ${officer.joinedUnit}, after ${input.date}: check the date.`);
	if (officer.leftUnit !== null && input.date >= officer.leftUnit) {
		fail(`${who} left the unit on ${officer.leftUnit}, so has no ${what} on ${input.date} to record here.`);
	}
	const support = input.kind === SUPPORT_KIND ? supportFacts(data, officer, input.date, today) : null;
	const sameDay = data.welfareEvents.filter(e => e.officerId === officer.id && e.kind === input.kind && e.date === input.date);
	// A second agreement the same day is taken only for an old case the first did not name (one allocated since).
	if (sameDay.length > 0 && (!support || support.caseRefs.every(ref => sameDay.some(e => e.caseRefs?.includes(ref))))) {
		throw new WelfareRecordError(`A ${what} for ${who} on ${shortDate(input.date, today)} is already recorded.`);
	}
	const event: WelfareEvent = {
		id: nextWelfareId(data),
		officerId: officer.id,
		date: input.date,
		kind: input.kind,
		by: recorder.id,
		...(support ?? {}),
		flags: [],
	};
	const covering = support
		? `, covering ${safeText(support.caseRefs.join(', '))} (${support.mentorId ? `mentor ${safeText(shortName(data.officers.find(o => o.id === support.mentorId)))}` : 'no mentor recorded'})`
		: '';
	return {
		data: {...data, welfareEvents: [...data.welfareEvents, event]},
		event,
		summary: `Recorded ${event.id}: ${what} for ${who} on ${shortDate(input.date, today)}, by ${safeText(shortName(recorder))}${covering}.`,
	};
}

/**
 * What a support agreement of `date` names (docs/rules.md "New starters"): the old cases the officer held
 * that day and their mentor, if one is recorded (the mentor recorded now: the store keeps no history
 * of mentors, so an agreement recorded late with --on names today's). Refused for an officer who was
 * not a new starter that day or held no old case: there is nothing for it to cover, and a record that
 * covers nothing would only look like an answer.
 */
function supportFacts(data: StoreData, officer: Officer, date: IsoDate, today: IsoDate): {caseRefs: string[]; mentorId?: string} {
	const s = data.settings;
	const who = safeText(shortName(officer));
	if (!isNewStarter(officer, s.newStarterMonths, date)) {
		throw new WelfareRecordError(
			`${who} is not a new starter on ${shortDate(date, today)} (in the unit since ${shortDate(officer.joinedUnit, today)}; new for ` +
				`${s.newStarterMonths} months): a support agreement is for a new starter's old cases.`,
		);
	}
	const old = oldCasesHeldOn(data.cases, officer, date, s.oldCaseMonths);
	if (old.length === 0) {
		throw new WelfareRecordError(
			`${who} held no live case opened over ${s.oldCaseMonths} months ago on ${shortDate(date, today)}: there is no old case to agree support for.`,
		);
	}
	const caseRefs = old.map(c => c.ref);
	const mentor = officer.mentorId !== null && data.officers.some(o => o.id === officer.mentorId) ? officer.mentorId : null;
	return mentor ? {caseRefs, mentorId: mentor} : {caseRefs};
}
