/**
 * The review chain in its own file (store README, "The review chain file"): a single-file store is split
 * on its first save; signing appends lines; the state records the committed end, so a torn or uncommitted
 * tail is ignored with a warning and cut off by the next save; `verify` walks the file and checks the
 * state's working set against it; a chain file that is missing, shorter, replaced or edited is reported,
 * never appended to; the two files keep the sharing rules (hard links refused, owner kept).
 */
import {
	appendFileSync,
	chmodSync,
	chownSync,
	existsSync,
	linkSync,
	readFileSync,
	statSync,
	truncateSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import verify from '../../source/commands/verify.js';
import {chainWorkingSet} from '../../source/domain/chain-working-set.js';
import type {ChainEntry, StoreData} from '../../source/domain/model.js';
import {generateStore} from '../../source/generate/generate.js';
import {makeEntry, signer, verifyChain} from '../../source/store/chain.js';
import {chainPathFor} from '../../source/store/chain-path.js';
import {StoreError} from '../../source/store/errors.js';
import {createStoreFile, openStore, readStoreFile, serialize} from '../../source/store/store.js';
import {runCli, tempDir} from '../helpers/cli.js';
import {smallData, smallStore} from './small-store.js';

const isRoot = process.getuid?.() === 0;
const TODAY = '2026-11-30';

/** One more chain entry (an amendment of the last entry), as signing makes. */
const sign =
	(reason: string) =>
	(d: StoreData): StoreData => {
		const last = d.chain.at(-1)!;
		const data = {amends: last.seq, date: TODAY, by: d.team.sergeantId, reason, corrections: {summary: reason}};
		return {...d, chain: [...d.chain, makeEntry(d.chain, 'amendment', data, '2026-11-30T10:00:00.000Z')]};
	};
const whole = async (file: string) => (await readStoreFile(file, {chain: 'whole'})).data;
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

async function verifyStore(file: string): Promise<{code: number; out: string; err: string}> {
	let out = '';
	let err = '';
	const stream = (add: (s: string) => void) =>
		({write: (s: string) => (add(s), true), once: () => undefined}) as unknown as NodeJS.WriteStream;
	const ctx = {storePath: file, today: TODAY, stdout: stream(s => (out += s)), stderr: stream(s => (err += s))} as never;
	return {code: await verify.run(ctx, [], {}), out, err};
}

/** A single-file store (the whole chain inside, as an older fortnight wrote it). */
function singleFile(cases = 3): {file: string; data: StoreData} {
	const file = path.join(tempDir('fortnight-chain-'), 'team.json');
	const data = {...smallData(cases), schemaVersion: 1} as unknown as StoreData;
	writeFileSync(file, serialize(data));
	return {file, data};
}

describe('splitting a single-file store', () => {
	it('the first save moves the whole chain to team.chain.jsonl, one entry a line, and keeps a backup of the single file', async () => {
		const {file, data} = singleFile();
		const store = await openStore(file);
		expect(store.snapshot().chain).toHaveLength(data.chain.length); // a single file holds its whole chain
		await store.apply(d => ({...d, team: {...d.team, name: 'Split'}}));
		const chainFile = chainPathFor(file);
		expect(lines(chainFile).map(l => JSON.parse(l) as ChainEntry)).toEqual(data.chain);
		const state = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
		expect(state.chainLog).toEqual({entries: data.chain.length, bytes: statSync(chainFile).size});
		expect(state.chain).toEqual(chainWorkingSet(data.chain));
		expect(state.chain.length).toBeLessThan(data.chain.length);
		expect(existsSync(`${file}.bak-v1`)).toBe(true);
		expect((await whole(file)).chain).toEqual(data.chain);
		expect((await verifyStore(file)).code).toBe(0);
	});

	it('signing appends lines and nothing else: the lines before are byte for byte as they were', async () => {
		const {file} = await smallStore(3);
		const chainFile = chainPathFor(file);
		const before = readFileSync(chainFile);
		const store = await openStore(file);
		await store.apply(sign('first'));
		await store.apply(sign('second'));
		const after = readFileSync(chainFile);
		expect(after.subarray(0, before.length).equals(before)).toBe(true);
		const added = after.subarray(before.length).toString('utf8').split('\n').filter(Boolean);
		expect(added.map(l => (JSON.parse(l) as {data: {reason: string}}).data.reason)).toEqual(['first', 'second']);
		expect(verifyChain((await whole(file)).chain)).toBeNull();
		// The snapshot holds the working set; the whole chain is one read away.
		expect(store.snapshot().chain.at(-1)!.seq).toBe((await whole(file)).chain.length - 1);
	});

	it('a chain file already there that is not this chain is never replaced: the split is refused, nothing written', async () => {
		const {file} = singleFile();
		const chainFile = chainPathFor(file);
		const other = generateStore({cases: 2, seed: 'another team', referenceDate: TODAY}, signer).data.chain;
		writeFileSync(chainFile, other.map(e => JSON.stringify(e) + '\n').join(''));
		const before = {state: readFileSync(file), chain: readFileSync(chainFile)};
		const store = await openStore(file);
		const err = await store.apply(d => ({...d, team: {...d.team, name: 'x'}})).catch(e => e as StoreError);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).message).toMatch(/already exists and is not the review chain of .*move it away/);
		expect(readFileSync(file).equals(before.state)).toBe(true);
		expect(readFileSync(chainFile).equals(before.chain)).toBe(true);
	});

	it('a split killed after writing the chain file (its first entries, a torn last line) is done again on the next save', async () => {
		const {file, data} = singleFile();
		const chainFile = chainPathFor(file);
		writeFileSync(
			chainFile,
			data.chain
				.slice(0, 5)
				.map(e => JSON.stringify(e) + '\n')
				.join('') + '{"seq":5,"prev',
		);
		const store = await openStore(file);
		await store.apply(d => ({...d, team: {...d.team, name: 'Split again'}}));
		expect((await whole(file)).chain).toEqual(data.chain);
	});
});

