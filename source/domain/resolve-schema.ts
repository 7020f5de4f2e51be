/**
 * A Resolve (resolve.ts) as JSON: the strict schema `problems --json` and the handover publish. Its own
 * module so that the rules, which build Resolves, do not load TypeBox (issue 18: loading it was a tenth
 * of `problems --json` at 5,000 cases); only what prints or checks a schema loads this.
 */
import {Type} from '@sinclair/typebox';
import {doc, Nullable, StrictObject} from './json-schema.js';
import {RESOLVE_WAYS} from './resolve.js';

/** A Resolve as JSON (`problems --json`, the handover's decisions): the strict schema both publish. */
export const ResolveJsonSchema = StrictObject({
	way: Type.Union(RESOLVE_WAYS.map(w => Type.Literal(w))),
	label: doc('What to do, in words.', Type.String({minLength: 1})),
	desk: doc(
		'The desk key that opens it and where it works; null when only the command line does it.',
		Nullable(StrictObject({key: Type.String({minLength: 1}), where: Type.String()})),
	),
	command: doc(
		'The command line, with what the person supplies in capitals (OFFICER, TEXT, NAME, D, FILE.csv); null when only the desk does it.',
		Nullable(Type.String({minLength: 1})),
	),
});
