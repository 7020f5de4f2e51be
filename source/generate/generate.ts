/**
 * Deterministic synthetic stores: the bundled demo team (60 cases) and department- or force-scale
 * stores for benchmarks. Every group of officers repeats the source case's pattern (a struggling
 * detective off sick two days before a bail return, an MG3 "in progress" for years, identical update
 * text, a part-time detective with a full-time load, a new starter with old cases and a busy mentor,
 * a sergeant whose absences had no cover), so every rule fires at any size.
 *
 * Pure: the chain is signed through the `sign` function the caller passes (hashing lives in store/).
 */
import {addDays, addYears, daysBetween, type IsoDate} from '../domain/dates.js';
import type {
	Absence,
	Action,
	ActionOutcome,
	Case,
	ChainEntry,
	Concern,
	ActionPlan,
	NewAction,
	Officer,
	PerformanceDecisionData,
	ReviewData,
	Risk,
	StoreData,
	WelfareEvent,
} from '../domain/model.js';
import {SCHEMA_VERSION} from '../domain/model.js';
import {BAIL_LADDER, regimeFor, statutoryPeriodEnd} from '../domain/bail.js';
import {newCaseRecord} from '../domain/new-case.js';
import {seedStoreHistory} from '../domain/history-seed.js';
import {DEFAULT_SETTINGS} from '../domain/settings.js';
import type {Signer} from '../domain/signer.js';
import {makeRng, type Rng} from './random.js';
import {reviewSummary} from './review-summary.js';
import {
	ACTION_TEXTS,
	CONCERN_TEXTS,
	FIRST_NAMES,
	FORENSIC_ITEMS,
	LAST_NAMES,
	MATERIAL_LOCATIONS,
	NOT_NOW_REASONS,
	OFFENCES,
	UPDATE_TEXTS,
} from './vocabulary.js';

export interface GenerateOptions {
	cases: number;
	seed: string;
	/** The "today" the scenarios are written against. */
	referenceDate: IsoDate;
	/**
	 * Sergeants' teams to divide the cases between (default: one for each group of about 60 cases). A team
	 * of several groups has one sergeant over all their detectives; four teams to an inspector, as ever.
	 */
	teams?: number;
}

export interface GeneratedWelfareNote {
	officerId: string;
	date: IsoDate;
	by: string;
	text: string;
}

/** Text the struggling detective wrote on two cases on the same day (the source case, verbatim in spirit). */
export const IDENTICAL_UPDATE =
	'In the process of trying to complete the MG3. The grading machine has stopped working, which will cause delay.';
export const MG3_UPDATE = 'In the process of completing the MG3; should be complete by the end of the week.';

type Archetype = 'struggling' | 'part-time' | 'new-starter' | 'mentor' | 'on-leave' | 'steady';
const GROUP_ARCHETYPES: readonly Archetype[] = [
	'struggling',
	'part-time',
	'new-starter',
	'mentor',
	'on-leave',
	'steady',
	'steady',
	'steady',
	'steady',
];
/** Relative share of a group's cases each archetype carries (the part-timer carries a full-time load). */
const CASE_WEIGHT: Record<Archetype, number> = {struggling: 9, 'part-time': 8, 'new-starter': 4, mentor: 8, 'on-leave': 6, steady: 6};

interface Group {
	index: number;
	sergeant: Officer;
	/** The first group of its sergeant's team (the sergeant's own absences and welfare events go with it). */
	leadsTeam: boolean;
	investigators: {officer: Officer; archetype: Archetype}[];
}

interface Builder {
	rng: Rng;
	/**
	 * A second stream for wording only (review summaries): drawing from it never moves the main stream,
	 * so the demo's cases, references and dates stay what the tests and the README show.
	 */
	words: Rng;
	ref: IsoDate;
	officers: Officer[];
	absences: Absence[];
	cases: Case[];
	welfareEvents: WelfareEvent[];
	concerns: Concern[];
	actionPlans: ActionPlan[];
	/** Chain payloads, signed in date order at the end. */
	pending: {date: IsoDate; order: string; kind: ChainEntry['kind']; data: ChainEntry['data']}[];
	notes: GeneratedWelfareNote[];
	usedRefs: Set<string>;
	/** officer|date|text already written, so ordinary updates never repeat by chance on one day (only the scenarios do). */
	usedTexts: Set<string>;
	roleCounts: Record<Officer['role'], number>;
	seq: number;
}

/**
 * The most cases a generated store may have, checked before any work (`generate --cases 100001` used to
 * build for 44 s and then fail validation). Two ceilings: the store's 10,000 officers (a group of 60
 * cases has at most 11 officers plus a quarter of an inspector, so 53,309 cases for every seed), and the
 * loader, which reads the state file as one string (V8's limit is 536,870,888 characters). The review
 * chain, three quarters of a store, has its own file read line by line, so a 50,000-case store's state
 * is about 210 MB (it was 650 MB as one file, which could not be read back).
 */
export const MAX_GENERATED_CASES = 50_000;

