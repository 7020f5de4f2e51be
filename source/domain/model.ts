/**
 * The store's shape, written once as TypeBox schemas so the TypeScript types and the load-time
 * validator can never disagree. TypeBox is a pure library (no I/O), so this stays domain code.
 *
 * Dates: every date-only value is an ISO `YYYY-MM-DD` string with no time zone, so a bail date never
 * moves at a clock change. Timestamps (`...At`) are full ISO instants in UTC.
 */
import {Type, type Static, type TSchema} from '@sinclair/typebox';
import {ABSENCE_REASONS, LIVE_STATUSES, MAX_TEXT, RANKS, RISKS, SCHEMA_VERSION} from './model-values.js';
import type {SetAsideRecord} from './set-aside.js';

// Plain values kept in model-values.ts (loaded without TypeBox, issue 18), re-exported for everyone else.
export {MAX_TEXT, RANKS, RISKS};

const IsoDate = Type.String({pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description: 'YYYY-MM-DD'});
const Instant = Type.String({maxLength: 40, description: 'ISO timestamp, UTC'});
const Text = (max = MAX_TEXT) => Type.String({maxLength: max});
const Id = Type.String({minLength: 1, maxLength: 80});
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const List = <T extends TSchema>(t: T, max = 1_000_000) => Type.Array(t, {maxItems: max});

export const RiskSchema = Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);
export type Risk = Static<typeof RiskSchema>;

export type Rank = (typeof RANKS)[number];
export const RankSchema = Type.Union(RANKS.map(r => Type.Literal(r)));

/** What an officer does in the team: decides who supervises whom and who appears in workload. */
export const RoleSchema = Type.Union([Type.Literal('investigator'), Type.Literal('sergeant'), Type.Literal('inspector')]);
export type Role = Static<typeof RoleSchema>;

export const OfficerSchema = Type.Object({
	/** Stable id used by every reference in the store. */
	id: Id,
	/** Collar or staff number, used to match records-system exports. */
	collarNumber: Text(20),
	name: Text(120),
	rank: RankSchema,
	role: RoleSchema,
	/** Contracted hours per week; FTE is hours / settings.fullTimeHours. */
	hoursPerWeek: Type.Number({minimum: 1, maximum: 60}),
	/** Date the officer joined this unit (tenure and new-starter rules run from it). */
	joinedUnit: IsoDate,
	/** Works with indecent images (ICAT tenure and screening rules apply). */
	imageExposed: Type.Boolean(),
	/** Mentor's officer id, for new starters. */
	mentorId: Nullable(Id),
	/** Line manager's officer id (a sergeant for detectives, an inspector for sergeants). */
	supervisorId: Nullable(Id),
	/** Date the officer left the unit; null while in post. */
	leftUnit: Nullable(IsoDate),
	/** The operating-system login of this officer, so the person at the keyboard is known without --as (README, "Who you are"). */
	login: Type.Optional(Type.String({minLength: 1, maxLength: 64})),
});
export type Officer = Static<typeof OfficerSchema>;

export const AbsenceReasonSchema = Type.Union([
	Type.Literal('sick'),
	Type.Literal('annual-leave'),
	Type.Literal('training'),
	Type.Literal('restricted-duties'),
	Type.Literal('other'),
]);
export type AbsenceReason = Static<typeof AbsenceReasonSchema>;
// The plain values live in model-values.ts (loaded without TypeBox); re-exported here for everyone else.
export {ABSENCE_REASONS};

/** An absence records a reason category only: never a diagnosis or any other health detail. */
export const AbsenceSchema = Type.Object({
	id: Id,
	officerId: Id,
	from: IsoDate,
	/** Last day of the absence; null while open-ended (for example sick with no return date yet). */
	to: Nullable(IsoDate),
	reason: AbsenceReasonSchema,
	/** Who covers the officer's duties (for a sergeant, their reviews). Null = nobody named. */
	coverOfficerId: Nullable(Id),
	recordedAt: Instant,
	/**
	 * The session's day (`--today`) when the record was made on a day other than the clock's (worked-day.ts; README "`fortnight handover` and `fortnight absence`"):
	 * the rules know the absence from that day (rules/context.ts knownFrom). Absent otherwise.
	 */
	recordedOn: Type.Optional(IsoDate),
	recordedBy: Id,
	/**
	 * The first record of the absence this record is a later part of: a cover changed for some days of an
	 * absence splits it into consecutive parts, each with its own cover, so the days before the change keep
	 * the cover they had (README "Absences": history, not just the present). Absent on a whole absence.
	 */
	partOf: Type.Optional(Id),
});
export type Absence = Static<typeof AbsenceSchema>;

