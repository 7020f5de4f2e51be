/**
 * The review log as JSON: the same content as the CSV rows and the Markdown exception report, for
 * other tools. The format is versioned ("fortnight-log", version 5); `fortnight log --schema` prints
 * its strict JSON Schema (README, "JSON schemas"), and the types below are checked against it, so the
 * document and the schema cannot drift apart.
 */
import {Type, type Static} from '@sinclair/typebox';
import {DateSchema, Nullable, StrictObject, doc} from '../domain/json-schema.js';
import {SEVERITIES} from '../domain/problem.js';
import {PROBLEM_KINDS} from '../domain/rules/index.js';
import type {LogDocument} from '../domain/review-log/document.js';
import {escapeJsonText} from '../domain/safe-text.js';
import {BAIL_EVENT_KINDS} from '../domain/bail-record.js';
import {ABSENCE_REASONS} from '../domain/model-values.js';

export const LOG_JSON_FORMAT = 'fortnight-log';
export const LOG_JSON_VERSION = 5;

const oneOf = (values: readonly string[]) => Type.Union(values.map(v => Type.Literal(v)));
const Risk = oneOf(['high', 'medium', 'low']);
const Count = Type.Integer({minimum: 0});
const Period = StrictObject({from: DateSchema, to: DateSchema});

const LogRowSchema = StrictObject({
	kind: oneOf(['review', 'amendment']),
	seq: Count,
	hash: Type.String({pattern: '^[0-9a-f]{64}$'}),
	date: DateSchema,
	caseRef: Type.String(),
	officerId: Type.String(),
	officer: Type.String(),
	reviewerId: Type.String(),
	reviewer: Type.String(),
	sergeantId: Type.String(),
	riskBefore: Nullable(Risk),
	riskAfter: Nullable(Risk),
	daysSincePrevious: Nullable(Type.Integer()),
	dueDate: Nullable(DateSchema),
	lateDays: Nullable(Count),
	actionsSet: Nullable(Count),
	actionsCompleted: Nullable(Count),
	actionsCarried: Nullable(Count),
	actionsDropped: Nullable(Count),
	triggerFired: Nullable(Type.Boolean()),
	triggerDecision: Nullable(oneOf(['action-plan', 'not-now', 'escalate'])),
	welfareCheckIn: doc('Only whether a welfare check-in was done at the review, never what was said.', Nullable(Type.Boolean())),
	nextReviewDue: Nullable(DateSchema),
	amends: Nullable(Count),
	amendedBy: Type.Array(Count),
	amendment: Nullable(
		StrictObject({reason: Type.String(), corrections: Type.Array(StrictObject({field: Type.String(), value: Type.String()}))}),
	),
	signedById: doc(
		'The officer who signed the entry with their enrolled key; null: made before signatures (version 2).',
		Nullable(Type.String()),
	),
	signedBy: Nullable(Type.String()),
});

const ExceptionItemSchema = StrictObject({
	kind: oneOf(PROBLEM_KINDS),
	severity: oneOf(SEVERITIES),
	caseRef: Nullable(Type.String()),
	officerId: Type.String(),
	officer: Type.String(),
	message: Type.String(),
	since: DateSchema,
	due: Nullable(DateSchema),
	resolved: doc(
		'For bail that lapsed in the period and was resolved since: the event that ended it (null: ended by import), when, who recorded it, and the days it lay lapsed (version 3). Null for open exceptions.',
		Nullable(
			StrictObject({
				event: Nullable(oneOf(BAIL_EVENT_KINDS)),
				on: DateSchema,
				byId: Nullable(Type.String()),
				by: Nullable(Type.String()),
				unattendedDays: Count,
			}),
		),
	),
});

const TotalsSchema = StrictObject({
	reviewsDue: Count,
	reviewsDone: Count,
	onTime: Count,
	late: Count,
	onTimePercent: Nullable(Type.Integer({minimum: 0, maximum: 100})),
	notReviewed: Count,
	overdueNow: Count,
	noCover: Count,
	unresolvedTriggers: Count,
	bail: Count,
	stalledActions: Count,
	forensicWaits: Count,
	spanOfControl: Count,
});

