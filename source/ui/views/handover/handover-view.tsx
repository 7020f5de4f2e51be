/**
 * Handover view (desk key 3): choose the window and the cover, preview the handover, export it to a
 * Markdown file. The preview is the same Handover object the `fortnight handover` command renders, so
 * what the sergeant sees is what the cover supervisor gets. Welfare notes never appear here: they
 * need the command's --include-welfare and its confirmation.
 *
 * Keys (only while focused; the desk's reducer applies them to HandoverState, see handover-state.ts):
 * j/k or arrows scroll, space / b page, g/G top and bottom, f edit the first day, t the last day, c the
 * cover, Enter accept, Esc cancel an edit, e export (Markdown), i the calendar (.ics). While a field is open every printable key goes
 * into it. The view renders the state; an export is an effect the reducer asks for (effects/desk-effect.ts).
 */
import {fieldShown} from '../../input/text-field.js';
import React from 'react';
import {Box, Text} from 'ink';
import {Pane} from '../../pane/pane.js';
import type {Tone} from './handover-lines.js';
import {itemInView, type HandoverPreview} from './handover-preview.js';
import {safeText} from '../../../domain/safe-text.js';
import {shortDate} from '../../../domain/dates.js';
import {coverSpans} from '../../../domain/handover/cover-spans.js';
import {wrap} from '../../text.js';
import {tint, useTheme, type Role, type Theme} from '../../theme.js';
import type {Field, HandoverState} from './handover-state.js';
import {useKeymap} from '../../contexts/keymap-context.js';
import {hintLine, modeKey} from '../../contexts/registry.js';

export interface HandoverViewProps {
	state: HandoverState;
	/** handoverPreview() for this state and width. */
	preview: HandoverPreview;
	focused: boolean;
	width: number;
	height: number;
}

// Colour repeats what each line's words say; through the theme, so NO_COLOR / --no-color turns it off.
const TONE_ROLE: Record<Tone, Role | undefined> = {heading: 'heading', critical: 'error', red: 'warning', plain: undefined, dim: 'dim'};
const FIELD_NAMES: Record<Field, string> = {from: 'first day', to: 'last day', cover: 'cover (name, id, or anyone outside the team)'};

export function HandoverView({state, preview, focused, width, height}: HandoverViewProps): React.JSX.Element {
	const {lines, note} = preview;
	const theme = useTheme();
	const keymap = useKeymap();

	// The cover's name, the near-match note (officer names) and messages (a path, an error) are store or
	// typed text: made safe like every other line of the view (README "Terminal safety").
	// Every cover of the window, each of part of it with their dates, as the preview's header names them.
	// A one-day cover is "on 12 Dec", as the desk says elsewhere, not "12 Dec to 12 Dec" (QA 7 R3).
	const spanWords = (d: {from: string; to: string}, today: string): string =>
		d.from === d.to ? `on ${shortDate(d.from, today)}` : `${shortDate(d.from, today)} to ${shortDate(d.to, today)}`;
	const spans = coverSpans(preview.handover);
	const coverText =
		spans.length > 0
			? spans
					.map(c =>
						// Days the named cover is away too: nobody covers them (coverSpans).
						c.nobody && c.dates
							? `NOBODY ${spanWords(c.dates, state.from)} (${safeText(c.name)} away)`
							: `${safeText(c.name)}${c.outside ? ' (outside team)' : ''}${c.dates ? ` ${spanWords(c.dates, state.from)}` : ''}`,
					)
					.join(', ')
			: 'NOBODY NAMED';
	const header = `HANDOVER ${state.from} to ${state.to}  cover: ${coverText}`;
	const editing = state.editing
		? `Type the ${FIELD_NAMES[state.editing]}: ${fieldShown(state.draft, true)}  ` +
			`(${state.replace ? 'typing replaces it, Backspace edits it, ' : ''}${modeKey(keymap.field, 'field-accept')} accept, ${modeKey(keymap.field, 'field-cancel')} cancel)`
		: null;
	// A refused edit keeps the field open and says why above the prompt.
	const refusal = state.message?.error ? safeText(state.message.text) : null;
	const statusError = !editing && (state.message?.error === true || (!state.message && note !== null));
	const told = state.message ? safeText(state.message.text) : note === null ? null : safeText(note);
	// In a frame like every other pane (its border keeps the activity bar's letters off the text): the
	// header is the pane's title; inside it the preview, then the status, wrapped (an export's path or a
	// refusal is read in full) with the preview giving up the rows.
	const inner = Math.max(1, width - 2);
	const warning = editing ? (refusal ? wrap(`! ${refusal}`, inner) : []) : told && statusError ? wrap(`! ${told}`, inner) : [];
	const said = editing ? wrap(editing, inner) : told && !statusError ? wrap(told, inner) : [];
	const statusRows = [...warning, ...said].slice(0, Math.max(1, height - 4));
	const bodyHeight = Math.max(1, height - 3 - Math.max(1, statusRows.length));
	const scroll = Math.min(state.scroll, Math.max(0, lines.length - bodyHeight));
	// Where you are first: at 80 columns the end of this line is what a frame's width cuts.
	if (statusRows.length === 0) {
		const at = `lines ${scroll + 1}-${Math.min(lines.length, scroll + bodyHeight)} of ${lines.length}`;
		const keys = hintLine(
			keymap,
			[
				[['handover-from', 'handover-to'], 'window'],
				['handover-cover', 'cover'],
				['handover-export', 'export'],
				['handover-calendar', 'calendar'],
				[['first', 'last', 'down', 'up'], ''],
			],
			'  ',
		);
		statusRows.push(`${at}  ${keys.trimEnd()}`);
	}
	const shown = lines.slice(scroll, scroll + bodyHeight);
	// The item Enter opens (QA 5 R7: desk-handover.ts openHandoverItem), marked where its line's indent was.
	const marked = itemInView(lines, scroll, bodyHeight);
	const text = (l: (typeof lines)[number], at: number) => (at === marked && l.text.startsWith(' ') ? `›${l.text.slice(1)}` : l.text);

	return (
		<Pane title={header} focused={focused} width={width} height={height}>
			<Box flexDirection="column" height={bodyHeight} overflowY="hidden">
				{shown.map((l, i) => (
					<Text key={scroll + i} color={tintTone(theme, l.tone)} bold={l.tone === 'heading'} wrap="truncate">
						{l.text === '' ? ' ' : text(l, scroll + i)}
					</Text>
				))}
			</Box>
			{statusRows.map((text, i) => (
				<Text
					key={i}
					color={i < warning.length ? tint(theme, 'error') : undefined}
					inverse={focused && editing !== null && i >= warning.length}
					wrap="truncate"
				>
					{text}
				</Text>
			))}
		</Pane>
	);
}

function tintTone(theme: Theme, tone: Tone): string | undefined {
	const role = TONE_ROLE[tone];
	return role === undefined ? undefined : tint(theme, role);
}
