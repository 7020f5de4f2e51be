/**
 * The handover document's shape, written as TypeBox schemas so the TypeScript type and the JSON Schema
 * that `fortnight handover --schema` prints can never disagree. The JSON export is exactly this object.
 * Text fields hold store text after safeText in the JSON export; dates are YYYY-MM-DD.
 *
 * Strict (README, "JSON schemas"): every object refuses keys it does not name, dates are real calendar
 * days (format "date", and a pattern for validators that do not assert formats), generatedAt is a UTC
 * instant and chainHead is "seq:sha256" or "empty".
 */
import {Type, type Static} from '@sinclair/typebox';
import {ChainHeadSchema, DateSchema as Date_, InstantSchema, Nullable, StrictObject, doc} from '../json-schema.js';
import {ResolveJsonSchema} from '../resolve-schema.js';
import {HANDOVER_SCHEMA_ID, WINDOW_KINDS} from './schema-values.js';

export {HANDOVER_SCHEMA_ID, WINDOW_KINDS};

export type WindowKind = (typeof WINDOW_KINDS)[number];

export const WindowItemSchema = StrictObject({
	date: Date_,
	kind: Type.Union(WINDOW_KINDS.map(k => Type.Literal(k))),
	/** Words for the kind, e.g. "Bail return". */
	label: Type.String(),
	caseRef: doc('Crime reference, when the item belongs to a case.', Nullable(Type.String())),
	officerId: doc('Officer in the case, or the officer the item is about.', Nullable(Type.String())),
	officerName: Nullable(Type.String()),
	/** Plain words built by fortnight (no store text): who must act and by when. */
	detail: Type.String(),
	/**
	 * For bail: who must authorise the next extension, and the last day they can. For an item the cover may
	 * not do themselves (a review of a case they hold, their own action plan or check-in: cover-cannot.ts):
	 * "independent supervisor", who that is, and the item's date (or the window's first day).
	 */
	authority: doc(
		'Who must authorise the next bail extension; "independent supervisor" when the cover may not do the item themselves (their own case, action plan or check-in).',
		Nullable(Type.String()),
	),
	authorityName: doc(
		"The team's inspector by name, when the authority is an inspector and the store names one; for an item the cover may not do, who does it.",
		Nullable(Type.String()),
	),
	actBy: doc(
		'Last day to act (bail: the period end; an extension cannot be granted after it; an item the cover may not do: its date, or the first day of the window).',
		Nullable(Date_),
	),
	/** For absences: who covers. */
	coverName: Nullable(Type.String()),
	/** Store text the item is about: the forensic item ("USB memory stick"), the action's text, the RUI suspect's initials. */
	about: Nullable(Type.String()),
	away: doc('When the officer is away on the date: who covers, in words (the end of detail says the same).', Nullable(Type.String())),
	awayCover: doc('When the officer is away on the date: the officer covering that day, or null when nobody does.', Nullable(Type.String())),
	recordId: doc(
		"The store's id of the record the item comes from (forensic submission, action, action plan, absence); null for a case's own dates.",
		Nullable(Type.String()),
	),
});
export type WindowItem = Static<typeof WindowItemSchema>;

export const DecisionSchema = StrictObject({
	problemId: doc(
		'The id of the problem it comes from, as `fortnight problems --json` prints it for the same day (stable across runs for the same problem).',
		Type.String({minLength: 1}),
	),
	severity: Type.Union([Type.Literal('critical'), Type.Literal('red')]),
	kind: Type.String(),
	caseRef: Nullable(Type.String()),
	officerId: Type.String(),
	officerName: Type.String(),
	message: Type.String(),
	/** What to do about it. */
	action: Type.String(),
	due: Nullable(Date_),
	inspectorName: doc(
		"The team's inspector, when the decision is theirs or they must be told (null when none is recorded or none is needed).",
		Nullable(Type.String()),
	),
	resolve: doc(
		'The ways to clear it: the desk key and the command (README "Acting on a problem").',
		Type.Array(ResolveJsonSchema, {minItems: 1}),
	),
});
export type Decision = Static<typeof DecisionSchema>;

