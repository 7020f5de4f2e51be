/**
 * The shell side of the Team view's absence keys: the reducer decides what to change
 * (state.absenceWrite), this hook makes the change through store.apply, with the same pure
 * addAbsence / endAbsence the command line uses, recorded as the desk's officer (README "Who you
 * are"), and reports back in one sentence.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import {addAbsence, cancelAbsence, changeAbsence, endAbsence} from '../../domain/absences.js';
import {absenceWords} from '../../domain/absence-words.js';
import type {StoreData} from '../../domain/model.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import type {Store} from '../../store/index.js';
import {actorSignsRecords, type DeskActor} from './desk-actor.js';
import type {AbsenceWrite, DeskAction} from './desk-state.js';
import type {IsoDate} from '../../domain/dates.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function useAbsenceWrites(
	store: Store | undefined,
	write: AbsenceWrite | null,
	actor: DeskActor,
	today: IsoDate,
	dispatch: Dispatch<DeskAction>,
	onStoreChanged: (data: StoreData) => void,
	now: () => string = () => new Date().toISOString(),
): void {
	const done = useRef(0);
	useEffect(() => {
		if (!write || write.seq <= done.current) return;
		done.current = write.seq;
		const answer = (error: string | null, notice = '') => dispatch({type: 'absence-written', seq: write.seq, error, notice});
		if (!store || store.readOnly) {
			answer(store ? `Not saved: ${store.readOnlyReason ?? `${store.file} is read-only.`}` : 'Not saved: no store file is open.');
			return;
		}
		let id = write.kind === 'add' ? '' : write.absenceId;
		let cancelled = '';
		const change = (d: StoreData): StoreData => {
			if (write.kind === 'end') return endAbsence(d, write.absenceId, write.last);
			// README "Acting on a problem": a change gets the same checks as adding one; cancelling only one not started.
			if (write.kind === 'change') return changeAbsence(d, write.absenceId, write.change).data;
			if (write.kind === 'cancel') {
				const result = cancelAbsence(d, write.absenceId, today);
				const a = result.cancelled;
				const who = safeText(shortName(d.officers.find(o => o.id === a.officerId)));
				cancelled = `Cancelled ${a.id}: ${who} is no longer recorded as away from ${a.from}.`;
				return result.data;
			}
			const result = addAbsence(d, {officerId: write.officerId, ...write.absence, recordedBy: actor.officerId, recordedAt: now()});
			id = result.id;
			return result.data;
		};
		const verb = {end: 'Ended', change: 'Changed', add: 'Recorded', cancel: 'Cancelled'}[write.kind];
		// Signed by the actor once keys are enrolled (README "Signed records").
		store
			.apply(d => actorSignsRecords(actor, d, change(d), now()))
			.then(
				() => {
					const data = store.snapshot();
					onStoreChanged(data);
					if (write.kind === 'cancel') return answer(null, cancelled);
					const a = data.absences.find(x => x.id === id);
					const who = safeText(shortName(data.officers.find(o => o.id === a?.officerId)));
					answer(null, a ? `${verb} ${a.id}: ${who} ${absenceWords(a, data.officers, today, data.absences)}.` : 'Saved.');
				},
				// AbsenceError (overlap, dates, cover) and StoreError (locked, read-only, disk full) both carry a
				// sentence meant for the user; nothing was written in either case.
				(err: unknown) => {
					const kept = write.kind === 'add' || write.kind === 'change' ? ' What you typed is kept.' : '';
					answer(`Not saved: ${safeText(messageOf(err))}${kept}`);
				},
			);
	}, [write, store, actor, today, dispatch, onStoreChanged, now]);
}
