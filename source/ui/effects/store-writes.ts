/**
 * The desk's writes to the store, carried out (effects/run-desk-effect.ts calls them): each is one
 * DeskStore.apply of the same pure change the command line uses (addAbsence, decideEscalatedTrigger,
 * reallocateCase, recordBailEvent...), made as the person at the keyboard, and answers in one sentence
 * with the action its form waits for. The domain checks again under the store's lock: another user may
 * have recorded something meanwhile, and then nothing is written and what was typed is kept.
 *
 * Every write is refused, nothing saved, when the desk does not know who is at the keyboard: each record
 * names who made it (README "Who you are"), and who may make it is decided by who they are (README "Who
 * may change absences and cover"; permissions.ts), so a record by nobody would skip both.
 *
 * A welfare note (README "Welfare notes") goes to the welfare file only after the event is saved, with the
 * welfare file opened first so a missing or wrong passphrase saves nothing. No sentence here ever holds the
 * note: errors come from the store and the domain, which never see it.
 */
import {AbsenceError, addAbsence, cancelAbsence, changeAbsence, endAbsence, recordedOnFor} from '../../domain/absences.js';
import {absenceIdOf} from '../../domain/absence-cover.js';
import {absenceWords} from '../../domain/absence-words.js';
import {recordBailEvent} from '../../domain/bail-record.js';
import {shortDate, type IsoDate} from '../../domain/dates.js';
import {decideEscalatedTrigger, TriggerDecisionError, type TriggerDecisionResult} from '../../domain/escalated-triggers.js';
import type {StoreData} from '../../domain/model.js';
import {fullName, shortName} from '../../domain/people.js';
import {mayActOnAbsence, mayChangeAbsence} from '../../domain/permissions.js';
import {reallocateCase, workloadWords} from '../../domain/reallocate.js';
import {safeText} from '../../domain/safe-text.js';
import {recordWelfareEvent} from '../../domain/welfare-record.js';
import {actorSigner, actorSignsRecords, type DeskActor} from '../desk/desk-actor.js';
import type {DeskAction} from '../desk/desk-actions.js';
import type {AbsenceWrite, DeskState} from '../desk/desk-state.js';
import type {RecordWrite} from '../desk/desk-records.js';
import type {NoteFiling} from '../record/record-form-state.js';
import type {NoteWrite} from '../record/welfare-form.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import {DECISION_WORDS} from '../team/decision-form-state.js';
import {absenceRefusalWords} from '../team/absence-refusal-words.js';

/** What every write is given: the desk's store, who is at the keyboard, the desk's day and the clock. */
export interface WriteContext {
	store: DeskStore;
	actor: DeskActor | null;
	today: IsoDate;
	now: () => string;
}

/**
 * `after` with a chain entry, signed by the person at the keyboard once keys are enrolled, for each
 * supervisory record the change adds to `before` (README "Signed records"). Called inside apply.
 */
const signed = (c: WriteContext, actor: DeskActor, before: StoreData, after: StoreData): StoreData =>
	actorSignsRecords(actor, before, after, c.now());

/** Why a write is refused when the desk runs as nobody (a context made without an actor); each write says it after its own "Not saved:". */
export const UNKNOWN_ACTOR = 'the desk does not know who you are.';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const notSaved = (store: DeskStore): string | null => {
	const why = store.cannotWrite();
	return why === null ? null : `Not saved: ${why}`;
};

