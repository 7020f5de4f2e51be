/**
 * The Team view: a static ink-table, one row per officer: rank, hours/FTE, live cases, workload %,
 * red problems, last welfare check-in (date only), tenure, performance-plan state. Never welfare note
 * text. j/k scroll when the team is taller than the pane.
 */
import React from 'react';
import {Box, Text} from 'ink';
import {Table} from 'ink-table';
import type {DeskModel} from '../model/desk-model.js';
import {Pane} from '../pane/pane.js';
import {fit, plural} from '../text.js';
import {teamRows, teamVisible} from './team-rows.js';

type Cells = Record<string, string | number>;

/**
 * ink-table draws a separator line before every row (doubling the height) and never pads less than
 * one space. The team must fit 80x24, so this subclass keeps only the separator under the headings and
 * honours `padding={0}`.
 */
class CompactTable extends Table<Cells> {
	constructor(props: ConstructorParameters<typeof Table<Cells>>[0]) {
		super(props);
		const separator = this.separator;
		this.separator = rowProps => (/^separator-row-.*-(\d+)$/.exec(rowProps.key)?.[1] ?? '0') === '0' ? separator(rowProps) : <></>;
	}

	override getConfig() {
		return {...super.getConfig(), padding: this.props.padding ?? 1};
	}
}

export interface TeamViewProps {
	model: DeskModel;
	scroll: number;
	focused: boolean;
	width: number;
	height: number;
}


export function TeamView({model, scroll, focused, width, height}: TeamViewProps): React.JSX.Element {
	const rows = teamRows(model);
	const wide = width >= 104;
	const visible = teamVisible(height);
	const data: Cells[] = rows.slice(scroll, scroll + visible).map((r): Cells =>
		wide
			? {Officer: r.name, Rank: r.rank, 'Hours/FTE': r.hours, Live: r.live, Workload: r.workload, 'Red': r.red, 'Check-in': r.checkIn, Tenure: r.tenure, 'Perf. plan': r.plan}
			: {Officer: `${r.rank} ${r.name.split(' ').at(-1)}`, 'Hrs/FTE': r.hours, Live: r.live, Load: r.workload, Red: r.red, 'Check-in': r.checkIn, Tenure: r.tenure, Plan: r.plan},
	);
	return (
		<Pane title="TEAM" detail={`${plural(rows.length, 'officer')}${rows.length > visible ? `, ${scroll + 1}-${Math.min(rows.length, scroll + visible)} shown (j/k)` : ''}; welfare: dates only`} focused={focused} width={width} height={height}>
			<Box flexDirection="column" overflow="hidden">
				{data.length > 0 ? <CompactTable data={data} padding={wide ? 1 : 0} /> : <Text>{fit('No officers in post.', width - 2)}</Text>}
			</Box>
		</Pane>
	);
}
