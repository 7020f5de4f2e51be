/**
 * Where the guided review meets the desk: the editor opens these as tabs. `r` on a case gives
 * {kind: 'review', ref}, `R` the queue of every review due (most overdue first; `n` after signing moves
 * to the next), `A` an amendment of the case's last signed review. The store they write through is the
 * desk's, from its context (store/store-context.ts).
 */
import React, {useState} from 'react';
import {Box, Text} from 'ink';
import {nextInQueue, reviewQueue} from '../../domain/review/index.js';
import type {DeskModel} from '../model/desk-model.js';
import type {DeskActor} from '../desk/desk-actor.js';
import {useTheme} from '../theme.js';
import {AmendScreen} from './amend-screen.js';
import {ReviewScreen} from './review-screen.js';
import {useReviewKeys, type ReviewKeys} from './use-review-keys.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {reviewCommandFor, reviewKey} from './review-keymap.js';

export interface ReviewMountProps {
	model: DeskModel;
	/** Who is at the keyboard: the reviews and amendments are theirs. */
	actor: DeskActor;
	width: number;
	rows: number;
	/** Keys from the desk while the review has the keyboard. */
	keys: ReviewKeys;
	onExit: () => void;
}

export function ReviewMount({model, caseRef, ...rest}: ReviewMountProps & {caseRef: string}): React.JSX.Element {
	const {color} = useTheme();
	return <ReviewScreen data={model.data} today={model.today} caseRef={caseRef} color={color} {...rest} />;
}

export function AmendMount({model, caseRef, ...rest}: ReviewMountProps & {caseRef: string}): React.JSX.Element {
	const {color} = useTheme();
	return <AmendScreen data={model.data} today={model.today} caseRef={caseRef} color={color} {...rest} />;
}

export function ReviewQueueMount({model, onExit, ...rest}: ReviewMountProps): React.JSX.Element {
	const {color} = useTheme();
	const keymap = useKeymap();
	// The case under review, and how many were signed from this queue (for "queue 3 of 7").
	// Only the cases this officer may review (a cover's own go to the inspector's queue).
	const me = rest.actor.officerId;
	const [current, setCurrent] = useState<string | null>(() => nextInQueue(model.data, model.today, null, me)?.ref ?? null);
	const [signed, setSigned] = useState(0);
	if (current === null) {
		return (
			<Box flexDirection="column">
				<Text bold>Review queue</Text>
				<Text>
					{signed > 0
						? `Done: ${signed} review${signed === 1 ? '' : 's'} signed; none left due today.`
						: 'No reviews are due today or overdue.'}
				</Text>
				<Text dimColor>{reviewKey('back', keymap.review)}: back to the desk</Text>
				<EscOnly keys={rest.keys} onExit={onExit} />
			</Box>
		);
	}
	const queue = reviewQueue(model.data, model.today, me);
	const stillDue = queue.some(q => q.ref === current);
	const next = nextInQueue(model.data, model.today, current, me)?.ref ?? null;
	return (
		<ReviewScreen
			key={current}
			data={model.data}
			today={model.today}
			caseRef={current}
			color={color}
			onExit={onExit}
			queue={{position: signed + 1, total: signed + queue.length + (stillDue ? 0 : 1), nextRef: next}}
			onNextCase={() => {
				setSigned(n => n + 1);
				setCurrent(next);
			}}
			{...rest}
		/>
	);
}

/** The queue's last screen: the review's back (or leave) key returns to the desk, in the keys in force. */
function EscOnly({keys, onExit}: {keys: ReviewKeys; onExit: () => void}): null {
	const keymap = useKeymap();
	useReviewKeys(
		(input, key) => {
			const command = reviewCommandFor(input, key, false, keymap.review);
			if (command === 'back' || command === 'leave') onExit();
		},
		keys.active,
		keys,
	);
	return null;
}
