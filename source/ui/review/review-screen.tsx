/**
 * The guided review of one case, mounted in an editor tab: it opens the review (open-review.ts), renders
 * the session's state (review-session.ts, where saving, signing and discarding are carried out) and passes
 * the keys in. The store comes from the desk's context (desk-store/store-context.ts).
 */
import React, {useEffect, useLayoutEffect, useState, useSyncExternalStore} from 'react';
import type {ReviewUiState} from './review-state.js';
import {ReviewView} from './review-view.js';
import {ClosedScreen} from './closed-screen.js';
import {useReviewKeys} from './use-review-keys.js';
import type {ReviewScreenBaseProps} from './screen-props.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {useDeskStore} from '../desk-store/store-context.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import {openReview} from './open-review.js';
import {ReviewSession} from './review-session.js';

export interface ReviewScreenProps extends ReviewScreenBaseProps {
	/** Queue mode: position and the next case; `n` after signing calls onNextCase. */
	queue?: {position: number; total: number; nextRef: string | null};
	onNextCase?: () => void;
	/** Pause in typing before the draft is saved, ms. */
	saveDelayMs?: number;
}

export function ReviewScreen(props: ReviewScreenProps): React.JSX.Element {
	const store = useDeskStore(props);
	const [opened] = useState(() =>
		openReview({
			store,
			data: props.data,
			caseRef: props.caseRef,
			today: props.today,
			actor: props.actor,
			now: props.now ?? (() => new Date()),
		}),
	);
	if (!opened.ok) return <ClosedScreen message={opened.message} {...props} />;
	return <ReviewSessionScreen {...props} store={store} init={opened.init} />;
}

function ReviewSessionScreen(props: Omit<ReviewScreenProps, 'store'> & {store: DeskStore; init: ReviewUiState}): React.JSX.Element {
	const {width, rows, isActive = true, keys, queue, color = true, onExit, onNextCase} = props;
	const [session] = useState(
		() =>
			new ReviewSession(props.init, {
				store: props.store,
				caseRef: props.caseRef,
				today: props.today,
				actor: props.actor,
				now: props.now ?? (() => new Date()),
				saveDelayMs: props.saveDelayMs ?? 2000,
				onExit,
				onNextCase,
			}),
	);
	// Once per review screen: the welfare file opened, the exit flush registered; on unmount one last save.
	useEffect(() => session.start(), [session]);
	// The desk's latest callbacks (the queue's next case is worked out at each render) and its day (it moves
	// past midnight when opened without --today: the review is then signed on the new day), before any key runs.
	useLayoutEffect(() => session.follow({onExit, onNextCase, today: props.today}), [session, onExit, onNextCase, props.today]);
	const keymap = useKeymap();
	useReviewKeys((input, key) => session.dispatch({type: 'key', input, key, at: Date.now(), keys: keymap}), isActive, keys);
	const {state, saveStatus} = useSyncExternalStore(session.subscribe, session.view);
	return <ReviewView state={state} width={width} rows={rows} saveStatus={saveStatus} queue={queue ?? null} color={color} />;
}