export const CoverOwnProblemSchema = StrictObject({
	problemId: doc('The id of the problem, as `fortnight problems --json` prints it for the same day.', Type.String({minLength: 1})),
	severity: Type.Union([Type.Literal('critical'), Type.Literal('red'), Type.Literal('amber'), Type.Literal('info')]),
	kind: Type.String(),
	caseRef: doc(
		'The case, when the problem is about a case the cover holds; null when it is about the cover themselves.',
		Nullable(Type.String()),
	),
	officerId: doc('The cover the problem is about (or who holds the case).', Type.String()),
	officerName: Type.String(),
	message: Type.String(),
	action: doc("What to do about it (the rule's words).", Type.String()),
	due: Nullable(Date_),
	coverFrom: doc('The first day of the window this officer covers: from then it is not theirs to do.', Date_),
	goesToName: doc(
		"Who does it instead (the next person up, the team's inspector); null when the store names nobody.",
		Nullable(Type.String()),
	),
	goesToId: Nullable(Type.String()),
	resolve: doc(
		'The ways to clear it, as for a decision: the person named in goesToName records it.',
		Type.Array(ResolveJsonSchema, {minItems: 1}),
	),
});
export type CoverOwnProblem = Static<typeof CoverOwnProblemSchema>;

export const AbsenceInWindowSchema = StrictObject({
	id: doc("The absence's id in the store.", Type.String()),
	from: Date_,
	to: doc('Last day away; null while open-ended.', Nullable(Date_)),
	reason: Type.String(),
	/** "on sick leave", "on annual leave", ... */
	reasonWords: Type.String(),
	coverName: doc('Who covers; null when nobody is named.', Nullable(Type.String())),
	coverAway: doc(
		"The days of this absence on which the named cover is away too, earliest first (their absences, cut to this one's days): nobody covers them (empty when they are at work throughout, or none is named).",
		Type.Array(StrictObject({from: Date_, to: doc('Last day away; null while open-ended.', Nullable(Date_)), reasonWords: Type.String()})),
	),
});

export type AbsenceInWindow = Static<typeof AbsenceInWindowSchema>;

export const BailSummarySchema = StrictObject({
	suspect: Type.String(),
	returnDate: Date_,
	periodEnd: doc('Last day of the authorised bail period.', Date_),
	nextAuthority: doc('Who must authorise the next extension.', Type.String()),
	nextAuthorityName: doc("The team's inspector by name, when the next extension is an inspector's.", Nullable(Type.String())),
	nextAuthorityBy: doc('The day by which they must (the period end: bail cannot be extended after it).', Date_),
	daysToReturn: Type.Integer(),
	lapsed: Type.Boolean(),
});

export const CaseSectionSchema = StrictObject({
	ref: Type.String(),
	offence: Type.String(),
	risk: Type.String(),
	status: Type.String(),
	bail: Nullable(BailSummarySchema),
	rui: Nullable(
		StrictObject({
			suspect: Type.String(),
			since: Date_,
			lastSuspectUpdate: Nullable(Date_),
			nextUpdateDue: doc('When the suspect is next due an update (every settings.ruiUpdateDays).', Date_),
		}),
	),
	lastReview: Nullable(StrictObject({date: Date_, byId: Type.String(), byName: Type.String()})),
	nextReviewDue: Date_,
	openActions: Type.Array(
		StrictObject({text: Type.String(), ownerId: Type.String(), ownerName: Type.String(), due: Date_, status: Type.String()}),
	),
	materialLocations: Type.Array(Type.String()),
	lastUpdate: Nullable(Date_),
	daysSinceUpdate: Type.Integer(),
	reviewDraft: doc(
		'A review started and not signed: who started it and when (never what it says).',
		Nullable(StrictObject({startedById: Type.String(), startedByName: Type.String(), startedOn: Date_, lastSavedOn: Date_})),
	),
});
export type CaseSection = Static<typeof CaseSectionSchema>;

export const WelfareNoteOutSchema = StrictObject({date: Date_, byName: Type.String(), text: Type.String()});

export const OfficerSectionSchema = StrictObject({
	officerId: Type.String(),
	name: doc('Rank and name.', Type.String()),
	role: Type.String(),
	hoursPerWeek: Type.Number(),
	/** Absences that overlap the window; empty = available throughout. */
	absences: Type.Array(AbsenceInWindowSchema),
	liveCases: Type.Integer(),
	workloadPoints: Type.Number(),
	workloadPercent: doc("Weighted caseload as a percentage of the team's capacity for this officer's hours.", Type.Number()),
	workloadExcessive: Type.Boolean(),
	actionPlan: doc(
		'A performance action plan in place: yes or no and its review date only, never its detail.',
		StrictObject({inPlace: Type.Boolean(), reviewDate: Nullable(Date_)}),
	),
	welfareCheckInDue: doc('When the next welfare check-in is due (never what was said).', Nullable(Date_)),
	welfareNotes: doc(
		'Only with --include-welfare: recent welfare notes, newest first. OFFICIAL-SENSITIVE.',
		Type.Optional(Type.Array(WelfareNoteOutSchema)),
	),
	cases: Type.Array(CaseSectionSchema),
});
export type OfficerSection = Static<typeof OfficerSectionSchema>;

