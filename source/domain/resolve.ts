/**
 * The ways to clear a problem (README "Acting on a problem"). An alarm nobody can clear teaches people
 * to ignore the list, so every rule declares, for each kind of problem it raises, what a person
 * records to clear it: the desk key that opens it and the command that does it. The declarations sit
 * beside each rule (source/domain/rules/*, in each rule file's declaration: rules/rule.ts); findProblems
 * attaches them to every problem, so the desk, `fortnight problems` and the handover name the same ways.
 *
 * A desk way names the desk's action (the input contexts' command, source/ui/contexts/) and its default
 * key. The desk names the key from the registry with the person's own settings (README "Settings"), so
 * a remapped key is the one its problem detail shows; the command line and the handover, read by the
 * whole team, name the default key. test/ui/resolve-keys.test.ts holds the defaults to the keymap's. A command names what is known (the case, the absence, the officer) and leaves in
 * capitals what the person supplies (OFFICER, TEXT, NAME, D, FILE.csv).
 */
import type {IsoDate} from './dates.js';
import type {Officer} from './model.js';
import type {Problem} from './problem.js';
import {shortName} from './people.js';
import type {RuleContext} from './rules/context.js';
import {safeText} from './safe-text.js';

/** What a way records: the one thing a person does in fortnight (or in the records system, then imports). */
export type ResolveWay =
	| 'review'
	| 'performance-decision'
	| 'reallocate'
	| 'absence-change'
	| 'bail-record'
	| 'welfare-record'
	| 'import'
	/** Outside what fortnight records yet: who reports to whom (span of control). Neither a key nor a command. */
	| 'team-structure'
	/** Outside fortnight too: a PostgreSQL row fortnight could not read, which only the database owner can mend (rules/store-records.ts). */
	| 'database-owner';

/** Every way, for help text and tests. A Record, so a way added above must be listed here too. */
const EVERY_WAY: Record<ResolveWay, true> = {
	review: true,
	'performance-decision': true,
	reallocate: true,
	'absence-change': true,
	'bail-record': true,
	'welfare-record': true,
	import: true,
	'team-structure': true,
	'database-owner': true,
};
export const RESOLVE_WAYS = Object.keys(EVERY_WAY) as ResolveWay[];

/** The desk actions a way opens: the keymap's command names (source/ui/contexts/desk.ts, team.ts). */
export type DeskAction = 'review' | 'reallocate' | 'trigger-decide' | 'bail-record' | 'welfare-record' | 'absence-change';

/** The desk action that opens a way, its default key, and where it works. */
export interface DeskWay {
	action: DeskAction;
	/** The default key (the command line and the handover name it; the desk names the key in force). */
	key: string;
	where: string;
}

export interface Resolve {
	way: ResolveWay;
	/** What to do, in words: "Reallocate CR/87204/26 to an officer at work". */
	label: string;
	/** The desk key, or null when only the command line does it. */
	desk: DeskWay | null;
	/** The command line, or null when only the desk does it. */
	command: string | null;
}

/** How one kind of problem is cleared, given the problem and the rules' view of the store. */
export type ResolveFor = (p: Problem, ctx: RuleContext) => readonly Resolve[];

/**
 * The ways for a kind that clears the same way whatever the problem (an import, a guided review): made
 * once and shared, frozen so no problem's list can change another's. A crime-report or forensic kind
 * names them on thousands of problems at 5,000 cases, and making each list again, its label written out
 * each time, was work for nothing (issue 18).
 */
export function sameWays(...ways: Resolve[]): ResolveFor {
	const list: readonly Resolve[] = Object.freeze(ways.map(w => Object.freeze(w)));
	return () => list;
}

/** The default keys of the desk actions a way opens (the keymap binds the same keys: see the header). */
export const DESK_ACTION_KEYS: Readonly<Record<DeskAction, string>> = {
	review: 'r',
	reallocate: 'm',
	'trigger-decide': 'd',
	'bail-record': 'b',
	'welfare-record': 'w',
	'absence-change': 'c',
};

/** The same default keys by the names the rules used before a way carried its action. */
export const DESK_KEYS = {
	review: DESK_ACTION_KEYS.review,
	reallocate: DESK_ACTION_KEYS.reallocate,
	decideEscalated: DESK_ACTION_KEYS['trigger-decide'],
	bail: DESK_ACTION_KEYS['bail-record'],
	welfare: DESK_ACTION_KEYS['welfare-record'],
	absenceChange: DESK_ACTION_KEYS['absence-change'],
} as const;

/** A way's desk action where `where` says. */
export function deskWay(action: DeskAction, where: string): DeskWay {
	return {action, key: DESK_ACTION_KEYS[action], where};
}

