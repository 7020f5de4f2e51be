/**
 * Pre-charge bail and RUI. Source case: the bail return date passed two days after the officer went
 * sick, nobody noticed, and the suspect left the country. Bail cannot be extended once the period has
 * ended, so the warning says the date, the days left and who must authorise the next extension, and
 * it comes early: amber at 14 days, red at 7, critical once lapsed or when the officer in the case is
 * away over the date. A supervisor away over the date with no cover raises the clock's severity one
 * step (and shows amber even before the 14-day window, so cover is arranged in time).
 *
 * One bail problem per case: the most urgent of lapsed, officer away, supervisor away, due. The
 * message carries every fact so nothing is lost by not listing the others. Beside it, a critical
 * `bail-date-edited` when the case record's bail period end is later than its last signed extension set
 * (the clock is then read with the signed one: signed-bail-extension.ts).
 */
import {AUTHORITY_NAMES, bailClock, suspectWords, type BailClock} from '../bail.js';
import {addDays, shortDate, type IsoDate} from '../dates.js';
import type {Case} from '../model.js';
import {ABSENCE_WORDS, type AwayOnDate} from '../people.js';
import {absenceSpan} from '../absence-words.js';
import type {Evidence, Problem, ProblemKind, Severity} from '../problem.js';
import {bailWay, reallocateWay, type Resolve} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {awayOnDate, days, knownFrom, memo, nameOf, supervisorCoverWay, supervisorOf, type RuleContext} from './context.js';
import {safeText} from '../safe-text.js';
import {bailAsSigned, bailPeriodMovedLater, lastSignedExtensions, type SignedExtension} from '../signed-bail-extension.js';

function later(a: IsoDate, b: IsoDate): IsoDate {
	return a > b ? a : b;
}

function clockWords(clock: BailClock, today: IsoDate): string {
	const sd = (d: IsoDate) => shortDate(d, today);
	const head =
		clock.deadline === clock.returnDate
			? `Bail return ${sd(clock.returnDate)}: ${clock.daysToReturn < 0 ? `passed ${days(-clock.daysToReturn)} ago` : days(clock.daysToReturn)}`
			: `Bail period ends ${sd(clock.periodEnd)}: ${days(clock.daysToPeriodEnd)}, before the return date ${sd(clock.returnDate)}`;
	return `${head}; ${periodWords(clock, today)}`;
}

/** "period ends 11 Dec, next extension by an inspector (to 11 Mar 2027) before then": said while the period still runs. */
function periodWords(clock: BailClock, today: IsoDate): string {
	const sd = (d: IsoDate) => shortDate(d, today);
	const next =
		clock.nextAuthority === 'magistrates-court'
			? `any further extension needs ${AUTHORITY_NAMES['magistrates-court']}`
			: `next extension by ${AUTHORITY_NAMES[clock.nextAuthority]}${clock.nextPeriodEnd ? ` (to ${sd(clock.nextPeriodEnd)})` : ''}`;
	const regime = clock.regime === 'pre-2022' ? ' (pre-2022 bail rules)' : '';
	return `period ends ${sd(clock.periodEnd)}${regime}, ${next} before then`;
}

function absenceWords(ctx: RuleContext, role: string, officerId: string, away: AwayOnDate): string {
	const a = away.absence;
	// An absence still to come is said as one (QA pass 4: "is on sick leave until 04 Feb" days before it began).
	if (a.from > ctx.today)
		return `${role} ${nameOf(ctx, officerId)} will be ${ABSENCE_WORDS[a.reason]} ${absenceSpan(a, ctx.today)}; ${coverWords(ctx, away)}`;
	const until = a.to ? ` until ${shortDate(a.to, ctx.today)}` : ` from ${shortDate(a.from, ctx.today)}`;
	return `${role} ${nameOf(ctx, officerId)} is ${ABSENCE_WORDS[a.reason]}${until}; ${coverWords(ctx, away)}`;
}

