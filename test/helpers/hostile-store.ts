/**
 * A team store whose every text field carries terminal payloads, for the terminal-safety tests: the
 * bundled demo team with each free-text field, id and case reference extended by escape sequences,
 * control characters and invisible Unicode. The schema is walked (not a list of fields kept by hand), so
 * a text field added later is attacked too. Fields long enough carry every payload class at once; short
 * ones (initials, collar numbers, case references) take the classes in turn from record to record, so
 * across the store each of them carries each class.
 */
import {readFileSync} from 'node:fs';
import {Kind, type TSchema} from '@sinclair/typebox';
import {Value} from '@sinclair/typebox/value';
import {StoreSchema, type StoreData} from '../../source/domain/model.js';
import {makeEntry, resignChain} from '../../source/store/chain.js';
import {validateStore} from '../../source/store/validate.js';
import {ROOT} from './cli.js';
import {demoData} from './demo.js';

/** Each payload class in a long form (for fields with room) and a short one (for initials and the like). */
export const PAYLOADS = {
	csi: {long: '\u001b[38;5;201m\u001b[2J\u001b[6n', short: '\u001b[2J'},
	osc52: {long: '\u001b]52;c;cm0gLXJmIH4=\u0007', short: '\u001b]52;c;SA\u0007'},
	osc0: {long: '\u001b]0;PWNED-TITLE\u001b\\', short: '\u001b]0;T\u0007'},
	dcs: {long: '\u001bP+q544e\u001b\\', short: '\u001bP+q\u001b\\'},
	bel: {long: '\u0007\u0007', short: '\u0007'},
	c1: {
		long: Array.from({length: 32}, (_, i) => String.fromCharCode(0x80 + i)).join('') + '\u009b2J\u009d0;T\u009c',
		short: '\u009b2J\u0085',
	},
	bidi: {long: '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c', short: '\u202e\u2066'},
	zeroWidth: {long: '\u200b\u00ad\ufeff\u2060\u{e0001}\u{e0041}\u{e007f}', short: '\u200b\u00ad\u{e0041}'},
	lineSeparator: {long: '\u2028\u2029', short: '\u2028'},
	// Last: an OSC with no terminator swallows whatever follows it on a terminal.
	oscOpen: {long: '\u001b]0;UNTERMINATED', short: '\u001b]0;open'},
} as const;

export type PayloadClass = keyof typeof PAYLOADS;
export const PAYLOAD_CLASSES = Object.keys(PAYLOADS) as PayloadClass[];

/** Every class at once, each announced by a readable marker, the unterminated OSC last. */
export const ALL_LONG = PAYLOAD_CLASSES.map(c => `<${c}>${PAYLOADS[c].long}`).join('');
export const ALL_SHORT = PAYLOAD_CLASSES.map(c => PAYLOADS[c].short).join('');

/**
 * What must never reach a terminal from the store: ESC (any sequence the desk did not draw itself), BEL,
 * C1 controls, bidi controls and the invisible characters above. The returned list names each leak.
 * `allowSgr` lets through the desk's own SGR sequences (ESC [ digits m), never the payload's 256-colour one.
 */
export function leaks(text: string, options: {allowSgr?: boolean; csv?: boolean} = {}): string[] {
	const found: string[] = [];
	let rest = options.allowSgr ? text.replace(/\u001b\[(?!38;5;201m)[0-9;]*m/g, '') : text;
	// A CSV export's own byte-order mark (for spreadsheets) and CRLF line ends are its format, not the store's.
	if (options.csv) rest = rest.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
	const checks: [string, RegExp][] = [
		['ESC', /\u001b/],
		['"\\x1b]52;" clipboard write', /\u001b\]52;|\u009d52;/],
		['"\\x1b]0;" title', /\u001b\]0;|\u009d0;/],
		['BEL', /\u0007/],
		['C1 control', /[\u0080-\u009f]/],
		['bidi control', /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/],
		['zero-width or invisible', /[\u200b\u00ad\ufeff\u2060]|[\u{e0000}-\u{e007f}]/u],
		['line or paragraph separator', /[\u2028\u2029]/],
		['other C0 control', /[\u0000-\u0006\u0008\u000b-\u001a\u001c-\u001f\u007f]/],
	];
	for (const [name, re] of checks) {
		const m = re.exec(rest);
		if (m) found.push(`${name} at ${m.index}: ${JSON.stringify(rest.slice(Math.max(0, m.index - 30), m.index + 30))}`);
	}
	return found;
}

const isInstant = (s: TSchema) => s['description'] === 'ISO timestamp, UTC';
const isPlain = (s: TSchema) => s[Kind] === 'String' && s['pattern'] === undefined && s['format'] === undefined && !isInstant(s);
/** Ids (minLength 1, up to 80) and case references (minLength 1, up to 40): renamed consistently everywhere. */
const isKey = (s: TSchema) => isPlain(s) && s['minLength'] === 1;

