/**
 * The guided review rendered on its own (ink-testing-library), with what most review tests share: the
 * demo's sergeant at the keyboard, no store (nothing saved), active, no colour, and no-op exits. A test
 * passes what it is about; anything it passes wins.
 */
import React from 'react';
import {render} from 'ink-testing-library';
import {ReviewScreen, type ReviewScreenProps} from '../../source/ui/review/review-screen.js';
import {SERGEANT_ACTOR} from './actor.js';

type Given = Omit<ReviewScreenProps, 'actor' | 'store' | 'onExit' | 'onChanged'> & Partial<ReviewScreenProps>;

export function renderReview(props: Given): ReturnType<typeof render> {
	return render(
		<ReviewScreen actor={SERGEANT_ACTOR} store={undefined} isActive color={false} onExit={() => {}} onChanged={() => {}} {...props} />,
	);
}
