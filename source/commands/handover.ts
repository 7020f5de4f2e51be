import {createInterface} from 'node:readline';
import {wrap} from '../export/text-width.js';
import {addDays, daysBetween, shortDate} from '../domain/dates.js';
import {buildHandover, handoverCovers, WELFARE_NOTE_LOOKBACK_DAYS, welfareNoteWindow, welfareNotesShown} from '../domain/handover/build.js';
import {HandoverSchema, WINDOW_KINDS} from '../domain/handover/schema.js';
import {coverAwayProblem} from '../domain/absences.js';
import {fullName} from '../domain/people.js';
import {safeText} from '../domain/safe-text.js';
import {lastReviewsAndHead} from '../domain/shown-entries.js';
import {readableWelfareNotes} from '../domain/permissions.js';
import type {StoreData} from '../domain/model.js';
import {renderHandoverJson} from '../export/handover-json.js';
import {renderHandoverMarkdown} from '../export/handover-md.js';
import {chainHead, formatHead, readWelfare, readWelfareWithheld, welfarePathFor} from '../store/index.js';
import {teamDocumentScope} from './read-scope.js';
import {out, say, type Command} from './command.js';
import {actorFor, RefusalError, UsageError, type Context} from './context.js';
import {nowInstant} from './now.js';
import {openForCommand} from './open-store.js';
import {coverFlag, dateFlag, officerFlag} from './resolve.js';
import {ALTERED_EXIT, refuseAlteredCopies} from './shown-entries.js';
import {checkOut, FORCE_FLAG, writeOut} from './write-out.js';

/** Longest window: a quarter covers any realistic absence; longer ones are usually a typo in a year. */
export const MAX_WINDOW_DAYS = 183;

