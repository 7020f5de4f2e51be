/**
 * The one store interface the rest of fortnight sees: load a snapshot, apply a change, notice outside
 * changes. lowdb's Low holds the data; our adapter does the reading (validated) and the writing
 * (locked, revision-checked, durable). No lowdb type leaks out of this folder, so a server database
 * could take the JSON file's place behind the same interface.
 */
import {constants, promises as fsp} from 'node:fs';
import path from 'node:path';
import {Low, type Adapter} from 'lowdb';
import type {StoreData} from '../domain/model.js';
import {SCHEMA_VERSION} from '../domain/model.js';
import {writeFileAtomic} from './atomic-write.js';
import {describeFsError, StoreError} from './errors.js';
import {realFs, type WriteFs} from './file-system.js';
import {withLock, type LockOptions} from './lock.js';
import {migrate} from './migrate.js';
import {validateStore} from './validate.js';

/** Files larger than this are refused before parsing, so a runaway file cannot hang the desk. */
export const MAX_STORE_BYTES = 1024 * 1024 * 1024;

/** A pure change: takes the freshest data, returns the next data (never mutates its argument). */
export type Change = (data: StoreData) => StoreData;

export interface ApplyResult {
	/** True when another process had written the store first and this change was re-applied on top. */
	merged: boolean;
	revision: number;
}

/** What identifies one version of the file on disk without reading it. */
interface FileSignature {
	size: number;
	mtimeMs: number;
	ino: number;
}

export interface OpenOptions {
	/** Open without ever writing (also chosen automatically when the file or folder is not writable). */
	readOnly?: boolean;
	fs?: WriteFs;
	lock?: LockOptions;
	/** Clock for updatedAt; tests fix it. */
	now?: () => Date;
}

export interface Store {
	readonly file: string;
	readonly readOnly: boolean;
	/** Why the store is read-only, in one sentence, or null. */
	readonly readOnlyReason: string | null;
	/** The current data. Treat as immutable: change it only through apply(). */
	snapshot(): StoreData;
	/**
	 * Applies `change` under the cross-process lock to the freshest data on disk, validates the result,
	 * bumps the revision and writes it durably. The lock is held only for this call, never while a
	 * person is typing. Throws StoreError; the in-memory snapshot is unchanged when it does.
	 */
	apply(change: Change): Promise<ApplyResult>;
	/** True when the file on disk is no longer the version this instance last read or wrote. */
	changedOnDisk(): Promise<boolean>;
	/** Re-reads the file (after changedOnDisk), returning the new snapshot. */
	reload(): Promise<StoreData>;
}

export function serialize(data: StoreData): string {
	return JSON.stringify(data) + '\n';
}

/** Reads, parses, migrates and validates a store file, or throws a StoreError that names the file. */
export async function readStoreFile(file: string): Promise<{data: StoreData; signature: FileSignature; migratedFrom: number | null; raw: string}> {
	let stat;
	try {
		stat = await fsp.stat(file);
	} catch (err) {
		throw describeFsError(err, file, 'reading');
	}
	if (stat.isDirectory()) throw new StoreError('invalid', `${file} is a folder, not a store file. Point --store at a .json file.`, file);
	if (stat.size > MAX_STORE_BYTES) {
		throw new StoreError('too-large', `${file} is ${Math.round(stat.size / 1e6)} MB, over the 1 GB limit; it is not a fortnight store or needs splitting by team.`, file);
	}
	let raw: string;
	try {
		raw = await fsp.readFile(file, 'utf8');
	} catch (err) {
		throw describeFsError(err, file, 'reading');
	}
	const parsed = parseStoreText(raw, file);
	const {data, from} = migrate(parsed, file);
	const problem = validateStore(data);
	if (problem) {
		throw new StoreError(
			'invalid',
			`${file} is not a valid fortnight store: at ${problem.path}, ${problem.message}. The file was not changed; fix that field or restore a backup.`,
			file,
		);
	}
	return {data: data as StoreData, signature: signatureOf(stat), migratedFrom: from, raw};
}

export function parseStoreText(raw: string, file: string): unknown {
	if (raw.trim() === '') {
		throw new StoreError('malformed', `${file} is empty. Restore it from a backup, or delete it to start again from the demo team.`, file);
	}
	try {
		// Strip a UTF-8 BOM some editors add.
		return JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
	} catch (err) {
		const msg = err instanceof Error ? err.message : String(err);
		const pos = /position (\d+)/.exec(msg);
		const where = pos ? ` near ${lineColumn(raw, Number(pos[1]))}` : msg.includes('end of JSON') || msg.includes('Unterminated') ? ' (the file ends too early: it looks truncated)' : '';
		throw new StoreError(
			'malformed',
			`${file} is not valid JSON${where}: ${msg.replace(/^.*?: /, '').slice(0, 120)}. The file was not changed; restore a backup or fix it by hand.`,
			file,
		);
	}
}

