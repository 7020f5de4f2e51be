import {
	BAIL_EVENT_KINDS,
	BAIL_EVENT_WORDS,
	BailRecordError,
	parseRank,
	RANK_HELP,
	recordBailEvent,
	type ExtensionRank,
} from '../domain/bail-record.js';
import type {BailEventKind} from '../domain/model.js';
import {say, type Command} from './command.js';
import {actorFor, RefusalError, UsageError} from './context.js';
import {nowInstant} from './now.js';
import {openForCommand} from './open-store.js';
import {recordSigning} from './record-signing.js';
import {dateFlag} from './resolve.js';
import {typedId} from './typed-id.js';

const HELP = `Usage
  fortnight bail record REF --event EVENT [--return D] [--authorised-by NAME] [--rank RANK] [--on D] [--period-end D]

Records what happened to a case's pre-charge bail, as you (--as), with when, so the bail problems
clear and the case keeps its history. Recorded by whoever supervises the officer in the case that day
(their sergeant, the cover named for the sergeant's absence, or the inspector); never by the officer
who holds the case. EVENT is one of:
${BAIL_EVENT_KINDS.map(k => `  ${k.padEnd(10)} ${BAIL_EVENT_WORDS[k]}`).join('\n')}

  --on D             the day it happened (default: today; never after today)
  --return D         extended, re-bailed: the new date the suspect must answer bail (required to
                     re-bail, and to extend once the return date has passed); never in the past,
                     never after the bail period ends
  --authorised-by NAME, --rank RANK
                     extended: who authorised it and their rank (RANK: ${RANK_HELP}).
                     A team officer's name ("DI Okafor") gives their rank.
  --period-end D     extended by a magistrates' court: the new end the court set (required then).
                     A police extension runs to the date the statute fixes and needs no --period-end.

Bail runs from the day after arrest (PACE 1984 as amended by the Police, Crime, Sentencing and Courts
Act 2022): 3 months (custody officer), extended to 6 months by an inspector or above, 9 by a
superintendent or above, 12 by an assistant chief constable or commander (cases the DPP designates
exceptionally complex); beyond that only a magistrates' court. Bail given before 28 October 2022: 28
days, 3 months by a superintendent, then a court. Bail cannot be extended once the period has ended.

Refused with exit 2, nothing saved: an unknown REF; a case with no running bail (rui excepted: it
starts an RUI record); a return date in the past or after the period ends, or an extension keeping
one that has passed; an extension by too low a rank for the stage (the message says who must
authorise it), or after the period has ended (the message says what to record instead); a date
after today or before the arrest.

Examples
  fortnight bail record CR/87204/26 --event extended --authorised-by "Insp. K. Lawson" --rank inspector --return 2027-01-20
  fortnight bail record CR/87204/26 --event re-bailed --return 2026-12-09
  fortnight bail record CR/54818/26 --event rui --on 2026-11-27`;

const EXTENSION_ONLY: [string, string][] = [
	['authorisedBy', '--authorised-by'],
	['rank', '--rank'],
	['periodEnd', '--period-end'],
];

const command: Command = {
	name: 'bail',
	summary: 'record a bail extension, re-bail or how bail ended',
	help: HELP,
	flags: {
		event: {type: 'string'},
		return: {type: 'string'},
		authorisedBy: {type: 'string'},
		rank: {type: 'string'},
		on: {type: 'string'},
		periodEnd: {type: 'string'},
	},
	async run(ctx, input, flags) {
		const [action, ...args] = input;
		if (action !== 'record') {
			throw new UsageError(
				action ? `Unknown bail action "${action}": use record.` : 'Say what to do: fortnight bail record REF --event EVENT.',
			);
		}
		if (args.length !== 1) throw new UsageError('Give one crime reference: fortnight bail record REF --event EVENT.');
		const ref = typedId(args[0]!, 'The crime reference');
		const event = eventFlag(flags['event']);
		if (event !== 'extended') {
			for (const [key, flag] of EXTENSION_ONLY)
				if (flags[key] !== undefined) throw new UsageError(`${flag} goes only with --event extended.`);
		}
		if (flags['return'] !== undefined && event !== 'extended' && event !== 're-bailed') {
			throw new UsageError(`--return goes only with --event extended or re-bailed: ${event} ends bail.`);
		}
		const on = dateFlag(flags['on'], '--on') ?? ctx.today;
		const returnDate = dateFlag(flags['return'], '--return') ?? null;
		const periodEnd = dateFlag(flags['periodEnd'], '--period-end') ?? null;
		let rank: ExtensionRank | null = null;
		if (flags['rank'] !== undefined) {
			rank = parseRank(String(flags['rank']));
			if (!rank) throw new UsageError(`--rank "${String(flags['rank'])}" is not a rank fortnight knows: use one of ${RANK_HELP}.`);
		}
		const recordedAt = nowInstant(ctx);
		const store = await openForCommand(ctx);
		// Matched to a team officer (their rank the store's) inside recordBailEvent, under the lock.
		const authorisedBy = flags['authorisedBy'] === undefined ? null : String(flags['authorisedBy']);
		// Recorded as the person at the keyboard (README, "Who you are").
		const recordedBy = actorFor(ctx, store.snapshot()).officer.id;
		// Signed by its author once keys are enrolled (README, "Signed records").
		const signing = await recordSigning(ctx, store.snapshot(), recordedBy);
		let summary = '';
		try {
			await store.apply(current => {
				const result = recordBailEvent(
					current,
					ref,
					{event, on, returnDate, authorisedBy, rank, periodEnd, recordedBy, recordedAt},
					ctx.today,
				);
				summary = result.summary;
				return signing.sign(current, result.data);
			});
		} catch (err) {
			if (err instanceof BailRecordError) throw new RefusalError(`${err.message} Nothing was saved.`);
			throw err;
		}
		say(ctx, `${summary}\n`);
		return 0;
	},
};
export default command;

function eventFlag(value: unknown): BailEventKind {
	if (value === undefined || value === '') throw new UsageError(`--event is required: one of ${BAIL_EVENT_KINDS.join(', ')}.`);
	const v = String(value).trim().toLowerCase();
	const kind = BAIL_EVENT_KINDS.find(k => k === v || (k === 're-bailed' && v === 'rebailed'));
	if (!kind) throw new UsageError(`--event must be one of ${BAIL_EVENT_KINDS.join(', ')}; got "${String(value)}".`);
	return kind;
}
