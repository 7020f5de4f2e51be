/**
 * The import plan: a pure function of (store data, parsed CSV, options) that says, before anything is
 * written, which cases would be added or changed and how, which rows are rejected and why, which
 * officers the export names that the team does not have, and (for a full export) which live cases the
 * export no longer lists. `applyPlan` turns a plan into the next store data; the command runs both
 * inside `store.apply` so the plan is always made on the freshest data under the lock.
 *
 * Upsert by crime reference. A column the file does not have changes nothing, and an empty cell changes
 * nothing, the bail return date included: a records-system export that leaves a value out means
 * "unchanged", never "ended" (README, "fortnight import": a blank bail cell once ended a running bail,
 * the source case's lapse). Bail ends on an import only by an explicit value: RUI "yes".
 * Updates, victim updates and forensic submissions are appended only when not already there,
 * so importing the same file twice changes nothing. A different officer is a reallocation recorded in
 * the case's history (reason "records-system import"), never an overwrite of who held it and since
 * when; a different risk is recorded the same way (README "Case history").
 */
import {regimeFor} from '../bail.js';
import {crimeRefProblem} from '../crime-ref.js';
import {IMPORT_REASON, withRisk} from '../case-history.js';
import {mayReallocate, mayRecordBail} from '../permissions.js';
import {recordReallocation} from '../reallocate.js';
import type {IsoDate} from '../dates.js';
import {isLive} from '../case-facts.js';
import type {BailEvent, Case, CrimeUpdate, Forensic, StoreData} from '../model.js';
import {newCaseRecord} from '../new-case.js';
import {workedDayApart} from '../worked-day.js';
import {DEFAULT_MAPPING, REQUIRED_FOR_NEW, type BailOutcome, type Field, type ImportMapping} from './columns.js';
import {officerIndex} from './officers.js';
import {rowNumber, type CsvTable} from './parse-csv.js';
import {columnLetter, isBlank, layoutFor, rowContext, validateRow, type ColumnLayout, type ImportRow, type Rejection} from './rows.js';

export interface ImportOptions {
	/** The import date: new cases are allocated and due for review on it; ended bail and RUI end on it. */
	today: IsoDate;
	mapping?: ImportMapping;
	/** The file is a full export of the team's caseload: live cases it does not list are reported. */
	full?: boolean;
	/** Called now and then while rows are checked (for a progress bar): rows of a table, or bytes of a file (planCsv). */
	onProgress?: (done: number, total: number) => void;
	/** Officer id of the person importing, recorded in the history of the allocations and risks it changes (null: not recorded). */
	by?: string | null;
	/** ISO instant the import is recorded, for the allocations it makes (null: not recorded). */
	recordedAt?: string | null;
}

export interface CaseChange {
	kind: 'add' | 'update';
	ref: string;
	row: number;
	/** What changes, in words, for updates (raw store text: pass through safeText before showing); empty for a new case, see describeNew. */
	changes: readonly string[];
	before: Case | null;
	after: Case;
	/** Position in data.cases of the case replaced (updates only). */
	index: number;
}

export interface OfficerProblem {
	text: string;
	reason: 'unknown' | 'ambiguous';
	/** Officer ids a name matched when ambiguous. */
	candidates: string[];
	rows: number[];
}

export interface ImportPlan {
	/** A problem with the whole file (no header, no crime reference column, unreadable CSV); nothing else is planned. */
	fileError: string | null;
	changes: CaseChange[];
	rejected: Rejection[];
	/** Distinct rejected rows. */
	rejectedRows: number;
	unknownOfficers: OfficerProblem[];
	/** Live cases in the store the export does not list (full exports only; never deleted). */
	missing: Case[];
	/** Cells kept as written that hold control characters (shown made safe). */
	flagged: {row: number; column: string; ref: string}[];
	ignoredColumns: string[];
	/** Non-blank data rows read. */
	rowsRead: number;
	/** Rows whose case is already exactly as the export says. */
	unchanged: number;
}

export function emptyPlan(fileError: string | null): ImportPlan {
	return {
		fileError,
		changes: [],
		rejected: [],
		rejectedRows: 0,
		unknownOfficers: [],
		missing: [],
		flagged: [],
		ignoredColumns: [],
		rowsRead: 0,
		unchanged: 0,
	};
}

/** Plans one row at a time, so a large export can be planned as it is parsed (see planCsv) and its rows dropped. */
export interface RowPlanner {
	/** The data record at `index` (spreadsheet row index + 2). */
	add(record: readonly string[], index: number): void;
	finish(): ImportPlan;
}

