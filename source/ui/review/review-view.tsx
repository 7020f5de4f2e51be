/**
 * Draws the review screen from its state: heading with where the sergeant is ("Review CR/123/24 -
 * step 3 of 7"), the step's read-only lines, its fields with inline errors, then a notice or
 * confirmation line and the key hints. Windowed by lines so the frame never outgrows the editor area
 * and the focused field is always in view.
 */
import React from 'react';
import {Box, Text} from 'ink';
import {shortDate} from '../../domain/dates.js';
import {stepHeading, stepTitle, STEP_COUNT} from '../../domain/review/index.js';
import {textAreaLines} from '../text-area/text-area.js';
import type {Field} from './review-fields.js';
import {stepInfoLines} from './review-info.js';
import {currentStep, fieldsOf, visibleErrors, type ReviewUiState} from './review-state.js';
import {wrapIndented} from './wrap-lines.js';

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

interface Line {
	key: string;
	el: React.JSX.Element;
}

const one = (key: string, text: string, props: Record<string, unknown> = {}): Line => ({
	key,
	el: (
		<Text key={key} wrap="truncate" {...props}>
			{text}
		</Text>
	),
});

/** An empty line that keeps its height (a Text of one space collapses). */
const blank = (key: string): Line => ({key, el: <Box key={key} height={1} />});

export function fieldLines(f: Field, focused: boolean, cursor: number, width: number, errors: string[], color: boolean): Line[] {
	const mark = focused ? '› ' : '  ';
	const out: Line[] = [];
	const k = f.id;
	if (f.kind === 'toggle') {
		out.push(one(k, `${mark}[${f.value ? 'x' : ' '}] ${f.label}`, {bold: focused}));
	} else if (f.kind === 'button') {
		out.push({
			key: k,
			el: (
				<Text key={k} wrap="truncate">
					{mark}
					<Text inverse={focused} bold={focused}>{`[ ${f.label} ]`}</Text>
				</Text>
			),
		});
	} else {
		for (const [i, l] of wrapIndented(f.label, width - 2).entries()) out.push(one(`${k}:l${i}`, `${i === 0 ? mark : '  '}${l}`, {bold: focused}));
		if (f.kind === 'choice') {
			out.push({
				key: `${k}:o`,
				el: (
					<Text key={`${k}:o`} wrap="truncate">
						{'    '}
						{f.options.map((o, i) => {
							const on = o.value === f.value;
							return (
								<Text key={o.value || '-'}>
									{`${i + 1}:`}
									<Text inverse={on && focused} bold={on} color={on && color ? 'cyan' : undefined}>
										{on ? `[${o.label}]` : o.label}
									</Text>
									{'  '}
								</Text>
							);
						})}
						{f.value === '' ? <Text dimColor>(not chosen)</Text> : null}
					</Text>
				),
			});
		} else {
			const els = textAreaLines({value: f.value, cursor, focused, width: Math.max(1, width - 6), maxRows: focused ? 6 : 2, placeholder: f.placeholder ?? (focused ? undefined : '(empty)'), prefix: '    │ '});
			els.forEach((el, i) => out.push({key: `${k}:t${i}`, el: <React.Fragment key={`${k}:t${i}`}>{el}</React.Fragment>}));
		}
	}
	for (const [i, e] of errors.entries()) {
		for (const [j, l] of wrapIndented(`    Needs attention: ${e}`, width).entries()) out.push(one(`${k}:e${i}:${j}`, l, {color: color ? 'red' : undefined, bold: true}));
	}
	return out;
}

