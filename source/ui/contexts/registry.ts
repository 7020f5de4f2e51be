/**
 * The one registry of key bindings (docs/architecture.md "Input contexts"): every context's bindings,
 * the user's remapping applied once (settings/), and the lookups the reducer, the `?` help, the status-bar
 * hints and the palette share, so none of them can drift from what the keys do.
 */
import {rebind, type Binding, type KeyView} from './binding.js';
import {DESK_BINDINGS} from './desk.js';
import {HANDOVER_BINDINGS} from './handover.js';
import {hintKey, keyMatcher, type KeyInfo} from './key-names.js';
import {LIST_BINDINGS} from './lists.js';
import {LOG_BINDINGS} from './log.js';
import {CONFIRM_BINDINGS, FIELD_BINDINGS, FILTER_BINDINGS, FORM_BINDINGS, PALETTE_BINDINGS, TEXT_EDIT_BINDINGS} from './modes.js';
import {TEAM_BINDINGS} from './team.js';
import {REVIEW_KEYMAP, type ReviewBinding} from '../review/review-keymap.js';
import type {ReadScope} from '../../domain/read-scope.js';

/** The desk's commands, in keymap order: the views' own first (they win matching there), the Team view's last. */
const DESK_COMMANDS = [...LOG_BINDINGS, ...HANDOVER_BINDINGS, ...LIST_BINDINGS, ...DESK_BINDINGS, ...TEAM_BINDINGS];

export type DeskCommand = (typeof DESK_COMMANDS)[number]['command'];
export type PaletteCommand = (typeof PALETTE_BINDINGS)[number]['command'];
export type FilterCommand = (typeof FILTER_BINDINGS)[number]['command'];
export type FieldCommand = (typeof FIELD_BINDINGS)[number]['command'];
export type ConfirmCommand = (typeof CONFIRM_BINDINGS)[number]['command'];
export type FormCommand = (typeof FORM_BINDINGS)[number]['command'];

/** The key tables in force: the defaults, or the defaults with a user's remapping. */
export interface Keymap {
	desk: readonly Binding<DeskCommand>[];
	palette: readonly Binding<PaletteCommand>[];
	filter: readonly Binding<FilterCommand>[];
	field: readonly Binding<FieldCommand>[];
	confirm: readonly Binding<ConfirmCommand>[];
	/** The forms' keys: each form's reducer looks its keys up here (contexts/form-keys.ts). */
	form: readonly Binding<FormCommand>[];
	/** The guided review's keys (review/review-keymap.ts); its commands are remapped as "review-next-step" and so on. */
	review: readonly ReviewBinding[];
}

export const DEFAULT_KEYMAP: Keymap = {
	desk: DESK_COMMANDS,
	palette: PALETTE_BINDINGS,
	filter: FILTER_BINDINGS,
	field: FIELD_BINDINGS,
	confirm: CONFIRM_BINDINGS,
	form: FORM_BINDINGS,
	review: REVIEW_KEYMAP,
};

const officerKeymaps = new WeakMap<Keymap, Keymap>();
const supervisorKeymaps = new WeakMap<Keymap, Keymap>();

/** `keymap` without the desk bindings `drop` leaves out, made once per keymap (`cache`). */
function without(cache: WeakMap<Keymap, Keymap>, keymap: Keymap, drop: (b: Binding<DeskCommand>) => boolean): Keymap {
	let hit = cache.get(keymap);
	if (!hit) cache.set(keymap, (hit = {...keymap, desk: keymap.desk.filter(b => !drop(b))}));
	return hit;
}

/**
 * The keys offered to the person at the desk: the hints, help, palette and the keys views write into
 * their own lines are drawn from this, so none offers what the person may never do. An officer reading
 * their own record (read scope `own`, domain/read-scope.ts) is not offered the supervisors' bindings
 * (`supervisors`); a cover on their days reads the team and is. Only an inspector is offered the
 * inspector's (`inspectors`: the escalated triggers' queue); nobody identified (the file's own readers)
 * is offered every key, and told who they must be when one needs it. The keys still act as bound:
 * pressed, the action says in the domain's words why it is refused.
 */