/** "cover DC Shah", "no cover assigned", or the named cover away too: "cover DC Grant is also on annual leave 03-12 Dec, so nobody covers". */
export function coverWords(ctx: RuleContext, away: AwayOnDate): string {
	if (away.coverId) return `cover ${nameOf(ctx, away.coverId)}`;
	const c = away.coverAway;
	if (!c) return 'no cover assigned';
	return `cover ${nameOf(ctx, c.officerId)} is also ${ABSENCE_WORDS[c.reason]} ${absenceSpan(c, ctx.today)}, so nobody covers`;
}

function absenceDetail(ctx: RuleContext, role: string, away: AwayOnDate): string {
	const a = away.absence;
	const cover = away.coverId
		? `, cover ${nameOf(ctx, away.coverId)}`
		: away.coverAway
			? `, cover ${nameOf(ctx, away.coverAway.officerId)} away too (${away.coverAway.id})`
			: ', no cover';
	return `${role} ${ABSENCE_WORDS[a.reason]} ${absenceSpan(a, ctx.today)}${cover}`;
}

/** The bail itself, the first piece of evidence of every bail problem (absences follow it). */
function bailEvidence(c: Case, clock: BailClock, today: IsoDate): Evidence[] {
	return [
		{
			type: 'bail',
			caseRef: c.ref,
			date: clock.bailedOn,
			detail: `bailed ${shortDate(clock.bailedOn, today)} (${clock.regime}); return ${shortDate(clock.returnDate, today)}; period end ${shortDate(clock.periodEnd, today)}`,
		},
	];
}