// Each way's desk action made once and shared by every way that names it (a way is never changed once
// made): thousands of problems name the same few, and a copy for each was kept to the end (issue 18).
const CASE_DESK: DeskWay = deskWay('review', 'the case, its problem or its row in the explorer');
const DECISION_DESK: DeskWay = deskWay('review', "one of the officer's cases (step 5 of the review)");
const INSPECTOR_DECISION_DESK: DeskWay = deskWay('trigger-decide', "the Team view (the inspector's queue)");
const REALLOCATE_DESK: DeskWay = deskWay('reallocate', 'the problem, the case, or the palette');
const REALLOCATE_ONE_OF_DESK: DeskWay = deskWay('reallocate', "one of the officer's cases (the problem shows them in the explorer)");
const COVER_DESK: DeskWay = deskWay('absence-change', "the problem, or the absent officer's row in the Team view");
const BAIL_DESK: DeskWay = deskWay('bail-record', 'the problem, the case, or the palette');
const WELFARE_DESK: DeskWay = deskWay('welfare-record', "the problem, or the officer's row in the Team view");

/**
 * A word for a shell command line: as it is when it needs no quoting, else in double quotes, or in
 * single quotes when it holds a character double quotes would not protect. Made safe for a terminal first.
 */
export function shellWord(text: string): string {
	let word = shellWords.get(text);
	if (word === undefined) {
		if (shellWords.size >= SHELL_WORDS_LIMIT) shellWords.clear();
		shellWords.set(text, (word = quoteForShell(text)));
	}
	return word;
}