describe('a torn or uncommitted tail (a save killed mid-append, or between the append and the state write)', () => {
	it('a torn last line is ignored with a warning: the rules, the log and verify run; the next save cuts it off', async () => {
		const {file} = await smallStore(3);
		const chainFile = chainPathFor(file);
		const committed = readFileSync(chainFile);
		appendFileSync(chainFile, '{"seq":999,"prevHash":"ab');
		const read = await readStoreFile(file, {chain: 'whole'});
		expect(read.warnings).toHaveLength(1);
		expect(read.warnings[0]).toMatch(/team\.chain\.jsonl ends with 25 bytes that no save of .*team\.json completed/);
		expect(verifyChain(read.data.chain)).toBeNull();
		const r = await verifyStore(file);
		expect(r.code).toBe(0);
		expect(r.err).toMatch(/no save of .* completed \(a save was interrupted\); they are not part of the review chain/);
		const store = await openStore(file);
		await store.apply(sign('after'));
		const after = readFileSync(chainFile);
		expect(after.subarray(0, committed.length).equals(committed)).toBe(true);
		expect(after.toString('utf8')).not.toContain('"seq":999');
		expect((await readStoreFile(file)).warnings).toEqual([]);
		expect(verifyChain((await whole(file)).chain)).toBeNull();
	});

	it('whole entries after the committed end (the state write never happened) are not part of the chain, and the next entry takes their place', async () => {
		const {file} = await smallStore(3);
		const chainFile = chainPathFor(file);
		const {data} = await readStoreFile(file, {chain: 'whole'});
		const orphan = sign('never committed')(data).chain.at(-1)!;
		appendFileSync(chainFile, JSON.stringify(orphan) + '\n');
		expect((await whole(file)).chain).toHaveLength(data.chain.length);
		const store = await openStore(file);
		await store.apply(sign('committed'));
		const chain = (await whole(file)).chain;
		expect(chain.at(-1)).toMatchObject({seq: orphan.seq, data: {reason: 'committed'}});
		expect(readFileSync(chainFile, 'utf8')).not.toContain('never committed');
		expect(verifyChain(chain)).toBeNull();
	});
});

