/**
 * Correcting a signed review: opens on the case's latest signed review, shows it as it now reads, and
 * appends an amendment entry (domain/review amendReview) that references it. The original entry is
 * never touched, so the chain still verifies.
 */
import React, {useEffect, useReducer, useState} from 'react';
import {Box} from 'ink';
import {shortDate} from '../../domain/dates.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {AMENDABLE_FIELDS, effectiveReview} from '../../domain/review/index.js';
import {reviewsByCase} from '../../domain/case-facts.js';
import {amendFields, amendReducer, AMEND_WORDS, initialAmendState, type AmendUiState} from './amend-state.js';
import {fieldLines, headingLines, one, wrapped, type Line} from './review-view.js';
import {windowLines, wrapSegments} from './review-lines.js';
import {ClosedScreen} from './closed-screen.js';
import {amendRefusal, checkAmendment, recordAmendment} from './amend-session.js';
import {useDeskStore} from '../desk-store/store-context.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import {useReviewKeys} from './use-review-keys.js';
import {reviewKey} from './review-keymap.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {confirmLine} from '../contexts/form-keys.js';
import type {ReviewScreenBaseProps} from './screen-props.js';
import {tint, useTheme, type Theme} from '../theme.js';

export type AmendScreenProps = ReviewScreenBaseProps;

const wallClock = () => new Date();

export function AmendScreen(props: AmendScreenProps): React.JSX.Element {
	const store = useDeskStore(props);
	const [refusal] = useState(() => amendRefusal({store, actor: props.actor, today: props.today, now: wallClock}, props.caseRef));
	const [init] = useState(() => {
		const last = reviewsByCase(props.data.chain).get(props.caseRef)?.at(-1);
		const eff = last ? effectiveReview(props.data.chain, last.seq) : null;
		return eff ? initialAmendState(eff.entry, eff.data) : null;
	});
	if (refusal) return <ClosedScreen message={refusal} {...props} />;
	if (!init) return <ClosedScreen message={`${safeText(props.caseRef)} has no signed review to amend.`} {...props} />;
	return <AmendSession {...props} store={store} init={init} />;
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
	now = wallClock,
	init,
	data,
}: Omit<AmendScreenProps, 'store'> & {store: DeskStore; init: AmendUiState}): React.JSX.Element {
	const theme: Theme = {...useTheme(), color};
	const [s, dispatch] = useReducer(amendReducer, init);
	const keymap = useKeymap();
	const key = (c: Parameters<typeof reviewKey>[0]) => reviewKey(c, keymap.review);
	useReviewKeys((input, k) => dispatch({type: 'key', input, key: k, keys: keymap}), isActive, keys);
	// A request starts it, and is cleared at once: a render with the same request never carries it out twice.
	const request = s.request === null ? null : s;
	useEffect(() => {
		if (request === null) return;
		dispatch({type: 'request-done'});
		if (request.request === 'exit') return onExit();
		const c = {store, today, actor, now};
		if (request.request === 'check') dispatch(checkAmendment(request, c));
		else void recordAmendment(request, c).then(dispatch);
	}, [request, store, today, actor, now, onExit]);

	const r = s.current;
	const head = headingLines(
		`Amend review of ${safeText(r.caseRef)} signed ${shortDate(r.date, today)} by ${shortName(data.officers.find(o => o.id === r.reviewerId))} (entry ` +
			`${s.entry.seq})`,
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
