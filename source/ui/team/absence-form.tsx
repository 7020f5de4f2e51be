/**
 * The absence form drawn over the Team view (state and keys: absence-form-state.ts). Reason category
 * only: the form has no free-text reason, so nobody is asked for a diagnosis.
 */
import {fieldShown} from '../input/text-field.js';
import React from 'react';
import {Box, Text} from 'ink';
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {ABSENCE_REASONS} from '../../domain/model-values.js';
import {fullName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {REASON_WORDS} from '../../domain/absence-words.js';
import {truncate, wrap} from '../text.js';
import {tint, useTheme} from '../theme.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {discardLine, keysText} from '../contexts/form-keys.js';
import {absenceFormHints} from '../contexts/form-hints.js';
import {
	coverFromBlankWords,
	DAYS_BLANK,
	DAYS_LABEL,
	formFields,
	resolveCover,
	type AbsenceFormState,
	type FormField,
} from './absence-form-state.js';

const LABELS: Record<FormField, string> = {
	from: 'First day',
	to: 'Last day',
	reason: 'Reason',
	cover: 'Cover',
	...DAYS_LABEL,
};

export interface AbsenceFormProps {
	form: AbsenceFormState;
	/** The desk's snapshot: its officers, and what a blank Cover from gives (the domain's answer, never the form's). */
	data: StoreData;
	/** The desk's day. */
	today: IsoDate;
	width: number;
}

export function AbsenceForm({form, data, today, width}: AbsenceFormProps): React.JSX.Element {
	const theme = useTheme();
	const keymap = useKeymap();
	const officers = data.officers;
	const v = form.values;
	// Said as saving will decide it (QA 8 D6: today stays an outgoing cover who has acted today): asked again
	// only when what it reads changes, not on every key typed elsewhere.
	const changing = form.absenceId !== undefined;
	const blankFrom = React.useMemo(
		() => (changing ? coverFromBlankWords(form, data, today) : DAYS_BLANK.coverFrom),
		// eslint-disable-next-line react-hooks/exhaustive-deps -- what the words read of the form: its absence, cover and days
		[changing, data, today, form.absenceId, form.officerId, v.cover, v.from, v.to],
	);
	const who = safeText(fullName(officers.find(o => o.id === form.officerId)));
	const cover = resolveCover(officers, v.cover, form.officerId);
	const shown: Record<FormField, string> = {
		from: v.from,
		to: v.to,
		reason: ABSENCE_REASONS.map(r => (r === v.reason ? `[${REASON_WORDS[r]}]` : REASON_WORDS[r])).join('  '),
		cover: v.cover,
		coverFrom: v.coverFrom,
		coverTo: v.coverTo,
	};
	const after: Record<FormField, string> = {
		from: '',
		to: v.to === '' ? '(blank: no end date yet)' : '',
		reason:
			form.field === 'reason'
				? `  ${keysText(keymap.form, 'form-choose-prev')}/${keysText(keymap.form, 'form-choose-next')} or s a t r o`
				: '',
		cover:
			v.cover.trim() === ''
				? '(blank: no cover)'
				: cover.officer
					? `= ${safeText(fullName(cover.officer))} (${cover.officer.id})`
					: `(no match yet: keep typing, or ${keysText(keymap.form, 'form-submit')} to see who matches)`,
		// The cover's days, as `absence change --cover NAME --from D --to D` (README "Absences"): blank is its default.
		coverFrom: v.coverFrom.trim() === '' ? `(blank: ${blankFrom})` : '',
		coverTo: v.coverTo.trim() === '' ? `(blank: ${DAYS_BLANK.coverTo})` : '',
	};
	// The labels' column: one wider with the cover's days ("Cover from"), so every value starts in line.
	const pad = Math.max(10, ...formFields(form).map(f => LABELS[f].length + 1));
	const line = (f: FormField) => {
		const at = form.field === f;
		const value = f === 'reason' ? shown[f] : fieldShown(shown[f], at);
		return truncate(`${at ? '›' : ' '} ${LABELS[f].padEnd(pad)} ${value}  ${after[f]}`, width);
	};
	// Refusals can quote store text (an officer's name): made safe like everything else from the store.
	const error = form.error ? wrap(`! ${safeText(form.error.text)}`, width) : [];
	const foot = form.saving ? 'Saving...' : form.confirmDiscard ? discardLine(keymap) : absenceFormHints(form, keymap).join('  ');
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{truncate(
					`${form.absenceId ? `Change ${safeText(form.absenceId)}, the absence of` : 'Record an absence for'} ${who}` +
						' (reason category only: never a diagnosis)',
					width,
				)}
			</Text>
			{formFields(form).map(f => (
				<Text key={f} inverse={form.field === f && !form.confirmDiscard} wrap="truncate">
					{line(f)}
				</Text>
			))}
			{error.map((l, i) => (
				<Text key={`e${i}`} color={tint(theme, 'error')} wrap="truncate">
					{l}
				</Text>
			))}
			<Text inverse={form.confirmDiscard} wrap="truncate">
				{truncate(foot, width)}
			</Text>
		</Box>
	);
}
