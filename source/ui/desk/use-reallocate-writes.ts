/**
 * The shell side of the reallocation form: the reducer decides what to move (state.reallocateWrite),
 * this hook moves it through store.apply with the same pure reallocateCase the command line uses, as
 * the person at the keyboard, and reports back in the command line's words (who from, who to, the new
 * officer's workload). The domain checks again under the store's lock: another user may have moved
 * the case meanwhile.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import {shortDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {fullName} from '../../domain/people.js';
import {reallocateCase, workloadWords} from '../../domain/reallocate.js';
import {safeText} from '../../domain/safe-text.js';
import type {Store} from '../../store/index.js';
import {actorSignsRecords, type DeskActor} from './desk-actor.js';
import type {DeskAction, DeskState} from './desk-state.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function useReallocateWrites(
	store: Store | undefined,
	write: DeskState['reallocateWrite'],
	actor: DeskActor,
	dispatch: Dispatch<DeskAction>,
	onStoreChanged: (data: StoreData) => void,
	now: () => string = () => new Date().toISOString(),
): void {
	const done = useRef(0);
	useEffect(() => {
		if (!write || write.seq <= done.current) return;
		done.current = write.seq;
		const answer = (error: string | null, notice = '') => dispatch({type: 'reallocate-written', seq: write.seq, error, notice});
		if (!store || store.readOnly) {
			answer(store ? `Not saved: ${store.readOnlyReason ?? `${store.file} is read-only.`}` : 'Not saved: no store file is open.');
			return;
		}
		let from = '';
		const r = write.request;
		store
			.apply(d => {
				const result = reallocateCase(d, {...r, recordedAt: now()});
				from = result.fromOfficerId;
				return actorSignsRecords(actor, d, result.data, now());
			})
			.then(
				() => {
					const data = store.snapshot();
					onStoreChanged(data);
					const name = (id: string) => safeText(fullName(data.officers.find(o => o.id === id)));
					answer(
						null,
						`Reallocated ${safeText(r.ref)} from ${name(from)} to ${name(r.toOfficerId)} from ${shortDate(r.on, r.today)}. ` +
							workloadWords(data, r.toOfficerId),
					);
				},
				// ReallocationError (moved meanwhile, closed) and StoreError (locked, read-only, disk full) both carry a
				// sentence meant for the user; nothing was written in either case.
				(err: unknown) => answer(`Not saved: ${safeText(messageOf(err))} What you typed is kept.`),
			);
	}, [write, store, actor, dispatch, onStoreChanged, now]);
}
