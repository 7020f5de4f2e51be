/** Shared by the review tests: the demo store, and answers that complete every step of a review. */
import type {Absence, StoreData} from '../../../source/domain/model.js';
import {emptyAnswers, reviewContext, type ReviewAnswers, type ReviewContext} from '../../../source/domain/review/index.js';
import {signer} from '../../../source/store/chain.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';

export const TODAY = DEMO_TODAY;
export const SERGEANT = 'o0002';
export const SIGNED_AT = '2026-11-30T10:15:00.000Z';
export const sign = signer;
/** Overdue since 19 Nov 2026 (the most overdue case in the demo): medium risk, DC Doyle, 3 open actions. */
export const OVERDUE_REF = 'CR/88397/26';

let demo: StoreData | null = null;
/** A fresh deep copy of data/demo.json each call (tests must not share mutable state). */
export function loadDemo(): StoreData {
	demo ??= demoData();
	return structuredClone(demo);
}

/** The demo with DS Brennan (the sergeant) away `from`-`to` on annual leave, `coverId` named to cover. */
export function sergeantAway(coverId: string, from: string, to: string, id = 'abX'): StoreData {
	const data = loadDemo();
	const away: Absence = {
		id,
		officerId: SERGEANT,
		from,
		to,
		reason: 'annual-leave',
		coverOfficerId: coverId,
		recordedAt: `${TODAY}T08:00:00.000Z`,
		recordedBy: SERGEANT,
	};
	return {...data, absences: [...data.absences, away]};
}

/** Answers that complete every step for `ctx`: first action done, the rest carried, one new action. */
export function completeAnswers(ctx: ReviewContext): ReviewAnswers {
	const a = emptyAnswers();
	ctx.openActions.forEach((x, i) => {
		a.outcomes[x.id] = i === 0 ? {outcome: 'done', reason: ''} : {outcome: 'carried', reason: 'Awaiting the DFU report.'};
	});
	a.risk = {decision: 'keep', newRisk: null, rationale: ''};
	a.actions = [{key: 'n1', text: 'Chase the DFU for the phone download', ownerId: ctx.case.oicId, due: ''}];
	if (ctx.decisionRequired)
		a.performance = {decision: 'not-now', reason: 'Officer is off sick; revisit on return.', planReviewDate: '', concern: ''};
	a.welfare = {checkIn: ctx.welfareCheckInDue ? true : null, note: '', flags: []};
	return a;
}

export function contextFor(data: StoreData, ref = OVERDUE_REF): ReviewContext {
	return reviewContext(data, ref, TODAY);
}

/**
 * The demo with DC Doyle's second concern dated 20 Nov, not 10 Nov: his trigger fired 10 days ago and
 * waits on his sergeant's decision. In the demo as shipped it has waited 20 days (more than 14) and is
 * on the inspector's exception list, which only the inspector decides (README "The review desk").
 */
export function doyleUndecided(data: StoreData): StoreData {
	return {...data, concerns: data.concerns.map(c => (c.id === 'c3' ? {...c, date: '2026-11-20'} : c))};
}
