import {
	AbsenceError,
	addAbsence,
	cancelAbsence,
	changeAbsence,
	coverLeftWithout,
	endAbsence,
	recordedOnFor,
	START_CORRECTION,
	type AbsenceChange,
} from '../domain/absences.js';
import {absenceIdOf, absenceParts, byAbsenceThenPart, wholeSpan, type CoverDays} from '../domain/absence-cover.js';
import {actionsStrandedBy} from '../domain/action-owners.js';
import {shortDate, type IsoDate} from '../domain/dates.js';
import {type AbsenceReason, type StoreData} from '../domain/model.js';
import {parseAbsenceReason, REASON_FLAG_WORDS, REASON_WORDS} from '../domain/absence-words.js';
import {ABSENCE_WORDS, fullName} from '../domain/people.js';
import {mayActOnAbsence, mayChangeAbsence, type AbsenceAct, type AbsenceSides} from '../domain/permissions.js';
import {mayReadOfficer} from '../domain/read-scope.js';
import {escapeJsonText, safeText} from '../domain/safe-text.js';
import {out, say, type Command} from './command.js';
import {readForReader, readScopeFor} from './read-scope.js';
import {actorFor, storeExists, RefusalError, UsageError, type Context} from './context.js';
import {nowInstant} from './now.js';
import {openForCommand} from './open-store.js';
import {recordSigning} from './record-signing.js';
import {coverFlag, dateFlag, officerFlag} from './resolve.js';
import {typedId} from './typed-id.js';

const HELP = `Usage
  fortnight absence add OFFICER --from D [--to D] --reason R [--cover NAME] [--as YOU]
  fortnight absence list [--all] [--json]
  fortnight absence end ID [--to D]
  fortnight absence change ID [--from D] [--to D] [--cover NAME | --no-cover] [--reason R]
  fortnight absence change ID --cover NAME [--from D] [--to D]
  fortnight absence cancel ID

Records who is away, so reviews, bail dates and the handover know who is covering. An absence holds a
reason category only (${REASON_FLAG_WORDS.join(', ')}): never a diagnosis or any other health detail.
Sergeants' absences matter most: reviews due while the sergeant is away with nobody covering are
critical problems.

OFFICER, NAME: an id (o0003), collar number, "DC Ashworth", "Sam Ashworth" or a surname only one
officer has. Dates: YYYY-MM-DD or DD/MM/YYYY.

add     --from D      first day away
        --to D        last day away (leave out while there is no return date)
        --reason R    one of ${REASON_FLAG_WORDS.join(', ')} (the desk form's words)
        --cover NAME  the officer covering their duties (for a sergeant: their reviews): an officer
                      of this team, matched as OFFICER; a name that matches nobody is refused, as
                      in "handover --cover" (only a handover takes someone outside the team)
        --as YOU      who is recording it: you (global; or FORTNIGHT_USER, or your mapped login)
list    current and future absences, soonest first; --all includes past ones; --json for scripts
        (an officer lists their own: README "Who may read what")
end ID  sets the last day away (default --today); ID as shown by "absence list". An absence that
        has not started is cancelled or changed, not ended: "end" says so.
change ID   moves its dates, names or changes the cover (--no-cover: nobody), or its reason, with the
        same checks as add. With --cover (or --no-cover), --from/--to are the days that cover
        covers, not the absence's: "--cover Carter --from 2026-12-20 --to 2026-12-27" names Carter
        for those days only. Once an absence has started, a new cover takes effect from today (or a
        later --from): the days before keep the cover they had, so who covered them stays on record.
        A cover who has already acted as cover today (a review, check-in, move...) keeps today too:
        the new one starts tomorrow, and a --from of today is refused naming those records.
        Without --cover, --from on an absence that has started corrects its first day (to a day up
        to today, and says so); a later day is refused, naming the flag that does what was meant.
        An absence with more than one cover is kept in parts (ab0005 "part of ab0002"), each listed;
        end acts on the whole absence (any part's id), cancel takes the first part's id,
        change --from/--to/--reason the whole absence (its first and last day), change --cover any of its days.
cancel ID   removes an absence that has not started yet; one that has started is ended instead

Who may (README "Who may change absences and cover"): whoever supervises the absent officer that day
(their sergeant, the cover named for the sergeant's absence on its days, the inspector); a sergeant
or inspector may record their own absence and name its cover, as may the person above them. Nobody
names themselves as a cover, and the named cover of a supervisor's absence cannot change, end or
cancel it. An officer (DC) does none of these. A refusal says who can, with exit 2.

Overlapping absences for the same officer, a last day before the first, an unknown officer, an
impossible date, a cover who is away on any day of the absence, a change that changes nothing and
cancelling an absence that has started are refused with exit 2 and the store is left unchanged.
Recording an officer away who covers someone else's absence is saved, with
a warning to name another cover for those days.

Examples
  fortnight absence add "DC Ashworth" --from 2026-11-28 --reason sick --cover "DC Marsh"
  fortnight absence add o0002 --from 2026-12-10 --to 2027-02-04 --reason annual-leave --cover "DC Marsh" --as "DI Okafor"
  fortnight absence end ab0003 --to 2026-12-04
  fortnight absence change ab0003 --cover "DC Marsh"
  fortnight absence cancel ab0004`;

