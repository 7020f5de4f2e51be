/**
 * Correcting a signed review: opens on the case's latest signed review, shows it as it now reads, and
 * appends an amendment entry (domain/review amendReview) that references it. The original entry is
 * never touched, so the chain still verifies.
 */
import React, {useEffect, useReducer, useRef, useState} from 'react';
import {Box} from 'ink';
import {shortDate} from '../../domain/dates.js';
import {mayReview} from '../../domain/permissions.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {AMENDABLE_FIELDS, amendReview, effectiveReview, ReviewError} from '../../domain/review/index.js';
import {reviewsByCase} from '../../domain/case-facts.js';
import {actorSigner, actorSigningRefusal} from '../desk/desk-actor.js';
import {amendFields, amendReducer, AMEND_WORDS, initialAmendState, type AmendUiState} from './amend-state.js';
import {fieldLines, headingLines, one, wrapped, type Line} from './review-view.js';
import {windowLines, wrapSegments} from './review-lines.js';
import {ClosedScreen, readOnlyRefusal} from './closed-screen.js';
import {useReviewKeys} from './use-review-keys.js';
import {reviewKey} from './review-keymap.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {confirmLine} from '../contexts/form-keys.js';
import type {ReviewScreenBaseProps} from './screen-props.js';
import {tint, useTheme, type Theme} from '../theme.js';

export type AmendScreenProps = ReviewScreenBaseProps;

export function AmendScreen(props: AmendScreenProps): React.JSX.Element {
	const [refusal] = useState(() => {
		const latest = props.store?.snapshot() ?? props.data;
		// Only someone who may review the case amends its review, and no one a case they hold (a cover is
		// told who does it instead); nor is an amendment opened that could not be signed.
		const may = mayReview(latest, props.actor.officerId, props.caseRef, props.today);
		return (
			readOnlyRefusal(props.store, 'amendment') ?? (may.ok ? null : may.reason) ?? actorSigningRefusal(props.actor, latest, 'amendment')
		);
	});
	const [init] = useState(() => {
		const last = reviewsByCase(props.data.chain).get(props.caseRef)?.at(-1);
		const eff = last ? effectiveReview(props.data.chain, last.seq) : null;
		return eff ? initialAmendState(eff.entry, eff.data) : null;
	});
	if (refusal) return <ClosedScreen message={refusal} {...props} />;
	if (!init) return <ClosedScreen message={`${safeText(props.caseRef)} has no signed review to amend.`} {...props} />;
	return <AmendSession {...props} init={init} />;
}

