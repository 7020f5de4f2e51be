/**
 * Signing a review: one pure change from the store's data to the next. It re-checks the draft against
 * the freshest data (store.apply passes it in), and against what changed there since the review opened
 * (changed-since.ts), then in one step appends the signed review to the hash
 * chain, records any performance decision (and action plan), concern and welfare check-in, applies the
 * action outcomes, adds the new actions, sets the risk and the next review date, and removes the draft.
 *
 * Hashing lives in the store: the caller passes `sign` (store/chain.ts `signer`), so domain code stays
 * free of crypto and I/O. The private welfare note is handed back, never written into the data: the
 * caller appends it to the welfare file (store/welfare-file.ts appendWelfareNote).
 */
import {withRisk} from '../case-history.js';
import {addMonths, type IsoDate} from '../dates.js';
import {appendedTo, replacedAt} from '../list-edits.js';
import {mayReviewCase} from '../permissions.js';
import type {Signer} from '../signer.js';
import {safeMultiline, safeText} from '../safe-text.js';
import type {
	Action,
	ActionOutcome,
	ActionPlan,
	Case,
	Concern,
	DecisionEntry,
	NewAction,
	PerformanceDecisionData,
	ReviewData,
	ReviewEntry,
	StoreData,
	WelfareEvent,
} from '../model.js';
import {readAnswers} from './answers.js';
import {refreshContext, reviewContext, type ReviewContext} from './context.js';
import {changesSinceOpened} from './changed-since.js';
import {ReviewError, StaleReviewError} from './errors.js';
import {parseTypedDate} from './next-review.js';
import {summaryText} from './summary.js';
import {nextReviewDate, planReviewDate, riskAfter, validateReview} from './validate.js';

export type {Signer};

export interface SignOptions {
	today: IsoDate;
	/** ISO instant of signing (UTC). */
	signedAt: string;
	/** Officer id of the sergeant (or cover) signing. */
	reviewerId: string;
	/** Builds a hashed chain entry: pass store/chain.ts `signer`. */
	sign: Signer;
	/**
	 * The context the review was opened with (what the sergeant was shown). When given, the record is
	 * still built from `data` (refreshContext re-reads the case and the officer's facts, cheaply), and
	 * a change since opening that the answers rest on throws StaleReviewError (changed-since.ts)
	 * instead of being signed over. Omit it to work everything out from `data` with no such check.
	 */
	context?: ReviewContext;
}

/** The welfare note to append to the welfare file: same shape as store/welfare-file.ts WelfareNote. */
export interface PrivateWelfareNote {
	id: string;
	officerId: string;
	date: IsoDate;
	by: string;
	text: string;
}

export interface SignResult {
	next: StoreData;
	review: ReviewEntry;
	decision: DecisionEntry | null;
	/** Present when the sergeant wrote a welfare note: append it to the welfare file, nowhere else. */
	welfareNote: PrivateWelfareNote | null;
}

/** Text typed or pasted by a person, made safe once before it becomes a permanent record. */
export function cleanInput(s: string): string {
	return safeMultiline(s).trim();
}

const orNull = (s: string): string | null => (cleanInput(s) === '' ? null : cleanInput(s));

/**
 * Signs the draft `{caseRef, answers}` (answers as typed, including the welfare note; a stored draft's
 * answers work too). Throws ReviewError, with field-level errors when the draft is incomplete.
 */
