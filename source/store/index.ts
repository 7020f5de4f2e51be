/**
 * The store's one entry point: everything outside source/store imports from here, never from a file
 * in this folder (the lint rule in eslint.config.js holds it). docs/architecture.md "The store".
 *
 * lowdb holds the data: `openStore` keeps the team's state in lowdb's `Low`, behind our own adapter
 * (store.ts `DurableJsonAdapter`), which does all the reading (size and nesting limits, migration,
 * schema and reference checks) and all the writing (lock, revision check, durable rename). No lowdb
 * type is exported, so a server database could stand behind the same `Store` interface.
 *
 * store.ts is loaded on first use, not on import: it compiles the store schema when loaded (well over
 * 100 ms), and the desk draws its first frame before it reads the store (README "Decisions worth
 * knowing"). Everything else here is already loaded by the desk's screens.
 */
import type * as StoreModule from './store.js';
import type * as WelfareDraftsModule from './welfare-drafts.js';
import type * as WelfareFileModule from './welfare-file.js';
import {isPostgresUrl} from './pg-url.js';

export type {ApplyResult, Change, ChainWanted, FileSignature, OpenOptions, OutsideChange, ReadOptions, Store, StoreRead} from './store.js';
export {chainPathFor} from './chain-path.js';
export {StoreError, describeFsError, type OfficerLoginFacts, type StoreErrorCode} from './errors.js';
export {writeFileAtomic} from './atomic-write.js';
export {
	chainHead,
	formatHead,
	hashEntry,
	keySigner,
	makeEntry,
	resignChain,
	signer,
	verifyChain,
	type ChainHead,
	type ChainProblem,
	type SigningKey,
} from './chain.js';
export {fingerprintOf, mayEnrol, verifySignatures, type SignatureReport} from './signatures.js';
export {
	copiesProblem,
	entryTrustProblem,
	shownEntriesProblem,
	verifyWholeChain,
	wholeChainProblem,
	type ChainVerdict,
} from './chain-verify.js';
export {createSigningKey, keysFolder, loadSigningKey, type NewKey} from './keys.js';
export {checkExport, ExportRefused, writeExport, type ExportOptions, type ExportRefusal, type ExportWritten} from './write-export.js';
export {welfareDraftsPathFor, welfareKeyFromEnv, welfarePathFor} from './welfare-paths.js';
export type {WelfareFile, WelfareKey, WelfareNote} from './welfare-file.js';
export type {PendingWelfareNote, WelfareDraftsAccess} from './welfare-drafts.js';

export {isPostgresUrl, parseStoreUrl} from './pg-url.js';

const load = async (): Promise<typeof StoreModule> => import('./store.js');

/**
 * Loads the file store's writer (store.ts and what it imports) without opening anything: the desk calls it
 * while its first frame is up, so that openStore's read starts at once instead of after its modules load.
 */
export const loadFileStore = async (): Promise<void> => {
	await load();
};

/** The PostgreSQL store (README "PostgreSQL"), loaded only for a postgres:// URL: a file store never loads pg. */
const pg = async () => import('./pg-store.js');

/** Opens a store file, or a postgres:// URL, for the desk and the commands that change it (see store.ts `openStore`). */
export const openStore: typeof StoreModule.openStore = async (file, options) =>
	isPostgresUrl(file) ? (await pg()).openPgStore(file, options) : (await load()).openStore(file, options);

/**
 * Reads, migrates and validates a store file once, for the read-only commands (read.ts). Loads the reader
 * alone, not the writer (store.ts, with the lock, lowdb and the schema compiler).
 */
export const readStoreFile: typeof StoreModule.readStoreFile = async (file, options) =>
	isPostgresUrl(file) ? (await pg()).readPgStore(file, options) : (await import('./read.js')).readStoreFile(file, options);

/** The database login a postgres:// URL connects as and its officer in the team; null for a file (pg-store.ts pgLogin). */
export const storeLogin = async (file: string): Promise<{role: string; officerId: string | null} | null> =>
	isPostgresUrl(file) ? (await pg()).pgLogin(file) : null;

