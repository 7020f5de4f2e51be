/**
 * Two sergeants on one store: when another user saved since this instance last read the file, the
 * pure change is re-run on their data. That is right when the two edits touch different things (or
 * both only append to the same list, such as a case's updates or the review chain), and wrong when both
 * set the same field: re-running would silently overwrite their edit with ours. This module finds that
 * clash by a three-way comparison, record by record and field by field:
 *   base   = the data this instance showed the user (what the change was made against),
 *   theirs = the file on disk now,
 *   ours   = change(base), what the user meant.
 */
import type {StoreData} from '../domain/model.js';
import {safeText} from '../domain/safe-text.js';
import {changedBy, fieldWords, officerName} from './conflict-words.js';

type AnyRecord = Record<string, unknown>;

/**
 * Collections of records, each with the field that identifies a record and a word for it. `drawn`: the
 * id is drawn by fortnight from the data the record is added to (the next absence number, the review's
 * chain sequence), so re-running the change on their data draws a new one; two users adding a record
 * under the same drawn id have added two different records, not edited one.
 */
const COLLECTIONS: {key: keyof StoreData; id: string | string[]; noun: string; drawn?: true}[] = [
	{key: 'officers', id: 'id', noun: 'officer'},
	{key: 'absences', id: 'id', noun: 'absence', drawn: true},
	{key: 'cases', id: 'ref', noun: 'case'},
	{key: 'welfareEvents', id: 'id', noun: 'welfare event', drawn: true},
	{key: 'concerns', id: 'id', noun: 'concern', drawn: true},
	{key: 'actionPlans', id: 'id', noun: 'action plan', drawn: true},
	// A draft is one reviewer's work on one case: two sergeants' drafts of the same case are two records.
	{key: 'drafts', id: ['caseRef', 'reviewerId'], noun: 'draft review of case'},
];
/** A record's identity within its collection: one field, or several joined (each shown in the label). */
const recordId = (r: AnyRecord, id: string | string[]): string =>
	typeof id === 'string' ? String(r[id]) : id.map(f => String(r[f])).join(' by ');
const DRAWN = new Set(COLLECTIONS.filter(c => c.drawn).map(c => `${c.key}:`));
const isDrawn = (id: string): boolean => DRAWN.has(id.slice(0, id.indexOf(':') + 1));
/** Top-level fields that are one record each. */
const SINGLES: {key: keyof StoreData; label: string}[] = [
	{key: 'team', label: 'the team details'},
	{key: 'settings', label: 'the settings'},
];
/**
 * Bookkeeping the store itself sets, and the append-only chain (checked link by link instead) with the
 * record of its file's committed end (chain-file.ts).
 */
const IGNORED = new Set(['schemaVersion', 'revision', 'updatedAt', 'chain', 'chainLog']);

/**
 * What one side changed: record label -> changed fields ('*' = added or removed). `collection`: the store
 * key the record is in (for its fields' words); `by`: who made the change, by name, when the record says
 * (conflict-words.ts changedBy); `owner`: for a draft, whose it is (only its reviewer saves it).
 */
export type ChangeSet = Map<
	string,
	{
		label: string;
		fields: Map<string, {before: unknown; after: unknown}>;
		presence: 'added' | 'removed' | 'changed';
		collection?: string;
		by?: string | null;
		owner?: string | null;
	}
>;

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

function recordDiff(
	label: string,
	before: AnyRecord | undefined,
	after: AnyRecord | undefined,
	out: ChangeSet,
	id: string,
	about: {collection?: string; data?: StoreData} = {},
): void {
	if (before === after) return;
	const {collection, data} = about;
	const name = (officerId: unknown) => (data ? officerName(data, officerId) : null);
	const owner = collection === 'drafts' ? name((after ?? before)?.reviewerId) : null;
	const extra = {...(collection ? {collection} : {}), ...(owner ? {owner} : {})};
	if (!before || !after) {
		out.set(id, {
			label,
			fields: new Map(),
			presence: before ? 'removed' : 'added',
			...extra,
			by: name(after ? changedBy(new Map(), after) : null),
		});
		return;
	}
	const fields = new Map<string, {before: unknown; after: unknown}>();
	for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
		if (!same(before[k], after[k])) fields.set(k, {before: before[k], after: after[k]});
	}
	if (fields.size > 0) out.set(id, {label, fields, presence: 'changed', ...extra, by: name(changedBy(fields, after))});
}

/**
 * A record's label for people: "case CR/1/26", and a draft by whose it is ("DS Brennan's draft review of
 * case CR/1/26"), never by officer id (QA 6 D4).
 */
function labelOf(noun: string, key: string, r: AnyRecord, rid: string, data: StoreData): string {
	if (key !== 'drafts') return `${noun} ${safeText(rid)}`;
	const owner = officerName(data, r.reviewerId);
	return `${owner ? `${owner}'s ` : ''}draft review of case ${safeText(String(r.caseRef))}`;
}

