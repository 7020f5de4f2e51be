/**
 * The narrow bar on the left: the views by number; the active one is marked, not only coloured. A screen
 * reader hears one line naming every view and the current one (README "Screen readers").
 */
import React from 'react';
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {View} from '../desk/desk-state.js';

const VIEWS: {view: View; key: string; letter: string; name: string}[] = [
	{view: 'cases', key: '1', letter: 'C', name: 'Cases'},
	{view: 'team', key: '2', letter: 'T', name: 'Team'},
	{view: 'handover', key: '3', letter: 'H', name: 'Handover'},
	{view: 'log', key: '4', letter: 'L', name: 'Log'},
	{view: 'calendar', key: '5', letter: 'D', name: 'Calendar'},
];

/** Drawn again only when the view or the height changes (memo): not on every key in a list. */
export const ActivityBar = React.memo(function ActivityBar({view, height}: {view: View; height: number}): React.JSX.Element {
	const reader = useIsScreenReaderEnabled();
	const views = VIEWS.map(v => ({...v, current: v.view === view}));
	if (reader) return <Text>{`Views: ${views.map(v => `${v.key} ${v.name}${v.current ? ' (current)' : ''}`).join(', ')}`}</Text>;
	return (
		<Box flexDirection="column" width={4} height={height} flexShrink={0}>
			{views.map(v => (
				<Text key={v.view} inverse={v.current} bold={v.current}>
					{`${v.current ? '>' : ' '}${v.key}${v.letter} `}
				</Text>
			))}
		</Box>
	);
});
