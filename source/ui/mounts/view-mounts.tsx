/**
 * Mount point for the Handover view (3), built by another issue. It says what it will show and which
 * command produces it today, so the key and layout are real while the view lands. (The Log view, 4,
 * has landed: see ../views/log.)
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
