/**
 * Colours for the desk, switched off wholesale by NO_COLOR / --no-color. Colour only ever repeats what
 * the words already say ("OVERDUE 3d", "CRITICAL"): nothing in the desk is signalled by colour alone.
 */
import {createContext, useContext} from 'react';
import type {Severity} from '../domain/problem.js';
import type {Risk} from '../domain/model.js';

export interface Theme {
	/** False under NO_COLOR or --no-color: every `color` prop becomes undefined. */
	color: boolean;
}

export const ThemeContext = createContext<Theme>({color: true});

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

const SEVERITY_COLOURS: Record<Severity, string> = {critical: 'magenta', red: 'red', amber: 'yellow', info: 'cyan'};
const RISK_COLOURS: Record<Risk, string> = {high: 'red', medium: 'yellow', low: 'green'};

export function severityColour(theme: Theme, s: Severity | undefined): string | undefined {
	return theme.color && s ? SEVERITY_COLOURS[s] : undefined;
}

export function riskColour(theme: Theme, r: Risk): string | undefined {
	return theme.color ? RISK_COLOURS[r] : undefined;
}

/** A plain colour name, or undefined when colour is off. */
export function tint(theme: Theme, colour: string): string | undefined {
	return theme.color ? colour : undefined;
}

/** The Log view's weekly chart: bars of on-time reviews, the line of overdue ones, the chosen week's mark. */
const CHART_COLOURS = {title: undefined, bars: 'green', line: 'red', mark: 'cyan'} as const;

export function chartColour(theme: Theme, role: keyof typeof CHART_COLOURS | undefined): string | undefined {
	const c = role ? CHART_COLOURS[role] : undefined;
	return theme.color && c ? c : undefined;
}
