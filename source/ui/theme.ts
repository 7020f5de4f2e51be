/**
 * Colours for the desk: the one source of colour (README "Settings", colour theme). Each use names a role
 * ("error", "focus"), and the theme in force gives its colour: the default, or high contrast (bright
 * colours, no grey). NO_COLOR / --no-color switches every colour off whatever the theme. Colour only ever
 * repeats what the words already say ("OVERDUE 3d", "CRITICAL"): nothing is signalled by colour alone.
 */
import {createContext, useContext} from 'react';
import type {Severity} from '../domain/problem.js';
import type {Risk} from '../domain/model.js';
import type {ThemeName} from '../settings/user-settings.js';

export type Role =
	Severity | `risk-${Risk}` | 'chart-bars' | 'chart-line' | 'chart-mark' | 'error' | 'warning' | 'heading' | 'dim' | 'focus' | 'selected';

const THEMES: Record<ThemeName, Record<Role, string>> = {
	default: {
		critical: 'magenta',
		red: 'red',
		amber: 'yellow',
		info: 'cyan',
		'risk-high': 'red',
		'risk-medium': 'yellow',
		'risk-low': 'green',
		'chart-bars': 'green',
		'chart-line': 'red',
		'chart-mark': 'cyan',
		error: 'red',
		warning: 'yellow',
		heading: 'cyan',
		dim: 'gray',
		focus: 'cyan',
		selected: 'cyan',
	},
	'high-contrast': {
		critical: 'magentaBright',
		red: 'redBright',
		amber: 'yellowBright',
		info: 'cyanBright',
		'risk-high': 'redBright',
		'risk-medium': 'yellowBright',
		'risk-low': 'greenBright',
		'chart-bars': 'greenBright',
		'chart-line': 'redBright',
		'chart-mark': 'cyanBright',
		error: 'redBright',
		warning: 'yellowBright',
		heading: 'whiteBright',
		dim: 'white',
		focus: 'yellowBright',
		selected: 'yellowBright',
	},
};

export interface Theme {
	/** False under NO_COLOR or --no-color: every colour is undefined. */
	color: boolean;
	/** The user's theme (settings file); the default when absent. */
	name?: ThemeName;
}

export const ThemeContext = createContext<Theme>({color: true});

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

/** The colour of a role in the theme, or undefined when colour is off. */
export function tint(theme: Theme, role: Role): string | undefined {
	return theme.color ? THEMES[theme.name ?? 'default'][role] : undefined;
}

export function severityColour(theme: Theme, s: Severity | undefined): string | undefined {
	return s ? tint(theme, s) : undefined;
}

export function riskColour(theme: Theme, r: Risk): string | undefined {
	return tint(theme, `risk-${r}`);
}

/** The Log view's weekly chart: bars of on-time reviews, the line of overdue ones, the chosen week's mark. */
export function chartColour(theme: Theme, role: 'title' | 'bars' | 'line' | 'mark' | undefined): string | undefined {
	return role && role !== 'title' ? tint(theme, `chart-${role}`) : undefined;
}