export function offeredKeymap(keymap: Keymap, scope: ReadScope): Keymap {
	if (scope.kind === 'own') return without(officerKeymaps, keymap, b => Boolean(b.supervisors || b.inspectors));
	if (scope.as === 'inspector' || scope.as === 'unidentified') return keymap;
	return without(supervisorKeymaps, keymap, b => Boolean(b.inspectors));
}

/** True when the keymap offers `command` (offeredKeymap left it in). */
export function offers(keymap: Keymap, command: DeskCommand): boolean {
	return keymap.desk.some(b => b.command === command);
}

/** The desk's command bindings with their default keys. */
export const KEYMAP = DEFAULT_KEYMAP.desk;

/** The tables whose keys a user may remap, by the prefix-free action names help and settings use. */
export const REMAPPABLE = ['desk', 'palette', 'filter', 'field', 'confirm', 'form'] as const;

/**
 * The review's commands are remapped as "review-help", "review-next-step" and so on; only picking an option
 * by its number and a text field's editing keys stay as they are (listed in help, `fixed`).
 */
export const reviewAction = (b: ReviewBinding): string | undefined => (b.fixed ? undefined : `review-${b.command}`);

/** Every action a settings file may remap. */
export function remappableActions(): string[] {
	const review = DEFAULT_KEYMAP.review.map(reviewAction).filter((a): a is string => a !== undefined);
	return [...REMAPPABLE.flatMap(t => DEFAULT_KEYMAP[t].map(b => b.command)), ...review];
}

/** A keymap with some actions on other keys. Unknown actions and key names are the caller's to refuse first. */
export function remapped(base: Keymap, keys: Readonly<Record<string, readonly string[]>>): Keymap {
	const apply = <C extends string>(table: readonly Binding<C>[]) => table.map(b => (keys[b.command] ? rebind(b, keys[b.command]!) : b));
	const review = base.review.map(b => {
		const names = keys[reviewAction(b) ?? ''];
		return names ? rebind(b, names) : b;
	});
	return {
		...base,
		desk: apply(base.desk),
		palette: apply(base.palette),
		filter: apply(base.filter),
		field: apply(base.field),
		confirm: apply(base.confirm),
		form: apply(base.form),
		review,
	};
}

/** Why a remapping cannot be used, one sentence per problem (none: it can). */
export function remapProblems(keys: Readonly<Record<string, readonly string[]>>): string[] {
	const known = new Set(remappableActions());
	const out: string[] = [];
	for (const [action, names] of Object.entries(keys)) {
		if (!known.has(action)) out.push(`"${action}" is not an action that can be remapped (README "Settings" lists the actions).`);
		for (const n of names) if (!keyMatcher(n)) out.push(`"${n}" (for ${action}) is not a key name this desk reads.`);
		if (names.length === 0) out.push(`${action} has no keys: give at least one.`);
	}
	return out;
}

/** The command bound to a key press in `view`, if any. View-only bindings come first, so they win there. */
export function commandFor(input: string, key: KeyInfo, view: KeyView = 'cases', keymap: Keymap = DEFAULT_KEYMAP): DeskCommand | undefined {
	for (const b of keymap.desk) if ((!b.views || b.views.includes(view)) && b.matches(input, key)) return b.command;
	return undefined;
}

/**
 * The command a key press gives in one of the modal contexts (palette, filter, field, question). `typing`:
 * the context takes typed text, so a printable key is text there, never a command (README "Settings").
 */
export function contextCommand<C extends string>(table: readonly Binding<C>[], input: string, key: KeyInfo, typing = false): C | undefined {
	return table.find(b => (typing ? b.matchesTyping(input, key) : b.matches(input, key)))?.command;
}

/** The keys for a command as help writes them ("↓/j"). */
export function keysFor(command: DeskCommand, keymap: Keymap = DEFAULT_KEYMAP): string {
	return keymap.desk.find(b => b.command === command)?.keys.join('/') ?? '';
}