export function planImport(data: StoreData, table: CsvTable, options: ImportOptions): ImportPlan {
	const planner = startPlan(data, table.header, options);
	if (!('add' in planner)) return planner;
	const total = table.records.length;
	for (let i = 0; i < total; i++) {
		if (options.onProgress && i % 2000 === 0) options.onProgress(i, total);
		planner.add(table.records[i]!, i);
	}
	options.onProgress?.(total, total);
	return planner.finish();
}

/** A planner for a file with this header, or a plan holding the file error (no crime reference column, a doubled column). */
export function startPlan(data: StoreData, header: string[], options: ImportOptions): RowPlanner | ImportPlan {
	const mapping = options.mapping ?? DEFAULT_MAPPING;
	const laid = layoutFor(header, mapping);
	if (!laid.ok) return emptyPlan(laid.error);
	const {layout} = laid;
	const plan = emptyPlan(null);
	plan.ignoredColumns = layout.ignored;
	const byRef = new Map<string, number>();
	data.cases.forEach((c, i) => byRef.set(c.ref, i));
	// A case already in the store keeps its reference whatever the pattern says (it may predate the setting).
	const refProblem = (ref: string) => (byRef.has(ref) ? null : crimeRefProblem(ref, data.settings));
	const ctx = rowContext(mapping, layout, officerIndex(data.officers), options.today, refProblem);
	const firstRow = new Map<string, number>();
	const officerProblems = new Map<string, OfficerProblem>();
	const rejectedRows = new Set<number>();
	const who = recorder(options);
	// A further row for a case (furtherRow) builds on the change its first row planned, found by that row's
	// number (changeAt), and is refused when its first row was (refusedFirst). Only the rare cases whose first
	// row changed nothing and a further row did are kept by reference (lateChange): a map of every case's
	// change cost the 50,000-row import time for rows that almost never repeat (README "Benchmarks", the import row).
	const lateChange = new Map<string, number>();
	const changeAt = (ref: string, firstRowNo: number): number | undefined => {
		// plan.changes is in row order (rows are planned in file order), so a binary search finds the first row's.
		let lo = 0;
		let hi = plan.changes.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const row = plan.changes[mid]!.row;
			if (row === firstRowNo) return plan.changes[mid]!.ref === ref ? mid : undefined;
			if (row < firstRowNo) lo = mid + 1;
			else hi = mid - 1;
		}
		return lateChange.get(ref);
	};
	const refusedFirst = new Set<string>();

	/**
	 * A row for a case already on an earlier row (`seen`): README "fortnight import", one row per forensic
	 * submission. It may add a submission or its result, nothing else: the case's other cells must say what
	 * its first row (and the store) already say, or be blank. Anything else conflicts with the rows before,
	 * and the row is refused saying what it would change; the rows before stand.
	 */
	const furtherRow = (record: readonly string[], rowNo: number, seen: number, ref: string, row: ImportRow | null): Rejection[] => {
		if (refusedFirst.has(ref))
			return [
				at(layout, rowNo, 'ref', `crime reference ${ref} is also on row ${seen}, which was refused: put that row right and import again.`),
			];
		if (!hasForensic(layout, record))
			return [
				at(
					layout,
					rowNo,
					'ref',
					`crime reference ${ref} is also on row ${seen}; a case appears once, with one further row for each other forensic ` +
						'submission (its "Forensic submitted" date, and its "Forensic result" once back).',
				),
			];
		if (row === null) return [];
		const at_ = changeAt(ref, seen);
		const index = byRef.get(ref);
		const current = at_ !== undefined ? plan.changes[at_]!.after : index !== undefined ? data.cases[index]! : null;
		if (current === null) return [];
		// Two results for one submission: the file contradicts itself (or the store), and neither is taken over the other.
		const resulted =
			row.forensicResult &&
			row.forensicSubmitted &&
			current.forensics.find(f => f.resultOn !== null && sameSubmission(f, row.forensicSubmitted!, row.forensicItem ?? null));
		if (resulted && resulted.resultOn !== row.forensicResult)
			return [
				at(
					layout,
					rowNo,
					'forensicResult',
					`crime reference ${ref} is also on row ${seen}, and its forensic submission of ${resulted.submitted} already has a result ` +
						`dated ${resulted.resultOn} (from an earlier row, or recorded before), not ${row.forensicResult}: say one result for it.`,
				),
			];
		const merged = updateCase(current, row, data, who, layout, true);
		if ('rejections' in merged) return merged.rejections;
		if (merged.caseChanges.length > 0)
			return [
				at(
					layout,
					rowNo,
					'ref',
					`crime reference ${ref} is also on row ${seen}, and this row would change ${merged.caseChanges.join('; ')}: ` +
						`a further row for a case adds a forensic submission or its result only, its other cells as row ${seen} ` +
						`or blank. Put the case's details on row ${seen}.`,
				),
			];
		if (!merged.changed) {
			plan.unchanged++;
			return [];
		}
		if (at_ !== undefined) {
			const change = plan.changes[at_]!;
			plan.changes[at_] = {
				...change,
				after: merged.after,
				changes: change.kind === 'add' ? change.changes : [...change.changes, ...merged.changes],
			};
		} else {
			lateChange.set(ref, plan.changes.length);
			plan.changes.push({kind: 'update', ref, row: rowNo, changes: merged.changes, before: current, after: merged.after, index: index!});
		}
		return [];
	};

	const add = (record: readonly string[], index: number): void => {
		if (isBlank(record)) return;
		plan.rowsRead++;
		const rowNo = rowNumber(index);
		const result = validateRow(record, rowNo, ctx);
		for (const col of result.flagged) plan.flagged.push({row: rowNo, column: col, ref: record[layout.index.ref!] ?? ''});
		if (result.officerProblem) {
			const p = result.officerProblem;
			const known = officerProblems.get(p.text.toLowerCase());
			if (known) known.rows.push(rowNo);
			else officerProblems.set(p.text.toLowerCase(), {...p, rows: [rowNo]});
		}
		const ref = (record[layout.index.ref!] ?? '').trim();
		let rejections = result.rejections;
		const seen = ref === '' ? undefined : firstRow.get(ref);
		if (seen !== undefined) {
			// A further row for a case: one per forensic submission (QA 6 R8), merged onto the case as the rows before left it.
			rejections = [...rejections, ...furtherRow(record, rowNo, seen, ref, result.row)];
		} else {
			if (ref !== '') firstRow.set(ref, rowNo);
			if (rejections.length === 0 && result.row) {
				const index = byRef.get(ref);
				const before = index === undefined ? null : data.cases[index]!;
				const merged = before === null ? newCase(result.row, data, who, layout) : updateCase(before, result.row, data, who, layout);
				if ('rejections' in merged) rejections = merged.rejections;
				else if (!merged.changed) plan.unchanged++;
				else {
					plan.changes.push({
						kind: before ? 'update' : 'add',
						ref,
						row: rowNo,
						changes: merged.changes,
						before,
						after: merged.after,
						index: index ?? -1,
					});
				}
			}
			if (rejections.length > 0 && ref !== '') refusedFirst.add(ref);
		}
		if (rejections.length > 0) {
			rejectedRows.add(rowNo);
			plan.rejected.push(...rejections);
		}
	};
	const finish = (): ImportPlan => {
		plan.rejectedRows = rejectedRows.size;
		plan.unknownOfficers = [...officerProblems.values()];
		if (options.full) plan.missing = data.cases.filter(c => isLive(c) && !firstRow.has(c.ref));
		return plan;
	};
	return {add, finish};
}