const command: Command = {
	name: 'absence',
	summary: 'record, list, change, cancel and end absences (who is away and who covers)',
	help: HELP,
	flags: {
		from: {type: 'string'},
		to: {type: 'string'},
		reason: {type: 'string'},
		cover: {type: 'string'},
		coverOutside: {type: 'boolean', default: false},
		by: {type: 'string'},
		all: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
	},
	async run(ctx, input, flags) {
		const [action, ...args] = input;
		if (action === 'list') return list(ctx, flags);
		if (action === 'add') return add(ctx, args, flags);
		// The absence id, read by the one rule for typed ids (typed-id.ts); a wrong count is said by each action.
		const ids = args.length === 1 ? [typedId(args[0]!, 'The absence id')] : args;
		if (action === 'end') return end(ctx, ids, flags);
		if (action === 'change') return change(ctx, ids, flags);
		if (action === 'cancel') return cancel(ctx, ids);
		throw new UsageError(
			action
				? `Unknown absence action "${action}": use add, list, change, cancel or end.`
				: 'Say what to do: fortnight absence add|list|change|cancel|end.',
		);
	},
};
export default command;

async function load(ctx: Context): Promise<StoreData> {
	if (ctx.defaultStore && !storeExists(ctx)) return (await openForCommand(ctx, {readOnly: true})).snapshot();
	return (await readForReader(ctx)).data;
}

async function list(ctx: Context, flags: Record<string, unknown>): Promise<number> {
	const data = await load(ctx);
	// Why a colleague is away is their personal data (README "Who may read what"): an officer lists their own absences.
	const scope = readScopeFor(ctx, data);
	const officers = new Map(data.officers.map(o => [o.id, o]));
	const shown = data.absences
		.filter(a => mayReadOfficer(scope, a.officerId))
		// An absence kept in parts is listed whole while any of it is current: its parts gone by say who covered them.
		.filter(a => {
			const to = wholeSpan(data.absences, a).to;
			return flags['all'] || to === null || to >= ctx.today;
		})
		.slice()
		// One absence's parts together, in order (QA 7 R10), by the day the absence began.
		.sort(byAbsenceThenPart(data.absences));
	if (flags['json']) {
		const name = (id: string | null) => (id ? safeText(fullName(officers.get(id))) : null);
		const json = JSON.stringify(
			shown.map(a => ({...a, officerName: name(a.officerId), coverName: name(a.coverOfficerId)})),
			null,
			2,
		);
		await out(ctx, escapeJsonText(json) + '\n');
		return 0;
	}
	if (shown.length === 0) {
		await out(ctx, flags['all'] ? 'No absences recorded.\n' : `No current or future absences on ${ctx.today} (--all shows past ones).\n`);
		return 0;
	}
	const rows = shown.map(a => {
		// A one-day absence is its day, not "28 Mar to 28 Mar" (QA 6 R12).
		const span =
			a.to === a.from
				? shortDate(a.from, ctx.today)
				: `${shortDate(a.from, ctx.today)} to ${a.to ? shortDate(a.to, ctx.today) : 'no end date'}`;
		const now = a.from <= ctx.today && (a.to === null || a.to >= ctx.today) ? ' (now)' : '';
		const cover = a.coverOfficerId ? fullName(officers.get(a.coverOfficerId)) : 'NO COVER';
		// A part of an absence whose cover changed says which absence it continues (README "Absences").
		const part = a.partOf ? ` (part of ${a.partOf})` : '';
		return `${a.id}${part}  ${safeText(fullName(officers.get(a.officerId)))}  ${REASON_WORDS[a.reason]}  ${span}${now}  cover: ${safeText(cover)}`;
	});
	await out(ctx, rows.join('\n') + '\n');
	return 0;
}

