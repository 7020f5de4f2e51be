/** The narrow bar on the left: the views by number; the active one is marked, not only coloured. */
import React from 'react';
import {Box, Text} from 'ink';
import type {View} from '../desk/desk-state.js';

const VIEWS: {view: View; key: string; letter: string}[] = [
	{view: 'cases', key: '1', letter: 'C'},
	{view: 'team', key: '2', letter: 'T'},
	{view: 'handover', key: '3', letter: 'H'},
	{view: 'log', key: '4', letter: 'L'},
	{view: 'calendar', key: '5', letter: 'D'},
];

export function ActivityBar({view, height}: {view: View; height: number}): React.JSX.Element {
	return (
		<Box flexDirection="column" width={4} height={height} flexShrink={0}>
			{VIEWS.map(v => (
				<Text key={v.view} inverse={v.view === view} bold={v.view === view}>
					{`${v.view === view ? '>' : ' '}${v.key}${v.letter} `}
				</Text>
			))}
		</Box>
	);
}
