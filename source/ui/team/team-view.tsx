/**
 * The Team view: one row per officer: rank, hours/FTE, live cases, workload %, red problems, last
 * welfare check-in (date only), tenure, performance-plan state, and the current or next absence in
 * words. Never welfare note text, never a diagnosis. j/k move the selection; `a` opens the absence
 * form for the selected officer and `E` ends their current absence (the desk's reducer owns both).
 *
 * Drawn as plain fixed-width text rows (not a boxed table) so the selected row can be marked and the
 * absence words get the width left over.
 */
import React from 'react';
import {Box, Text} from 'ink';
import type {DeskModel} from '../model/desk-model.js';
import type {ListWindow} from '../list/list-window.js';
import {Pane} from '../pane/pane.js';
import {fit, plural, truncate} from '../text.js';
import {tint, useTheme} from '../theme.js';
import {teamRows, teamVisible, type TeamRow} from './team-rows.js';
import {AbsenceForm} from './absence-form.js';
import type {AbsenceFormState} from './absence-form-state.js';

export interface TeamViewProps {
	model: DeskModel;
	win: ListWindow;
	focused: boolean;
	width: number;
	height: number;
	/** The absence form, while open: drawn in place of the table. */
	form?: AbsenceFormState | null;
	/** The question `E` asks, while it waits for y/n. */
	question?: string | null;
	/** The desk's latest notice (a save's outcome, why a key did nothing), shown in full under the table. */
	notice?: string | null;
}

interface Column {
	head: string;
	cell: (r: TeamRow) => string;
}

const WIDE: Column[] = [
	{head: 'Officer', cell: r => `${r.rank} ${r.name}`},
	{head: 'Hours/FTE', cell: r => r.hours},
	{head: 'Live', cell: r => String(r.live)},
	{head: 'Workload', cell: r => r.workload},
	{head: 'Red', cell: r => String(r.red)},
	{head: 'Check-in', cell: r => r.checkIn},
	{head: 'Tenure', cell: r => r.tenure},
	{head: 'Perf. plan', cell: r => r.plan},
];

const NARROW: Column[] = [
	{head: 'Officer', cell: r => `${r.rank} ${r.name.split(' ').at(-1)}`},
	{head: 'Hrs/FTE', cell: r => r.hours},
	{head: 'Live', cell: r => String(r.live)},
	{head: 'Load', cell: r => r.workload},
	{head: 'Red', cell: r => String(r.red)},
	{head: 'Check-in', cell: r => r.checkIn},
	{head: 'Tenure', cell: r => r.tenure},
	{head: 'Plan', cell: r => r.plan},
];

/** Narrowest absence column worth drawing; below it the words show only on the selected officer's line. */
const MIN_ABSENCE = 14;

export function TeamView({model, win, focused, width, height, form, question, notice}: TeamViewProps): React.JSX.Element {
	const theme = useTheme();
	const rows = teamRows(model);
	const inner = Math.max(1, width - 2);
	const visible = teamVisible(height);
	const detail = `${plural(rows.length, 'officer')}${rows.length > visible ? `, ${win.scroll + 1}-${Math.min(rows.length, win.scroll + visible)} shown` : ''}; welfare: dates only`;
	if (form) {
		return (
			<Pane title="TEAM" detail={detail} focused={focused} width={width} height={height}>
				<AbsenceForm form={form} officers={model.data.officers} width={inner} />
			</Pane>
		);
	}
	const cols = width - 2 >= 100 ? WIDE : NARROW;
	const widths = cols.map(c => Math.max(c.head.length, ...rows.map(r => c.cell(r).length)));
	// Too wide for the pane (a long plan state on a narrow terminal): the last column gives way, cut with "…".
	const over = 2 + widths.reduce((a, b) => a + b, 0) + (cols.length - 1) - inner;
	if (over > 0) widths[widths.length - 1] = Math.max(cols.at(-1)!.head.length, widths.at(-1)! - over);
	const fixed = 2 + widths.reduce((a, b) => a + b, 0);
	// Two spaces between columns when the absence words still fit whole, else one.
	const longest = Math.max(0, ...rows.map(r => r.absence.length));
	const gap = cols === WIDE && inner - fixed - 2 * cols.length >= longest ? '  ' : ' ';
	// Marker column, the fixed columns and their gaps; the absence words take what is left.
	const used = fixed + gap.length * cols.length;
	const absenceWidth = inner - used;
	const withAbsence = absenceWidth >= MIN_ABSENCE;
	const line = (cells: string[], absence: string) => cells.map((c, i) => fit(c, widths[i]!)).join(gap) + (withAbsence ? gap + truncate(absence, absenceWidth) : '');
	const heading = '  ' + line(cols.map(c => c.head), 'Away');
	const selected = rows[win.cursor];
	const about = question ?? notice ?? (selected ? `${selected.rank} ${selected.name}: ${selected.absence || 'no absence recorded'}   a record absence  E end it today` : '');
	return (
		<Pane title="TEAM" detail={detail} focused={focused} width={width} height={height}>
			<Box flexDirection="column" overflow="hidden">
				{rows.length === 0 ? (
					<Text>{fit('No officers in post.', inner)}</Text>
				) : (
					<>
						<Text bold wrap="truncate">
							{truncate(heading, inner)}
						</Text>
						<Text wrap="truncate">{'─'.repeat(Math.min(inner, heading.trimEnd().length))}</Text>
						{rows.slice(win.scroll, win.scroll + visible).map((r, i) => {
							const at = win.scroll + i === win.cursor;
							return (
								<Text key={r.officer.id} inverse={at && focused} wrap="truncate">
									{truncate(`${at ? '›' : ' '} ${line(cols.map(c => c.cell(r)), r.absence)}`, inner)}
								</Text>
							);
						})}
						<Text color={question ? tint(theme, 'yellow') : undefined} bold={!question && Boolean(notice)} inverse={Boolean(question)} wrap="truncate">
							{truncate(about, inner)}
						</Text>
					</>
				)}
			</Box>
		</Pane>
	);
}
