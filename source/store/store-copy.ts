/**
 * `fortnight store copy --from A --to B` (README "PostgreSQL"): a whole store, from a JSON file or a
 * PostgreSQL database to a new one of either kind. Everything moves: the state, the whole review chain
 * (entry for entry, so the head and every signature are the same), the welfare notes and the notes
 * pending in unsigned reviews. The target must be new (a file that does not exist, a team the
 * database does not hold): a copy never replaces anyone's records.
 */
import type {StoreData} from '../domain/model.js';
import {chainHead, formatHead} from './chain.js';
import {isPostgresUrl} from './pg-url.js';
import {readStoreFile} from './read.js';
import {createStoreFile, wholeOf} from './store.js';
import {changeWelfareDrafts, readWelfareDrafts} from './welfare-drafts.js';
import {readWelfare, welfarePathFor, writeWelfare} from './welfare-file.js';

export interface Copied {
	team: string;
	cases: number;
	entries: number;
	notes: number;
	/** The chain's head, SEQ:HASH, the same in both. */
	head: string;
	/** Where it went, as shown (no password). */
	to: string;
}

/** The whole store at `from`: its data with every chain entry and no chain log. */
async function wholeStore(from: string): Promise<StoreData> {
	if (isPostgresUrl(from)) {
		const {data} = await (await import('./pg-store.js')).readPgStore(from, {chain: 'whole'});
		(await import('./set-aside-copy.js')).refuseCopyOfSetAside(data, from);
		return data;
	}
	const {data} = await readStoreFile(from, {chain: 'whole'});
	return wholeOf(from, data);
}

export async function copyStore(from: string, to: string): Promise<Copied> {
	const data = await wholeStore(from);
	const notes = (await readWelfare(welfarePathFor(from))).notes;
	const pending = await readWelfareDrafts(from);
	let shown = to;
	if (isPostgresUrl(to)) {
		shown = await (await import('./pg-admin.js')).insertWholeTeam(to, data, notes, pending);
	} else {
		await createStoreFile(to, data);
		if (notes.length > 0) await writeWelfare(welfarePathFor(to), {schemaVersion: 1, notes});
		if (pending.length > 0) await changeWelfareDrafts(to, () => [...pending]);
	}
	const head = chainHead(data.chain);
	return {
		team: data.team.id,
		cases: data.cases.length,
		entries: data.chain.length,
		notes: notes.length,
		head: head ? formatHead(head) : 'none (the chain is empty)',
		to: shown,
	};
}
