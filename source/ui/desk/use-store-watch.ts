/**
 * Watches the store file for changes by another user (a cheap stat every few seconds, through
 * store.changedOnDisk) and performs reloads the user asks for. Never reloads on its own: the sergeant
 * decides when the screen changes under them.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import type {StoreData} from '../../domain/model.js';
import type {Store} from '../../store/index.js';
import type {DeskAction} from './desk-state.js';

export const DEFAULT_POLL_MS = 3000;

export function useStoreWatch(store: Store | undefined, pollMs: number, reloadRequests: number, dispatch: Dispatch<DeskAction>, setData: (d: StoreData) => void): void {
	useEffect(() => {
		if (!store || pollMs <= 0) return;
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

