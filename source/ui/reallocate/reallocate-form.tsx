/**
 * The reallocation form in the editor area, or the whole main area when the editor is too narrow for it
 * (state and keys: reallocate-form-state.ts): who takes the
 * case, each officer with their workload now and after the move, from which day, and why. Everything
 * from the store is drawn through safeText; the form says every state in words, a refusal of the date
 * under the date field.
 */
import {fieldShown} from '../input/text-field.js';
import {scrollBy} from '../list/list-window.js';
import React from 'react';
import {Text} from 'ink';
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {shortName} from '../../domain/people.js';
import type {ReallocationChoice} from '../../domain/reallocate.js';
import {safeText} from '../../domain/safe-text.js';
import {Pane} from '../pane/pane.js';
import {fit, truncate, wrap} from '../text.js';
import {tint, useTheme} from '../theme.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {confirmLine, discardLine, keysText} from '../contexts/form-keys.js';
import {reallocateFormHints} from '../contexts/form-hints.js';
import {formChoices, type ReallocateFormState} from './reallocate-form-state.js';

export interface ReallocateFormProps {
	form: ReallocateFormState;
	data: StoreData;
	today: IsoDate;
	width: number;
	height: number;
}

/**
 * "DC Helen Marsh     8 cases   80% -> 90%", OVER past the workload flag, AWAY when nobody would cover
 * them, or when they would be away on a date the case needs its OIC (its bail date, covered or not: QA 6 D2),
 * else their absence on the day when a cover has their work ("leave to 12 Dec (DC Shah covers)": QA 8 R2).
 */
export function choiceWords(c: ReallocationChoice, nameWidth: number): string {
	const cases = `${c.now.liveCases} case${c.now.liveCases === 1 ? '' : 's'}`.padEnd(9);
	const load = `${c.now.percent}% -> ${c.after.percent}%`.padEnd(13);
	return `${fit(c.name, nameWidth)} ${cases} ${load}${c.after.excessive ? ' OVER' : ''}${c.away ? ' AWAY, nobody covering' : c.awayOverDates ? ` ${c.awayOverDates.mark}` : c.absent ? ` ${c.absent.mark}` : ''}`;
}

/**
 * Columns a choice's row needs inside the frame: the mark, a name, cases, "now -> after" and both notes
 * (OVER, AWAY). Where the editor is narrower (80 columns and up to about 150) the form takes the whole
 * main area, as the bail and welfare forms do, so "now -> after the move", the point of the form, is read
 * in full (the QA pass saw "DC Chloe Evans   6 cases   40…" at 80x24).
 */
export const REALLOCATE_FORM_INNER = 4 + 22 + 1 + 9 + 1 + 13 + ' OVER'.length + ' AWAY, nobody covering'.length;

/** True when the form is drawn over the whole main area rather than in the editor's place. */
export function reallocateFormTakesMain(editorWidth: number): boolean {
	return editorWidth - 2 < REALLOCATE_FORM_INNER;
}

/** Hints joined by two spaces, onto a second line between two hints when the first is full (at most two lines). */
function packHints(hints: readonly string[], width: number): string[] {
	const lines: string[] = [];
	for (const h of hints) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 2 + h.length <= width) lines[lines.length - 1] = `${last}  ${h}`;
		else lines.push(h);
	}
	return lines.length <= 2 ? lines : [lines[0]!, lines.slice(1).join('  ')];
}

