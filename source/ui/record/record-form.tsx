/**
 * A record form in the main area (state and keys: record-form-state.ts; the fields: bail-form.ts,
 * welfare-form.ts): a heading saying what is recorded about whom, one line per field, the refusal in
 * the domain's words, and the keys. Everything from the store is drawn through safeText.
 */
import {fieldShown} from '../input/text-field.js';
import React from 'react';
import {Text} from 'ink';
import type {StoreData} from '../../domain/model.js';
import {fullName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {Pane} from '../pane/pane.js';
import {truncate, wrap} from '../text.js';
import {tint, useTheme} from '../theme.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {discardLine} from '../contexts/form-keys.js';
import {recordFormHints} from '../contexts/form-hints.js';
import {bailFields} from './bail-form.js';
import {currentField, type FieldsOf, type RecordFormState} from './record-form-state.js';
import {welfareFields} from './welfare-form.js';

export interface RecordFormProps {
	form: RecordFormState;
	data: StoreData;
	width: number;
	height: number;
}

/** The fields of a form of either kind. */
export function fieldsFor(f: RecordFormState): FieldsOf {
	return f.kind === 'bail' ? bailFields : welfareFields;
}

function heading(f: RecordFormState, data: StoreData): string {
	if (f.kind === 'bail') {
		const c = data.cases.find(x => x.ref === f.subject);
		const bail = c?.bail && c.bail.endedOn === null ? `bail return ${c.bail.returnDate}` : 'no running bail';
		return `Record what happened to the bail on ${safeText(f.subject)}${c ? ` (${safeText(c.offenceShort)}; ${bail})` : ''}:`;
	}
	const who = safeText(fullName(data.officers.find(o => o.id === f.subject)));
	return `Record a welfare event for ${who} (that it happened; a note stays private):`;
}

export function RecordForm({form, data, width, height}: RecordFormProps): React.JSX.Element {
	const theme = useTheme();
	const keymap = useKeymap();
	const inner = Math.max(10, width - 2);
	const fields = fieldsFor(form)(form);
	const at = currentField(form, fieldsFor(form))?.id;
	const error = form.error ? wrap(`! ${safeText(form.error.text)}`, inner) : [];
	const foot = form.saving
		? 'Saving...'
		: form.confirmDiscard
			? discardLine(keymap)
			: recordFormHints(form, fieldsFor(form), keymap).join('  ');
	const title = form.kind === 'bail' ? `RECORD BAIL ${safeText(form.subject)}` : 'RECORD WELFARE';
	return (
		<Pane title={title} detail="the form has the keys" focused width={width} height={height}>
			<Text bold wrap="truncate">
				{truncate(heading(form, data), inner)}
			</Text>
			{fields.map(spec => {
				const here = spec.id === at && !form.confirmDiscard;
				const value = form.values[spec.id] ?? '';
				const all = spec.options?.map(o => (o.value === value ? `[${o.label}]` : o.label)).join(' ');
				// A list too long for the line (the ranks) shows the one chosen, and that there are others.
				const chosen = spec.options?.find(o => o.value === value)?.label ?? '';
				const shown =
					all === undefined
						? fieldShown(value, here)
						: all.length + 14 <= inner
							? all
							: `‹ ${chosen} ›  (${spec.options!.length} to choose from)`;
				const hint = spec.hint && (here || value === '') ? `  (${spec.hint})` : '';
				return (
					<Text key={spec.id} inverse={here} wrap="truncate">
						{truncate(`${here ? '›' : ' '} ${spec.label.padEnd(11)} ${shown}${hint}`, inner)}
					</Text>
				);
			})}
			{Object.entries(form.locked ?? {}).map(([id, why]) => (
				<Text key={`l${id}`} color={tint(theme, 'warning')} wrap="truncate">
					{truncate(`  ${'Note'.padEnd(11)} none can be kept: ${safeText(why)}`, inner)}
				</Text>
			))}
			{error.map((l, i) => (
				<Text key={`e${i}`} color={tint(theme, 'red')} wrap="truncate">
					{l}
				</Text>
			))}
			<Text inverse={form.confirmDiscard} wrap="truncate">
				{truncate(foot, inner)}
			</Text>
		</Pane>
	);
}