export const CrimeUpdateSchema = Type.Object({
	date: IsoDate,
	/**
	 * Who wrote the entry. On one with `source` 'import' it is the case's OIC when it was imported, whose case
	 * it was, not who wrote it (update-author.ts): kept so that a fortnight from before the marker still reads it.
	 */
	authorId: Id,
	text: Text(),
	/**
	 * 'import': the entry came from `fortnight import`, whose CSV names no author, so it is the records
	 * system's, shown so and never counted as an officer's own act (docs/rules.md "Updates from the records
	 * system"; QA 8 R6). Absent on every other update, and on imported ones stored before the marker.
	 */
	source: Type.Optional(Type.Literal('import')),
});
export type CrimeUpdate = Static<typeof CrimeUpdateSchema>;

/**
 * Pre-charge bail. `regime` is fixed when the suspect is first bailed: cases bailed before
 * 28 October 2022 stay under the older limits.
 */
export const BailRegimeSchema = Type.Union([Type.Literal('pre-2022'), Type.Literal('pcsc-2022')]);
export type BailRegime = Static<typeof BailRegimeSchema>;

export const BailAuthoritySchema = Type.Union([
	Type.Literal('custody-officer'),
	Type.Literal('inspector'),
	Type.Literal('superintendent'),
	Type.Literal('assistant-chief-constable'),
	Type.Literal('magistrates-court'),
]);
export type BailAuthority = Static<typeof BailAuthoritySchema>;

export const BailExtensionSchema = Type.Object({
	/** Date the extension was authorised. */
	date: IsoDate,
	authority: BailAuthoritySchema,
	/** Name of the person who authorised it. */
	authorisedBy: Text(120),
	/** The bail period's new last day. */
	periodEnd: IsoDate,
});
export type BailExtension = Static<typeof BailExtensionSchema>;

export const BailSchema = Type.Object({
	regime: BailRegimeSchema,
	/** Day of arrest; the bail period runs from the day after. */
	bailedOn: IsoDate,
	/** Date the suspect must answer bail (return to custody). */
	returnDate: IsoDate,
	extensions: List(BailExtensionSchema, 50),
	/** Set when bail ends (charged, released NFA, moved to RUI). */
	endedOn: Nullable(IsoDate),
	/** Suspect's initials only. */
	suspect: Text(12),
});
export type Bail = Static<typeof BailSchema>;

export const RuiSchema = Type.Object({
	since: IsoDate,
	/** Last time the suspect was told how the investigation stands. */
	lastSuspectUpdate: Nullable(IsoDate),
	suspect: Text(12),
	endedOn: Nullable(IsoDate),
});
export type Rui = Static<typeof RuiSchema>;

// --- Bail events (schema version 2, issue 16) ---------------------------------------------------
// What happened to a case's bail and who recorded it: extensions with the authorising officer and
// rank, re-bail with a new return date, and how bail ended. `Case.bail` stays the bail as it stands now
// (the clock reads it); these are its history, appended by `fortnight bail record` (domain/bail-record.ts).

export const BailEventKindSchema = Type.Union([
	Type.Literal('extended'),
	Type.Literal('re-bailed'),
	Type.Literal('charged'),
	Type.Literal('rui'),
	Type.Literal('nfa'),
	Type.Literal('released'),
]);
export type BailEventKind = Static<typeof BailEventKindSchema>;

