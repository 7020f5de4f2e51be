/**
 * One selectable list row: a "›" marker on the cursor row (inverse when its pane has focus). A screen
 * reader hears the row's words in full, the cursor row first saying "(selected)" (README "Screen readers").
 */
import React from 'react';
import {useIsScreenReaderEnabled} from 'ink';
import {fit} from '../text.js';
import {LineText} from './line-text.js';

export interface ListRowProps {
	/** Text already laid out for the row, without the marker. */
	text: string;
	width: number;
	selected: boolean;
	focused: boolean;
	colour?: string | undefined;
	bold?: boolean;
}

/** A row as a screen reader reads it: its words without the column padding, the cursor row marked in words. */
export function spokenRow(text: string, selected: boolean): string {
	// An officer's fold mark (▾/▸) is drawing: the words say "[folded]" where it matters.
	return `${selected ? '(selected) ' : ''}${text
		.trim()
		.replace(/^[▾▸] /, '')
		.replace(/ {2,}/g, ' ')}`;
}

/** Drawn again only when its own props change (memo): a cursor move redraws the two rows it leaves and enters. */
export const ListRow = React.memo(function ListRow({text, width, selected, focused, colour, bold}: ListRowProps): React.JSX.Element {
	const reader = useIsScreenReaderEnabled();
	return (
		<LineText
			line={fit(`${selected ? '›' : ' '} ${text}`, width)}
			inverse={selected && focused}
			color={selected && focused ? undefined : colour}
			bold={bold}
			ariaLabel={reader ? spokenRow(text, selected) : undefined}
		/>
	);
});
