/**
 * Watches the store for changes by another user and performs reloads the user asks for. A store that
 * announces changes (PostgreSQL: LISTEN/NOTIFY, store.onChange) is heard at once, and the status bar
 * says who changed what; a file is checked with a cheap stat every few seconds (store.changedOnDisk).
 * Never reloads on its own: the sergeant decides when the screen changes under them.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import type {StoreData} from '../../domain/model.js';
import type {OutsideChange, Store} from '../../store/index.js';
import type {DeskAction} from './desk-state.js';

export const DEFAULT_POLL_MS = 3000;

/** The status bar's sentence for another user's change: "DS Tom Brennan changed case CR/00012/25." */
export function outsideChangeWords(change: OutsideChange, nameOf: (officerId: string) => string | undefined): string {
	const who = (change.officerId !== null ? nameOf(change.officerId) : undefined) ?? (change.role || 'Another user');
	const what = change.what.length > 0 ? change.what.join(', ') : 'the store';
	return `${who} changed ${what}.`;
}

export function useStoreWatch(
	store: Store | undefined,
	pollMs: number,
	reloadRequests: number,
	dispatch: Dispatch<DeskAction>,
	setData: (d: StoreData) => void,
	nameOf: (officerId: string) => string | undefined = () => undefined,
): void {
	const names = useRef(nameOf);
	names.current = nameOf;
	useEffect(() => {
		if (!store?.onChange) return;
		return store.onChange(change => {
			dispatch({type: 'disk-changed', changed: true});
			dispatch({type: 'notice', text: outsideChangeWords(change, id => names.current(id))});
		});
	}, [store, dispatch]);

	useEffect(() => {
		// A store that announces its changes needs no polling.
		if (!store || pollMs <= 0 || store.onChange) return;
		let busy = false;
		const timer = setInterval(() => {
			if (busy) return;
			busy = true;
			store
				.changedOnDisk()
				.then(changed => dispatch({type: 'disk-changed', changed}))
				.catch(() => dispatch({type: 'notice', text: 'Cannot check the store file for changes (is the drive still there?).'}))
				.finally(() => {
					busy = false;
				});
		}, pollMs);
		timer.unref?.();
		return () => clearInterval(timer);
	}, [store, pollMs, dispatch]);

	const seen = useRef(reloadRequests);
	useEffect(() => {
		if (reloadRequests === seen.current) return;
		seen.current = reloadRequests;
		if (!store) {
			dispatch({type: 'notice', text: 'No store to reload from.'});
			return;
		}
		store
			.reload()
			.then(data => {
				setData(data);
				dispatch({type: 'notice', text: `Reloaded ${store.file} (revision ${data.revision}).`});
			})
			.catch((err: unknown) => dispatch({type: 'notice', text: `Reload failed: ${err instanceof Error ? err.message : String(err)}`}));
	}, [reloadRequests, store, dispatch, setData]);
}