const HELP = `Usage: fortnight handover [--from D] [--to D] [--cover NAME] [--format md|json] [--out FILE [--force]]
                          [--include-welfare [--yes]] [--prepared-by NAME] [--schema]

A written handover for whoever covers the team: everything dated in the window, the decisions that
cannot wait, and every officer's live cases with bail, reviews, actions and where the material is kept.
Someone who has never seen these cases should be able to run the team from it alone.
It is the supervisors' (README "Who may read what"): an officer, or a cover outside the days they
cover, is refused with exit 2 and who can.

Options
  --from D            first day of the window (default: --today)
  --to D              last day of the window (default: 13 days after --from, a 14-day window)
  --cover NAME        who covers: an officer's id, collar number or name, as in "absence add";
                      default the covers recorded for the sergeant's absences in the window, each
                      with their dates. A name that
                      matches no officer is refused (exit 2), with the near matches if any.
  --cover-outside     --cover names someone outside the team, taken as written ("DS Jane Roe, Team B")
                      and marked "(outside the team)" in the handover
  --prepared-by NAME  accepted only when it names you: the handover is prepared by the person at the
                      keyboard (--as, FORTNIGHT_USER or the login, as every command reads it); naming
                      someone else is refused (exit 2)
  --format md|json    Markdown (default) or JSON
  --out FILE          write to FILE instead of stdout ("-" is stdout); a new file gets mode 0600. Never
                      the store, its welfare, drafts, lock or backup files (exit 2, even through a link)
  --force             let --out replace an existing file (atomically, keeping its mode; always 0600 with
                      welfare notes). A device or pipe (/dev/null) is written into, never replaced.
  --include-welfare   add welfare notes from the last ${WELFARE_NOTE_LOOKBACK_DAYS} days (health information). Asks for
                      confirmation on a terminal; without one it refuses unless --yes is given. The
                      document is then marked OFFICIAL-SENSITIVE at top and bottom. Read as you (--as):
                      only the notes you may read go in (the officer's line manager on the note's date,
                      the cover named for that day, its author); none readable: refused, exit 2.
  --yes               confirm --include-welfare without asking
  --schema            print the JSON Schema of the --format json output and exit

Each case's last signed review it names, and the chain head, are checked first as "fortnight verify"
checks them, in the store and in its chain file: one altered since it was signed stops it with exit 1,
naming the entry, nothing written.

Sections: header (team, period, prepared by, cover, the team's inspector, generated at, review-chain
head); needs a decision now (critical and red problems with what to do, each due date given with its
distance from the window); not for the cover, goes to the inspector (what a cover may not do about
themselves or the cases they hold: reviews, their check-in, screening, tenure review, a performance
trigger, workload, bail); in your window, by date (a table per day: bail returns and period ends with
who must authorise an extension and by when, reviews, RUI suspect updates, victim updates, open actions,
forensic results expected, CPS and court dates, action-plan reviews, welfare check-ins, absences);
overdue (due before today and still outstanding); due before the window opens but not yet overdue;
reviews started and not signed (who started them, never what they say); by officer (availability,
caseload and workload %, performance action plan yes or no and its review date, welfare check-in due,
then a table of their live cases).

JSON output (schema "fortnight-handover/6"; "fortnight handover --schema" prints the full, strict JSON
Schema: no other keys, real calendar dates, generatedAt a UTC instant, chainHead "seq:sha256"|"empty"):
  {schema, marking: "OFFICIAL"|"OFFICIAL-SENSITIVE", team {id, name, unit, force}, period {from, to, days},
   today, preparedBy, cover {name, officerId|null}|null, covers [{name, officerId|null, from, to}],
   uncovered [{from, to, coverName, coverOfficerId, coverAwayWords}],
   inspector {name, officerId}|null, generatedAt,
   chainHead, includesWelfare, alreadyDue [WindowItem], dueBeforeWindow [WindowItem],
   reviewDrafts [{caseRef, officerId, officerName, startedById, startedByName, startedOn, lastSavedOn}],
   inWindow [WindowItem], decisions [Decision], coverOwnProblems [CoverOwnProblem],
   officers [{officerId, name, role, hoursPerWeek, absences [{id, from, to|null, reason, reasonWords,
     coverName, coverAway [{from, to|null, reasonWords}]}], liveCases, workloadPoints, workloadPercent,
     workloadExcessive, actionPlan {inPlace, reviewDate}, welfareCheckInDue, welfareNotes? [{date, byName, text}],
     cases [{ref, offence, risk, status, bail {suspect, returnDate, periodEnd, nextAuthority,
       nextAuthorityName, nextAuthorityBy, daysToReturn, lapsed}|null, rui {suspect, since,
       lastSuspectUpdate, nextUpdateDue}|null, lastReview {date, byId, byName}|null, nextReviewDue,
       openActions [{text, ownerId, ownerName, due, status}], materialLocations, lastUpdate,
       daysSinceUpdate, reviewDraft {startedById, startedByName, startedOn, lastSavedOn}|null}]}]}
  WindowItem: {date, kind, label, caseRef, officerId, officerName, detail, authority, authorityName,
    actBy, coverName, about, away, awayCover, recordId}; kind is one of:
${wrapWords(WINDOW_KINDS.join(', '), 96, '    ')}.
  Decision: {problemId, severity "critical"|"red", kind, caseRef, officerId, officerName, message, action,
    due, inspectorName, resolve [{way, label, desk {key, where}|null, command|null}]}; problemId is the id
    "fortnight problems --json" prints for the same problem.
  CoverOwnProblem: {problemId, severity, kind, caseRef, officerId, officerName, message, action, due,
    coverFrom, goesToName, goesToId, resolve}: a problem about a cover or a case they hold that they may
    not act on themselves (screening, tenure review, trigger, workload, bail), with who does it instead.
  Dates are YYYY-MM-DD; every string has control characters made visible.

Examples
  fortnight handover --from 2026-12-10 --to 2027-02-04 --cover "DS Jane Roe" --cover-outside --out handover.md
  fortnight handover --format json --out handover.json`;