describe('an entry edited longer is tampering, not an interrupted save (QA 6 R18)', () => {
	it('verify says the chain file was edited, never that the next save removes the extra bytes', async () => {
		const {file} = await smallStore(3);
		const chainFile = chainPathFor(file);
		const lines = readFileSync(chainFile, 'utf8').split('\n');
		// One character more inside the first entry: the file is a byte longer than the state records.
		lines[0] = lines[0]!.replace('"seq":', ' "seq":');
		writeFileSync(chainFile, lines.join('\n'));
		const r = await verifyStore(file);
		expect(r.code).not.toBe(0);
		expect(r.err).toMatch(
			/does not end an entry where .*team\.json says the chain ends \(byte \d+\): it was edited or replaced, not cut short/,
		);
		expect(r.err).not.toMatch(/a save was interrupted|the next save removes them/);
	});
});

/** Entry `seq`'s line in the chain file beside `file`, changed by `edit`; the file's new length against the old. */
function editEntry(file: string, seq: number, edit: (line: string) => string): {before: number; after: number} {
	const chainFile = chainPathFor(file);
	const all = readFileSync(chainFile, 'utf8').split('\n');
	expect(JSON.parse(all[seq]!)).toMatchObject({seq});
	const before = statSync(chainFile).size;
	all[seq] = edit(all[seq]!);
	writeFileSync(chainFile, all.join('\n'));
	return {before, after: statSync(chainFile).size};
}

/** A save on top of the edited pair is refused (on opening or on appending), and neither file changes. */
async function expectSaveRefused(file: string): Promise<void> {
	const before = [file, chainPathFor(file)].map(f => readFileSync(f));
	const save = async () => (await openStore(file, {chain: 'state'})).apply(sign('x'));
	await expect(save()).rejects.toBeInstanceOf(StoreError);
	expect([file, chainPathFor(file)].map((f, i) => readFileSync(f).equals(before[i]!))).toEqual([true, true]);
}

describe('verify names the entry edited in the chain file, whatever the edit does to its length (QA 7 D3, D4)', () => {
	it('an entry edited shorter is named as altered, not reported as entries removed; reads and saves still refuse', async () => {
		const {file} = await smallStore(3);
		const {before, after} = editEntry(file, 4, l => l.replace('"signedAt":"2', '"signedAt":"'));
		expect(after).toBe(before - 1);
		const r = await verifyStore(file);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/^BROKEN: .*team\.json: entry 4: entry 4 \(\w+\) was altered after signing/);
		expect(r.out + r.err).not.toMatch(/removed/);
		expect(runCli(['problems', '--store', file, '--today', TODAY]).code).toBe(3);
		await expectSaveRefused(file);
	});

	it('an entry edited so it is not a valid entry is named (exit 1, not 3), and verify does not tell the user to run verify', async () => {
		for (const [what, edit] of [
			['not an entry', (l: string) => l.replace('"kind":"', '"kind":"XX')],
			['not JSON', (l: string) => l.slice(0, -2)],
		] as const) {
			const {file} = await smallStore(3);
			editEntry(file, 2, edit);
			const r = await verifyStore(file);
			expect(r.code, what).toBe(1);
			expect(r.out, what).toMatch(/^BROKEN: .*team\.json: entry 2 \(line 3 of .*team\.chain\.jsonl\) cannot be read: /);
			expect(r.out, what).not.toMatch(/Expected union value/);
			expect(r.err, what).not.toContain('fortnight verify');
			await expectSaveRefused(file);
		}
	});

	it('the first entry that breaks is the one named: an altered entry before an unreadable one', async () => {
		const {file} = await smallStore(3);
		editEntry(file, 4, l => l.slice(0, -2));
		editEntry(file, 1, l => l.replace('"signedAt":"2', '"signedAt":"3'));
		const r = await verifyStore(file);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/^BROKEN: .*team\.json: entry 1: entry 1 \(\w+\) was altered after signing/);
	});

	it('the last entry removed whole names it as missing', async () => {
		const {file} = await smallStore(3);
		const chainFile = chainPathFor(file);
		const all = lines(chainFile);
		writeFileSync(chainFile, all.slice(0, -1).join('\n') + '\n');
		const r = await verifyStore(file);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(new RegExp(`^BROKEN: .*team\\.json: entry ${all.length - 1} is missing from .*team\\.chain\\.jsonl`));
	});

	it('an entry re-spaced, its content intact, still breaks the chain: the file is not what the state counts', async () => {
		const {file} = await smallStore(3);
		editEntry(file, 2, l => l.replace('"seq":', '"seq": '));
		const r = await verifyStore(file);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/^BROKEN: .*team\.chain\.jsonl holds \d+ entries in \d+ bytes where .*team\.json records/);
	});
});

