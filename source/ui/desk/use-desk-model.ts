/**
 * The desk's model for the store's current snapshot (desk-store/desk-store.ts is its one holder): the first
 * frame comes from the store alone; the rules run just after it, once per revision, and a split store's
 * whole review chain is read after them (store README, "The review chain file").
 */
import {useEffect, useState} from 'react';
import type {IsoDate} from '../../domain/dates.js';
import type {ChainEntry, StoreData} from '../../domain/model.js';
import {
	deskModel,
	withFoundProblems,
	withHistory,
	withHistoryError,
	withProblems,
	type DeskModel,
	type ProblemFinder,
} from '../model/desk-model.js';
import type {RulesThread} from '../model/rules-thread.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import {useSnapshot} from '../desk-store/store-context.js';

export function useDeskModel(
	store: DeskStore,
	today: IsoDate,
	rules: RulesThread | undefined,
	findProblems: ProblemFinder | undefined,
	readerId: string | null = null,
): DeskModel {
	// Built for who is at the desk: what they may read is the model's to apply (desk-model.ts `scope`).
	const base = deskModel(useSnapshot(store), today, readerId);
	const [checked, setChecked] = useState<DeskModel | null>(null);
	useEffect(() => {
		let live = true;
		const timer = setTimeout(() => {
			// On a second thread when run-desk started one (keys are taken meanwhile); here when it cannot answer.
			if (!rules || findProblems) return setChecked(withProblems(base, findProblems));
			void rules
				.problems(base.data, base.today)
				.then(found => live && setChecked(found ? withFoundProblems(base, found) : withProblems(base)));
		}, 0);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [base, findProblems, rules]);
	const ruled = checked && checked.data === base.data && checked.today === base.today ? checked : base;
	// A split store's snapshot holds the chain's working set; every review (a case's history, the Log view)
	// is read from the chain file after the first frame and the rules.
	const [history, setHistory] = useState<{data: StoreData; chain: readonly ChainEntry[] | null; error?: string} | null>(null);
	useEffect(() => {
		const whole = store.wholeChain;
		if (!whole || base.wholeData) return;
		let live = true;
		const timer = setTimeout(() => {
			whole().then(
				chain => live && setHistory({data: base.data, chain}),
				(err: unknown) => live && setHistory({data: base.data, chain: null, error: err instanceof Error ? err.message : String(err)}),
			);
		}, 0);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [store, base]);
	const current = history?.data === ruled.data ? history : null;
	return current?.chain ? withHistory(ruled, current.chain) : current?.error ? withHistoryError(ruled, current.error) : ruled;
}
