/**
 * The supervisory records a change makes, as signed chain entries (README, "Signed records"): a bail
 * event, a welfare event, a reallocation, an absence added, changed, ended or cancelled. Each is made by
 * a person and changes what the rules conclude, so, like a review, it is signed by its author. The state
 * keeps the record where the rules read it; the chain keeps a signed copy that `verify` compares with
 * it (record-check.ts). Found by comparing the data before and after the change, so the command line
 * and the desk sign exactly what their shared domain functions (bail-record.ts, welfare-record.ts,
 * reallocate.ts, absences.ts) recorded, and nothing is left out when one of them records more than one.
 * Pure: the caller passes the Signer (store `signer`, or the author's key signer once keys are enrolled).
 */
import {canonicalJson} from './canonical-json.js';
import type {Absence, Allocation, Case, ChainEntry, RecordData, StoreData} from './model.js';
import type {Signer} from './signer.js';

/**
 * The part of a record the state must match, as canonical JSON: everything but who recorded it (checked
 * against the signature) and, for a reallocation, who held the case before (the allocation before it).
 */
export function recordKey(d: {record: string; [k: string]: unknown}): string {
	const {by: _by, fromOfficerId: _from, ...rest} = d;
	return canonicalJson(rest);
}

/** An allocation as its record holds it: without `to`, which is set later when the case moves on. */
export function allocationRecord(a: Allocation): Extract<RecordData, {record: 'reallocation'}>['allocation'] {
	const r = {officerId: a.officerId, from: a.from, by: a.by, reason: a.reason, recordedAt: a.recordedAt};
	// Only when recorded: records signed before it existed read (and verify) as they were signed.
	return a.recordedOn === undefined ? r : {...r, recordedOn: a.recordedOn};
}

function sameAbsence(a: Absence, b: Absence): boolean {
	return (
		a.officerId === b.officerId &&
		a.from === b.from &&
		a.to === b.to &&
		a.reason === b.reason &&
		a.coverOfficerId === b.coverOfficerId &&
		a.recordedAt === b.recordedAt &&
		a.recordedBy === b.recordedBy &&
		a.partOf === b.partOf
	);
}

/** Ending an absence sets or brings forward its last day and nothing else; any other edit is a change. */
function endsIt(before: Absence, after: Absence): boolean {
	return sameAbsence({...before, to: after.to}, after) && after.to !== null && (before.to === null || after.to < before.to);
}

function caseRecords(before: Case, after: Case, by: string, out: RecordData[]): void {
	for (let k = before.bailEvents.length; k < after.bailEvents.length; k++) {
		out.push({record: 'bail-event', by, caseRef: after.ref, event: after.bailEvents[k]!});
	}
	let held = before.oicId;
	for (let k = before.allocations.length; k < after.allocations.length; k++) {
		const a = after.allocations[k]!;
		out.push({record: 'reallocation', by, caseRef: after.ref, fromOfficerId: held, allocation: allocationRecord(a)});
		held = a.officerId;
	}
}

/**
 * The records `after` adds to `before`, in the order they are signed: case records (in case order),
 * welfare events, absences. A new case's first allocation is its creation, not a reallocation, so it
 * makes no record; reviews record their own welfare check-ins (the review entry is signed).
 */
export function recordsOfChange(before: StoreData, after: StoreData, by: string): RecordData[] {
	const out: RecordData[] = [];
	if (after.cases !== before.cases) {
		let byRef: Map<string, Case> | null = null;
		after.cases.forEach((c, i) => {
			if (before.cases[i] === c) return;
			const old = before.cases[i]?.ref === c.ref ? before.cases[i] : (byRef ??= new Map(before.cases.map(x => [x.ref, x]))).get(c.ref);
			if (old && old !== c) caseRecords(old, c, by, out);
		});
	}
	if (after.welfareEvents !== before.welfareEvents) {
		const had = new Set(before.welfareEvents.map(e => e.id));
		for (const e of after.welfareEvents) if (!had.has(e.id)) out.push({record: 'welfare-event', by, event: e});
	}
	if (after.absences !== before.absences) {
		const had = new Map(before.absences.map(a => [a.id, a]));
		const kept = new Set<string>();
		for (const a of after.absences) {
			kept.add(a.id);
			const old = had.get(a.id);
			if (!old) out.push({record: 'absence', by, action: 'added', absence: a});
			else if (old !== a && !sameAbsence(old, a))
				out.push({record: 'absence', by, action: endsIt(old, a) ? 'ended' : 'changed', absence: a});
		}
		for (const a of before.absences) if (!kept.has(a.id)) out.push({record: 'absence', by, action: 'cancelled', absence: a});
	}
	return out;
}

/**
 * `after` with a chain entry for every record it adds to `before`, each made by `sign` as `by` at
 * `signedAt` and linked to the one before. Returns `after` itself when it adds none.
 */
export function signRecords(before: StoreData, after: StoreData, by: string, sign: Signer, signedAt: string): StoreData {
	const records = recordsOfChange(before, after, by);
	if (records.length === 0) return after;
	const chain: ChainEntry[] = [...after.chain];
	for (const r of records) chain.push(sign(chain, 'record', r, signedAt));
	return {...after, chain};
}