/** The store data with the plan's changes made: updated cases replaced in place, new cases appended in file order. */
export function applyPlan(data: StoreData, plan: ImportPlan): StoreData {
	if (plan.changes.length === 0) return data;
	const cases = data.cases.slice();
	for (const c of plan.changes) {
		if (c.kind === 'update') cases[c.index] = c.after;
		else cases.push(c.after);
	}
	return {...data, cases};
}

function at(layout: ColumnLayout, row: number, field: Field | null, reason: string): Rejection {
	const i = field === null ? undefined : layout.index[field];
	return {row, column: i === undefined ? null : layout.header[i]!, letter: i === undefined ? null : columnLetter(i), reason};
}

/** A short form of the offence for narrow columns (the store allows 40 characters). */
export function shortOffence(offence: string): string {
	if (offence.length <= 40) return offence;
	const cut = offence.slice(0, 39);
	const space = cut.lastIndexOf(' ');
	return (space > 20 ? cut.slice(0, space) : cut) + '\u2026';
}

function insertSorted<T>(list: readonly T[], item: T, key: (t: T) => string): T[] {
	const k = key(item);
	if (list.length === 0) return [item];
	if (key(list[list.length - 1]!) <= k) return [...list, item];
	let i = list.length;
	while (i > 0 && key(list[i - 1]!) > k) i--;
	return [...list.slice(0, i), item, ...list.slice(i)];
}

