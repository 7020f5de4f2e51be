/**
 * Recording what happened to a case's bail (README, "Acting on a problem"): an extension (who
 * authorised it, their rank checked against the stage the bail has reached), a re-bail with a new
 * return date, or how bail ended (charged, released under investigation, no further action, released
 * without bail). A pure change for Store.apply, so the command line and the desk share one validation:
 * it returns new data or throws BailRecordError with a sentence saying what to do instead. Who may
 * record it: those who supervise the officer in the case that day (permissions.ts mayRecordBail).
 *
 * The stages are bail.ts's ladder (PACE 1984 s.47ZB-47ZG as amended by the Police, Crime, Sentencing
 * and Courts Act 2022; the older 2017 ladder for bail given before 28 October 2022). Bail cannot be
 * extended once the period has ended, so that is refused with what can still be done.
 */
import {AUTHORITY_NAMES, bailClock, bailStartDate} from './bail.js';
import {shortDate, type IsoDate} from './dates.js';
import type {Bail, BailAuthority, BailEvent, BailEventKind, BailRegime, Case, Rank, StoreData} from './model.js';
import {matchOfficer} from './officer-match.js';
import {fullName} from './people.js';
import {mayRecordBail} from './permissions.js';
import {safeText, typedInQuotes} from './safe-text.js';

export class BailRecordError extends Error {
	override readonly name = 'BailRecordError';
}

export const BAIL_EVENT_KINDS: readonly BailEventKind[] = ['extended', 're-bailed', 'charged', 'rui', 'nfa', 'released'];

/** What each event means, for help and confirmations. */
export const BAIL_EVENT_WORDS: Record<BailEventKind, string> = {
	extended: 'bail period extended',
	're-bailed': 're-bailed to a new return date',
	charged: 'charged (bail ended)',
	rui: 'released under investigation (bail ended; an RUI record starts)',
	nfa: 'no further action (bail ended)',
	released: 'released without bail (bail ended; no RUI record)',
};

/** Each event in a word or two, for a report's sentence ("RUI recorded 30 Nov by DS Tom Brennan"). */
export const BAIL_EVENT_SHORT_WORDS: Record<BailEventKind, string> = {
	extended: 'extension',
	're-bailed': 're-bail',
	charged: 'charge',
	rui: 'RUI',
	nfa: 'NFA',
	released: 'release without bail',
};

/** Police ranks in order of seniority, then a court: who can authorise an extension. */
export const EXTENSION_RANKS = [
	'constable',
	'sergeant',
	'inspector',
	'chief inspector',
	'superintendent',
	'chief superintendent',
	'assistant chief constable',
	'deputy chief constable',
	'chief constable',
	"magistrates' court",
] as const;
export type ExtensionRank = (typeof EXTENSION_RANKS)[number];

const RANK_WORDS: Record<string, ExtensionRank> = {
	constable: 'constable',
	pc: 'constable',
	dc: 'constable',
	tdc: 'constable',
	sergeant: 'sergeant',
	ps: 'sergeant',
	ds: 'sergeant',
	tds: 'sergeant',
	'custody officer': 'sergeant',
	'custody sergeant': 'sergeant',
	inspector: 'inspector',
	insp: 'inspector',
	di: 'inspector',
	'detective inspector': 'inspector',
	'chief inspector': 'chief inspector',
	ci: 'chief inspector',
	dci: 'chief inspector',
	'detective chief inspector': 'chief inspector',
	superintendent: 'superintendent',
	supt: 'superintendent',
	'det supt': 'superintendent',
	'detective superintendent': 'superintendent',
	'chief superintendent': 'chief superintendent',
	'ch supt': 'chief superintendent',
	'chief supt': 'chief superintendent',
	'detective chief superintendent': 'chief superintendent',
	'assistant chief constable': 'assistant chief constable',
	acc: 'assistant chief constable',
	commander: 'assistant chief constable',
	cmdr: 'assistant chief constable',
	'deputy assistant commissioner': 'assistant chief constable',
	'deputy chief constable': 'deputy chief constable',
	dcc: 'deputy chief constable',
	'chief constable': 'chief constable',
	cc: 'chief constable',
	court: "magistrates' court",
	'magistrates court': "magistrates' court",
	"magistrates' court": "magistrates' court",
	magistrates: "magistrates' court",
};