function reasonFlag(value: unknown): AbsenceReason {
	if (value === undefined || value === '') throw new UsageError(`--reason is required: one of ${REASON_FLAG_WORDS.join(', ')}.`);
	const r = parseAbsenceReason(String(value));
	// What was typed is not repeated: a diagnosis typed here by mistake ("broken leg") would go to stderr and
	// any script's log, and an absence's reason is a category only (README "Absences"; QA 6 R15).
	if (!r)
		throw new UsageError(
			`--reason must be one of ${REASON_FLAG_WORDS.join(', ')}: a category only, never health detail ` +
				'(what was typed is not repeated here). Nothing was saved.',
		);
	return r;
}

async function add(ctx: Context, args: string[], flags: Record<string, unknown>): Promise<number> {
	if (args.length !== 1)
		throw new UsageError('Name one officer: fortnight absence add OFFICER --from D --reason R (quote names with spaces).');
	const from = dateFlag(flags['from'], '--from');
	if (!from) throw new UsageError('--from D (the first day away) is required.');
	const to = dateFlag(flags['to'], '--to') ?? null;
	const reason = reasonFlag(flags['reason']);
	const recordedAt = nowInstant(ctx);
	const store = await openForCommand(ctx);
	const data = store.snapshot();
	const officer = officerFlag(data.officers, args[0]!, 'OFFICER');
	// --cover read as every command reads it (resolve.ts coverFlag): an officer of the team, never free text.
	// --cover-outside is refused with the reason (an absence's cover acts in fortnight), not as an unknown option.
	const given = Boolean(flags['coverOutside']);
	const named = flags['cover'] === undefined && !given ? null : coverFlag(data.officers, flags['cover'], {given, allowed: false});
	const cover = named?.kind === 'officer' ? named.officer : null;
	// Recorded as the person at the keyboard (README, "Who you are"), never as someone named on the line.
	if (flags['by'] !== undefined)
		throw new UsageError('--by is no longer taken: an absence is recorded as you. Say who you are with --as NAME (or FORTNIGHT_USER).');
	const by = actorFor(ctx, data).officer;
	const sides = {officerId: officer.id, coverOfficerId: cover?.id ?? null};
	allowed(data, by.id, 'add', null, sides, ctx.today);
	// Signed by its author once keys are enrolled (README, "Signed records").
	const signing = await recordSigning(ctx, data, by.id);
	let id = '';
	let warnings: string[] = [];
	try {
		await store.apply(current => {
			allowed(current, by.id, 'add', null, sides, ctx.today);
			warnings = coverLeftWithout(current, officer.id, {from, to});
			const result = addAbsence(current, {
				officerId: officer.id,
				from,
				to,
				reason,
				coverOfficerId: cover?.id ?? null,
				recordedBy: by.id,
				recordedAt,
				...recordedOnFor(ctx.today, recordedAt),
			});
			id = result.id;
			const stranded = actionsStrandedBy(result.data, {officerId: officer.id, from, to, coverOfficerId: cover?.id ?? null}, ctx.today);
			if (stranded) warnings.push(stranded);
			return signing.sign(current, result.data);
		});
	} catch (err) {
		if (err instanceof AbsenceError) throw new RefusalError(`${err.message} Nothing was saved.`);
		throw err;
	}
	say(
		ctx,
		`Recorded ${id}: ${safeText(fullName(officer))} ${awayWords({from, to, reason}, ctx.today)}; cover: ` +
			`${cover ? safeText(fullName(cover)) : 'nobody named'}.\n`,
	);
	for (const w of warnings) say(ctx, `Warning: ${safeText(w)}\n`);
	return 0;
}

