import {createInterface} from 'node:readline';
import {caseRecord, type CaseRecord} from '../domain/case-record.js';
import {crimeRefProblem} from '../domain/crime-ref.js';
import {shortDate, type IsoDate} from '../domain/dates.js';
import type {StoreData} from '../domain/model.js';
import {fullName} from '../domain/people.js';
import {plural} from '../domain/plural.js';
import {
	heldAs,
	reallocateCase,
	reallocationRefusal,
	ReallocationError,
	workloadWords,
	type ReallocationRequest,
} from '../domain/reallocate.js';
import {caseReadRefusal} from '../domain/read-scope.js';
import {safeText, typedInQuotes} from '../domain/safe-text.js';
import {typedId, typedText} from './typed-id.js';
import {awayOnMove} from '../domain/away-on-move.js';
import {renderCaseJson} from '../export/case-json.js';
import {renderCaseText} from '../export/case-text.js';
import {ALTERED_EXIT, refuseAlteredEntries} from './shown-entries.js';
import {actingOfficer} from './acting.js';
import {out, type Command} from './command.js';
import {RefusalError, UsageError, type Context} from './context.js';
import {readForReader, readScopeFor} from './read-scope.js';
import {nowInstant} from './now.js';
import {openForCommand} from './open-store.js';
import {recordSigning} from './record-signing.js';
import {dateFlag, officerFlag} from './resolve.js';

const HELP = `Usage
  fortnight case show REF [--json]
  fortnight case reallocate REF --to OFFICER --reason TEXT [--on D] [--yes] [--as YOU]

show        the case with its whole history: who held it and when, its risk over time,
            bail or RUI as it stands, every signed review from the chain (as amended),
            the actions with their history and every crime-report update whole. Text fits
            80 columns; --json gives the same
            under schema fortnight-case/3 ({schema, today, case}). Reads the store only.
            Each signed entry it shows is checked first, as "fortnight verify" checks it:
            one altered since it was signed prints nothing but why (exit 1).
reallocate  moves the case to another officer from --on (default --today). The
            allocation that ends keeps its officer and dates; the new one records who,
            when and why. Open actions the outgoing officer owned go with the case.
            Prints the new officer's workload after the move.
  --to OFFICER     an id (o0006), collar number, "DC Marsh", "Helen Marsh" or a surname
                   only one officer has
  --reason TEXT    why (kept in the case's history)
  --on D           first day with the new officer, YYYY-MM-DD or DD/MM/YYYY; not after
                   today, not before the current allocation began, and not before the
                   case's latest record of its holder at work (its last signed review,
                   its actions' history, a bail record, the holder's own update): the
                   refusal names that record and the earliest date allowed
  --yes            confirm a move to an officer who is away that day with nobody covering
                   (without a terminal to ask on, the move is refused without it)
  --as YOU         who is moving it: you (global; or FORTNIGHT_USER, or your mapped login);
                   recorded in the case's history

An unknown case or officer, a closed case, the officer who already holds it, a date
before the current allocation or such a record or after today, or an empty reason is
refused with exit 2 and the store is left unchanged.

An officer shows their own cases only: another's is refused with exit 2 and who can (README "Who may
read what").

Examples
  fortnight case show CR/87204/26
  fortnight case reallocate CR/87204/26 --to "DC Marsh" --reason "OIC on sick leave; bail due"
  fortnight case reallocate CR/87204/26 --to o0006 --on 2026-11-28 --reason "Agreed at supervision"`;

const command: Command = {
	name: 'case',
	summary: 'show a case with its history, or reallocate it to another officer',
	help: HELP,
	flags: {
		json: {type: 'boolean', default: false},
		to: {type: 'string'},
		on: {type: 'string'},
		reason: {type: 'string'},
		yes: {type: 'boolean', default: false},
		by: {type: 'string'},
	},
	async run(ctx, input, flags) {
		const [action, ...args] = input;
		if (action === 'show') return show(ctx, args, flags);
		if (action === 'reallocate') return reallocate(ctx, args, flags);
		if (action) throw new UsageError(`Unknown case action "${action}": use show or reallocate.`);
		throw new UsageError('Say what to do: fortnight case show|reallocate REF.');
	},
};
export default command;

/**
 * A reference that is not in the team's format and names no case is a slip (README "fortnight import"):
 * said as such, rather than "no case", so the user looks at what they typed. A case whose reference
 * predates the pattern is still found by it.
 */
function refuseMistypedRef(data: StoreData, ref: string): void {
	if (data.cases.some(c => c.ref === ref)) return;
	const why = crimeRefProblem(ref, data.settings);
	if (why) throw new UsageError(`"${typedInQuotes(ref)}" ${why}. Check the crime reference ("fortnight problems" lists cases).`);
}

function oneRef(args: string[], usage: string): string {
	const ref = args.length === 1 ? typedId(args[0]!, 'The crime reference') : '';
	if (ref === '') throw new UsageError(`Give one crime reference: ${usage}.`);
	return ref;
}

