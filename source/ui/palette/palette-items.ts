/**
 * What the command palette searches: every palette command from the keymap, every officer and every
 * case reference. Built once per store revision.
 */
import type {DeskCommand} from '../keymap.js';
import {KEYMAP} from '../keymap.js';
import {fullName} from '../../domain/people.js';
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

const cache = new WeakMap<DeskModel, PaletteItem[]>();

export function paletteItems(model: DeskModel): PaletteItem[] {
	const hit = cache.get(model);
	if (hit) return hit;
	const items: PaletteItem[] = [];
	for (const b of KEYMAP) if (b.palette) items.push({label: b.palette, detail: b.keys.join(' '), target: {type: 'command', command: b.command}});
	for (const o of model.data.officers) items.push({label: safeText(fullName(o)), detail: 'officer: show in the explorer', target: {type: 'officer', officerId: o.id}});
	for (const c of model.data.cases) {
		const oic = model.officerById.get(c.oicId);
		items.push({label: safeText(c.ref), detail: safeText(`${c.offenceShort} - ${oic ? fullName(oic) : 'unknown officer'}${c.status === 'closed' ? ' (closed)' : ''}`), target: {type: 'case', ref: c.ref}});
	}
	cache.set(model, items);
	return items;
}

/** Matches for the query, best first. An empty query lists the commands first. */
export function paletteMatches(model: DeskModel, query: string, limit: number): PaletteItem[] {
	if (lastMatch && lastMatch.model === model && lastMatch.query === query && lastMatch.limit === limit) return lastMatch.items;
	const items = fuzzyTop(paletteItems(model), i => i.label, query.trim(), limit);
	lastMatch = {model, query, limit, items};
	return items;
}

// The view and the reducer (on Enter) ask for the same matches: compute them once.
let lastMatch: {model: DeskModel; query: string; limit: number; items: PaletteItem[]} | undefined;