function AmendSession({
	store,
	today,
	actor,
	width,
	rows,
	isActive = true,
	keys,
	color = true,
	onExit,
	onChanged,
	now = () => new Date(),
	init,
	data,
}: AmendScreenProps & {init: AmendUiState}): React.JSX.Element {
	const theme: Theme = {...useTheme(), color};
	const [s, dispatch] = useReducer(amendReducer, init);
	const latest = useRef(s);
	latest.current = s;
	const keymap = useKeymap();
	const key = (c: Parameters<typeof reviewKey>[0]) => reviewKey(c, keymap.review);
	useReviewKeys((input, k) => dispatch({type: 'key', input, key: k, keys: keymap}), isActive, keys);
	useEffect(() => {
		if (s.request === 'check') {
			dispatch({type: 'request-done'});
			const st = latest.current;
			// A dry run of the domain's amendReview on the latest data: the same checks as recording it.
			try {
				amendReview(store?.snapshot() ?? data, st.entry.seq, {[st.target!]: st.value}, st.reason, {
					today,
					signedAt: now().toISOString(),
					by: actor.officerId,
					sign: actorSigner(actor, store?.snapshot() ?? data),
				});
				dispatch({type: 'checked', errors: []});
			} catch (err) {
				if (err instanceof ReviewError && err.errors.length > 0) dispatch({type: 'checked', errors: err.errors});
				else dispatch({type: 'failed', message: `Cannot be recorded: ${err instanceof Error ? err.message : String(err)}`});
			}
		} else if (s.request === 'exit') {
			dispatch({type: 'request-done'});
			onExit();
		} else if (s.request === 'sign') {
			dispatch({type: 'request-done'});
			const st = latest.current;
			if (!store || store.readOnly) {
				dispatch({type: 'failed', message: 'The store is read-only or not open: nothing was recorded.'});
				return;
			}
			let seq = -1;
			store
				.apply(d => {
					const r = amendReview(d, st.entry.seq, {[st.target!]: st.value}, st.reason, {
						today,
						signedAt: now().toISOString(),
						by: actor.officerId,
						sign: actorSigner(actor, d),
					});
					seq = r.amendment.seq;
					return r.next;
				})
				.then(
					() => {
						dispatch({type: 'signed', seq});
						onChanged(store.snapshot());
					},
					err =>
						dispatch({
							type: 'failed',
							message: `Not recorded: ${err instanceof Error ? err.message : String(err)}`,
							errors: err instanceof ReviewError ? err.errors : [],
						}),
				);
		}
		// A request starts it, and each branch clears the request at once; `now` and the callbacks are new on
		// every render, so listing them would rerun this on every render for nothing.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [s.request]);

	const r = s.current;
	const head = headingLines(
		`Amend review of ${safeText(r.caseRef)} signed ${shortDate(r.date, today)} by ${shortName(data.officers.find(o => o.id === r.reviewerId))} (entry ${s.entry.seq})`,
		'',
		width,
	).map((l, i) => one(`h${i}`, l, {bold: true}));
	if (s.phase === 'signed') {
		return (
			<Box flexDirection="column">
				{head.map(l => l.el)}
				{wrapped(
					'done',
					`Amendment recorded as entry ${s.signedSeq}; it references entry ${s.entry.seq}, which is unchanged. ${key('back')}: back to the desk`,
					width,
				).map(l => l.el)}
			</Box>
		);
	}
	const info: Line[] = [
		...wrapped('i0', 'A signed review cannot be changed: the correction is added to the review chain and points at it.', width),
		...(s.target
			? wrapped(
					'i1',
					`Signed ${AMEND_WORDS[s.target]}: ${safeText(((r[s.target] as string | null) ?? '(none)').replace(/\n/g, ' '))}`,
					width,
				)
			: []),
	];
	const fields = amendFields(s);
	const lines: Line[] = [...info];
	let focusStart = 0;
	let focusEnd = 0;
	for (const [i, f] of fields.entries()) {
		lines.push({key: `g${i}`, el: <Box key={`g${i}`} height={1} />});
		if (i === s.field) focusStart = lines.length;
		lines.push(
			...fieldLines(
				f,
				i === s.field,
				s.cursor,
				width,
				s.errors.filter(e => e.field === f.id).map(e => e.message),
				theme,
			),
		);
		if (i === s.field) focusEnd = lines.length;
	}
	// Keys first, wrapped whole, so the answer keys and hints show at any width.
	const footer: Line[] = s.confirm
		? wrapped('confirm', `${confirmLine(keymap, 'record', 'not yet', ' / ')}: Record this amendment in the review chain?`, width, {
				bold: true,
				inverse: true,
			})
		: [
				...(s.notice ? wrapped('notice', safeText(s.notice), width, {color: tint(theme, 'warning')}) : []),
				...wrapSegments(
					[
						`${key('next-field')}/${key('down')} next field`,
						`${key('choose-prev')}/${key('choose-next')} 1-${Object.keys(AMENDABLE_FIELDS).length} choose the field`,
						`${key('press')} on Sign records (asks first)`,
						`${key('back')} leave`,
					],
					width,
				).map((l, i) => one(`hint${i}`, l, {dimColor: true})),
			];
	const win = windowLines(lines.length, Math.max(1, rows - head.length - footer.length), focusStart, focusEnd, 0);
	return (
		<Box flexDirection="column">
			{head.map(l => l.el)}
			{win.above > 0 && one('above', `  ... ${win.above} more above (${key('up')})`, {dimColor: true}).el}
			{lines.slice(win.top, win.top + win.count).map(l => l.el)}
			{win.below > 0 && one('below', `  ... ${win.below} more below (${key('down')} / ${key('next-field')})`, {dimColor: true}).el}
			{footer.map(l => l.el)}
		</Box>
	);
}