async function show(ctx: Context, args: string[], flags: Record<string, unknown>): Promise<number> {
	const ref = oneRef(args, 'fortnight case show REF [--json]');
	// Read-only: no lock, nothing written (cli.tsx has already made the first-run demo copy if needed). The
	// case's review history needs every review: the whole chain (store README, "The review chain file").
	const {data} = await readForReader(ctx, {chain: 'whole'});
	// An officer reads their own cases only (README "Who may read what"): another's is refused, with who can.
	const scope = readScopeFor(ctx, data);
	const held = data.cases.find(c => c.ref === ref);
	const refusal = held ? caseReadRefusal(data, scope, held) : null;
	if (refusal) throw new RefusalError(refusal);
	const record = caseRecord(data, ref, ctx.today, scope);
	if (!record) {
		refuseMistypedRef(data, ref);
		const check = 'Check the crime reference ("fortnight problems" lists cases with problems).';
		throw new RefusalError(`There is no case ${typedInQuotes(ref)} in ${ctx.storePath}. ${check}`);
	}
	// The signed entries it prints, re-checked as `verify` checks them: none is shown if one was altered.
	const shown = new Set(recordSeqs(record));
	if (refuseAlteredEntries(ctx, data, data.chain, e => shown.has(e.seq), `Case ${safeText(ref)} is not shown`)) return ALTERED_EXIT;
	await out(ctx, flags['json'] ? renderCaseJson(record, ctx.today) : renderCaseText(record, ctx.today));
	return 0;
}

/** The chain entries a case record prints: its reviews and their amendments, and the signed records it shows. */
function recordSeqs(r: CaseRecord): number[] {
	const seqs: (number | null)[] = [
		...r.reviews.flatMap(v => [v.seq, ...v.amendments.map(a => a.seq)]),
		...r.bailEvents.map(b => b.signature.seq),
		...r.allocations.map(a => a.signature.seq),
		...r.riskHistory.map(h => h.reviewSeq),
		...r.actions.flatMap(a => a.history.map(h => h.reviewSeq)),
	];
	return seqs.filter((s): s is number => s !== null);
}

async function reallocate(ctx: Context, args: string[], flags: Record<string, unknown>): Promise<number> {
	const ref = oneRef(args, 'fortnight case reallocate REF --to OFFICER --reason TEXT');
	if (flags['to'] === undefined || flags['to'] === '') throw new UsageError('--to OFFICER (who takes the case) is required.');
	const reason = flags['reason'] === undefined ? '' : typedText(String(flags['reason']), '--reason');
	if (reason.trim() === '') throw new UsageError('--reason TEXT is required: say why the case is moving (it is kept in the case history).');
	const on = dateFlag(flags['on'], '--on') ?? ctx.today;
	const recordedAt = nowInstant(ctx);
	const store = await openForCommand(ctx);
	const data = store.snapshot();
	refuseMistypedRef(data, ref);
	const to = officerFlag(data.officers, String(flags['to']), '--to');
	const by = actingOfficer(ctx, data, flags['by']);
	const confirmed = Boolean(flags['yes']);
	// The holder seen now: if another user moves the case before this is saved, it is refused, not moved on from theirs.
	const request: ReallocationRequest = {
		ref,
		held: heldAs(data, ref),
		toOfficerId: to.id,
		on,
		today: ctx.today,
		by: by.id,
		reason,
		recordedAt,
	};
	request.confirmAway = confirmed;
	const refusal = reallocationRefusal(data, request);
	if (refusal?.confirmable) {
		await confirmAway(ctx, refusal.message);
		request.confirmAway = true;
	} else if (refusal) throw new RefusalError(`${refusal.message} Nothing was saved.`);

	// Signed by its author once keys are enrolled (README, "Signed records").
	const signing = await recordSigning(ctx, data, by.id);
	let fromOfficerId = '';
	let moved: string[] = [];
	try {
		await store.apply(current => {
			const result = reallocateCase(current, request);
			fromOfficerId = result.fromOfficerId;
			moved = result.movedActions;
			return signing.sign(current, result.data);
		});
	} catch (err) {
		if (err instanceof ReallocationError) throw new RefusalError(`${err.message} Nothing was saved.`);
		throw err;
	}
	const after = store.snapshot();
	await out(ctx, confirmation(after, {ref, from: fromOfficerId, to: to.id, on, by: by.id, moved, today: ctx.today}));
	return 0;
}

/** A person at a terminal must say yes to leaving the case with someone away; a script must pass --yes. */
async function confirmAway(ctx: Context, why: string): Promise<void> {
	if (!ctx.stdin.isTTY)
		throw new RefusalError(`${why} Add --yes to move it anyway, or choose an officer who is at work. Nothing was saved.`);
	const rl = createInterface({input: ctx.stdin, output: ctx.stderr});
	const answer = await new Promise<string>(resolve => rl.question(`${why} Move it anyway? Type yes: `, resolve));
	rl.close();
	if (answer.trim().toLowerCase() !== 'yes') throw new RefusalError('Not confirmed; nothing was saved.');
}

interface Moved {
	ref: string;
	from: string;
	to: string;
	on: IsoDate;
	by: string;
	moved: string[];
	today: IsoDate;
}

function confirmation(data: StoreData, m: Moved): string {
	const name = (id: string) => safeText(fullName(data.officers.find(o => o.id === id)));
	const when = shortDate(m.on, m.today);
	const lines = [`Reallocated ${safeText(m.ref)} from ${name(m.from)} to ${name(m.to)} from ${when} (recorded by ${name(m.by)}).`];
	if (m.moved.length > 0) {
		const verb = m.moved.length === 1 ? 'moves' : 'move';
		lines.push(`${plural(m.moved.length, 'open action')} ${verb} with it: ${m.moved.map(safeText).join(', ')}.`);
	}
	lines.push(workloadWords(data, m.to));
	// Named on purpose, so moved without a question; but never silently to someone away that day (QA 8 R2).
	const away = awayOnMove(data, m.to, m.on, m.today);
	if (away) lines.push(`Note: ${away.words}`);
	return lines.join('\n') + '\n';
}
