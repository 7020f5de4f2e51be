/**
 * The Team view: one row per officer: rank, hours/FTE, live cases, workload %, red problems, last
 * welfare check-in (date only), tenure, performance-plan state, and the current or next absence in
 * words. Never welfare note text, never a diagnosis. j/k move the selection; `a` opens the absence
 * form for the selected officer and `E` ends their current absence; `d` works the inspector's queue of
 * escalated performance triggers (the desk's reducer owns all three).
 *
 * Drawn as plain fixed-width text rows (not a boxed table) so the selected row can be marked and the
 * absence words get the width left over.
 */
import React from 'react';
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {DeskModel} from '../model/desk-model.js';
import type {ListWindow} from '../list/list-window.js';
import {Pane} from '../pane/pane.js';
import {safeText} from '../../domain/safe-text.js';
import {fit, plural, truncate} from '../text.js';
import {tint, useTheme} from '../theme.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {hintKeyFor, hintLine, offers} from '../contexts/registry.js';
import {absenceOn} from '../../domain/people.js';
import {wholeSpan} from '../../domain/absence-cover.js';
import {teamRows, teamVisible, type TeamRow} from './team-rows.js';
import {actionableOnRow, refusedOnRow} from './row-refusals.js';
import {AbsenceForm} from './absence-form.js';
import type {AbsenceFormState} from './absence-form-state.js';
import {DecisionForm} from './decision-form.js';
import type {DecisionFormState} from './decision-form-state.js';
import type {EscalatedTrigger} from '../../domain/escalated-triggers.js';

export interface TeamViewProps {
	model: DeskModel;
	win: ListWindow;
	focused: boolean;
	width: number;
	height: number;
	/** The absence form, while open: drawn in place of the table. */
	form?: AbsenceFormState | null;
	/** The decision form for an escalated trigger, while open: drawn in place of the table. */
	decision?: {form: DecisionFormState; trigger: EscalatedTrigger | undefined; actorId: string} | null;
	/** Officers whose performance trigger is on the inspector's exception list (the queue `d` works). */
	escalated?: readonly string[];
	/** The question `E` asks, while it waits for y/n. */
	question?: string | null;
	/** The desk's latest notice (a save's outcome, why a key did nothing), shown in full under the table. */
	notice?: string | null;
	/** The officer at the desk: the row's keys are those they may use on it (row-refusals.ts); null offers every one. */
	actorId?: string | null;
}

/**
 * An officer's row as a screen reader reads it (README "Screen readers"): every column named, in full
 * whatever the width, and the absence in words.
 */
export function spokenTeamRow(r: TeamRow, selected: boolean): string {
	const cells = WIDE.map(c => `${c.head} ${c.cell(r).trim() || 'none'}`).join(', ');
	return `${selected ? '(selected) ' : ''}${cells}, away: ${r.absence || 'no absence recorded'}`;
}

interface Column {
	head: string;
	cell: (r: TeamRow) => string;
	/** Dropped from the table (in this order, said on the selected officer's line instead) to make room for absences. */
	drop?: number;
}

const WIDE: Column[] = [
	{head: 'Officer', cell: r => `${r.rank} ${r.name}`},
	{head: 'Hours/FTE', cell: r => r.hours, drop: 2},
	{head: 'Live', cell: r => String(r.live)},
	{head: 'Workload', cell: r => r.workload},
	{head: 'Red', cell: r => String(r.red)},
	{head: 'Check-in', cell: r => r.checkIn},
	{head: 'Tenure', cell: r => r.tenure, drop: 1},
	{head: 'Perf. plan', cell: r => r.plan},
];

const NARROW: Column[] = [
	{head: 'Officer', cell: r => `${r.rank} ${r.name.split(' ').at(-1)}`},
	{head: 'Hrs/FTE', cell: r => r.hours, drop: 2},
	{head: 'Live', cell: r => String(r.live)},
	{head: 'Load', cell: r => r.workload},
	{head: 'Red', cell: r => String(r.red)},
	{head: 'Check-in', cell: r => r.checkIn},
	{head: 'Tenure', cell: r => r.tenure, drop: 1},
	{head: 'Plan', cell: r => r.plan},
];

/** The longest of an officer's absence forms that fits `width` (the shortest, cut, when none does). */
export function absenceIn(forms: readonly string[], width: number): string {
	return forms.find(f => f.length <= width) ?? truncate(forms.at(-1) ?? '', width);
}