/** Words wrapped to `width` columns, each line indented (the project's one wrap: export/text-width.ts). */
function wrapWords(text: string, width: number, indent: string): string {
	return wrap(text, width - indent.length)
		.map(l => indent + l)
		.join('\n');
}

const command: Command = {
	name: 'handover',
	summary: 'written handover for cover: dates in the window, decisions, every live case',
	help: HELP,
	flags: {
		from: {type: 'string'},
		to: {type: 'string'},
		cover: {type: 'string'},
		coverOutside: {type: 'boolean', default: false},
		preparedBy: {type: 'string'},
		format: {type: 'string', default: 'md'},
		out: {type: 'string'},
		force: FORCE_FLAG,
		includeWelfare: {type: 'boolean', default: false},
		yes: {type: 'boolean', default: false},
		schema: {type: 'boolean', default: false},
	},
	async run(ctx, input, flags) {
		if (input.length > 0) throw new UsageError(`handover takes no words, only options (got "${input[0]}").`);
		if (flags['schema']) {
			await out(ctx, JSON.stringify(HandoverSchema, null, 2) + '\n');
			return 0;
		}
		const format = String(flags['format']);
		if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json (got "${format}").`);
		const from = dateFlag(flags['from'], '--from') ?? ctx.today;
		const to = dateFlag(flags['to'], '--to') ?? addDays(from, 13);
		if (to < from) throw new UsageError(`--to ${to} is before --from ${from}.`);
		if (daysBetween(from, to) + 1 > MAX_WINDOW_DAYS)
			throw new UsageError(
				`The window is ${daysBetween(from, to) + 1} days; the longest is ${MAX_WINDOW_DAYS}. Check the years in --from and --to.`,
			);
		const generatedAt = nowInstant(ctx);
		const outFile = flags['out'] ? String(flags['out']) : null;
		const includeWelfare = Boolean(flags['includeWelfare']);
		const outOptions = {mode: 0o600, force: Boolean(flags['force']), sensitive: includeWelfare};
		// A refused --out is said before the welfare question, not after it.
		if (outFile) await checkOut(ctx, outFile, outOptions);
		if (includeWelfare && !flags['yes']) await confirmWelfare(ctx);

		const store = await openForCommand(ctx, {readOnly: true});
		const data = store.snapshot();
		// The team's document is the supervisors' (README "Who may read what"): an officer is refused, with who can.
		teamDocumentScope(ctx, data, 'handover');
		const covers = handoverCovers(data, from, to, resolveCover(data, flags, {from, to}), ctx.today);
		const preparedBy = preparerOf(ctx, data, flags['preparedBy'] as string | undefined);
		let welfareNotes = null;
		let withheld = 0;
		let countedElsewhere: {since: string; until: string} | undefined;
		if (includeWelfare) {
			// Health information is read as someone (README "Welfare notes"): only the notes the person at the
			// keyboard may read go in, and someone who may read none of them is refused, nothing written.
			const reader = actorFor(ctx, data).officer;
			const shown = welfareNotesShown((await readWelfare(welfarePathFor(store.file))).notes, ctx.today, to);
			// The PostgreSQL store hands over only the notes the login may read, and counts the others over its
			// own days (the server's today less 90, which no caller moves: REVIEW 8 D4); said when those are not
			// the handover's, so the count is not taken for the days shown.
			const hidden = await readWelfareWithheld(welfarePathFor(store.file), welfareNoteWindow(ctx.today, to));
			countedElsewhere = hidden.find(h => h.count > 0 && h.counted)?.counted;
			const readable = readableWelfareNotes(data, reader.id, shown, hidden, ctx.today);
			if (readable.refusal) throw new RefusalError(readable.refusal);
			welfareNotes = readable.notes;
			withheld = readable.withheld;
		}

		const handover = buildHandover({
			data,
			from,
			to,
			today: ctx.today,
			generatedAt,
			chainHead: formatHead(chainHead(data.chain)),
			...covers,
			preparedBy,
			welfareNotes,
		});
		// The signed entries it shows (each case's last review, and the head), re-checked as `verify` checks them,
		// in the state's copies and in the chain file.
		if (await refuseAlteredCopies(ctx, data, lastReviewsAndHead(data.chain), 'The handover was not written')) return ALTERED_EXIT;
		const text = format === 'json' ? renderHandoverJson(handover) : renderHandoverMarkdown(handover);
		if (withheld > 0) {
			const which = withheld === 1 ? '1 welfare note' : `${withheld} welfare notes`;
			say(
				ctx,
				`Left out ${which} you may not read (only the officer's line manager on its date, the cover named for that day, or its author).` +
					(countedElsewhere
						? ` The database counted the notes it keeps from you over its own window, ${shortDate(countedElsewhere.since)} to ${shortDate(countedElsewhere.until)} (the server's date, not --today).`
						: '') +
					'\n',
			);
		}
		if (!outFile) {
			await out(ctx, text);
			return 0;
		}
		// Welfare notes are health information: a replaced file gets 0600 too, never the mode it had.
		const written = await writeOut(ctx, outFile, text, outOptions);
		if (written.kind === 'stdout') return 0;
		const sensitive = includeWelfare ? ' (OFFICIAL-SENSITIVE: welfare notes; mode 0600)' : '';
		say(ctx, `Wrote the handover for ${from} to ${to} to ${written.file}${sensitive}.\n`);
		return 0;
	},
};
export default command;

