import {WELFARE_RECORD_KINDS, WelfareRecordError, recordWelfareEvent, type WelfareRecordKind} from '../domain/welfare-record.js';
import {say, type Command} from './command.js';
import {actorFor, RefusalError, UsageError} from './context.js';
import {openForCommand} from './open-store.js';
import {recordSigning} from './record-signing.js';
import {dateFlag, officerFlag} from './resolve.js';
import {listPending} from './welfare-pending.js';

const KINDS = Object.keys(WELFARE_RECORD_KINDS) as WelfareRecordKind[];

const HELP = `Usage
  fortnight welfare record OFFICER --kind KIND [--on D]
  fortnight welfare pending [--json] [--with-text]

Records that a welfare event happened, so the matching problem clears: only the kind, the day and who
recorded it. Never what was said: welfare notes are officers' health information, kept in their own
file and typed only in the desk; this command takes no note text.

KIND
  check-in        welfare check-in (every 28 days for every officer; clears "Welfare due")
  screening       psychological screening (6-monthly after 4 years in an image-exposed role)
  tenure-review   tenure review (at 4 years; past the expected move at 5, a review held since the
                  move date records why the officer stays, for a year)
  one-to-one      new starter's monthly one-to-one (counts as a check-in too)
  questionnaire   annual wellbeing questionnaire
  new-starter-support
                  support agreed with a new starter and their mentor for the old cases they hold
                  (clears "New starter, old cases"): records the cases opened over 12 months ago the
                  officer held that day and their mentor, if one is recorded; a case allocated to
                  them later (or aging past 12 months later) needs another agreement

  --on D          the day it happened (default: today; never after today). YYYY-MM-DD or DD/MM/YYYY.

Recorded as you (--as NAME, FORTNIGHT_USER or your login): the officer's line manager on that day,
the cover named for the line manager's absence, or the inspector.

OFFICER, NAME: an id (o0003), collar number, "DC Ashworth", "Sam Ashworth" or a surname only one
officer has. No one records their own welfare: the sergeant's check-in is recorded by the inspector
(--as "DI Okafor"), and recording your own is refused with the name of who records it. Refused with
exit 2, nothing saved: an unknown officer or kind, a date after today or before the officer joined,
someone who is not the officer's line manager, cover or inspector, the team's inspector (their
welfare is recorded outside this store), the same event twice, a support agreement for an officer
who was not a new starter that day or held no old case.

pending
  Lists your own welfare notes waiting to be filed: typed in a review not signed yet, left behind
  by a review that could not file them (a crash, a passphrase problem), or signed with a review
  when the welfare file could not take them. For each: the case, the officer it is about, the day
  it was written, the signed review it belongs to, why it waits (the last failure's kind, never
  its message) and what happens next or what to do. A note waits in the welfare drafts file beside
  the store (FORTNIGHT_WELFARE_KEY opens it when encrypted) or, on PostgreSQL, in the database's
  pending notes. Only your own (--as NAME, FORTNIGHT_USER or your login; on PostgreSQL your
  database login): a pending note is its author's until it is filed, and then read as any welfare
  note is. Nothing is changed: the guided review files, puts back or clears them. Exit 0 (also
  when none wait); 2 for someone fortnight cannot tell who they are; 3 when the store or the
  drafts file cannot be read.

  --json          for scripts: [{caseRef, officerId, officerName, written, lastSaved, review {seq,
                  date}|null, state, lastError {kind, at}|null, why, next, text?}]; state is one of
                  signed-not-filed, filed, in-draft, left-behind, officer-moved
  --with-text     add each note's words (health information: printed only when asked for)

Examples
  fortnight welfare pending
  fortnight welfare record "DC Ashworth" --kind screening --on 2026-11-27
  fortnight welfare record "DS Brennan" --kind check-in --as "DI Okafor"
  fortnight welfare record "TDC Whitlock" --kind new-starter-support`;

const command: Command = {
	name: 'welfare',
	summary: "record a welfare check-in, screening, tenure review, one-to-one or a new starter's support; list your pending notes",
	help: HELP,
	flags: {
		kind: {type: 'string'},
		on: {type: 'string'},
		by: {type: 'string'},
		json: {type: 'boolean', default: false},
		withText: {type: 'boolean', default: false},
	},
	async run(ctx, input, flags) {
		const [action, ...args] = input;
		if (action === 'pending') {
			if (args.length > 0) throw new UsageError(`welfare pending takes no words, only options (got "${args[0]}").`);
			const stray = ['kind', 'on', 'by'].find(f => flags[f] !== undefined);
			if (stray) throw new UsageError(`--${stray} is for welfare record; welfare pending takes --json and --with-text.`);
			return listPending(ctx, flags);
		}
		if (action !== 'record') {
			throw new UsageError(
				action
					? `Unknown welfare action "${action}": use record or pending.`
					: 'Say what to do: fortnight welfare record OFFICER --kind KIND, or fortnight welfare pending.',
			);
		}
		if (flags['json'] || flags['withText']) throw new UsageError('--json and --with-text are for welfare pending.');
		if (args.length !== 1)
			throw new UsageError('Name one officer: fortnight welfare record OFFICER --kind KIND (quote names with spaces).');
		const kindText = flags['kind'] === undefined ? '' : String(flags['kind']).trim().toLowerCase();
		if (kindText === '') throw new UsageError(`--kind is required: one of ${KINDS.join(', ')}.`);
		if (!(kindText in WELFARE_RECORD_KINDS)) {
			// Not repeated: a welfare kind typed as words ("stress after the job") may be health detail (QA 6 R15).
			throw new UsageError(`--kind must be one of ${KINDS.join(', ')} (what was typed is not repeated here). Nothing was saved.`);
		}
		const kind = WELFARE_RECORD_KINDS[kindText as WelfareRecordKind];
		const date = dateFlag(flags['on'], '--on') ?? ctx.today;
		const store = await openForCommand(ctx);
		const snapshot = store.snapshot();
		const officer = officerFlag(snapshot.officers, args[0]!, 'OFFICER');
		// Recorded as the person at the keyboard (README, "Who you are"), never as someone named on the line.
		if (flags['by'] !== undefined) {
			throw new UsageError('--by is not taken: a welfare event is recorded as you. Say who you are with --as NAME (or FORTNIGHT_USER).');
		}
		const by = actorFor(ctx, snapshot).officer.id;
		// Signed by its author once keys are enrolled (README, "Signed records"); the record holds no note.
		const signing = await recordSigning(ctx, snapshot, by);
		let summary = '';
		try {
			await store.apply(current => {
				const result = recordWelfareEvent(current, {officerId: officer.id, kind, date, by}, ctx.today);
				summary = result.summary;
				return signing.sign(current, result.data);
			});
		} catch (err) {
			if (err instanceof WelfareRecordError) throw new RefusalError(`${err.message} Nothing was saved.`);
			throw err;
		}
		say(ctx, `${summary}\n`);
		return 0;
	},
};
export default command;