export function signReview(data: StoreData, draft: {caseRef: string; answers: unknown}, options: SignOptions): SignResult {
	const {today, signedAt, reviewerId, sign} = options;
	if (!data.officers.some(o => o.id === reviewerId)) throw new ReviewError(`The reviewer ${reviewerId} is not an officer in this store.`);
	if (options.context && (options.context.case.ref !== draft.caseRef || options.context.today !== today)) {
		throw new ReviewError(
			`The review context is for ${options.context.case.ref} on ${options.context.today}, not ${draft.caseRef} on ${today}.`,
		);
	}
	const opened = options.context;
	// Everything recorded below comes from `ctx`, worked out on `data`: the freshest data under the lock.
	// Worked out for the signer, whoever opened it: whether a decision on the OIC's trigger is theirs to record.
	const ctx = opened ? refreshContext(opened, data, reviewerId) : reviewContext(data, draft.caseRef, today, reviewerId);
	// Who may sign (README "Who you are"): their sergeant, the cover for the days of the absence, the
	// inspector; never someone who supervises the officer not at all, and no one over themselves (the
	// review, its trigger decision and its check-in are all about the OIC).
	const may = mayReviewCase(data, reviewerId, ctx.case, today);
	if (!may.ok) throw new ReviewError(may.reason);
	const a = readAnswers(draft.answers);
	const errors = validateReview(ctx, a);
	if (opened) {
		const changed = changesSinceOpened(opened, ctx, a);
		// Complete on what the sergeant was shown, incomplete on the fresh data: a fact changed under them.
		const newlyIncomplete = errors.length > 0 && validateReview(opened, a).length === 0;
		if (changed.length > 0 || newlyIncomplete) {
			const more = errors.filter(e => !changed.some(c => c.field === e.field));
			const first =
				changed[0]?.message ?? `${more.length} ${more.length === 1 ? 'answer needs' : 'answers need'} attention on what is on record now.`;
			throw new StaleReviewError(
				`${safeText(draft.caseRef)} changed after you opened this review, so nothing was recorded and your answers are kept. ${first}`,
				[...changed, ...more],
			);
		}
	}
	if (errors.length > 0) {
		throw new ReviewError(
			`The review of ${draft.caseRef} is not complete: ${errors.length} ${errors.length === 1 ? 'answer needs' : 'answers need'} attention.`,
			errors,
		);
	}

	const c = ctx.case;
	const seq = (data.chain.at(-1)?.seq ?? -1) + 1;
	const nextDue = nextReviewDate(ctx, a);
	const newActions: NewAction[] = a.actions.map((x, i) => ({
		// Unique in the store: the review's chain sequence is never reused.
		id: `${c.ref}-r${seq}-${i + 1}`,
		text: cleanInput(x.text),
		ownerId: x.ownerId,
		due: (x.due.trim() !== '' && parseTypedDate(x.due)) || nextDue,
	}));
	const outcomes: ActionOutcome[] = ctx.openActions.map(x => {
		const ans = a.outcomes[x.id]!;
		const outcome = ans.outcome!;
		return {
			actionId: x.id,
			outcome,
			reason: outcome === 'done' ? orNull(ans.reason) : cleanInput(ans.reason),
			carriedCount: outcome === 'carried' ? x.carriedCount + 1 : x.carriedCount,
		};
	});
	const decisionKind = a.performance.decision;
	const concernText = cleanInput(a.performance.concern);
	const checkIn = a.welfare.checkIn === true;

	const reviewData: ReviewData = {
		caseRef: c.ref,
		date: today,
		reviewerId,
		oicId: c.oicId,
		dueDate: c.nextReviewDue,
		previousReviewDate: ctx.previousReview?.data.date ?? null,
		riskBefore: c.risk,
		riskAfter: riskAfter(ctx, a),
		riskRationale: orNull(a.risk.rationale),
		actionOutcomes: outcomes,
		newActions,
		noActionReason: newActions.length === 0 ? orNull(a.noActionReason) : null,
		triggerFired: ctx.trigger.fired,
		triggerDecision: decisionKind,
		concernRecorded: concernText !== '',
		welfareCheckIn: checkIn,
		nextReviewDue: nextDue,
		summary: cleanInput(summaryText(ctx, a)),
	};
	// The new chain and case list are made with their edit remembered (list-edits.ts): the save's checks then
	// look at the entry and the case this signing changed, not at 50,000 entries and 5,000 cases.
	const review = sign(data.chain, 'review', reviewData, signedAt) as ReviewEntry;
	let chain = appendedTo(data.chain, [review]);

	let decision: DecisionEntry | null = null;
	let actionPlans = data.actionPlans;
	if (decisionKind) {
		const decisionData: PerformanceDecisionData = {
			officerId: c.oicId,
			date: today,
			by: reviewerId,
			decision: decisionKind,
			reason: orNull(a.performance.reason),
			evidence: ctx.trigger.evidence.slice(0, 50).map(e => e.detail.slice(0, 400)),
			caseRef: c.ref,
		};
		decision = sign(chain, 'performance-decision', decisionData, signedAt) as DecisionEntry;
		chain = appendedTo(data.chain, [review, decision]);
		if (decisionKind === 'action-plan') {
			const plan: ActionPlan = {
				id: `ap-${decision.seq}`,
				officerId: c.oicId,
				started: today,
				expires: addMonths(today, data.settings.actionPlanValidMonths),
				reviewDate: planReviewDate(ctx, a),
				endedOn: null,
				decisionSeq: decision.seq,
			};
			actionPlans = [...actionPlans, plan];
		}
	}

	const concerns: Concern[] =
		concernText === ''
			? data.concerns
			: [...data.concerns, {id: `c-r${seq}`, officerId: c.oicId, date: today, by: reviewerId, text: concernText, caseRef: c.ref}];
	// The event records only that the check-in happened and its flags: the note never enters the store.
	const welfareEvents: WelfareEvent[] = checkIn
		? [
				...data.welfareEvents,
				{id: `w-r${seq}`, officerId: c.oicId, date: today, kind: 'check-in', by: reviewerId, flags: [...a.welfare.flags]},
			]
		: data.welfareEvents;

	const nextCase = applyToCase(c, ctx, outcomes, newActions, reviewData, seq, reviewerId);
	const next: StoreData = {
		...data,
		cases: withCase(data.cases, c, nextCase),
		chain,
		actionPlans,
		concerns,
		welfareEvents,
		// The signer's own draft is done; anyone else's stays theirs (their signing is then told this case was signed meanwhile).
		drafts: data.drafts.filter(d => d.caseRef !== c.ref || d.reviewerId !== reviewerId),
	};
	const note = cleanInput(a.welfare.note);
	const welfareNote = note === '' ? null : {id: `wn-r${seq}`, officerId: c.oicId, date: today, by: reviewerId, text: note};
	return {next, review, decision, welfareNote};
}