export function bailProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'bail', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		const clocks = new Map<string, BailClock | null>();
		clocksByContext.set(ctx, clocks);
		const signed = signedExtensions(ctx);
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			const extension = signed.size === 0 ? undefined : signed.get(c.ref);
			const clock = bailClock(bailAsSigned(c.bail, extension), today);
			clocks.set(c.ref, clock);
			if (!clock) continue;
			const p = bailProblem(ctx, c, clock);
			if (p) out.push(p);
			const moved = bailPeriodMovedLater(c.bail, extension);
			if (moved !== null) out.push(bailDateEdited(c, moved, extension!, today));
		}
		return out;

		function bailProblem(ctx: RuleContext, c: Case, clock: BailClock): Problem | null {
			// Each problem written out field by field, in one order: a spread of shared fields gave every bail
			// problem a hidden class of its own (662 among 681 at 5,000 cases), slow for all that reads them (issue 18).
			const subject = {type: 'case' as const, ref: c.ref, officerId: c.oicId};
			if (clock.lapsed || clock.returnMissed) {
				const evidence = bailEvidence(c, clock, ctx.today);
				const ended = clock.lapsed ? clock.periodEnd : clock.returnDate;
				const suspect = safeText(suspectWords(c.bail!.suspect));
				// A missed return date with the period still running can still be put right (re-bail, or an
				// extension before the period ends), so the message keeps the period end and who extends.
				const message = clock.lapsed
					? `Bail period ended ${shortDate(clock.periodEnd, today)}, ${days(-clock.daysToPeriodEnd)} ago, and can no longer be extended; ` +
						`${suspect} is recorded as still on bail (return date ${shortDate(clock.returnDate, today)})`
					: `Bail return ${shortDate(clock.returnDate, today)} passed ${days(-clock.daysToReturn)} ago ` +
						`with no record of ${suspect} answering bail; ` +
						periodWords(clock, today);
				const action = clock.lapsed
					? 'Find out today what happened at the return date, tell the inspector, and record how bail ended (charge, RUI or NFA).'
					: 'Find out today what happened at the return date, tell the inspector, and record it: re-bailed with a new return date, ' +
						'or how bail ended (charged, RUI, NFA or released); ' +
						`any extension must be authorised by ${AUTHORITY_NAMES[clock.nextAuthority]} before ${shortDate(clock.periodEnd, today)}.`;
				return {
					id: `bail-lapsed:${c.ref}`,
					kind: 'bail-lapsed',
					severity: 'critical',
					subject,
					message,
					action,
					evidence,
					since: addDays(ended, 1),
					due: clock.deadline,
				};
			}
			const left = clock.daysToDeadline;
			const clockSeverity: Severity | null = left <= s.bailRedDays ? 'red' : left <= s.bailAmberDays ? 'amber' : null;
			const oicAway = awayOnDate(ctx, c.oicId, clock.deadline);
			const sup = supervisorOf(ctx, c.oicId);
			const supAbsence = sup ? awayOnDate(ctx, sup.id, clock.deadline) : undefined;
			// A supervisor whose cover is at work that day is covered; one whose cover is away too is not.
			const supAway = supAbsence && supAbsence.coverId === null ? supAbsence : undefined;
			// Outside the window with the OIC and the supervisor at work: no problem, said before any words are
			// written (280 of the 961 cases on bail at 5,000 cases; issue 18).
			if (clockSeverity === null && !oicAway && !(supAway && sup)) return null;
			const evidence = bailEvidence(c, clock, ctx.today);
			const windowSince = addDays(clock.deadline, -s.bailAmberDays);
			let words = clockWords(clock, today);
			let kind: ProblemKind = 'bail-due';
			let severity: Severity | null = clockSeverity;
			let since = windowSince;
			let action =
				clock.deadline === clock.returnDate
					? 'Plan the bail return now: charge, further bail or RUI; extend before the period ends if needed.'
					: `Seek the extension from ${AUTHORITY_NAMES[clock.nextAuthority]} before ${shortDate(clock.periodEnd, today)}: it cannot be extended after.`;

			const by = shortDate(clock.deadline, today);
			if (oicAway) {
				const a = oicAway.absence;
				evidence.push({type: 'absence', id: a.id, date: a.from, detail: absenceDetail(ctx, 'OIC', oicAway)});
				if (oicAway.coverAway)
					evidence.push({
						type: 'absence',
						id: oicAway.coverAway.id,
						date: oicAway.coverAway.from,
						detail: absenceDetail(ctx, 'named cover', {absence: oicAway.coverAway, coverId: null, coverAway: null}),
					});
				words += `; ${absenceWords(ctx, 'OIC', c.oicId, oicAway)}`;
				kind = 'bail-officer-absent';
				severity = 'critical';
				// Critical with or without cover (docs/rules.md "Pre-charge bail"): from the day the OIC's absence is known.
				since = later(knownFrom(a), clock.bailedOn);
				// What clears it is said too: naming a cover does not (README "Acting on a problem", bullet Bail).
				action = oicAway.coverId
					? `Make sure ${nameOf(ctx, oicAway.coverId)} has the case and deals with the bail date before ${by}. ` +
						'A cover does not clear this (the OIC is away over the date): reallocate the case, or record the bail.'
					: oicAway.coverAway
						? `Name another cover before ${by}: ${nameOf(ctx, oicAway.coverAway.officerId)} is away that day too, so nobody has the bail date.`
						: `Assign an officer to the case today to deal with the bail date before ${by}.`;
			}
			if (supAway && sup) {
				const a = supAway.absence;
				evidence.push({type: 'absence', id: a.id, date: a.from, detail: absenceDetail(ctx, 'supervisor', supAway)});
				words += `; ${absenceWords(ctx, 'supervisor', sup.id, supAway)}`;
				if (!oicAway) {
					// One step above the clock (docs/rules.md "Pre-charge bail"); amber outside the window, so it is seen early.
					kind = 'bail-supervisor-absent';
					severity = clockSeverity === 'red' ? 'critical' : clockSeverity === 'amber' ? 'red' : 'amber';
					since = later(
						knownFrom(supAway.coverAway && knownFrom(supAway.coverAway) > knownFrom(a) ? supAway.coverAway : a),
						clock.bailedOn,
					);
					action = supAway.coverAway
						? `Name another cover supervisor for ${nameOf(ctx, sup.id)} before ${by}: ${nameOf(ctx, supAway.coverAway.officerId)} is away that day too.`
						: `Name a cover supervisor for ${nameOf(ctx, sup.id)} to oversee the bail date and any extension before ${by}.`;
				}
			}
			if (severity === null) return null;
			return {id: `${kind}:${c.ref}`, kind, severity, subject, message: words, action, evidence, since, due: clock.deadline};
		}
	});
}

