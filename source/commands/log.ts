import {
	buildLogDocument,
	chainHeadOf,
	DEFAULT_PERIOD_DAYS,
	headText,
	logRowsFor,
	resolvePeriod,
	sergeantIndex,
} from '../domain/review-log/index.js';
import {buildSupervisionTrends, TREND_DAYS} from '../domain/supervision-trends/index.js';
import type {StoreData} from '../domain/model.js';
import type {LogRow} from '../domain/review-log/rows.js';
import {listOfficers} from '../domain/officer-match.js';
import {findProblems, REPORT_RULES} from '../domain/rules/index.js';
import {triggerFor} from '../domain/rules/performance.js';
import {ruleContext} from '../domain/rules/context.js';
import {safeText} from '../domain/safe-text.js';
import {logReportEntries, rowEntrySeqs, seqsAndHead} from '../domain/shown-entries.js';
import {logCsv} from '../export/log-csv.js';
import {logHtml} from '../export/log-html.js';
import {logJson, LogJsonSchema} from '../export/log-json.js';
import {logMarkdown} from '../export/log-md.js';
import {readForReader, teamDocumentScope} from './read-scope.js';
import {out, say, type Command} from './command.js';
import {UsageError} from './context.js';
import {ensureStore} from './open-store.js';
import {officerFlag} from './resolve.js';
import {ALTERED_EXIT, refuseAlteredEntries} from './shown-entries.js';
import {FORCE_FLAG, writeOut} from './write-out.js';

const FORMATS = ['csv', 'json', 'md', 'table', 'html'] as const;
type Format = (typeof FORMATS)[number];

