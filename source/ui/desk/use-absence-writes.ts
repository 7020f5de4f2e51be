/**
 * The shell side of the Team view's absence keys: the reducer decides what to change
 * (state.absenceWrite), this hook makes the change through store.apply, with the same pure
 * addAbsence / endAbsence the command line uses, recorded as the desk's officer (README "Who you
 * are"), and reports back in one sentence.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import {addAbsence, endAbsence} from '../../domain/absences.js';
import {absenceWords} from '../../domain/absence-words.js';
import type {StoreData} from '../../domain/model.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import type {Store} from '../../store/index.js';
import type {AbsenceWrite, DeskAction} from './desk-state.js';
import type {IsoDate} from '../../domain/dates.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function useAbsenceWrites(store: Store | undefined, write: AbsenceWrite | null, actorId: string, today: IsoDate, dispatch: Dispatch<DeskAction>, onStoreChanged: (data: StoreData) => void, now: () => string = () => new Date().toISOString()): void {
	const done = useRef(0);
	useEffect(() => {
		if (!write || write.seq <= done.current) return;
		done.current = write.seq;
		const answer = (error: string | null, notice = '') => dispatch({type: 'absence-written', seq: write.seq, error, notice});
		if (!store || store.readOnly) {
			answer(store ? `Not saved: ${store.readOnlyReason ?? `${store.file} is read-only.`}` : 'Not saved: no store file is open.');
			return;
		}
		let id = '';
		const change = (d: StoreData): StoreData => {
			if (write.kind === 'end') return endAbsence(d, write.absenceId, write.last);
			const result = addAbsence(d, {officerId: write.officerId, ...write.absence, recordedBy: actorId, recordedAt: now()});
			id = result.id;
			return result.data;
		};
		store.apply(change).then(
			() => {
				const data = store.snapshot();
				onStoreChanged(data);
				const a = data.absences.find(x => x.id === (write.kind === 'end' ? write.absenceId : id));
				const who = safeText(shortName(data.officers.find(o => o.id === a?.officerId)));
				answer(null, a ? `${write.kind === 'end' ? 'Ended' : 'Recorded'} ${a.id}: ${who} ${absenceWords(a, data.officers, today, data.absences)}.` : 'Saved.');
			},
			// AbsenceError (overlap, dates, cover) and StoreError (locked, read-only, disk full) both carry a
			// sentence meant for the user; nothing was written in either case.
			(err: unknown) => answer(`Not saved: ${safeText(messageOf(err))}${write.kind === 'add' ? ' What you typed is kept.' : ''}`),
		);
	}, [write, store, actorId, today, dispatch, onStoreChanged, now]);
}