/**
 * A row merged onto a case: the case after, its changes in words, and (for a further row of the same case,
 * furtherRow) those of its changes that are not a forensic submission or result, which such a row may not make.
 */
type Merged = {after: Case; changes: readonly string[]; changed: boolean; caseChanges: readonly string[]} | {rejections: Rejection[]};

/** A new case's words (none: see describeNew), one frozen array shared by every new case of an import. */
const NO_WORDS: readonly string[] = Object.freeze([]);

/** The import's day, and who recorded it and when, for the history it writes; and the short form of each offence met. */
interface Recorder {
	today: IsoDate;
	by: string | null;
	recordedAt: string | null;
	/** `{recordedOn}` when the import's day is not recordedAt's own (worked-day.ts), for the allocations it records; else empty. */
	workedOn: {recordedOn?: IsoDate};
	/** shortOffence of each offence text met, worked out once (an export names a few hundred offences over thousands of rows). */
	shortOffences: Map<string, string>;
}

function recorder(options: ImportOptions): Recorder {
	const recordedAt = options.recordedAt ?? null;
	const on = recordedAt === null ? undefined : workedDayApart(options.today, recordedAt);
	return {
		today: options.today,
		by: options.by ?? null,
		recordedAt,
		workedOn: on === undefined ? {} : {recordedOn: on},
		shortOffences: new Map(),
	};
}

/** shortOffence(offence), remembered for the rest of the import (bounded, so a file of junk cannot grow it). */
function shortOf(who: Recorder, offence: string): string {
	let short = who.shortOffences.get(offence);
	if (short === undefined) {
		short = shortOffence(offence);
		if (who.shortOffences.size < 5000) who.shortOffences.set(offence, short);
	}
	return short;
}

const OUTCOME_WORDS: Record<BailOutcome, string> = {charged: 'charged', nfa: 'no further action', released: 'released without bail'};

/** Why a bail return date cannot stand (bail runs from the day after the arrest), or null. */
function bailProblem(layout: ColumnLayout, r: ImportRow, bailedOn: IsoDate | null): Rejection | null {
	if (!bailedOn)
		return at(layout, r.row, 'bailReturnDate', 'a bail return date needs an arrest date (bail runs from the day after arrest).');
	if (r.bailReturnDate! <= bailedOn)
		return at(layout, r.row, 'bailReturnDate', `the bail return date ${r.bailReturnDate} is not after the arrest date ${bailedOn}.`);
	return null;
}

/** Bail from the arrest; its regime is fixed by the date of arrest (pre- or post-28 October 2022). */
function bailFrom(bailedOn: IsoDate, returnDate: IsoDate, data: StoreData, suspect: string): NonNullable<Case['bail']> {
	return {regime: regimeFor(bailedOn, data.settings.bailRegimeChangeDate), bailedOn, returnDate, extensions: [], endedOn: null, suspect};
}

const FORENSIC_ITEM = 'Submission recorded in the records system';

/**
 * Whether `f` is the submission a row names: by its date when given, and by its item when given (ignoring
 * case and spaces at the ends), so two submissions of one day are told apart by what was sent. A row naming
 * neither names every submission (a result then needs the case's one submission still waiting).
 */
function sameSubmission(f: Forensic, submitted: IsoDate | null, item: string | null): boolean {
	if (submitted !== null && f.submitted !== submitted) return false;
	return item === null || f.item.trim().toLowerCase() === item.toLowerCase();
}

/**
 * A new case needs the required fields. Defaults (newCaseRecord): allocated and due for review on the
 * import date, MG3 not started, no actions. Built in one piece, with no words: the report describes a new case from
 * the case itself (describeNew), so a 50,000-row first import allocates no descriptions nobody reads.
 */
