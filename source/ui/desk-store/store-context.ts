/**
 * The desk's store in a React context (docs/architecture.md "The path of a save"): the Desk provides its
 * one DeskStore, and a screen that writes (the guided review, the amendment) takes it from here instead of
 * being handed the store through every component between. A screen mounted alone (tests, the bench) with
 * no provider above it is given one over the snapshot it opens on, with no store: nothing is saved.
 */
import {createContext, useContext, useEffect, useState, useSyncExternalStore} from 'react';
import type {StoreData} from '../../domain/model.js';
import type {Store} from '../../store/index.js';
import {DeskStore} from './desk-store.js';

export const DeskStoreContext = createContext<DeskStore | null>(null);

/** What a screen standing alone (no desk above it) is given instead: its own store, and who hears of changes. */
export interface StandAlone {
	store?: Store;
	data: StoreData;
	onChanged?: (data: StoreData) => void;
}

/** The DeskStore provided above, or (none provided) one of this component's own over `store` or `data`. */
export function useDeskStore({store, data, onChanged}: StandAlone): DeskStore {
	const provided = useContext(DeskStoreContext);
	const [own] = useState(() => (provided ? null : new DeskStore(store, data)));
	useEffect(() => (own && onChanged ? own.subscribe(onChanged) : undefined), [own, onChanged]);
	return provided ?? own!;
}

/** The current snapshot, re-rendering when a write or reload publishes a new one. */
export function useSnapshot(store: DeskStore): StoreData {
	return useSyncExternalStore(store.subscribe, store.snapshot);
}
