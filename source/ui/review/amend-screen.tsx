/**
 * Correcting a signed review: opens on the case's latest signed review, shows it as it now reads, and
 * appends an amendment entry (domain/review amendReview) that references it. The original entry is
 * never touched, so the chain still verifies.
 */
import React, {useEffect, useReducer, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {shortDate} from '../../domain/dates.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {amendReview, effectiveReview, reviewerFor, ReviewError} from '../../domain/review/index.js';
import {reviewsByCase} from '../../domain/case-facts.js';
import {signer} from '../../store/chain.js';
import {amendFields, amendReducer, AMEND_WORDS, initialAmendState, type AmendUiState} from './amend-state.js';
import {fieldLines} from './review-view.js';
import {wrapIndented} from './wrap-lines.js';
import {useReviewKeys} from './use-review-keys.js';
import type {ReviewScreenBaseProps} from './screen-props.js';

export type AmendScreenProps = ReviewScreenBaseProps;

export function AmendScreen(props: AmendScreenProps): React.JSX.Element {
	const [init] = useState(() => {
		const last = reviewsByCase(props.data.chain).get(props.caseRef)?.at(-1);
		const eff = last ? effectiveReview(props.data.chain, last.seq) : null;
		return eff ? initialAmendState(eff.entry, eff.data) : null;
	});
	if (!init) return <Text wrap="wrap">{`${safeText(props.caseRef)} has no signed review to amend. Esc returns to the desk.`}</Text>;
	return <AmendSession {...props} init={init} />;
}

function AmendSession({store, today, width, rows, isActive = true, keys, color = true, onExit, onChanged, now = () => new Date(), init, data}: AmendScreenProps & {init: AmendUiState}): React.JSX.Element {
	const [s, dispatch] = useReducer(amendReducer, init);
	const latest = useRef(s);
	latest.current = s;
	useReviewKeys((input, key) => dispatch({type: 'key', input, key}), isActive, keys);
	useEffect(() => {
		if (s.request === 'exit') {
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
					const r = amendReview(d, st.entry.seq, {[st.target!]: st.value}, st.reason, {today, signedAt: now().toISOString(), by: reviewerFor(d, today), sign: signer});
					seq = r.amendment.seq;
					return r.next;
				})
				.then(
					() => {
						dispatch({type: 'signed', seq});
						onChanged(store.snapshot());
					},
					err => dispatch({type: 'failed', message: `Not recorded: ${err instanceof Error ? err.message : String(err)}`, errors: err instanceof ReviewError ? err.errors : []}),
				);
		}
	}, [s.request]);

	const r = s.current;
	const head = `Amend review of ${safeText(r.caseRef)} signed ${shortDate(r.date, today)} by ${shortName(data.officers.find(o => o.id === r.reviewerId))} (entry ${s.entry.seq})`;
	if (s.phase === 'signed') {
		return (
			<Box flexDirection="column">
				<Text bold wrap="truncate">{head}</Text>
				<Text wrap="truncate">{`Amendment recorded as entry ${s.signedSeq}; it references entry ${s.entry.seq}, which is unchanged. Esc: back to the desk`}</Text>
			</Box>
		);
	}
	const info = [
		'A signed review cannot be changed: the correction is added to the review chain and points at it.',
		...(s.target ? [`Signed ${AMEND_WORDS[s.target]}: ${safeText(((r[s.target] as string | null) ?? '(none)').replace(/\n/g, ' '))}`] : []),
	].flatMap(l => wrapIndented(l, width));
	const fields = amendFields(s);
	const lines = fields.flatMap((f, i) => [
		...(i > 0 ? [<Box key={`g${i}`} height={1} />] : []),
		...fieldLines(f, i === s.field, s.cursor, width, s.errors.filter(e => e.field === f.id).map(e => e.message), color).map(l => l.el),
	]);
	const footer = s.confirm ? 'Record this amendment in the review chain? y: record | n: not yet' : s.notice ?? 'Tab/↓ next field | ←/→ or 1-4 choose the field | Enter on Sign records | Esc leave';
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">{head}</Text>
			{info.map((l, i) => (
				<Text key={`i${i}`} wrap="truncate">
					{l}
				</Text>
			))}
			{lines.slice(0, Math.max(1, rows - info.length - 2))}
			<Text wrap="truncate" inverse={s.confirm} bold={s.confirm}>
				{footer}
			</Text>
		</Box>
	);
}