/** Every record and field that differs between `a` and `b`. Unchanged records are skipped by identity first. */
export function diffStores(a: StoreData, b: StoreData): ChangeSet {
	const out: ChangeSet = new Map();
	for (const {key, id, noun} of COLLECTIONS) {
		const before = (a[key] ?? []) as AnyRecord[];
		const after = (b[key] ?? []) as AnyRecord[];
		if (before === after) continue;
		const byId = new Map<string, AnyRecord>();
		for (const r of before) byId.set(recordId(r, id), r);
		const seen = new Set<string>();
		for (const r of after) {
			const rid = recordId(r, id);
			seen.add(rid);
			recordDiff(labelOf(noun, key, r, rid, b), byId.get(rid), r, out, `${key}:${rid}`, {collection: key, data: b});
		}
		for (const [rid, r] of byId) {
			if (!seen.has(rid)) recordDiff(labelOf(noun, key, r, rid, a), r, undefined, out, `${key}:${rid}`, {collection: key, data: a});
		}
	}
	for (const {key, label} of SINGLES) recordDiff(label, a[key] as AnyRecord, b[key] as AnyRecord, out, String(key));
	// Any other top-level field (a future one, or one a newer fortnight added) counts as a field of the store.
	const known = new Set<string>([...COLLECTIONS.map(c => c.key), ...SINGLES.map(s => s.key), ...IGNORED]);
	const rest = (d: StoreData): AnyRecord => Object.fromEntries(Object.entries(d).filter(([k]) => !known.has(k)));
	recordDiff('the store', rest(a), rest(b), out, 'store');
	return out;
}

/** True when `after` is `before` with items added at the end (both sides appending to one list is not a clash). */
function appendsTo(before: unknown, after: unknown): boolean {
	if (!Array.isArray(before) || !Array.isArray(after) || after.length < before.length) return false;
	for (let i = 0; i < before.length; i++) if (!same(before[i], after[i])) return false;
	return true;
}

export interface Clash {
	/** What the other user changed that our change also touches, for the message and the desk. */
	label: string;
	fields: string[];
	/** One sentence for the user, in the words of the surface that made the change (see ClashSurface). */
	message: string;
}

/**
 * Who reads a clash message. The desk's user reloads (the `u` key) and makes the change again; a command
 * line user runs the command again, which reads the store afresh.
 */
export type ClashSurface = 'desk' | 'command';

const ADVICE: Record<ClashSurface, string> = {
	desk: 'Reload to see their version, then make your change again.',
	command: 'Run the command again: it reads their version first.',
};
const SINCE: Record<ClashSurface, string> = {desk: 'after you opened the store', command: 'while this command was running'};

/**
 * Compares what they changed (base -> theirs) with what we meant (base -> ours). Returns the first
 * record both edited in an incompatible way, or null when re-running the change on their data is safe.
 * `rerun` gives what re-running the change on their data does (theirs -> change(theirs)); it is asked
 * only when both added a record under the same drawn id, to confirm the re-run drew a new id and left
 * their record as they wrote it (a change that fixed the id outside itself would overwrite theirs).
 */
export function findClash(
	theirChanges: ChangeSet,
	ourChanges: ChangeSet,
	surface: ClashSurface = 'desk',
	rerun?: () => ChangeSet,
): Clash | null {
	const advice = ADVICE[surface];
	const since = SINCE[surface];
	const yours = surface === 'desk' ? 'your change' : 'this command';
	for (const [id, ours] of ourChanges) {
		const theirs = theirChanges.get(id);
		if (!theirs) continue;
		if (ours.presence === 'added' && theirs.presence === 'added' && isDrawn(id) && rerun && !rerun().has(id)) continue;
		if (ours.presence !== 'changed' || theirs.presence !== 'changed') {
			const what = theirs.presence === 'removed' ? 'deleted' : theirs.presence === 'added' ? 'added' : 'changed';
			const verb = ours.presence === 'changed' ? 'edits' : ours.presence === 'added' ? 'adds' : 'deletes';
			return {
				label: theirs.label,
				fields: [],
				message: `${whoChanged(theirs, what, '')} ${since}, and ${yours} ${verb} it too, so ${yours} was not saved. ${advice}`,
			};
		}
		const clashing: string[] = [];
		for (const [field, mine] of ours.fields) {
			const other = theirs.fields.get(field);
			if (!other) continue;
			if (same(mine.after, other.after)) continue; // both made the same edit
			if (appendsTo(mine.before, mine.after) && appendsTo(other.before, other.after)) continue; // both appended
			clashing.push(field);
		}
		if (clashing.length > 0) {
			const fields = ` (${fieldWords(theirs.collection ?? '', clashing)})`;
			return {
				label: theirs.label,
				fields: clashing,
				message: `${whoChanged(theirs, 'changed', fields)} ${since}, and ${yours} edits the same, so ${yours} was not saved. ${advice}`,
			};
		}
	}
	return null;
}

/**
 * "DI Okafor changed case CR/1/26 (who holds it)": who made the other change, by name when the record
 * says, else "another user". A draft is saved only by its own reviewer, so a change to it came from that
 * reviewer's other session (another desk or command as them), which is said as such rather than as
 * "another user" (QA 6 D4).
 */
function whoChanged(theirs: ChangeSet extends Map<string, infer V> ? V : never, what: string, fields: string): string {
	if (theirs.collection === 'drafts') {
		const label = theirs.label[0]!.toUpperCase() + theirs.label.slice(1);
		const where = theirs.owner ? `another session (a desk or command open as ${theirs.owner})` : 'another session';
		return `${label} was ${what}${fields} in ${where}`;
	}
	return `${theirs.by ?? 'Another user'} ${what} ${theirs.label}${fields}`;
}

/** Short labels of what another user changed, for the status bar ("another user changed case 24/1234/26"). */
export function describeChanges(changes: ChangeSet, limit = 5): string[] {
	const labels = [...changes.values()].map(c => c.label);
	return labels.length > limit ? [...labels.slice(0, limit), `${labels.length - limit} more`] : labels;
}
