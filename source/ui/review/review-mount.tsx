/**
 * Mount points for the guided 14-day review (issue 5 "The guided 14-day review"). The desk opens these
 * as editor tabs: `r` on a case gives {kind: 'review', ref}, `R` gives {kind: 'review-queue'}. The
 * review screens replace the bodies below; the props are what the desk already has for them. No review
 * is recorded here, and nothing pretends to be one.
 */
import React from 'react';
import {Box, Text} from 'ink';
import type {Store} from '../../store/store.js';
import type {DeskModel} from '../model/desk-model.js';
import {reviewBadge} from '../model/desk-model.js';
import {isLive} from '../../domain/case-facts.js';
import {safeText} from '../../domain/safe-text.js';
import {fit, plural, wrap} from '../text.js';

export interface ReviewMountProps {
	model: DeskModel;
	/** The store to save drafts and sign into; absent when the desk is rendered without one (benches). */
	store: Store | undefined;
	width: number;
	rows: number;
}

export function ReviewMount({model, caseRef, width, rows}: ReviewMountProps & {caseRef: string}): React.JSX.Element {
	const c = model.caseByRef.get(caseRef);
	const lines = [
		`Guided review for ${safeText(caseRef)} opens here.`,
		'',
		c
			? `Due: ${reviewBadge(model, c).text}; ${plural(model.problemsByCase.get(c.ref)?.length ?? 0, 'problem')} on this case.`
			: 'This case is not in the store.',
		'The seven-step guided review (since last review, previous actions, risk, action plan, performance, welfare, sign-off) is not built yet: nothing has been recorded.',
		'Esc returns to the explorer; x closes this tab.',
	];
	return <Lines lines={lines} width={width} rows={rows} />;
}

export function ReviewQueueMount({model, width, rows}: ReviewMountProps): React.JSX.Element {
	const due = model.data.cases.filter(c => isLive(c) && c.nextReviewDue <= model.today).sort((a, b) => (a.nextReviewDue < b.nextReviewDue ? -1 : 1));
	const lines = [
		`Review queue opens here: ${plural(due.length, 'review')} due today or overdue.`,
		'The guided review is not built yet: nothing has been recorded. The queue will take them in this order:',
		...due.slice(0, Math.max(0, rows - 4)).map(c => `  ${fit(c.ref, 12)} ${reviewBadge(model, c).text}`),
	];
	return <Lines lines={lines} width={width} rows={rows} />;
}

function Lines({lines, width, rows}: {lines: string[]; width: number; rows: number}): React.JSX.Element {
	const wrapped = lines.flatMap(l => wrap(l, width)).slice(0, rows);
	return (
		<Box flexDirection="column">
			{wrapped.map((l, i) => (
				<Text key={i} wrap="truncate" bold={i === 0}>
					{fit(l, width)}
				</Text>
			))}
		</Box>
	);
}
