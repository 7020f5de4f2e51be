/**
 * Moving in whatever has the focus: a list (explorer, Problems panel, the Team view's officers, the Log
 * view's rows), a case or problem tab, the Handover view's text, the Calendar view's grid (← and → move a
 * day there) and the help. The explorer folds an officer's cases with ← and →.
 */
import {bind} from './binding.js';

export const LIST_BINDINGS = [
	bind({command: 'up', keys: ['↑', 'k'], where: 'lists, case', help: 'move up (scroll a case)'}),
	bind({command: 'down', keys: ['↓', 'j'], where: 'lists, case', help: 'move down (scroll a case)'}),
	bind({command: 'page-up', keys: ['PgUp', 'Ctrl+U'], where: 'lists, case', help: 'up one page'}),
	bind({command: 'page-down', keys: ['PgDn', 'Ctrl+D'], where: 'lists, case', help: 'down one page'}),
	bind({command: 'first', keys: ['Home', 'g'], where: 'lists, case', help: 'go to the top'}),
	bind({command: 'last', keys: ['End', 'G'], where: 'lists, case', help: 'go to the bottom'}),
	bind({command: 'collapse', keys: ['←', 'h'], where: 'explorer', help: "collapse an officer's cases"}),
	bind({command: 'expand', keys: ['→', 'l'], where: 'explorer', help: "expand an officer's cases"}),
] as const;
