/**
 * The one keymap: the desk's reducer looks keys up here, and the `?` help is generated from the same
 * table, so help can never drift from what the keys do. F-keys and Ctrl+Shift chords are deliberately
 * absent: they do not reach Ink reliably through terminals and multiplexers.
 */
import type {Key} from 'ink';

export type DeskCommand =
	| 'up'
	| 'down'
	| 'page-up'
	| 'page-down'
	| 'first'
	| 'last'
	| 'collapse'
	| 'expand'
	| 'next-pane'
	| 'prev-pane'
	| 'view-cases'
	| 'view-team'
	| 'view-handover'
	| 'view-log'
	| 'view-calendar'
	| 'filter'
	| 'open'
	| 'back'
	| 'prev-tab'
	| 'next-tab'
	| 'close-tab'
	| 'palette'
	| 'help'
	| 'review'
	| 'review-queue'
	| 'amend'
	| 'reload'
	| 'quit'
	| 'log-sergeant'
	| 'log-officer'
	| 'log-late'
	| 'log-earlier'
	| 'log-later'
	| 'log-export'
	| 'log-week-earlier'
	| 'log-week-later'
	| 'log-all-weeks'
	| 'log-chart'
	| 'handover-from'
	| 'handover-to'
	| 'handover-cover'
	| 'handover-export'
	| 'handover-calendar'
	| 'handover-page-down'
	| 'handover-page-up'
	| 'absence-add'
	| 'absence-end'
	| 'trigger-decide'
	| 'reallocate'
	| 'bail-record'
	| 'welfare-record'
	| 'absence-change'
	| 'absence-cancel';

/** The desk views a binding can be limited to (mirrors desk-state's View). */
export type KeyView = 'cases' | 'team' | 'handover' | 'log' | 'calendar';

/** The subset of Ink's Key the keymap reads (tests and the reducer build it without Ink). */
export type KeyInfo = Pick<Key, 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'ctrl' | 'shift' | 'tab' | 'backspace' | 'delete' | 'meta'> & {
	/** The whole text of a bracketed paste, in `input` (see input/paste.ts). */
	paste?: boolean;
};

export interface Binding {
	command: DeskCommand;
	/** How the keys are written in help, e.g. ["↓", "j"]. */
	keys: readonly string[];
	/** Where the binding applies, in words, for the help screen. */
	where: string;
	/** What it does, in words. */
	help: string;
	/** Also offered in the command palette under this name (undefined = not a palette command). */
	palette?: string;
	/** Only in these views (checked before the general bindings, so `l` means "late only" in the Log view). */
	views?: readonly KeyView[];
	matches(input: string, key: KeyInfo): boolean;
}

const plain = (key: KeyInfo) => !key.ctrl && !key.meta;
const char = (c: string) => (input: string, key: KeyInfo) => input === c && plain(key);