/**
 * A case record whose last bail extension ends later than its last signed extension set (REVIEW-9 D6;
 * signed-bail-extension.ts): changed outside fortnight, so the clock is judged by the signed period end
 * and this critical problem says so beside the case's bail problem, until a signed bail record settles it.
 */
function bailDateEdited(c: Case, stored: IsoDate, signed: SignedExtension, today: IsoDate): Problem {
	return {
		id: `bail-date-edited:${c.ref}`,
		kind: 'bail-date-edited',
		severity: 'critical',
		subject: {type: 'case', ref: c.ref, officerId: c.oicId},
		message:
			`Bail period end changed outside fortnight: ${safeText(c.ref)}'s record says ${shortDate(stored, today)}, but its last ` +
			`signed extension (entry ${signed.seq}) set ${shortDate(signed.periodEnd, today)}; the bail is judged by ${shortDate(signed.periodEnd, today)}`,
		action:
			'Ask who changed the case record (fortnight verify names the case), and record the bail as it stands with fortnight bail record.',
		evidence: [
			{type: 'case', caseRef: c.ref, date: stored, detail: `case record's bail period end ${stored}`},
			{
				type: 'bail',
				caseRef: c.ref,
				id: String(signed.seq),
				date: signed.periodEnd,
				detail: `signed extension to ${signed.periodEnd}, entry ${signed.seq}`,
			},
		],
		// When the copy was changed is not known: the problem holds from the signed record.
		since: today,
		due: signed.periodEnd,
	};
}

/** Each case's last signed bail extension, read once per context from the record entries its chain holds. */
function signedExtensions(ctx: RuleContext): Map<string, SignedExtension> {
	let m = extensionsByContext.get(ctx);
	if (!m) extensionsByContext.set(ctx, (m = lastSignedExtensions(ctx.data.chain)));
	return m;
}

const extensionsByContext = new WeakMap<RuleContext, Map<string, SignedExtension>>();

/** The ways to record what happened to bail, for a case whose clock reads `clock`. */
function bailWays(ref: string, clock: BailClock | null, today: IsoDate): Resolve[] {
	const ended = bailWay(ref, 'charged|rui|nfa|released', 'Record how bail ended (charged, RUI, no further action, released)');
	if (!clock || clock.lapsed) return [ended];
	const by = `${AUTHORITY_NAMES[clock.nextAuthority]} before ${shortDate(clock.periodEnd, today)}`;
	// A court sets the new end of the period itself, so its extension needs --period-end (bail-record.ts
	// refuses one without; QA 8 D3: the way printed without it failed as printed).
	const court = clock.nextAuthority === 'magistrates-court';
	const who = court ? '--authorised-by NAME --rank court --period-end D' : '--authorised-by NAME --rank RANK';
	const setsEnd = court ? ', the court and the new end of the period it set' : ' and who authorised it';
	// A missed return date: an extension keeping it is refused (bail-record.ts), so the way gives a new one.
	const extend = clock.returnMissed
		? bailWay(
				ref,
				'extended',
				`Record the extension${court ? setsEnd : ', who authorised it'} (${by}) and the new return date`,
				`${who} --return D`,
			)
		: bailWay(ref, 'extended', `Record the extension${setsEnd} (${by})`, who);
	return [bailWay(ref, 're-bailed', 'Record the suspect re-bailed to a new return date', '--return D'), extend, ended];
}

/**
 * The bail records that clear "Bail due, OIC away" (DOMAIN "every alarm needs a way to clear it"): how
 * bail ended always does; a re-bail or an extension only to a return date after the OIC is back, so
 * neither is offered for an absence with no end date or one that outlasts what the period allows.
 */