export const BailEventSchema = Type.Object({
	event: BailEventKindSchema,
	/** The day it happened: the extension authorised, the suspect re-bailed, charged, released. */
	on: IsoDate,
	/** The return date before the event (null when the case had no running bail: an RUI from no bail). */
	returnDateBefore: Nullable(IsoDate),
	/** The return date after the event (extended with a new date, re-bailed); null when bail ended. */
	returnDate: Nullable(IsoDate),
	/** An extension's stage (whose authority the statute requires) and the period's new last day. */
	authority: Nullable(BailAuthoritySchema),
	periodEnd: Nullable(IsoDate),
	/** Who authorised an extension, and their rank as stated (checked against the stage). */
	authorisedBy: Nullable(Text(120)),
	rank: Nullable(Text(60)),
	/** Who recorded it in fortnight, and when. */
	recordedBy: Id,
	recordedAt: Instant,
});
export type BailEvent = Static<typeof BailEventSchema>;
// --- end of bail events -----------------------------------------------------------------------------

export const VictimSchema = Type.Object({
	/** Victim's initials only. */
	initials: Text(12),
	serviceLevel: Type.Union([Type.Literal('standard'), Type.Literal('enhanced')]),
	/** Date the victim first reported (the Victims' Code clock starts here). */
	reportedOn: IsoDate,
	/** Every update given to the victim, oldest first. */
	updates: List(IsoDate, 10_000),
});
export type Victim = Static<typeof VictimSchema>;

export const ForensicSchema = Type.Object({
	id: Id,
	item: Text(200),
	submitted: IsoDate,
	/** Date the lab has said a result is expected; null if unknown. */
	expected: Nullable(IsoDate),
	/** Date the result came back; null while waiting. */
	resultOn: Nullable(IsoDate),
});
export type Forensic = Static<typeof ForensicSchema>;

export const Mg3StatusSchema = Type.Union([
	Type.Literal('not-started'),
	Type.Literal('in-progress'),
	Type.Literal('submitted'),
	Type.Literal('advice-received'),
	Type.Literal('charged'),
	Type.Literal('no-further-action'),
	Type.Literal('not-required'),
]);
export type Mg3Status = Static<typeof Mg3StatusSchema>;

export const CpsSchema = Type.Object({
	mg3Status: Mg3StatusSchema,
	/** Date the MG3 entered its current status (an MG3 "in progress" for years is a stalled deliverable). */
	mg3Since: Nullable(IsoDate),
	/** Date CPS advice or a charging decision is due back. */
	cpsDueDate: Nullable(IsoDate),
	courtDate: Nullable(IsoDate),
});
export type Cps = Static<typeof CpsSchema>;

export const ActionStatusSchema = Type.Union([
	Type.Literal('open'),
	Type.Literal('in-progress'),
	Type.Literal('done'),
	Type.Literal('dropped'),
]);
export type ActionStatus = Static<typeof ActionStatusSchema>;

export const ActionEventSchema = Type.Object({
	date: IsoDate,
	event: Type.Union([
		Type.Literal('created'),
		Type.Literal('started'),
		Type.Literal('carried'),
		Type.Literal('done'),
		Type.Literal('dropped'),
		Type.Literal('edited'),
	]),
	/** Chain sequence of the review that recorded this event, if any. */
	reviewSeq: Nullable(Type.Integer({minimum: 0})),
	reason: Nullable(Text(2000)),
	by: Id,
});
export type ActionEvent = Static<typeof ActionEventSchema>;

export const ActionSchema = Type.Object({
	id: Id,
	text: Text(2000),
	ownerId: Id,
	due: IsoDate,
	status: ActionStatusSchema,
	createdOn: IsoDate,
	/** Date work started ("in progress" since). */
	startedOn: Nullable(IsoDate),
	/** Consecutive reviews this action has been carried over without being done. */
	carriedCount: Type.Integer({minimum: 0}),
	history: List(ActionEventSchema, 1000),
});
export type Action = Static<typeof ActionSchema>;

// ---- History (schema 2, README "Case history"): who held a case and its risk over time, and who
// supervised the team. Rules ask about the day they judge (source/domain/case-history.ts), so a
// reallocation or a new sergeant never rewrites the past. Kept as one block so other schema
// additions merge beside it.