/** The rank words typed (`--rank`), read ignoring case, dots and extra spaces; null when unknown. */
export function parseRank(text: string): ExtensionRank | null {
	const w = text
		.trim()
		.toLowerCase()
		.replace(/\./g, '')
		.replace(/[\s_-]+/g, ' ');
	return RANK_WORDS[w] ?? null;
}

/** The words `--rank` accepts, for help and refusals. */
export const RANK_HELP =
	'constable, sergeant, inspector, chief inspector, superintendent, chief superintendent, ' +
	'assistant chief constable (or commander), deputy chief constable, chief constable, court';

const OFFICER_RANKS: Record<Rank, ExtensionRank | null> = {
	DC: 'constable',
	TDC: 'constable',
	PC: 'constable',
	DS: 'sergeant',
	TDS: 'sergeant',
	DI: 'inspector',
	DCI: 'chief inspector',
	Staff: null,
};

/** A team officer's rank as a police rank (DI -> inspector); null for police staff. */
export function rankOfOfficer(rank: Rank): ExtensionRank | null {
	return OFFICER_RANKS[rank];
}

/** What an extension's record says of a rank the store cannot check (an officer from outside the team). */
export const RANK_AS_STATED = 'as stated by the recorder';

/** The typed name with a leading rank word taken off ("Supt Okafor" -> "Okafor"), and that rank; null when none. */
function splitRankWord(typed: string): {rank: ExtensionRank; rest: string} | null {
	const words = typed.trim().split(/\s+/);
	for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
		const rank = parseRank(words.slice(0, k).join(' '));
		if (rank) return {rank, rest: words.slice(k).join(' ')};
	}
	return null;
}

/**
 * Who authorised an extension (docs/rules.md, bail: "by whom, rank checked against the stage"). A team
 * officer is matched as every command matches officers (officer-match.ts: id, collar number, surname,
 * name, with or without a rank word) and the rank recorded is the one the store holds: a --rank (or a
 * rank word in the name) that contradicts it is refused, so a sergeant cannot be recorded as the
 * inspector or superintendent who authorised their own extension. Anyone else (an officer from
 * outside the team) is recorded as typed with the rank given, marked as stated by the recorder, since
 * the store cannot check it. The command line and the desk reach this through recordBailEvent.
 */
export function authoriserFrom(
	officers: StoreData['officers'],
	typed: string,
	rank: ExtensionRank | null,
): {authorisedBy: string; rank: ExtensionRank | null; stated: boolean} {
	const named = splitRankWord(typed);
	let m = matchOfficer(officers, typed);
	if (m.kind !== 'found' && named && named.rest !== '') {
		const bare = matchOfficer(officers, named.rest);
		if (bare.kind !== 'none') m = bare;
	}
	if (m.kind === 'ambiguous') {
		fail(
			`"${safeText(typed)}" could be ${m.candidates.map(o => fullName(o)).join(' or ')}: ` +
				'name the one who authorised it by id or full name.',
		);
	}
	if (m.kind === 'none') {
		const like = lookAlikes(officers, named && named.rest !== '' ? named.rest : typed);
		if (like.length > 0) {
			const them = like.map(o => `${fullName(o)} (${o.id}), ${rankWords(o)} in this store`).join(' or ');
			fail(
				`${safeText(typed.trim())} looks like ${safeText(them)}: name ${like.length === 1 ? 'them' : 'the one'} as the store does, ` +
					"or give the authoriser's full name if it is someone else.",
			);
		}
		return {authorisedBy: typed.trim(), rank, stated: true};
	}
	const o = m.officer;
	const theirs = rankOfOfficer(o.rank);
	const who = `${fullName(o)} (${o.id})`;
	if (theirs === null) fail(`${safeText(who)} is police staff in this store, not an officer, so cannot authorise a bail extension.`);
	const said = [rank, named?.rank ?? null].find(r => r !== null && r !== theirs);
	if (said) {
		fail(
			`${safeText(who)} is recorded in this store as ${article(theirs).toLowerCase()}, not ${said}: ` +
				'the rank of a team officer is the one the store holds. If someone else authorised it, give their full name ' +
				'(an officer from outside the team is recorded with the rank you give).',
		);
	}
	return {authorisedBy: fullName(o), rank: theirs, stated: false};
}

