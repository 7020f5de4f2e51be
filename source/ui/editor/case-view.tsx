/** A case's read view: the visible slice of its lines (see case-lines.ts), with a scroll position. */
import React from 'react';
import {Box, Text} from 'ink';
import type {DeskModel} from '../model/desk-model.js';
import {fit} from '../text.js';
import {severityColour, useTheme} from '../theme.js';
import {caseLines} from './case-lines.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {hintLine} from '../contexts/registry.js';

export interface CaseViewProps {
	model: DeskModel;
	caseRef: string;
	scroll: number;
	width: number;
	rows: number;
}

export function CaseView({model, caseRef, scroll, width, rows}: CaseViewProps): React.JSX.Element {
	const theme = useTheme();
	const keys = hintLine(useKeymap(), [
		[['down', 'up'], 'scroll'],
		['review', 'review'],
		['close-tab', 'close'],
	]);
	const lines = caseLines(model, caseRef, width, useKeymap());
	const more = lines.length > rows;
	const shown = lines.slice(scroll, scroll + (more ? rows - 1 : rows));
	return (
		<Box flexDirection="column">
			{shown.map((l, i) => (
				<Text key={scroll + i} wrap="truncate" bold={l.heading} color={severityColour(theme, l.severity)}>
					{fit(l.text, width)}
				</Text>
			))}
			{more && (
				<Text dimColor wrap="truncate">
					{fit(`-- lines ${scroll + 1}-${Math.min(lines.length, scroll + rows - 1)} of ${lines.length}; ${keys} --`, width)}
				</Text>
			)}
		</Box>
	);
}
