/** A problem's detail in the editor area: the visible slice of its lines (problem-lines.ts), scrolled. */
import {scrollBy} from '../list/list-window.js';
import React from 'react';
import {Box, Text} from 'ink';
import type {DeskModel} from '../model/desk-model.js';
import {fit} from '../text.js';
import {severityColour, useTheme} from '../theme.js';
import {problemLines, type ProblemSubject} from './problem-lines.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {hintKeyFor} from '../contexts/registry.js';

export interface ProblemViewProps {
	model: DeskModel;
	subject: ProblemSubject;
	scroll: number;
	width: number;
	rows: number;
	/** Who is at the desk: the detail offers only the keys they may use (problem-lines.ts). */
	readerId?: string | null;
}

export function ProblemView({model, subject, scroll, width, rows, readerId = null}: ProblemViewProps): React.JSX.Element {
	const theme = useTheme();
	const keymap = useKeymap();
	const lines = problemLines(model, subject, width, keymap, readerId);
	const keys = `${hintKeyFor('down', keymap)}/${hintKeyFor('up', keymap)} scroll, ${hintKeyFor('close-tab', keymap)} close`;
	const more = lines.length > rows;
	const room = more ? rows - 1 : rows;
	// The problem may have changed or cleared since it was scrolled: never past its end.
	const top = scrollBy(scroll, 0, lines.length, room);
	const shown = lines.slice(top, top + room);
	return (
		<Box flexDirection="column">
			{shown.map((l, i) => (
				<Text key={top + i} wrap="truncate" bold={l.heading} color={severityColour(theme, l.severity)}>
					{fit(l.text, width)}
				</Text>
			))}
			{more && (
				<Text dimColor wrap="truncate">
					{fit(`-- lines ${top + 1}-${Math.min(lines.length, top + room)} of ${lines.length}; ${keys} --`, width)}
				</Text>
			)}
		</Box>
	);
}
