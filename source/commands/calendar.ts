/**
 * `fortnight calendar`: the handover window's dated items as an iCalendar file the cover imports into
 * a phone or Outlook (README, "fortnight calendar"). The same window, cover and dated items as
 * `fortnight handover`; never any welfare information, nor why anyone is away.
 */
import {addDays, daysBetween} from '../domain/dates.js';
import {buildHandover, handoverCovers} from '../domain/handover/build.js';
import {calendarDocument} from '../export/calendar-events.js';
import {lastReviewsAndHead} from '../domain/shown-entries.js';
import {renderCalendarIcs} from '../export/calendar-ics.js';
import {chainHead, formatHead} from '../store/index.js';
import {teamDocumentScope} from './read-scope.js';
import {out, type Command} from './command.js';
import {UsageError} from './context.js';
import {MAX_WINDOW_DAYS, resolveCover} from './handover.js';
import {nowInstant} from './now.js';
import {openForCommand} from './open-store.js';
import {dateFlag} from './resolve.js';
import {ALTERED_EXIT, refuseAlteredCopies} from './shown-entries.js';
import {checkOut, FORCE_FLAG, writeOut} from './write-out.js';

const HELP = `Usage: fortnight calendar [--from D] [--to D] [--cover NAME] [--out FILE.ics [--force]]

The handover window as a calendar for the cover's phone or Outlook: an iCalendar file (RFC 5545) with
one all-day event for each dated item: bail returns, bail period ends (with who must authorise the next
extension), reviews due, RUI suspect updates, victim updates, CPS decisions, court dates, forensic
results expected, and absences (who is away and who covers, never why). Each event's summary starts
with the case reference and the officer, short enough for a phone; the details are in its description.

Events keep the same UID from one file to the next (a review's event is "the review of that case",
whatever its date), so importing a newer file moves events instead of adding second copies.

Never in the calendar: welfare check-ins, welfare notes, performance action plans, or the reason for
an absence. Open actions stay in the handover (they fall due with their case's review). Like the
handover it is the supervisors' (README "Who may read what"): an officer is refused, exit 2; and like
it, each case's last signed review (its review dates come from it) and the chain head are checked
first: one altered since it was signed stops it with exit 1, naming the entry, nothing written.

Options
  --from D         first day of the window (default: --today)
  --to D           last day of the window (default: 13 days after --from, a 14-day window)
  --cover NAME     who covers, as in "fortnight handover" (named in the calendar's title)
  --cover-outside  --cover names someone outside the team, taken as written (a name that matches
                   no officer is refused without it, as in "fortnight handover")
  --out FILE.ics   write to FILE instead of standard output ("-" is standard output); a new file gets
                   mode 0600. Never the store, its welfare, drafts, lock or backup files (exit 2)
  --force          let --out replace an existing file (atomically, keeping its mode)

Examples
  fortnight calendar --out handover.ics
  fortnight calendar --from 2026-12-10 --to 2027-02-04 --cover "DC Helen Marsh" --out cover.ics`;

const command: Command = {
	name: 'calendar',
	summary: "the handover window's dated items as an iCalendar (.ics) file for the cover",
	help: HELP,
	takesWords: false,
	flags: {
		from: {type: 'string'},
		to: {type: 'string'},
		cover: {type: 'string'},
		coverOutside: {type: 'boolean', default: false},
		out: {type: 'string'},
		force: FORCE_FLAG,
	},
	async run(ctx, input, flags) {
		if (input.length > 0) throw new UsageError(`calendar takes no words, only options (got "${input[0]}").`);
		const from = dateFlag(flags['from'], '--from') ?? ctx.today;
		const to = dateFlag(flags['to'], '--to') ?? addDays(from, 13);
		if (to < from) throw new UsageError(`--to ${to} is before --from ${from}.`);
		if (daysBetween(from, to) + 1 > MAX_WINDOW_DAYS)
			throw new UsageError(
				`The window is ${daysBetween(from, to) + 1} days; the longest is ${MAX_WINDOW_DAYS}. Check the years in --from and --to.`,
			);
		const outFile = flags['out'] ? String(flags['out']) : null;
		const outOptions = {mode: 0o600, force: Boolean(flags['force'])};
		if (outFile) await checkOut(ctx, outFile, outOptions);

		const store = await openForCommand(ctx, {readOnly: true});
		const data = store.snapshot();
		// The team's document is the supervisors' (README "Who may read what"): an officer is refused, with who can.
		teamDocumentScope(ctx, data, 'calendar');
		const covers = handoverCovers(data, from, to, resolveCover(data, flags, {from, to}), ctx.today);
		// Welfare notes are never read for a calendar: the handover it is built from has none.
		const handover = buildHandover({
			data,
			from,
			to,
			today: ctx.today,
			generatedAt: nowInstant(ctx),
			chainHead: formatHead(chainHead(data.chain)),
			...covers,
			// The calendar takes the dated items only, never the header that names who prepared a handover.
			preparedBy: '',
		});
		// Its review dates come from each case's last signed review: re-checked as the handover re-checks them.
		if (await refuseAlteredCopies(ctx, data, lastReviewsAndHead(data.chain), 'The calendar was not written')) return ALTERED_EXIT;
		const doc = calendarDocument(handover);
		const text = renderCalendarIcs(doc);
		if (!outFile) {
			await out(ctx, text);
			return 0;
		}
		const written = await writeOut(ctx, outFile, text, outOptions);
		if (written.kind === 'stdout') return 0;
		ctx.stderr.write(`Wrote ${doc.events.length} event${doc.events.length === 1 ? '' : 's'} for ${from} to ${to} to ${written.file}.\n`);
		return 0;
	},
};
export default command;
