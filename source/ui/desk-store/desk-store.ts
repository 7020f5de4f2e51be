/**
 * The desk's one holder of the store's snapshot (docs/architecture.md "The path of a save"): every write
 * the desk makes (a draft, a signature, an absence, a decision...) and every reload goes through here, and
 * what it leaves is published to whoever subscribed (the desk, through store-context.tsx's hook). Nothing
 * else keeps a copy to be synced. Without a store (tests, the bench's in-process desk) it holds the data it
 * was given and refuses every write with one sentence.
 *
 * The welfare note's files (README "Welfare notes") are reached through here too, so the review session
 * (review/review-session.ts) and the record effects need no store path of their own.
 */
import type {ChainEntry, StoreData} from '../../domain/model.js';
import {
	appendWelfareNote,
	changeWelfareDrafts,
	openWelfareDrafts,
	readWelfare,
	readWelfareDrafts,
	copiesProblem,
	isPostgresUrl,
	shownEntriesProblem,
	welfareDraftsPathFor,
	welfarePathFor,
	type Change,
	type OutsideChange,
	type PendingWelfareNote,
	type Store,
	type WelfareDraftsAccess,
	type WelfareNote,
} from '../../store/index.js';
import {writeFreshExport} from '../desk/export-file.js';

type Listener = (data: StoreData) => void;

/** The PostgreSQL store's pending notes (fortnight_welfare_pending), which row-level security shows only to their author. */
const PENDING_TABLE_WORDS = "the database's pending welfare notes (seen only by you)";

export class DeskStore {
	private data: StoreData;
	private readonly listeners = new Set<Listener>();

	/** `data`: the snapshot to start from (the store's own when omitted). */
	constructor(
		private readonly store: Store | undefined,
		data?: StoreData,
	) {
		const first = data ?? store?.snapshot();
		if (!first) throw new Error('DeskStore needs a store or a snapshot.');
		this.data = first;
	}

	/** The current snapshot (useSyncExternalStore's getSnapshot: the same object until it changes). */
	readonly snapshot = (): StoreData => this.data;