function awayBailWays(ctx: RuleContext, oicId: string, ref: string, due: IsoDate | null | undefined): Resolve[] {
	const clock = clockOf(ctx, ref);
	const ways = bailWays(ref, clock, ctx.today);
	const back = due ? awayOnDate(ctx, oicId, due)?.absence.to : undefined;
	const ended = ways[ways.length - 1]!;
	if (!clock || back === undefined || back === null) return [ended];
	const after = `after ${shortDate(back, ctx.today)}, when ${nameOf(ctx, oicId)} is back`;
	const out: Resolve[] = [];
	if (clock.periodEnd > back) out.push(bailWay(ref, 're-bailed', `Record the suspect re-bailed to a return date ${after}`, '--return D'));
	if (clock.nextPeriodEnd !== null && clock.nextPeriodEnd > back) {
		const by = `${AUTHORITY_NAMES[clock.nextAuthority]} before ${shortDate(clock.periodEnd, ctx.today)}`;
		const label = `Record the extension (${by}) with a return date ${after}`;
		out.push(bailWay(ref, 'extended', label, '--authorised-by NAME --rank RANK --return D'));
	}
	return [...out, ended];
}

// Each live case's clock by its reference, as bailProblems worked it out for the context (the last case
// with a reference, as a Map built from the live cases keeps): the ways to clear a bail problem read it
// again, and working each out twice was a share of the rules' time (issue 18).
const clocksByContext = new WeakMap<RuleContext, Map<string, BailClock | null>>();

function clockOf(ctx: RuleContext, ref: string): BailClock | null {
	let clocks = clocksByContext.get(ctx);
	if (!clocks) {
		clocks = new Map();
		const signed = signedExtensions(ctx);
		for (const c of ctx.live) clocks.set(c.ref, bailClock(bailAsSigned(c.bail, signed.get(c.ref)), ctx.today));
		clocksByContext.set(ctx, clocks);
	}
	return clocks.get(ref) ?? null;
}

/**
 * How bail problems clear (README "Acting on a problem"): a recorded bail event (re-bailed, extended
 * with who authorised it, or how bail ended); the case given to an officer at work when its OIC is
 * away; a cover named for a supervisor away with nobody covering.
 */
export const BAIL_RULE: RuleDeclaration<
	'bail-lapsed' | 'bail-due' | 'bail-officer-absent' | 'bail-supervisor-absent' | 'bail-date-edited'
> = {
	name: 'Pre-charge bail',
	check: bailProblems,
	kinds: {
		'bail-lapsed': {
			label: 'Bail lapsed',
			badge: 'bail',
			report: 'bail',
			resolve: (p, ctx) => (p.subject.type === 'case' ? bailWays(p.subject.ref, clockOf(ctx, p.subject.ref), ctx.today) : []),
		},
		'bail-due': {
			label: 'Bail due',
			badge: 'bail',
			report: 'bail',
			resolve: (p, ctx) => (p.subject.type === 'case' ? bailWays(p.subject.ref, clockOf(ctx, p.subject.ref), ctx.today) : []),
		},
		'bail-officer-absent': {
			label: 'Bail due, OIC away',
			badge: 'bail',
			report: 'bail',
			resolve: (p, ctx) => {
				if (p.subject.type !== 'case') return [];
				const by = p.due ? ` before ${shortDate(p.due, ctx.today)}` : '';
				const move = reallocateWay(p.subject.ref, `Reallocate ${p.subject.ref} to an officer at work to deal with the bail date${by}`);
				return [move, ...awayBailWays(ctx, p.subject.officerId, p.subject.ref, p.due)];
			},
		},
		'bail-supervisor-absent': {
			label: 'Bail due, supervisor away',
			badge: 'bail',
			report: 'bail',
			resolve: (p, ctx) => {
				if (p.subject.type !== 'case') return [];
				const away = p.evidence.find(e => e.type === 'absence' && e.detail.startsWith('supervisor '));
				const cover = away?.id
					? [supervisorCoverWay(ctx, away.id, p.due, `Name a cover supervisor for the absence (${away.id}) to oversee the bail date`)]
					: [];
				return [...cover, ...bailWays(p.subject.ref, clockOf(ctx, p.subject.ref), ctx.today)];
			},
		},
		'bail-date-edited': {
			label: 'Bail date edited',
			badge: 'bail',
			resolve: (p, ctx) => (p.subject.type === 'case' ? bailWays(p.subject.ref, clockOf(ctx, p.subject.ref), ctx.today) : []),
		},
	},
};
