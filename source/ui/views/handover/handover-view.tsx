/**
 * Handover view (desk key 3): choose the window and the cover, preview the handover, export it to a
 * Markdown file. The preview is the same Handover object the `fortnight handover` command renders, so
 * what the sergeant sees is what the cover supervisor gets. Welfare notes never appear here: they
 * need the command's --include-welfare and its confirmation.
 *
 * Keys (only while focused): j/k or arrows scroll, space / b page, f edit the first day, t the last
 * day, c the cover, Enter accept, Esc cancel an edit, e export. While a field is being edited every
 * printable key goes into it; the desk shell should pass `capturing` on so its own keys stand aside.
 */
import React, {useEffect, useMemo, useReducer, useRef} from 'react';
import {Box, Text, useInput} from 'ink';
import type {IsoDate} from '../../../domain/dates.js';
import {buildHandover, recordedCover} from '../../../domain/handover/build.js';
import type {StoreData} from '../../../domain/model.js';
import {listOfficers, matchOfficer} from '../../../domain/officer-match.js';
import {fullName} from '../../../domain/people.js';
import {renderHandoverMarkdown} from '../../../export/handover-md.js';
import {handoverLines, type Tone} from './handover-lines.js';
import {handoverFileName} from './handover-export.js';
import {handoverReducer, initialHandoverState, type Field} from './handover-state.js';

export interface HandoverViewProps {
	data: StoreData;
	today: IsoDate;
	/** formatHead(chainHead(data.chain)), from the shell (store code stays out of the view). */
	chainHead: string;
	focused: boolean;
	width: number;
	height: number;
	/** ISO instant stamped on the document; the shell passes the clock (tests pass a fixed one). */
	now: () => string;
	/** Writes the Markdown and returns the path written; the shell decides the folder. */
	onExport: (markdown: string, fileName: string) => Promise<string>;
	/** Told when a field starts or stops taking typed text, so the shell can stand its own keys aside. */
	onCapturingChange?: (capturing: boolean) => void;
}

const TONE_COLOR: Record<Tone, string | undefined> = {heading: 'cyan', critical: 'red', red: 'yellow', plain: undefined, dim: 'gray'};
const FIELD_NAMES: Record<Field, string> = {from: 'first day', to: 'last day', cover: 'cover (name, id, or anyone outside the team)'};

/** Resolves the typed cover as the command does: a team member by name or id, else free text. */
function resolveCover(data: StoreData, typed: string, from: IsoDate, to: IsoDate): {cover: {name: string; officerId: string | null} | null; note: string | null} {
	if (typed === '') return {cover: recordedCover(data, from, to), note: null};
	const m = matchOfficer(data.officers, typed);
	if (m.kind === 'found') return {cover: {name: fullName(m.officer), officerId: m.officer.id}, note: null};
	if (m.kind === 'ambiguous') return {cover: null, note: `"${typed}" matches ${listOfficers(m.candidates)}: type the id.`};
	return {cover: {name: typed, officerId: null}, note: m.near.length ? `"${typed}" is not in the team (did you mean ${listOfficers(m.near)}?); shown as written.` : null};
}

export function HandoverView({data, today, chainHead, focused, width, height, now, onExport, onCapturingChange}: HandoverViewProps): React.JSX.Element {
	const [state, dispatch] = useReducer(handoverReducer, today, initialHandoverState);
	const {cover, note} = useMemo(() => resolveCover(data, state.cover, state.from, state.to), [data, state.cover, state.from, state.to]);
	const handover = useMemo(
		() => buildHandover({data, from: state.from, to: state.to, today, generatedAt: now(), chainHead, cover}),
		// `now` is read when the inputs change, not on every render.
		[data, state.from, state.to, today, chainHead, cover],
	);
	const lines = useMemo(() => handoverLines(handover), [handover]);
	const bodyHeight = Math.max(1, height - 3);
	const maxScroll = Math.max(0, lines.length - bodyHeight);

	useEffect(() => onCapturingChange?.(state.editing !== null), [state.editing, onCapturingChange]);

	useInput(
		(input, key) =>
			dispatch({
				type: 'key',
				key: {
					input,
					up: key.upArrow,
					down: key.downArrow,
					pageUp: key.pageUp,
					pageDown: key.pageDown,
					enter: key.return,
					escape: key.escape,
					backspace: key.backspace || key.delete,
					ctrl: key.ctrl,
					meta: key.meta,
				},
				page: bodyHeight,
				max: maxScroll,
			}),
		{isActive: focused},
	);

	// The export runs here, not in the reducer: it writes a file. The Markdown is of what is on screen.
	const latest = useRef({handover, from: state.from, to: state.to});
	latest.current = {handover, from: state.from, to: state.to};
	useEffect(() => {
		if (state.exportSeq === 0) return;
		const {handover: h, from, to} = latest.current;
		onExport(renderHandoverMarkdown(h), handoverFileName(from, to)).then(
			file => dispatch({type: 'message', text: `Exported to ${file}`, error: false}),
			(err: unknown) => dispatch({type: 'message', text: `Export failed: ${err instanceof Error ? err.message : String(err)}`, error: true}),
		);
	}, [state.exportSeq, onExport]);

	const coverText = cover ? `${cover.name}${cover.officerId ? '' : ' (outside team)'}` : 'NOBODY NAMED';
	const header = `HANDOVER ${state.from} to ${state.to}  cover: ${coverText}`;
	const status = state.editing
		? `Type the ${FIELD_NAMES[state.editing]}: ${state.draft}_  (Enter accept, Esc cancel)`
		: (state.message?.text ?? note ?? `f/t window  c cover  e export Markdown  j/k scroll  lines ${state.scroll + 1}-${Math.min(lines.length, state.scroll + bodyHeight)} of ${lines.length}`);
	const statusError = state.message?.error === true || (!state.editing && !state.message && note !== null);

	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate">
				{header}
			</Text>
			<Box flexDirection="column" height={bodyHeight} overflow="hidden">
				{lines.slice(state.scroll, state.scroll + bodyHeight).map((l, i) => (
					<Text key={state.scroll + i} color={TONE_COLOR[l.tone]} bold={l.tone === 'heading'} wrap="truncate">
						{l.text === '' ? ' ' : l.text}
					</Text>
				))}
			</Box>
			<Text color={statusError ? 'red' : undefined} inverse={state.editing !== null} wrap="truncate">
				{statusError ? `! ${status}` : status}
			</Text>
		</Box>
	);
}
