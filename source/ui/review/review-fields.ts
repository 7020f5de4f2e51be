/**
 * The fields each review step shows, built from the context and the current answers. One generic
 * field model (text, choice, toggle, button) so that drawing, key handling and inline errors work the
 * same on every step. Field ids are the validation field paths, so an error lands under its field.
 * Labels are made safe here (store text is hostile).
 */
import {shortDate} from '../../domain/dates.js';
import type {Risk} from '../../domain/model.js';
import {RISKS} from '../../domain/model-values.js';
import {shortName} from '../../domain/people.js';
import {capLines, storeLines} from '../store-lines.js';
import {
	LIMITS,
	nextActionKey,
	nextReviewDate,
	nextReviewWarnings,
	planReviewDate,
	reviewWindow,
	riskAfter,
	WELFARE_FLAG_WORDS,
	WELFARE_FLAGS,
	type DraftAction,
	type ReviewAnswers,
	type ReviewContext,
	type StepId,
} from '../../domain/review/index.js';

type Set<T> = (a: ReviewAnswers, v: T) => ReviewAnswers;

export interface TextField {
	kind: 'text';
	id: string;
	label: string;
	value: string;
	multiline: boolean;
	maxLength: number;
	placeholder?: string;
	/** A typed date: its problems show as soon as a whole date is typed or the field is left. */
	date?: boolean;
	/** Why the field takes no typing now (shown under it); deleting is still allowed. */
	refused?: string;
	/** A sentence about what is in the field, shown under it (a restored welfare note). */
	remark?: string;
	/** Said under the field while it applies (a next review date after the bail period ends): a warning, not a refusal. */
	warning?: string;
	set: Set<string>;
}
export interface ChoiceField {
	kind: 'choice';
	id: string;
	label: string;
	options: {value: string; label: string}[];
	/** '' when nothing is chosen. */
	value: string;
	set: Set<string>;
}
export interface ToggleField {
	kind: 'toggle';
	id: string;
	label: string;
	value: boolean;
	set: Set<boolean>;
}
export interface ButtonField {
	kind: 'button';
	id: string;
	label: string;
	press: 'add-action' | 'remove-action' | 'sign';
	/** For remove-action: the draft action's key. */
	actionKey?: string;
}
export type Field = TextField | ChoiceField | ToggleField | ButtonField;

/** Store text for a label: its lines kept (the view draws each as lines), at most LABEL_LINES of them. */
const LABEL_LINES = 6;
const line = (s: string) => capLines(storeLines(s), LABEL_LINES, n => `… ${n} more lines`).join('\n');

function mapAction(a: ReviewAnswers, key: string, f: (x: DraftAction) => DraftAction): ReviewAnswers {
	return {...a, actions: a.actions.map(x => (x.key === key ? f(x) : x))};
}

export function addAction(ctx: ReviewContext, a: ReviewAnswers): {answers: ReviewAnswers; key: string} {
	const key = nextActionKey(a.actions);
	return {answers: {...a, actions: [...a.actions, {key, text: '', ownerId: ctx.defaultOwnerId, due: ''}]}, key};
}

export function removeAction(a: ReviewAnswers, key: string): ReviewAnswers {
	return {...a, actions: a.actions.filter(x => x.key !== key)};
}

/**
 * Who can own a new action: everyone in the unit, in one order for every case (the store's), so a number
 * means the same officer from one case to the next (README "The guided 14-day review"). The officer in
 * the case is marked, and so is the default owner when it is someone else (domain: the OIC unless away
 * before the next review, then someone at work, marked "(at work)" only when at work until then). An OIC
 * who has left the unit cannot own an action.
 */
export function ownerOptions(ctx: ReviewContext): {value: string; label: string}[] {
	const oic = ctx.case.oicId;
	const byDefault = ctx.defaultOwnerId;
	// "(at work)" only when at work until the next review; a default away before then (nobody is at work
	// throughout) says from when, beside the warning the step shows.
	const away = ctx.defaultOwnerAwayFrom;
	const atWork = away === null ? ' (at work)' : ` (away from ${shortDate(away, ctx.today)})`;
	const mark = (id: string) => (id === oic ? (byDefault !== oic ? ' (OIC, away)' : ' (OIC)') : id === byDefault ? atWork : '');
	return ctx.owners.map(o => ({value: o.id, label: `${shortName(o)}${mark(o.id)}`}));
}

/** What the screen knows about the private welfare note beyond the answers (review-state.ts). */
export interface NoteField {
	/** Why no note can be typed (no way to keep it, or the welfare file still being checked), or null. */
	lock: string | null;
	/** What the note field holds when it was restored, or null. */
	words: string | null;
}

const warningFor = (warnings: string[]) => (warnings.length === 0 ? {} : {warning: warnings.join(' ')});

