/**
 * The Handover view's context (view 3). Its window and cover fields are the view's reducer's
 * (views/handover); while a field is open it takes typed text (the field context), otherwise these keys
 * and the general moving keys apply (desk/desk-handover.ts).
 */
import {bind} from './binding.js';

export const HANDOVER_BINDINGS = [
	bind({
		command: 'handover-from',
		keys: ['f'],
		where: 'Handover view',
		help: 'edit the first day of the window',
		palette: 'Handover: first day of the window',
		views: ['handover'],
	}),
	bind({
		command: 'handover-to',
		keys: ['t'],
		where: 'Handover view',
		help: 'edit the last day of the window',
		palette: 'Handover: last day of the window',
		views: ['handover'],
	}),
	bind({
		command: 'handover-cover',
		keys: ['c'],
		where: 'Handover view',
		help: 'name the cover supervisor',
		palette: 'Handover: name the cover',
		views: ['handover'],
	}),
	bind({
		command: 'handover-export',
		keys: ['e'],
		where: 'Handover view',
		help: 'export the handover as Markdown next to the store',
		palette: 'Handover: export (Markdown)',
		views: ['handover'],
	}),
	bind({
		command: 'handover-calendar',
		keys: ['i'],
		where: 'Handover view',
		help: "export the window's dates as a calendar (.ics) next to the store",
		palette: 'Handover: calendar (.ics)',
		views: ['handover'],
	}),
	bind({command: 'handover-page-down', keys: ['Space'], where: 'Handover view', help: 'down one page', views: ['handover']}),
	bind({command: 'handover-page-up', keys: ['b'], where: 'Handover view', help: 'up one page', views: ['handover']}),
] as const;
