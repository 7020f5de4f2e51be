/**
 * The explorer's rows: officers with their live cases beneath, filtered and folded. Built once per
 * (model, folded set, filter) and reused on every cursor move, so moving is O(1) and drawing is
 * O(visible rows) whatever the caseload.
 */
import type {Case} from '../../domain/model.js';
import {fullName} from '../../domain/people.js';
import {bailBadge, reviewBadge, type DeskModel, type OfficerGroup} from '../model/desk-model.js';
import {filterWords, matchesFilter} from '../list/filter-list.js';

export type ExplorerRow =
	| {kind: 'officer'; group: OfficerGroup; folded: boolean; /** Cases listed under it (after the filter). */ shown: number}
	| {kind: 'case'; c: Case; officerId: string};

let last: {model: DeskModel; folded: ReadonlySet<string>; filter: string; rows: ExplorerRow[]} | undefined;

export function explorerRows(model: DeskModel, folded: ReadonlySet<string>, filter: string): ExplorerRow[] {
	if (last && last.model === model && last.folded === folded && last.filter === filter) return last.rows;
	const rows = buildRows(model, folded, filter);
	last = {model, folded, filter, rows};
	return rows;
}

function buildRows(model: DeskModel, folded: ReadonlySet<string>, filter: string): ExplorerRow[] {
	const words = filterWords(filter);
	const rows: ExplorerRow[] = [];
	for (const group of model.groups) {
		if (words.length === 0) {
			const isFolded = folded.has(group.id);
			rows.push({kind: 'officer', group, folded: isFolded, shown: group.cases.length});
			if (!isFolded) for (const c of group.cases) rows.push({kind: 'case', c, officerId: group.id});
			continue;
		}
		// Filtering: an officer whose name matches shows all their cases; otherwise only matching cases.
		const name = group.officer ? fullName(group.officer) : group.id;
		const all = matchesFilter(words, name);
		// The badges a row shows are searchable too ("/overdue", "/bail lapsed", "/draft"): what is on screen can be found.
		const badges = (c: Case) =>
			`${reviewBadge(model, c).text} ${bailBadge(model, c)?.text ?? ''}${model.drafts.has(c.ref) ? ' draft' : ''}`;
		const text = (c: Case) => `${c.ref} ${c.offenceShort} ${c.offence} ${c.risk} ${c.status} ${badges(c)}`;
		const cases = all ? group.cases : group.cases.filter(c => matchesFilter(words, text(c)));
		if (cases.length === 0 && !all) continue;
		rows.push({kind: 'officer', group, folded: false, shown: cases.length});
		for (const c of cases) rows.push({kind: 'case', c, officerId: group.id});
	}
	return rows;
}

/** Index of the row for a case (or officer), or -1. */
export function rowIndexOf(rows: readonly ExplorerRow[], target: {ref?: string; officerId?: string}): number {
	return rows.findIndex(r =>
		target.ref !== undefined ? r.kind === 'case' && r.c.ref === target.ref : r.kind === 'officer' && r.group.id === target.officerId,
	);
}