function quoteForShell(text: string): string {
	const s = safeText(text);
	if (/^[\w/.:@%+=,-]+$/.test(s)) return s;
	if (!/["$`\\!]/.test(s)) return `"${s}"`;
	return `'${s.replace(/'/g, `'\\''`)}'`;
}

// Words made so far: the resolve of a 5,000-case store's problems names the same case, absence or officer
// in two or three commands each, and the safety pass and the two tests for each were a tenth of attaching
// the ways (issue 18). Bounded, so a long-running desk keeps it small.
const shellWords = new Map<string, string>();
const SHELL_WORDS_LIMIT = 20_000;

/**
 * How a command names an officer: "DC Ashworth" when no one else in the team shares it and it is plain
 * words (letters, digits, spaces, dots, hyphens, apostrophes), else their id: a name is store text, and a
 * command is copied into a shell and quoted in the handover.
 */
export function officerWord(officers: readonly Officer[], officerId: string): string {
	const names = namesOf(officers);
	let word = names.words.get(officerId);
	if (word === undefined) names.words.set(officerId, (word = officerWordIn(names, officerId)));
	return word;
}

function officerWordIn({byId, idsByName}: Names, officerId: string): string {
	const o = byId.get(officerId);
	if (!o) return shellWord(officerId);
	const name = shortName(o);
	// Someone else (another id) has the same short name: o's own id is always in the set.
	const shared = idsByName.get(name.toLowerCase())!.size > 1;
	return shellWord(shared || !/^[\p{L}\p{N} .'-]+$/u.test(name) ? o.id : name);
}

interface Names {
	length: number;
	/** The first officer with each id (as officers.find would give). */
	byId: Map<string, Officer>;
	/** Lower-cased short name to the ids that have it. */
	idsByName: Map<string, Set<string>>;
	/** Each officer's word as officerWord made it, once per list (it depends on the list and the id only). */
	words: Map<string, string>;
}

// Indexed once per officer list: the rules name an officer in the resolve of about 1,500 of the 5,000
// problems of a 5,000-case store, and a scan of all 750 officers' short names for each was 50-60 ms of
// `problems --json` (issue 18). A store snapshot's lists are never changed in place (rules/context.ts
// caches on the same assumption); the length check is a cheap guard all the same.
const namesCache = new WeakMap<readonly Officer[], Names>();

function namesOf(officers: readonly Officer[]): Names {
	const hit = namesCache.get(officers);
	if (hit && hit.length === officers.length) return hit;
	const byId = new Map<string, Officer>();
	const idsByName = new Map<string, Set<string>>();
	for (const x of officers) {
		if (!byId.has(x.id)) byId.set(x.id, x);
		const key = shortName(x).toLowerCase();
		const ids = idsByName.get(key);
		if (ids) ids.add(x.id);
		else idsByName.set(key, new Set([x.id]));
	}
	const names = {length: officers.length, byId, idsByName, words: new Map<string, string>()};
	namesCache.set(officers, names);
	return names;
}

/**
 * Sign the case's guided review (its steps set the plan, settle the actions, record decisions). `where`:
 * a problem about an officer names the cases to review itself (r on the problem has no case to review).
 */
export function reviewWay(label = 'Review the case and set the plan for the next 14 days (guided review)', where?: string): Resolve {
	return {way: 'review', label, desk: where === undefined ? CASE_DESK : deskWay('review', where), command: null};
}

/** The performance decision is recorded in step 5 of a guided review of one of the officer's cases. */
export function decisionWay(label: string): Resolve {
	return {
		way: 'performance-decision',
		label,
		desk: DECISION_DESK,
		command: null,
	};
}

/** An escalated trigger is the inspector's to decide: `d` in the Team view works their queue (README "The review desk"). */
export function inspectorDecisionWay(label: string): Resolve {
	return {
		way: 'performance-decision',
		label,
		desk: INSPECTOR_DECISION_DESK,
		command: null,
	};
}

/** Move one case to another officer (README "Case history"). */
export function reallocateWay(ref: string, label: string): Resolve {
	return {
		way: 'reallocate',
		label,
		desk: REALLOCATE_DESK,
		command: `fortnight case reallocate ${shellWord(ref)} --to OFFICER --reason TEXT`,
	};
}

/** Move one of an officer's cases (the person chooses which). */
export function reallocateOneOf(label: string): Resolve {
	return {
		way: 'reallocate',
		label,
		desk: REALLOCATE_ONE_OF_DESK,
		command: 'fortnight case reallocate REF --to OFFICER --reason TEXT',
	};
}

/**
 * Name (or change) the cover of a recorded absence; with `days`, for those days only (the days the named
 * cover is away too: README "Absences", the days before and after keep the cover they have).
 */
export function coverWay(absenceId: string, label: string, days?: {from: IsoDate; to: IsoDate | null}): Resolve {
	const only = days ? ` --from ${days.from}${days.to ? ` --to ${days.to}` : ''}` : '';
	return {
		way: 'absence-change',
		label,
		// The absent officer's row: on a case's problem the officer named is the OIC, not whoever is away.
		desk: COVER_DESK,
		command: `fortnight absence change ${shellWord(absenceId)} --cover NAME${only}`,
	};
}

/** The absence a coverWay names (the desk's `c` opens it from the problem), or null for any other way. */
export function absenceOfWay(w: Resolve): string | null {
	if (w.way !== 'absence-change' || !w.command) return null;
	return unquoted(/^fortnight absence change (\S+|"[^"]*"|'[^']*') /.exec(w.command)?.[1]);
}

/** The days a cover way names (`--from D --to D`: the days the named cover is away), else undefined. */
export function coverDaysOfWay(w: Resolve): {from?: IsoDate; to?: IsoDate} | undefined {
	if (w.way !== 'absence-change' || !w.command) return undefined;
	const from = / --from (\d{4}-\d{2}-\d{2})\b/.exec(w.command)?.[1];
	const to = / --to (\d{4}-\d{2}-\d{2})\b/.exec(w.command)?.[1];
	return from || to ? {...(from ? {from} : {}), ...(to ? {to} : {})} : undefined;
}

/** Record a bail event: the events given, with the flags they need. */
export function bailWay(ref: string, events: string, label: string, more = ''): Resolve {
	return {
		way: 'bail-record',
		label,
		desk: BAIL_DESK,
		command: `fortnight bail record ${shellWord(ref)} --event ${events}${more ? ` ${more}` : ''}`,
	};
}

/** Record that a welfare event happened (never what was said). */
export function welfareWay(officers: readonly Officer[], officerId: string, kind: string, label: string): Resolve {
	return {
		way: 'welfare-record',
		label,
		desk: WELFARE_DESK,
		command: `fortnight welfare record ${officerWord(officers, officerId)} --kind ${kind}`,
	};
}

/** The `--kind` a welfareWay names (the desk's `w` starts its form on it), or null for any other way. */
export function welfareKindOfWay(w: Resolve): string | null {
	if (w.way !== 'welfare-record' || !w.command) return null;
	return / --kind ([\w-]+)$/.exec(w.command)?.[1] ?? null;
}

/** A word as shellWord wrote it, unquoted (ids are plain words; quotes only for what a store might hold). */
function unquoted(word: string | undefined): string | null {
	if (word === undefined) return null;
	if (word.startsWith('"')) return word.slice(1, -1);
	if (word.startsWith("'")) return word.slice(1, -1).replace(/'\\''/g, "'");
	return word;
}

/** The records system holds it: record it there and import the export (README "fortnight import"). */
export function importWay(columns: readonly string[], what: string): Resolve {
	const named = columns.map(c => `"${c}"`).join(' and ');
	return {
		way: 'import',
		label: `${what}, then import the export (column${columns.length === 1 ? '' : 's'} ${named})`,
		desk: null,
		command: 'fortnight import FILE.csv',
	};
}