function lineColumn(text: string, offset: number): string {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(offset, text.length);
	for (let i = 0; i < end; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return `line ${line}, column ${end - lineStart + 1} (byte ${offset})`;
}

function signatureOf(stat: {size: number; mtimeMs: number; ino: number}): FileSignature {
	return {size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino};
}

function sameSignature(a: FileSignature | null, b: FileSignature): boolean {
	return a !== null && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

async function whyReadOnly(file: string): Promise<string | null> {
	try {
		await fsp.access(file, constants.W_OK);
	} catch {
		return `${file} is read-only: you can look but not save.`;
	}
	try {
		await fsp.access(path.dirname(file), constants.W_OK);
	} catch {
		return `The folder holding ${file} is read-only: you can look but not save.`;
	}
	return null;
}

/** The lowdb adapter: reads validated data; writes under the lock after a revision check. */
class DurableJsonAdapter implements Adapter<StoreData> {
	signature: FileSignature | null = null;
	mode = 0o600;
	/** The data this instance last read or wrote, i.e. the version `signature` describes. */
	known: StoreData | null = null;

	constructor(
		readonly file: string,
		readonly fs: WriteFs,
	) {}

	async read(): Promise<StoreData> {
		const {data, signature, migratedFrom} = await readStoreFile(this.file);
		const stat = await fsp.stat(this.file);
		this.mode = stat.mode & 0o777;
		this.signature = signature;
		this.known = data;
		if (migratedFrom !== null) this.migratedFrom = migratedFrom;
		return data;
	}

	migratedFrom: number | null = null;

	/** Reads the file only if it changed since we last saw it; returns [data, changed]. */
	async fresh(): Promise<[StoreData, boolean]> {
		let stat;
		try {
			stat = await fsp.stat(this.file);
		} catch (err) {
			throw describeFsError(err, this.file, 'reading');
		}
		if (this.known && sameSignature(this.signature, signatureOf(stat))) return [this.known, false];
		const data = await this.read();
		return [data, true];
	}

	async write(data: StoreData): Promise<void> {
		try {
			await writeFileAtomic(this.file, serialize(data), this.mode, this.fs);
		} catch (err) {
			throw describeFsError(err, this.file, 'saving');
		}
		const stat = await fsp.stat(this.file);
		this.signature = signatureOf(stat);
		this.known = data;
	}
}

export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
	const abs = path.resolve(file);
	const adapter = new DurableJsonAdapter(abs, options.fs ?? realFs);
	const initial = await adapter.read();
	const db = new Low<StoreData>(adapter, initial);
	db.data = initial;
	const now = options.now ?? (() => new Date());
	const autoReason = await whyReadOnly(abs);
	const readOnlyReason = options.readOnly ? `${abs} was opened read-only.` : autoReason;

	// A migrated file is written back in the new version once, after a backup (see migrate.ts).
	if (adapter.migratedFrom !== null && !readOnlyReason) {
		await fsp.copyFile(abs, `${abs}.bak-v${adapter.migratedFrom}`).catch(() => {});
	}

	return {
		file: abs,
		readOnly: readOnlyReason !== null,
		readOnlyReason,
		snapshot: () => db.data,
		async apply(change) {
			if (readOnlyReason) throw new StoreError('read-only', readOnlyReason, abs);
			return withLock(abs, options.lock, async assertHeld => {
				const [fresh, changed] = await adapter.fresh();
				const mine = db.data;
				// An instance holding an older revision never overwrites newer data: the change is a pure
				// function, so it is re-run on the freshest data (it throws StoreError 'conflict' if it clashes).
				const merged = changed && fresh.revision !== mine.revision;
				const next = change(fresh);
				const candidate: StoreData = {...next, schemaVersion: SCHEMA_VERSION, revision: fresh.revision + 1, updatedAt: now().toISOString()};
				const problem = validateStore(candidate);
				if (problem) {
					throw new StoreError('invalid', `That change would make ${abs} invalid (at ${problem.path}, ${problem.message}), so it was not saved.`, abs);
				}
				assertHeld();
				await adapter.write(candidate);
				db.data = candidate;
				return {merged, revision: candidate.revision};
			});
		},
		async changedOnDisk() {
			try {
				const stat = await fsp.stat(abs);
				return !sameSignature(adapter.signature, signatureOf(stat));
			} catch {
				return true;
			}
		},
		async reload() {
			db.data = await adapter.read();
			return db.data;
		},
	};
}

/** Writes a brand-new store file (used for the first-run demo copy and `generate`). Refuses to overwrite. */
export async function createStoreFile(file: string, data: StoreData, options: {overwrite?: boolean; mode?: number} = {}): Promise<void> {
	const abs = path.resolve(file);
	const problem = validateStore(data);
	if (problem) throw new StoreError('invalid', `Refusing to write an invalid store to ${abs}: at ${problem.path}, ${problem.message}.`, abs);
	if (!options.overwrite) {
		const exists = await fsp.stat(abs).then(
			() => true,
			() => false,
		);
		if (exists) throw new StoreError('invalid', `${abs} already exists; choose another file or remove it first.`, abs);
	}
	try {
		await fsp.mkdir(path.dirname(abs), {recursive: true});
		await writeFileAtomic(abs, serialize(data), options.mode ?? 0o600);
	} catch (err) {
		throw describeFsError(err, abs, 'creating');
	}
}

export {SCHEMA_VERSION};
