/** Word-wraps a line to `width` columns, keeping its leading indent on the continuation lines. */
export function wrapIndented(s: string, width: number): string[] {
	if (width <= 0) return [];
	if (s.length <= width) return [s];
	const indent = /^\s*/.exec(s)![0].slice(0, Math.max(0, Math.floor(width / 2)));
	const out: string[] = [];
	let line = '';
	for (const word of s.trim().split(/\s+/)) {
		let w = word;
		const room = () => width - (out.length === 0 ? indent.length : indent.length + 2);
		while (w.length > room()) {
			if (line) {
				out.push(line);
				line = '';
			}
			out.push(w.slice(0, room()));
			w = w.slice(room());
		}
		if (!line) line = w;
		else if (line.length + 1 + w.length <= room()) line += ' ' + w;
		else {
			out.push(line);
			line = w;
		}
	}
	if (line) out.push(line);
	return out.map((l, i) => (i === 0 ? indent : indent + '  ') + l);
}
