import {WELFARE_RECORD_KINDS, WelfareRecordError, recordWelfareEvent, type WelfareRecordKind} from '../domain/welfare-record.js';
import {say, type Command} from './command.js';
import {actorFor, RefusalError, UsageError} from './context.js';
import {openForCommand} from './open-store.js';
import {recordSigning} from './record-signing.js';
import {dateFlag, officerFlag} from './resolve.js';

const KINDS = Object.keys(WELFARE_RECORD_KINDS) as WelfareRecordKind[];

const HELP = `Usage
  fortnight welfare record OFFICER --kind KIND [--on D]

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

  --on D          the day it happened (default: today; never after today). YYYY-MM-DD or DD/MM/YYYY.

Recorded as you (--as NAME, FORTNIGHT_USER or your login): the officer's line manager on that day,
the cover named for the line manager's absence, or the inspector.

OFFICER, NAME: an id (o0003), collar number, "DC Ashworth", "Sam Ashworth" or a surname only one
officer has. No one records their own welfare: the sergeant's check-in is recorded by the inspector
(--as "DI Okafor"), and recording your own is refused with the name of who records it. Refused with
exit 2, nothing saved: an unknown officer or kind, a date after today or before the officer joined,
someone who is not the officer's line manager, cover or inspector, the team's inspector (their
welfare is recorded outside this store), the same event twice.

Examples
  fortnight welfare record "DC Ashworth" --kind screening --on 2026-11-27
  fortnight welfare record "DS Brennan" --kind check-in --as "DI Okafor"`;

const command: Command = {
	name: 'welfare',
	summary: 'record a welfare check-in, screening, tenure review or one-to-one',
	help: HELP,
	flags: {
		kind: {type: 'string'},
		on: {type: 'string'},
		by: {type: 'string'},
	},
	async run(ctx, input, flags) {
		const [action, ...args] = input;
		if (action !== 'record') {
			throw new UsageError(
				action ? `Unknown welfare action "${action}": use record.` : 'Say what to do: fortnight welfare record OFFICER --kind KIND.',
			);
		}
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