/** "a sergeant", "an inspector", "police staff": a team member's rank for a sentence. */
function rankWords(o: StoreData['officers'][number]): string {
	const r = rankOfOfficer(o.rank);
	return r === null ? 'police staff' : article(r).toLowerCase();
}

/**
 * Team members a name that matched no one still looks like (QA 4 R-d): the same surname, and every
 * other word an initial of theirs ("T Brennan", "T.Brennan", "T. J. Brennan" for Tom Brennan). Such a
 * name recorded as an outsider "as stated" would let a sergeant write himself in as the inspector
 * who authorised it, so it is refused; a full forename that is not theirs ("Sarah Brennan") is
 * someone else and recorded as typed.
 */
function lookAlikes(officers: StoreData['officers'], typed: string): StoreData['officers'] {
	const words = typed
		.toLowerCase()
		.split(/[\s.]+/)
		.filter(w => w !== '');
	const last = words.at(-1);
	if (last === undefined || words.length < 2) return [];
	const initials = words.slice(0, -1);
	if (!initials.every(w => w.length === 1)) return [];
	return officers.filter(o => {
		const names = o.name.toLowerCase().trim().split(/\s+/);
		const forenames = names.slice(0, -1);
		return names.at(-1) === last && initials.every(i => forenames.some(f => f.startsWith(i)));
	});
}

/**
 * The least rank each stage needs: "an officer of the rank of inspector or above" (s.47ZD),
 * "superintendent or above" (s.47ZE), "commander or assistant chief constable or above" (s.47ZF, in
 * cases the DPP designates exceptionally complex); beyond those only a magistrates' court (s.47ZG).
 */
const STAGE_LEAST: Record<BailAuthority, ExtensionRank | null> = {
	'custody-officer': null,
	inspector: 'inspector',
	superintendent: 'superintendent',
	'assistant-chief-constable': 'assistant chief constable',
	'magistrates-court': "magistrates' court",
};

const level = (r: ExtensionRank): number => EXTENSION_RANKS.indexOf(r);

/** "An inspector", "A superintendent". */
const article = (r: ExtensionRank): string => `${/^[aeiou]/.test(r) ? 'An' : 'A'} ${r}`;

export interface BailRecordInput {
	event: BailEventKind;
	/** The day it happened (default today at the command line). */
	on: IsoDate;
	/** The new return date: required to re-bail, optional with an extension. */
	returnDate: IsoDate | null;
	/** Extensions: who authorised it, and their rank. */
	authorisedBy: string | null;
	rank: ExtensionRank | null;
	/** Extensions: the period's new last day (a court's date; for police stages, the statute's). */
	periodEnd: IsoDate | null;
	recordedBy: string;
	/** ISO instant. */
	recordedAt: string;
}

export interface BailRecordResult {
	data: StoreData;
	event: BailEvent;
	/** The case as recorded. */
	after: Case;
	/** One sentence saying what was recorded (store text made safe). */
	summary: string;
}

const DPP_ONLY = 'only where the DPP has designated the case exceptionally complex';

