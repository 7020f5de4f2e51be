/**
 * `fortnight problems --json`: a stable, documented array (see the command's --help and the README).
 * Field names and order never change within a schema; every optional value is present as null so a
 * consumer can rely on the keys. Text from the store goes through safeText (JSON escaping alone would
 * let bidi overrides through to a terminal). The schema is problems-json-schema.ts.
 */
import type {Officer} from '../domain/model.js';
import {shortName} from '../domain/people.js';
import type {Problem} from '../domain/problem.js';
import {escapeJsonText, safeText} from '../domain/safe-text.js';
import type {ProblemJson} from './problems-json-schema.js';

// Each officer's name made once (an officer record is never changed in place: a change is a new record):
// thousands of problems name the same few hundred officers (issue 18).
const nameCache = new WeakMap<Officer, string>();

function officerName(officers: ReadonlyMap<string, Officer>, officerId: string): string {
	const o = officers.get(officerId);
	if (!o) return safeText(shortName(o));
	let name = nameCache.get(o);
	if (name === undefined) nameCache.set(o, (name = safeText(shortName(o))));
	return name;
}

export function problemToJson(p: Problem, officers: ReadonlyMap<string, Officer>): ProblemJson {
	return {
		id: safeText(p.id),
		kind: p.kind,
		severity: p.severity,
		subject: {
			type: p.subject.type,
			ref: p.subject.type === 'case' ? safeText(p.subject.ref) : null,
			officerId: safeText(p.subject.officerId),
			officerName: officerName(officers, p.subject.officerId),
		},
		message: safeText(p.message),
		action: safeText(p.action),
		since: p.since,
		due: p.due ?? null,
		evidence: p.evidence.map(e => ({
			type: e.type,
			caseRef: e.caseRef === undefined ? null : safeText(e.caseRef),
			id: e.id === undefined ? null : safeText(e.id),
			date: e.date ?? null,
			detail: safeText(e.detail),
		})),
		resolve: (p.resolve ?? []).map(r => ({
			way: r.way,
			label: safeText(r.label),
			desk: r.desk ? {key: r.desk.key, where: r.desk.where} : null,
			command: r.command === null ? null : safeText(r.command),
		})),
	};
}

export function renderProblemsJson(problems: readonly Problem[], officers: ReadonlyMap<string, Officer>): string {
	return (
		escapeJsonText(
			JSON.stringify(
				problems.map(p => problemToJson(p, officers)),
				null,
				2,
			),
		) + '\n'
	);
}