describe('verify walks the chain file', () => {
	it('an entry edited in the chain file breaks the chain at that entry (exit 1)', async () => {
		const {file} = await smallStore(3);
		const chainFile = chainPathFor(file);
		const all = lines(chainFile);
		all[4] = all[4]!.replace('"signedAt":"', '"signedAt":"1');
		writeFileSync(chainFile, all.join('\n') + '\n');
		const r = await verifyStore(file);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/^BROKEN: .*team\.json: entry 4: /);
	});

	it('an entry deleted from the chain file, or the file cut short or missing, is a broken chain (exit 1), and no save appends to it', async () => {
		for (const damage of ['delete a line', 'cut short', 'remove'] as const) {
			const {file} = await smallStore(3);
			const chainFile = chainPathFor(file);
			const all = lines(chainFile);
			if (damage === 'delete a line') writeFileSync(chainFile, [...all.slice(0, 3), ...all.slice(4)].join('\n') + '\n');
			if (damage === 'cut short') truncateSync(chainFile, statSync(chainFile).size - 10);
			if (damage === 'remove') unlinkSync(chainFile);
			const r = await verifyStore(file);
			expect(r.code, damage).toBe(1);
			// verify names where the file breaks (QA 7 D3): the entry out of place, the one cut, or the missing file.
			const says = {
				'delete a line': /^BROKEN: .*team\.json: entry 3: entry at position 3 has sequence 4, expected 3 \(an entry was deleted/,
				'cut short': /^BROKEN: .*team\.chain\.jsonl ends partway through entry \d+ \(line \d+\), .*cut short or edited/,
				remove: /^BROKEN: .*team\.chain\.jsonl.*is missing/,
			}[damage];
			expect(r.out, damage).toMatch(says);
			// Every command that reads the store says the same (exit 3), and nothing is written.
			const cli = runCli(['problems', '--store', file, '--today', TODAY]);
			expect(cli.code, damage).toBe(3);
			expect(cli.stderr, damage).toMatch(/review chain of .*team\.json.*Restore it from a backup/);
		}
	});

	it("the state's copy of the entries the rules read must be the chain file's: an edited copy is reported (exit 1)", async () => {
		const {file} = await smallStore(3);
		const state = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
		const i = state.chain.findIndex(e => e.kind === 'review');
		const edited = {...state.chain[i]!, data: {...state.chain[i]!.data, date: '2026-11-29'}} as ChainEntry;
		writeFileSync(file, serialize({...state, chain: state.chain.map((e, k) => (k === i ? edited : e))}));
		const r = await verifyStore(file);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/the store's own copy of the chain \(the entries the rules read\) differs from the chain file at entry \d+/);
	});

	it('a chain file replaced by a longer one that does not end at the recorded head: reads and saves refuse it, nothing appended', async () => {
		const {file} = await smallStore(3);
		const chainFile = chainPathFor(file);
		const other = generateStore({cases: 40, seed: 'another team', referenceDate: TODAY}, signer).data.chain;
		writeFileSync(chainFile, other.map(e => JSON.stringify(e) + '\n').join(''));
		const before = {state: readFileSync(file), chain: readFileSync(chainFile)};
		// A store holding the whole chain finds it on opening; one holding the working set (a command) when it appends.
		await expect(openStore(file)).rejects.toThrow(/edited or replaced|holds \d+ entries where|not a pair/);
		const store = await openStore(file, {chain: 'state'});
		const err = await store.apply(sign('x')).catch(e => e as StoreError);
		expect((err as StoreError).code).toBe('chain');
		expect((err as StoreError).message).toMatch(/does not end where .*team\.json says .*nothing was saved/);
		expect(readFileSync(file).equals(before.state)).toBe(true);
		expect(readFileSync(chainFile).equals(before.chain)).toBe(true);
		expect((await verifyStore(file)).code).toBe(1);
	});
});