/** Who the `stage` needs, in words: "an inspector or above", "a magistrates' court". */
export function stageNeeds(stage: BailAuthority): string {
	if (stage === 'magistrates-court') return AUTHORITY_NAMES[stage];
	if (stage === 'assistant-chief-constable') return `an assistant chief constable or commander or above (${DPP_ONLY})`;
	return `${AUTHORITY_NAMES[stage]} or above`;
}

function fail(message: string): never {
	throw new BailRecordError(message);
}

/** What one event does to the case, and the sentence saying so. */
interface Outcome {
	after: Case;
	event: Partial<BailEvent>;
	summary: string;
}

export function recordBailEvent(data: StoreData, ref: string, input: BailRecordInput, today: IsoDate): BailRecordResult {
	const index = data.cases.findIndex(c => c.ref === ref);
	if (index === -1) {
		fail(
			`There is no case ${typedInQuotes(ref)} in this store; check the crime reference ("fortnight problems" lists cases by reference).`,
		);
	}
	const c = data.cases[index]!;
	const sd = (d: IsoDate) => shortDate(d, today);
	if (input.on > today) fail(`The date ${input.on} is after today (${today}): record what has happened, on the day it happened.`);
	if (!data.officers.some(o => o.id === input.recordedBy)) fail(`No officer with id "${input.recordedBy}" to record this as.`);
	const may = mayRecordBail(data, input.recordedBy, c.ref, today);
	if (!may.ok) fail(may.reason);
	const bail = c.bail && c.bail.endedOn === null ? c.bail : null;
	if (!bail && input.event !== 'rui') {
		const ended = c.bail?.endedOn ? ` (its bail ended ${sd(c.bail.endedOn)})` : ' (no bail is recorded)';
		fail(
			`${safeText(c.ref)} has no running bail${ended}, so there is nothing to record as ${input.event}. ` +
				'A new bail comes in with the records-system import.',
		);
	}
	const arrest = bail?.bailedOn ?? c.arrestDate;
	if (arrest && input.on < arrest) fail(`The date ${input.on} is before the arrest on ${arrest}.`);
	if (input.returnDate !== null && input.event !== 'extended' && input.event !== 're-bailed') {
		fail(`A return date goes only with "extended" or "re-bailed": ${input.event} ends bail.`);
	}
	let outcome: Outcome;
	switch (input.event) {
		case 'extended':
			outcome = extend(c, bail!, input, today, data.officers);
			break;
		case 're-bailed':
			outcome = rebail(c, bail!, input, today);
			break;
		case 'rui': {
			if (!bail && c.rui !== null && c.rui.endedOn === null) {
				fail(`${safeText(c.ref)}: the suspect is already released under investigation since ${sd(c.rui.since)}.`);
			}
			const rui = {since: input.on, lastSuspectUpdate: null, suspect: bail?.suspect ?? c.rui?.suspect ?? '', endedOn: null};
			const every = `update the suspect at least every ${data.settings.ruiUpdateDays} days`;
			outcome = {
				after: {...c, bail: bail ? {...bail, endedOn: input.on} : c.bail, rui},
				event: {},
				summary:
					`Recorded for ${safeText(c.ref)}: ${bail ? 'bail ended and ' : ''}released under investigation from ${sd(input.on)}; ` +
					`an RUI record has started (${every}).`,
			};
			break;
		}
		case 'charged':
		case 'nfa':
		case 'released':
			outcome = {
				after: {...c, bail: {...bail!, endedOn: input.on}},
				event: {},
				summary: `Recorded for ${safeText(c.ref)}: ${BAIL_EVENT_WORDS[input.event]} on ${sd(input.on)}.`,
			};
			break;
	}
	const event: BailEvent = {
		event: input.event,
		on: input.on,
		returnDateBefore: bail?.returnDate ?? null,
		returnDate: null,
		authority: null,
		periodEnd: null,
		authorisedBy: null,
		rank: null,
		recordedBy: input.recordedBy,
		recordedAt: input.recordedAt,
		...outcome.event,
	};
	const after: Case = {...outcome.after, bailEvents: [...c.bailEvents, event]};
	const cases = data.cases.slice();
	cases[index] = after;
	return {data: {...data, cases}, event, after, summary: outcome.summary};
}