function newCase(r: ImportRow, data: StoreData, who: Recorder, layout: ColumnLayout): Merged {
	const {today} = who;
	const rejections: Rejection[] = [];
	for (const f of REQUIRED_FOR_NEW) {
		const v = r[fieldKey(f)];
		if (v === undefined || v === null) {
			const has = layout.index[f] !== undefined;
			rejections.push(
				at(
					layout,
					r.row,
					has ? f : null,
					has
						? `${f === 'officer' ? 'the officer' : `the ${labelFor(f)}`} is empty; a new case needs it.`
						: `the file has no ${labelFor(f)} column, which a new case (${r.ref}) needs.`,
				),
			);
		}
	}
	if (rejections.length > 0) return {rejections};
	let bail: Case['bail'] = null;
	if (r.bailReturnDate) {
		const problem = bailProblem(layout, r, r.arrestDate ?? null);
		if (problem) return {rejections: [problem]};
		bail = bailFrom(r.arrestDate!, r.bailReturnDate, data, r.suspect ?? '');
	}
	const status = r.status!;
	const victimUpdate = r.lastVictimUpdate;
	const after = newCaseRecord({
		ref: r.ref,
		offence: r.offence!,
		offenceShort: shortOf(who, r.offence!),
		risk: r.risk!,
		status,
		oicId: r.officerId!,
		opened: r.opened!,
		closedOn: status === 'closed' ? today : null,
		arrestDate: r.arrestDate ?? null,
		bail,
		rui:
			r.rui === true
				? {since: r.arrestDate ?? today, lastSuspectUpdate: r.lastSuspectUpdate ?? null, suspect: r.suspect ?? '', endedOn: null}
				: null,
		victim:
			r.victimServiceLevel || victimUpdate
				? {
						initials: '',
						serviceLevel: r.victimServiceLevel ?? 'standard',
						reportedOn: r.opened!,
						updates: victimUpdate ? [victimUpdate] : [],
					}
				: null,
		// The CSV names no author: the update is the records system's (update-author.ts), its authorId the OIC's for older readers.
		updates: r.lastUpdateDate ? [{date: r.lastUpdateDate, authorId: r.officerId!, text: r.lastUpdateText ?? '', source: 'import'}] : [],
		forensics: r.forensicSubmitted
			? [
					{
						id: `${r.ref}-f1`,
						item: r.forensicItem ?? FORENSIC_ITEM,
						submitted: r.forensicSubmitted,
						expected: null,
						resultOn: r.forensicResult ?? null,
					},
				]
			: [],
		cps: r.mg3Status ? {mg3Status: r.mg3Status, mg3Since: today, cpsDueDate: null, courtDate: null} : undefined,
		nextReviewDue: today,
		allocatedOn: today,
		allocations: [
			{officerId: r.officerId!, from: today, to: null, by: who.by, reason: IMPORT_REASON, recordedAt: who.recordedAt, ...who.workedOn},
		],
		riskHistory: [{risk: r.risk!, from: r.opened! < today ? r.opened! : today, by: who.by, reason: IMPORT_REASON, reviewSeq: null}],
	});
	return {after, changes: NO_WORDS, changed: true, caseChanges: NO_WORDS};
}

/** Why whoever imports may not record a bail decision on case `ref` (permissions.ts mayRecordBail: nobody decides on a case they hold), or null. */
function bailRefusal(data: StoreData, who: Recorder, ref: string): string | null {
	if (who.by === null) return null;
	const may = mayRecordBail(data, who.by, ref, who.today);
	return may.ok ? null : may.reason;
}

/**
 * The existing case with what the row changes, each change in words for the report. `further`: the row is
 * a further row for a case already on an earlier row of the file (furtherRow), `before` the case as the
 * rows before left it; any change but a forensic one is refused there, so who may make it is not asked
 * (the case may be new in this import, unknown to the permissions).
 */