async function end(ctx: Context, args: string[], flags: Record<string, unknown>): Promise<number> {
	if (args.length !== 1)
		throw new UsageError('Give one absence id: fortnight absence end ID [--to D] ("fortnight absence list" shows ids).');
	const last = dateFlag(flags['to'], '--to') ?? ctx.today;
	const store = await openForCommand(ctx);
	const by = actorFor(ctx, store.snapshot()).officer.id;
	recorded(store.snapshot(), by, 'end', args[0]!, ctx.today);
	// Recorded and signed as the person at the keyboard (README, "Who you are", "Signed records").
	const signing = await recordSigning(ctx, store.snapshot(), by);
	// Said by the absence's first part's id, whichever part was typed (absence-cover.ts absenceIdOf).
	let absence = args[0]!;
	try {
		await store.apply(current => {
			recorded(current, by, 'end', args[0]!, ctx.today);
			absence = absenceIdOf(current.absences, args[0]!);
			return signing.sign(current, endAbsence(current, args[0]!, last, ctx.today));
		});
	} catch (err) {
		if (err instanceof AbsenceError) throw new RefusalError(`${err.message} Nothing was saved.`);
		throw err;
	}
	say(ctx, `Ended ${safeText(absence)}: last day away ${shortDate(last, ctx.today)}.\n`);
	return 0;
}

async function change(ctx: Context, args: string[], flags: Record<string, unknown>): Promise<number> {
	if (args.length !== 1) {
		throw new UsageError('Give one absence id: fortnight absence change ID [--from D] [--to D] [--cover NAME | --no-cover] [--reason R].');
	}
	const wanted: AbsenceChange = {};
	const from = dateFlag(flags['from'], '--from');
	const to = dateFlag(flags['to'], '--to');
	const store = await openForCommand(ctx);
	const data = store.snapshot();
	// --no-cover arrives as cover: false.
	if (flags['cover'] === false) wanted.coverOfficerId = null;
	else if (flags['cover'] !== undefined || flags['coverOutside']) {
		// The same reading as absence add and handover (resolve.ts coverFlag): an officer of the team only.
		const named = coverFlag(data.officers, flags['cover'], {given: Boolean(flags['coverOutside']), allowed: false});
		if (named.kind === 'officer') wanted.coverOfficerId = named.officer.id;
	}
	// With a cover, --from/--to are the days that cover covers (README "Absences"); without, the absence's own days.
	const coverDays: CoverDays | undefined =
		wanted.coverOfficerId !== undefined && (from || to) ? {...(from ? {from} : {}), ...(to ? {to} : {})} : undefined;
	if (!coverDays) {
		if (from) wanted.from = from;
		if (to) wanted.to = to;
	}
	if (flags['reason'] !== undefined) wanted.reason = reasonFlag(flags['reason']);
	if (Object.keys(wanted).length === 0) {
		throw new UsageError('Say what to change: --from D, --to D, --cover NAME or --no-cover, --reason R.');
	}
	const id = args[0]!;
	const by = actorFor(ctx, data).officer.id;
	recorded(data, by, 'change', id, ctx.today, wanted.coverOfficerId);
	// Recorded and signed as the person at the keyboard (README, "Who you are", "Signed records").
	const signing = await recordSigning(ctx, data, by);
	let changes: string[] = [];
	let warnings: string[] = [];
	// Said by the absence's first part's id, whichever part was typed: the part typed may be gone after
	// the change, and the part changed may be another (absence-cover.ts absenceIdOf; QA 7 R5, R16).
	let absence = id;
	const at = nowInstant(ctx);
	const recording = {by, at, ...recordedOnFor(ctx.today, at)};
	try {
		await store.apply(current => {
			recorded(current, by, 'change', id, ctx.today, wanted.coverOfficerId);
			const result = changeAbsence(current, id, wanted, ctx.today, {recording, ...(coverDays ? {days: coverDays} : {})});
			// The absence whole, from its first part, not the part `id` names (absence-cover.ts): a cover changed
			// for some days leaves that part ending before the days that changed, or joins it into the one before.
			const named = current.absences.find(a => a.id === id)!;
			absence = named.partOf ?? named.id;
			const parts = absenceParts(result.data.absences, named.partOf ?? named.id);
			const first = parts[0]!;
			warnings = coverLeftWithout(current, first.officerId, {from: first.from, to: parts.at(-1)!.to});
			const stranded = actionsStrandedBy(result.data, first, ctx.today);
			if (stranded) warnings.push(stranded);
			changes = result.changes;
			return signing.sign(current, result.data);
		});
	} catch (err) {
		if (err instanceof AbsenceError) throw new RefusalError(`${err.message} Nothing was saved.`);
		throw err;
	}
	// A first day corrected says how a cover from a day is named instead, in this command's flags.
	const said = changes.map(c =>
		c.endsWith(`(${START_CORRECTION})`) ? `${c.slice(0, -1)}; a cover from a day is --cover NAME --from D)` : c,
	);
	ctx.stderr.write(`Changed ${safeText(absence)}: ${safeText(said.join('; '))}.\n`);
	for (const w of warnings) ctx.stderr.write(`Warning: ${safeText(w)}\n`);
	return 0;
}

