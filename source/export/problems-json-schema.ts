/**
 * The JSON Schema of `problems --json` (`problems --schema`; README, "JSON schemas"). Its own module so
 * that printing the array (problems-json.ts) does not load TypeBox (issue 18: loading it was a tenth of
 * `problems --json` at 5,000 cases).
 */
import {Type, type Static} from '@sinclair/typebox';
import {DateSchema, Nullable, StrictObject, doc} from '../domain/json-schema.js';
import {EVIDENCE_TYPES, SEVERITIES} from '../domain/problem.js';
import {PROBLEM_KINDS} from '../domain/rules/index.js';
import {ResolveJsonSchema} from '../domain/resolve-schema.js';

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
	resolve: doc(
		'The ways to clear it that the reader may take, at least one; when they may take none, every way, each saying who can ' +
			'("(for DS Brennan to do)", its command with --as, desk null) (README "Acting on a problem").',
		Type.Array(ResolveJsonSchema, {minItems: 1}),
	),
});
export type ProblemJson = Static<typeof ProblemJsonSchema>;

export const ProblemsJsonSchema = Type.Array(ProblemJsonSchema, {
	$id: 'https://fortnight.local/schema/problems-1.json',
	title: 'fortnight problems --json',
	description: 'What needs attention, most urgent first (severity, then the oldest).',
});
