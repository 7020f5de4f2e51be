/** The bottom panel: every problem, most urgent first, windowed; Enter jumps to the case or officer. */
import React from 'react';
import {Text} from 'ink';
import {severityCountWords, type Problem} from '../../domain/problem.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import type {DeskModel} from '../model/desk-model.js';
import {ListRow} from '../list/list-row.js';
import {showsFilterLine, type FilterListState} from '../list/filter-list.js';
import {Pane} from '../pane/pane.js';
import {fit, plural} from '../text.js';
import {severityColour, useTheme} from '../theme.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {filterHint} from '../list/filter-hint.js';

export interface ProblemsPanelProps {
	model: DeskModel;
	rows: readonly Problem[];
	list: FilterListState;
	visible: number;
	focused: boolean;
	width: number;
	height: number;
}

/** Drawn again only when its props change (memo): a key in the explorer leaves the panel's list and rows as they were. */
export const ProblemsPanel = React.memo(function ProblemsPanel({
	model,
	rows,
	list,
	visible,
	focused,
	width,
	height,
}: ProblemsPanelProps): React.JSX.Element {
	const theme = useTheme();
	const keymap = useKeymap();
	const inner = width - 2;
	const counts = countBySeverity(model.problems);
	const detail = !model.problemsReady
		? 'checking the rules...'
		: `${plural(model.problems.length, 'problem')}: ${counts}${list.filter ? `; ${rows.length} match` : ''}` +
			(rows.length > visible ? `  ${list.win.cursor + 1}/${rows.length}` : '');
	return (
		<Pane title="PROBLEMS" detail={detail} focused={focused} width={width} height={height}>
			{showsFilterLine(list) && (
				<Text wrap="truncate" bold={list.filtering}>
					{fit(`Filter: ${list.filter}${filterHint(list.filtering, keymap)}`, inner)}
				</Text>
			)}
			{rows.length === 0 && (
				<Text>
					{fit(
						!model.problemsReady
							? 'Checking every case and officer against the rules...'
							: list.filter
								? 'No problem matches the filter.'
								: 'No problems found by the rules today.',
						inner,
					)}
				</Text>
			)}
			{rows.slice(list.win.scroll, list.win.scroll + visible).map((p, i) => {
				const index = list.win.scroll + i;
				const who = p.subject.type === 'case' ? p.subject.ref : shortName(model.officerById.get(p.subject.officerId));
				const text = `${fit(p.severity.toUpperCase(), 8)} ${fit(safeText(who), 13)} ${safeText(p.message)}`;
				return (
					<ListRow
						key={index}
						text={text}
						width={inner}
						selected={index === list.win.cursor}
						focused={focused}
						colour={severityColour(theme, p.severity)}
					/>
				);
			})}
		</Pane>
	);
});

// Counted once per problem list (store revision), not on every key press.
const counted = new WeakMap<readonly Problem[], string>();

function countBySeverity(problems: readonly Problem[]): string {
	const hit = counted.get(problems);
	if (hit !== undefined) return hit;
	const text = severityCountWords(problems);
	counted.set(problems, text);
	return text;
}