const command: Command = {
	name: 'log',
	summary: "the inspector's review log (CSV), exception report (Markdown, JSON) and weekly charts (HTML)",
	help: `Usage: fortnight log [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json|md|table|html] [--out FILE [--force]]
                     [--sergeant OFFICER]
       fortnight log --schema

The signed reviews in a period, read from the store's hash chain, and the exceptions an inspector
must see: late reviews, cases not reviewed, reviews overdue now, unresolved performance triggers,
lapsed or lapsing bail, stalled actions, long forensic waits, span of control.
It is the supervisors' (README "Who may read what"): an officer, or a cover outside the days they
cover, is refused with exit 2 and who can.

Options
  --from, --to    the period, inclusive (default: the 28 days up to --today; for html the 13 weeks);
                  --from alone runs to --today, so a --from after --today needs a --to
  --format        csv (default): one row per signed review; amendments are rows of their own that
                  name the entry they amend (the signed review is never rewritten)
                  md: the exception report, per sergeant, exceptions first, totals after;
                  each section starts with the sergeant's absences in the period and who
                  covered which days (or nobody); late reviews name who signed them
                  json: rows and exception report together (schema below)
                  table: the report's figures per sergeant as one plain-text table (reviews
                  signed, late, missed, overdue now, unresolved triggers), then each
                  sergeant's absences with their covers and late reviews with who signed them
                  html: one self-contained page for a browser or a printer: per sergeant, weekly
                  charts of reviews (on time, late, missed, overdue at each week's end), performance
                  triggers and bail, with every figure in a table and in words; the exception
                  report's tables; the chain head and how to check it. No script, no link, nothing
                  loaded from anywhere (a Content-Security-Policy forbids it); A4 when printed
  --out FILE      write to FILE instead of standard output ("-" is standard output); a new file gets
                  mode 0600. Never the store, its welfare, drafts, lock or backup files (exit 2, even
                  through a link)
  --force         let --out replace an existing file (atomically, keeping its mode). A device or
                  pipe (/dev/null) is written into, never replaced.
  --sergeant OFFICER
                  only that sergeant's team (officers they line-manage, and reviews they signed);
                  an id, collar number or name, as everywhere ("DS Brennan", o0002)
  --schema        print the strict JSON Schema of --format json and exit

Every export gives the review chain head (sequence:hash); keep it, and later check that a copy of the
store still holds that entry unchanged with "fortnight verify --head SEQ:HASH". CSV keeps its output
pure CSV, so there the head is printed on standard error (or standard output with --out).

CSV: RFC 4180, UTF-8 with byte-order mark, every field quoted, CRLF; a cell starting with = + - @ tab,
CR or LF gets a leading ' so a spreadsheet does not run it as a formula. Welfare: only "yes/no" for a
check-in at the review, never what was said.

Review counts are for the period; open exceptions are as of --today.

Every entry printed or read (each row, what it amends or is amended by, and the head) is checked
against its hash and, once keys are enrolled, its signature, as "fortnight verify" checks it, and so is
every entry the exception report reads in every format but CSV (the whole team's reviews in the period,
each performance decision, each case's last review and its last by the period's end) and, for html,
what the charts read (each case's last review before the period; every review of an officer whose
reviews record a trigger): one altered since it was signed stops the export with exit 1, naming the
entry, and nothing is written (not even with --out).

JSON schema (format "fortnight-log", version 5; "fortnight log --schema" prints it in full):
  {format, version, team, today, period: {from, to}, sergeantId: string|null,
   chainHead: {seq, hash}|null,
   rows: [{kind: "review"|"amendment", seq, hash, date, caseRef, officerId, officer, reviewerId,
           reviewer, sergeantId, riskBefore, riskAfter, daysSincePrevious, dueDate, lateDays,
           actionsSet, actionsCompleted, actionsCarried, actionsDropped, triggerFired,
           triggerDecision, welfareCheckIn, nextReviewDue, amends, amendedBy: [seq],
           amendment: {reason, corrections: [{field, value}]}|null,
           signedById, signedBy (who signed it with their key; null: made before signatures)}],
   exceptions: {period, today, forensicDays, totals, sergeants: [{sergeantId, sergeant,
           absences, lateReviews, notReviewed, overdueNow, noCover, unresolvedTriggers, bail,
           stalledActions, forensicWaits, spanOfControl, totals}]}}
  absences: the sergeant's absences in the period [{absenceId, from, to, reason (category only),
  covers: [{from, to, coverId, cover}] (null: nobody covered those days)}]. lateReviews items
  {caseRef, officerId, officer, dueDate, date, lateDays, seq, reviewerId, reviewer, dueWhileAway};
  notReviewed items {caseRef, officerId, officer, dueDate, lastReview, dueWhileAway}; dueWhileAway:
  null when the sergeant was at work the day it fell due, else {coverId, cover} of that day.
  Each exception list holds items {kind, severity, caseRef, officerId, officer, message, since, due,
  resolved}; resolved is null except for bail that lapsed in the period and was resolved since:
  {event, on, byId, by, unattendedDays}.
  Review-only fields are null on amendment rows. totals: {reviewsDue, reviewsDone, onTime, late,
  onTimePercent, notReviewed, overdueNow, noCover, unresolvedTriggers, bail, stalledActions, forensicWaits,
  spanOfControl}.

Examples
  fortnight log --format md --out exceptions.md
  fortnight log --format table
  fortnight log --format html --out inspector.html
  fortnight log --from 2026-11-01 --to 2026-11-30 --out november.csv
  fortnight verify --head 605:3fa2...`,
	flags: {
		from: {type: 'string'},
		to: {type: 'string'},
		format: {type: 'string', default: 'csv'},
		out: {type: 'string'},
		force: FORCE_FLAG,
		sergeant: {type: 'string'},
		schema: {type: 'boolean', default: false},
	},
	async run(ctx, input, flags) {
		if (input.length > 0) throw new UsageError(`log takes no arguments (got "${safeText(input[0]!)}"). See fortnight log --help.`);
		if (flags['schema']) {
			await out(ctx, JSON.stringify(LogJsonSchema, null, 2) + '\n');
			return 0;
		}
		const format = String(flags['format'] ?? 'csv') as Format;
		if (!FORMATS.includes(format)) throw new UsageError(`--format must be csv, json, md, table or html (got "${safeText(format)}").`);
		// The HTML report draws trends, which need more than the log's 28 days: a quarter by default.
		const resolved = resolvePeriod(
			flags['from'] as string | undefined,
			flags['to'] as string | undefined,
			ctx.today,
			format === 'html' ? TREND_DAYS : DEFAULT_PERIOD_DAYS,
		);
		if (!resolved.ok) throw new UsageError(resolved.error);
		const outFile = flags['out'] as string | undefined;
		if (outFile === '') throw new UsageError('--out needs a file name.');

		await ensureStore(ctx);
		// Every review in the period: the whole chain, streamed from its file (store README, "The review chain file").
		const {data, warnings} = await readForReader(ctx, {chain: 'whole'});
		for (const warning of warnings) say(ctx, `${warning}\n`);
		// The team's document is the supervisors' (README "Who may read what"): an officer is refused, with who can.
		teamDocumentScope(ctx, data, 'log');
		const sergeantId = flags['sergeant'] === undefined ? null : sergeantFlag(data, String(flags['sergeant']), ctx.storePath);
		let text: string;
		let count: number;
		/** The rows the export prints. */
		let printed: readonly LogRow[];
		if (format === 'csv') {
			// The CSV is the rows alone: the rules engine is not needed, which keeps a big log fast.
			const rows = logRowsFor(data, resolved.period, sergeantId);
			text = logCsv(rows);
			count = rows.length;
			printed = rows;
		} else {
			// Each officer's trigger is asked for by the report and again by the trends: worked out once.
			const triggers = new Map<string, ReturnType<typeof triggerFor>>();
			const trigger = (id: string) => {
				let t = triggers.get(id);
				if (!t) triggers.set(id, (t = triggerFor(data, id, ctx.today)));
				return t;
			};
			// The rules' context indexes the reviews by case once; the report and the trends read that index.
			const {reviewsByCase} = ruleContext(data, ctx.today);
			const rules = {problems: findProblems(data, ctx.today, REPORT_RULES), trigger, reviewsByCase};
			const doc = buildLogDocument(data, {period: resolved.period, today: ctx.today, sergeantId}, rules);
			// The table is drawn with Ink (ink-table), loaded only for this format.
			if (format === 'table') text = (await import('../ui/log-summary/log-summary-table.js')).logSummaryTable(doc);
			else if (format === 'html') {
				// The whole team's rows feed the trends (a sergeant's section is cut from them, as in the report).
				const rows = sergeantId === null ? doc.rows : undefined;
				const trends = buildSupervisionTrends(data, {
					period: resolved.period,
					today: ctx.today,
					trigger: rules.trigger,
					rows,
					reviewsByCase,
				});
				text = logHtml({doc, trends, checkInDays: data.settings.welfareCheckInDays});
			} else text = format === 'json' ? logJson(doc) : logMarkdown(doc);
			count = doc.rows.length;
			printed = doc.rows;
		}
		// Each entry the export prints or reads re-checked as `verify` checks it; one altered since signing:
		// nothing is written. The CSV reads its rows (and the amendments they name); the report formats also
		// what the report reads, and the HTML every review its trends count (domain/shown-entries.ts).
		const shows =
			format === 'csv'
				? seqsAndHead(data.chain, rowEntrySeqs(printed))
				: logReportEntries(data.chain, {period: resolved.period, today: ctx.today, trends: format === 'html'});
		if (refuseAlteredEntries(ctx, data, data.chain, shows, 'The review log was not written')) return ALTERED_EXIT;
		const headWords = headText(chainHeadOf(data));
		const note = `Chain head ${headWords}: check a later copy of the store with "fortnight verify --head ${headWords}".\n`;

		if (outFile === undefined) {
			await out(ctx, text);
		} else if ((await writeOut(ctx, outFile, text, {mode: 0o600, force: Boolean(flags['force'])})).kind !== 'stdout') {
			await out(
				ctx,
				`Wrote ${outFile}: ${count} log row${count === 1 ? '' : 's'} from ${resolved.period.from} to ${resolved.period.to}.\n${note}`,
			);
			return 0;
		}
		if (format === 'csv') say(ctx, note);
		return 0;
	},
};
export default command;

/** --sergeant as any officer is named (id, collar number or name), then checked to be one of the log's sergeants. */
function sergeantFlag(data: StoreData, query: string, storePath: string): string {
	const sergeants = sergeantIndex(data).sergeants;
	const officer = officerFlag(data.officers, query, '--sergeant');
	if (sergeants.some(s => s.id === officer.id)) return officer.id;
	const who = safeText(listOfficers([officer]));
	const list = safeText(listOfficers(sergeants));
	throw new UsageError(`--sergeant "${safeText(query)}" is ${who}, not a sergeant in ${storePath}. Sergeants: ${list}.`);
}
