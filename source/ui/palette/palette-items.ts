/**
 * What the command palette searches: every palette command from the keymap, every officer and every
 * case reference. Built once per store revision.
 */
import {DEFAULT_KEYMAP, type DeskCommand, type Keymap} from '../contexts/registry.js';
import {fullName} from '../../domain/people.js';
import {mayReadOfficer} from '../../domain/read-scope.js';
import {safeText} from '../../domain/safe-text.js';
import type {DeskModel} from '../model/desk-model.js';
import {fuzzyTop} from './fuzzy.js';

export type PaletteTarget = {type: 'command'; command: DeskCommand} | {type: 'case'; ref: string} | {type: 'officer'; officerId: string};

export interface PaletteItem {
	/** What is matched and shown first: "View: Team", "CR/0412/25". */
	label: string;
	/** Shown after the label: the case's offence and officer, the command's keys. */
	detail: string;
	target: PaletteTarget;
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
		if (b.palette) items.push({label: b.palette, detail: b.keys.join(' '), target: {type: 'command', command: b.command}});
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

/** Matches for the query, best first. An empty query lists the commands first. */
export function paletteMatches(model: DeskModel, query: string, limit: number, keymap: Keymap = DEFAULT_KEYMAP): PaletteItem[] {
	const last = lastMatch;
	if (last && last.model === model && last.query === query && last.limit === limit && last.keymap === keymap) return last.items;
	const items = fuzzyTop(paletteItems(model, keymap), i => i.label, query.trim(), limit);
	lastMatch = {model, query, limit, keymap, items};
	return items;
}

// The view and the reducer (on Enter) ask for the same matches: compute them once.
let lastMatch: {model: DeskModel; query: string; limit: number; keymap: Keymap; items: PaletteItem[]} | undefined;