/** One officer's time holding a case. */
export const AllocationSchema = Type.Object({
	officerId: Id,
	/** First day the officer held the case. */
	from: IsoDate,
	/** The day the case passed to the next officer (that allocation's `from`); null while this officer holds it. */
	to: Nullable(IsoDate),
	/** Who allocated it; null when not recorded (allocations made before the history was kept). */
	by: Nullable(Id),
	reason: Text(2000),
	/** When it was recorded; null when not recorded. */
	recordedAt: Nullable(Instant),
	/** The day the command or desk worked as, when not recordedAt's own (worked-day.ts). Absent otherwise. */
	recordedOn: Type.Optional(IsoDate),
});
export type Allocation = Static<typeof AllocationSchema>;

/** One level of a case's risk and from when it held. */
export const RiskChangeSchema = Type.Object({
	risk: RiskSchema,
	/** First day the case had this risk. */
	from: IsoDate,
	/** Who set it; null when not recorded. */
	by: Nullable(Id),
	reason: Text(4000),
	/** Chain sequence of the signed review that set it, if a review did. */
	reviewSeq: Nullable(Type.Integer({minimum: 0})),
});
export type RiskChange = Static<typeof RiskChangeSchema>;

export const TeamRoleSchema = Type.Union([Type.Literal('sergeant'), Type.Literal('inspector')]);
export type TeamRole = Static<typeof TeamRoleSchema>;

/** Who was the team's sergeant, or its inspector, over a span of days. */
export const TeamRolePeriodSchema = Type.Object({
	role: TeamRoleSchema,
	officerId: Id,
	/** First day in the role; null when it began before the team's history was kept. */
	from: Nullable(IsoDate),
	/** The day the next holder of the role took over; null while this officer holds it. */
	to: Nullable(IsoDate),
	by: Nullable(Id),
	reason: Text(2000),
});
export type TeamRolePeriod = Static<typeof TeamRolePeriodSchema>;

// ---- end of the history block

export const CaseStatusSchema = Type.Union([
	Type.Literal('investigation'),
	Type.Literal('awaiting-forensics'),
	Type.Literal('with-cps'),
	Type.Literal('charged'),
	Type.Literal('court'),
	Type.Literal('closed'),
]);
export type CaseStatus = Static<typeof CaseStatusSchema>;
/** Statuses in which a case still needs 14-day supervision (model-values.ts). */
export {LIVE_STATUSES};

export const CaseSchema = Type.Object({
	/** Crime reference, unique in the store, e.g. "CR/0412/25". */
	ref: Type.String({minLength: 1, maxLength: 40}),
	offence: Text(300),
	/** A few words for narrow columns, e.g. "IIOC distribution". */
	offenceShort: Text(40),
	risk: RiskSchema,
	status: CaseStatusSchema,
	oicId: Id,
	opened: IsoDate,
	closedOn: Nullable(IsoDate),
	arrestDate: Nullable(IsoDate),
	bail: Nullable(BailSchema),
	/** Bail events recorded in fortnight, oldest first (schema version 2). */
	bailEvents: List(BailEventSchema, 1000),
	rui: Nullable(RuiSchema),
	victim: Nullable(VictimSchema),
	updates: List(CrimeUpdateSchema, 100_000),
	forensics: List(ForensicSchema, 1000),
	cps: CpsSchema,
	/** Where the case's material is physically or digitally kept ("kept all over the place" no more). */
	materialLocations: List(Text(300), 100),
	actions: List(ActionSchema, 10_000),
	/** Next review date, set at sign-off (or when the case is allocated). */
	nextReviewDue: IsoDate,
	/** Date the case was allocated to its current OIC. */
	allocatedOn: IsoDate,
	// History (schema 2): the last allocation is the current one (oicId from allocatedOn), the last
	// risk change the current risk; the store refuses data where they disagree (store/validate.ts).
	/** Every officer who held the case, oldest first. */
	allocations: List(AllocationSchema, 10_000),
	/** The case's risk over time, oldest first. */
	riskHistory: List(RiskChangeSchema, 10_000),
});
export type Case = Static<typeof CaseSchema>;