export const ReviewDraftNoteSchema = StrictObject({
	caseRef: Type.String(),
	officerId: doc('Officer in the case.', Nullable(Type.String())),
	officerName: Nullable(Type.String()),
	startedById: Type.String(),
	startedByName: Type.String(),
	startedOn: Date_,
	lastSavedOn: Date_,
});
export type ReviewDraftNote = Static<typeof ReviewDraftNoteSchema>;

export const HandoverCoverSchema = StrictObject({name: Type.String(), officerId: Nullable(Type.String()), from: Date_, to: Date_});
export type HandoverCover = Static<typeof HandoverCoverSchema>;

export const HandoverUncoveredSchema = StrictObject({
	from: Date_,
	to: Date_,
	coverName: doc("The cover named on the sergeant's absence, away too on these days.", Type.String()),
	coverOfficerId: Type.String(),
	coverAwayWords: doc('Why the named cover is away: "on annual leave", ...', Type.String()),
});
export type HandoverUncovered = Static<typeof HandoverUncoveredSchema>;

export const HandoverSchema = StrictObject(
	{
		schema: Type.Literal(HANDOVER_SCHEMA_ID),
		/** "OFFICIAL" normally; "OFFICIAL-SENSITIVE" when welfare notes are included. */
		marking: Type.Union([Type.Literal('OFFICIAL'), Type.Literal('OFFICIAL-SENSITIVE')]),
		team: StrictObject({id: Type.String(), name: Type.String(), unit: Type.String(), force: Type.String()}),
		period: StrictObject({from: Date_, to: Date_, days: Type.Integer()}),
		today: doc('The date problems and clocks were worked out for.', Date_),
		preparedBy: Type.String(),
		cover: doc(
			'Who covers the sergeant; null when nobody is named.',
			Nullable(StrictObject({name: Type.String(), officerId: Nullable(Type.String())})),
		),
		covers: doc(
			"Each cover over the window with the days they cover, earliest first: the one named (--cover) for the whole window, else the covers recorded for the sergeant's absences on the days each is at work (a cover away for part of an absence gives two entries, its gap in `uncovered`); empty when nobody is named or at work.",
			Type.Array(HandoverCoverSchema),
		),
		uncovered: doc(
			'The days of the window on which the sergeant is away and the cover named for them is away too, so nobody covers (README: never "covered by"), earliest first; `covers` leaves these days out. Empty when a cover is named for the handover (--cover).',
			Type.Array(HandoverUncoveredSchema),
		),
		inspector: doc(
			"The team's inspector, who decides what a cover cannot (bail extensions at inspector level, escalated triggers).",
			Nullable(StrictObject({name: Type.String(), officerId: Type.String()})),
		),
		generatedAt: doc('When the document was written: a UTC instant, YYYY-MM-DDTHH:MM:SS(.sss)Z.', InstantSchema),
		chainHead: doc('Review-chain head as "seq:sha256", or "empty": proves which signed reviews this document reflects.', ChainHeadSchema),
		includesWelfare: Type.Boolean(),
		alreadyDue: doc('Overdue: still outstanding with a date before today (overdue reviews, lapsed bail...).', Type.Array(WindowItemSchema)),
		dueBeforeWindow: doc(
			'Not yet due today but falling due before the window opens (empty when the window opens today or earlier).',
			Type.Array(WindowItemSchema),
		),
		reviewDrafts: doc('Reviews started and not signed: whose and since when, never their content.', Type.Array(ReviewDraftNoteSchema)),
		inWindow: doc('Every dated item from the first to the last day of the window, by date.', Type.Array(WindowItemSchema)),
		decisions: doc('Critical and red problems as of today, most urgent first, with what to do.', Type.Array(DecisionSchema)),
		coverOwnProblems: doc(
			'Problems as of today, of any severity, about a cover (one with an officer id) or a case they hold, that need a supervisor\'s act the cover may not do on themselves (no one supervises themselves): screening or tenure review due, an undecided performance trigger, their workload, their case\'s bail. Each with who does it instead. A review or check-in said by a dated item marked "independent supervisor" is not repeated here. Empty when no cover holds any.',
			Type.Array(CoverOwnProblemSchema),
		),
		officers: Type.Array(OfficerSectionSchema),
	},
	{$id: 'https://fortnight.local/schema/handover-6.json', title: 'fortnight handover'},
);
export type Handover = Static<typeof HandoverSchema>;