/** `cases` with `c` (the very object) replaced by `next`, where it stands. */
function withCase(cases: readonly Case[], c: Case, next: Case): Case[] {
	const i = cases.indexOf(c);
	return i === -1 ? cases.map(x => (x === c ? next : x)) : replacedAt(cases, i, next);
}

function applyToCase(
	c: Case,
	ctx: ReviewContext,
	outcomes: ActionOutcome[],
	newActions: NewAction[],
	r: ReviewData,
	seq: number,
	by: string,
): Case {
	const byId = new Map(outcomes.map(o => [o.actionId, o]));
	const today = ctx.today;
	const actions: Action[] = c.actions.map(x => {
		const o = byId.get(x.id);
		if (!o) return x;
		const history = [...x.history, {date: today, event: o.outcome, reviewSeq: seq, reason: o.reason, by}];
		if (o.outcome === 'carried') return {...x, carriedCount: o.carriedCount, due: r.nextReviewDue, history};
		return {...x, status: o.outcome, history};
	});
	for (const n of newActions) {
		actions.push({
			...n,
			status: 'open',
			createdOn: today,
			startedOn: null,
			carriedCount: 0,
			history: [{date: today, event: 'created', reviewSeq: seq, reason: null, by}],
		});
	}
	// A changed risk is recorded in the case's history with the review that set it (README "Case history").
	const risked = withRisk(c, r.riskAfter, {from: today, by, reason: r.riskRationale ?? 'set at a signed review', reviewSeq: seq});
	return {...risked, nextReviewDue: r.nextReviewDue, actions};
}