/** Welfare events record only that something happened, never what was said. Notes live in the welfare file. */
export const WelfareEventSchema = Type.Object({
	id: Id,
	officerId: Id,
	date: IsoDate,
	kind: Type.Union([
		Type.Literal('check-in'),
		Type.Literal('one-to-one'),
		Type.Literal('wellbeing-questionnaire'),
		Type.Literal('psychological-screening'),
		Type.Literal('tenure-review'),
		// Support agreed for a new starter's old cases with the officer and mentor (docs/rules.md "New
		// starters"): a supervisory record like a one-to-one, recorded and signed by who may record that.
		Type.Literal('new-starter-support'),
	]),
	by: Id,
	/**
	 * A new-starter support agreement only: the old cases it covers, those the officer held on its day
	 * (welfare-record.ts). Absent on every other kind, so records signed before it existed verify as signed.
	 */
	caseRefs: Type.Optional(List(Type.String({minLength: 1, maxLength: 40}), 1000)),
	/** A new-starter support agreement only: the officer's mentor that day, when one was recorded. */
	mentorId: Type.Optional(Id),
	/** Flags raised at the event (occupational health referral, stress risk assessment, ...). */
	flags: List(
		Type.Union([
			Type.Literal('oh-referral'),
			Type.Literal('stress-risk-assessment'),
			Type.Literal('phased-return'),
			Type.Literal('screening-booked'),
		]),
		10,
	),
});
export type WelfareEvent = Static<typeof WelfareEventSchema>;
export type WelfareFlag = WelfareEvent['flags'][number];

/** A supervisor's recorded performance concern (not welfare): two in 60 days feed the trigger. */
export const ConcernSchema = Type.Object({
	id: Id,
	officerId: Id,
	date: IsoDate,
	by: Id,
	text: Text(2000),
	caseRef: Nullable(Type.String({maxLength: 40})),
});
export type Concern = Static<typeof ConcernSchema>;

/** A performance action plan (Police (Performance) Regulations 2020, first stage). */
export const ActionPlanSchema = Type.Object({
	id: Id,
	officerId: Id,
	started: IsoDate,
	/** Written improvement notice is valid 12 months from the first-stage meeting. */
	expires: IsoDate,
	reviewDate: IsoDate,
	endedOn: Nullable(IsoDate),
	decisionSeq: Nullable(Type.Integer({minimum: 0})),
});
export type ActionPlan = Static<typeof ActionPlanSchema>;

export const ActionOutcomeSchema = Type.Object({
	actionId: Id,
	outcome: Type.Union([Type.Literal('done'), Type.Literal('carried'), Type.Literal('dropped')]),
	reason: Nullable(Text(2000)),
	/** Carried-over count after this review. */
	carriedCount: Type.Integer({minimum: 0}),
});
export type ActionOutcome = Static<typeof ActionOutcomeSchema>;

export const NewActionSchema = Type.Object({
	id: Id,
	text: Text(2000),
	ownerId: Id,
	due: IsoDate,
});
export type NewAction = Static<typeof NewActionSchema>;

export const PerformanceDecisionKindSchema = Type.Union([Type.Literal('action-plan'), Type.Literal('not-now'), Type.Literal('escalate')]);
export type PerformanceDecisionKind = Static<typeof PerformanceDecisionKindSchema>;

/** Signed review of one case: immutable once in the chain. */
export const ReviewDataSchema = Type.Object({
	caseRef: Type.String({maxLength: 40}),
	/** The review's date (the day the sergeant signed). */
	date: IsoDate,
	reviewerId: Id,
	oicId: Id,
	/** The date the review was due, so lateness is fixed at signing. */
	dueDate: IsoDate,
	previousReviewDate: Nullable(IsoDate),
	riskBefore: RiskSchema,
	riskAfter: RiskSchema,
	riskRationale: Nullable(Text(4000)),
	actionOutcomes: List(ActionOutcomeSchema, 1000),
	newActions: List(NewActionSchema, 1000),
	noActionReason: Nullable(Text(2000)),
	/** Whether the OIC's performance trigger had fired, and the decision entry recorded for it. */
	triggerFired: Type.Boolean(),
	triggerDecision: Nullable(PerformanceDecisionKindSchema),
	concernRecorded: Type.Boolean(),
	/** Only that a welfare check-in happened: never its content. */
	welfareCheckIn: Type.Boolean(),
	nextReviewDue: IsoDate,
	summary: Text(4000),
});
export type ReviewData = Static<typeof ReviewDataSchema>;

