/**
 * The shell side of the bail and welfare forms (desk-records.ts): the reducer decides what to record
 * (state.recordWrite); this hook records it through store.apply with the same pure recordBailEvent /
 * recordWelfareEvent the command line uses, as the person at the keyboard, and answers in one sentence.
 * The domain checks again under the store's lock (another user may have recorded something meanwhile).
 *
 * A welfare note (README "Welfare notes") goes to the welfare file, as a review's note does, only after
 * the event is saved, with the welfare file opened first so a missing or wrong passphrase saves nothing.
 * No sentence this hook says ever holds the note: errors come from the store and the domain, which
 * never see it.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import {recordBailEvent} from '../../domain/bail-record.js';
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {safeText} from '../../domain/safe-text.js';
import {recordWelfareEvent} from '../../domain/welfare-record.js';
import {appendWelfareNote, readWelfare, welfarePathFor, type Store} from '../../store/index.js';
import {actorSignsRecords, type DeskActor} from './desk-actor.js';
import type {DeskAction} from './desk-state.js';
import type {RecordWrite} from './desk-records.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function useRecordWrites(
	store: Store | undefined,
	write: RecordWrite | null,
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
		const answer = (error: string | null, notice = '') => dispatch({type: 'record-written', seq: write.seq, error, notice});
		if (!store || store.readOnly) {
			answer(store ? `Not saved: ${store.readOnlyReason ?? `${store.file} is read-only.`}` : 'Not saved: no store file is open.');
			return;
		}
		const kept = ' What you typed is kept.';
		void (async () => {
			let summary = '';
			if (write.kind === 'bail') {
				const {ref, input} = write.write;
				await store.apply(d => {
					const result = recordBailEvent(d, ref, {...input, recordedAt: now()}, today);
					summary = result.summary;
					return actorSignsRecords(actor, d, result.data, now());
				});
				return summary;
			}
			const {input, note} = write.write;
			const welfareFile = welfarePathFor(store.file);
			// The passphrase is checked before anything is saved: a note that could not be kept is never half-recorded.
			if (note !== '') await readWelfare(welfareFile);
			let eventId = '';
			await store.apply(d => {
				const result = recordWelfareEvent(d, input, today);
				summary = result.summary;
				eventId = result.event.id;
				// The signed record holds the event, never the note (README "Signed records").
				return actorSignsRecords(actor, d, result.data, now());
			});
			if (note === '') return summary;
			try {
				await appendWelfareNote(welfareFile, {id: `wn-${eventId}`, officerId: input.officerId, date: input.date, by: input.by, text: note});
				return `${summary} The note is kept in the welfare file.`;
			} catch (err) {
				return `${summary} The note could not be kept in the welfare file (${safeText(messageOf(err))}); it was not saved anywhere.`;
			}
		})().then(
			sentence => {
				onStoreChanged(store.snapshot());
				answer(null, sentence);
			},
			// BailRecordError, WelfareRecordError and StoreError (locked, read-only, the welfare file's passphrase)
			// all carry a sentence meant for the user; nothing was written in any of them.
			(err: unknown) => answer(`Not saved: ${safeText(messageOf(err))}${kept}`),
		);
	}, [write, store, actor, today, dispatch, onStoreChanged, now]);
}
