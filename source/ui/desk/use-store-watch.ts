/**
 * Watches the store file for changes by another user (a cheap stat every few seconds, through
 * store.changedOnDisk) and performs reloads. A change is taken in by itself while nothing is being
 * typed (README "The review desk": a second desk would otherwise show a case as due, and offer its
 * draft, after someone else signed it); while something is (a filter, the palette, a form, a review
 * with the keys), the status bar says so and the screen does not change under the typing: it reloads
 * as soon as the typing is left, or on `u`.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import path from 'node:path';
import type {StoreData} from '../../domain/model.js';
import type {Store} from '../../store/index.js';
import type {DeskAction} from './desk-state.js';

export const DEFAULT_POLL_MS = 3000;

export function useStoreWatch(
	store: Store | undefined,
	pollMs: number,
	reloadRequests: number,
	dispatch: Dispatch<DeskAction>,
	setData: (d: StoreData) => void,
	watch: {typing: boolean; diskChanged: boolean} = {typing: true, diskChanged: false},
): void {
	const typing = useRef(watch.typing);
	typing.current = watch.typing;
	const reloading = useRef(false);
	const reloadByItself = useRef<() => void>(() => {});
	reloadByItself.current = () => {
		if (!store || reloading.current) return;
		reloading.current = true;
		store
			.reload()
			.then(data => {
				setData(data);
				dispatch({type: 'notice', text: `Reloaded: another user changed ${path.basename(store.file)} (revision ${data.revision}).`});
			})
			.catch(() => dispatch({type: 'disk-changed', changed: true}))
			.finally(() => {
				reloading.current = false;
			});
	};

	useEffect(() => {
		if (!store || pollMs <= 0) return;
		let busy = false;
		const timer = setInterval(() => {
			if (busy) return;
			busy = true;
			store
				.changedOnDisk()
				.then(changed => {
					if (changed && !typing.current) reloadByItself.current();
					else dispatch({type: 'disk-changed', changed});
				})
				.catch(() => dispatch({type: 'notice', text: 'Cannot check the store file for changes (is the drive still there?).'}))
				.finally(() => {
					busy = false;
				});
		}, pollMs);
		timer.unref?.();
		return () => clearInterval(timer);
	}, [store, pollMs, dispatch]);

	// A change seen while typing is taken in once the typing is left.
	useEffect(() => {
		if (watch.diskChanged && !watch.typing) reloadByItself.current();
	}, [watch.diskChanged, watch.typing]);

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