export const AmendmentDataSchema = Type.Object({
	/** Sequence of the chain entry being corrected. */
	amends: Type.Integer({minimum: 0}),
	date: IsoDate,
	by: Id,
	reason: Text(4000),
	/** Field name to corrected value, as text. */
	corrections: Type.Record(Type.String({maxLength: 60}), Text(4000)),
});
export type AmendmentData = Static<typeof AmendmentDataSchema>;

export const PerformanceDecisionDataSchema = Type.Object({
	officerId: Id,
	date: IsoDate,
	by: Id,
	decision: PerformanceDecisionKindSchema,
	reason: Nullable(Text(4000)),
	/** The trigger evidence as it stood when decided, in words. */
	evidence: List(Text(400), 50),
	caseRef: Nullable(Type.String({maxLength: 40})),
});
export type PerformanceDecisionData = Static<typeof PerformanceDecisionDataSchema>;

/**
 * A public key enrolled for an officer (README, "Signatures"): from this entry on, entries that
 * officer authors are checked against it. The first enrolment in a store is its creator's own,
 * self-signed (`first: true`); every later one is signed by someone entitled to enrol (the team's
 * inspector, or its sergeant for the team's officers).
 */
export const EnrolmentDataSchema = Type.Object({
	officerId: Id,
	/** Ed25519 public key, SPKI PEM. */
	publicKey: Type.String({maxLength: 400}),
	/** SHA-256 of the key's DER, hex: how people compare keys by eye. */
	fingerprint: Type.String({pattern: '^[0-9a-f]{64}$'}),
	date: IsoDate,
	by: Id,
	first: Type.Boolean(),
});
export type EnrolmentData = Static<typeof EnrolmentDataSchema>;

/**
 * A supervisory record (README, "Signed records"): a bail event, a welfare event, a reallocation or an
 * absence added, changed, ended or cancelled, made by a person and changing what the rules conclude.
 * The state keeps the record where the rules read it (a case's bail events and allocations, the
 * welfare events, the absences); the chain keeps a signed copy, so `verify` can say who recorded it
 * and that it is unchanged (source/domain/record-check.ts). A welfare record never holds a note: the
 * private note stays in the welfare file only, and no hash of it enters the chain (README says why).
 */
export const AllocationRecordSchema = Type.Object({
	officerId: Id,
	from: IsoDate,
	by: Nullable(Id),
	reason: Text(2000),
	recordedAt: Nullable(Instant),
	recordedOn: Type.Optional(IsoDate),
});
export const RecordDataSchema = Type.Union([
	Type.Object({record: Type.Literal('bail-event'), by: Id, caseRef: Type.String({maxLength: 40}), event: BailEventSchema}),
	Type.Object({record: Type.Literal('welfare-event'), by: Id, event: WelfareEventSchema}),
	Type.Object({
		record: Type.Literal('reallocation'),
		by: Id,
		caseRef: Type.String({maxLength: 40}),
		/** Who held the case before. */
		fromOfficerId: Id,
		/** The new allocation as the case records it (its `to` is left out: it is set when the case moves on). */
		allocation: AllocationRecordSchema,
	}),
	Type.Object({
		record: Type.Literal('absence'),
		by: Id,
		action: Type.Union([Type.Literal('added'), Type.Literal('changed'), Type.Literal('ended'), Type.Literal('cancelled')]),
		/** The absence as it stands after the action (as it stood, for a cancellation). */
		absence: AbsenceSchema,
	}),
]);
export type RecordData = Static<typeof RecordDataSchema>;

