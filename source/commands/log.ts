import {buildLogDocument, chainHeadOf, headText, logRowsFor, resolvePeriod, sergeantIndex} from '../domain/review-log/index.js';
import {findProblems} from '../domain/rules/index.js';
import {triggerFor} from '../domain/rules/performance.js';
import {safeText} from '../domain/safe-text.js';
import {logCsv} from '../export/log-csv.js';
import {logJson} from '../export/log-json.js';
import {logMarkdown} from '../export/log-md.js';
import {readStoreFile} from '../store/index.js';
import {out, say, type Command} from './command.js';
import {UsageError} from './context.js';
import {ensureStore} from './open-store.js';
import {FORCE_FLAG, writeOut} from './write-out.js';

const FORMATS = ['csv', 'json', 'md', 'table'] as const;
type Format = (typeof FORMATS)[number];

const command: Command = {
	name: 'log',
	summary: "the inspector's review log (CSV) and exception report (Markdown, JSON)",
	help: `Usage: fortnight log [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json|md|table] [--out FILE [--force]] [--sergeant ID]

The signed reviews in a period, read from the store's hash chain, and the exceptions an inspector
must see: late reviews, cases not reviewed, reviews overdue now, unresolved performance triggers,
lapsed or lapsing bail, stalled actions, long forensic waits, span of control.

Options
  --from, --to    the period, inclusive (default: the 28 days up to --today)
  --format        csv (default): one row per signed review; amendments are rows of their own that
                  name the entry they amend (the signed review is never rewritten)
                  md: the exception report, per sergeant, exceptions first, totals after
                  json: rows and exception report together (schema below)
                  table: the report's figures per sergeant as one plain-text table (reviews
                  signed, late, missed, overdue now, unresolved triggers)
  --out FILE      write to FILE instead of standard output ("-" is standard output); a new file gets
                  mode 0600. Never the store, its welfare, drafts, lock or backup files (exit 2, even
                  through a link)
  --force         let --out replace an existing file (atomically, keeping its mode). A device or
                  pipe (/dev/null) is written into, never replaced.
  --sergeant ID   only that sergeant's team (officers they line-manage, and reviews they signed)

Every export gives the review chain head (sequence:hash); keep it, and later check that a copy of the
store still holds that entry unchanged with "fortnight verify --head SEQ:HASH". CSV keeps its output
pure CSV, so there the head is printed on standard error (or standard output with --out).

CSV: RFC 4180, UTF-8 with byte-order mark, every field quoted, CRLF; a cell starting with = + - @ tab,
CR or LF gets a leading ' so a spreadsheet does not run it as a formula. Welfare: only "yes/no" for a
check-in at the review, never what was said.

Review counts are for the period; open exceptions are as of --today.

JSON schema (format "fortnight-log", version 1):
  {format, version, team, today, period: {from, to}, sergeantId: string|null,
   chainHead: {seq, hash}|null,
   rows: [{kind: "review"|"amendment", seq, hash, date, caseRef, officerId, officer, reviewerId,
           reviewer, sergeantId, riskBefore, riskAfter, daysSincePrevious, dueDate, lateDays,
           actionsSet, actionsCompleted, actionsCarried, actionsDropped, triggerFired,
           triggerDecision, welfareCheckIn, nextReviewDue, amends, amendedBy: [seq],
           amendment: {reason, corrections: [{field, value}]}|null}],
   exceptions: {period, today, forensicDays, totals, sergeants: [{sergeantId, sergeant,
           lateReviews, notReviewed, overdueNow, noCover, unresolvedTriggers, bail, stalledActions,
           forensicWaits, spanOfControl, totals}]}}
  Review-only fields are null on amendment rows. totals: {reviewsDue, reviewsDone, onTime, late,
  onTimePercent, notReviewed, overdueNow, noCover, unresolvedTriggers, bail, stalledActions, forensicWaits,
  spanOfControl}.

Examples
  fortnight log --format md --out exceptions.md
  fortnight log --format table
  fortnight log --from 2026-11-01 --to 2026-11-30 --out november.csv
  fortnight verify --head 605:3fa2...`,
	flags: {
		from: {type: 'string'},
		to: {type: 'string'},
		format: {type: 'string', default: 'csv'},
		out: {type: 'string'},
		force: FORCE_FLAG,
		sergeant: {type: 'string'},
	},
	async run(ctx, input, flags) {
		if (input.length > 0) throw new UsageError(`log takes no arguments (got "${safeText(input[0]!)}"). See fortnight log --help.`);
		const format = String(flags['format'] ?? 'csv') as Format;
		if (!FORMATS.includes(format)) throw new UsageError(`--format must be csv, json, md or table (got "${safeText(format)}").`);
		const resolved = resolvePeriod(flags['from'] as string | undefined, flags['to'] as string | undefined, ctx.today);
		if (!resolved.ok) throw new UsageError(resolved.error);
		const outFile = flags['out'] as string | undefined;
		if (outFile === '') throw new UsageError('--out needs a file name.');

		await ensureStore(ctx);
		// Every review in the period: the whole chain, streamed from its file (store README, "The review chain file").
		const {data, warnings} = await readStoreFile(ctx.storePath, {chain: 'whole'});
		for (const warning of warnings) say(ctx, `${warning}\n`);
		const sergeantId = (flags['sergeant'] as string | undefined) ?? null;
		if (sergeantId !== null && !sergeantIndex(data).sergeants.some(s => s.id === sergeantId)) {
			throw new UsageError(`--sergeant ${safeText(sergeantId)} is not a sergeant in ${ctx.storePath}. Sergeants: ${sergeantIndex(data).sergeants.map(s => s.id).join(', ')}.`);
		}
		let text: string;
		let count: number;
		if (format === 'csv') {
			// The CSV is the rows alone: the rules engine is not needed, which keeps a big log fast.
			const rows = logRowsFor(data, resolved.period, sergeantId);
			text = logCsv(rows);
			count = rows.length;
		} else {
			const rules = {problems: findProblems(data, ctx.today), trigger: (id: string) => triggerFor(data, id, ctx.today)};
			const doc = buildLogDocument(data, {period: resolved.period, today: ctx.today, sergeantId}, rules);
			// The table is drawn with Ink (ink-table), loaded only for this format.
			if (format === 'table') text = (await import('../ui/log-summary/log-summary-table.js')).logSummaryTable(doc);
			else text = format === 'json' ? logJson(doc) : logMarkdown(doc);
			count = doc.rows.length;
		}
		const head = headText(chainHeadOf(data));
		const note = `Chain head ${head}: check a later copy of the store with "fortnight verify --head ${head}".\n`;

		if (outFile === undefined) {
			await out(ctx, text);
		} else if ((await writeOut(ctx, outFile, text, {mode: 0o600, force: Boolean(flags['force'])})).kind !== 'stdout') {
			await out(ctx, `Wrote ${outFile}: ${count} log row${count === 1 ? '' : 's'} from ${resolved.period.from} to ${resolved.period.to}.\n${note}`);
			return 0;
		}
		if (format === 'csv') say(ctx, note);
		return 0;
	},
};
export default command;