export async function writeAbsence(write: AbsenceWrite, c: WriteContext): Promise<DeskAction> {
	const answer = (error: string | null, notice = ''): DeskAction => ({type: 'absence-written', seq: write.seq, error, notice});
	const actor = c.actor;
	if (!actor) return answer(`Not saved: ${UNKNOWN_ACTOR}`);
	const refused = notSaved(c.store);
	if (refused) return answer(refused);
	const by = actor.officerId;
	let id = write.kind === 'add' ? '' : write.absenceId;
	let cancelled = '';
	let changes: string[] = [];
	const change = (d: StoreData): StoreData => {
		// Who may do it (README "Who may change absences and cover"): the check `fortnight absence add/change/
		// end/cancel` makes (commands/absence.ts), with its sentence, on the data under the lock.
		const may =
			write.kind === 'add'
				? mayChangeAbsence(d, by, 'add', null, {officerId: write.officerId, coverOfficerId: write.absence.coverOfficerId}, c.today)
				: mayActOnAbsence(d, by, write.kind, write.absenceId, c.today, write.kind === 'change' ? write.change.coverOfficerId : undefined);
		if (!may.ok) throw new AbsenceError(may.reason);
		// Said by the absence's first part's id, whichever part the row or form held (QA 7 R9, R16).
		if (write.kind !== 'add') id = absenceIdOf(d.absences, write.absenceId);
		if (write.kind === 'end') return endAbsence(d, write.absenceId, write.last);
		// README "Acting on a problem": a change gets the same checks as adding one; cancelling only one not started.
		// A cover changed on an absence that has started takes effect from today (README "Absences").
		if (write.kind === 'change') {
			const at = c.now();
			const recording = {by, at, ...recordedOnFor(c.today, at)};
			const days = write.coverDays ? {days: write.coverDays} : {};
			const result = changeAbsence(d, write.absenceId, write.change, c.today, {recording, ...days});
			changes = result.changes;
			return result.data;
		}
		if (write.kind === 'cancel') {
			const result = cancelAbsence(d, write.absenceId, c.today);
			const a = result.cancelled;
			const who = safeText(shortName(d.officers.find(o => o.id === a.officerId)));
			cancelled = `Cancelled ${a.id}: ${who} is no longer recorded as away from ${shortDate(a.from, c.today)}.`;
			return result.data;
		}
		const recordedAt = c.now();
		const result = addAbsence(d, {
			officerId: write.officerId,
			...write.absence,
			recordedBy: by,
			recordedAt,
			...recordedOnFor(c.today, recordedAt),
		});
		id = result.id;
		return result.data;
	};
	const verb = {end: 'Ended', change: 'Changed', add: 'Recorded', cancel: 'Cancelled'}[write.kind];
	try {
		const data = await c.store.apply(d => signed(c, actor, d, change(d)));
		if (write.kind === 'cancel') return answer(null, cancelled);
		const a = data.absences.find(x => x.id === id);
		const who = safeText(shortName(data.officers.find(o => o.id === a?.officerId)));
		if (!a) return answer(null, 'Saved.');
		// A change says what changed, and on which days, as `absence change` does (QA 7 R5, R16): the whole
		// absence as it now stands would not say which of its parts the change touched.
		if (write.kind === 'change' && changes.length > 0)
			return answer(null, `${verb} ${a.id}, ${who}'s absence: ${safeText(changes.join('; '))}.`);
		return answer(null, `${verb} ${a.id}: ${who} ${absenceWords(a, data.officers, c.today, data.absences)}.`);
	} catch (err) {
		// AbsenceError (overlap, dates, cover) and StoreError (locked, read-only, disk full) both carry a
		// sentence meant for the user; nothing was written in either case.
		const kept = write.kind === 'add' || write.kind === 'change' ? ' What you typed is kept.' : '';
		// A refusal whose sentence names the command line's flags is said in the form's fields (QA: --from without --cover).
		const said = err instanceof AbsenceError && err.refusal ? absenceRefusalWords(err.refusal, c.today) : messageOf(err);
		return answer(`Not saved: ${safeText(said)}${kept}`);
	}
}

export async function writeDecision(write: NonNullable<DeskState['decisionWrite']>, c: WriteContext): Promise<DeskAction> {
	const answer = (error: string | null, notice = '', errors: TriggerDecisionError['errors'] = []): DeskAction => ({
		type: 'decision-written',
		seq: write.seq,
		error,
		errors,
		notice,
	});
	const actor = c.actor;
	if (!actor) return answer(`Not recorded: ${UNKNOWN_ACTOR}`);
	const why = c.store.cannotWrite();
	if (why) return answer(`Not recorded: ${why}`);
	let result: TriggerDecisionResult | undefined;
	try {
		const data = await c.store.apply(d => {
			result = decideEscalatedTrigger(d, write.input, {
				today: c.today,
				signedAt: c.now(),
				by: actor.officerId,
				sign: actorSigner(actor, d),
			});
			return result.next;
		});
		const r = result!;
		const who = safeText(shortName(data.officers.find(o => o.id === r.entry.data.officerId)));
		const plan = r.plan ? `, plan review ${shortDate(r.plan.reviewDate, c.today)}` : '';
		return answer(
			null,
			`Recorded "${DECISION_WORDS[write.input.decision!]}" for ${who}${plan} (entry ${r.entry.seq}${r.entry.sig ? ', signed' : ''}).`,
		);
	} catch (err) {
		// TriggerDecisionError (decided meanwhile, not entitled, an answer missing) and StoreError (locked,
		// read-only, a signature the store would not accept) both carry a sentence meant for the user.
		return answer(
			`Not recorded: ${safeText(messageOf(err))} What you typed is kept.`,
			'',
			err instanceof TriggerDecisionError ? err.errors : [],
		);
	}
}