/** The whole chain in batches, streamed from a split store's chain file (see store.ts). */
export const wholeChainBatches: typeof StoreModule.wholeChainBatches = async function* (file, data) {
	if (isPostgresUrl(file)) yield* (await pg()).pgChainBatches(file, data);
	else yield* (await import('./read.js')).wholeChainBatches(file, data);
};

/**
 * Why a split store's chain file does not hold the state's copies an export prints (`shows`) and the head
 * as the same entries, or null (chain-copies.ts). PostgreSQL has no second copy: its chain table is the
 * chain, with no UPDATE or DELETE granted (README "PostgreSQL"), so there it answers null.
 */
export const chainFileCopiesProblem = async (
	file: string,
	data: Pick<import('../domain/model.js').StoreData, 'chain' | 'chainLog'>,
	shows: (e: import('../domain/model.js').ChainEntry) => boolean,
): Promise<string | null> => (isPostgresUrl(file) ? null : (await import('./chain-copies.js')).chainFileCopiesProblem(file, data, shows));

/** Writes the store as one JSON file, the whole chain inside (`fortnight store export --single-file`; see store.ts). */
export const exportSingleFile: typeof StoreModule.exportSingleFile = async (...args) => (await load()).exportSingleFile(...args);

/** Writes a generated store to a user-named file through the export writer's checks (see store.ts). */
export const exportStoreFile: typeof StoreModule.exportStoreFile = async (...args) => (await load()).exportStoreFile(...args);

/** Writes a brand-new store file; refuses to overwrite unless asked (see store.ts). */
export const createStoreFile: typeof StoreModule.createStoreFile = async (file, data, options) =>
	(await load()).createStoreFile(file, data, options);

/** `fortnight store migrate` on a postgres:// URL: applies the SQL migrations the database lacks (pg-migrate.ts). */
export const migrateDatabase = async (url: string) => (await import('./pg-admin.js')).migrateDatabase(url);

/** `fortnight store copy`: a whole store, chain and welfare notes, from a file or database to a new one (store-copy.ts). */
export const copyStore = async (from: string, to: string) => (await import('./store-copy.js')).copyStore(from, to);

// The welfare files' modules load their schema checker (TypeBox, hundreds of modules): loaded when a
// welfare file is opened, not by every command that imports the store (issue 18).
const welfareFile = async () => import('./welfare-file.js');
const welfareDrafts = async () => import('./welfare-drafts.js');

/** Adds one note to the welfare file (welfare-file.ts). */
export const appendWelfareNote: typeof WelfareFileModule.appendWelfareNote = async (...args) =>
	(await welfareFile()).appendWelfareNote(...args);
/** The welfare file's notes (welfare-file.ts). */
export const readWelfare: typeof WelfareFileModule.readWelfare = async (...args) => (await welfareFile()).readWelfare(...args);
/** How many notes of a window the store kept from its reader, per officer (welfare-file.ts). */
export const readWelfareWithheld: typeof WelfareFileModule.readWelfareWithheld = async (...args) =>
	(await welfareFile()).readWelfareWithheld(...args);
/** Writes the welfare file whole (welfare-file.ts). */
export const writeWelfare: typeof WelfareFileModule.writeWelfare = async (...args) => (await welfareFile()).writeWelfare(...args);
/** Welfare notes drafted in an unsigned review (welfare-drafts.ts). */
export const openWelfareDrafts: typeof WelfareDraftsModule.openWelfareDrafts = async (...args) =>
	(await welfareDrafts()).openWelfareDrafts(...args);
export const readWelfareDrafts: typeof WelfareDraftsModule.readWelfareDrafts = async (...args) =>
	(await welfareDrafts()).readWelfareDrafts(...args);
export const changeWelfareDrafts: typeof WelfareDraftsModule.changeWelfareDrafts = async (...args) =>
	(await welfareDrafts()).changeWelfareDrafts(...args);
export {withoutReceipts} from './receipts.js';
