/**
 * The Log view's context (view 4): its own keys, which shadow the general ones there (`l` is "late only",
 * ← and → step the weekly chart). The desk applies them in desk/desk-log.ts.
 */
import {bind} from './binding.js';

export const LOG_BINDINGS = [
	bind({
		command: 'log-sergeant',
		keys: ['s'],
		where: 'Log view',
		help: 'next sergeant, then all',
		palette: 'Log: filter by the next sergeant',
		views: ['log'],
	}),
	bind({
		command: 'log-officer',
		keys: ['o'],
		where: 'Log view',
		help: 'next officer, then all',
		palette: 'Log: filter by the next officer',
		views: ['log'],
	}),
	bind({
		command: 'log-late',
		keys: ['l'],
		where: 'Log view',
		help: 'late reviews only (again: all)',
		palette: 'Log: late reviews only (again: all)',
		views: ['log'],
	}),
	bind({command: 'log-earlier', keys: ['<'], where: 'Log view', help: 'previous period', palette: 'Log: previous period', views: ['log']}),
	bind({command: 'log-later', keys: ['>'], where: 'Log view', help: 'next period', palette: 'Log: next period', views: ['log']}),
	bind({
		command: 'log-export',
		keys: ['e'],
		where: 'Log view',
		help: 'export the rows shown as CSV next to the store',
		palette: 'Log: export the rows shown (CSV)',
		views: ['log'],
	}),
	// The weekly chart above the rows (source/ui/views/log/trend-chart-lines.ts).
	bind({
		command: 'log-week-earlier',
		keys: ['←'],
		where: 'Log view',
		help: 'chart: choose the week before (the rows show only that week)',
		views: ['log'],
	}),
	bind({command: 'log-week-later', keys: ['→'], where: 'Log view', help: 'chart: choose the week after', views: ['log']}),
	bind({
		command: 'log-all-weeks',
		keys: ['w'],
		where: 'Log view',
		help: 'chart: back to the whole period',
		palette: 'Log: chart back to the whole period',
		views: ['log'],
	}),
	bind({
		command: 'log-chart',
		keys: ['c'],
		where: 'Log view',
		help: 'show or hide the weekly chart',
		palette: 'Log: show or hide the weekly chart',
		views: ['log'],
	}),
] as const;