export async function writeReallocation(write: NonNullable<DeskState['reallocateWrite']>, c: WriteContext): Promise<DeskAction> {
	const answer = (error: string | null, notice = ''): DeskAction => ({type: 'reallocate-written', seq: write.seq, error, notice});
	const actor = c.actor;
	if (!actor) return answer(`Not saved: ${UNKNOWN_ACTOR}`);
	const refused = notSaved(c.store);
	if (refused) return answer(refused);
	let from = '';
	// Moved by the person at the keyboard, whom reallocateCase checks as `case reallocate` does (permissions.ts mayReallocate).
	const r = {...write.request, by: actor.officerId};
	try {
		const data = await c.store.apply(d => {
			const result = reallocateCase(d, {...r, recordedAt: c.now()});
			from = result.fromOfficerId;
			return signed(c, actor, d, result.data);
		});
		const name = (id: string) => safeText(fullName(data.officers.find(o => o.id === id)));
		const moved = `Reallocated ${safeText(r.ref)} from ${name(from)} to ${name(r.toOfficerId)} from ${shortDate(r.on, r.today)}. `;
		return answer(null, moved + workloadWords(data, r.toOfficerId));
	} catch (err) {
		// ReallocationError (moved meanwhile, closed) and StoreError (locked, read-only, disk full) both carry a
		// sentence meant for the user; nothing was written in either case.
		return answer(`Not saved: ${safeText(messageOf(err))} What you typed is kept.`);
	}
}

export async function writeRecord(write: RecordWrite, c: WriteContext): Promise<DeskAction> {
	const answer = (error: string | null, notice = ''): DeskAction => ({type: 'record-written', seq: write.seq, error, notice});
	const actor = c.actor;
	if (!actor) return answer(`Not saved: ${UNKNOWN_ACTOR}`);
	const refused = notSaved(c.store);
	if (refused) return answer(refused);
	try {
		if (write.kind === 'note') return answer(null, await fileAgain(write.write, c));
		const done = await record(write, c, actor);
		return done.noteFor
			? {type: 'record-written', seq: write.seq, error: done.summary, notice: '', noteFor: done.noteFor}
			: answer(null, done.summary);
	} catch (err) {
		// BailRecordError, WelfareRecordError and StoreError (locked, read-only, the welfare file's passphrase)
		// all carry a sentence meant for the user; nothing was written in any of them.
		return answer(`Not saved: ${safeText(messageOf(err))} What you typed is kept.`);
	}
}

/**
 * Recorded as the person at the keyboard, whom recordBailEvent and recordWelfareEvent check as `bail record`
 * and `welfare record` do (permissions.ts mayRecordBail, mayRecordWelfare).
 */
async function record(
	write: Exclude<RecordWrite, {kind: 'note'}>,
	c: WriteContext,
	actor: DeskActor,
): Promise<{summary: string; noteFor?: NoteFiling}> {
	let summary = '';
	if (write.kind === 'bail') {
		const {ref} = write.write;
		const input = {...write.write.input, recordedBy: actor.officerId};
		await c.store.apply(d => {
			const result = recordBailEvent(d, ref, {...input, recordedAt: c.now()}, c.today);
			summary = result.summary;
			return signed(c, actor, d, result.data);
		});
		return {summary};
	}
	const {note} = write.write;
	const input = {...write.write.input, by: actor.officerId};
	// The passphrase is checked before anything is saved: a note that could not be kept is never half-recorded.
	if (note !== '') await c.store.checkWelfare();
	let eventId = '';
	await c.store.apply(d => {
		const result = recordWelfareEvent(d, input, c.today);
		summary = result.summary;
		eventId = result.event.id;
		// The signed record holds the event, never the note (README "Signed records").
		return signed(c, actor, d, result.data);
	});
	if (note === '') return {summary};
	const filing: NoteFiling = {id: `wn-${eventId}`, officerId: input.officerId, date: input.date, by: input.by};
	try {
		await c.store.fileNote({...filing, text: note});
		return {summary: `${summary} The note is kept in the welfare file.`};
	} catch (err) {
		// The event is recorded; the note stays in the form (desk-records.ts recordWritten), never thrown away unasked.
		return {summary: `${summary} ${noteNotFiled(err)}`, noteFor: filing};
	}
}

const noteNotFiled = (err: unknown): string =>
	`The note could not be kept in the welfare file (${safeText(messageOf(err))}): it is still here, not saved anywhere. ` +
	'Enter files it again; Esc leaves it unsaved.';

/** A note whose event was recorded before, filed on its own; refused again, it stays in the form (recordWritten). */
async function fileAgain(write: NoteWrite, c: WriteContext): Promise<string> {
	await c.store.fileNote({...write.filing, text: write.note});
	return 'The note is kept in the welfare file.';
}
