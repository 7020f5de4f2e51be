/**
 * The inspector's decision on an escalated performance trigger, drawn over the Team view (state and
 * keys: decision-form-state.ts). It shows why the trigger is on the exception list and its evidence,
 * then the decision, the reason and (for an action plan) the plan's review date. Opened for someone
 * who may not decide it, it shows only why and who can.
 */
import {fieldShown} from '../input/text-field.js';
import React from 'react';
import {Box, Text} from 'ink';
import {addMonths, shortDate, type IsoDate} from '../../domain/dates.js';
import type {EscalatedTrigger} from '../../domain/escalated-triggers.js';
import type {Officer} from '../../domain/model.js';
import {fullName, shortName} from '../../domain/people.js';
import {PLAN_REVIEW_MONTHS} from '../../domain/review/validate.js';
import {safeText} from '../../domain/safe-text.js';
import {truncate, wrap} from '../text.js';
import {tint, useTheme} from '../theme.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {confirmLine, discardLine, keysText} from '../contexts/form-keys.js';
import {decisionFormHints} from '../contexts/form-hints.js';
import {DECISION_WORDS, DECISIONS, decisionFields, type DecisionFormState} from './decision-form-state.js';
import type {DecisionField} from '../../domain/escalated-triggers.js';

const LABELS: Record<DecisionField, string> = {decision: 'Decision', reason: 'Reason', planReviewDate: 'Plan review'};

export interface DecisionFormProps {
	form: DecisionFormState;
	officers: readonly Officer[];
	/** The trigger as the queue has it (why and since when it is escalated, its evidence), when it still is. */
	trigger: EscalatedTrigger | undefined;
	/** Who is deciding (the desk's officer). */
	actorId: string;
	today: IsoDate;
	width: number;
	/** Rows inside the pane. */
	rows: number;
}

interface Row {
	text: string;
	bold?: boolean;
	inverse?: boolean;
	red?: boolean;
}

export function DecisionForm({form, officers, trigger, actorId, today, width, rows}: DecisionFormProps): React.JSX.Element {
	const theme = useTheme();
	const keymap = useKeymap();
	const byId = (id: string) => officers.find(o => o.id === id);
	const who = safeText(fullName(byId(form.officerId)));
	const title: Row = {text: `Decide ${who}'s escalated performance trigger, as ${safeText(shortName(byId(actorId)))}`, bold: true};
	if (form.refusal !== null) {
		const lines = [
			title,
			...wrap(safeText(form.refusal), width).map(text => ({text})),
			{text: `${keysText(keymap.form, 'form-cancel')} returns to the Team view.`},
		];
		return <Lines rows={lines.slice(0, Math.max(1, rows))} width={width} red={tint(theme, 'error')} />;
	}
	const head: Row[] = [
		title,
		...(trigger
			? wrap(`On the exception list since ${shortDate(trigger.since, today)}: ${safeText(trigger.why)}.`, width).map(text => ({text}))
			: []),
	];
	const fields: Row[] = [];
	for (const f of decisionFields(form)) {
		const at = form.field === f && !form.confirm && !form.confirmDiscard;
		const label = `${at ? '›' : ' '} ${LABELS[f].padEnd(11)} `;
		if (f === 'decision') {
			const options = DECISIONS.map((d, i) =>
				d === form.decision ? `[${i + 1} ${DECISION_WORDS[d]}]` : ` ${i + 1} ${DECISION_WORDS[d]} `,
			).join(' ');
			fields.push({
				text: `${label}${options}${at ? `  ${keysText(keymap.form, 'form-choose-prev')}/${keysText(keymap.form, 'form-choose-next')} or 1 2` : ''}`,
				inverse: at,
			});
		} else if (f === 'reason') {
			const required = form.decision === 'not-now' ? '(required)' : '(optional for a plan)';
			const typed = fieldShown(form.reason, at);
			// The end of a long reason stays in view as it is typed.
			const body = wrap(typed === '' ? required : typed, Math.max(10, width - label.length));
			const shown = body.slice(-3);
			shown.forEach((l, i) => fields.push({text: `${i === 0 ? label : ' '.repeat(label.length)}${l}`, inverse: at && i === 0}));
		} else {
			const blank = `(blank: three months, ${shortDate(addMonths(today, PLAN_REVIEW_MONTHS), today)})`;
			fields.push({
				text: `${label}${fieldShown(form.planReviewDate, at)}  ${form.planReviewDate.trim() === '' ? blank : ''}`,
				inverse: at,
			});
		}
		for (const e of form.errors.filter(x => x.field === f))
			for (const l of wrap(`! ${safeText(e.message)}`, width)) fields.push({text: l, red: true});
	}
	const error = form.error ? wrap(`! ${safeText(form.error)}`, width).map(text => ({text, red: true})) : [];
	const foot: Row[] = form.saving
		? [{text: 'Recording...'}]
		: form.confirmDiscard
			? [{text: discardLine(keymap), inverse: true}]
			: form.confirm
				? wrap(
						`${confirmLine(keymap, 'record', 'not yet', ' / ')}: Record "${DECISION_WORDS[form.decision!]}" for ${who} as a signed decision in the review chain?`,
						width,
					).map(text => ({text, inverse: true, bold: true}))
				: [{text: decisionFormHints(form, keymap).join('  ')}];
	// Evidence fills what room is left between the heading and the fields.
	const room = rows - head.length - fields.length - error.length - foot.length - 1;
	const evidence = trigger
		? trigger.trigger.evidence.map(
				e => `  - ${safeText(e.caseRef && !e.detail.includes(e.caseRef) ? `${e.caseRef}: ${e.detail}` : e.detail)}`,
			)
		: [];
	const shownEvidence: Row[] =
		room >= 2 && evidence.length > 0
			? [
					{text: 'Evidence:'},
					...(evidence.length <= room - 1
						? evidence
						: [...evidence.slice(0, room - 2), `  ... and ${evidence.length - room + 2} more`]
					).map(text => ({text})),
				]
			: [];
	const rest = [...head.slice(1), ...shownEvidence, {text: ''}, ...fields, ...error, ...foot];
	// Short of room (80x24), the fields and the question at the bottom stay; the heading's words give way.
	const lines = [title, ...rest.slice(Math.max(0, rest.length - Math.max(0, rows - 1)))];
	return <Lines rows={lines} width={width} red={tint(theme, 'error')} />;
}

function Lines({rows, width, red}: {rows: readonly Row[]; width: number; red: string | undefined}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			{rows.map((r, i) => (
				<Text key={i} bold={r.bold} inverse={r.inverse} color={r.red ? red : undefined} wrap="truncate">
					{truncate(r.text, width)}
				</Text>
			))}
		</Box>
	);
}