/** An extension: the rank checked against the stage the bail has reached, the period end the statute's (or a court's). */
function extend(c: Case, b: Bail, input: BailRecordInput, today: IsoDate, officers: StoreData['officers']): Outcome {
	const sd = (d: IsoDate) => shortDate(d, today);
	const clock = bailClock(b, input.on)!;
	const ends = sd(clock.periodEnd);
	if (input.on > clock.periodEnd) {
		fail(
			`Bail cannot be extended once the period has ended: the bail period for ${safeText(c.ref)} ended ${ends}. ` +
				'Record how it ended instead (charged, rui, nfa or released); ' +
				'if the suspect is re-arrested on new evidence, the new bail comes in with the import.',
		);
	}
	const stage = clock.nextAuthority;
	const needs = stageNeeds(stage);
	const statute = stage === 'magistrates-court' ? null : clock.nextPeriodEnd;
	const typed = input.authorisedBy?.trim() ?? '';
	if (typed === '') fail(`Say who authorised the extension with --authorised-by NAME: this stage needs ${needs}, before ${ends}.`);
	if (typed.length > 120) fail('The name of whoever authorised it is longer than 120 characters.');
	const who = authoriserFrom(officers, typed, input.rank);
	const name = who.authorisedBy;
	const rank = who.rank ?? fail(`Say the rank of ${safeText(name)} with --rank (${RANK_HELP}): this stage needs ${needs}.`);
	const rankWords = who.stated ? `${rank}, ${RANK_AS_STATED}` : rank;
	const to = statute ? ` (to ${sd(statute)})` : '';
	if (stage === 'magistrates-court' && rank !== "magistrates' court") {
		fail(
			`Only a magistrates' court can extend this bail now: the police limits are used (period ends ${ends}). ` +
				`${article(rank)} cannot authorise it; apply to the court before ${ends}.`,
		);
	}
	if (stage !== 'magistrates-court' && rank === "magistrates' court") {
		fail(`This extension${to} is for ${needs}: a magistrates' court extends bail only once the police limits are used.`);
	}
	if (level(rank) < level(STAGE_LEAST[stage]!)) {
		fail(`${article(rank)} cannot authorise this extension${to}: it needs ${needs}. Ask one before the period ends ${ends}.`);
	}
	let periodEnd: IsoDate;
	if (statute) {
		if (input.periodEnd !== null && input.periodEnd !== statute) {
			const start = sd(bailStartDate(b.bailedOn));
			fail(
				`The extension by ${AUTHORITY_NAMES[stage]} runs to ${sd(statute)} ` +
					`(${statuteMonths(b.regime, stage)} beginning with the bail start date, ${start}): ` +
					'leave out --period-end, or give that date.',
			);
		}
		periodEnd = statute;
	} else {
		if (input.periodEnd === null) {
			fail(`A court sets the new end of the bail period: give it with --period-end D (after the current end, ${ends}).`);
		}
		if (input.periodEnd <= clock.periodEnd) fail(`The new period end ${input.periodEnd} is not after the current end ${clock.periodEnd}.`);
		periodEnd = input.periodEnd;
	}
	// Judged on the extension's own day: one authorised before the return date and recorded late keeps it
	// (docs/rules.md "Pre-charge bail": the missed return then stays a problem until it is dealt with).
	if (input.returnDate === null && returnPassed(b, input.on)) {
		fail(
			`The return date of ${safeText(c.ref)}, ${sd(b.returnDate)}, has passed: an extension needs a new one, ` +
				`the date the suspect must answer bail. Give it with --return D (from today to ${sd(periodEnd)}, the new period end).`,
		);
	}
	const returnDate = input.returnDate ?? b.returnDate;
	if (input.returnDate !== null) checkReturn(input.returnDate, periodEnd, today, c.ref, null);
	const extensions = [...b.extensions, {date: input.on, authority: stage, authorisedBy: name, periodEnd}];
	let summary =
		`Recorded for ${safeText(c.ref)}: bail period extended to ${sd(periodEnd)} by ${safeText(name)} (${rankWords}) on ${sd(input.on)}; ` +
		`return date ${sd(returnDate)}.`;
	if (stage === 'assistant-chief-constable') summary += ` This stage applies ${DPP_ONLY}.`;
	return {
		after: {...c, bail: {...b, returnDate, extensions}},
		event: {returnDate, authority: stage, periodEnd, authorisedBy: name, rank: rankWords},
		summary,
	};
}

