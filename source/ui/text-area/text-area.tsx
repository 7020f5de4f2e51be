/**
 * A multi-line (or one-line) text field: draws the value with its cursor, scrolled to keep the cursor
 * in view. Controlled: the owner holds value and cursor and applies textAreaReducer to key presses
 * (see text-area-keys.ts), so the review draft is the single place the text lives.
 *
 * `textAreaLines` gives the same drawing as an array of one-terminal-line elements, for owners that
 * window a long form by lines (they need each field's height).
 */
import React from 'react';
import {Box, Text} from 'ink';
import {layoutTextArea} from './text-area-layout.js';

export interface TextAreaProps {
	value: string;
	cursor: number;
	focused: boolean;
	/** Columns available for text. */
	width: number;
	/** Rows of text shown at most; the field scrolls with the cursor. */
	maxRows: number;
	/** Shown dimmed when the value is empty. */
	placeholder?: string;
	/** Drawn before each row (e.g. "  │ "); its width is outside `width`. */
	prefix?: string;
}

export function textAreaLines({value, cursor, focused, width, maxRows, placeholder, prefix = ''}: TextAreaProps): React.JSX.Element[] {
	if (value === '' && placeholder) {
		return [
			<Text key="p" wrap="truncate">
				{prefix}
				{focused && <Text inverse> </Text>}
				<Text dimColor>{placeholder.slice(0, Math.max(0, width - 1))}</Text>
			</Text>,
		];
	}
	const {rows, hiddenAbove, hiddenBelow} = layoutTextArea(value, cursor, width, maxRows, focused);
	const out = rows.map((r, i) => (
		<Text key={i} wrap="truncate">
			{prefix}
			{r.cursorAt < 0 ? (
				r.text
			) : (
				<>
					{r.text.slice(0, r.cursorAt)}
					<Text inverse>{r.text[r.cursorAt] ?? ' '}</Text>
					{r.text.slice(r.cursorAt + 1)}
				</>
			)}
		</Text>
	));
	if (hiddenAbove > 0 || hiddenBelow > 0) {
		out.push(
			<Text key="more" dimColor wrap="truncate">
				{prefix}
				{[
					hiddenAbove > 0 ? `${hiddenAbove} more line${hiddenAbove === 1 ? '' : 's'} above` : '',
					hiddenBelow > 0 ? `${hiddenBelow} more below` : '',
				]
					.filter(Boolean)
					.join(', ')}
			</Text>,
		);
	}
	return out;
}

export function TextArea(props: TextAreaProps): React.JSX.Element {
	return <Box flexDirection="column">{textAreaLines(props)}</Box>;
}