async function cancel(ctx: Context, args: string[]): Promise<number> {
	if (args.length !== 1) throw new UsageError('Give one absence id: fortnight absence cancel ID ("fortnight absence list" shows ids).');
	const store = await openForCommand(ctx);
	const by = actorFor(ctx, store.snapshot()).officer.id;
	recorded(store.snapshot(), by, 'cancel', args[0]!, ctx.today);
	// Recorded and signed as the person at the keyboard (README, "Who you are", "Signed records").
	const signing = await recordSigning(ctx, store.snapshot(), by);
	let words = '';
	try {
		await store.apply(current => {
			recorded(current, by, 'cancel', args[0]!, ctx.today);
			const result = cancelAbsence(current, args[0]!, ctx.today);
			const a = result.cancelled;
			const who = safeText(fullName(current.officers.find(o => o.id === a.officerId)));
			words = `${who} ${awayWords(a, ctx.today)}`;
			return signing.sign(current, result.data);
		});
	} catch (err) {
		if (err instanceof AbsenceError) throw new RefusalError(`${err.message} Nothing was saved.`);
		throw err;
	}
	ctx.stderr.write(`Cancelled ${safeText(args[0]!)}: ${words}.\n`);
	return 0;
}

/**
 * "on restricted duties from 14 Dec to 18 Dec", "on sick leave from 10 Dec, no end date": an absence in
 * the words and dates the desk uses (people.ts ABSENCE_WORDS, dates.ts shortDate; QA 4 R-e), never the
 * stored value ("restricted-duties") or an ISO date.
 */
function awayWords(a: {from: IsoDate; to: IsoDate | null; reason: AbsenceReason}, today: IsoDate): string {
	const from = shortDate(a.from, today);
	const span = a.to === null ? `from ${from}, no end date` : a.to === a.from ? `on ${from}` : `from ${from} to ${shortDate(a.to, today)}`;
	return `${ABSENCE_WORDS[a.reason]} ${span}`;
}

/**
 * Refuses (exit 2, nothing saved) what the person at the keyboard may not do to an absence (README "Who may
 * change absences and cover"; permissions.ts mayChangeAbsence): checked before signing, and again on the
 * data under the lock.
 */
function allowed(
	data: StoreData,
	by: string,
	act: AbsenceAct,
	before: AbsenceSides | null,
	after: AbsenceSides | null,
	today: IsoDate,
): void {
	const may = mayChangeAbsence(data, by, act, before, after, today);
	if (!may.ok) throw new RefusalError(`${may.reason} Nothing was saved.`);
}

/** The recorded absence `id` checked for `act` (mayActOnAbsence); `cover`: a change's new cover. */
function recorded(data: StoreData, by: string, act: Exclude<AbsenceAct, 'add'>, id: string, today: IsoDate, cover?: string | null): void {
	const may = mayActOnAbsence(data, by, act, id, today, cover);
	if (!may.ok) throw new RefusalError(`${may.reason} Nothing was saved.`);
}