	/** Called with each new snapshot; returns the unsubscribe function. */
	readonly subscribe = (listener: Listener): (() => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	/** True when a store is open (false: nothing can be saved, the bench's in-process desk). */
	get open(): boolean {
		return this.store !== undefined;
	}

	/** The store's file (or database address), or undefined without a store. */
	get file(): string | undefined {
		return this.store?.file;
	}

	get readOnly(): boolean {
		return this.store?.readOnly ?? false;
	}

	/** Why nothing can be written, in one sentence without the "Not saved:" lead, or null when it can. */
	cannotWrite(): string | null {
		if (!this.store) return 'no store file is open.';
		return this.store.readOnly ? (this.store.readOnlyReason ?? `${this.store.file} is read-only.`) : null;
	}

	/** The store's own read-only sentence, or null (the review screens word their refusal around it). */
	get readOnlyReason(): string | null {
		return this.store?.readOnlyReason ?? null;
	}

	/** Store.apply, then the new snapshot published. Throws what apply throws; nothing is published then. */
	async apply(change: Change): Promise<StoreData> {
		const store = this.need();
		await store.apply(change);
		return this.publish(store.snapshot());
	}

	/** Re-reads the store and publishes what it read. */
	async reload(): Promise<StoreData> {
		return this.publish(await this.need().reload());
	}

	changedOnDisk(): Promise<boolean> {
		return this.need().changedOnDisk();
	}

	/** The whole review chain, when the store holds only its working set; undefined when it holds it all. */
	get wholeChain(): (() => Promise<readonly ChainEntry[]>) | undefined {
		const store = this.store;
		return store?.wholeChain ? () => store.wholeChain!() : undefined;
	}

	/** Store.checkChain: the whole chain walked as `verify` walks it; why it is now read-only, or null. */
	checkChain(): Promise<string | null> {
		return this.store?.checkChain?.() ?? Promise.resolve(null);
	}

	/** Store.onLockWait, or nothing to unsubscribe from. */
	onLockWait(listener: (message: string | null) => void): () => void {
		return this.store?.onLockWait?.(listener) ?? (() => {});
	}

	/** Store.onChange when the store announces changes (then it needs no polling), else undefined. */
	get onChange(): ((listener: (change: OutsideChange) => void) => () => void) | undefined {
		const store = this.store;
		return store?.onChange ? listener => store.onChange!(listener) : undefined;
	}

	/**
	 * Why an export must not be written, or null: the chain found altered (on load or by the desk's walk,
	 * checkChain), or one of the entries `shows` picks failing `verify`'s checks (shownEntriesProblem, as the
	 * command line's exports re-check what they print: commands/shown-entries.ts). The whole chain is read
	 * for a split store, since the export prints entries beyond the working set.
	 */
	async exportRefusal(shows: (chain: readonly ChainEntry[]) => (e: ChainEntry) => boolean): Promise<string | null> {
		const store = this.store;
		if (!store) return null;
		if (store.chainProblem) return store.chainProblem;
		const data = store.snapshot();
		const chain = store.wholeChain ? await store.wholeChain() : data.chain;
		// The entries read from the chain file are re-hashed; the state's copies the document prints must be those entries.
		const problem = shownEntriesProblem(data, chain, shows(chain))?.message ?? copiesProblem(data.chain, chain, shows(data.chain));
		if (!problem) return null;
		return `${problem}, so who signed it cannot be trusted. Run "fortnight verify --store ${store.file}" and restore the store from a backup.`;
	}

	/** A new export file beside the store (export-file.ts); returns its path. */
	exportFile(name: string, text: string, nowhere: string): Promise<string> {
		if (!this.store) return Promise.reject(new Error(nowhere));
		return writeFreshExport(this.store.file, name, text);
	}

	/**
	 * Where a note waits before it is filed, for sentences ("it is kept in ..."): the drafts file's path, or
	 * on PostgreSQL the database's table of pending notes (its URL names no file); '' without a store.
	 */
	get notesFile(): string {
		if (!this.store) return '';
		return this.onDatabase ? PENDING_TABLE_WORDS : welfareDraftsPathFor(this.store.file);
	}

	/** Where a signed note is filed, for sentences ("could not be moved to ..."). */
	get welfareFileWords(): string {
		return this.onDatabase ? "the database's welfare notes" : 'the welfare file';
	}

	/** True when the store is a PostgreSQL database (README "PostgreSQL": welfare notes in its tables). */
	get onDatabase(): boolean {
		return this.store !== undefined && isPostgresUrl(this.store.file);
	}

	/** Opens the welfare file and the drafts file with the passphrase (store/welfare-drafts.ts). */
	openNotes(filed: (p: PendingWelfareNote, n: WelfareNote) => boolean): Promise<WelfareDraftsAccess> {
		return openWelfareDrafts(this.need().file, filed);
	}

	changeNotes(change: (notes: readonly PendingWelfareNote[]) => PendingWelfareNote[]): Promise<unknown> {
		return changeWelfareDrafts(this.need().file, change);
	}

	readNotes(): Promise<PendingWelfareNote[]> {
		return readWelfareDrafts(this.need().file);
	}

	/** Checks the welfare file opens with the passphrase, before anything it concerns is saved. */
	async checkWelfare(): Promise<void> {
		await readWelfare(welfarePathFor(this.need().file));
	}

	/** Files a note in the welfare file (never the store). */
	fileNote(note: WelfareNote): Promise<void> {
		return appendWelfareNote(welfarePathFor(this.need().file), note);
	}

	private need(): Store {
		if (!this.store) throw new Error('No store is open: nothing can be recorded.');
		return this.store;
	}

	private publish(data: StoreData): StoreData {
		if (data === this.data) return data;
		this.data = data;
		for (const listener of [...this.listeners]) listener(data);
		return data;
	}
}