function updateCase(before: Case, r: ImportRow, data: StoreData, who: Recorder, layout: ColumnLayout, further = false): Merged {
	const {today} = who;
	const rejections: Rejection[] = [];
	const changes: string[] = [];
	const caseChanges: string[] = [];
	let c = before;
	// One shallow copy of the case at its first change (never the store's object), then edits to the copy.
	const change = (next: Partial<Case>, words: string, forensic = false) => {
		if (c === before) c = {...before};
		Object.assign(c, next);
		changes.push(words);
		if (!forensic) caseChanges.push(words);
	};
	if (r.offence && r.offence !== c.offence)
		change({offence: r.offence, offenceShort: shortOffence(r.offence)}, `offence "${c.offence}" -> "${r.offence}"`);
	// A changed officer is a reallocation by whoever imports, judged as one (README "Who may change absences and
	// cover"): nobody moves a case they hold, and a cover never moves a case to themselves.
	const move =
		r.officerId && r.officerId !== c.oicId && who.by !== null && !further ? mayReallocate(data, who.by, c.ref, r.officerId, today) : null;
	if (move && !move.ok) rejections.push(at(layout, r.row, 'officer', move.reason));
	else if (r.officerId && r.officerId !== c.oicId) {
		const name = (id: string) => data.officers.find(o => o.id === id)?.name ?? id;
		// A reallocation with history: the allocation that ends keeps its dates (never dated before it began).
		const on = c.allocatedOn > today ? c.allocatedOn : today;
		const moved = recordReallocation(c, {
			to: r.officerId,
			on,
			by: who.by,
			reason: IMPORT_REASON,
			recordedAt: who.recordedAt,
			...who.workedOn,
		});
		const n = moved.movedActions.length;
		const actions = n > 0 ? `; ${n} open action${n === 1 ? '' : 's'} moved with it` : '';
		const {oicId, allocatedOn, allocations} = moved.case;
		const words = `officer ${name(c.oicId)} -> ${name(r.officerId)} (reallocated ${on}${actions})`;
		change({oicId, allocatedOn, allocations, actions: moved.case.actions}, words);
	}
	if (r.risk && r.risk !== c.risk) {
		const {riskHistory} = withRisk(c, r.risk, {from: today, by: who.by, reason: IMPORT_REASON, reviewSeq: null});
		change({risk: r.risk, riskHistory}, `risk ${c.risk} -> ${r.risk}`);
	}
	if (r.status && r.status !== c.status)
		change({status: r.status, closedOn: r.status === 'closed' ? (c.closedOn ?? today) : null}, `status ${c.status} -> ${r.status}`);
	if (r.opened && r.opened !== c.opened) change({opened: r.opened}, `opened ${c.opened} -> ${r.opened}`);
	if (r.arrestDate && r.arrestDate !== c.arrestDate)
		change({arrestDate: r.arrestDate}, `arrest date ${c.arrestDate ?? 'none'} -> ${r.arrestDate}`);

	// Bail: runs from the arrest; its regime is fixed by the date of arrest (pre- or post-28 October 2022).
	const bailRunning = c.bail !== null && c.bail.endedOn === null;
	// Ending bail is a bail decision by whoever imports, judged as `fortnight bail record` judges it.
	const endRefused = (r.rui === true || r.bailOutcome) && bailRunning && !further ? bailRefusal(data, who, before.ref) : null;
	if (r.bailReturnDate) {
		const bailedOn = r.arrestDate ?? c.arrestDate;
		const problem = bailProblem(layout, r, bailedOn);
		if (problem) rejections.push(problem);
		else if (c.bail && c.bail.bailedOn === bailedOn) {
			// A return date that a bail event recorded in fortnight has since replaced (re-bailed, extended with a
			// new date, or bail ended) is the records system not yet caught up: it never undoes the record.
			const superseded = c.bailEvents.some(e => e.returnDateBefore === r.bailReturnDate && e.returnDate !== r.bailReturnDate);
			if (!superseded && (c.bail.returnDate !== r.bailReturnDate || c.bail.endedOn !== null)) {
				change(
					{bail: {...c.bail, returnDate: r.bailReturnDate, endedOn: null}},
					`bail return ${before.bail!.endedOn === null ? before.bail!.returnDate : 'ended'} -> ${r.bailReturnDate}`,
				);
			}
		} else {
			const suspect = r.suspect ?? c.bail?.suspect ?? c.rui?.suspect ?? '';
			const bail = bailFrom(bailedOn!, r.bailReturnDate, data, suspect);
			change(
				{bail},
				`bailed ${bailedOn} (${bail.regime === 'pcsc-2022' ? 'PCSC Act 2022 limits' : 'pre-2022 limits'}), return ${r.bailReturnDate}`,
			);
		}
	} else if (endRefused) {
		rejections.push(at(layout, r.row, r.bailOutcome ? 'bailOutcome' : 'rui', endRefused));
	} else if (r.rui === true && bailRunning) {
		change({bail: {...c.bail!, endedOn: today}}, `bail ended ${today} (now RUI)`);
	} else if (r.bailOutcome && bailRunning) {
		// The explicit outcome ends bail, recorded as the bail event `fortnight bail record` would make, by whoever imports.
		if (who.by === null || who.recordedAt === null) {
			rejections.push(at(layout, r.row, 'bailOutcome', 'a bail outcome is recorded with who imported it and when.'));
		} else {
			const event: BailEvent = {
				event: r.bailOutcome,
				on: today,
				returnDateBefore: c.bail!.returnDate,
				returnDate: null,
				authority: null,
				periodEnd: null,
				authorisedBy: null,
				rank: null,
				recordedBy: who.by,
				recordedAt: who.recordedAt,
			};
			const words = `bail ended ${today} (${OUTCOME_WORDS[r.bailOutcome]})`;
			change({bail: {...c.bail!, endedOn: today}, bailEvents: [...c.bailEvents, event]}, words);
		}
	}

	const ruiRunning = c.rui !== null && c.rui.endedOn === null;
	if (r.rui === true && !ruiRunning) {
		// RUI follows the latest of the arrest and the end of a bail (this import's, or an earlier one): a
		// suspect on bail until today is released under investigation today, and its 28-day clock starts
		// then (docs/rules.md, RUI), not at an arrest months before while they were on bail.
		const bailEnd = bailRunning ? today : (c.bail?.endedOn ?? null);
		const arrest = r.arrestDate ?? c.arrestDate ?? null;
		const since =
			[arrest, bailEnd]
				.filter((d): d is string => d !== null)
				.sort()
				.at(-1) ?? today;
		const suspect = r.suspect ?? c.rui?.suspect ?? c.bail?.suspect ?? '';
		change({rui: {since, lastSuspectUpdate: null, suspect, endedOn: null}}, `released under investigation since ${since}`);
	} else if (r.rui === false && ruiRunning) {
		change({rui: {...c.rui!, endedOn: today}}, `RUI ended ${today}`);
	}

	// Suspect initials: a cell with initials sets them on the running bail and RUI; a blank cell changes nothing.
	if (r.suspect) {
		const s = r.suspect;
		if (c.bail && c.bail.endedOn === null && c.bail.suspect !== s) {
			change({bail: {...c.bail, suspect: s}}, `bail suspect "${c.bail.suspect}" -> "${s}"`);
		}
		if (c.rui && c.rui.endedOn === null && c.rui.suspect !== s) {
			change({rui: {...c.rui, suspect: s}}, `RUI suspect "${c.rui.suspect}" -> "${s}"`);
		}
	}

	if (r.lastUpdateDate) {
		const date = r.lastUpdateDate;
		const text = r.lastUpdateText ?? '';
		// The same update re-exported after a spreadsheet re-save (CRLF to LF, trailing spaces) is not new.
		const same = sameText(text);
		const had = c.updates.findIndex(u => u.date === date && same(u.text));
		if (had < 0) {
			// Marked as the records system's, not the OIC's own words (update-author.ts; QA 8 R6).
			const update: CrimeUpdate = {date, authorId: c.oicId, text, source: 'import'};
			change({updates: insertSorted(c.updates, update, u => u.date)}, `update ${date} added`);
		} else if (c.updates[had]!.source !== 'import') {
			// The same entry stored before the marker (an earlier import stored its OIC as its author): the export
			// says it is the records system's, so importing it again marks it so (docs/rules.md "Updates from the records system").
			const updates = c.updates.slice();
			updates[had] = {...updates[had]!, source: 'import'};
			change({updates}, `update ${date} marked as the records system's`);
		}
	}

	if (r.victimServiceLevel || r.lastVictimUpdate) {
		let victim = c.victim;
		const d = r.lastVictimUpdate;
		if (victim === null) {
			victim = {initials: '', serviceLevel: r.victimServiceLevel ?? 'standard', reportedOn: c.opened, updates: d ? [d] : []};
			change({victim}, `victim recorded (${victim.serviceLevel} service${d ? `, updated ${d}` : ''})`);
		} else {
			if (r.victimServiceLevel && r.victimServiceLevel !== victim.serviceLevel) {
				const from = victim.serviceLevel;
				victim = {...victim, serviceLevel: r.victimServiceLevel};
				change({victim}, `victim service ${from} -> ${r.victimServiceLevel}`);
			}
			if (d && !victim.updates.includes(d)) {
				victim = {...victim, updates: insertSorted(victim.updates, d, x => x)};
				change({victim}, `victim update ${d} added`);
			}
		}
	}

	if (r.forensicSubmitted) {
		const d = r.forensicSubmitted;
		const item = r.forensicItem ?? null;
		if (!c.forensics.some(f => sameSubmission(f, d, item))) {
			// Submitted that day and imported before without its item: the row names it (QA 6 R8), it adds none.
			const unnamed = item === null ? undefined : c.forensics.find(f => f.submitted === d && f.item === FORENSIC_ITEM);
			if (unnamed && item !== null) {
				const forensics = c.forensics.map(x => (x === unnamed ? {...x, item} : x));
				change({forensics}, `forensic submission ${d} named "${item}"`, true);
			} else {
				let n = c.forensics.length + 1;
				while (c.forensics.some(f => f.id === `${c.ref}-f${n}`)) n++;
				const added = {id: `${c.ref}-f${n}`, item: item ?? FORENSIC_ITEM, submitted: d, expected: null, resultOn: null};
				change({forensics: [...c.forensics, added]}, `forensic submission ${d}${item === null ? '' : ` "${item}"`} added`, true);
			}
		}
	}

	// The records system's own facts that clear a problem (README "Acting on a problem"). A blank cell changes nothing.
	const rui = c.rui;
	const later = (d: IsoDate, last: IsoDate | null) => last === null || d > last;
	if (r.lastSuspectUpdate && rui && rui.endedOn === null && later(r.lastSuspectUpdate, rui.lastSuspectUpdate)) {
		change({rui: {...rui, lastSuspectUpdate: r.lastSuspectUpdate}}, `suspect updated ${r.lastSuspectUpdate}`);
	}
	if (r.forensicResult) {
		const d = r.forensicResult;
		// The result belongs to the row's submission, else to the one submission still waiting.
		const waiting = c.forensics.filter(f => f.resultOn === null && sameSubmission(f, r.forensicSubmitted ?? null, r.forensicItem ?? null));
		if (waiting.length > 1) {
			// Two sent the same day are told apart by their item ("Forensic item"); otherwise by the date.
			const which = r.forensicSubmitted
				? `${c.ref} has ${waiting.length} forensic submissions of ${r.forensicSubmitted} waiting; give the "Forensic item" of the one it is for.`
				: `${c.ref} has ${waiting.length} forensic submissions waiting; give the "Forensic submitted" date of the one it is for.`;
			rejections.push(at(layout, r.row, 'forensicResult', which));
		} else if (waiting.length === 1) {
			const f = waiting[0]!;
			if (d < f.submitted) {
				rejections.push(at(layout, r.row, 'forensicResult', `the result (${d}) is dated before the submission (${f.submitted}).`));
			} else {
				const forensics = c.forensics.map(x => (x === f ? {...f, resultOn: d} : x));
				change({forensics}, `forensic result ${d} (submitted ${f.submitted})`, true);
			}
		}
	}
	if (r.mg3Status && r.mg3Status !== c.cps.mg3Status) {
		change({cps: {...c.cps, mg3Status: r.mg3Status, mg3Since: today}}, `MG3 ${c.cps.mg3Status} -> ${r.mg3Status}`);
	}

	if (rejections.length > 0) return {rejections};
	return {after: c, changes, changed: changes.length > 0, caseChanges};
}