const AwayMarkSchema = doc(
	"The sergeant was away on the day the review fell due: who covered that day (coverId and cover null: nobody); null: the sergeant was at work (version 4). heldByCover: the cover held the case, so the review was not theirs but reviewerDueId/reviewerDue's, the next person up (null: nobody recorded above the cover) (version 5).",
	Nullable(
		StrictObject({
			coverId: Nullable(Type.String()),
			cover: Nullable(Type.String()),
			reviewerDueId: Nullable(Type.String()),
			reviewerDue: Nullable(Type.String()),
			heldByCover: Type.Boolean(),
		}),
	),
);

const SergeantSchema = StrictObject({
	sergeantId: Type.String(),
	sergeant: Type.String(),
	absences: doc(
		"The sergeant's absences with days in the period (reason category only), each with who covered which of those days up to today (coverId and cover null: nobody) (version 4).",
		Type.Array(
			StrictObject({
				absenceId: Type.String(),
				from: DateSchema,
				to: Nullable(DateSchema),
				reason: oneOf(ABSENCE_REASONS),
				covers: Type.Array(
					StrictObject({from: DateSchema, to: DateSchema, coverId: Nullable(Type.String()), cover: Nullable(Type.String())}),
				),
			}),
		),
	),
	lateReviews: Type.Array(
		StrictObject({
			caseRef: Type.String(),
			officerId: Type.String(),
			officer: Type.String(),
			dueDate: DateSchema,
			date: DateSchema,
			lateDays: Count,
			seq: Count,
			reviewerId: doc('Who signed the review: the sergeant, a cover or the inspector (version 4).', Type.String()),
			reviewer: Type.String(),
			dueWhileAway: AwayMarkSchema,
		}),
	),
	notReviewed: Type.Array(
		StrictObject({
			caseRef: Type.String(),
			officerId: Type.String(),
			officer: Type.String(),
			dueDate: DateSchema,
			lastReview: Nullable(DateSchema),
			dueWhileAway: AwayMarkSchema,
		}),
	),
	overdueNow: Type.Array(ExceptionItemSchema),
	noCover: Type.Array(ExceptionItemSchema),
	unresolvedTriggers: Type.Array(
		StrictObject({
			officerId: Type.String(),
			officer: Type.String(),
			firstFired: Nullable(DateSchema),
			days: Nullable(Count),
			noDecision: Type.Boolean(),
			escalated: Type.Boolean(),
			lastDecision: Nullable(Type.String()),
			evidence: Type.Array(Type.String()),
		}),
	),
	bail: Type.Array(ExceptionItemSchema),
	stalledActions: Type.Array(ExceptionItemSchema),
	forensicWaits: Type.Array(ExceptionItemSchema),
	spanOfControl: Type.Array(ExceptionItemSchema),
	totals: TotalsSchema,
});

export const LogJsonSchema = StrictObject(
	{
		format: Type.Literal(LOG_JSON_FORMAT),
		version: Type.Literal(LOG_JSON_VERSION),
		team: Type.String(),
		today: doc('The date open exceptions were worked out for.', DateSchema),
		period: Period,
		sergeantId: doc('The --sergeant filter, or null for the whole team.', Nullable(Type.String())),
		chainHead: doc(
			'The review chain\'s last entry when exported (check a later copy with "fortnight verify --head SEQ:HASH"), or null.',
			Nullable(StrictObject({seq: Count, hash: Type.String({pattern: '^[0-9a-f]{64}$'})})),
		),
		rows: doc('One row per signed review or amendment in the period, oldest first.', Type.Array(LogRowSchema)),
		exceptions: StrictObject({
			period: Period,
			today: DateSchema,
			forensicDays: Count,
			sergeants: Type.Array(SergeantSchema),
			totals: TotalsSchema,
		}),
	},
	{$id: `https://fortnight.local/schema/log-${LOG_JSON_VERSION}.json`, title: 'fortnight log --format json'},
);
export type LogJson = Static<typeof LogJsonSchema>;

export function logJson(doc: LogDocument): string {
	const {team, today, period, sergeantId, chainHead, rows, report} = doc;
	const out: LogJson = {
		format: LOG_JSON_FORMAT,
		version: LOG_JSON_VERSION,
		team,
		today,
		period,
		sergeantId,
		chainHead,
		rows,
		exceptions: report,
	};
	// Strings stay as data; what a terminal would act on is written as \u escapes (README "Terminal safety").
	return escapeJsonText(JSON.stringify(out, null, 2)) + '\n';
}
