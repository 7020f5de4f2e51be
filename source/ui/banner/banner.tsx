/**
 * A notice the desk shows in the editor's empty area, wrapped to its width: the first-run demo copy's
 * (README "Set up"), which was printed just before the alternate screen and so only seen after quitting.
 */
import React from 'react';
import {Text} from 'ink';
import {safeMultiline} from '../../domain/safe-text.js';
import {fit, wrap} from '../text.js';
import {tint, useTheme} from '../theme.js';

export interface BannerProps {
	text: string;
	width: number;
	/** At most this many lines (the rest is cut with "…"). */
	rows: number;
}

export function Banner({text, width, rows}: BannerProps): React.JSX.Element {
	const theme = useTheme();
	const lines = bannerLines(text, width, rows);
	return (
		<>
			{lines.map((line, i) => (
				<Text key={i} bold color={tint(theme, 'warning')} wrap="truncate">
					{fit(line, width)}
				</Text>
			))}
			{lines.length > 0 && <Text> </Text>}
		</>
	);
}

/** The notice's lines at `width`, at most `rows` of them (the last ending "…" when cut). */
export function bannerLines(text: string, width: number, rows: number): string[] {
	if (rows <= 0) return [];
	// It quotes a path, which can carry anything a file name can: made safe like store text.
	const lines = safeMultiline(text.trim())
		.split('\n')
		.flatMap(p => wrap(p, width));
	if (lines.length <= rows) return lines;
	return [...lines.slice(0, rows - 1), `${lines[rows - 1]!.slice(0, Math.max(0, width - 1))}…`];
}
