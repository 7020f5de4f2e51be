import {docDate} from '../../source/export/doc-dates.js';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import log from '../../source/commands/log.js';
import {makeContext, UsageError} from '../../source/commands/context.js';
import {StoreError} from '../../source/store/errors.js';
import {DEMO_TODAY, ROOT, demoCopy, runCli, tempDir} from '../helpers/cli.js';
import {hostileStoreFile, PREFIXED_REFS} from '../domain/review-log/hostile-store.js';

/** Runs the log command in this process: quicker than the CLI for the error cases. */
async function logInProcess(store: string, flags: Record<string, string>): Promise<{code: number; out: string; error: string}> {
	let out = '';
	const sink = {write: (t: string) => ((out += t), true), once: () => sink} as unknown as NodeJS.WriteStream;
	const ctx = {...makeContext({store, today: DEMO_TODAY, color: false, debug: false}, {}), stdout: sink, stderr: sink};
	try {
		return {code: await log.run(ctx, [], {format: 'csv', ...flags}), out, error: ''};
	} catch (err) {
		if (err instanceof UsageError) return {code: 2, out, error: err.message};
		if (err instanceof StoreError) return {code: 3, out, error: err.message};
		throw err;
	}
}

const demo = JSON.parse(readFileSync(path.join(ROOT, 'data', 'demo.json'), 'utf8'));
const head = `${demo.chain.at(-1).seq}:${demo.chain.at(-1).hash}`;

function section(md: string, heading: string): string {
	const start = md.indexOf(heading);
	if (start === -1) throw new Error(`no heading "${heading}" in:\n${md.slice(0, 2000)}`);
	const next = md.indexOf('\n#', start + heading.length);
	return md.slice(start, next === -1 ? undefined : next);
}

