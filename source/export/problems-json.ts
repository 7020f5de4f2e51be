/**
 * `fortnight problems --json`: a stable, documented array (see the command's --help and the README).
 * Field names and order never change within a schema; every optional value is present as null so a
 * consumer can rely on the keys. Text from the store goes through safeText (JSON escaping alone would
 * let bidi overrides through to a terminal).
 */
import {Type, type Static} from '@sinclair/typebox';
import {DateSchema, Nullable, StrictObject, doc} from '../domain/json-schema.js';
import type {Officer} from '../domain/model.js';
import {shortName} from '../domain/people.js';
import {EVIDENCE_TYPES, SEVERITIES, type Problem} from '../domain/problem.js';
import {PROBLEM_KINDS} from '../domain/rules/index.js';
import {ResolveJsonSchema} from '../domain/resolve.js';
import {escapeJsonText, safeText} from '../domain/safe-text.js';

const oneOf = (values: readonly string[]) => Type.Union(values.map(v => Type.Literal(v)));

/** One element of `problems --json`; the array's JSON Schema is `problems --schema` (README, "JSON schemas"). */
export const ProblemJsonSchema = StrictObject({
	id: doc('Stable for the same problem across runs, e.g. "bail-due:CR/12345/26".', Type.String({minLength: 1})),
	kind: oneOf(PROBLEM_KINDS),
	severity: oneOf(SEVERITIES),
	subject: StrictObject({
		type: oneOf(['case', 'officer', 'supervisor']),
		ref: doc('Crime reference for a case; null otherwise.', Nullable(Type.String())),
		officerId: Type.String(),
		officerName: Type.String(),
	}),
	message: doc('What is wrong, in plain English with the numbers.', Type.String()),
	action: doc('What to do about it.', Type.String()),
	since: doc('The first day the rule fired.', DateSchema),
	due: doc('The deadline the problem is about (bail date, review date), or null.', Nullable(DateSchema)),
	evidence: Type.Array(
		StrictObject({
			type: oneOf(EVIDENCE_TYPES),
			caseRef: Nullable(Type.String()),
			id: Nullable(Type.String()),
			date: Nullable(DateSchema),
			detail: Type.String(),
		}),
	),
	resolve: doc('The ways to clear it, at least one (README "Acting on a problem").', Type.Array(ResolveJsonSchema, {minItems: 1})),
});
export type ProblemJson = Static<typeof ProblemJsonSchema>;

export const ProblemsJsonSchema = Type.Array(ProblemJsonSchema, {
	$id: 'https://fortnight.local/schema/problems-1.json',
	title: 'fortnight problems --json',
	description: 'What needs attention, most urgent first (severity, then the oldest).',
});

export function problemToJson(p: Problem, officers: ReadonlyMap<string, Officer>): ProblemJson {
	return {
		id: safeText(p.id),
		kind: p.kind,
		severity: p.severity,
		subject: {
			type: p.subject.type,
			ref: p.subject.type === 'case' ? safeText(p.subject.ref) : null,
			officerId: safeText(p.subject.officerId),
			officerName: safeText(shortName(officers.get(p.subject.officerId))),
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
