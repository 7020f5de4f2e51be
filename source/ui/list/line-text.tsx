/**
 * One line of text, drawn as Ink draws a single Text but measured cheaply (issue 18's key-to-frame).
 *
 * Ink measures every Text's width on every frame (string-width), and a line with one character outside
 * printable ASCII (the "…" of a cut line, the "›" cursor, the "▾" of an officer) is measured grapheme by
 * grapheme: about 3 ms of every explorer key press went on measuring the rows again. A line of plain
 * ASCII is measured at once. So a line is drawn as its runs of plain ASCII and of other characters, each
 * its own Text side by side, styled alike: the cells on screen, and so the bytes written, are the same as
 * for one Text (Ink composes the frame cell by cell). A line with many runs (text full of accents) stays
 * one Text, and so does every line for a screen reader, which hears the line and its label whole.
 */
import React from 'react';
import {Box, Text, useIsScreenReaderEnabled} from 'ink';

export interface LineTextProps {
	/** The line, already fitted to its room (text.ts fit or truncate): it is never wrapped. */
	line: string;
	inverse?: boolean;
	color?: string | undefined;
	bold?: boolean;
	dimColor?: boolean;
	/** What a screen reader hears instead of the line (README "Screen readers"). */
	ariaLabel?: string | undefined;
}

/** More runs than this and the line stays one Text (each run is a node Ink lays out and draws). */
const MAX_RUNS = 5;

/** The line cut into alternating runs of printable ASCII and of anything else ("› ", "row text", "…"). */
export function asciiRuns(line: string): string[] {
	return line.match(/[\x20-\x7E]+|[^\x20-\x7E]+/g) ?? [];
}

export function LineText({line, inverse, color, bold, dimColor, ariaLabel}: LineTextProps): React.JSX.Element {
	const reader = useIsScreenReaderEnabled();
	const style = {inverse, color, bold, dimColor};
	const runs = reader ? [] : asciiRuns(line);
	if (reader || runs.length <= 1 || runs.length > MAX_RUNS) {
		return (
			<Text wrap="truncate" {...style} aria-label={reader ? ariaLabel : undefined}>
				{line}
			</Text>
		);
	}
	return (
		<Box flexShrink={0}>
			{runs.map((run, i) => (
				<Text key={i} wrap="truncate" {...style}>
					{run}
				</Text>
			))}
		</Box>
	);
}
