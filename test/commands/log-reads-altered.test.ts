/**
 * The log re-checks every chain entry whose content reaches it, not only the rows it prints (README "The
 * review log"; domain/shown-entries.ts logReportEntries): the reviews the HTML's supervision trends read
 * (a review recording a performance trigger, with that officer's others; each case's standing at the
 * first weeks' ends) and the review the exception report reads for a case's standing at the period's end. One altered in team.chain.jsonl (keeping its
 * length, which is checked on load) stops the export with exit 1 naming the entry, nothing on standard
 * output and no --out file, as verify's own check says (test/commands/altered-entry.test.ts).
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';

const run = (store: string, args: string[]) =>
	runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'}});

/** Replaces `from` with `to` (the same length) on the line of entry `seq` in a chain file. */
function alterLine(file: string, seq: number, from: string, to: string): void {
	expect(to.length).toBe(from.length);
	const lines = readFileSync(file, 'utf8').split('\n');
	const i = lines.findIndex(l => l.includes(`"seq":${seq},`));
	expect(i, `entry ${seq} in ${file}`).toBeGreaterThanOrEqual(0);
	expect(lines[i]).toContain(from);
	lines[i] = lines[i]!.replace(from, to);
	writeFileSync(file, lines.join('\n'));
}

/** The demo split into team.chain.jsonl by a save (a bail record), then entry `seq` altered there. */
function altered(seq: number, from: string, to: string): {dir: string; store: string} {
	const {dir, store} = demoCopy();
	expect(run(store, ['bail', 'record', 'CR/54818/26', '--event', 'rui']).code).toBe(0);
	alterLine(path.join(dir, 'team.chain.jsonl'), seq, from, to);
	expect(run(store, ['verify']).code).toBe(1);
	return {dir, store};
}

function expectRefused(dir: string, store: string, seq: number, format: string, period: string[] = []): void {
	const says = new RegExp(`entry ${seq} \\(review\\) was altered after signing: its content no longer matches its hash`);
	const out = path.join(dir, `log-${format}.out`);
	const written = run(store, ['log', '--format', format, ...period, '--out', out]);
	expect(written.code, `${format}: ${written.stderr}`).toBe(1);
	expect(written.stderr).toMatch(says);
	expect(written.stderr).toContain('The review log was not written');
	expect(written.stdout).toBe('');
	expect(existsSync(out)).toBe(false);
	const printed = run(store, ['log', '--format', format, ...period]);
	expect(printed.code).toBe(1);
	expect(printed.stdout).toBe('');
	expect(printed.stderr).toMatch(says);
}

describe('the log re-checks the reviews its trends and its report read, beyond the rows it prints', () => {
	it('html: a review before the 13 weeks, of an officer it would give a trigger, is re-checked: exit 1, nothing written', () => {
		// Entry 86: CR/87204/26 reviewed 5 Aug 2026 (DC Ashworth's), with five reviews of the case after it: no row,
		// not the case's standing. Saying the trigger had fired makes it start a run in the trends' triggers.
		const {dir, store} = altered(86, '"triggerFired":false', '"triggerFired":true ');
		expectRefused(dir, store, 86, 'html');
		// The report formats over the default 28 days do not read it (only what is read is re-hashed): written.
		for (const format of ['md', 'json', 'table', 'csv']) {
			const r = run(store, ['log', '--format', format]);
			expect(r.code, `${format}: ${r.stderr}`).toBe(0);
			expect(r.stdout).not.toBe('');
		}
	});

	it("html: a case's last review before the 13 weeks, its standing at the first weeks' ends, is re-checked", () => {
		// Entry 141: CR/87204/26 reviewed 19 Aug, next review due 2 Sep: the charts' missed and overdue reviews of
		// the first week read it. Its due date moved is refused; the 28-day report does not read it.
		const {dir, store} = altered(141, '"nextReviewDue":"2026-09-02"', '"nextReviewDue":"2026-09-01"');
		expectRefused(dir, store, 141, 'html');
		expect(run(store, ['log', '--format', 'md']).code).toBe(0);
	});

	it('html: a review after a past period that now records a trigger is re-checked too', () => {
		// Entry 386 (CR/87204/26, 14 Oct) is after the period asked for and not the case's last review: no row and
		// nothing the report reads. Saying the trigger had fired makes it, and DC Ashworth's other reviews, the
		// trends' trigger runs.
		const {dir, store} = altered(386, '"triggerFired":false', '"triggerFired":true ');
		expectRefused(dir, store, 386, 'html', ['--from', '2026-09-01', '--to', '2026-10-06']);
		const md = run(store, ['log', '--format', 'md', '--from', '2026-09-01', '--to', '2026-10-06']);
		expect(md.code, md.stderr).toBe(0);
	});

	it("every report format: the review a case's standing at the period's end is read from, outside the period: exit 1", () => {
		// Period 5-6 Oct 2026: CR/87204/26's review standing then is entry 320 (30 Sep), whose next review date
		// says whether the case missed its review in the period ("Cases not reviewed"). Moved to 4 Oct, it would.
		const {dir, store} = altered(320, '"nextReviewDue":"2026-10-14"', '"nextReviewDue":"2026-10-04"');
		for (const format of ['md', 'json', 'table', 'html'])
			expectRefused(dir, store, 320, format, ['--from', '2026-10-05', '--to', '2026-10-06']);
		// The CSV prints that period's rows alone, and entry 320 is not one of them: written.
		const csv = run(store, ['log', '--format', 'csv', '--from', '2026-10-05', '--to', '2026-10-06']);
		expect(csv.code, csv.stderr).toBe(0);
	});
});
