/**
 * LineText (source/ui/list/line-text.tsx) draws a line as runs of plain ASCII and of other characters so
 * Ink measures it cheaply (issue 18's key-to-frame): what reaches the terminal must be exactly what one
 * Text drew, colours, inverse and bold included, with the desk's drawing characters, wide characters and
 * combining accents; a screen reader still hears the line's label.
 */
import React from 'react';
import chalk from 'chalk';
import {Box, Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {asciiRuns, LineText} from '../../source/ui/list/line-text.js';
import {fit} from '../../source/ui/text.js';

let level: typeof chalk.level;
beforeAll(() => {
	level = chalk.level;
	chalk.level = 3;
});
afterAll(() => {
	chalk.level = level;
	cleanup();
});

const LINES = [
	'  CR/94849/26 MED  due 5d      RUI         Pay sexual…',
	'› ▾ DC Ashworth: 10 cases, 14 problems (11 red)',
	'» CASES  300 live cases 1/347  [focus]',
	'plain ascii only',
	'\u6F22\u5B57\u306E\u30E1\u30E2 phone download \u6F22\u5B57…',
	'Suspect replied \u{1F44D}\u{1F3FD} to the text',
	'Caf\u00E9 re\u0301sume\u0301 \u2014 \u2018quoted\u2019 \u2192 next \u2026 and more',
	'…',
	'› ',
];

const STYLES = [{}, {inverse: true}, {color: 'red', bold: true}, {color: 'cyan', inverse: true, bold: true}, {dimColor: true}];

describe('LineText', () => {
	it('cuts a line into runs of plain ASCII and of anything else', () => {
		expect(asciiRuns('› CR/1/26 due 5d…')).toEqual(['›', ' CR/1/26 due 5d', '…']);
		expect(asciiRuns('plain')).toEqual(['plain']);
		expect(asciiRuns('')).toEqual([]);
		expect(asciiRuns('\u6F22\u5B57 x')).toEqual(['\u6F22\u5B57', ' x']);
	});

	it('draws every line exactly as one Text does, in every style', () => {
		let coloured = 0;
		for (const raw of LINES)
			for (const style of STYLES) {
				const line = fit(raw, 40);
				const one = render(
					<Box width={50} flexDirection="column">
						<Text wrap="truncate" {...style}>
							{line}
						</Text>
						<Text>next</Text>
					</Box>,
				);
				const runs = render(
					<Box width={50} flexDirection="column">
						<LineText line={line} {...style} />
						<Text>next</Text>
					</Box>,
				);
				expect(runs.lastFrame(), `${JSON.stringify(line)} ${JSON.stringify(style)}`).toBe(one.lastFrame());
				if (one.lastFrame()?.includes('\u001b[')) coloured++;
				one.unmount();
				runs.unmount();
			}
		// The styled cases were compared with their escape codes, not as plain text.
		expect(coloured).toBeGreaterThanOrEqual(LINES.length * (STYLES.length - 1));
	});
});