describe('fortnight log', () => {
	it('writes CSV to standard output, the chain head to standard error', () => {
		const {store} = demoCopy();
		const r = runCli(['log', '--store', store, '--today', DEMO_TODAY]);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain(`Chain head ${head}`);
		expect(r.stderr).toContain(`fortnight verify --head ${head}`);
		const records = parse(r.stdout, {bom: true}) as string[][];
		const inPeriod = demo.chain.filter(
			(e: {kind: string; data: {date: string}}) => e.kind === 'review' && e.data.date >= '2026-11-03' && e.data.date <= DEMO_TODAY,
		);
		expect(records).toHaveLength(inPeriod.length + 1);
		expect(records[0]!.slice(0, 3)).toEqual(['Date', 'Case ref', 'Officer']);
		const column = (name: string) => records[0]!.indexOf(name);
		expect(records.slice(1).map(x => x[column('Entry hash')])).toEqual(inPeriod.map((e: {hash: string}) => e.hash));
		// The demo's entries were made before signatures: each row says so.
		expect(new Set(records.slice(1).map(x => [x[column('Signed by')], x[column('Signed by id')]].join('|')))).toEqual(
			new Set(['not signed (made before signatures)|']),
		);
	});

	it('--out writes the file atomically and prints the head; --from/--to choose the period', () => {
		const {store, dir} = demoCopy();
		const file = path.join(dir, 'oct.csv');
		const r = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--from', '2026-10-01', '--to', '2026-10-31', '--out', file]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(`Wrote ${file}`);
		expect(r.stdout).toContain(head);
		const records = parse(readFileSync(file, 'utf8'), {bom: true}) as string[][];
		expect(records.length).toBeGreaterThan(10);
		expect(records.slice(1).every(x => x[0]! >= '2026-10-01' && x[0]! <= '2026-10-31')).toBe(true);
		expect(readdirSync(dir).filter(n => n.endsWith('.tmp'))).toEqual([]);
	});

	it('rejects bad dates, a reversed period, an unknown format or sergeant (exit 2); an unwritable --out (exit 3)', async () => {
		const {store} = demoCopy();
		for (const args of [
			['--from', '2026-02-30'],
			['--to', '31/11/2026'],
			['--from', '2026-11-30', '--to', '2026-11-01'],
			// After --today with no --to: refused, not a one-day period in the future (QA item 14).
			['--from', '2027-01-01'],
			['--format', 'xlsx'],
			['--sergeant', 'o0003'],
		]) {
			const r = await logInProcess(
				store,
				Object.fromEntries([args.slice(0, 2), args.slice(2, 4)].filter(a => a.length).map(([k, v]) => [k!.slice(2), v!])),
			);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.error).toContain(args[args.length === 4 ? 2 : 0]!.slice(2));
		}
		const r = await logInProcess(store, {out: path.join(tempDir(), 'no', 'such', 'dir', 'x.csv')});
		expect(r.code).toBe(3);
		expect(r.error).toContain('x.csv');
		// And through the built CLI, once.
		const cli = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--from', '2026-02-30']);
		expect(cli.code).toBe(2);
		expect(cli.stderr).toContain('--from must be a real date');
	});

	it('JSON carries the head, the rows and the exceptions; --sergeant keeps that team', () => {
		const {store} = demoCopy();
		const r = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'json', '--sergeant', 'o0002']);
		expect(r.code).toBe(0);
		const doc = JSON.parse(r.stdout);
		expect(doc.chainHead).toEqual({seq: demo.chain.at(-1).seq, hash: demo.chain.at(-1).hash});
		expect(doc.sergeantId).toBe('o0002');
		expect(doc.rows.length).toBeGreaterThan(50);
		expect(doc.exceptions.sergeants.map((s: {sergeantId: string}) => s.sergeantId)).toEqual(['o0002']);
	});

	it('carries a hostile store through CSV: a real parser reads back the defused values', () => {
		const file = hostileStoreFile();
		const r = runCli(['log', '--store', file, '--today', DEMO_TODAY]);
		expect(r.code).toBe(0);
		const records = parse(r.stdout, {bom: true}) as string[][];
		const refs = records.map(x => x[1]);
		for (const ref of PREFIXED_REFS) expect(refs).toContain(`'${ref}`);
		expect(records.flat().join('')).not.toMatch(/\u001b|\u202e/);
		expect(records.some(x => x[2] === 'DC Sam "The Ash" Ashworth, Jr.')).toBe(true);
	});

	it('the Markdown exception report on the demo team lists each kind of exception the demo contains', () => {
		const {store} = demoCopy();
		const r = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'md']);
		expect(r.code).toBe(0);
		const md = r.stdout;
		expect(md).toContain(head);
		expect(md.indexOf('## Exceptions')).toBeLessThan(md.indexOf('## Totals'));
		// A late review straight from the chain: the first one in the period signed after its due date.
		const late = demo.chain.find(
			(e: {kind: string; data: {date: string; dueDate: string}}) =>
				e.kind === 'review' && e.data.date >= '2026-11-03' && e.data.date > e.data.dueDate,
		);
		const lateBy = Math.round((Date.parse(late.data.date) - Date.parse(late.data.dueDate)) / 864e5);
		const oic = demo.officers.find((o: {id: string}) => o.id === late.data.oicId);
		// Who signed it (QA 8 D4), and the sergeant was at work on the day it fell due (the demo's absence of DS Brennan starts 10 Dec).
		const signer = demo.officers.find((o: {id: string}) => o.id === late.data.reviewerId);
		// Dates as documents write them (issue 21 item 8): "24 Nov 2026".
		expect(section(md, '#### Late reviews')).toContain(
			`| ${late.data.caseRef} | ${oic.rank} ${oic.name} | ${docDate(late.data.dueDate)} | at work | ${docDate(late.data.date)} | ` +
				`${signer.rank} ${signer.name} | ${lateBy} day${lateBy === 1 ? '' : 's'} | ${late.seq} |`,
		);
		expect(md).toMatch(/\| DS Tom Brennan \(o0002\) \| \d+ \| \d+ \| \d+ \| \d+% \|/);
		// Bail return 02 Dec on DC Ashworth's case while he is off sick.
		expect(section(md, '#### Lapsed or lapsing bail')).toMatch(/CR\/87204\/26 \| DC Sam Ashworth/);
		// The MG3 "in progress" since 2024 and the action carried over nine reviews.
		expect(section(md, '#### Stalled actions')).toMatch(/CR\/32449\/23 \| DC Sam Ashworth/);
		// Devices waiting 182 and 130 days.
		const forensic = section(md, '#### Forensic waits of 120 days or more');
		expect(forensic).toMatch(/CR\/13093\/26 \| DC Ben Carter/);
		expect(forensic).toMatch(/CR\/62757\/26 \| DC Helen Marsh/);
		// Nine direct reports.
		expect(section(md, '#### Span of control')).toContain('DS Tom Brennan');
		// "Not now" twice in a row for DC Ashworth: escalated to the inspector.
		expect(section(md, '#### Unresolved performance triggers')).toContain('DC Sam Ashworth');
	});

	it("--format table: the exception report's figures per sergeant in one plain table (ink-table), equal to the JSON totals", () => {
		const {store} = demoCopy();
		const json = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'json']);
		const totals = JSON.parse(json.stdout).exceptions.sergeants[0].totals;
		// FORCE_COLOR: even where colour is possible the table is plain text (ink-table's own header is bold blue).
		const r = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'table'], {env: {FORCE_COLOR: '1'}});
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).not.toContain('\u001b');
		const lines = r.stdout.split('\n');
		expect(lines[1]).toBe(`Reviews 2026-11-03 to ${DEMO_TODAY}; open exceptions as of ${DEMO_TODAY}`);
		const table = lines.filter(l => /^[┌│├└]/.test(l));
		expect(table).toHaveLength(5);
		expect(new Set(table.map(l => l.length)).size).toBe(1);
		expect(table[1]!.split('│').map(c => c.trim())).toEqual([
			'',
			'Sergeant',
			'Reviews',
			'Late',
			'Missed',
			'Overdue now',
			'No cover',
			'Triggers',
			'',
		]);
		const cells = table[3]!.split('│').map(c => c.trim());
		expect(cells).toEqual([
			'',
			'DS Tom Brennan',
			...[totals.reviewsDone, totals.late, totals.notReviewed, totals.overdueNow, totals.noCover, totals.unresolvedTriggers].map(String),
			'',
		]);
		expect(r.stdout).toContain(`fortnight verify --head ${head}`);
	});

	it('--format html: one page for the last 13 weeks by default, the given period with --from/--to, through the export writer', () => {
		const {store, dir} = demoCopy();
		const file = path.join(dir, 'inspector.html');
		const r = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'html', '--out', file]);
		expect(r.code).toBe(0);
		// 409 rows in the regenerated demo (issue 22 item 6), where reviews are no longer spaced out by lateness.
		expect(r.stdout).toContain(`Wrote ${file}: 409 log rows from 2026-09-01 to 2026-11-30.`);
		expect(r.stdout).toContain(`fortnight verify --head ${head}`);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const html = readFileSync(file, 'utf8');
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(html).toContain('<title>Supervision report: POLIT: online child abuse investigation team, 2026-09-01 to 2026-11-30</title>');
		expect(html).toContain(`<code>fortnight verify --head ${head}</code>`);
		// The writer's rules hold: an existing file needs --force.
		const again = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'html', '--out', file]);
		expect(again.code).toBe(2);
		expect(again.stderr).toContain('--force');
		// A chosen period, to standard output (the page itself holds the chain head).
		const oct = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'html', '--from', '2026-10-01', '--to', '2026-10-31']);
		expect(oct.code).toBe(0);
		expect(oct.stdout).toContain('2026-10-01 to 2026-10-31</title>');
		expect(oct.stdout).toContain('(5 weeks, each ending on the period');
		// --to alone: the 13 weeks up to it.
		expect(runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'html', '--to', '2026-10-31']).stdout).toContain(
			'2026-08-02 to 2026-10-31</title>',
		);
	});

	it('has help with the JSON schema', () => {
		const r = runCli(['log', '--help']);
		expect(r.stdout).toContain('Usage: fortnight log');
		expect(r.stdout).toContain('"fortnight-log", version 5');
		expect(r.stdout).toContain('--format csv|json|md|table');
		expect(existsSync(path.join(ROOT, 'dist', 'commands', 'log.js'))).toBe(true);
	});

	it('totals count missed reviews of cases reviewed earlier in the period; overdue now matches the desk (QA P1-2)', () => {
		const {store} = demoCopy();
		const md = runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'md']);
		expect(md.code, md.stderr).toBe(0);
		// Figures of the regenerated demo (issue 22 item 6): its reviews are on the day the previous one set,
		// one in ten a few days late, where two in three were one or two days late before.
		expect(md.stdout).toContain('| DS Tom Brennan (o0002) | 134 | 128 | 114 | 85% | 14 | 6 | 6 | 1 |');
		expect(md.stdout).toContain('#### Reviews overdue now (6)');
		expect(section(md.stdout, '#### Reviews overdue now')).not.toContain('no cover named');
		expect(md.stdout).toContain('#### Reviews falling due with the supervisor away and nobody covering (1)');
		const json = JSON.parse(runCli(['log', '--store', store, '--today', DEMO_TODAY, '--format', 'json']).stdout) as {
			exceptions: {totals: Record<string, number>};
		};
		const totals = {reviewsDue: 134, reviewsDone: 128, notReviewed: 6, onTimePercent: 85, overdueNow: 6, noCover: 1};
		expect(json.exceptions.totals).toMatchObject(totals);
	});
});
