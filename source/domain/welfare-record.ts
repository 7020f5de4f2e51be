/**
 * Recording a welfare event that happened (README, "Acting on a problem"): a check-in, psychological
 * screening, tenure review, one-to-one or wellbeing questionnaire. Only that it happened, on which day
 * and who recorded it: never what was said (welfare notes are health information and live in their
 * own file; the command line never takes note text). A pure change for Store.apply: it returns new
 * data or throws WelfareRecordError with a sentence saying what to do.
 *
 * No one supervises themselves: the sergeant's own check-in is recorded by the inspector
 * (independence.ts), so an officer recording their own is refused with the name of who records it;
 * otherwise the officer's line manager of that day, their cover, or the inspector records it
 * (permissions.ts mayRecordWelfare).
 */
import {shortDate, type IsoDate} from './dates.js';
import {selfSupervisionRefusal} from './independence.js';
import {mayRecordWelfare} from './permissions.js';
import type {StoreData, WelfareEvent} from './model.js';
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
} as const satisfies Record<string, WelfareEvent['kind']>;
export type WelfareRecordKind = keyof typeof WELFARE_RECORD_KINDS;

export const WELFARE_KIND_WORDS: Record<WelfareEvent['kind'], string> = {
	'check-in': 'welfare check-in',
	'psychological-screening': 'psychological screening',
	'tenure-review': 'tenure review',
	'one-to-one': 'one-to-one',
	'wellbeing-questionnaire': 'wellbeing questionnaire',
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

export function recordWelfareEvent(data: StoreData, input: WelfareRecordInput, today: IsoDate): WelfareRecordResult {
	const officer = data.officers.find(o => o.id === input.officerId);
	if (!officer) throw new WelfareRecordError(`No officer with id "${input.officerId}" in this team.`);
	const recorder = data.officers.find(o => o.id === input.by);
	if (!recorder) throw new WelfareRecordError(`No officer with id "${input.by}" to record this as.`);
	const what = WELFARE_KIND_WORDS[input.kind];
	const who = safeText(shortName(officer));
	const self = selfSupervisionRefusal(data, input.by, input.officerId, 'welfare', undefined, what);
	if (self) throw new WelfareRecordError(self);
	if (officer.role === 'inspector') {
		throw new WelfareRecordError(
			`${who} is the team's inspector: their welfare is their own line manager's to record, outside this team's store.`,
		);
	}
	const fail = (message: string): never => {
		throw new WelfareRecordError(message);
	};
	const may = mayRecordWelfare(data, input.by, officer.id, input.date);
	if (!may.ok) fail(may.reason);
	if (input.date > today) fail(`The date ${input.date} is after today (${today}): record a ${what} once it has happened.`);
	if (input.date < officer.joinedUnit) fail(`${who} joined the unit on ${officer.joinedUnit}, after ${input.date}: check the date.`);
	if (officer.leftUnit !== null && input.date >= officer.leftUnit) {
		fail(`${who} left the unit on ${officer.leftUnit}, so has no ${what} on ${input.date} to record here.`);
	}
	if (data.welfareEvents.some(e => e.officerId === officer.id && e.kind === input.kind && e.date === input.date)) {
		throw new WelfareRecordError(`A ${what} for ${who} on ${shortDate(input.date, today)} is already recorded.`);
	}
	const event: WelfareEvent = {
		id: nextWelfareId(data),
		officerId: officer.id,
		date: input.date,
		kind: input.kind,
		by: recorder.id,
		flags: [],
	};
	return {
		data: {...data, welfareEvents: [...data.welfareEvents, event]},
		event,
		summary: `Recorded ${event.id}: ${what} for ${who} on ${shortDate(input.date, today)}, by ${safeText(shortName(recorder))}.`,
	};
}