export function generateStore(options: GenerateOptions, sign: Signer): {data: StoreData; welfareNotes: GeneratedWelfareNote[]} {
	if (!(options.cases <= MAX_GENERATED_CASES)) throw new RangeError(`generateStore: at most ${MAX_GENERATED_CASES} cases`);
	const total = Math.max(1, Math.floor(options.cases));
	const b: Builder = {
		rng: makeRng(options.seed),
		words: makeRng(`${options.seed}:words`),
		ref: options.referenceDate,
		officers: [],
		absences: [],
		cases: [],
		welfareEvents: [],
		concerns: [],
		actionPlans: [],
		pending: [],
		notes: [],
		usedRefs: new Set(),
		usedTexts: new Set(),
		roleCounts: {investigator: 0, sergeant: 0, inspector: 0},
		seq: 0,
	};
	const groupCount = Math.max(1, Math.round(total / 60));
	const teams = options.teams ?? groupCount;
	if (!(Number.isInteger(teams) && teams >= 1 && teams <= groupCount))
		throw new RangeError(`generateStore: teams must be 1 to ${groupCount}`);
	const inspectors: Officer[] = [];
	for (let i = 0; i < Math.max(1, Math.ceil(teams / 4)); i++) {
		inspectors.push(
			addOfficer(b, {
				rank: 'DI',
				role: 'inspector',
				hoursPerWeek: 40,
				joinedUnit: addDays(b.ref, -b.rng.int(400, 1500)),
				imageExposed: false,
				supervisorId: null,
			}),
		);
	}
	const groups: Group[] = [];
	let sergeant: Officer | null = null;
	for (let g = 0; g < groupCount; g++) {
		// Groups in order, team by team: group g is in team floor(g * teams / groupCount).
		const team = Math.floor((g * teams) / groupCount);
		const leadsTeam = g === 0 || Math.floor(((g - 1) * teams) / groupCount) !== team;
		if (leadsTeam) {
			sergeant = addOfficer(b, {
				rank: 'DS',
				role: 'sergeant',
				hoursPerWeek: 40,
				joinedUnit: addDays(b.ref, -b.rng.int(900, 1400)),
				imageExposed: true,
				supervisorId: inspectors[Math.floor(team / 4)]!.id,
			});
		}
		// Group 0 has nine detectives (span of control over 8); others vary around the usual six.
		const size = g === 0 ? 9 : b.rng.int(6, 10);
		const investigators = [];
		for (let i = 0; i < size; i++) {
			const archetype = GROUP_ARCHETYPES[i % GROUP_ARCHETYPES.length]!;
			investigators.push({archetype, officer: makeInvestigator(b, archetype, sergeant!.id)});
		}
		const mentor = investigators.find(x => x.archetype === 'mentor');
		const starter = investigators.find(x => x.archetype === 'new-starter');
		if (mentor && starter) starter.officer.mentorId = mentor.officer.id;
		groups.push({index: g, sergeant: sergeant!, investigators, leadsTeam});
		if (leadsTeam) addSergeantAbsences(b, team, sergeant!);
	}
	// Spread cases over groups, then over each group's detectives by archetype weight.
	let made = 0;
	for (const group of groups) {
		const share = group.index === groups.length - 1 ? total - made : Math.round(total / groupCount);
		addGroupCases(b, group, share);
		made += share;
	}
	for (const group of groups) addGroupPeople(b, group);
	checkInsFromEvents(b);

	b.pending.sort((x, y) => (x.date === y.date ? (x.order < y.order ? -1 : x.order > y.order ? 1 : 0) : x.date < y.date ? -1 : 1));
	const chain: ChainEntry[] = [];
	for (const p of b.pending) {
		const minutes = 8 * 60 + (chain.length % 600);
		const signedAt = `${p.date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;
		chain.push(sign(chain, p.kind, p.data, signedAt));
	}
	const first = groups[0]!;
	const data: StoreData = {
		schemaVersion: SCHEMA_VERSION,
		revision: 0,
		updatedAt: `${b.ref}T07:00:00.000Z`,
		referenceDate: b.ref,
		team: {
			id: 'polit-east',
			name: 'POLIT: online child abuse investigation team',
			unit: 'Public Protection, Paedophile Online Investigation Team',
			force: 'Eastshire Constabulary',
			sergeantId: first.sergeant.id,
			inspectorId: inspectors[0]!.id,
			supervision: [],
		},
		settings: structuredClone(DEFAULT_SETTINGS),
		officers: b.officers,
		absences: b.absences,
		cases: b.cases,
		welfareEvents: b.welfareEvents.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)),
		concerns: b.concerns,
		actionPlans: b.actionPlans,
		chain,
		drafts: [],
	};
	// History from what the store records, exactly as the schema 1 migration seeds it: a generated store
	// and an older generated store migrated read the same (test/store/migrate-history.test.ts).
	return {data: seedStoreHistory(data), welfareNotes: b.notes};
}

/** Names by role, so the demo's detectives, sergeant and inspector read the same at every size. */
function nameFor(b: Builder, role: Officer['role']): string {
	const n = b.roleCounts[role]++;
	const i =
		role === 'investigator' ? (n < 9 ? n : n + 2) : role === 'sergeant' ? (n === 0 ? 9 : 1000 + n * 5) : n === 0 ? 10 : 2000 + n * 3;
	const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
	const last = LAST_NAMES[(i + Math.floor(i / LAST_NAMES.length)) % LAST_NAMES.length]!;
	return `${first} ${last}`;
}

function addOfficer(
	b: Builder,
	fields: Pick<Officer, 'rank' | 'role' | 'hoursPerWeek' | 'joinedUnit' | 'imageExposed' | 'supervisorId'>,
): Officer {
	const n = b.officers.length + 1;
	const name = nameFor(b, fields.role);
	const officer: Officer = {
		id: `o${String(n).padStart(4, '0')}`,
		collarNumber: String(4000 + n * 7),
		name,
		mentorId: null,
		leftUnit: null,
		...fields,
	};
	b.officers.push(officer);
	return officer;
}

function makeInvestigator(b: Builder, archetype: Archetype, sergeantId: string): Officer {
	const {rng, ref} = b;
	const base = {rank: 'DC' as const, role: 'investigator' as const, hoursPerWeek: 40, imageExposed: true, supervisorId: sergeantId};
	switch (archetype) {
		case 'struggling':
			return addOfficer(b, {...base, joinedUnit: addDays(ref, -rng.int(2000, 2150))});
		case 'part-time':
			return addOfficer(b, {...base, hoursPerWeek: 20, joinedUnit: addDays(ref, -rng.int(700, 1100))});
		case 'new-starter':
			return addOfficer(b, {...base, rank: 'TDC', joinedUnit: addDays(ref, -rng.int(55, 70))});
		case 'mentor':
			return addOfficer(b, {...base, joinedUnit: addDays(ref, -rng.int(1480, 1600))});
		case 'on-leave':
			return addOfficer(b, {...base, joinedUnit: addDays(ref, -rng.int(300, 900))});
		case 'steady':
			return addOfficer(b, {
				...base,
				hoursPerWeek: rng.chance(0.15) ? 32 : 40,
				joinedUnit: addDays(ref, -rng.int(200, 1200)),
				imageExposed: rng.chance(0.85),
			});
	}
}

function addAbsence(
	b: Builder,
	officerId: string,
	from: IsoDate,
	to: IsoDate | null,
	reason: Absence['reason'],
	coverOfficerId: string | null,
	recordedBy: string,
): void {
	// A future absence is booked ahead (recorded a week before the reference date), so the rules can warn.
	const recorded = from <= b.ref ? from : addDays(b.ref, -7);
	b.absences.push({
		id: `ab${String(b.absences.length + 1).padStart(4, '0')}`,
		officerId,
		from,
		to,
		reason,
		coverOfficerId,
		recordedAt: `${recorded}T08:00:00.000Z`,
		recordedBy,
	});
}

/** The source case's sergeant: two months off with nobody covering, and another operation booked. */
function addSergeantAbsences(b: Builder, g: number, sergeant: Officer): void {
	if (g % 2 === 0)
		addAbsence(b, sergeant.id, addDays(b.ref, -210), addDays(b.ref, -150), 'sick', null, sergeant.supervisorId ?? sergeant.id);
	if (g % 3 === 0) addAbsence(b, sergeant.id, addDays(b.ref, 10), addDays(b.ref, 66), 'sick', null, sergeant.id);
}

function crimeRef(b: Builder, opened: IsoDate): string {
	for (;;) {
		const r = `CR/${String(b.rng.int(10000, 99999))}/${opened.slice(2, 4)}`;
		if (!b.usedRefs.has(r)) {
			b.usedRefs.add(r);
			return r;
		}
	}
}

function initials(rng: Rng): string {
	const L = 'ABCDEFGHJKLMNPRSTW';
	return `${L[rng.int(0, L.length - 1)]}${L[rng.int(0, L.length - 1)]}`;
}

type Scenario =
	| 'bail-officer-absent'
	| 'mg3-forever'
	| 'bail-red'
	| 'bail-amber-extended'
	| 'bail-lapsed'
	| 'bail-pre-2022'
	| 'rui-stale'
	| 'victim-standard-overdue'
	| 'victim-enhanced-new'
	| 'forensic-amber'
	| 'forensic-red'
	| 'forensic-six-months'
	| 'stalled-in-progress'
	| 'old-case-new-starter'
	| 'near-identical-a'
	| 'near-identical-b'
	| 'court-soon'
	| 'cps-due'
	| 'review-red'
	| 'review-amber'
	| 'review-today'
	| 'ordinary';

/** Who carries each scenario case in a group, so the story holds together. */
const SCENARIO_OWNER: Record<Exclude<Scenario, 'ordinary'>, Archetype | number> = {
	'bail-officer-absent': 'struggling',
	'mg3-forever': 'struggling',
	'bail-red': 5,
	'bail-amber-extended': 6,
	'bail-lapsed': 7,
	'bail-pre-2022': 'mentor',
	'rui-stale': 8,
	'victim-standard-overdue': 'on-leave',
	'victim-enhanced-new': 'part-time',
	'forensic-amber': 5,
	'forensic-red': 'mentor',
	'forensic-six-months': 6,
	'stalled-in-progress': 6,
	'old-case-new-starter': 'new-starter',
	'near-identical-a': 5,
	'near-identical-b': 5,
	'court-soon': 'part-time',
	'cps-due': 7,
	'review-red': 8,
	'review-amber': 'part-time',
	'review-today': 'steady',
};
const SCENARIOS = Object.keys(SCENARIO_OWNER) as Exclude<Scenario, 'ordinary'>[];

function ownerFor(group: Group, who: Archetype | number): Officer {
	if (typeof who === 'number') return (group.investigators[who] ?? group.investigators[who % group.investigators.length]!).officer;
	return (group.investigators.find(x => x.archetype === who) ?? group.investigators[0]!).officer;
}

function addGroupCases(b: Builder, group: Group, count: number): void {
	const planned: {scenario: Scenario; oic: Officer}[] = [];
	for (const s of SCENARIOS) {
		if (planned.length >= count) break;
		planned.push({scenario: s, oic: ownerFor(group, SCENARIO_OWNER[s])});
		if (s === 'old-case-new-starter' && planned.length < count) planned.push({scenario: s, oic: ownerFor(group, 'new-starter')});
	}
	// Fill the rest by weight, topping up whoever is furthest below their share.
	const weights = group.investigators.map(x => CASE_WEIGHT[x.archetype]);
	const weightSum = weights.reduce((a, w) => a + w, 0);
	const held = new Map<string, number>();
	for (const p of planned) held.set(p.oic.id, (held.get(p.oic.id) ?? 0) + 1);
	while (planned.length < count) {
		let best = 0;
		let bestGap = -Infinity;
		group.investigators.forEach((x, i) => {
			const gap = (weights[i]! / weightSum) * count - (held.get(x.officer.id) ?? 0);
			if (gap > bestGap) {
				bestGap = gap;
				best = i;
			}
		});
		const oic = group.investigators[best]!.officer;
		held.set(oic.id, (held.get(oic.id) ?? 0) + 1);
		planned.push({scenario: 'ordinary', oic});
	}
	const struggling = ownerFor(group, 'struggling');
	const pair: Case[] = [];
	const near: Case[] = [];
	for (const p of planned) {
		const c = makeCase(b, group, p.scenario, p.oic);
		b.cases.push(c);
		if ((p.scenario === 'bail-officer-absent' || p.scenario === 'mg3-forever') && p.oic.id === struggling.id) pair.push(c);
		if (p.scenario === 'near-identical-a' || p.scenario === 'near-identical-b') near.push(c);
	}
	// The same words on two cases on the same day, then silence (source case).
	const sameDay = addDays(b.ref, -40);
	for (const c of pair) {
		c.updates = c.updates.filter(u => u.date < sameDay);
		c.updates.push({date: sameDay, authorId: struggling.id, text: IDENTICAL_UPDATE});
	}
	if (near.length === 2) {
		const d = addDays(b.ref, -9);
		near[0]!.updates.push({
			date: d,
			authorId: near[0]!.oicId,
			text: 'Chased DFU for the extraction results on the seized laptop, no date given yet.',
		});
		near[1]!.updates.push({
			date: d,
			authorId: near[1]!.oicId,
			text: 'Chased DFU for extraction results on the seized laptop - no date given yet',
		});
	}
}

function cadence(risk: Risk): number {
	return DEFAULT_SETTINGS.reviewCadenceDays[risk];
}

function makeCase(b: Builder, group: Group, scenario: Scenario, oic: Officer): Case {
	const {rng, ref} = b;
	// The part-time detective's cases are the heavier ones (source case: a full-time load on part-time hours).
	const heavy = oic.hoursPerWeek <= 20;
	let risk: Risk = rng.next() < (heavy ? 0.4 : 0.15) ? 'high' : heavy || rng.next() < 0.55 ? 'medium' : 'low';
	const [offence, offenceShort] = rng.pick(OFFENCES);
	let opened = addDays(ref, -rng.int(30, 420));
	let allocatedOn = opened;
	let status: Case['status'] = rng.pick(['investigation', 'investigation', 'awaiting-forensics', 'with-cps'] as const);
	let lastUpdateAgo = rng.chance(0.8) ? rng.int(0, 12) : rng.int(15, 45);
	let nextDueOffset = rng.chance(0.9) ? rng.int(1, cadence(risk)) : -rng.int(1, 10);
	const c: Case = newCaseRecord({
		ref: '',
		offence,
		offenceShort,
		risk,
		status,
		oicId: oic.id,
		opened,
		materialLocations: [rng.pick(MATERIAL_LOCATIONS)],
		nextReviewDue: ref,
		allocatedOn,
	});
	const suspect = initials(rng);
	const bailFrom = (bailedOn: IsoDate, returnDate: IsoDate): void => {
		c.arrestDate = bailedOn;
		c.bail = {
			regime: regimeFor(bailedOn, DEFAULT_SETTINGS.bailRegimeChangeDate),
			bailedOn,
			returnDate,
			extensions: [],
			endedOn: null,
			suspect,
		};
	};
	switch (scenario) {
		case 'bail-officer-absent': // returns two days after the OIC went sick
			risk = 'low';
			opened = addDays(ref, -320);
			bailFrom(addDays(ref, -80), addDays(ref, 2));
			lastUpdateAgo = 40;
			break;
		case 'mg3-forever':
			risk = 'low';
			opened = addDays(ref, -1100);
			status = 'investigation';
			c.cps = {mg3Status: 'in-progress', mg3Since: addDays(ref, -945), cpsDueDate: null, courtDate: null};
			c.rui = {since: addDays(ref, -1000), lastSuspectUpdate: addDays(ref, -200), suspect, endedOn: null};
			c.arrestDate = addDays(ref, -1000);
			lastUpdateAgo = 40;
			break;
		case 'bail-red':
			bailFrom(addDays(ref, -60), addDays(ref, 5));
			break;
		case 'bail-amber-extended': {
			const bailedOn = addDays(ref, -170);
			bailFrom(bailedOn, addDays(ref, 12));
			const periodEnd = statutoryPeriodEnd('pcsc-2022', bailedOn, 'inspector')!;
			c.bail!.extensions.push({date: addDays(bailedOn, 85), authority: 'inspector', authorisedBy: 'Insp. K. Lawson', periodEnd});
			break;
		}
		case 'bail-lapsed': {
			// Returned a week before the period ended, and nobody recorded what happened next.
			const bailedOn = addDays(ref, -95);
			bailFrom(bailedOn, addDays(statutoryPeriodEnd('pcsc-2022', bailedOn, 'custody-officer')!, -7));
			break;
		}
		case 'bail-pre-2022': {
			const bailedOn = '2022-09-20';
			opened = '2022-08-02';
			bailFrom(bailedOn, addDays(ref, 9));
			const periodEnd = statutoryPeriodEnd('pre-2022', bailedOn, 'superintendent')!;
			c.bail!.extensions.push({date: '2022-10-14', authority: 'superintendent', authorisedBy: 'Supt. A. Begum', periodEnd});
			c.bail!.extensions.push({
				date: '2022-12-15',
				authority: 'magistrates-court',
				authorisedBy: "Eastshire Magistrates' Court",
				periodEnd: addDays(ref, 40),
			});
			status = 'with-cps';
			break;
		}
		case 'rui-stale':
			c.arrestDate = addDays(ref, -120);
			c.rui = {since: addDays(ref, -120), lastSuspectUpdate: addDays(ref, -40), suspect, endedOn: null};
			break;
		case 'victim-standard-overdue':
			break;
		case 'victim-enhanced-new':
			opened = addDays(ref, -2);
			risk = 'high';
			nextDueOffset = 5;
			break;
		case 'forensic-amber':
		case 'forensic-red':
		case 'forensic-six-months':
			status = 'awaiting-forensics';
			opened = addDays(ref, -240);
			break;
		case 'stalled-in-progress':
			opened = addDays(ref, -200);
			break;
		case 'old-case-new-starter':
			opened = addDays(ref, -rng.int(420, 700));
			allocatedOn = addDays(ref, -50);
			break;
		case 'court-soon':
			status = 'court';
			c.cps = {mg3Status: 'charged', mg3Since: addDays(ref, -90), cpsDueDate: null, courtDate: addDays(ref, 8)};
			break;
		case 'cps-due':
			status = 'with-cps';
			c.cps = {mg3Status: 'submitted', mg3Since: addDays(ref, -20), cpsDueDate: addDays(ref, 6), courtDate: null};
			break;
		case 'review-red':
			risk = 'medium';
			nextDueOffset = -11;
			break;
		case 'review-amber':
			risk = 'medium';
			nextDueOffset = -3;
			break;
		case 'review-today':
			nextDueOffset = 0;
			break;
		case 'near-identical-a':
		case 'near-identical-b':
			lastUpdateAgo = 9;
			break;
		case 'ordinary':
			if (rng.chance(0.18)) bailFrom(addDays(ref, -rng.int(10, 70)), addDays(ref, rng.int(20, 30)));
			else if (rng.chance(0.15)) {
				c.arrestDate = addDays(ref, -rng.int(30, 200));
				c.rui = {since: c.arrestDate, lastSuspectUpdate: addDays(ref, -rng.int(0, 20)), suspect, endedOn: null};
			}
			if (rng.chance(0.05) && c.cps.mg3Status === 'not-started' && status === 'with-cps')
				c.cps = {
					mg3Status: 'submitted',
					mg3Since: addDays(ref, -rng.int(5, 25)),
					cpsDueDate: addDays(ref, rng.int(3, 30)),
					courtDate: null,
				};
			break;
	}
	if (c.bail && c.bail.bailedOn < opened) opened = addDays(c.bail.bailedOn, -rng.int(10, 40));
	if (c.arrestDate && c.arrestDate < opened) opened = addDays(c.arrestDate, -rng.int(10, 40));
	if (allocatedOn < opened || scenario !== 'old-case-new-starter') allocatedOn = opened;
	// Nobody holds a case before they join the unit: a case older than its officer's time here came to
	// them when they joined (a new starter's inherited cases), and someone else held it before.
	if (allocatedOn < oic.joinedUnit) allocatedOn = oic.joinedUnit;
	const before = allocatedOn > opened ? previousHolder(group, oic, opened) : oic;
	c.risk = risk;
	c.status = status;
	c.opened = opened;
	c.allocatedOn = allocatedOn;
	c.ref = crimeRef(b, opened);
	if (status === 'with-cps' && c.cps.mg3Status === 'not-started')
		c.cps = {mg3Status: 'submitted', mg3Since: addDays(ref, -rng.int(5, 40)), cpsDueDate: addDays(ref, rng.int(5, 40)), courtDate: null};

	if (c.bail) c.bail.returnDate = withinPeriod(c.bail);
	addVictim(b, c, scenario);
	addForensics(b, c, scenario);
	addUpdates(b, c, scenario, {oic, before}, lastUpdateAgo);
	addReviewsAndActions(b, group, c, scenario, nextDueOffset, before);
	return c;
}

/** Whoever held a case before it came to `oic`: their mentor, else a colleague already in the unit then. */
function previousHolder(group: Group, oic: Officer, opened: IsoDate): Officer {
	const inPost = (o: Officer) => o.id !== oic.id && o.joinedUnit <= opened;
	const mentor = group.investigators.find(x => x.officer.id === oic.mentorId)?.officer;
	if (mentor && inPost(mentor)) return mentor;
	return group.investigators.map(x => x.officer).find(inPost) ?? group.sergeant;
}

/**
 * A bail return date inside the bail period, with three days to spare: the first-run copy moves every
 * date by the same number of days, and a period counted in months from the moved bail date can end up
 * to three days earlier (30 November plus three months is 28 February), so a return set on the last
 * day would fall after the period's end in some moves.
 */
function withinPeriod(bail: NonNullable<Case['bail']>): IsoDate {
	const end = bail.extensions.at(-1)?.periodEnd ?? statutoryPeriodEnd(bail.regime, bail.bailedOn, BAIL_LADDER[bail.regime][0]!.authority)!;
	const latest = bail.extensions.length > 0 ? end : addDays(end, -3);
	return bail.returnDate > latest ? latest : bail.returnDate;
}

function addVictim(b: Builder, c: Case, scenario: Scenario): void {
	const {rng, ref} = b;
	if (scenario === 'victim-enhanced-new') {
		c.victim = {initials: initials(rng), serviceLevel: 'enhanced', reportedOn: c.opened, updates: []};
		return;
	}
	if (c.offence.startsWith('Possession') && rng.chance(0.6)) return; // no identified victim
	const serviceLevel = rng.chance(0.55) ? 'enhanced' : 'standard';
	const updates: IsoDate[] = [];
	let d = addDays(c.opened, 1);
	while (d < ref) {
		updates.push(d);
		d = addDays(d, rng.int(10, 26));
	}
	if (scenario === 'victim-standard-overdue') {
		while (updates.length && daysBetween(updates.at(-1)!, ref) < 35) updates.pop();
		if (!updates.length || daysBetween(updates.at(-1)!, ref) !== 35) updates.push(addDays(ref, -35));
		c.victim = {initials: initials(rng), serviceLevel: 'standard', reportedOn: c.opened, updates};
		return;
	}
	c.victim = {initials: initials(rng), serviceLevel, reportedOn: c.opened, updates};
}

function addForensics(b: Builder, c: Case, scenario: Scenario): void {
	const {rng, ref} = b;
	const add = (ago: number, result: boolean): void => {
		const submitted = addDays(ref, -ago);
		c.forensics.push({
			id: `${c.ref}-f${c.forensics.length + 1}`,
			item: rng.pick(FORENSIC_ITEMS),
			submitted,
			expected: result ? null : rng.chance(0.5) ? addDays(ref, rng.int(3, 60)) : null,
			resultOn: result ? addDays(submitted, rng.int(20, Math.max(21, ago - 1))) : null,
		});
	};
	if (scenario === 'forensic-amber') add(70, false);
	else if (scenario === 'forensic-red') add(130, false);
	else if (scenario === 'forensic-six-months') {
		add(182, false);
		add(95, false);
	} else if (scenario === 'mg3-forever') add(900, true);
	else if (rng.chance(0.5)) {
		const age = daysBetween(c.opened, ref);
		// Never before the case opened (a case opened this week cannot have waited ten days at DFU).
		const ago = Math.min(age, rng.int(Math.min(10, age), Math.max(10, Math.min(age, 55))));
		add(ago, ago > 40 && rng.chance(0.5));
	}
}

/** Who held the case: `oic` from its allocation day, `before` until then. */
interface Holders {
	oic: Officer;
	before: Officer;
}

function holderOn(c: Case, h: Holders, date: IsoDate): Officer {
	return date < c.allocatedOn ? h.before : h.oic;
}

function addUpdates(b: Builder, c: Case, scenario: Scenario, holders: Holders, lastUpdateAgo: number): void {
	const {rng, ref} = b;
	const oic = holders.oic;
	const last = addDays(ref, -lastUpdateAgo);
	const dates: IsoDate[] = [];
	if (scenario === 'mg3-forever') {
		// Monthly "completing the MG3" for years, then six months of nothing.
		for (let d = c.cps.mg3Since!; d < addDays(ref, -190); d = addDays(d, rng.int(25, 40))) dates.push(d);
		for (const d of dates) c.updates.push({date: d, authorId: oic.id, text: MG3_UPDATE});
		return;
	}
	let d = last;
	const start = c.opened > addDays(ref, -200) ? c.opened : addDays(ref, -200);
	while (d >= start) {
		dates.unshift(d);
		d = addDays(d, -rng.int(6, 18));
	}
	// A case opened after its last update would have been: its one update is on the day it opened.
	if (dates.length === 0) dates.push(c.opened > ref ? ref : c.opened > last ? c.opened : last);
	for (const date of dates) {
		const author = holderOn(c, holders, date);
		let i = UPDATE_TEXTS.indexOf(rng.pick(UPDATE_TEXTS));
		const used = (k: number) => b.usedTexts.has(`${author.id}|${date}|${k}`);
		for (let tries = 0; tries < UPDATE_TEXTS.length && used(i); tries++) i = (i + 1) % UPDATE_TEXTS.length;
		b.usedTexts.add(`${author.id}|${date}|${i}`);
		c.updates.push({date, authorId: author.id, text: UPDATE_TEXTS[i]!});
	}
}

/** Why an action is carried over, as the sergeant would record it: what it is waiting for. */
const CARRIED_BECAUSE: Record<string, string> = {
	'Chase DFU for the extraction of the seized devices': 'DFU still have no date for the extraction',
	'Grade the images on the seized laptop (Cat A to C)': 'grading is half done; the OIC was on a course this fortnight',
	'Obtain the ABE interview transcript': 'the transcript is still with the typing unit',
	'Update the victim and family on progress': 'the family were away; a visit is booked',
	'Submit the file to CPS for charging advice': 'two statements are still outstanding for the file',
	"Request comms data for the suspect's accounts": 'the application is waiting for authorisation',
	'Arrange a further interview with the suspect on the new disclosure': 'the solicitor has not yet given a date',
	'Attend the safeguarding strategy meeting': "the meeting was moved by children's social care",
	'Review bail conditions with the custody sergeant': 'the custody sergeant was on rest days',
	'Obtain statements from the remaining witnesses': 'one witness has not answered two visits',
	'Complete CAID checks on the new images': 'CAID was down for maintenance',
	'Review the DFU report and identify further lines of enquiry': 'the DFU report arrived only this week',
};
const MG3_CARRIED = 'OIC says the MG3 is nearly complete.';

/**
 * The action text drawn, or the next in the list that suits the case: never one already open on it
 * (the same action twice), never a bail action on a case not on bail that day. Chosen after the draw,
 * so the seeded stream moves exactly as before.
 */
function suitableAction(drawn: string, c: Case, date: IsoDate, inUse: ReadonlySet<string>): string {
	const onBail = c.bail !== null && c.bail.bailedOn <= date && (c.bail.endedOn === null || c.bail.endedOn > date);
	// A file already with CPS (or charged), or one waiting on an MG3 still being written, is not submitted again.
	const withCps = c.cps.mg3Status !== 'not-started' && c.cps.mg3Since !== null && c.cps.mg3Since <= date;
	const start = ACTION_TEXTS.indexOf(drawn);
	for (let k = 0; k < ACTION_TEXTS.length; k++) {
		const text = ACTION_TEXTS[(start + k) % ACTION_TEXTS.length]!;
		if (!inUse.has(text) && (onBail || !/\bbail\b/i.test(text)) && !(withCps && text.startsWith('Submit the file to CPS'))) return text;
	}
	return drawn;
}

function addReviewsAndActions(b: Builder, group: Group, c: Case, scenario: Scenario, nextDueOffset: number, before: Officer): void {
	const {rng, ref} = b;
	const sergeant = group.sergeant;
	const oic = b.officers.find(o => o.id === c.oicId)!;
	const every = cadence(c.risk);
	c.nextReviewDue = addDays(ref, nextDueOffset);
	const lastReview = addDays(c.nextReviewDue, -every);
	const absence = b.absences.find(a => a.officerId === sergeant.id && a.to !== null && a.to < ref);
	const dates: IsoDate[] = [];
	const windowStart = c.opened > addDays(ref, -150) ? c.opened : addDays(ref, -150);
	for (let d = lastReview; d > windowStart; d = addDays(d, -every - rng.int(0, 2))) {
		if (d > ref) continue;
		// Nobody reviewed while the sergeant was off without cover (source case).
		if (absence && d >= absence.from && d <= absence.to!) continue;
		dates.unshift(d);
	}
	onTime(dates, every, b.words);
	if (dates.length === 0 && lastReview <= ref && lastReview > c.opened) dates.push(lastReview);

	let open: Action[] = [];
	let prevDate: IsoDate | null = null;
	let prevDue: IsoDate | null = null;
	let n = 0;
	const mg3 = scenario === 'mg3-forever';
	// The stalled scenario's in-progress action is added below: never also drawn as an ordinary one.
	const reserved = scenario === 'stalled-in-progress' ? ['Grade the images on the seized laptop (Cat A to C)'] : [];
	for (const [i, date] of dates.entries()) {
		const isLast = i === dates.length - 1;
		// Each review sets the next within the risk cadence (README "The guided 14-day review"); the next
		// one happens then or a day or two late (the log's late reviews), or much later after the absence.
		const due = isLast ? c.nextReviewDue : addDays(date, every);
		const holder = holderOn(c, {oic, before}, date);
		const outcomes: ActionOutcome[] = [];
		const kept: Action[] = [];
		const done: string[] = [];
		const carried: {text: string; reason: string; times: number}[] = [];
		for (const a of open) {
			// The case's open actions went with it when it was reallocated (README "Case history").
			if (a.ownerId !== holder.id) a.ownerId = holder.id;
			const carry = mg3 ? a.text.startsWith('Complete the MG3') : rng.chance(0.15);
			if (carry) {
				a.carriedCount += 1;
				a.due = due;
				const reason = mg3 ? MG3_CARRIED : `${CARRIED_BECAUSE[a.text] ?? 'waiting on another agency'}.`;
				a.history.push({
					date,
					event: 'carried',
					reviewSeq: null,
					reason: reason.charAt(0).toUpperCase() + reason.slice(1),
					by: sergeant.id,
				});
				outcomes.push({actionId: a.id, outcome: 'carried', reason: a.history.at(-1)!.reason, carriedCount: a.carriedCount});
				kept.push(a);
				carried.push({text: a.text, reason: reason, times: a.carriedCount});
			} else {
				a.status = 'done';
				a.history.push({date, event: 'done', reviewSeq: null, reason: null, by: sergeant.id});
				outcomes.push({actionId: a.id, outcome: 'done', reason: null, carriedCount: a.carriedCount});
				done.push(a.text);
			}
		}
		const fresh: NewAction[] = [];
		const want = mg3 && !kept.some(a => a.text.startsWith('Complete the MG3')) ? 1 : rng.int(1, 2);
		for (let k = 0; k < want; k++) {
			n += 1;
			// Not one still open, nor one just marked done (it would be set again the moment it was finished).
			const inUse = new Set([...reserved, ...kept.map(a => a.text), ...done]);
			const needsMg3 = mg3 && !kept.some(a => a.text.startsWith('Complete the MG3'));
			const text = needsMg3 ? 'Complete the MG3 and submit the file to CPS' : suitableAction(rng.pick(ACTION_TEXTS), c, date, inUse);
			fresh.push({id: `${c.ref}-a${n}`, text, ownerId: holder.id, due});
			const created = {date, event: 'created' as const, reviewSeq: null, reason: null, by: sergeant.id};
			const id = `${c.ref}-a${n}`;
			kept.push({id, text, ownerId: holder.id, due, status: 'open', createdOn: date, startedOn: null, carriedCount: 0, history: [created]});
		}
		// Drawn to keep the seeded stream where it was; whether a check-in happened is set from the
		// welfare events once they exist (checkInsFromEvents), as signing records both together.
		rng.chance(0.2);
		const facts = {date, due: prevDue, c, oic: holder, risk: c.risk, done, carried, fresh: fresh.map(x => x.text), mg3};
		const summary = reviewSummary(facts, b.words);
		const data: ReviewData = {
			caseRef: c.ref,
			date,
			reviewerId: sergeant.id,
			oicId: holder.id,
			// The day the previous review set (signing records the case's next review date as it stood).
			dueDate: prevDue ?? date,
			previousReviewDate: prevDate,
			riskBefore: c.risk,
			riskAfter: c.risk,
			riskRationale: null,
			actionOutcomes: outcomes,
			newActions: fresh,
			noActionReason: null,
			triggerFired: false,
			triggerDecision: null,
			concernRecorded: false,
			welfareCheckIn: false,
			nextReviewDue: due,
			summary,
		};
		b.pending.push({date, order: c.ref, kind: 'review', data});
		open = kept;
		prevDate = date;
		prevDue = due;
	}
	// Open actions the previous holder owned came with the case.
	for (const a of open) a.ownerId = c.oicId;
	if (scenario === 'stalled-in-progress') {
		n += 1;
		const started = addDays(ref, -35);
		const [id, text, due, createdOn] = [`${c.ref}-a${n}`, reserved[0]!, c.nextReviewDue, addDays(started, -3)];
		open.push({
			id,
			text,
			ownerId: c.oicId,
			due,
			status: 'in-progress',
			createdOn,
			startedOn: started,
			carriedCount: 1,
			history: [
				{date: addDays(started, -3), event: 'created', reviewSeq: null, reason: null, by: sergeant.id},
				{date: started, event: 'started', reviewSeq: null, reason: null, by: c.oicId},
			],
		});
	}
	if (open.length === 0) {
		n += 1;
		const text = suitableAction(rng.pick(ACTION_TEXTS), c, c.allocatedOn, new Set());
		const created = {date: c.allocatedOn, event: 'created' as const, reviewSeq: null, reason: null, by: sergeant.id};
		const [id, due] = [`${c.ref}-a${n}`, c.nextReviewDue];
		const createdOn = c.allocatedOn;
		open.push({id, text, ownerId: c.oicId, due, status: 'open', createdOn, startedOn: null, carriedCount: 0, history: [created]});
	}
	c.actions = open;
}

/**
 * Review days as a sergeant keeps them: each on the day the one before set, now and then (one in ten) a
 * day to three late, so the inspector's log has a few late reviews to show; a gap longer than that (the
 * sergeant off with nobody covering) stays. The days drawn above were one or two days late two times in
 * three (issue 22): they are re-spaced back from each run's last day, keeping their number, so the
 * seeded stream, and with it every later case, stays as it was. How late comes from the wording stream.
 */
function onTime(dates: IsoDate[], every: number, words: Rng): void {
	const drawn = [...dates];
	for (let i = dates.length - 2; i >= 0; i--) {
		if (daysBetween(drawn[i]!, drawn[i + 1]!) > every + 2) continue;
		dates[i] = addDays(dates[i + 1]!, -every - (words.chance(0.1) ? words.int(1, 3) : 0));
	}
}

/**
 * A signed review that records a check-in also records it as a welfare event (README "The guided
 * 14-day review", signing): a generated review says so exactly when the store holds that event.
 */
function checkInsFromEvents(b: Builder): void {
	const events = new Set(b.welfareEvents.filter(e => e.kind === 'check-in').map(e => `${e.officerId}|${e.date}`));
	for (const p of b.pending) {
		if (p.kind !== 'review') continue;
		const r = p.data as ReviewData;
		r.welfareCheckIn = events.has(`${r.oicId}|${r.date}`);
	}
}

/** Welfare schedule, concerns, decisions and plans for one group. */
function addGroupPeople(b: Builder, group: Group): void {
	const {rng, ref} = b;
	const s = group.sergeant;
	const event = (officerId: string, ago: number, kind: WelfareEvent['kind'], flags: WelfareEvent['flags'] = []): void => {
		b.welfareEvents.push({
			id: `w${String(b.welfareEvents.length + 1).padStart(5, '0')}`,
			officerId,
			date: addDays(ref, -ago),
			kind,
			by: s.id,
			flags,
		});
	};
	for (const {officer, archetype} of group.investigators) {
		event(officer.id, rng.int(100, 330), 'wellbeing-questionnaire');
		switch (archetype) {
			case 'struggling': {
				event(officer.id, 45, 'check-in', ['oh-referral']);
				event(officer.id, 500, 'tenure-review');
				event(officer.id, 400, 'psychological-screening');
				addAbsence(b, officer.id, addDays(ref, -2), null, 'sick', null, s.id);
				b.notes.push({
					officerId: officer.id,
					date: addDays(ref, -45),
					by: s.id,
					text: 'Says he is waking at night thinking about work; GP appointment made. Agreed OH referral.',
				});
				// Two "not now" decisions in a row: the trigger must go to the inspector.
				for (const [i, ago] of [50, 20].entries()) {
					const data: PerformanceDecisionData = {
						officerId: officer.id,
						date: addDays(ref, -ago),
						by: s.id,
						decision: 'not-now',
						reason: NOT_NOW_REASONS[i]!,
						evidence: ['Crime reports not updated for over 28 days on 2 cases', 'Same update text on two cases'],
						caseRef: null,
					};
					b.pending.push({date: data.date, order: `~${officer.id}`, kind: 'performance-decision', data});
				}
				b.concerns.push({
					id: `c${b.concerns.length + 1}`,
					officerId: officer.id,
					date: addDays(ref, -55),
					by: s.id,
					text: CONCERN_TEXTS[0]!,
					caseRef: null,
				});
				break;
			}
			case 'part-time':
				event(officer.id, 10, 'check-in');
				break;
			case 'new-starter':
				event(officer.id, 35, 'one-to-one');
				event(officer.id, 20, 'check-in');
				break;
			case 'mentor':
				event(officer.id, 30, 'check-in');
				b.notes.push({
					officerId: officer.id,
					date: addDays(ref, -30),
					by: s.id,
					text: 'Feels stretched mentoring alongside a full caseload; asked about moving after five years.',
				});
				break;
			case 'on-leave': {
				event(officer.id, 12, 'check-in');
				const cover = group.investigators.find(x => x.archetype === 'steady')?.officer.id ?? null;
				addAbsence(b, officer.id, addDays(ref, 3), addDays(ref, 12), 'annual-leave', cover, s.id);
				break;
			}
			case 'steady':
				event(officer.id, rng.int(3, 40), 'check-in');
				break;
		}
	}
	const steady = group.investigators.filter(x => x.archetype === 'steady').map(x => x.officer);
	// Two concerns in 60 days and no decision: the trigger fires and waits.
	const watched = steady.at(-1);
	if (watched) {
		for (const ago of [45, 20])
			b.concerns.push({
				id: `c${b.concerns.length + 1}`,
				officerId: watched.id,
				date: addDays(ref, -ago),
				by: s.id,
				text: rng.pick(CONCERN_TEXTS),
				caseRef: null,
			});
	}
	// One officer already on an action plan.
	const planned = steady.at(-2);
	if (planned) {
		const started = addDays(ref, -100);
		const data: PerformanceDecisionData = {
			officerId: planned.id,
			date: started,
			by: s.id,
			decision: 'action-plan',
			reason: 'First stage meeting held; written improvement notice issued.',
			evidence: ['2 supervisor concerns in 60 days'],
			caseRef: null,
		};
		b.pending.push({date: started, order: `~${planned.id}`, kind: 'performance-decision', data});
		b.actionPlans.push({
			id: `ap${b.actionPlans.length + 1}`,
			officerId: planned.id,
			started,
			expires: addYears(started, 1),
			reviewDate: addDays(ref, 20),
			endedOn: null,
			decisionSeq: null,
		});
	}
	if (!group.leadsTeam) return;
	event(s.id, 60, 'check-in');
	event(s.id, rng.int(100, 330), 'wellbeing-questionnaire');
}
