/**
 * Signed chain entries (README, "Signatures"): forged, unenrolled, wrongly enrolled and tampered
 * entries fail verify; entries made before signatures are counted; openssl checks a signature with
 * the exported public key, so an auditor needs no fortnight.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {generateKeyPairSync} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {ChainEntry, EnrolmentData, ReviewData, StoreData} from '../../source/domain/model.js';
import {hashEntry, makeEntry, type SigningKey} from '../../source/store/chain.js';
import {fingerprintOf, verifySignatures} from '../../source/store/signatures.js';
import {openStore} from '../../source/store/store.js';
import {demoCopy, DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';

const AT = '2026-11-30T10:00:00.000Z';
const key = (officerId: string): SigningKey & {pem: string; fp: string} => {
	const {publicKey, privateKey} = generateKeyPairSync('ed25519');
	return {officerId, privateKey, pem: publicKey.export({type: 'spki', format: 'pem'}).toString(), fp: fingerprintOf(publicKey)};
};
const enrolment = (k: ReturnType<typeof key>, by: string, first: boolean): EnrolmentData => ({
	officerId: k.officerId,
	publicKey: k.pem,
	fingerprint: k.fp,
	date: DEMO_TODAY,
	by,
	first,
});
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StoreData;

/** The demo with the DI enrolled first and one review signed by the DS, whose key the DI enrolled. */
function signedDemo() {
	const {store} = demoCopy();
	const data = load(store);
	const di = key('o0001');
	const ds = key('o0002');
	const chain = [...data.chain];
	chain.push(makeEntry(chain, 'enrolment', enrolment(di, 'o0001', true), AT, di));
	chain.push(makeEntry(chain, 'enrolment', enrolment(ds, 'o0001', false), AT, di));
	const review = chain.findLast(e => e.kind === 'review')!.data as ReviewData;
	chain.push(makeEntry(chain, 'review', {...review, reviewerId: 'o0002', date: DEMO_TODAY}, AT, ds));
	const before = data.chain.length;
	return {store, data: {...data, chain}, di, ds, before};
}