export function ReallocateForm({form, data, today, width, height}: ReallocateFormProps): React.JSX.Element {
	const theme = useTheme();
	const keymap = useKeymap();
	const pick = `${keysText(keymap.form, 'form-pick-prev')}/${keysText(keymap.form, 'form-pick-next')}`;
	const inner = Math.max(10, width - 2);
	const c = data.cases.find(x => x.ref === form.ref);
	const holder = c ? safeText(shortName(data.officers.find(o => o.id === c.oicId))) : 'unknown officer';
	const choices = formChoices(data, form, today);
	const at = form.field;
	const error = form.error ? wrap(`! ${safeText(form.error.text)}`, inner) : [];
	// A refusal about the date is said in place, under the date it is about; any other under the form's fields.
	const dateError = form.error?.field === 'on' ? error : [];
	const otherError = form.error?.field === 'on' ? [] : error;
	const question = form.confirmAway
		? wrap(`${safeText(form.confirmAway)} Move it anyway? ${confirmLine(keymap, 'moves it', 'chooses again')}`, inner)
		: [];
	const foot = form.saving
		? 'Saving...'
		: form.confirmDiscard
			? discardLine(keymap)
			: form.confirmAway
				? `${keysText(keymap.confirm, 'confirm-yes', 'typed')} move it anyway | ` +
					`${keysText(keymap.confirm, 'confirm-no', 'typed')} or ${keysText(keymap.confirm, 'confirm-cancel', 'typed')} choose again`
				: reallocateFormHints(form, keymap).join('  ');
	// The keys are read in full: a second line where one is too narrow (80 columns), broken between keys.
	const footLines = packHints(form.saving || form.confirmDiscard || form.confirmAway ? [foot] : reallocateFormHints(form, keymap), inner);
	// Rows inside the pane: its title line, then ours: heading, officer line, list, date, reason, messages, foot.
	const listRows = Math.max(2, height - 3 - 5 - footLines.length - error.length - question.length);
	// A list longer than its rows gives its last row to saying what is hidden (QA 3 R15: four officers were
	// out of sight at 80x24 with nothing to say so), as the review's lists do.
	const overflow = choices.length > listRows;
	const itemRows = overflow ? listRows - 1 : listRows;
	const start = scrollBy(form.cursor - Math.floor(itemRows / 2), 0, choices.length, itemRows);
	const shown = choices.slice(start, start + itemRows);
	const below = choices.length - start - shown.length;
	const hidden = [start > 0 ? `${start} more above` : '', below > 0 ? `${below} more below` : ''].filter(Boolean).join(', ');
	const nameWidth = Math.min(22, Math.max(...choices.map(x => x.name.length), 8));
	const line = (field: typeof at, label: string, value: string, after = '') =>
		truncate(`${at === field ? '›' : ' '} ${label.padEnd(10)} ${fieldShown(value, at === field && !form.confirmAway)}${after}`, inner);
	return (
		<Pane title={`REALLOCATE ${safeText(form.ref)}`} detail="the form has the keys" focused width={width} height={height}>
			<Text bold wrap="truncate">
				{truncate(`Move ${safeText(form.ref)}${c ? ` (${safeText(c.offenceShort)})` : ''} from ${holder} to:`, inner)}
			</Text>
			<Text inverse={at === 'officer'} wrap="truncate">
				{line('officer', 'Officer', form.query, form.query ? '' : `  (type to narrow; ${pick} choose)`)}
			</Text>
			<Text dimColor wrap="truncate">
				{truncate(`    ${'officer'.padEnd(nameWidth)} ${'cases'.padEnd(9)} now -> after the move`, inner)}
			</Text>
			{choices.length === 0 && (
				<Text wrap="truncate">
					{fit(form.query ? `    Nobody matches "${safeText(form.query)}".` : '    Nobody else is in post to take it.', inner)}
				</Text>
			)}
			{shown.map((x, i) => {
				const index = start + i;
				const mark = index === form.cursor ? '  » ' : '    ';
				return (
					<Text
						key={x.officerId}
						bold={index === form.cursor}
						color={x.away || x.awayOverDates ? tint(theme, 'error') : x.absent ? tint(theme, 'warning') : undefined}
						wrap="truncate"
					>
						{truncate(`${mark}${choiceWords(x, nameWidth)}`, inner)}
					</Text>
				);
			})}
			{overflow && (
				<Text dimColor wrap="truncate">
					{truncate(`    ... ${hidden} (${pick})`, inner)}
				</Text>
			)}
			<Text inverse={at === 'on'} wrap="truncate">
				{line('on', 'First day', form.on, '  (YYYY-MM-DD or DD/MM/YYYY)')}
			</Text>
			{dateError.map((l, i) => (
				<Text key={`d${i}`} color={tint(theme, 'error')} wrap="truncate">
					{l}
				</Text>
			))}
			<Text inverse={at === 'reason'} wrap="truncate">
				{line('reason', 'Reason', form.reason, form.reason ? '' : '  (kept in the case history)')}
			</Text>
			{[...otherError, ...question].map((l, i) => (
				<Text key={`m${i}`} color={tint(theme, i < otherError.length ? 'error' : 'warning')} wrap="truncate">
					{l}
				</Text>
			))}
			{footLines.map((l, i) => (
				<Text key={`f${i}`} inverse={form.confirmDiscard || form.confirmAway !== null} wrap="truncate">
					{truncate(l, inner)}
				</Text>
			))}
		</Pane>
	);
}