const entryFields = {
	seq: Type.Integer({minimum: 0}),
	/** Hash of the previous entry ("0" x 64 for the first). */
	prevHash: Type.String({pattern: '^[0-9a-f]{64}$'}),
	/** SHA-256 of the canonical JSON of {seq, prevHash, kind, signedAt, data} (and author, when signed). */
	hash: Type.String({pattern: '^[0-9a-f]{64}$'}),
	signedAt: Instant,
	/** Officer id of the entry's author, who signed it; absent on entries made before signatures. */
	author: Type.Optional(Id),
	/** Ed25519 signature (base64) by the author's enrolled key over the UTF-8 bytes of `hash`. */
	sig: Type.Optional(Type.String({pattern: '^[A-Za-z0-9+/]{86}==$'})),
};
export const ChainEntrySchema = Type.Union([
	Type.Object({...entryFields, kind: Type.Literal('review'), data: ReviewDataSchema}),
	Type.Object({...entryFields, kind: Type.Literal('amendment'), data: AmendmentDataSchema}),
	Type.Object({...entryFields, kind: Type.Literal('performance-decision'), data: PerformanceDecisionDataSchema}),
	Type.Object({...entryFields, kind: Type.Literal('enrolment'), data: EnrolmentDataSchema}),
	Type.Object({...entryFields, kind: Type.Literal('record'), data: RecordDataSchema}),
]);
export type ChainEntry = Static<typeof ChainEntrySchema>;
export type EnrolmentEntry = Extract<ChainEntry, {kind: 'enrolment'}>;
export type ReviewEntry = Extract<ChainEntry, {kind: 'review'}>;
export type DecisionEntry = Extract<ChainEntry, {kind: 'performance-decision'}>;
export type AmendmentEntry = Extract<ChainEntry, {kind: 'amendment'}>;
export type RecordEntry = Extract<ChainEntry, {kind: 'record'}>;

/** A review in progress: saved as the sergeant goes so nothing is lost. Free-form by step. */
export const ReviewDraftSchema = Type.Object({
	caseRef: Type.String({maxLength: 40}),
	reviewerId: Id,
	startedAt: Instant,
	updatedAt: Instant,
	/** The days the desk worked as when it started and last saved the draft, when not the instants' own (worked-day.ts). */
	startedOn: Type.Optional(IsoDate),
	savedOn: Type.Optional(IsoDate),
	step: Type.Integer({minimum: 0, maximum: 20}),
	/** Step answers; validated by the review logic, not the loader, so a half-filled draft still loads. */
	answers: Type.Record(Type.String({maxLength: 60}), Type.Unknown()),
});
export type ReviewDraft = Static<typeof ReviewDraftSchema>;

/**
 * A whole number of days, months, years or items, within bounds: every setting has a range, because a
 * value such as 1e15 days is a valid integer that no date can be added to (README "Where the store lives").
 */
const Whole = (minimum: number, maximum: number) => Type.Integer({minimum, maximum});
/** A number (fractions allowed) within bounds. */
const Between = (minimum: number, maximum: number) => Type.Number({minimum, maximum});

/** Every number the rules use, each bounded to a range a force could mean; docs/rules.md names the settings each rule reads. */
export const SettingsSchema = Type.Object({
	reviewCadenceDays: Type.Object({high: Whole(1, 90), medium: Whole(1, 90), low: Whole(1, 90)}),
	reviewCapDays: Whole(1, 90),
	reviewOverdueAmberDays: Whole(0, 90),
	reviewOverdueRedDays: Whole(0, 365),
	/** 28 October 2022: bail given on or after this date runs under the PCSC Act 2022 limits. */
	bailRegimeChangeDate: IsoDate,
	bailAmberDays: Whole(0, 365),
	bailRedDays: Whole(0, 365),
	ruiUpdateDays: Whole(1, 365),
	victimStandardFirstDays: Whole(0, 365),
	victimEnhancedFirstDays: Whole(0, 365),
	victimEnhancedSecondDays: Whole(0, 365),
	victimIntervalDays: Whole(1, 365),
	updateAmberDays: Whole(1, 365),
	updateRedDays: Whole(1, 365),
	stalledCarriedReviews: Whole(1, 50),
	stalledInProgressDays: Whole(1, 365),
	/** Word-shingle Jaccard similarity at or above which two updates count as near-identical. */
	nearIdenticalSimilarity: Between(0, 1),
	forensicAmberDays: Whole(1, 1825),
	forensicRedDays: Whole(1, 1825),
	workloadPoints: Type.Object({high: Between(0, 100), medium: Between(0, 100), low: Between(0, 100)}),
	fullTimeHours: Between(1, 60),
	/** Points per FTE the team is resourced for (100%). */
	capacityPointsPerFte: Between(1, 1000),
	workloadExcessivePercent: Between(1, 1000),
	spanOfControlWarn: Whole(1, 100),
	spanOfControlUsual: Whole(1, 100),
	welfareCheckInDays: Whole(1, 365),
	newStarterMonths: Whole(0, 60),
	newStarterOneToOneDays: Whole(1, 365),
	wellbeingQuestionnaireDays: Whole(1, 1095),
	tenureReviewYears: Whole(1, 40),
	tenureMoveYears: Whole(1, 40),
	screeningAfterYears: Whole(1, 40),
	screeningIntervalMonths: Whole(1, 60),
	oldCaseMonths: Whole(1, 240),
	triggerRedUpdateCases: Whole(1, 100),
	triggerConcerns: Whole(1, 100),
	triggerConcernWindowDays: Whole(1, 730),
	triggerDecisionDays: Whole(1, 365),
	triggerNotNowLimit: Whole(1, 20),
	actionPlanValidMonths: Whole(1, 60),
	/**
	 * The team's crime reference format, a regular expression a whole reference must match (import, and
	 * every command that takes a reference); absent in older stores, which use the default (domain/crime-ref.ts).
	 */
	crimeRefPattern: Type.Optional(Type.String({minLength: 1, maxLength: 200})),
});
export type Settings = Static<typeof SettingsSchema>;

