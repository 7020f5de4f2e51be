/**
 * The side bar's explorer: officers with their live cases, windowed so only the visible rows are
 * drawn. Case rows: reference, risk, next-review badge, bail badge, short offence.
 */
import React from 'react';
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import {fullName, shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {SEVERITY_RANK} from '../../domain/problem.js';
import {bailBadge, reviewBadge, type DeskModel} from '../model/desk-model.js';
import {ListRow} from '../list/list-row.js';
import {showsFilterLine, type FilterListState} from '../list/filter-list.js';
import {Pane} from '../pane/pane.js';
import {fit, plural, truncate} from '../text.js';
import {severityColour, useTheme, type Theme} from '../theme.js';
import type {ExplorerRow} from './explorer-rows.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {filterHint} from '../list/filter-hint.js';

export interface ExplorerProps {
	model: DeskModel;
	rows: readonly ExplorerRow[];
	list: FilterListState;
	/** Rows the window shows (after the filter line). */
	visible: number;
	focused: boolean;
	width: number;
	height: number;
}

const RISK_WIDE = {high: 'HIGH', medium: 'MED ', low: 'LOW '} as const;
const RISK_NARROW = {high: 'H', medium: 'M', low: 'L'} as const;

export function Explorer({model, rows, list, visible, focused, width, height}: ExplorerProps): React.JSX.Element {
	const theme = useTheme();
	const keymap = useKeymap();
	const reader = useIsScreenReaderEnabled();
	const inner = width - 2;
	const slice = rows.slice(list.win.scroll, list.win.scroll + visible);
	// Filtered, the count of matching rows is always shown (the Problems panel does the same).
	const at = `${list.win.cursor + 1}/${rows.length}`;
	const position = list.filter !== '' ? `${rows.length} match${rows.length > 0 ? `  ${at}` : ''}` : rows.length > visible ? at : '';
	return (
		<Pane
			title="CASES"
			detail={`${plural(model.counts.live, 'live case')} ${position}`.trim()}
			focused={focused}
			width={width}
			height={height}
		>
			{showsFilterLine(list) && (
				<Text wrap="truncate" bold={list.filtering}>
					{fit(`Filter: ${list.filter}${filterHint(list.filtering, keymap)}`, inner)}
				</Text>
			)}
			{rows.length === 0 && <Text>{fit(list.filter ? 'No case or officer matches the filter.' : 'No live cases.', inner)}</Text>}
			<Box flexDirection="column">
				{slice.map((row, i) => {
					const index = list.win.scroll + i;
					const selected = index === list.win.cursor;
					// A screen reader gets the widest form (risk and badges in words, the offence uncut).
					const {text, colour, bold} = rowText(model, row, reader ? 200 : inner - 2, theme);
					return <ListRow key={index} text={text} width={inner} selected={selected} focused={focused} colour={colour} bold={bold} />;
				})}
			</Box>
		</Pane>
	);
}

function rowText(
	model: DeskModel,
	row: ExplorerRow,
	width: number,
	theme: Theme,
): {text: string; colour?: string | undefined; bold?: boolean} {
	if (row.kind === 'officer') {
		const g = row.group;
		const name = g.officer ? safeText(width >= 56 ? fullName(g.officer) : shortName(g.officer)) : g.id;
		const problems = !model.problemsReady
			? 'checking'
			: g.problemCount === 0
				? 'no problems'
				: `${plural(g.problemCount, 'problem')}${g.urgentCount ? ` (${g.urgentCount} red)` : ''}`;
		return {
			text: `${row.folded ? '▸' : '▾'} ${name}${row.folded ? ' [folded]' : ''}: ${plural(row.shown, 'case')}, ${problems}`,
			bold: true,
		};
	}
	const c = row.c;
	const review = reviewBadge(model, c);
	const bail = bailBadge(model, c);
	const worst =
		bail?.severity && (!review.severity || SEVERITY_RANK[bail.severity] < SEVERITY_RANK[review.severity]) ? bail.severity : review.severity;
	const draft = model.drafts.has(c.ref) ? 'DRAFT ' : '';
	return {
		text: caseRowText(safeText(c.ref), c.risk, review.text, bail?.text ?? null, draft + safeText(c.offenceShort), width),
		colour: severityColour(theme, worst),
	};
}

/**
 * A case row in `width` columns. The badges are the text signal of risk (never colour alone), so they
 * are never cut: the offence gives way first, then (narrow, and only when both badges are long) the
 * column padding, then the word OVERDUE for LATE; the risk letter stays. Wide: "  CR/1/26    HIGH OVERDUE 3d  BAIL 2d     offence".
 */
export function caseRowText(
	ref: string,
	risk: keyof typeof RISK_WIDE,
	review: string,
	bail: string | null,
	offence: string,
	width: number,
): string {
	const withOffence = (head: string) => {
		const room = width - head.length;
		return room >= 4 ? head + truncate(offence, room) : head.trimEnd();
	};
	if (width >= 46)
		return withOffence(`  ${fit(ref, 11)} ${RISK_WIDE[risk]} ${review.padEnd(11)} ${bail ? bail.padEnd(11) + ' ' : ' '.repeat(12)}`);
	const r = RISK_NARROW[risk];
	if (!bail) return withOffence(`${fit(ref, 11)} ${r} ${review.padEnd(10)} `);
	// The risk letter is a column every row keeps (QA 5 R8): when both badges are long ("OVERDUE 14d BAIL
	// MISSED" at 80 columns) the review badge says it in its short word ("LATE 14d"), never by cutting a
	// badge or dropping the letter; only a width too narrow even for that loses the letter.
	const late = review.replace(/^OVERDUE /, 'LATE ');
	const tries = [
		`${fit(ref, 11)} ${r} ${review.padEnd(10)} ${bail}`,
		`${fit(ref, 11)} ${r} ${review} ${bail}`,
		`${fit(ref, 11)} ${r} ${late} ${bail}`,
		`${fit(ref, 11)} ${review} ${bail}`,
	];
	return withOffence((tries.find(t => t.length <= width) ?? tries.at(-1)!) + ' ');
}
