/**
 * A multi-line (or one-line) text field: draws the value with its cursor, scrolled to keep the cursor
 * in view. Controlled: the owner holds value and cursor and applies textAreaReducer to key presses
 * (see text-area-keys.ts), so the review draft is the single place the text lives.
 */
import React from 'react';
import {Box, Text} from 'ink';
import {layoutTextArea} from './text-area-layout.js';

export interface TextAreaProps {
	value: string;
	cursor: number;
	focused: boolean;
	/** Columns available for text (the border and padding are outside this). */
	width: number;
	/** Rows of text shown at most; the field scrolls with the cursor. */
	maxRows: number;
	/** Shown dimmed when the value is empty. */
	placeholder?: string;
}

export function TextArea({value, cursor, focused, width, maxRows, placeholder}: TextAreaProps): React.JSX.Element {
	if (value === '' && placeholder && !focused) {
		return (
			<Text dimColor wrap="truncate">
				{placeholder.slice(0, width)}
			</Text>
		);
	}
	const {rows, hiddenAbove, hiddenBelow} = layoutTextArea(value, cursor, width, maxRows, focused);
	return (
		<Box flexDirection="column">
			{rows.map((r, i) => (
				<Text key={i} wrap="truncate">
					{r.cursorAt < 0 ? (
						r.text || ' '
					) : (
						<>
							{r.text.slice(0, r.cursorAt)}
							<Text inverse>{r.text[r.cursorAt] ?? ' '}</Text>
							{r.text.slice(r.cursorAt + 1)}
						</>
					)}
				</Text>
			))}
			{(hiddenAbove > 0 || hiddenBelow > 0) && (
				<Text dimColor wrap="truncate">
					{`(${hiddenAbove} more line${hiddenAbove === 1 ? '' : 's'} above, ${hiddenBelow} below)`}
				</Text>
			)}
		</Box>
	);
}
