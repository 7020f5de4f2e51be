/**
 * The handover document's shape, written as TypeBox schemas so the TypeScript type and the JSON Schema
 * that `fortnight handover --schema` prints can never disagree. The JSON export is exactly this object.
 * Text fields hold store text after safeText in the JSON export; dates are YYYY-MM-DD.
 */
import {Type, type Static, type TSchema} from '@sinclair/typebox';

export const HANDOVER_SCHEMA_ID = 'fortnight-handover/1';

const Date_ = Type.String({pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD'});
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const doc = <T extends TSchema>(description: string, t: T) => ({...t, description}) as T;

export const WINDOW_KINDS = [
	'bail-return',
	'bail-period-end',
	'review-due',
	'victim-update-due',
	'forensic-result-expected',
	'cps-due',
	'court-date',
	'welfare-check-in-due',
	'absence-start',
	'absence-end',
] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const WindowItemSchema = Type.Object({
	date: Date_,
	kind: Type.Union(WINDOW_KINDS.map(k => Type.Literal(k))),
	/** Words for the kind, e.g. "Bail return". */
	label: Type.String(),
	caseRef: doc('Crime reference, when the item belongs to a case.', Nullable(Type.String())),
	officerId: doc('Officer in the case, or the officer the item is about.', Nullable(Type.String())),
	officerName: Nullable(Type.String()),
	/** Plain words built by fortnight (no store text): who must act and by when. */
	detail: Type.String(),
	/** For bail period ends: who must authorise the next extension, and the last day they can. */
	authority: doc('Who must authorise the next bail extension.', Nullable(Type.String())),
	actBy: doc('Last day to act (bail: the period end; an extension cannot be granted after it).', Nullable(Date_)),
	/** For absences: who covers. */
	coverName: Nullable(Type.String()),
	/** Store text the item is about, e.g. the forensic item ("USB memory stick"). */
	about: Nullable(Type.String()),
});
export type WindowItem = Static<typeof WindowItemSchema>;

/** A way to clear a problem (README "Acting on a problem"), as `fortnight problems --json` gives it. */
export const ResolveSchema = Type.Object({
	way: Type.String(),
	/** What to do, in words. */
	label: Type.String(),
	desk: doc('The desk key that opens it and where it works; null when only the command line does it.', Nullable(Type.Object({key: Type.String(), where: Type.String()}))),
	command: doc('The command line (what the person supplies in capitals); null when only the desk does it.', Nullable(Type.String())),
});

export const DecisionSchema = Type.Object({
	severity: Type.Union([Type.Literal('critical'), Type.Literal('red')]),
	kind: Type.String(),
	caseRef: Nullable(Type.String()),
	officerId: Type.String(),
	officerName: Type.String(),
	message: Type.String(),
	/** What to do about it. */
	action: Type.String(),
	due: Nullable(Date_),
	resolve: doc('The ways to clear it: the desk key and the command.', Type.Array(ResolveSchema)),
});
export type Decision = Static<typeof DecisionSchema>;

export const AbsenceInWindowSchema = Type.Object({
	from: Date_,
	to: doc('Last day away; null while open-ended.', Nullable(Date_)),
	reason: Type.String(),
	/** "on sick leave", "on annual leave", ... */
	reasonWords: Type.String(),
	coverName: doc('Who covers; null when nobody is named.', Nullable(Type.String())),
});

export const BailSummarySchema = Type.Object({
	suspect: Type.String(),
	returnDate: Date_,
	periodEnd: doc('Last day of the authorised bail period.', Date_),
	nextAuthority: doc('Who must authorise the next extension.', Type.String()),
	nextAuthorityBy: doc('The day by which they must (the period end: bail cannot be extended after it).', Date_),
	daysToReturn: Type.Integer(),
	lapsed: Type.Boolean(),
});

export const CaseSectionSchema = Type.Object({
	ref: Type.String(),
	offence: Type.String(),
	risk: Type.String(),
	status: Type.String(),
	bail: Nullable(BailSummarySchema),
	rui: Nullable(Type.Object({suspect: Type.String(), since: Date_, lastSuspectUpdate: Nullable(Date_)})),
	lastReview: Nullable(Type.Object({date: Date_, byId: Type.String(), byName: Type.String()})),
	nextReviewDue: Date_,
	openActions: Type.Array(
		Type.Object({text: Type.String(), ownerId: Type.String(), ownerName: Type.String(), due: Date_, status: Type.String()}),
	),
	materialLocations: Type.Array(Type.String()),
	lastUpdate: Nullable(Date_),
	daysSinceUpdate: Type.Integer(),
});
export type CaseSection = Static<typeof CaseSectionSchema>;

export const WelfareNoteOutSchema = Type.Object({date: Date_, byName: Type.String(), text: Type.String()});

export const OfficerSectionSchema = Type.Object({
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
	actionPlan: doc('A performance action plan in place: yes or no and its review date only, never its detail.', Type.Object({inPlace: Type.Boolean(), reviewDate: Nullable(Date_)})),
	welfareCheckInDue: doc('When the next welfare check-in is due (never what was said).', Nullable(Date_)),
	welfareNotes: doc('Only with --include-welfare: recent welfare notes, newest first. OFFICIAL-SENSITIVE.', Type.Optional(Type.Array(WelfareNoteOutSchema))),
	cases: Type.Array(CaseSectionSchema),
});
export type OfficerSection = Static<typeof OfficerSectionSchema>;

export const HandoverSchema = Type.Object(
	{
		schema: Type.Literal(HANDOVER_SCHEMA_ID),
		/** "OFFICIAL" normally; "OFFICIAL-SENSITIVE" when welfare notes are included. */
		marking: Type.Union([Type.Literal('OFFICIAL'), Type.Literal('OFFICIAL-SENSITIVE')]),
		team: Type.Object({name: Type.String(), unit: Type.String(), force: Type.String()}),
		period: Type.Object({from: Date_, to: Date_, days: Type.Integer()}),
		today: doc('The date problems and clocks were worked out for.', Date_),
		preparedBy: Type.String(),
		cover: doc('Who covers the sergeant; null when nobody is named.', Nullable(Type.Object({name: Type.String(), officerId: Nullable(Type.String())}))),
		generatedAt: doc('ISO timestamp, UTC.', Type.String()),
		chainHead: doc('Review-chain head as "seq:sha256", or "empty": proves which signed reviews this document reflects.', Type.String()),
		includesWelfare: Type.Boolean(),
		alreadyDue: doc('Still outstanding with a date before the window opens (overdue reviews, lapsed bail...).', Type.Array(WindowItemSchema)),
		inWindow: doc('Every dated item from the first to the last day of the window, by date.', Type.Array(WindowItemSchema)),
		decisions: doc('Critical and red problems as of today, most urgent first, with what to do.', Type.Array(DecisionSchema)),
		officers: Type.Array(OfficerSectionSchema),
	},
	{$id: 'https://fortnight.local/schema/handover-1.json', title: 'fortnight handover'},
);
export type Handover = Static<typeof HandoverSchema>;