export function stepFields(ctx: ReviewContext, a: ReviewAnswers, step: StepId, noteField: NoteField = {lock: null, words: null}): Field[] {
	switch (step) {
		case 'since':
			return [];
		case 'previous-actions':
			return ctx.openActions.flatMap((x): Field[] => {
				const ans = a.outcomes[x.id] ?? {outcome: null, reason: ''};
				const carried = x.carriedCount > 0 ? `, carried ${x.carriedCount} time${x.carriedCount === 1 ? '' : 's'}` : '';
				const started = x.status === 'in-progress' && x.startedOn ? `, in progress since ${shortDate(x.startedOn, ctx.today)}` : '';
				return [
					{
						kind: 'choice',
						id: `outcomes.${x.id}.outcome`,
						label: `${line(x.text)} (${shortName(ctx.officers.get(x.ownerId))}, due ${shortDate(x.due, ctx.today)}${carried}${started})`,
						options: [
							{value: 'done', label: 'done'},
							{value: 'carried', label: 'carried over'},
							{value: 'dropped', label: 'dropped'},
						],
						value: ans.outcome ?? '',
						set: (b, v) => ({...b, outcomes: {...b.outcomes, [x.id]: {...(b.outcomes[x.id] ?? {reason: ''}), outcome: v as 'done'}}}),
					},
					{
						kind: 'text',
						id: `outcomes.${x.id}.reason`,
						label: 'Reason (required when carried over or dropped)',
						value: ans.reason,
						multiline: true,
						maxLength: LIMITS.reason,
						set: (b, v) => ({...b, outcomes: {...b.outcomes, [x.id]: {...(b.outcomes[x.id] ?? {outcome: null}), reason: v}}}),
					},
				];
			});
		case 'risk': {
			const cadence = (r: Risk) => `every ${reviewWindow(r, ctx.settings, ctx.today).days} days`;
			return [
				{
					kind: 'choice',
					id: 'risk.decision',
					label: `Risk is ${ctx.case.risk} (reviewed ${cadence(ctx.case.risk)})`,
					options: [
						{value: 'keep', label: `keep ${ctx.case.risk}`},
						{value: 'change', label: 'change'},
					],
					value: a.risk.decision ?? '',
					set: (b, v) => ({...b, risk: {...b.risk, decision: v as 'keep' | 'change'}}),
				},
				{
					kind: 'choice',
					id: 'risk.newRisk',
					label: 'New risk (when changing)',
					options: RISKS.filter(r => r !== ctx.case.risk).map(r => ({value: r, label: `${r} (${cadence(r)})`})),
					value: a.risk.newRisk ?? '',
					set: (b, v) => ({...b, risk: {...b.risk, newRisk: v as Risk, decision: 'change'}}),
				},
				{
					kind: 'text',
					id: 'risk.rationale',
					label: 'Rationale (required when the risk changes)',
					value: a.risk.rationale,
					multiline: true,
					maxLength: LIMITS.rationale,
					set: (b, v) => ({...b, risk: {...b.risk, rationale: v}}),
				},
			];
		}
		case 'action-plan': {
			const defaultDue = shortDate(nextReviewDate(ctx, a), ctx.today);
			const fields: Field[] = a.actions.flatMap((x, i): Field[] => [
				{
					kind: 'text',
					id: `actions.${x.key}.text`,
					label: `Action ${i + 1}`,
					value: x.text,
					multiline: true,
					maxLength: LIMITS.actionText,
					set: (b, v) => mapAction(b, x.key, y => ({...y, text: v})),
				},
				{
					kind: 'choice',
					id: `actions.${x.key}.owner`,
					label: 'Owner',
					options: ownerOptions(ctx),
					value: x.ownerId,
					set: (b, v) => mapAction(b, x.key, y => ({...y, ownerId: v})),
				},
				{
					kind: 'text',
					id: `actions.${x.key}.due`,
					label: 'Due (YYYY-MM-DD or DD/MM/YYYY)',
					value: x.due,
					multiline: false,
					maxLength: 20,
					date: true,
					placeholder: `next review, ${defaultDue}`,
					set: (b, v) => mapAction(b, x.key, y => ({...y, due: v})),
				},
				{kind: 'button', id: `actions.${x.key}.remove`, label: `Remove action ${i + 1}`, press: 'remove-action', actionKey: x.key},
			]);
			fields.push({kind: 'button', id: 'actions.add', label: 'Add an action', press: 'add-action'});
			fields.push({
				kind: 'text',
				id: 'noActionReason',
				label: a.actions.length ? 'No-action reason (not used: there are actions)' : 'Why no action is needed (when there are none)',
				value: a.noActionReason,
				multiline: true,
				maxLength: LIMITS.reason,
				set: (b, v) => ({...b, noActionReason: v}),
			});
			return fields;
		}
		case 'performance': {
			const who = shortName(ctx.oic);
			const options = [
				{value: 'action-plan', label: 'start an action plan'},
				{value: 'not-now', label: 'considered, not needed now'},
				// The inspector's own review decides it: escalating would pass it to themselves (context.ts reviewerIsInspector).
				...(ctx.reviewerIsInspector ? [] : [{value: 'escalate', label: 'escalate to the inspector'}]),
			];
			// On the inspector's exception list: the inspector decides it, so the only choice is none (context.ts).
			const withInspector = ctx.triggerWithInspector !== null;
			const fields: Field[] = [
				{
					kind: 'choice',
					id: 'performance.decision',
					label: withInspector
						? `Decision for ${who} (the inspector's: on their exception list)`
						: ctx.decisionRequired
							? `Decision for ${who} (required: the trigger has fired)`
							: `Decision for ${who} (optional)`,
					options: withInspector
						? [{value: '', label: 'no decision'}]
						: ctx.decisionRequired
							? options
							: [{value: '', label: 'no decision'}, ...options],
					value: a.performance.decision ?? '',
					set: (b, v) => ({...b, performance: {...b.performance, decision: v === '' ? null : (v as 'escalate')}}),
				},
				{
					kind: 'text',
					id: 'performance.reason',
					// Nothing to give a reason for when the only choice is none (QA 8 R19).
					label: withInspector ? 'Reason (not used: the inspector decides this one)' : 'Reason (required for "not needed now")',
					value: a.performance.reason,
					multiline: true,
					maxLength: LIMITS.decisionReason,
					set: (b, v) => ({...b, performance: {...b.performance, reason: v}}),
				},
			];
			if (a.performance.decision === 'action-plan') {
				fields.push({
					kind: 'text',
					id: 'performance.planReviewDate',
					label: 'Plan review date',
					value: a.performance.planReviewDate,
					multiline: false,
					maxLength: 20,
					date: true,
					placeholder: shortDate(planReviewDate(ctx, a), ctx.today),
					set: (b, v) => ({...b, performance: {...b.performance, planReviewDate: v}}),
				});
			}
			fields.push({
				kind: 'text',
				id: 'performance.concern',
				label: 'Concern about performance (optional; concerns feed the trigger)',
				value: a.performance.concern,
				multiline: true,
				maxLength: LIMITS.concern,
				set: (b, v) => ({...b, performance: {...b.performance, concern: v}}),
			});
			return fields;
		}
		case 'welfare':
			return [
				{
					kind: 'choice',
					id: 'welfare.checkIn',
					label: `Welfare check-in with ${shortName(ctx.oic)} done${ctx.welfareCheckInDue ? ' (due: required)' : ''}?`,
					options: [
						{value: 'yes', label: 'yes'},
						{value: 'no', label: 'no'},
					],
					value: a.welfare.checkIn === null ? '' : a.welfare.checkIn ? 'yes' : 'no',
					set: (b, v) => ({...b, welfare: {...b.welfare, checkIn: v === 'yes'}}),
				},
				...WELFARE_FLAGS.map((f): Field => ({
					kind: 'toggle',
					id: `welfare.flags.${f}`,
					label: WELFARE_FLAG_WORDS[f],
					value: a.welfare.flags.includes(f),
					set: (b, v) => ({...b, welfare: {...b.welfare, flags: WELFARE_FLAGS.filter(g => (g === f ? v : b.welfare.flags.includes(g)))}}),
				})),
				{
					kind: 'text',
					id: 'welfare.note',
					label: 'Private note (kept apart with the welfare notes, never in the case record)',
					value: a.welfare.note,
					multiline: true,
					maxLength: LIMITS.welfareNote,
					...(noteField.lock === null ? {} : {refused: noteField.lock}),
					...(noteField.words === null ? {} : {remark: noteField.words}),
					set: (b, v) => ({...b, welfare: {...b.welfare, note: v}}),
				},
			];
		case 'sign-off': {
			const w = reviewWindow(riskAfter(ctx, a), ctx.settings, ctx.today);
			return [
				{
					kind: 'text',
					id: 'signOff.nextReviewDue',
					label: `Next review (${riskAfter(ctx, a)} risk: no later than ${shortDate(w.latest, ctx.today)}; earlier allowed)`,
					value: a.signOff.nextReviewDue,
					multiline: false,
					maxLength: 20,
					date: true,
					placeholder: shortDate(w.latest, ctx.today),
					...warningFor(nextReviewWarnings(ctx, a)),
					set: (b, v) => ({...b, signOff: {...b.signOff, nextReviewDue: v}}),
				},
				{
					kind: 'text',
					id: 'signOff.summary',
					label: 'Summary (optional: one is written from the answers when left empty)',
					value: a.signOff.summary,
					multiline: true,
					maxLength: LIMITS.summary,
					set: (b, v) => ({...b, signOff: {...b.signOff, summary: v}}),
				},
				{kind: 'button', id: 'sign', label: 'Sign the review', press: 'sign'},
			];
		}
	}
}