/**
 * --cover as every command reads it (resolve.ts coverFlag); none given: the cover recorded for the window.
 * A team member away on any day of the window is refused, as "absence change --cover" refuses them, with
 * the same words (domain/absences.ts coverAwayProblem): the handover would name someone who is not there.
 */
export function resolveCover(
	data: Pick<StoreData, 'officers' | 'absences'>,
	flags: Record<string, unknown>,
	window: {from: string; to: string},
): {name: string; officerId: string | null} | null {
	if (flags['cover'] === undefined && !flags['coverOutside']) return null;
	const cover = coverFlag(data.officers, flags['cover'], {given: Boolean(flags['coverOutside']), allowed: true});
	if (cover.kind !== 'officer') return {name: cover.name, officerId: null};
	const away = coverAwayProblem(data, cover.officer.id, window, 'handover');
	if (away) throw new RefusalError(`${away} Nothing was written.`);
	return {name: fullName(cover.officer), officerId: cover.officer.id};
}

/**
 * Who prepared the handover: the person at the keyboard (DOMAIN "People and permissions"). --prepared-by
 * may only repeat it: naming someone else would put a record in their name.
 */
export function preparerOf(ctx: Context, data: StoreData, given: string | undefined): string {
	const actor = actorFor(ctx, data).officer;
	if (given !== undefined) {
		const named = officerFlag(data.officers, given, '--prepared-by');
		if (named.id !== actor.id)
			throw new UsageError(
				`--prepared-by names ${safeText(fullName(named))}, but you are ${safeText(fullName(actor))}: a handover is prepared by the person at the keyboard. ` +
					`Leave --prepared-by out, or run it as them (--as).`,
			);
	}
	return fullName(actor);
}

/** Welfare notes are health information: a person at a terminal must say yes; a script must pass --yes. */
async function confirmWelfare(ctx: Context): Promise<void> {
	if (!ctx.stdin.isTTY) {
		throw new UsageError("--include-welfare adds officers' health information; with no terminal to confirm on, add --yes to confirm.");
	}
	const rl = createInterface({input: ctx.stdin, output: ctx.stderr});
	const answer = await new Promise<string>(resolve =>
		rl.question(
			'This handover will include welfare notes (health information) and be marked OFFICIAL-SENSITIVE. Include them? Type yes: ',
			resolve,
		),
	);
	rl.close();
	if (answer.trim().toLowerCase() !== 'yes') throw new UsageError('Welfare notes not confirmed; nothing was written.');
}