/**
 * The table's columns and the width left for absences. Every officer's absence is shown at every width:
 * Tenure, then Hours/FTE, leave the table (the selected officer's line still says them) until each
 * absence fits in its "leave 03-12 Dec" form; the words then take all the width that is left.
 */
export function teamLayout(rows: readonly TeamRow[], inner: number): {cols: Column[]; widths: number[]; gap: string; absenceWidth: number} {
	let cols = inner >= 100 ? WIDE : NARROW;
	const widthsOf = (cs: Column[]) => cs.map(c => Math.max(c.head.length, ...rows.map(r => c.cell(r).length)));
	// Marker column, the columns, and a gap before each (the last gap is before Away).
	const room = (cs: Column[], gap: number) => inner - 2 - widthsOf(cs).reduce((a, b) => a + b, 0) - gap * cs.length;
	// Wide: room for every officer's dates and cover ("sick 10 Dec-04 Feb 2027, no cover"); narrow: "leave 03-12 Dec".
	const want = Math.max(
		4,
		...rows.map(r => (r.absenceForms[inner >= 100 ? 1 : r.absenceForms.length - 2] ?? r.absenceForms[0] ?? '').length),
	);
	for (;;) {
		const next = cols.filter(c => c.drop !== undefined).sort((a, b) => a.drop! - b.drop!)[0];
		if (room(cols, 1) >= want || !next) break;
		cols = cols.filter(c => c !== next);
	}
	const widths = widthsOf(cols);
	// Still too narrow: the plan column gives way ("plan to 22 Aug…", in full on the selected line), not below 15.
	const short = want - room(cols, 1);
	if (short > 0) widths[widths.length - 1] = Math.max(Math.min(15, widths.at(-1)!), widths.at(-1)! - short);
	const longest = Math.max(0, ...rows.map(r => r.absence.length));
	const gap = room(cols, 2) >= longest ? '  ' : ' ';
	const absenceWidth = Math.max(0, inner - 2 - widths.reduce((a, b) => a + b, 0) - gap.length * cols.length);
	return {cols, widths, gap, absenceWidth};
}

/** True when `officerId` is away today and not already ending today: the absence `E` ends (desk-absences.ts askToEnd). */
function endable(model: DeskModel, officerId: string): boolean {
	const current = absenceOn(model.data.absences, officerId, model.today);
	// Whole: the part under way may end today while the absence goes on (absence-cover.ts).
	return current !== undefined && wholeSpan(model.data.absences, current).to !== model.today;
}

