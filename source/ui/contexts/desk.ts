/**
 * The desk's general context: keys that work in every view (panes, views, tabs, the palette, help, the
 * guided review, reload, quit). A view's own bindings are looked up first, so they win there.
 */
import {bind} from './binding.js';

export const DESK_BINDINGS = [
	bind({
		command: 'next-pane',
		keys: ['Tab'],
		where: 'everywhere',
		help: 'next pane (explorer, editor, problems)',
		palette: 'Focus: next pane',
	}),
	bind({command: 'prev-pane', keys: ['Shift+Tab'], where: 'everywhere', help: 'previous pane'}),
	bind({command: 'view-cases', keys: ['1'], where: 'everywhere', help: 'Cases view (explorer and case tabs)', palette: 'View: Cases'}),
	bind({command: 'view-team', keys: ['2'], where: 'everywhere', help: 'Team view (workload, welfare dates, plans)', palette: 'View: Team'}),
	bind({command: 'view-handover', keys: ['3'], where: 'everywhere', help: 'Handover view', palette: 'View: Handover'}),
	bind({command: 'view-log', keys: ['4'], where: 'everywhere', help: 'Review log view', palette: 'View: Log'}),
	bind({command: 'view-calendar', keys: ['5'], where: 'everywhere', help: 'Calendar view (dates by officer)', palette: 'View: Calendar'}),
	bind({
		command: 'filter',
		keys: ['/'],
		where: 'explorer, problems',
		help: 'filter the list ({filter-keep} keeps it, {filter-clear} clears it)',
		palette: 'Filter the focused list',
	}),
	bind({
		command: 'open',
		keys: ['Enter'],
		where: 'lists, problem detail, Handover view',
		help: "open a case, a problem's detail, a log or handover item (marked ›); fold an officer",
	}),
	bind({command: 'back', keys: ['Esc'], where: 'everywhere', help: 'back out: close help, palette or filter, or return to the explorer'}),
	bind({command: 'prev-tab', keys: ['['], where: 'editor tabs', help: 'previous tab', palette: 'Tabs: previous'}),
	bind({command: 'next-tab', keys: [']'], where: 'editor tabs', help: 'next tab', palette: 'Tabs: next'}),
	bind({command: 'close-tab', keys: ['x'], where: 'editor tabs', help: 'close the current tab', palette: 'Tabs: close current'}),
	bind({command: 'palette', keys: [':', 'Ctrl+P'], where: 'everywhere', help: 'command palette: every command and case reference'}),
	bind({command: 'help', keys: ['?'], where: 'everywhere', help: 'this help (the last notice in full at its top)', palette: 'Help: keys'}),
	bind({
		command: 'review',
		keys: ['r'],
		where: 'case',
		help: 'start or resume the guided review of the case',
		palette: 'Review: this case',
		supervisors: true,
	}),
	bind({
		command: 'review-queue',
		keys: ['R'],
		where: 'everywhere',
		help: 'review queue: every review due, most overdue first ({review-next-case} for the next after signing)',
		palette: 'Review: queue of reviews due',
		supervisors: true,
	}),
	// Reviews, moves, bail and welfare records and amendments are a supervisor's acts, always refused to a
	// reader of their own record (an officer; a cover outside their dates: domain/read-scope.ts), so they
	// are not offered to them (registry.ts offeredKeymap; QA 3 R7 and its follow-up).
	// README "Acting on a problem": domain/resolve.ts names this key (DESK_KEYS) in every problem it clears.
	bind({
		command: 'reallocate',
		keys: ['m'],
		where: 'case, problem detail',
		help: 'reallocate (move) the case to another officer: workload after the move, date, reason',
		palette: 'Case: reallocate',
		supervisors: true,
	}),
	// The other ways domain/resolve.ts names (DESK_KEYS): source/ui/desk/desk-records.ts opens their forms.
	// b and w come after the Handover view's b and the Log view's w, which win in those views.
	bind({
		command: 'bail-record',
		keys: ['b'],
		where: 'case, problem detail',
		help: 'record a bail event: an extension (who, rank), a re-bail, or how bail ended',
		palette: 'Case: record a bail event',
		supervisors: true,
	}),
	bind({
		command: 'welfare-record',
		keys: ['w'],
		where: 'Team view, problem detail',
		help: "record a welfare event: check-in, screening, tenure review, one-to-one, a new starter's support",
		palette: 'Team: record a welfare event',
		supervisors: true,
	}),
	bind({
		command: 'amend',
		keys: ['A'],
		where: 'case',
		help: 'correct the last signed review of the case (an amendment entry)',
		palette: 'Review: amend the last signed review',
		supervisors: true,
	}),
	bind({
		command: 'reload',
		keys: ['u'],
		where: 'everywhere',
		help: 'reload the store after another user changed it',
		palette: 'Store: reload from disk',
	}),
	bind({
		command: 'quit',
		keys: ['q', 'Ctrl+C'],
		where: 'everywhere',
		help: 'quit (Ctrl+C also in a text field; what is typed is saved first)',
		palette: 'Quit',
	}),
] as const;
