/**
 * Mount points for the Handover (3) and Log (4) views, built by other issues. Each says what it will
 * show and which command produces it today, so the keys and layout are real while the views land.
 */
import React from 'react';
import {Box, Text} from 'ink';
import {Pane} from '../pane/pane.js';
import {fit, wrap} from '../text.js';
import type {DeskModel} from '../model/desk-model.js';
import {addDays} from '../../domain/dates.js';

interface MountProps {
	model: DeskModel;
	focused: boolean;
	width: number;
	height: number;
}

export function HandoverMount({model, focused, width, height}: MountProps): React.JSX.Element {
	const from = model.today;
	const to = addDays(model.today, 13);
	return (
		<MountText
			title="HANDOVER"
			focused={focused}
			width={width}
			height={height}
			lines={[
				'The handover summary for a cover supervisor will show here: every live case with its bail clock, next review, open actions, where the material is, and the problems that fall in the absence; officers whose welfare check-in is due (never what was said).',
				'',
				'Today it is produced on the command line:',
				`  fortnight handover --from ${from} --to ${to} --cover NAME --format md --out handover.md`,
			]}
		/>
	);
}

export function LogMount({model, focused, width, height}: MountProps): React.JSX.Element {
	return (
		<MountText
			title="REVIEW LOG"
			focused={focused}
			width={width}
			height={height}
			lines={[
				"The inspector's review log will show here: signed reviews from the hash chain, late reviews, lapsing bail, stalled cases and performance triggers nobody acted on, with the chain head.",
				'',
				'Today it is produced on the command line:',
				`  fortnight log --from ${addDays(model.today, -28)} --to ${model.today} --format md --out log.md`,
				'  fortnight verify     (checks the chain)',
			]}
		/>
	);
}

function MountText({title, lines, focused, width, height}: {title: string; lines: string[]; focused: boolean; width: number; height: number}): React.JSX.Element {
	const inner = width - 2;
	return (
		<Pane title={title} detail="(view not built yet)" focused={focused} width={width} height={height}>
			<Box flexDirection="column">
				{lines
					.flatMap(l => (l.startsWith('  ') ? [l] : wrap(l, inner)))
					.slice(0, Math.max(1, height - 3))
					.map((l, i) => (
						<Text key={i} wrap="truncate">
							{fit(l, inner)}
						</Text>
					))}
			</Box>
		</Pane>
	);
}
