/**
 * Draws the review screen from its state: heading with where the sergeant is ("Review CR/123/24 -
 * step 3 of 7: Risk") and the save status apart from it, the step's read-only lines, its fields with
 * inline errors, then a notice or confirmation and the key hints. Everything wraps (a key or an option
 * is never cut at the edge) and the lines are windowed so the frame never outgrows the editor area
 * and the focused field, label and options, is always in view. `?` (Ctrl+G in a text field) puts the
 * review's key list, from its keymap, over the step.
 */
import React from 'react';
import {Box, Text} from 'ink';
import {shortDate} from '../../domain/dates.js';
import {stepHeading, stepTitle, STEP_COUNT} from '../../domain/review/index.js';
import {safeText} from '../../domain/safe-text.js';
import {textAreaLines} from '../text-area/text-area.js';
import type {Field} from './review-fields.js';
import {stepInfoLines} from './review-info.js';
import {
	REVIEW_KEYMAP,
	reviewHelpTitle,
	reviewHints,
	reviewKey,
	reviewKeyHelp,
	type FieldKind,
	type ReviewBinding,
} from './review-keymap.js';
import {confirmLine} from '../contexts/form-keys.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {optionRows, windowLines, wrapSegments} from './review-lines.js';
import {currentStep, fieldsOf, visibleErrors, type ReviewUiState} from './review-state.js';
import {wrapIndented} from './wrap-lines.js';
import {tint, useTheme, type Theme} from '../theme.js';

export interface ReviewViewProps {
	state: ReviewUiState;
	width: number;
	rows: number;
	/** "saved 10:21", "saving...", "not saved: read-only" */
	saveStatus: string;
	/** Queue position when reviewing from the queue ("2 of 7"), else null. */
	queue: {position: number; total: number; nextRef: string | null} | null;
	color: boolean;
}

export interface Line {
	key: string;
	el: React.JSX.Element;
	/** Lines of a focused field to keep in view: `must` a choice's selected option, `end` its last option line. */
	anchor?: 'must' | 'end';
}

export const one = (key: string, text: string, props: Record<string, unknown> = {}): Line => ({
	key,
	el: (
		<Text key={key} wrap="truncate" {...props}>
			{text}
		</Text>
	),
});

/** A text wrapped to `width`, one Line per row, all with the same style. */
export const wrapped = (key: string, text: string, width: number, props: Record<string, unknown> = {}): Line[] =>
	wrapIndented(text, width).map((l, i) => one(`${key}:${i}`, l, props));

/** An empty line that keeps its height (a Text of one space collapses). */
const blank = (key: string): Line => ({key, el: <Box key={key} height={1} />});

/**
 * The heading and, apart from it, the save status: on one line when both fit with room between
 * ("Review CR/1/26 - step 7 of 7: Sign-off      (draft saved 10:21)"), else the status on its own line.
 */
export function headingLines(heading: string, status: string, width: number): string[] {
	const right = status === '' ? '' : `(${status})`;
	// Too long for one line: break after the case ("Review CR/1/26" / "step 3 of 7: Risk"), then by words.
	const head = heading.length <= width ? [heading] : heading.split(' - ').flatMap(part => wrapIndented(part, width));
	if (right === '') return head;
	if (head.length === 1 && heading.length + 3 + right.length <= width)
		return [heading + ' '.repeat(width - heading.length - right.length) + right];
	return [...head, ...wrapIndented(right, width)];
}