/** The one key a short hint names for a command ("j" for down). */
export function hintKeyFor(command: DeskCommand, keymap: Keymap = DEFAULT_KEYMAP): string {
	return hintKey(keymap.desk.find(b => b.command === command)?.keys ?? []);
}

/** The typed key of a command in one of the modal tables ("Enter" for filter-keep). */
export function modeKey(table: readonly Binding[], command: string): string {
	return hintKey(table.find(b => b.command === command)?.keys ?? []);
}

/**
 * A short line of hints for a view's own footer, keys from the keymap in force: [["down", "up"], "scroll"]
 * gives "j/k scroll".
 */
export function hintLine(
	keymap: Keymap,
	parts: readonly (readonly [DeskCommand | readonly DeskCommand[], string])[],
	separator = ', ',
): string {
	// A command the keymap does not offer (offeredKeymap) is not hinted.
	return parts
		.filter(([commands]) => (typeof commands === 'string' ? [commands] : commands).some(c => offers(keymap, c)))
		.map(
			([commands, words]) => `${(typeof commands === 'string' ? [commands] : commands).map(c => hintKeyFor(c, keymap)).join('/')} ${words}`,
		)
		.join(separator);
}

const helpCache = new WeakMap<Keymap, string[]>();

/**
 * Help lines, generated from the keymap: "keys  what it does  (where)". The keys that work everywhere come
 * first and each view's own keys after them (the keymap lists view keys first only so they win matching).
 */
export function helpLines(keymap: Keymap = DEFAULT_KEYMAP): string[] {
	const hit = helpCache.get(keymap);
	if (hit) return hit;
	const desk = keymap.desk;
	const width = Math.max(...desk.map(b => b.keys.join(' ').length));
	const ordered = [...desk.filter(b => !b.views), ...desk.filter(b => b.views)];
	const lines = ordered.map(b => helpLine(b, width, keymap));
	helpCache.set(keymap, lines);
	return lines;
}

/** Help lines for the contexts that take the keys over the views (palette, filter, field, question, forms). */
export function modeHelpLines(keymap: Keymap = DEFAULT_KEYMAP): string[] {
	const all = [...keymap.palette, ...keymap.filter, ...keymap.field, ...keymap.confirm, ...keymap.form, ...TEXT_EDIT_BINDINGS];
	const width = Math.max(...all.map(b => b.keys.join(' ').length));
	return all.map(b => helpLine(b, width, keymap));
}

/**
 * The editing keys of every one-line text field (contexts/modes.ts TEXT_EDIT_BINDINGS): text, not
 * actions, so they are listed in help but not remapped.
 */
export const TEXT_EDIT_KEYS: readonly string[] = TEXT_EDIT_BINDINGS.flatMap(b => b.keys);

/** "keys  what it does, only when (where)". */
function helpLine(b: Binding, width: number, keymap: Keymap): string {
	return `${b.keys.join(' ').padEnd(width)}  ${withKeys(b.help, keymap)}${b.onlyWhen ? `, ${b.onlyWhen}` : ''} (${b.where})`;
}

/**
 * A help text's `{filter-keep}` and the like, each the key in force of the action it names (README
 * "Settings": a remapped key replaces the default in help's own sentences too).
 */
export function withKeys(text: string, keymap: Keymap = DEFAULT_KEYMAP): string {
	return text.replace(/\{([a-z-]+)\}/g, (whole, action: string) => actionKey(keymap, action) ?? whole);
}

/** The key a hint names for an action of any table, by its settings name ("review-next-case" for the review's). */
function actionKey(keymap: Keymap, action: string): string | undefined {
	for (const t of REMAPPABLE) {
		const b = (keymap[t] as readonly Binding[]).find(x => x.command === action);
		if (b) return hintKey(b.keys);
	}
	const r = keymap.review.find(b => reviewAction(b) === action);
	return r ? hintKey(r.keys) : undefined;
}