/** Visits every string in `value` with its schema node; returns the value with each string replaced by `f`. */
function mapStrings(schema: TSchema, value: unknown, at: string, f: (s: string, schema: TSchema, at: string) => string): unknown {
	switch (schema[Kind]) {
		case 'String':
			return typeof value === 'string' ? f(value, schema, at) : value;
		case 'Object': {
			if (value === null || typeof value !== 'object') return value;
			const out: Record<string, unknown> = {...(value as Record<string, unknown>)};
			for (const [k, sub] of Object.entries(schema['properties'] as Record<string, TSchema>)) {
				if (k in out) out[k] = mapStrings(sub, out[k], `${at}/${k}`, f);
			}
			return out;
		}
		case 'Array':
			return Array.isArray(value) ? value.map(v => mapStrings(schema['items'] as TSchema, v, `${at}/*`, f)) : value;
		case 'Record': {
			const sub = Object.values(schema['patternProperties'] as Record<string, TSchema>)[0]!;
			if (value === null || typeof value !== 'object') return value;
			return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mapStrings(sub, v, `${at}/*`, f)]));
		}
		case 'Union': {
			const member = (schema['anyOf'] as TSchema[]).find(m => Value.Check(m, value));
			return member ? mapStrings(member, value, at, f) : value;
		}
		default:
			return value;
	}
}

/** `text` with payloads added: every class when the field has room, else the next class in turn for this field. */
function attack(text: string, max: number, turn: number): string {
	if (text.length + ALL_LONG.length <= max) return text + ALL_LONG;
	if (text.length + ALL_SHORT.length <= max) return text + ALL_SHORT;
	const one = PAYLOADS[PAYLOAD_CLASSES[turn % PAYLOAD_CLASSES.length]!].short;
	return text.length + one.length <= max ? text + one : one;
}

export interface HostileStore {
	data: StoreData;
	/** Welfare notes (the team.welfare.json file's content) with hostile text, authors and ids. */
	welfare: {schemaVersion: 1; notes: {id: string; officerId: string; date: string; by: string; text: string}[]};
	/** Old id or reference -> its hostile form. */
	renamed: Map<string, string>;
}

export function hostileStore(): HostileStore {
	const demo = demoData();
	const turns = new Map<string, number>();
	const turn = (at: string) => {
		const n = turns.get(at) ?? 0;
		turns.set(at, n + 1);
		return n;
	};
	// Pass 1: every id and case reference gets one hostile form, used wherever it is referred to.
	const renamed = new Map<string, string>();
	mapStrings(StoreSchema, demo, '', (s, schema, at) => {
		if (isKey(schema) && !renamed.has(s)) renamed.set(s, attack(s, Number(schema['maxLength']), turn(at)));
		return s;
	});
	// Pass 2: references follow their ids; every other free-text field is attacked.
	turns.clear();
	let data = mapStrings(StoreSchema, demo, '', (s, schema, at) => {
		if (!isPlain(schema)) return s;
		const key = renamed.get(s);
		if (key !== undefined) return key;
		return attack(s, Number(schema['maxLength'] ?? 20_000), turn(at));
	}) as StoreData;

	// The sergeant's absence gets a cover (the Handover view's header names the recorded cover); a draft in
	// progress (its free-text answers are shown when the review is resumed) and an amendment are added.
	const sergeant = data.team.sergeantId;
	data.absences = data.absences.map(a => (a.officerId === sergeant ? {...a, coverOfficerId: data.team.inspectorId} : a));
	const drafted = data.cases.find(c => c.status !== 'closed' && c.actions.some(a => a.status === 'open'))!;
	data.drafts = [
		{
			caseRef: drafted.ref,
			reviewerId: sergeant,
			startedAt: '2026-11-30T09:00:00.000Z',
			updatedAt: '2026-11-30T09:05:00.000Z',
			step: 3,
			answers: {
				outcomes: Object.fromEntries(
					drafted.actions.filter(a => a.status === 'open').map(a => [a.id, {outcome: 'carried', reason: `carried ${ALL_LONG}`}]),
				),
				risk: {decision: 'change', newRisk: 'high', rationale: `rationale ${ALL_LONG}`},
				actions: [{key: 'n1', text: `new action ${ALL_LONG}`, ownerId: drafted.oicId, due: `due ${ALL_SHORT}`}],
				noActionReason: `no action ${ALL_LONG}`,
				performance: {decision: 'not-now', reason: `not now ${ALL_LONG}`, planReviewDate: '', concern: `concern ${ALL_LONG}`},
				welfare: {checkIn: true, note: '', flags: []},
				signOff: {nextReviewDue: '', summary: `summary ${ALL_LONG}`},
			},
		},
	];
	const chain = resignChain(data.chain);
	const review = chain.findLast(e => e.kind === 'review')!;
	const amendment = {
		amends: review.seq,
		date: '2026-11-29',
		by: sergeant,
		reason: `amended ${ALL_LONG}`,
		corrections: {summary: `corrected ${ALL_LONG}`},
	};
	chain.push(makeEntry(chain, 'amendment', amendment, '2026-11-29T10:00:00.000Z'));
	data = {...data, chain};

	const problem = validateStore(data);
	if (problem) throw new Error(`the hostile store does not load: ${problem.path}: ${problem.message}`);

	const demoWelfare = JSON.parse(readFileSync(`${ROOT}/data/demo.welfare.json`, 'utf8')) as HostileStore['welfare'];
	const welfare = {
		schemaVersion: 1 as const,
		notes: demoWelfare.notes.map((n, i) => ({
			id: `${n.id}${ALL_SHORT}`,
			officerId: renamed.get(n.officerId) ?? n.officerId,
			date: n.date,
			by: renamed.get(n.by) ?? n.by,
			text: `note ${i} ${ALL_LONG}`,
		})),
	};
	return {data, welfare, renamed};
}
