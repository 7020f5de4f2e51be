/**
 * Faults at the file-system layer, injected through WriteFs at every step of a durable write (open,
 * write, fsync, close, chmod, rename, folder fsync), each as ENOSPC, EACCES, EIO and EROFS, failing once
 * and failing always. After every failed save: the previous file is byte-identical, the user gets one
 * clear sentence (a StoreError), the in-memory snapshot is unchanged and the unsaved data is kept, and
 * a retry after a one-off fault saves the change exactly once.
 */
import {chmodSync, existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {makeEntry, verifyChain} from '../../source/store/chain.js';
import {chainPathFor} from '../../source/store/chain-path.js';
import {StoreError, type StoreErrorCode} from '../../source/store/errors.js';
import {realFs, type WriteFs} from '../../source/store/file-system.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {tempDir} from '../helpers/cli.js';
import {smallStore} from './small-store.js';

type Step = keyof WriteFs;
const STEPS: Step[] = ['open', 'write', 'sync', 'close', 'chmod', 'rename', 'syncDir'];
const ERRORS: {code: string; expect: StoreErrorCode}[] = [
	{code: 'ENOSPC', expect: 'no-space'},
	{code: 'EACCES', expect: 'permission'},
	{code: 'EIO', expect: 'io'},
	{code: 'EROFS', expect: 'read-only'},
];
let injected = 0;

function fault(code: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${code}: injected fault`), {code, errno: -1, syscall: 'injected'});
}

/** A WriteFs whose `step` fails with `code`, once or always. A failing write first writes half its data (a real ENOSPC does). */
function faultyFs(step: Step, code: string, always: boolean, also?: Step): WriteFs {
	let fired = false;
	const shouldFail = (s: Step) => (s === step && (always || !fired)) || s === also;
	const fail = (s: Step): never => {
		if (s === step) fired = true;
		injected++;
		throw fault(code);
	};
	return {
		open: async (p, f, m) => (shouldFail('open') ? fail('open') : realFs.open(p, f, m)),
		write: async (h, d) => {
			if (shouldFail('write')) {
				await realFs.write(h, typeof d === 'string' ? d.slice(0, d.length >> 1) : d.subarray(0, d.length >> 1));
				return fail('write');
			}
			return realFs.write(h, d);
		},
		// The chain file's append: a failing one writes half its line first, a torn line (as a real ENOSPC does).
		writeAt: async (h, d, p) => {
			if (shouldFail('writeAt')) {
				await realFs.writeAt(h, d.subarray(0, d.length >> 1), p);
				return fail('writeAt');
			}
			return realFs.writeAt(h, d, p);
		},
		truncate: async (h, n) => (shouldFail('truncate') ? fail('truncate') : realFs.truncate(h, n)),
		sync: async h => (shouldFail('sync') ? fail('sync') : realFs.sync(h)),
		close: async h => {
			await realFs.close(h); // never leak the descriptor, even when reporting a failure
			if (shouldFail('close')) fail('close');
		},
		chmod: async (p, m) => (shouldFail('chmod') ? fail('chmod') : realFs.chmod(p, m)),
		chown: (h, u, g) => realFs.chown(h, u, g),
		rename: async (a, b) => (shouldFail('rename') ? fail('rename') : realFs.rename(a, b)),
		syncDir: async d => (shouldFail('syncDir') ? fail('syncDir') : realFs.syncDir(d)),
		unlink: async p => (shouldFail('unlink') ? fail('unlink') : realFs.unlink(p)),
	};
}

const addUpdate =
	(text: string) =>
	(d: StoreData): StoreData => ({
		...d,
		cases: d.cases.map((c, i) => (i === 0 ? {...c, updates: [...c.updates, {date: '2026-11-30', authorId: c.oicId, text}]} : c)),
	});
const count = (d: StoreData, text: string) => d.cases[0]!.updates.filter(u => u.text === text).length;
const temps = (dir: string) => readdirSync(dir).filter(n => n.endsWith('.tmp'));

/** What a save that must fail rejects with (a save that succeeds fails the test here). */
async function saveFailure(save: Promise<unknown>): Promise<StoreError> {
	const outcome = await save.then(
		() => null,
		(e: unknown) => e,
	);
	expect(outcome).toBeInstanceOf(StoreError);
	return outcome as StoreError;
}

describe('faults at every step of a save', () => {
	for (const step of STEPS.filter(s => s !== 'syncDir')) {
		for (const {code, expect: want} of ERRORS) {
			for (const always of [false, true]) {
				it(`${step} fails ${always ? 'always' : 'once'} with ${code}: old file intact, one clear sentence, change kept`, async () => {
					const {file, dir} = await smallStore(2);
					const store = await openStore(file, {fs: faultyFs(step, code, always)});
					const before = readFileSync(file);
					const shown = store.snapshot();
					const err = await saveFailure(store.apply(addUpdate('retry me')));
					expect(err).toBeInstanceOf(StoreError);
					expect(err.code).toBe(want);
					expect(err.message).toContain(file);
					expect(err.message).not.toContain('\n');
					expect(err.message.length).toBeLessThan(260);
					expect(err.message.split(/\.\s/).length).toBeLessThanOrEqual(3); // one or two sentences
					expect(readFileSync(file).equals(before)).toBe(true);
					expect(store.snapshot()).toBe(shown);
					expect(count(err.unsaved as StoreData, 'retry me')).toBe(1); // the change, kept for retry or save-elsewhere
					expect(temps(dir)).toEqual([]);
					const again = await store.apply(addUpdate('retry me')).catch(e => e as StoreError);
					if (always || code === 'EROFS') {
						// EROFS does not go away by retrying: the store turns read-only and says so.
						expect(again).toBeInstanceOf(StoreError);
						expect(readFileSync(file).equals(before)).toBe(true);
						if (code === 'EROFS') {
							expect(store.readOnly).toBe(true);
							expect(store.readOnlyReason).toMatch(/read-only drive/);
							// ...and the change can be saved elsewhere.
							const elsewhere = path.join(tempDir(), 'copy.json');
							await store.saveCopy(elsewhere, err.unsaved as StoreData);
							expect(count((await readStoreFile(elsewhere)).data, 'retry me')).toBe(1);
						}
					} else {
						expect(again).not.toBeInstanceOf(StoreError);
						const {data} = await readStoreFile(file);
						expect(count(data, 'retry me')).toBe(1);
						expect(count(store.snapshot(), 'retry me')).toBe(1);
					}
					expect(temps(dir)).toEqual([]);
				});
			}
		}
	}

	for (const {code} of ERRORS) {
		it(`the folder fsync fails with ${code}: the save has happened, so it reports a warning, not a failure (a retry would apply it twice)`, async () => {
			const {file} = await smallStore(2);
			const store = await openStore(file, {fs: faultyFs('syncDir', code, true)});
			const r = await store.apply(addUpdate('once only'));
			expect(r.warning).toMatch(new RegExp(`Saved .*did not confirm it \\(${code}\\)`));
			expect(count((await readStoreFile(file)).data, 'once only')).toBe(1);
			expect(count(store.snapshot(), 'once only')).toBe(1);
			expect(await store.changedOnDisk()).toBe(false);
		});
	}

	it('a failed save whose clean-up also fails leaves a temp file that is never read, and the old file intact', async () => {
		const {file, dir} = await smallStore(2);
		const store = await openStore(file, {fs: faultyFs('rename', 'EIO', true, 'unlink')});
		const before = readFileSync(file);
		await expect(store.apply(addUpdate('x'))).rejects.toBeInstanceOf(StoreError);
		expect(temps(dir)).toHaveLength(1);
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(count((await readStoreFile(file)).data, 'x')).toBe(0);
	});

	it('a bug in the change itself is rethrown as itself (not reported as a disk error) and nothing is written', async () => {
		const {file} = await smallStore(2);
		const before = readFileSync(file);
		const store = await openStore(file);
		await expect(
			store.apply(() => {
				throw new TypeError('bug in a change');
			}),
		).rejects.toThrow(TypeError);
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(existsSync(`${file}.lock`)).toBe(false); // the lock is released
	});

	afterAll(() => console.log(`faults injected: ${injected}`));
});

/** Signing: one chain entry appended (an amendment of the last entry) and an update, in one save. */
const addEntry =
	(text: string) =>
	(d: StoreData): StoreData => {
		const last = d.chain.at(-1)!;
		const data = {amends: last.seq, date: '2026-11-30', by: d.team.sergeantId, reason: text, corrections: {summary: text}};
		return {...addUpdate(text)(d), chain: [...d.chain, makeEntry(d.chain, 'amendment', data, '2026-11-30T10:00:00.000Z')]};
	};
const entries = (d: StoreData, text: string) => d.chain.filter(e => e.kind === 'amendment' && e.data.reason === text).length;
const whole = async (file: string) => (await readStoreFile(file, {chain: 'whole'})).data;

describe('faults on the chain file append (signing), store README "The review chain file"', () => {
	// The append's own steps (open the chain file, write the line, sync it), then the state write's after
	// a successful append (write, rename): whichever fails, both files are as they were.
	for (const step of ['open', 'writeAt', 'sync', 'write', 'rename'] as const) {
		for (const {code, expect: want} of ERRORS) {
			for (const always of [false, true]) {
				it(`${step} fails ${always ? 'always' : 'once'} with ${code}: chain file and store unchanged, change kept, a retry appends once`, async () => {
					const {file, dir} = await smallStore(2);
					const chainFile = chainPathFor(file);
					const store = await openStore(file, {fs: faultyFs(step, code, always)});
					const before = {state: readFileSync(file), chain: readFileSync(chainFile)};
					const shown = store.snapshot();
					const err = await saveFailure(store.apply(addEntry('signed once')));
					expect(err.code).toBe(want);
					expect(err.message).not.toContain('\n');
					expect(readFileSync(chainFile).equals(before.chain)).toBe(true); // a torn half-line is cut back
					expect(readFileSync(file).equals(before.state)).toBe(true);
					expect(store.snapshot()).toBe(shown);
					expect(entries(err.unsaved as StoreData, 'signed once')).toBe(1);
					expect(temps(dir)).toEqual([]);
					const again = await store.apply(addEntry('signed once')).catch(e => e as StoreError);
					if (always || code === 'EROFS') {
						expect(again).toBeInstanceOf(StoreError);
						expect(readFileSync(chainFile).equals(before.chain)).toBe(true);
					} else {
						expect(again).not.toBeInstanceOf(StoreError);
						const data = await whole(file);
						expect(entries(data, 'signed once')).toBe(1);
						expect(verifyChain(data.chain)).toBeNull();
					}
				});
			}
		}
	}

	it(
		'ENOSPC mid-append and the cut-back fails too: the torn line stays after the committed end, is ignored with a warning, and the next save ' +
			'cuts it off',
		async () => {
			const {file} = await smallStore(2);
			const chainFile = chainPathFor(file);
			const store = await openStore(file, {fs: faultyFs('writeAt', 'ENOSPC', true, 'truncate')});
			const before = {state: readFileSync(file), chain: readFileSync(chainFile)};
			expect((await saveFailure(store.apply(addEntry('torn')))).code).toBe('no-space');
			const after = readFileSync(chainFile);
			expect(after.length).toBeGreaterThan(before.chain.length); // half a line, no newline
			expect(after.subarray(0, before.chain.length).equals(before.chain)).toBe(true);
			expect(readFileSync(file).equals(before.state)).toBe(true);
			const read = await readStoreFile(file, {chain: 'whole'});
			expect(read.warnings.join(' ')).toMatch(/ends with \d+ bytes that no save of .* completed \(a save was interrupted\)/);
			expect(entries(read.data, 'torn')).toBe(0);
			const healthy = await openStore(file);
			await healthy.apply(addEntry('after the tear'));
			const data = await whole(file);
			expect(verifyChain(data.chain)).toBeNull();
			expect(entries(data, 'torn')).toBe(0);
			expect(entries(data, 'after the tear')).toBe(1);
			expect((await readStoreFile(file)).warnings).toEqual([]);
		},
	);

	it('the close after a synced append fails: the entry is already durable, so the save goes on and records it once', async () => {
		const {file} = await smallStore(2);
		const store = await openStore(file, {fs: faultyFs('close', 'EIO', false)});
		await store.apply(addEntry('closed late'));
		const data = await whole(file);
		expect(entries(data, 'closed late')).toBe(1);
		expect(verifyChain(data.chain)).toBeNull();
	});
});

describe('read-only stores', () => {
	it('the readOnly option opens read-only with a reason for the banner, and refuses to save', async () => {
		const {file} = await smallStore(2);
		const before = readFileSync(file);
		const store = await openStore(file, {readOnly: true});
		expect(store.readOnly).toBe(true);
		expect(store.readOnlyReason).toMatch(/opened read-only/);
		const err = await saveFailure(store.apply(addUpdate('no')));
		expect(err.code).toBe('read-only');
		expect(readFileSync(file).equals(before)).toBe(true);
	});

	const isRoot = process.getuid?.() === 0;
	// Root ignores file modes, so chmod cannot make a file read-only for root (access() says writable,
	// and a write would succeed). The option and EROFS injection above cover root; these run as anyone else.
	it.skipIf(isRoot)('a file without write permission opens read-only (skipped as root: modes do not bind root)', async () => {
		const {file} = await smallStore(2);
		chmodSync(file, 0o444);
		const store = await openStore(file);
		expect(store.readOnly).toBe(true);
		expect(store.readOnlyReason).toMatch(/is read-only/);
	});

	it.skipIf(isRoot)('a folder without write permission opens read-only (skipped as root: modes do not bind root)', async () => {
		const {file, dir} = await smallStore(2);
		chmodSync(dir, 0o555);
		try {
			const store = await openStore(file);
			expect(store.readOnly).toBe(true);
			expect(store.readOnlyReason).toMatch(/folder holding/);
		} finally {
			chmodSync(dir, 0o755);
		}
	});
});
