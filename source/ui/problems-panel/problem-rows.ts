/** The Problems panel's rows: the model's problems (already most urgent first), filtered. Memoised. */
import type {Problem} from '../../domain/problem.js';
import {fullName} from '../../domain/people.js';
import type {DeskModel} from '../model/desk-model.js';
import {filterWords, matchesFilter} from '../list/filter-list.js';

let last: {model: DeskModel; filter: string; rows: readonly Problem[]} | undefined;

export function problemRows(model: DeskModel, filter: string): readonly Problem[] {
	if (last && last.model === model && last.filter === filter) return last.rows;
	const words = filterWords(filter);
	const rows = words.length === 0 ? model.problems : model.problems.filter(p => matchesFilter(words, haystack(model, p)));
	last = {model, filter, rows};
	return rows;
}

function haystack(model: DeskModel, p: Problem): string {
	const ref = p.subject.type === 'case' ? p.subject.ref : '';
	return `${p.severity} ${p.kind} ${ref} ${fullName(model.officerById.get(p.subject.officerId))} ${p.message}`;
}
