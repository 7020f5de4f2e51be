/**
 * `fortnight problems --json`: a stable, documented array (see the command's --help and the README).
 * Field names and order never change within a schema; every optional value is present as null so a
 * consumer can rely on the keys. Text from the store goes through safeText (JSON escaping alone would
 * let bidi overrides through to a terminal). The schema is problems-json-schema.ts.
 */
import type {Officer} from '../domain/model.js';
import {shortName} from '../domain/people.js';
import type {Problem} from '../domain/problem.js';
import type {DeskWay, Resolve} from '../domain/resolve.js';
import {escapeJsonText, mayBeUnsafe, safeText, type CheckedOutput} from '../domain/safe-text.js';
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
	return shaped(p, officers, safeText);
}

// Each desk way's JSON made once: the ways share a few desk objects (resolve.ts), and thousands of
// problems name them (issue 18).
const deskJsons = new WeakMap<DeskWay, {key: string; where: string}>();

function deskJson(desk: DeskWay): {key: string; where: string} {
	let json = deskJsons.get(desk);
	if (json === undefined) deskJsons.set(desk, (json = {key: desk.key, where: desk.where}));
	return json;
}

/** A problem in the JSON's shape, every store string passed through `text` (safeText, or as it is). */
function shaped(p: Problem, officers: ReadonlyMap<string, Officer>, text: (s: string) => string): ProblemJson {
	return {
		id: text(p.id),
		kind: p.kind,
		severity: p.severity,
		subject: {
			type: p.subject.type,
			ref: p.subject.type === 'case' ? text(p.subject.ref) : null,
			officerId: text(p.subject.officerId),
			officerName: officerName(officers, p.subject.officerId),
		},
		message: text(p.message),
		action: text(p.action),
		since: p.since,
		due: p.due ?? null,
		evidence: evidenceJson(p.evidence, text),
		resolve: resolveJson(p.resolve ?? [], text),
	};
}

// Index loops, not map with a closure: this runs for every problem once per command, mostly before the
// engine optimises it (issue 18).
function evidenceJson(evidence: Problem['evidence'], text: (s: string) => string): ProblemJson['evidence'] {
	const out: ProblemJson['evidence'] = [];
	for (let i = 0; i < evidence.length; i++) {
		const e = evidence[i]!;
		out.push({
			type: e.type,
			caseRef: e.caseRef === undefined ? null : text(e.caseRef),
			id: e.id === undefined ? null : text(e.id),
			date: e.date ?? null,
			detail: text(e.detail),
		});
	}
	return out;
}

function resolveJson(resolve: readonly Resolve[], text: (s: string) => string): ProblemJson['resolve'] {
	const out: ProblemJson['resolve'] = [];
	for (let i = 0; i < resolve.length; i++) {
		const r = resolve[i]!;
		out.push({
			way: r.way,
			label: text(r.label),
			desk: r.desk ? deskJson(r.desk) : null,
			command: r.command === null ? null : text(r.command),
		});
	}
	return out;
}

const asIs = (s: string): string => s;

/** Runs of characters other than ASCII's first 127 (DEL among them: mayBeUnsafe says yes to it). */
const NON_ASCII = /[^\u0000-\u007e]+/g;

/**
 * True when JSON.stringify's output is printable (its indentation's line breaks apart) with no escape but
 * for a quote or a backslash. JSON.stringify escapes every control character (and a lone surrogate), so
 * then every string in it held only printable characters, which safeText returns as they are and
 * escapeJsonText leaves alone. A run of non-ASCII characters (an ellipsis the rules write, an accented
 * name) is looked at on its own, so a store in plain text with a few of them keeps the fast path: the
 * careful one costs a Unicode property scan of all 7 MB at 5,000 cases (issue 18).
 */
function printableJson(json: string): boolean {
	// The runs (and any DEL) found by the one scan that looks for them: a UTF-8 byte count first, to skip it for ASCII
	// text, cost as much again as the scan itself (4 ms at 5,000 cases).
	NON_ASCII.lastIndex = 0;
	for (let m = NON_ASCII.exec(json); m !== null; m = NON_ASCII.exec(json)) if (mayBeUnsafe(m[0])) return false;
	for (let i = json.indexOf('\\'); i !== -1; i = json.indexOf('\\', i + 2)) {
		const next = json.charCodeAt(i + 1);
		if (next !== 0x22 && next !== 0x5c) return false;
	}
	return true;
}

/**
 * Problems per JSON.stringify call on the plain path. V8 builds a string one byte a character until it
 * meets a character above U+00FF, then two for every character after it: one ellipsis early in 7 MB of
 * problems made all of it two-byte, slower to build, to check and to encode for stdout. In pieces, only
 * the few pieces holding such a character are (issue 18: about 20 ms at 5,000 cases).
 */
const PIECE = 256;

/**
 * The JSON text in pieces that, written one after another, are the text renderProblemsJson returns; each
 * checked (safe-text.ts CheckedOutput): printable ASCII but for line breaks on the plain path,
 * escapeJsonText's on the careful one (then one piece).
 */
export function renderProblemsJsonPieces(problems: readonly Problem[], officers: ReadonlyMap<string, Officer>): CheckedOutput[] {
	if (problems.length === 0) return ['[]\n' as CheckedOutput];
	// Most stores' text is printable ASCII: the problems are written as they are and the text is checked
	// once, where safeText on each of a hundred thousand strings was a fifth of the rendering (issue 18:
	// 7.5 MB at 5,000 cases). Anything else, and the text is made the careful way.
	const pieces: CheckedOutput[] = [];
	for (let from = 0; from < problems.length; from += PIECE) {
		const part: ProblemJson[] = [];
		const to = Math.min(problems.length, from + PIECE);
		for (let i = from; i < to; i++) part.push(shaped(problems[i]!, officers, asIs));
		// JSON.stringify(part, null, 2) is "[\n  {...},\n  {...}\n]", each problem indented as in the whole
		// array's text: the first piece keeps its "[", the others start after it, with the "," between
		// them, and the "\n]" closes the last one.
		const json = JSON.stringify(part, null, 2);
		if (!printableJson(json)) return [careful(problems, officers)];
		// The "," a piece of its own: a slice of the flat text is written as it is, where `,${body}` made a
		// join that writing had to copy into one string first, 7.6 MB more for the collector at 5,000 cases
		// (issue 18). The bytes written are the same.
		if (from !== 0) pieces.push(',' as CheckedOutput);
		pieces.push(json.slice(from === 0 ? 0 : 1, -2) as CheckedOutput);
	}
	pieces.push('\n]\n' as CheckedOutput);
	return pieces;
}

/** Every store string through safeText, then the whole text through escapeJsonText. */
function careful(problems: readonly Problem[], officers: ReadonlyMap<string, Officer>): CheckedOutput {
	return (escapeJsonText(
		JSON.stringify(
			problems.map(p => problemToJson(p, officers)),
			null,
			2,
		),
	) + '\n') as CheckedOutput;
}

/** The JSON text, checked (safe-text.ts CheckedOutput): renderProblemsJsonPieces joined. */
export function renderProblemsJson(problems: readonly Problem[], officers: ReadonlyMap<string, Officer>): CheckedOutput {
	return renderProblemsJsonPieces(problems, officers).join('') as CheckedOutput;
}