export const TeamSchema = Type.Object({
	id: Id,
	name: Text(120),
	unit: Text(200),
	force: Text(120),
	/** The sergeant who normally runs this team's reviews. */
	sergeantId: Id,
	inspectorId: Nullable(Id),
	/** History (schema 2): the team's sergeants and inspectors over time, oldest first; the open periods are sergeantId and inspectorId. */
	supervision: List(TeamRolePeriodSchema, 10_000),
});
export type Team = Static<typeof TeamSchema>;

/**
 * 2: case allocation and risk history, team supervision history, case bail events (store/migrate.ts).
 * 3: the review chain may live in its own file beside the store (`chainLog` below). A version-2 file is
 * the same shape with the whole chain inside; it is read as it is and split on its first save.
 */
export {SCHEMA_VERSION}; // model-values.ts

/**
 * Where the chain lives when it has its own file (source/store/README.md, "The review chain file"): the
 * entries and bytes of that file the store has committed to. Anything after `bytes` was never committed
 * (a save that crashed between the append and the state write) and is not part of the chain. With it,
 * `chain` in the state holds only the entries the rules and signing read (chain-working-set.ts).
 */
export const ChainLogSchema = Type.Object({
	entries: Type.Integer({minimum: 0}),
	bytes: Type.Integer({minimum: 0}),
});
export type ChainLog = Static<typeof ChainLogSchema>;

export const StoreSchema = Type.Object({
	schemaVersion: Type.Literal(SCHEMA_VERSION),
	/** Bumped on every write: an instance holding an older revision must re-read before writing. */
	revision: Type.Integer({minimum: 0}),
	updatedAt: Instant,
	/** For a bundled demo: the date its scenarios are written against (used when it is first copied). */
	referenceDate: Nullable(IsoDate),
	team: TeamSchema,
	settings: SettingsSchema,
	officers: List(OfficerSchema, 10_000),
	absences: List(AbsenceSchema, 100_000),
	cases: List(CaseSchema, 1_000_000),
	welfareEvents: List(WelfareEventSchema, 1_000_000),
	concerns: List(ConcernSchema, 1_000_000),
	actionPlans: List(ActionPlanSchema, 100_000),
	/**
	 * The review chain, oldest first: the whole chain, or, when `chainLog` is present, the working set the
	 * state keeps (each case's last review, every other entry, and so the head); see chain-working-set.ts.
	 */
	chain: List(ChainEntrySchema, 10_000_000),
	drafts: List(ReviewDraftSchema, 100_000),
	chainLog: Type.Optional(ChainLogSchema),
});
/**
 * A store snapshot. `setAside` is never stored: the PostgreSQL loader lists there the rows it could not
 * read and left out (set-aside.ts); a file store has none (one file, one owner: a malformed file is refused).
 */
export type StoreData = Static<typeof StoreSchema> & {setAside?: readonly SetAsideRecord[]};