/**
 * The bail's return date had passed on `day` (the bail-lapsed problem's missed return, domain/rules/bail.ts):
 * an extension made that day that kept it would leave the bail lapsed, so it needs a new return date (README
 * "Bail": a return date in the past is refused). `day` is the extension's own (`--on`), not today: one made
 * before the return date and recorded late keeps it. The desk's bail form asks on the same condition.
 */
export function returnPassed(b: Pick<Bail, 'returnDate'>, day: IsoDate): boolean {
	return b.returnDate < day;
}

/** A re-bail: a new return date within the period that is still running. */
function rebail(c: Case, b: Bail, input: BailRecordInput, today: IsoDate): Outcome {
	const sd = (d: IsoDate) => shortDate(d, today);
	const clock = bailClock(b, input.on)!;
	const returnDate = input.returnDate ?? fail('Give the new return date with --return D: the date the suspect must answer bail.');
	if (input.on > clock.periodEnd) {
		fail(
			`The bail period for ${safeText(c.ref)} ended ${sd(clock.periodEnd)}, so the suspect cannot be re-bailed on it, ` +
				'and bail cannot be extended once the period has ended. Record how it ended instead (charged, rui, nfa or released).',
		);
	}
	if (returnDate === b.returnDate) fail(`${returnDate} is already the return date of ${safeText(c.ref)}.`);
	const next = clock.nextAuthority;
	checkReturn(returnDate, clock.periodEnd, today, c.ref, next === 'magistrates-court' ? AUTHORITY_NAMES[next] : stageNeeds(next));
	if (returnDate <= input.on) fail(`The return date ${returnDate} must be after the day of the re-bail (${input.on}).`);
	return {
		after: {...c, bail: {...b, returnDate}},
		event: {returnDate},
		summary:
			`Recorded for ${safeText(c.ref)}: re-bailed on ${sd(input.on)} to return ${sd(returnDate)}; ` +
			`the period still ends ${sd(clock.periodEnd)}.`,
	};
}

/** A rung's length as the statute words it ("6 months"), for the refusal of a different --period-end. */
function statuteMonths(regime: BailRegime, stage: BailAuthority): string {
	if (regime === 'pre-2022') return stage === 'superintendent' ? '3 months' : 'the period';
	const months: Partial<Record<BailAuthority, string>> = {
		inspector: '6 months',
		superintendent: '9 months',
		'assistant-chief-constable': '12 months',
	};
	return months[stage] ?? 'the period';
}

/**
 * A return date must not be in the past and must fall within the bail period. `next`: who extends the
 * period (re-bail: say to extend first), or null when the period is the one just extended.
 */
function checkReturn(returnDate: IsoDate, periodEnd: IsoDate, today: IsoDate, ref: string, next: string | null): void {
	if (returnDate < today) {
		fail(`The return date ${returnDate} is in the past (today is ${today}): give the date the suspect must answer bail.`);
	}
	if (returnDate > periodEnd) {
		const how = next === null ? 'give a return date on or before it' : `extend the period first (${next}), or give an earlier return date`;
		fail(`The return date ${returnDate} is after the bail period for ${safeText(ref)} ends (${periodEnd}): ${how}.`);
	}
}