export function ReviewView({state: s, width, rows, saveStatus, queue, color}: ReviewViewProps): React.JSX.Element {
	const step = currentStep(s);
	const heading = `${stepHeading(s.ctx.case.ref, s.draft.step)}: ${stepTitle(s.draft.step)}`;
	const right = queue ? `queue ${queue.position} of ${queue.total} | ${saveStatus}` : saveStatus;
	const footer: Line[] = [];
	if (s.phase === 'signed' && s.signed) {
		const body = [
			one('done1', `Signed: review of ${s.ctx.case.ref} is entry ${s.signed.seq} in the review chain. Next review ${shortDate(s.signed.nextReviewDue, s.ctx.today)}.`, {bold: true}),
			one('done2', 'The signed review cannot be changed; a correction is an amendment that references it.'),
			...(s.notice ? [one('done-notice', s.notice, {color: color ? 'yellow' : undefined})] : []),
			one('done3', queue ? (queue.nextRef ? `n: next case in the queue (${queue.nextRef}) | Esc: back to the desk` : 'The queue is empty: every due review is signed. Esc: back to the desk') : 'Esc: back to the desk'),
		];
		return (
			<Box flexDirection="column">
				{one('h', heading.slice(0, width), {bold: true}).el}
				{body.slice(0, Math.max(0, rows - 1)).map(l => l.el)}
			</Box>
		);
	}
	const confirm = s.confirm;
	const prompt =
		confirm?.kind === 'discard'
			? 'Discard this draft? Everything typed for this review is deleted. y: discard | n: keep it'
			: confirm?.kind === 'sign'
				? 'Sign the review? It is appended to the review chain and cannot be changed. y: sign | n: not yet'
				: confirm?.kind === 'remove-action'
					? 'Remove this action and its text? y: remove | n: keep it'
					: null;
	if (prompt) footer.push(one('prompt', prompt, {bold: true, inverse: true}));
	else if (s.notice) footer.push(one('notice', s.notice, {color: color ? 'yellow' : undefined}));
	const hint =
		step === 'sign-off'
			? 'Tab/↓ next field | Enter on Sign signs | Esc back a step | Ctrl+X discard draft'
			: `Tab/↓ next field | ←/→ or 1-9 choose | Ctrl+N next step | Esc ${s.draft.step === 0 ? 'leave (draft kept)' : 'back a step'} | Ctrl+X discard`;
	footer.push(one('hint', hint, {dimColor: true}));

	const fields = fieldsOf(s);
	const errors = visibleErrors(s);
	const info: Line[] = stepInfoLines(s.ctx, s.since, s.draft.answers, step).flatMap((l, i) => (l === '' ? [blank(`i${i}`)] : wrapIndented(l, width).map((w, j) => one(`i${i}:${j}`, w))));
	const placed = new Set<string>();
	const blocks = fields.map((f, i) => {
		const mine = errors.filter(e => e.field === f.id || (!placed.has(e.field) && f.id.startsWith(`${e.field}.`)));
		for (const e of mine) placed.add(e.field);
		return fieldLines(f, i === s.field, s.cursor, width, mine.map(e => e.message), color);
	});
	const orphan = errors.filter(e => !placed.has(e.field)).flatMap((e, i) => wrapIndented(`Needs attention: ${e.message}`, width).map((l, j) => one(`orphan${i}:${j}`, l, {color: color ? 'red' : undefined, bold: true})));
	// Lines in order: info, errors that belong to no field, then the fields with a blank line between them.
	const lines: Line[] = [...info, ...orphan];
	let focusStart = 0;
	let focusEnd = 0;
	for (const [i, b] of blocks.entries()) {
		if (lines.length > 0) lines.push(blank(`gap${i}`));
		if (i === s.field) focusStart = lines.length;
		lines.push(...b);
		if (i === s.field) focusEnd = lines.length;
	}
	const bodyRows = Math.max(1, rows - 1 - footer.length);
	let top: number;
	if (fields.length === 0) top = Math.min(s.infoScroll, Math.max(0, lines.length - bodyRows));
	else {
		// Keep the focused field in view; prefer showing the step's text above it when it fits.
		top = Math.min(s.infoScroll, Math.max(0, focusStart - 1));
		if (focusEnd - top > bodyRows) top = Math.max(0, Math.min(focusStart, focusEnd - bodyRows));
	}
	const shown = lines.slice(top, top + bodyRows);
	const more = lines.length - top - shown.length;
	if (more > 0 && shown.length > 1) shown[shown.length - 1] = one('more', `  ... ${more} more line${more === 1 ? '' : 's'} (↓ / Tab)`, {dimColor: true});
	const progress = `${s.draft.step + 1}/${STEP_COUNT}`;
	const headText = heading.length + right.length + 1 <= width ? heading + ' '.repeat(width - heading.length - right.length) + right : heading;
	return (
		<Box flexDirection="column">
			<Text key="h" wrap="truncate" bold>
				{headText.slice(0, width) || progress}
			</Text>
			{shown.map(l => l.el)}
			{footer.map(l => l.el)}
		</Box>
	);
}
