/**
 * Watches the store for changes by another user and performs reloads. A store that announces changes
 * (PostgreSQL: LISTEN/NOTIFY, store.onChange) is heard at once, without polling, and the status bar says
 * who changed what; a file is checked with a cheap stat every few seconds (store.changedOnDisk).
 * A change is taken in by itself while nothing is being
 * typed (README "The review desk": a second desk would otherwise show a case as due, and offer its
 * draft, after someone else signed it); while something is (a filter, the palette, a form, a review
 * with the keys), the status bar says so and the screen does not change under the typing: it reloads
 * as soon as the typing is left, or on `u` (an effect: effects/run-desk-effect.ts).
 */
import {useEffect, useRef, type Dispatch} from 'react';
import path from 'node:path';
import type {OutsideChange} from '../../store/index.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import type {DeskAction} from './desk-state.js';

export const DEFAULT_POLL_MS = 3000;

/** The status bar's sentence for another user's change: "DS Brennan changed case CR/00012/25." */
export function outsideChangeWords(change: OutsideChange, nameOf: (officerId: string) => string | undefined): string {
	const who = (change.officerId !== null ? nameOf(change.officerId) : undefined) ?? (change.role || 'Another user');
	const what = change.what.length > 0 ? change.what.join(', ') : 'the store';
	return `${who} changed ${what}`;
}

function errorWords(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

export function useStoreWatch(
	store: DeskStore,
	pollMs: number,
	dispatch: Dispatch<DeskAction>,
	watch: {typing: boolean; diskChanged: boolean; settled?: boolean} = {typing: true, diskChanged: false},
	nameOf: (officerId: string) => string | undefined = () => undefined,
): {file: string | undefined; readOnly: boolean} {
	const names = useRef(nameOf);
	const typing = useRef(watch.typing);
	useEffect(() => {
		names.current = nameOf;
		typing.current = watch.typing;
	});
	const reloading = useRef(false);
	// Reloads by itself (the DeskStore publishes what it read); a reload that fails leaves "changed on disk" said.
	const reloadByItself = useRef((who?: string) => {
		if (!store.open || reloading.current) return;
		reloading.current = true;
		store
			.reload()
			.then(data => {
				const what = who ?? `another user changed ${path.basename(store.file ?? '')}`;
				dispatch({type: 'notice', text: `Reloaded: ${what} (revision ${data.revision}).`});
			})
			.catch(() => dispatch({type: 'disk-changed', changed: true}))
			.finally(() => {
				reloading.current = false;
			});
	});

	useEffect(() => {
		const onChange = store.onChange;
		if (!onChange) return;
		return onChange(change => {
			const words = outsideChangeWords(change, id => names.current(id));
			if (!typing.current) {
				reloadByItself.current(words);
				return;
			}
			dispatch({type: 'disk-changed', changed: true});
			dispatch({type: 'notice', text: `${words}.`});
		});
	}, [store, dispatch]);

	useEffect(() => {
		// A store that announces its changes needs no polling.
		if (!store.open || pollMs <= 0 || store.onChange) return;
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

	// The chain's hashes and signatures, walked as `fortnight verify` walks them once the desk has settled (its
	// rows, the rules and the case history are in: the walk reads the chain the history read, and does not
	// slow the rows down), in slices between key presses (store.ts checkChain): an entry altered since it
	// was signed makes the store read-only, its reason in the status bar, as a broken link does on load
	// (README "Where the store lives"). Once per desk: a reload keeps what was found (store.ts).
	const settled = watch.settled ?? true;
	const checked = useRef(false);
	const mounted = useRef(true);
	useEffect(
		() => () => {
			mounted.current = false;
		},
		[],
	);
	useEffect(() => {
		if (!store.open || !settled || checked.current) return;
		const timer = setTimeout(() => {
			checked.current = true;
			store
				.checkChain()
				.then(reason => mounted.current && reason !== null && dispatch({type: 'notice', text: reason}))
				.catch(
					(err: unknown) => mounted.current && dispatch({type: 'notice', text: `Could not check the review chain: ${errorWords(err)}`}),
				);
		}, 0);
		return () => clearTimeout(timer);
	}, [store, dispatch, settled]);

	// A save waiting for another's lock says so in the status bar (the command line prints it on stderr).
	useEffect(() => store.onLockWait(text => dispatch({type: 'lock-wait', text})), [store, dispatch]);
	// The Team view's absence keys: say why the store cannot be written before a form is opened, not after.
	const cannotWrite = store.cannotWrite();
	useEffect(() => dispatch({type: 'can-write', reason: cannotWrite}), [cannotWrite, dispatch]);
	// What the status bar says of the store.
	return {file: store.file, readOnly: store.readOnly};
}
