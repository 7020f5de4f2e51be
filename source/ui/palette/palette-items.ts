/**
 * What the command palette searches: every palette command from the keymap, every officer and every
 * case reference. Built once per store revision.
 */
import {DEFAULT_KEYMAP, type DeskCommand, type Keymap} from '../contexts/registry.js';
import type {KeyView} from '../contexts/binding.js';
import {fullName} from '../../domain/people.js';
import {mayReadOfficer} from '../../domain/read-scope.js';
import {safeText} from '../../domain/safe-text.js';
import type {DeskModel} from '../model/desk-model.js';
import {fuzzyAll} from './fuzzy.js';

export type PaletteTarget = {type: 'command'; command: DeskCommand} | {type: 'case'; ref: string} | {type: 'officer'; officerId: string};

export interface PaletteItem {
	/** What is matched and shown first: "View: Team", "CR/0412/25". */
	label: string;
	/** Shown after the label: the case's offence and officer, the command's keys. */
	detail: string;
	target: PaletteTarget;
	/** A command's views when it works in some only (contexts/binding.ts); absent when it works everywhere. */
	views?: readonly KeyView[];
}

const caches = new WeakMap<Keymap, WeakMap<DeskModel, PaletteItem[]>>();

/** Every item, the commands with the keys in force (built once per model and keymap). */
export function paletteItems(model: DeskModel, keymap: Keymap = DEFAULT_KEYMAP): PaletteItem[] {
	let cache = caches.get(keymap);
	if (!cache) caches.set(keymap, (cache = new WeakMap()));
	const hit = cache.get(model);
	if (hit) return hit;
	const items: PaletteItem[] = [];
	for (const b of keymap.desk)
		if (b.palette)
			items.push({
				label: b.palette,
				detail: b.keys.join(' '),
				target: {type: 'command', command: b.command},
				...(b.views ? {views: b.views} : {}),
			});
	// What the reader may see (desk-model.ts `scope`): an officer finds their own cases and themselves.
	for (const o of model.data.officers)
		if (mayReadOfficer(model.scope, o.id))
			items.push({label: safeText(fullName(o)), detail: 'officer: show in the explorer', target: {type: 'officer', officerId: o.id}});
	for (const c of model.caseByRef.values()) {
		const oic = model.officerById.get(c.oicId);
		items.push({
			label: safeText(c.ref),
			detail: safeText(`${c.offenceShort} - ${oic ? fullName(oic) : 'unknown officer'}${c.status === 'closed' ? ' (closed)' : ''}`),
			target: {type: 'case', ref: c.ref},
		});
	}
	cache.set(model, items);
	return items;
}

/**
 * Matches for the query, best first, up to `limit` (Infinity: every one, as the palette scrolls through them).
 * An empty query lists the commands first, those of `view` (the view the palette was opened over) ahead of
 * the rest, so browsing starts with what acts where you are (QA 6 R14: it began with the Log and Handover
 * views' commands whatever the view); then the commands of every view, the other views', officers and cases.
 */
export function paletteMatches(
	model: DeskModel,
	query: string,
	limit: number,
	keymap: Keymap = DEFAULT_KEYMAP,
	view?: KeyView,
): PaletteItem[] {
	const last = lastMatch;
	if (last && last.model === model && last.query === query && last.limit === limit && last.keymap === keymap && last.view === view)
		return last.items;
	const q = query.trim();
	const all = paletteItems(model, keymap);
	const found = q === '' && view ? viewFirst(all, view) : fuzzyAll(all, i => i.label, q);
	const items = found.length > limit ? found.slice(0, limit) : found;
	lastMatch = {model, query, limit, keymap, view, items};
	return items;
}

/** The commands of `view`, then those that work everywhere, then the other views'; officers and cases after, in order. */
function viewFirst(items: readonly PaletteItem[], view: KeyView): PaletteItem[] {
	// Four buckets in one pass, each in the items' order (tens of thousands of cases: no sort).
	const buckets: PaletteItem[][] = [[], [], [], []];
	for (const i of items) buckets[i.target.type !== 'command' ? 3 : !i.views ? 1 : i.views.includes(view) ? 0 : 2]!.push(i);
	return buckets.flat();
}

// The view and the reducer (on Enter) ask for the same matches: compute them once.
let lastMatch:
	{model: DeskModel; query: string; limit: number; keymap: Keymap; view: KeyView | undefined; items: PaletteItem[]} | undefined;
