/**
 * A screen's text as a person reads it when a line is wrapped: a pane's rows one after another, whatever
 * column a long path happened to break at. For assertions on text whose length the test does not choose
 * (a path in the run's temporary folder, test/setup/run-temp-folder.ts), which wraps at one length and
 * fits at another.
 */

/** The side borders of the desk's boxes (source/ui/pane/pane.tsx: single, double when focused): the ends of a pane's rows. */
const SIDE = new Set(['│', '║']);

/** `text` without whitespace: a wrap may drop the space it broke at, or break a word where there was none. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/**
 * Each pane of `screen` (ANSI already stripped) as one line: the rows between the same two side borders
 * (columns, so panes side by side stay apart) joined and squeezed. A row with no borders (the status bar)
 * is a pane of its own unless the rows around it are as long. Compare with `squeeze(expected)`.
 */
export function paneText(screen: string): string {
	const panes: string[] = [];
	let open = new Map<string, string>();
	for (const row of screen.split('\n')) {
		const cells = Array.from(row);
		const next = new Map<string, string>();
		let start = 0;
		for (let i = 0; i <= cells.length; i++) {
			if (i < cells.length && !SIDE.has(cells[i]!)) continue;
			const columns = `${start}-${i}`;
			next.set(columns, (open.get(columns) ?? '') + squeeze(cells.slice(start, i).join('')));
			open.delete(columns);
			start = i + 1;
		}
		panes.push(...open.values());
		open = next;
	}
	panes.push(...open.values());
	return panes.filter(Boolean).join('\n');
}
