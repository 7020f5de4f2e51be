/**
 * The status bar's key hints, generated from the registry: each context declares which commands it hints
 * and in what words, and the keys come from the bindings in force (a remapped key is hinted as remapped).
 * Each context names only keys that act there (test/ui/keys-in-help.test.tsx holds it).
 */
import {activeTab} from '../editor/tabs.js';
import {tabLength} from '../desk/desk-navigation.js';
import {welfareOpens} from '../desk/desk-records.js';
import {teamRows} from '../team/team-rows.js';
import {setAsideRefusal} from '../model/case-set-aside.js';
import {refusedOnRow, type AbsenceKey} from '../team/row-refusals.js';
import type {DeskState} from '../desk/desk-state.js';
import {activeContext, deskKeymap, type ContextId} from './active.js';
import type {Binding} from './binding.js';
import {hintKey} from './key-names.js';
import {fieldsFor} from '../record/record-form.js';
import {absenceFormHints, decisionFormHints, reallocateFormHints, recordFormHints} from './form-hints.js';
import type {Keymap} from './registry.js';

type Table = keyof Keymap;

interface Hint {
	/** The commands whose keys are named, and the table they are in (default: the desk's). */
	commands: readonly string[];
	table?: Table;
	words: string;
	/** 'typed': each command's typed key ("j/k"); 'all': every key of each ("Tab/↑/↓"). */
	style?: 'typed' | 'all' | 'first';
	/** How the commands' keys are joined ("/" by default; "or" for "Esc or ?"). */
	join?: string;
	/** Shown only in states where the keys act. */
	when?: (s: DeskState) => boolean;
}

interface ContextHints {
	/** Words first, no keys: "typing a filter". */
	lead?: string;
	/** Between hints: two spaces in the views, " | " in the modes. */
	separator?: string;
	hints: readonly Hint[];
}

const h = (commands: string | readonly string[], words: string, more: Partial<Hint> = {}): Hint => ({
	commands: typeof commands === 'string' ? [commands] : commands,
	words,
	...more,
});

const HEAD = [h('help', 'help'), h('palette', 'palette'), h('quit', 'quit')];
const TAIL = [h('next-pane', 'pane'), h(['view-cases', 'view-team', 'view-handover', 'view-log', 'view-calendar'], 'views')];
const LIST = [...HEAD, h(['down', 'up'], 'move'), h('open', 'open'), h('filter', 'filter'), ...TAIL];

/** The editor's tab: what it acts on (a case, or a problem's case) and whether it scrolls. */
const tab = (s: DeskState) => activeTab(s.tabs);
const onCase = (s: DeskState) => {
	const t = tab(s);
	// Not a case set aside by the store: nothing acts on it (model/case-set-aside.ts).
	const ref = t && t.kind !== 'review-queue' ? t.ref : null;
	return (t?.kind !== 'problem' || t.ref !== null) && setAsideRefusal(s.model, ref) === null;
};
/** False when the domain refuses the person at the desk this absence key on the Team view's selected row. */
const mayOnRow = (key: AbsenceKey) => (s: DeskState) => {
	const officerId = teamRows(s.model)[s.team.cursor]?.officer.id;
	return officerId === undefined || !refusedOnRow(s.model.data, s.actor?.officerId ?? null, officerId, s.model.today).has(key);
};
const scrolls = (s: DeskState) => (tabLength(s) ?? Infinity) > s.layout.editorRows;