export const KEYMAP: readonly Binding[] = [
	// Log view (4): its own keys, which shadow the general ones there.
	{command: 'log-sergeant', keys: ['s'], where: 'Log view', help: 'next sergeant, then all', palette: 'Log: filter by the next sergeant', views: ['log'], matches: char('s')},
	{command: 'log-officer', keys: ['o'], where: 'Log view', help: 'next officer, then all', palette: 'Log: filter by the next officer', views: ['log'], matches: char('o')},
	{command: 'log-late', keys: ['l'], where: 'Log view', help: 'late reviews only (again: all)', palette: 'Log: late reviews only (again: all)', views: ['log'], matches: char('l')},
	{command: 'log-earlier', keys: ['<'], where: 'Log view', help: 'previous period', palette: 'Log: previous period', views: ['log'], matches: char('<')},
	{command: 'log-later', keys: ['>'], where: 'Log view', help: 'next period', palette: 'Log: next period', views: ['log'], matches: char('>')},
	{command: 'log-export', keys: ['e'], where: 'Log view', help: 'export the rows shown as CSV next to the store', palette: 'Log: export the rows shown (CSV)', views: ['log'], matches: char('e')},
	// The weekly chart above the rows (source/ui/views/log/trend-chart-lines.ts).
	{command: 'log-week-earlier', keys: ['←'], where: 'Log view', help: 'chart: choose the week before (the rows show only that week)', views: ['log'], matches: (_i, k) => k.leftArrow},
	{command: 'log-week-later', keys: ['→'], where: 'Log view', help: 'chart: choose the week after', views: ['log'], matches: (_i, k) => k.rightArrow},
	{command: 'log-all-weeks', keys: ['w'], where: 'Log view', help: 'chart: back to the whole period', palette: 'Log: chart back to the whole period', views: ['log'], matches: char('w')},
	{command: 'log-chart', keys: ['c'], where: 'Log view', help: 'show or hide the weekly chart', palette: 'Log: show or hide the weekly chart', views: ['log'], matches: char('c')},
	// The Handover view's own reducer acts on these (it also takes typed dates and names while a field is
	// open, when the desk's keys stand aside); they are listed here so help and the palette show them.
	{command: 'handover-from', keys: ['f'], where: 'Handover view', help: 'edit the first day of the window', palette: 'Handover: first day of the window', views: ['handover'], matches: char('f')},
	{command: 'handover-to', keys: ['t'], where: 'Handover view', help: 'edit the last day of the window', palette: 'Handover: last day of the window', views: ['handover'], matches: char('t')},
	{command: 'handover-cover', keys: ['c'], where: 'Handover view', help: 'name the cover supervisor', palette: 'Handover: name the cover', views: ['handover'], matches: char('c')},
	{command: 'handover-export', keys: ['e'], where: 'Handover view', help: 'export the handover as Markdown next to the store', palette: 'Handover: export (Markdown)', views: ['handover'], matches: char('e')},
	{
		command: 'handover-calendar',
		keys: ['i'],
		where: 'Handover view',
		help: "export the window's dates as a calendar (.ics) next to the store",
		palette: 'Handover: calendar (.ics)',
		views: ['handover'],
		matches: char('i'),
	},
	// The Handover view pages like a pager too (its reducer applies them; listed so help names them).
	{command: 'handover-page-down', keys: ['Space'], where: 'Handover view', help: 'down one page', views: ['handover'], matches: char(' ')},
	{command: 'handover-page-up', keys: ['b'], where: 'Handover view', help: 'up one page', views: ['handover'], matches: char('b')},
	{command: 'up', keys: ['↑', 'k'], where: 'lists, case', help: 'move up (scroll a case)', matches: (i, k) => k.upArrow || char('k')(i, k)},
	{command: 'down', keys: ['↓', 'j'], where: 'lists, case', help: 'move down (scroll a case)', matches: (i, k) => k.downArrow || char('j')(i, k)},
	{command: 'page-up', keys: ['PgUp', 'Ctrl+U'], where: 'lists, case', help: 'up one page', matches: (i, k) => k.pageUp || (k.ctrl && i === 'u')},
	{command: 'page-down', keys: ['PgDn', 'Ctrl+D'], where: 'lists, case', help: 'down one page', matches: (i, k) => k.pageDown || (k.ctrl && i === 'd')},
	{command: 'first', keys: ['Home', 'g'], where: 'lists, case', help: 'go to the top', matches: (i, k) => k.home || char('g')(i, k)},
	{command: 'last', keys: ['End', 'G'], where: 'lists, case', help: 'go to the bottom', matches: (i, k) => k.end || char('G')(i, k)},
	{command: 'collapse', keys: ['←', 'h'], where: 'explorer', help: "collapse an officer's cases", matches: (i, k) => k.leftArrow || char('h')(i, k)},
	{command: 'expand', keys: ['→', 'l'], where: 'explorer', help: "expand an officer's cases", matches: (i, k) => k.rightArrow || char('l')(i, k)},
	{command: 'next-pane', keys: ['Tab'], where: 'everywhere', help: 'next pane (explorer, editor, problems)', palette: 'Focus: next pane', matches: (_i, k) => k.tab && !k.shift},
	{command: 'prev-pane', keys: ['Shift+Tab'], where: 'everywhere', help: 'previous pane', matches: (_i, k) => k.tab && k.shift},
	{command: 'view-cases', keys: ['1'], where: 'everywhere', help: 'Cases view (explorer and case tabs)', palette: 'View: Cases', matches: char('1')},
	{command: 'view-team', keys: ['2'], where: 'everywhere', help: 'Team view (workload, welfare dates, plans)', palette: 'View: Team', matches: char('2')},
	{command: 'view-handover', keys: ['3'], where: 'everywhere', help: 'Handover view', palette: 'View: Handover', matches: char('3')},
	{command: 'view-log', keys: ['4'], where: 'everywhere', help: 'Review log view', palette: 'View: Log', matches: char('4')},
	{command: 'view-calendar', keys: ['5'], where: 'everywhere', help: 'Calendar view (dates by officer)', palette: 'View: Calendar', matches: char('5')},
	{command: 'filter', keys: ['/'], where: 'explorer, problems', help: 'filter the list (Enter keeps it, Esc clears it)', palette: 'Filter the focused list', matches: char('/')},
	{
		command: 'open',
		keys: ['Enter'],
		where: 'lists, problem detail',
		help: "open a case, a problem's detail or a log entry's case; fold an officer",
		matches: (_i, k) => k.return,
	},
	{command: 'back', keys: ['Esc'], where: 'everywhere', help: 'back out: close help, palette or filter, or return to the explorer', matches: (_i, k) => k.escape},
	{command: 'prev-tab', keys: ['['], where: 'editor tabs', help: 'previous tab', palette: 'Tabs: previous', matches: char('[')},
	{command: 'next-tab', keys: [']'], where: 'editor tabs', help: 'next tab', palette: 'Tabs: next', matches: char(']')},
	{command: 'close-tab', keys: ['x'], where: 'editor tabs', help: 'close the current tab', palette: 'Tabs: close current', matches: char('x')},
	{command: 'palette', keys: [':', 'Ctrl+P'], where: 'everywhere', help: 'command palette: every command and case reference', matches: (i, k) => char(':')(i, k) || (k.ctrl && i === 'p')},
	{command: 'help', keys: ['?'], where: 'everywhere', help: 'this help', palette: 'Help: keys', matches: char('?')},
	{command: 'review', keys: ['r'], where: 'case', help: 'start or resume the guided review of the case', palette: 'Review: this case', matches: char('r')},
	{command: 'review-queue', keys: ['R'], where: 'everywhere', help: 'review queue: every review due, most overdue first (n for the next after signing)', palette: 'Review: queue of reviews due', matches: char('R')},
	// README "Acting on a problem": domain/resolve.ts names this key (DESK_KEYS) in every problem it clears.
	{
		command: 'reallocate',
		keys: ['m'],
		where: 'case, problem detail',
		help: 'reallocate (move) the case to another officer: workload after the move, date, reason',
		palette: 'Case: reallocate',
		matches: char('m'),
	},
	// The other ways domain/resolve.ts names (DESK_KEYS): source/ui/desk/desk-records.ts opens their forms.
	// b and w come after the Handover view's b and the Log view's w, which win in those views.
	{
		command: 'bail-record',
		keys: ['b'],
		where: 'case, problem detail',
		help: 'record a bail event: an extension (who, rank), a re-bail, or how bail ended',
		palette: 'Case: record a bail event',
		matches: char('b'),
	},
	{
		command: 'welfare-record',
		keys: ['w'],
		where: 'Team view, problem detail',
		help: 'record a welfare event: check-in, screening, tenure review, one-to-one',
		palette: 'Team: record a welfare event',
		matches: char('w'),
	},
	{command: 'amend', keys: ['A'], where: 'case', help: 'correct the last signed review of the case (an amendment entry)', palette: 'Review: amend the last signed review', matches: char('A')},
	{command: 'reload', keys: ['u'], where: 'everywhere', help: 'reload the store after another user changed it', palette: 'Store: reload from disk', matches: char('u')},
	{command: 'quit', keys: ['q', 'Ctrl+C'], where: 'everywhere', help: 'quit (Ctrl+C also in a text field; what is typed is saved first)', palette: 'Quit', matches: (i, k) => char('q')(i, k) || (k.ctrl && i === 'c')},
	// Team view (2): the absence form takes every key while it is open (Tab/↑↓ fields, ←/→ or a letter
	// picks the reason, Enter on Cover saves, Esc cancels); these open it and end an absence.
	// Last in the table (help lists them after the general keys): neither key is bound anywhere else.
	{command: 'absence-add', keys: ['a'], where: 'Team view', help: "record an absence for the selected officer (reason category only, never a diagnosis)", palette: 'Team: record an absence', views: ['team'], matches: char('a')},
	{command: 'absence-end', keys: ['E'], where: 'Team view', help: "end the selected officer's current absence today (asks first)", palette: 'Team: end an absence today', views: ['team'], matches: char('E')},
	// README "Acting on a problem": c names or changes a cover (from a problem whose way it is, too); C cancels.
	{
		command: 'absence-change',
		keys: ['c'],
		where: 'Team view, problem detail',
		help: "change the selected officer's absence: cover, dates, reason",
		palette: 'Team: change an absence (cover, dates, reason)',
		views: ['cases', 'team'],
		matches: char('c'),
	},
	{
		command: 'absence-cancel',
		keys: ['C'],
		where: 'Team view',
		help: "cancel the selected officer's absence not yet started (asks first)",
		palette: 'Team: cancel an absence not yet started',
		views: ['team'],
		matches: char('C'),
	},
	// The inspector's queue of escalated performance triggers (README "The review desk"): d on an officer
	// whose trigger is escalated opens the decision form; on anyone else it moves to the next one waiting.
	{
		command: 'trigger-decide',
		keys: ['d'],
		where: 'Team view',
		help: "decide an escalated performance trigger (inspector's queue; elsewhere: go to the next)",
		palette: 'Team: decide an escalated performance trigger (inspector)',
		views: ['team'],
		matches: char('d'),
	},
];

/** The command bound to a key press in `view`, if any. View-only bindings come first in KEYMAP, so they win there. */
export function commandFor(input: string, key: KeyInfo, view: KeyView = 'cases'): DeskCommand | undefined {
	for (const b of KEYMAP) if ((!b.views || b.views.includes(view)) && b.matches(input, key)) return b.command;
	return undefined;
}

/** The keys for a command as help writes them ("↓/j"). */
export function keysFor(command: DeskCommand): string {
	return KEYMAP.find(b => b.command === command)?.keys.join('/') ?? '';
}

/**
 * Help lines, generated from KEYMAP: "keys  what it does  (where)". The keys that work everywhere come
 * first and each view's own keys after them (KEYMAP lists view keys first only so they win matching).
 */
export function helpLines(): string[] {
	const width = Math.max(...KEYMAP.map(b => b.keys.join(' ').length));
	const ordered = [...KEYMAP.filter(b => !b.views), ...KEYMAP.filter(b => b.views)];
	return ordered.map(b => `${b.keys.join(' ').padEnd(width)}  ${b.help} (${b.where})`);
}

/** An empty KeyInfo, for building key presses in code. */
export const NO_KEY: KeyInfo = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageUp: false,
	pageDown: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
};