function choiceLines(f: Extract<Field, {kind: 'choice'}>, focused: boolean, width: number, theme: Theme): Line[] {
	const indent = 4;
	const rows = optionRows(f.options, f.value, width, indent);
	if (!focused && rows.length > 1) {
		// Not focused and too many to list on one line: the choice made, or that none is.
		const i = f.options.findIndex(o => o.value === f.value);
		const text = i < 0 ? `(not chosen: ${f.options.length} options)` : `${i + 1}:[${f.options[i]!.label}]  (${f.options.length} options)`;
		const spoken = i < 0 ? undefined : `(chosen) ${i + 1}:${f.options[i]!.label} (${f.options.length} options)`;
		return [one(`${f.id}:o`, `${' '.repeat(indent)}${text}`, {bold: i >= 0, 'aria-label': spoken})];
	}
	const out: Line[] = rows.map((row, r) => ({
		key: `${f.id}:o${r}`,
		anchor: row.some(c => c.selected) ? ('must' as const) : r === rows.length - 1 ? ('end' as const) : undefined,
		el: (
			<Text key={`${f.id}:o${r}`} wrap="truncate">
				{' '.repeat(indent)}
				{row.map((c, j) => (
					<Text key={c.index}>
						{j > 0 ? '  ' : ''}
						<Text
							inverse={c.selected && focused}
							bold={c.selected}
							color={c.selected ? tint(theme, 'selected') : undefined}
							// Read only in screen-reader mode (README "Screen readers"): the brackets said in words.
							aria-label={c.selected ? `(chosen) ${c.text.replace(/[[\]]/g, '')}` : undefined}
						>
							{c.text}
						</Text>
					</Text>
				))}
			</Text>
		),
	}));
	// An optional choice offers "no decision" as its empty answer: that is then chosen, not "(not chosen)".
	if (!f.options.some(o => o.value === f.value))
		out.push({key: `${f.id}:none`, anchor: 'end', el: <Text key={`${f.id}:none`} dimColor>{`${' '.repeat(indent)}(not chosen)`}</Text>});
	return out;
}

export function fieldLines(f: Field, focused: boolean, cursor: number, width: number, errors: string[], theme: Theme): Line[] {
	const mark = focused ? '› ' : '  ';
	const out: Line[] = [];
	const k = f.id;
	// In screen-reader mode the marks are said in words: "(focused)", "(checked)" (README "Screen readers").
	const said = focused ? '(focused) ' : '';
	if (f.kind === 'toggle') {
		out.push(
			one(k, `${mark}[${f.value ? 'x' : ' '}] ${f.label}`, {
				bold: focused,
				'aria-label': `${said}${f.value ? '(checked)' : '(not checked)'} ${f.label}`,
			}),
		);
	} else if (f.kind === 'button') {
		out.push({
			key: k,
			el: (
				<Text key={k} wrap="truncate" aria-label={`${said}button ${f.label}`}>
					{mark}
					<Text inverse={focused} bold={focused}>{`[ ${f.label} ]`}</Text>
				</Text>
			),
		});
	} else {
		// A label can be store text written on several lines (an open action): each line wraps on its own.
		const label = f.label.split('\n').flatMap(p => wrapIndented(p, width - 2));
		for (const [i, l] of label.entries())
			out.push(
				one(`${k}:l${i}`, `${i === 0 ? mark : '  '}${l}`, {bold: focused, 'aria-label': i === 0 && focused ? `${said}${l}` : undefined}),
			);
		if (f.kind === 'choice') {
			out.push(...choiceLines(f, focused, width, theme));
		} else {
			const els = textAreaLines({
				value: f.value,
				cursor,
				focused,
				width: Math.max(1, width - 6),
				maxRows: focused ? 6 : 2,
				placeholder: f.placeholder ?? (focused ? undefined : '(empty)'),
				prefix: '    │ ',
			});
			els.forEach((el, i) => out.push({key: `${k}:t${i}`, el: <React.Fragment key={`${k}:t${i}`}>{el}</React.Fragment>}));
			for (const [i, said] of [f.remark, f.refused, f.warning === undefined ? undefined : `Warning: ${f.warning}`]
				.filter((x): x is string => x !== undefined)
				.entries()) {
				const lines = wrapIndented(`    ${said}`, width);
				for (const [j, l] of lines.entries()) out.push(one(`${k}:n${i}:${j}`, l, {color: tint(theme, 'warning')}));
			}
		}
	}
	for (const [i, e] of errors.entries()) {
		for (const [j, l] of wrapIndented(`    Needs attention: ${e}`, width).entries())
			out.push(one(`${k}:e${i}:${j}`, l, {color: tint(theme, 'error'), bold: true}));
	}
	return out;
}

const fieldKind = (f: Field | undefined): FieldKind => (f ? f.kind : 'none');

/**
 * The review's key list, from its keymap: keys in a column, what they do wrapped beside them; keys
 * too long for the column ("←→↑↓ Home End Ctrl+A/E/W/U/K/D Enter") get a line of their own.
 */