export function TeamView({
	model,
	win,
	focused,
	width,
	height,
	form,
	decision,
	escalated = [],
	question,
	notice,
	actorId = null,
}: TeamViewProps): React.JSX.Element {
	const theme = useTheme();
	const keymap = useKeymap();
	const key = (command: Parameters<typeof hintKeyFor>[0]) => hintKeyFor(command, keymap);
	const reader = useIsScreenReaderEnabled();
	const rows = teamRows(model);
	const inner = Math.max(1, width - 2);
	const visible = teamVisible(height);
	// The queue's key for whoever is offered it (the inspector); anyone else is told whose they are (QA 4 R-a).
	const queueKey = offers(keymap, 'trigger-decide') ? key('trigger-decide') : "the inspector's";
	const queue = escalated.length > 0 ? `; ${plural(escalated.length, 'escalated trigger')} (${queueKey})` : '';
	const shown = rows.length > visible ? `, ${win.scroll + 1}-${Math.min(rows.length, win.scroll + visible)} shown` : '';
	const whose = model.scope.kind === 'own' ? "your own record only: the team's is your supervisors'" : plural(rows.length, 'officer');
	const detail = `${whose}${shown}; welfare: dates only${queue}`;
	if (form) {
		return (
			<Pane title="TEAM" detail={detail} focused={focused} width={width} height={height}>
				<AbsenceForm form={form} data={model.data} today={model.today} width={inner} />
			</Pane>
		);
	}
	if (decision) {
		return (
			<Pane title="TEAM" detail={detail} focused={focused} width={width} height={height}>
				<DecisionForm
					form={decision.form}
					trigger={decision.trigger}
					actorId={decision.actorId}
					officers={model.data.officers}
					today={model.today}
					width={inner}
					rows={Math.max(1, height - 3)}
				/>
			</Pane>
		);
	}
	const {cols, widths, gap, absenceWidth} = teamLayout(rows, inner);
	// A plan cut to its column loses its word "plan" before its date ("to 22 Aug 2027" under "Plan"), so
	// the year of a plan ending next year is never the part cut off ("plan to 22 Aug…" read as this year).
	const planCell = (c: string, w: number) => (c.length > w && c.startsWith('plan ') ? fit(c.slice(5), w) : fit(c, w));
	const cell = (c: string, i: number) => (i === cols.length - 1 ? planCell(c, widths[i]!) : fit(c, widths[i]!));
	const line = (cells: string[], absence: string) => cells.map(cell).join(gap) + gap + absence;
	const heading =
		'  ' +
		line(
			cols.map(c => c.head),
			'Away',
		);
	const selected = rows[win.cursor];
	const planCut = selected !== undefined && selected.plan.length > widths.at(-1)!;
	const dropped = selected
		? [
				...(planCut ? [`plan: ${selected.plan}`] : []),
				...(cols.some(c => c.head.startsWith('H')) ? [] : [`${selected.hours} h/FTE`]),
				...(cols.some(c => c.head === 'Tenure') ? [] : [`tenure ${selected.tenure}`]),
			]
		: [];
	// The keys offered to the person at the desk (the keymap in force, registry.ts offeredKeymap): an
	// officer is not offered what only a supervisor may do (README "Who may change absences"), nor anyone
	// but the inspector the escalated trigger's decision. E only when there is an absence to end today
	// (QA 4 R-b): desk-absences.ts askToEnd refuses any other. Neither on a row where the domain refuses
	// them to this person (QA 5 R2: the cover is not offered her sergeant's absence, nor the inspector's team).
	const refused = selected ? refusedOnRow(model.data, actorId, selected.officer.id, model.today) : new Set<string>();
	// c and C where the row has an absence they act on (QA 8 R10: they worked there but were not offered).
	const actionable = selected ? actionableOnRow(model.data, selected.officer.id, model.today) : new Set<string>();
	const keys = selected
		? hintLine(
				keymap,
				[
					...(refused.has('absence-add') ? [] : [['absence-add', 'record absence'] as const]),
					...(actionable.has('absence-change') && !refused.has('absence-change') ? [['absence-change', 'change'] as const] : []),
					...(actionable.has('absence-cancel') && !refused.has('absence-cancel') ? [['absence-cancel', 'cancel'] as const] : []),
					...(endable(model, selected.officer.id) && !refused.has('absence-end') ? [['absence-end', 'end it today'] as const] : []),
					...(escalated.includes(selected.officer.id) ? [['trigger-decide', 'decide the escalated trigger'] as const] : []),
				],
				'  ',
			)
		: '';
	// A trigger the sergeant (or cover) decides is decided in a review, not here (QA 4 R-a): say where, to
	// whoever reviews (`r` is offered to them), after the keys so a narrow line cuts this first; it names no
	// key, since the review's `r` does nothing in this view.
	const decidedWhere =
		selected?.decides === 'sergeant' && offers(keymap, 'review') ? '   trigger: decided in a review of one of their cases (step 5)' : '';
	const about =
		question ??
		notice ??
		(selected
			? `${selected.rank} ${selected.name}: ${selected.absence || 'no absence recorded'}${dropped.length ? `; ${dropped.join(', ')}` : ''}${keys ? `   ${keys}` : ''}${decidedWhere}`
			: '');
	return (
		<Pane title="TEAM" detail={detail} focused={focused} width={width} height={height}>
			<Box flexDirection="column" overflowY="hidden">
				{rows.length === 0 ? (
					<Text>{fit('No officers in post.', inner)}</Text>
				) : (
					<>
						<Text bold wrap="truncate">
							{truncate(heading, inner)}
						</Text>
						<Text wrap="truncate" aria-hidden>
							{'─'.repeat(Math.min(inner, heading.trimEnd().length))}
						</Text>
						{rows.slice(win.scroll, win.scroll + visible).map((r, i) => {
							const at = win.scroll + i === win.cursor;
							return (
								<Text key={r.officer.id} inverse={at && focused} wrap="truncate" aria-label={reader ? spokenTeamRow(r, at) : undefined}>
									{truncate(
										`${at ? '›' : ' '} ${line(
											cols.map(c => c.cell(r)),
											absenceIn(r.absenceForms, absenceWidth),
										)}`,
										inner,
									)}
								</Text>
							);
						})}
						<Text
							color={question ? tint(theme, 'warning') : undefined}
							bold={!question && Boolean(notice)}
							inverse={Boolean(question)}
							wrap="truncate"
						>
							{truncate(safeText(about), inner)}
						</Text>
					</>
				)}
			</Box>
		</Pane>
	);
}