/** Whether the row names a forensic submission or result (a further row for a case must: furtherRow). */
function hasForensic(layout: ColumnLayout, record: readonly string[]): boolean {
	const submitted = layout.index.forensicSubmitted;
	const result = layout.index.forensicResult;
	return (
		(submitted !== undefined && (record[submitted] ?? '').trim() !== '') || (result !== undefined && (record[result] ?? '').trim() !== '')
	);
}

function normaliseText(s: string): string {
	return s.replace(/\r\n?/g, '\n').trim();
}

function sameText(text: string): (other: string) => boolean {
	const want = normaliseText(text);
	return other => other === text || normaliseText(other) === want;
}

function fieldKey(f: Field): keyof ImportRow {
	return f === 'officer' ? 'officerId' : (f as keyof ImportRow);
}

function labelFor(f: Field): string {
	const labels: Partial<Record<Field, string>> = {
		offence: 'offence',
		officer: 'officer',
		risk: 'risk',
		status: 'status',
		opened: 'opened date',
	};
	return labels[f] ?? f;
}

/** A new case in words for the report (raw store text: pass through safeText before showing). */
export function describeNew(c: Case): string[] {
	const words = [`new case: ${c.offence}, ${c.risk} risk, ${c.status}, opened ${c.opened}`];
	if (c.bail)
		words.push(
			`bailed ${c.bail.bailedOn} (${c.bail.regime === 'pcsc-2022' ? 'PCSC Act 2022 limits' : 'pre-2022 limits'}), return ${c.bail.returnDate}`,
		);
	if (c.rui) words.push(`released under investigation since ${c.rui.since}`);
	const update = c.updates.at(-1);
	if (update) words.push(`update ${update.date}`);
	if (c.victim)
		words.push(`victim (${c.victim.serviceLevel} service${c.victim.updates.length > 0 ? `, updated ${c.victim.updates.at(-1)}` : ''})`);
	// Each submission: a new case's further rows (one per submission) may have added several.
	for (const f of c.forensics) words.push(`forensic submission ${f.submitted}${f.resultOn ? ` (result ${f.resultOn})` : ''}`);
	return words;
}