describe('verifySignatures', () => {
	it('counts entries made before signatures and passes signed ones', () => {
		const {data, before} = signedDemo();
		const r = verifySignatures(data);
		expect(r).toMatchObject({beforeSignatures: before, signed: 3, enrolled: 2, problem: null});
		// Who vouched for each key (REVIEW-9 D1): the DI for herself as the creator, then for the DS.
		expect(r.vouched.map(v => [v.officerId, v.by, v.first])).toEqual([
			['o0001', 'o0001', true],
			['o0002', 'o0001', false],
		]);
	});

	describe('who may enrol a key (REVIEW-9 D1)', () => {
		/**
		 * The demo with DS Brennan's key enrolled first (he is the creator), then one enrolment a step: a new key
		 * for `officerId`, signed by the latest key of `by` (default the DS).
		 */
		function dsFirstSigned(...steps: [officerId: string, by?: string][]) {
			const {data} = signedDemo();
			const keys = new Map([['o0002', key('o0002')]]);
			let chain = data.chain.slice(0, -3);
			chain = [...chain, makeEntry(chain, 'enrolment', enrolment(keys.get('o0002')!, 'o0002', true), AT, keys.get('o0002')!)];
			for (const [officerId, by = 'o0002'] of steps) {
				const signer = keys.get(by)!;
				const k = key(officerId);
				chain = [...chain, makeEntry(chain, 'enrolment', enrolment(k, by, false), AT, signer)];
				keys.set(officerId, k);
			}
			return {data: {...data, chain}, keys};
		}

		it("the sergeant enrols the inspector's first key and the first key of a DC he line-manages", () => {
			expect(verifySignatures(dsFirstSigned(['o0001'], ['o0003']).data).problem).toBeNull();
		});

		it('the sergeant may not enrol a second key for the inspector, nor for a DC who has one', () => {
			let r = verifySignatures(dsFirstSigned(['o0001'], ['o0001']).data);
			expect(r.problem?.message).toMatch(/enrols a key for o0001 by o0002, who is not entitled to enrol it/);
			r = verifySignatures(dsFirstSigned(['o0003'], ['o0003']).data);
			expect(r.problem?.message).toMatch(/enrols a key for o0003 by o0002, who is not entitled to enrol it/);
		});

		it('a replacement is enrolled by the inspector or by the officer with their own old key', () => {
			// The inspector replaces a DC's key; the DC replaces it again with the key she enrolled; the DS his own.
			const {data, keys} = dsFirstSigned(['o0001'], ['o0003'], ['o0003', 'o0001'], ['o0003', 'o0003'], ['o0002', 'o0002']);
			const r = verifySignatures(data);
			expect(r.problem).toBeNull();
			expect(r.vouched.filter(v => v.officerId === 'o0003').map(v => v.by)).toEqual(['o0002', 'o0001', 'o0003']);
			expect(keys.size).toBe(3);
		});

		it('the sergeant may not enrol the first key of an officer he does not line-manage (the inspector enrols it)', () => {
			const {data: base} = signedDemo();
			// DC Ashworth recorded under the inspector: not the sergeant's to vouch for.
			const officers = base.officers.map(o => (o.id === 'o0003' ? {...o, supervisorId: 'o0001'} : o));
			const {data} = dsFirstSigned(['o0003']);
			expect(verifySignatures({...data, officers}).problem?.message).toMatch(/enrols a key for o0003 by o0002, who is not entitled/);
		});
	});

	it('a forged entry with a valid hash and no signature fails', () => {
		const {data} = signedDemo();
		const review = data.chain.at(-1)!;
		const forged = makeEntry(data.chain, 'review', {...(review.data as ReviewData), reviewerId: 'o0001'}, AT);
		const r = verifySignatures({...data, chain: [...data.chain, forged]});
		expect(r.problem?.message).toMatch(/is not signed, but every entry after the first key enrolment must be signed/);
	});

	it("an entry signed by a key nobody enrolled fails, and one signed in another officer's name fails", () => {
		const {data, ds} = signedDemo();
		const stranger = key('o0002');
		const review = data.chain.at(-1)!.data as ReviewData;
		let r = verifySignatures({...data, chain: [...data.chain, makeEntry(data.chain, 'review', review, AT, stranger)]});
		expect(r.problem?.message).toMatch(/signature that does not match any key enrolled for o0002/);
		r = verifySignatures({...data, chain: [...data.chain, makeEntry(data.chain, 'review', {...review, reviewerId: 'o0001'}, AT, ds)]});
		expect(r.problem?.message).toMatch(/signed by o0002 but records o0001 as acting/);
	});

	it('enrolment by someone not entitled fails (a DC enrolling a key)', () => {
		const {data, di} = signedDemo();
		const dc = key('o0004');
		// Give the DC a key via the DI, then let the DC try to enrol a colleague.
		let chain = [...data.chain, makeEntry(data.chain, 'enrolment', enrolment(dc, 'o0001', false), AT, di)];
		chain = [...chain, makeEntry(chain, 'enrolment', enrolment(key('o0005'), 'o0004', false), AT, dc)];
		expect(verifySignatures({...data, chain}).problem?.message).toMatch(/by o0004, who is not entitled to enrol it/);
	});

	it('a tampered signature fails; a second "first" enrolment fails', () => {
		const {data, di} = signedDemo();
		const last = data.chain.at(-1)!;
		const flipped = {...last, sig: Buffer.from(Buffer.from(last.sig!, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64')};
		expect(verifySignatures({...data, chain: [...data.chain.slice(0, -1), flipped as ChainEntry]}).problem?.message).toMatch(
			/does not match any key enrolled/,
		);
		const again = makeEntry(data.chain, 'enrolment', enrolment(key('o0001'), 'o0001', true), AT, di);
		expect(verifySignatures({...data, chain: [...data.chain, again]}).problem?.message).toMatch(/claims to be the first enrolment/);
	});

	it('an entry this process signed is held to its enrolled key like any other, even when changed after signing in place', () => {
		// chain.ts signedHere lets a signature made here be checked by its key, not verified again: only while the
		// entry's hash and signature are the ones made, and only against the signing key's own public half.
		const {data, ds, di} = signedDemo();
		const review = data.chain.at(-1)!.data as ReviewData;
		const fresh = () => makeEntry(data.chain, 'review', {...review, summary: 'Signed here.'}, AT, ds);
		expect(verifySignatures({...data, chain: [...data.chain, fresh()]}, data.chain.length).problem).toBeNull();
		// The signature swapped in place for the same key's signature of another entry.
		const swapped = fresh();
		(swapped as {sig?: string}).sig = data.chain.at(-1)!.sig;
		expect(verifySignatures({...data, chain: [...data.chain, swapped]}, data.chain.length).problem?.message).toMatch(
			/does not match any key enrolled for o0002/,
		);
		// The hash changed in place (the signature is over the hash).
		const rehashed = fresh();
		(rehashed as {hash: string}).hash = hashEntry({...rehashed, signedAt: '2026-11-30T11:00:00.000Z'});
		expect(verifySignatures({...data, chain: [...data.chain, rehashed]}, data.chain.length).problem?.message).toMatch(
			/does not match any key enrolled for o0002/,
		);
		// Signed here with an enrolled key that is not the author's.
		const other = makeEntry(data.chain, 'review', {...review, reviewerId: 'o0002'}, AT, {...di, officerId: 'o0002'});
		expect(verifySignatures({...data, chain: [...data.chain, other]}, data.chain.length).problem?.message).toMatch(
			/does not match any key enrolled for o0002/,
		);
	});
});

describe('fortnight verify and the store with signatures', () => {
	it('verify reports the counts; a forged entry appended by editing the file fails with exit 1', () => {
		const {store, data} = signedDemo();
		writeFileSync(store, JSON.stringify(data) + '\n');
		let r = runCli(['verify', '--store', store]);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/Signatures: 3 entries signed by enrolled keys \(2 officers enrolled\); \d+ entries made before signatures/);
		const forged = makeEntry(data.chain, 'review', {...(data.chain.at(-1)!.data as ReviewData), reviewerId: 'o0001'}, AT);
		expect(hashEntry(forged)).toBe(forged.hash);
		writeFileSync(store, JSON.stringify({...data, chain: [...data.chain, forged]}) + '\n');
		r = runCli(['verify', '--store', store]);
		expect(r.code).toBe(1);
		expect(r.stdout).toMatch(/^BROKEN: .*is not signed/);
	});

	it('the store refuses to save an unsigned entry once keys are enrolled, and nothing changes on disk', async () => {
		const {store, data} = signedDemo();
		writeFileSync(store, JSON.stringify(data) + '\n');
		const before = readFileSync(store);
		const s = await openStore(store);
		await expect(
			s.apply(d => ({...d, chain: [...d.chain, makeEntry(d.chain, 'review', d.chain.at(-1)!.data as ReviewData, AT)]})),
		).rejects.toThrow(/is not signed.*nothing was saved/);
		expect(readFileSync(store).equals(before)).toBe(true);
	});

	it('keys init enrols the first key, others need enrolling by the inspector or sergeant, and openssl verifies a signature', () => {
		const {store} = demoCopy();
		const xdg = tempDir();
		const env = {XDG_CONFIG_HOME: xdg};
		let r = runCli(['keys', 'init', '--store', store, '--as', 'DI Okafor'], {env});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("you are enrolled as the store's creator");
		r = runCli(['keys', 'init', '--store', store, '--as', 'DS Brennan'], {env});
		expect(r.stdout).toContain('Ask DI Rachel Okafor to enrol it');
		const pub = path.join(xdg, 'fortnight', 'keys', 'o0002.pub.pem');
		const before = readFileSync(store);
		r = runCli(['keys', 'enrol', 'o0002', '--public-key', pub, '--store', store, '--as', 'DC Iqbal'], {env});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('DC Priya Iqbal may not enrol keys for DS Tom Brennan');
		expect(readFileSync(store).equals(before)).toBe(true);
		r = runCli(['keys', 'enrol', 'o0002', '--public-key', pub, '--store', store, '--as', 'DI Okafor'], {env});
		expect(r.code).toBe(0);
		expect(runCli(['verify', '--store', store]).code).toBe(0);
		expect(readFileSync(path.join(xdg, 'fortnight', 'keys', 'o0001.key')).length).toBeGreaterThan(0);

		// An auditor with openssl and the exported public key checks the last entry's signature.
		if (spawnSync('openssl', ['version']).status !== 0) return;
		const data = load(store);
		const last = data.chain.at(-1)!;
		const dir = tempDir();
		const pem = runCli(['keys', 'export', 'DI Okafor', '--store', store]).stdout;
		writeFileSync(path.join(dir, 'di.pem'), pem);
		writeFileSync(path.join(dir, 'hash.txt'), last.hash);
		writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(last.sig!, 'base64'));
		const ok = execFileSync(
			'openssl',
			[
				'pkeyutl',
				'-verify',
				'-pubin',
				'-inkey',
				path.join(dir, 'di.pem'),
				'-rawin',
				'-in',
				path.join(dir, 'hash.txt'),
				'-sigfile',
				path.join(dir, 'sig.bin'),
			],
			{encoding: 'utf8'},
		);
		expect(ok).toMatch(/Signature Verified Successfully/);
		writeFileSync(
			path.join(dir, 'hash.txt'),
			last.hash.replace(/^./, c => (c === '0' ? '1' : '0')),
		);
		expect(
			spawnSync('openssl', [
				'pkeyutl',
				'-verify',
				'-pubin',
				'-inkey',
				path.join(dir, 'di.pem'),
				'-rawin',
				'-in',
				path.join(dir, 'hash.txt'),
				'-sigfile',
				path.join(dir, 'sig.bin'),
			]).status,
		).not.toBe(0);
	});
});

describe('the audit script (docs/audit-chain.py, standard library only)', () => {
	const script = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'docs', 'audit-chain.py');
	const python = spawnSync('python3', ['--version']).status === 0;

	it.skipIf(!python)('re-checks the demo chain to the same head as fortnight verify, and finds an altered entry', () => {
		const {store, data} = signedDemo();
		writeFileSync(store, JSON.stringify(data) + '\n');
		const ours = /head (\d+:[0-9a-f]{64})/.exec(runCli(['verify', '--store', store]).stdout)![1];
		const r = spawnSync('python3', [script, store], {encoding: 'utf8'});
		expect(r.status).toBe(0);
		expect(r.stdout).toContain(`head ${ours}`);
		const altered = structuredClone(data);
		(altered.chain[3]!.data as ReviewData).summary += ' (edited)';
		writeFileSync(store, JSON.stringify(altered) + '\n');
		const bad = spawnSync('python3', [script, store], {encoding: 'utf8'});
		expect(bad.status).toBe(1);
		expect(bad.stdout).toBe('BROKEN: entry 3: its content does not match its hash (altered after signing)\n');
	});

	it.skipIf(!python)("the script printed in the README re-checks the demo chain to verify's head and stops at an altered entry", () => {
		const readme = readFileSync(path.join(path.dirname(script), '..', 'README.md'), 'utf8');
		const audit = readme.slice(readme.indexOf('**Checking a store without fortnight.**')).match(/```python\n([\s\S]*?)```/)![1]!;
		const file = path.join(tempDir(), 'audit.py');
		writeFileSync(file, audit);
		const {store} = demoCopy();
		expect(runCli(['store', 'migrate', '--store', store]).code).toBe(0);
		const ours = /head (\d+:[0-9a-f]{64})/.exec(runCli(['verify', '--store', store]).stdout)![1];
		const ok = spawnSync('python3', [file, store], {encoding: 'utf8'});
		expect(ok.status, ok.stderr).toBe(0);
		expect(ok.stdout).toBe(`OK: head ${ours}\n`);
		const chainFile = store.replace(/\.json$/, '.chain.jsonl');
		const lines = readFileSync(chainFile, 'utf8');
		const entry3 = lines.split('\n')[3]!;
		writeFileSync(
			chainFile,
			lines.replace(
				entry3,
				entry3.replace(/"summary":"./, m => m.slice(0, -1) + (m.endsWith('X') ? 'Y' : 'X')),
			),
		);
		const bad = spawnSync('python3', [file, store], {encoding: 'utf8'});
		expect(bad.status).toBe(1);
		expect(bad.stderr).toBe('BROKEN at entry 3\n');
	});

	it.skipIf(!python)("agrees with verify on a reallocation made on a worked day other than the clock's (its recordedOn)", () => {
		// QA 8 D8: the script built a reallocation's key without `recordedOn`, so a move made with --today (or in the
		// hour after midnight in summer time) read as "not in the chain" and the script said BROKEN where verify said OK.
		const {store} = demoCopy();
		expect(runCli(['store', 'migrate', '--store', store]).code).toBe(0);
		// A record before it, so the script holds every later record to the chain.
		const first = runCli(['welfare', 'record', 'Iqbal', '--kind', 'one-to-one', '--store', store, '--today', DEMO_TODAY], {
			env: {FORTNIGHT_NOW: '2026-12-02T09:00:00Z'},
		});
		expect(first.code, first.stderr).toBe(0);
		const move = runCli(
			['case', 'reallocate', 'CR/87204/26', '--to', 'Carter', '--reason', 'OIC away', '--store', store, '--today', DEMO_TODAY],
			{env: {FORTNIGHT_NOW: '2026-12-02T10:00:00Z'}},
		);
		expect(move.code, move.stderr).toBe(0);
		// (The move is in the journal, recorded at the clock's 02 Dec for the worked day 30 Nov: recordedOn.)
		expect(readFileSync(store.replace(/\.json$/, '.journal.jsonl'), 'utf8')).toContain(`"recordedOn":"${DEMO_TODAY}"`);
		const ours = /head (\d+:[0-9a-f]{64})/.exec(runCli(['verify', '--store', store]).stdout)![1];
		const r = spawnSync('python3', [script, store], {encoding: 'utf8'});
		expect(r.stdout.split('\n')[0]).toBe(`OK: 608 entries, every hash and link holds; head ${ours}`);
		expect(r.status).toBe(0);
	});

	it.skipIf(!python)("reads a two-file store: the chain file up to what the state commits, and the state's working set against it", () => {
		// Before, it read the state's own "chain" (only the working set since the split) and called entry 0 broken.
		const {store} = demoCopy();
		expect(runCli(['store', 'migrate', '--store', store]).code).toBe(0);
		const chainFile = store.replace(/\.json$/, '.chain.jsonl');
		const ours = /head (\d+:[0-9a-f]{64})/.exec(runCli(['verify', '--store', store]).stdout)![1];
		const audit = () => spawnSync('python3', [script, store], {encoding: 'utf8'});
		const [ok, records] = audit().stdout.split('\n');
		expect(ok).toBe(`OK: 606 entries, every hash and link holds; head ${ours}`);
		// The demo's supervisory records were made before records were signed (README "Signed records").
		expect(records).toMatch(/^Supervisory records: 0 signed, 0 in the chain hashed only, [1-9]\d* recorded before signatures/);
		// A torn line no save completed is ignored, as fortnight ignores it.
		const lines = readFileSync(chainFile, 'utf8');
		writeFileSync(chainFile, lines + '{"seq":606,"torn');
		expect(audit().status).toBe(0);
		// An entry edited in the chain file (its length kept, so the state's byte count still holds).
		const entry3 = lines.split('\n')[3]!;
		const changed = entry3.replace(/"summary":"./, m => m.slice(0, -1) + (m.endsWith('X') ? 'Y' : 'X'));
		expect(changed).not.toBe(entry3);
		writeFileSync(chainFile, lines.replace(entry3, changed));
		expect(audit().stdout).toBe('BROKEN: entry 3: its content does not match its hash (altered after signing)\n');
		// A line that is not JSON at all.
		writeFileSync(chainFile, lines.replace(entry3, entry3.replace(/^\{/, '[')));
		expect(audit().stdout).toMatch(/^BROKEN: line 4 of the chain file .* is not a JSON entry\n$/);
		writeFileSync(chainFile, lines);
		// The state's copy of an entry (its working set) altered.
		const state = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		const last = state.chain.at(-1)!;
		(last.data as ReviewData).summary += ' (edited)';
		writeFileSync(store, JSON.stringify(state) + '\n');
		expect(audit().stdout).toBe(`BROKEN: entry ${last.seq}: the state's copy of it differs from the chain file's\n`);
	});
});