describe('both files under the sharing rules', () => {
	it('a chain file with a second hard link opens the store read-only, and a save is refused', async () => {
		const {file, dir} = await smallStore(2);
		linkSync(chainPathFor(file), path.join(dir, 'copy.jsonl'));
		const store = await openStore(file);
		expect(store.readOnly).toBe(true);
		expect(store.readOnlyReason).toMatch(/team\.chain\.jsonl has 2 names \(hard links\)/);
		await expect(store.apply(sign('x'))).rejects.toBeInstanceOf(StoreError);
	});

	it.runIf(isRoot)("the chain file split out of a shared store gets the store's owner, group and mode (1234:1234, 0660)", async () => {
		const {file} = singleFile(2);
		chownSync(file, 1234, 1234);
		chmodSync(file, 0o660);
		await (await openStore(file)).apply(sign('split by root'));
		const st = statSync(chainPathFor(file));
		expect({uid: st.uid, gid: st.gid, mode: st.mode & 0o777}).toEqual({uid: 1234, gid: 1234, mode: 0o660});
	});

	it('a store that holds the whole chain (the desk) reads only the entries another user appended since', async () => {
		const {file} = await smallStore(3);
		const desk = await openStore(file, {chain: 'whole'});
		const other = await openStore(file);
		await other.apply(sign('from the other desk'));
		expect(await desk.changedOnDisk()).toBe(true);
		const reloaded = await desk.reload();
		expect(reloaded.chain).toEqual((await whole(file)).chain);
		expect(reloaded.chain.at(-1)).toMatchObject({data: {reason: 'from the other desk'}});
		// Its own save appends to the whole chain it holds, and the state keeps the working set.
		await desk.apply(sign('from this desk'));
		expect(desk.snapshot().chain).toEqual((await whole(file)).chain);
		// The state as its two files hold it (the state file and its journal, README "The journal").
		expect((await readStoreFile(file)).data.chain).toEqual(chainWorkingSet(desk.snapshot().chain));
	});

	it('reads a chain of several megabytes in chunks, entries across chunk boundaries included', async () => {
		const file = path.join(tempDir('fortnight-chain-'), 'team.json');
		const data = generateStore({cases: 400, seed: 'chunks', referenceDate: TODAY}, signer).data;
		await createStoreFile(file, data);
		expect(statSync(chainPathFor(file)).size).toBeGreaterThan(3 * 1024 * 1024);
		expect((await whole(file)).chain).toEqual(data.chain);
	});
});

describe('fortnight store', () => {
	it('export --single-file writes the whole store as one file; migrate splits it again to the same chain file', () => {
		const dir = tempDir('fortnight-chain-cli-');
		const file = path.join(dir, 'team.json');
		expect(runCli(['generate', '--cases', '30', '--seed', 'cli', '--reference-date', TODAY, '--out', file]).code).toBe(0);
		const single = path.join(dir, 'one.json');
		const exported = runCli(['store', 'export', '--single-file', '--out', single, '--store', file]);
		expect(exported.code).toBe(0);
		expect(exported.stderr).toMatch(/^Wrote .*one\.json: the whole store as one JSON file/);
		const one = JSON.parse(readFileSync(single, 'utf8')) as StoreData;
		expect(one.chainLog).toBeUndefined();
		expect(one.chain).toHaveLength(lines(chainPathFor(file)).length);
		// The same answers from the single file as from the split store.
		const problems = (store: string) => runCli(['problems', '--json', '--store', store, '--today', TODAY]).stdout;
		expect(problems(single)).toBe(problems(file));
		const migrated = runCli(['store', 'migrate', '--store', single]);
		expect(migrated.code).toBe(0);
		expect(migrated.stderr).toMatch(/^Split .*one\.json: its review chain \(\d+ entries\) is now in .*one\.chain\.jsonl/);
		expect(readFileSync(chainPathFor(single), 'utf8')).toBe(readFileSync(chainPathFor(file), 'utf8'));
		expect(runCli(['store', 'migrate', '--store', single]).stderr).toMatch(/already keeps its review chain in its own file; nothing to do/);
		// Never over the store's own files.
		const refused = runCli(['store', 'export', '--single-file', '--out', chainPathFor(file), '--store', file]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/the store's review chain file/);
	});
});