const HINTS: Record<Exclude<ContextId, 'too-small' | FormContext>, ContextHints> = {
	palette: {
		separator: ' | ',
		lead: 'type to search',
		hints: [
			h(['palette-up', 'palette-down'], 'choose', {table: 'palette', join: ''}),
			h('palette-run', 'run/open', {table: 'palette'}),
			h('palette-close', 'close', {table: 'palette', style: 'first'}),
		],
	},
	help: {separator: ' | ', hints: [h(['back', 'help'], 'closes help', {join: ' or '}), h('quit', 'quit')]},
	'explorer-filter': {
		separator: ' | ',
		lead: 'typing a filter',
		hints: [h('filter-keep', 'keep', {table: 'filter'}), h('filter-clear', 'clear', {table: 'filter'})],
	},
	'problems-filter': {
		separator: ' | ',
		lead: 'typing a filter',
		hints: [h('filter-keep', 'keep', {table: 'filter'}), h('filter-clear', 'clear', {table: 'filter'})],
	},
	'end-confirm': {
		separator: ' | ',
		hints: [
			h('confirm-yes', 'cancels the absence', {table: 'confirm', when: s => Boolean(s.endConfirm?.cancel)}),
			h('confirm-yes', 'ends the absence today', {table: 'confirm', when: s => !s.endConfirm?.cancel}),
			h(['confirm-no', 'confirm-cancel'], 'leaves it', {table: 'confirm', join: ' or '}),
		],
	},
	'handover-field': {
		separator: ' | ',
		lead: 'typing into the field',
		hints: [h('field-accept', 'accept', {table: 'field'}), h('field-cancel', 'cancel', {table: 'field'})],
	},
	review: {
		separator: ' | ',
		lead: 'review has the keys',
		hints: [h('help', 'lists them', {join: ' or '}), h('back', 'back a step; on step 1 back to the desk')],
	},
	calendar: {
		hints: [
			...HEAD,
			h(['collapse', 'expand', 'up', 'down'], 'cell', {style: 'first', join: ''}),
			h(['first', 'last'], 'first/last day'),
			h('open', 'open case'),
			...TAIL,
		],
	},
	team: {
		hints: [
			...HEAD,
			h(['down', 'up'], 'select'),
			// Only the keys the person may use on the row under the cursor (QA 5 R2: team/row-refusals.ts).
			h('absence-add', 'record absence', {when: mayOnRow('absence-add')}),
			h('absence-change', 'change', {when: mayOnRow('absence-change')}),
			h('absence-cancel', 'cancel', {when: mayOnRow('absence-cancel')}),
			h('absence-end', 'end absence', {when: mayOnRow('absence-end')}),
			h('welfare-record', 'welfare', {when: welfareOpens}),
			h('trigger-decide', 'decide escalated trigger'),
			...TAIL,
		],
	},
	handover: {
		hints: [
			...HEAD,
			h(['down', 'up'], 'scroll'),
			// Enter opens the item marked › (QA 5 R7: desk-handover.ts openHandoverItem).
			h('open', 'open item'),
			h(['handover-page-down', 'handover-page-up'], 'page'),
			h(['handover-from', 'handover-to'], 'window'),
			h('handover-cover', 'cover'),
			h('handover-export', 'export'),
			h('handover-calendar', 'calendar'),
			...TAIL,
		],
	},
	log: {
		hints: [
			...HEAD,
			h(['down', 'up'], 'move'),
			h(['log-sergeant', 'log-officer', 'log-late'], 'filter'),
			h(['log-earlier', 'log-later'], 'period', {join: ' '}),
			h('log-export', 'export'),
			...TAIL,
		],
	},
	explorer: {hints: LIST},
	problems: {hints: LIST},
	editor: {
		hints: [
			...HEAD,
			h('back', 'back', {when: s => s.tabs.tabs.length === 0}),
			h(['down', 'up'], 'scroll', {when: s => s.tabs.tabs.length > 0 && scrolls(s)}),
			// A case's tab and a case problem's detail act on the case: r reviews it, m reallocates it (desk-acting.ts).
			h('review', 'review', {when: s => s.tabs.tabs.length > 0 && onCase(s)}),
			h('reallocate', 'reallocate', {
				when: s => s.tabs.tabs.length > 0 && onCase(s) && (tab(s)?.kind === 'case' || tab(s)?.kind === 'problem'),
			}),
			h('bail-record', 'bail', {when: s => s.tabs.tabs.length > 0 && onCase(s) && (tab(s)?.kind === 'case' || tab(s)?.kind === 'problem')}),
			h(['prev-tab', 'next-tab'], 'tabs', {join: ' ', when: s => s.tabs.tabs.length > 1}),
			h('close-tab', 'close', {when: s => s.tabs.tabs.length > 0}),
			...TAIL,
		],
	},
};

type FormContext = 'absence-form' | 'decision-form' | 'reallocate-form' | 'record-form';

/** The forms' hints, with the words the status bar puts first. */
const isForm = (c: ContextId): c is FormContext =>
	c === 'absence-form' || c === 'decision-form' || c === 'reallocate-form' || c === 'record-form';

function formHints(s: DeskState, context: FormContext): {lead: string; hints: string[]} {
	switch (context) {
		case 'absence-form':
			return {lead: 'the absence form has the keys', hints: absenceFormHints(s.absenceForm!, s.keymap)};
		case 'decision-form':
			return {lead: 'the decision form has the keys', hints: decisionFormHints(s.decisionForm!, s.keymap)};
		case 'reallocate-form':
			return {lead: 'the reallocation form has the keys', hints: reallocateFormHints(s.reallocateForm!, s.keymap)};
		case 'record-form':
			return {lead: 'the form has the keys', hints: recordFormHints(s.recordForm!, fieldsFor(s.recordForm!), s.keymap)};
	}
}

/** Digits in a row are written as a range ("1-5"). */
function joinKeys(keys: readonly string[], join: string): string {
	const digits = keys.map(Number);
	const run = keys.length > 2 && keys.every(k => /^\d$/.test(k)) && digits.every((d, i) => i === 0 || d === digits[i - 1]! + 1);
	return run ? `${keys[0]}-${keys.at(-1)}` : keys.join(join);
}

function keysOf(b: Binding | undefined, style: Hint['style']): string[] {
	if (!b) return [];
	if (style === 'all') return [...b.keys];
	return [style === 'first' ? b.keys[0]! : hintKey(b.keys)];
}

/** The review's hint names its own keymap's keys (review-keymap.ts): "? or Ctrl+G", "Esc". */
function reviewKeys(table: Keymap['review'], commands: readonly string[]): string[] {
	return table.filter(b => commands.includes(b.command)).flatMap(b => b.keys);
}

function hintText(keymap: Keymap, context: ContextId, hint: Hint): string {
	const keys =
		context === 'review'
			? reviewKeys(keymap.review, hint.commands)
			: hint.commands.flatMap(c =>
					keysOf(
						(keymap[hint.table ?? 'desk'] as readonly Binding[]).find(b => b.command === c),
						hint.style,
					),
				);
	const join = hint.join ?? '/';
	return `${joinKeys(keys, join)} ${hint.words}`;
}

/** The status bar's hints for the state. */
export function hintsFor(s: DeskState): string {
	const context = activeContext(s);
	if (context === 'too-small') return '';
	// A form's hints are its own key line's (contexts/form-hints.ts), for the state it is in.
	if (isForm(context)) {
		const form = formHints(s, context);
		return [form.lead, ...form.hints].join(' | ');
	}
	const {lead, separator = '  ', hints} = HINTS[context];
	// The keys offered to the person at the desk (registry.ts offeredKeymap): a command left out is not hinted.
	const keymap = deskKeymap(s);
	const offered = (x: Hint) =>
		context === 'review' || (x.table ?? 'desk') !== 'desk' || x.commands.some(c => keymap.desk.some(b => b.command === c));
	const parts = hints.filter(x => offered(x) && (!x.when || x.when(s))).map(x => hintText(keymap, context, x));
	return [...(lead ? [lead] : []), ...parts].join(separator);
}