export function helpLines(width: number, table: readonly ReviewBinding[] = REVIEW_KEYMAP): string[] {
	const col = Math.min(14, Math.max(4, Math.floor(width / 4)));
	const room = Math.max(10, width - col - 2);
	return reviewKeyHelp(table).flatMap(h => {
		const text = wrapIndented(h.help, room).map(l => l.trimStart());
		const pad = ' '.repeat(col + 2);
		// Keys too long for the column get lines of their own, wrapped, never cut (every key stays named).
		if (h.keys.length > col) return [...wrapIndented(h.keys, width).map(l => l.trimStart()), ...text.map(l => pad + l)];
		return text.map((l, i) => (i === 0 ? h.keys.padEnd(col + 2) : pad) + l);
	});
}

export function ReviewView({state: s, width, rows, saveStatus, queue, color}: ReviewViewProps): React.JSX.Element {
	// The theme's colours; `color` says whether there are any (NO_COLOR reaches the review screens as it).
	const theme: Theme = {...useTheme(), color};
	const keymap = useKeymap();
	const bindings = keymap.review;
	const key = (c: Parameters<typeof reviewKey>[0]) => reviewKey(c, bindings);
	const step = currentStep(s);
	const heading = `${stepHeading(s.ctx.case.ref, s.draft.step)}: ${stepTitle(s.draft.step)}`;
	const right = queue ? `queue ${queue.position} of ${queue.total} | ${saveStatus}` : saveStatus;
	const head = headingLines(heading, right, width).map((l, i) => one(`h${i}`, l, {bold: i === 0}));
	if (s.phase === 'signed' && s.signed) {
		const body = [
			...wrapped(
				'done1',
				`Signed: review of ${safeText(s.ctx.case.ref)} is entry ${s.signed.seq} in the review chain. Next review ` +
					`${shortDate(s.signed.nextReviewDue, s.ctx.today)}.`,
				width,
				{bold: true},
			),
			...wrapped('done2', 'The signed review cannot be changed; a correction is an amendment that references it.', width),
			...(s.notice ? wrapped('done-notice', safeText(s.notice), width, {color: tint(theme, 'warning')}) : []),
			...wrapSegments(
				[
					...(queue
						? [
								queue.nextRef
									? `${key('next-case')} next case in the queue (${queue.nextRef})`
									: 'The queue is empty: every due review is signed.',
							]
						: []),
					`${key('back')} back to the desk`,
				],
				width,
			).map((l, i) => one(`done3:${i}`, l)),
		];
		return (
			<Box flexDirection="column">
				{head.map(l => l.el)}
				{body.slice(0, Math.max(0, rows - head.length)).map(l => l.el)}
			</Box>
		);
	}
	if (s.help) {
		const lines = helpLines(width, bindings);
		const title = wrapped('help-title', reviewHelpTitle(bindings), width, {bold: true, inverse: true});
		const room = Math.max(1, rows - head.length - title.length);
		const win = windowLines(lines.length, room, -1, -1, s.help.scroll);
		const shown = lines.slice(win.top, win.top + win.count).map((l, i) => one(`help${win.top + i}`, l));
		return (
			<Box flexDirection="column">
				{head.map(l => l.el)}
				{title.map(l => l.el)}
				{win.above > 0 && one('help-above', `  ... ${win.above} more above (${key('up')})`, {dimColor: true}).el}
				{shown.map(l => l.el)}
				{win.below > 0 && one('help-below', `  ... ${win.below} more below (${key('down')})`, {dimColor: true}).el}
			</Box>
		);
	}
	const fields = fieldsOf(s);
	const focusedField = fields[s.field];
	const footer: Line[] = [];
	const confirm = s.confirm;
	// Keys first: at any width the answer keys are the part that must show.
	const prompt =
		confirm?.kind === 'discard'
			? `${confirmLine(keymap, 'discard', 'keep it', ' / ')}: Discard this draft? Everything typed for this review is deleted.` +
				(s.discardKeeps ? ` ${s.discardKeeps}` : '')
			: confirm?.kind === 'sign'
				? `${confirmLine(keymap, 'sign', 'not yet', ' / ')}: Sign the review? It is appended to the review chain and cannot be changed.`
				: confirm?.kind === 'remove-action'
					? `${confirmLine(keymap, 'remove', 'keep it', ' / ')}: Remove this action and its text?`
					: null;
	// The day moved on while the review was open (a desk past midnight): said until it is signed.
	if (s.dayMoved) footer.push(...wrapped('day-moved', s.dayMoved, width, {bold: true}));
	if (prompt) footer.push(...wrapped('prompt', prompt, width, {bold: true, inverse: true}));
	// Notices can quote an error message or a path: made safe like store text.
	else if (s.notice) footer.push(...wrapped('notice', safeText(s.notice), width, {color: tint(theme, 'warning')}).slice(0, 3));
	// While a question is up only its y/n keys work: no other hints then.
	const hints = prompt
		? []
		: wrapSegments(
				reviewHints(
					fieldKind(focusedField),
					{
						firstStep: s.draft.step === 0,
						lastStep: s.draft.step === STEP_COUNT - 1,
						lastField: s.field === fields.length - 1,
						choices: focusedField?.kind === 'choice' ? focusedField.options.length : undefined,
						pressWords:
							focusedField?.kind === 'button'
								? focusedField.press === 'sign'
									? 'sign (asks first)'
									: focusedField.press === 'add-action'
										? 'add'
										: 'remove'
								: undefined,
					},
					bindings,
				),
				width,
			);
	// The first hint line (it starts with the help key) always shows; more only while the step keeps 4 rows.
	const hintRoom = Math.max(1, rows - head.length - footer.length - 4);
	footer.push(...hints.slice(0, hintRoom).map((l, i) => one(`hint${i}`, l, {dimColor: true})));

	const errors = visibleErrors(s);
	const info: Line[] = stepInfoLines(s.ctx, s.since, s.draft.answers, step, errors).flatMap((l, i) =>
		l === '' ? [blank(`i${i}`)] : wrapIndented(l, width).map((w, j) => one(`i${i}:${j}`, w)),
	);
	const placed = new Set<string>();
	const blocks = fields.map((f, i) => {
		const mine = errors.filter(e => e.field === f.id || (!placed.has(e.field) && f.id.startsWith(`${e.field}.`)));
		for (const e of mine) placed.add(e.field);
		return fieldLines(
			f,
			i === s.field,
			s.cursor,
			width,
			mine.map(e => e.message),
			theme,
		);
	});
	const orphan = errors
		.filter(e => !placed.has(e.field))
		.flatMap((e, i) =>
			wrapIndented(`Needs attention: ${e.message}`, width).map((l, j) =>
				one(`orphan${i}:${j}`, l, {color: tint(theme, 'error'), bold: true}),
			),
		);
	// Lines in order: info, errors that belong to no field, then the fields with a blank line between them.
	const lines: Line[] = [...info, ...orphan];
	let focusStart = -1;
	let focusEnd = -1;
	let anchor = -1;
	let anchorEnd = -1;
	for (const [i, b] of blocks.entries()) {
		if (lines.length > 0) lines.push(blank(`gap${i}`));
		if (i === s.field) {
			focusStart = lines.length;
			const must = b.findIndex(l => l.anchor === 'must');
			const end = b.findLastIndex(l => l.anchor !== undefined);
			anchor = must < 0 ? -1 : focusStart + must;
			anchorEnd = end < 0 ? -1 : focusStart + end;
		}
		lines.push(...b);
		if (i === s.field) focusEnd = lines.length;
	}
	const bodyRows = Math.max(1, rows - head.length - footer.length);
	const win = windowLines(lines.length, bodyRows, fields.length === 0 ? -1 : focusStart, focusEnd, s.infoScroll, anchor, anchorEnd);
	return (
		<Box flexDirection="column">
			{head.map(l => l.el)}
			{win.above > 0 && one('above', `  ... ${win.above} more above (${key('up')})`, {dimColor: true}).el}
			{lines.slice(win.top, win.top + win.count).map(l => l.el)}
			{win.below > 0 &&
				one('more', `  ... ${win.below} more below (${fields.length === 0 ? key('down') : `${key('down')} / ${key('next-field')}`})`, {
					dimColor: true,
				}).el}
			{footer.map(l => l.el)}
		</Box>
	);
}
