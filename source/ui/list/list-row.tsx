/** One selectable list row: a "›" marker on the cursor row (inverse when its pane has focus). */
import React from 'react';
import {Text} from 'ink';
import {fit} from '../text.js';

export interface ListRowProps {
	/** Text already laid out for the row, without the marker. */
	text: string;
	width: number;
	selected: boolean;
	focused: boolean;
	colour?: string | undefined;
	bold?: boolean;
}

export function ListRow({text, width, selected, focused, colour, bold}: ListRowProps): React.JSX.Element {
	return (
		<Text wrap="truncate" inverse={selected && focused} color={selected && focused ? undefined : colour} bold={bold}>
			{fit(`${selected ? '›' : ' '} ${text}`, width)}
		</Text>
	);
}
