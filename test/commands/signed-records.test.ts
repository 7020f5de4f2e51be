/**
 * Supervisory records as signed chain entries (README, "Signed records"; issue 17): a bail event, a
 * welfare event, a reallocation, an absence change and a cancellation made on the command line are each
 * a `record` entry signed by its author's enrolled key, and `verify` vouches for them; a forged record
 * (valid hash, no or wrong signature), one signed by an unenrolled key, and a state record edited after
 * signing fail verify; records made before signatures are counted, never silently trusted.
 */
import {spawnSync} from 'node:child_process';
import {generateKeyPairSync} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {ChainEntry, RecordData, RecordEntry, StoreData} from '../../source/domain/model.js';
import {makeEntry, type SigningKey} from '../../source/store/chain.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {enrolKey} from '../helpers/keys.js';
import {savedBytes, savedData} from '../helpers/saved-store.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const RUNNING = 'CR/87204/26';
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StoreData;
// A save appends to the journal beside the state file (store README, "The journal"): read the store as saved.
const records = (file: string) => savedData(file).chain.filter((e): e is RecordEntry => e.kind === 'record');
const verify = (store: string) => runCli(['verify', '--store', store, '--today', DEMO_TODAY]);

/** The demo with the DI's key enrolled first and the DS's key enrolled by the DI; the DS's config folder. */
async function signedDemo() {
	const {store} = demoCopy();
	const di = await enrolKey(store, 'o0001');
	const ds = await enrolKey(store, 'o0002', di.key);
	const as = (who: typeof di, ...args: string[]) =>
		runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: {...NOW, ...who.env, FORTNIGHT_USER: who.key.officerId}});
	return {store, di, ds, as};
}

/** A single-file copy of `store` (store export --single-file), whose chain a test can edit as JSON. */
function singleFile(store: string): string {
	const out = store.replace(/\.json$/, '.single.json');
	const r = runCli(['store', 'export', '--single-file', '--out', out, '--store', store]);
	expect(r.code, r.stderr).toBe(0);
	return out;
}

describe('supervisory records are signed chain entries', () => {
	it('bail record, welfare record, case reallocate, absence change and cancel each add a record signed by their author', async () => {
		const {store, di, ds, as} = await signedDemo();
		const steps: [typeof di, string[], RecordData['record']][] = [
			[ds, ['bail', 'record', RUNNING, '--event', 're-bailed', '--return', '2026-12-09'], 'bail-event'],
			[di, ['welfare', 'record', 'DS Brennan', '--kind', 'check-in'], 'welfare-event'],
			[ds, ['case', 'reallocate', RUNNING, '--to', 'DC Marsh', '--reason', 'OIC on sick leave', '--yes'], 'reallocation'],
			[ds, ['absence', 'change', 'ab0002', '--cover', 'DC Marsh'], 'absence'],
			[ds, ['absence', 'cancel', 'ab0004'], 'absence'],
		];
		for (const [who, args, kind] of steps) {
			const before = records(store).length;
			const r = as(who, ...args);
			expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
			const added = records(store).slice(before);
			expect(added.map(e => e.data.record)).toEqual([kind]);
			const e = added[0]!;
			const author = who === di ? 'o0001' : 'o0002';
			expect(e.author).toBe(author);
			expect(e.data.by).toBe(author);
			expect(e.sig).toMatch(/^[A-Za-z0-9+/]{86}==$/);
		}
		const absences = records(store).filter(e => e.data.record === 'absence');
		expect(absences.map(e => (e.data as {action: string}).action)).toEqual(['changed', 'cancelled']);
		// The welfare record holds the event, never a note.
		const welfare = records(store).find(e => e.data.record === 'welfare-event')!;
		expect(Object.keys(welfare.data).sort()).toEqual(['by', 'event', 'record']);
		const v = verify(store);
		expect(v.code, v.stdout).toBe(0);
		// The README's audit script (standard library only) counts the same records.
		const before = /(\d+) records recorded before signatures/.exec(v.stdout)![1];
		const audit = spawnSync('python3', ['docs/audit-chain.py', store], {encoding: 'utf8'});
		expect(audit.status, audit.stdout).toBe(0);
		expect(audit.stdout).toContain(`Supervisory records: 4 signed, 0 in the chain hashed only, ${before} recorded before signatures`);
		expect(v.stdout).toMatch(
			/Supervisory records \(bail events, welfare events, reallocations, absences\): 4 records signed by their authors; \d+ records recorded before signatures/,
		);
	});

	it('on a store with no key enrolled, records are hashed-only entries, and the demo records are counted as before signatures', () => {
		const {store} = demoCopy();
		const before = verify(store);
		expect(before.code).toBe(0);
		const old = Number(/(\d+) records? recorded before signatures/.exec(before.stdout)?.[1]);
		expect(old).toBeGreaterThan(0);
		const r = runCli(
			['bail', 'record', RUNNING, '--event', 're-bailed', '--return', '2026-12-09', '--store', store, '--today', DEMO_TODAY],
			{
				env: NOW,
			},
		);
		expect(r.code, r.stderr).toBe(0);
		const [e] = records(store);
		expect(e).toMatchObject({kind: 'record', data: {record: 'bail-event', by: 'o0002', caseRef: RUNNING}});
		expect(e!.sig).toBeUndefined();
		const after = verify(store);
		expect(after.code, after.stdout).toBe(0);
		expect(after.stdout).toContain(
			`1 record in the chain, hashed only (made before keys were enrolled); ${old} records recorded before signatures`,
		);
	});

	it('someone with no enrolled key is refused (exit 2) and the store is byte-identical', async () => {
		const {store} = await signedDemo();
		const bytes = savedBytes(store);
		const r = runCli(['bail', 'record', RUNNING, '--event', 'rui', '--store', store, '--today', DEMO_TODAY], {
			env: {...NOW, XDG_CONFIG_HOME: '/nonexistent-fortnight-config'},
		});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('has no signing key on this computer');
		expect(r.stderr).toContain('Nothing was saved.');
		expect(savedBytes(store).equals(bytes)).toBe(true);
	});

	describe('forgeries fail verify', () => {
		/** A signed store with one signed bail record, as a single file, and a bail record to forge. */
		async function withSignedBail() {
			const {store, ds, as} = await signedDemo();
			expect(as(ds, 'bail', 'record', RUNNING, '--event', 're-bailed', '--return', '2026-12-09').code).toBe(0);
			const single = singleFile(store);
			expect(verify(single).code).toBe(0);
			const data = load(single);
			const signed = data.chain.findLast(e => e.kind === 'record')!;
			return {single, data, ds, signed};
		}
		const append = (file: string, data: StoreData, entry: ChainEntry) =>
			writeFileSync(file, JSON.stringify({...data, chain: [...data.chain, entry]}) + '\n');
		const stranger = (officerId: string): SigningKey => ({officerId, privateKey: generateKeyPairSync('ed25519').privateKey});

		it('a record with a valid hash and no signature', async () => {
			const {single, data, signed} = await withSignedBail();
			append(single, data, makeEntry(data.chain, 'record', signed.data, '2026-11-30T10:00:00.000Z'));
			const r = verify(single);
			expect(r.code).toBe(1);
			expect(r.stdout).toMatch(/entry \d+ \(record\) is not signed, but every entry after the first key enrolment must be signed/);
		});

		it('a record with a wrong signature (another entry signature copied onto it)', async () => {
			const {single, data, signed, ds} = await withSignedBail();
			const forged = makeEntry(data.chain, 'record', signed.data, '2026-11-30T10:00:00.000Z', ds.key);
			append(single, data, {...forged, sig: signed.sig!});
			const r = verify(single);
			expect(r.code).toBe(1);
			expect(r.stdout).toMatch(/\(record\) has a signature that does not match any key enrolled for o0002/);
		});

		it('a bail event signed by a key nobody enrolled', async () => {
			const {single, data, signed} = await withSignedBail();
			append(single, data, makeEntry(data.chain, 'record', signed.data, '2026-11-30T10:00:00.000Z', stranger('o0002')));
			const r = verify(single);
			expect(r.code).toBe(1);
			expect(r.stdout).toMatch(/\(record\) has a signature that does not match any key enrolled for o0002/);
		});

		it("a record signed in someone else's name", async () => {
			const {single, data, signed, ds} = await withSignedBail();
			append(single, data, makeEntry(data.chain, 'record', {...signed.data, by: 'o0001'}, '2026-11-30T10:00:00.000Z', ds.key));
			const r = verify(single);
			expect(r.code).toBe(1);
			expect(r.stdout).toMatch(/signed by o0002 but records o0001 as acting/);
		});

		it('a bail event edited in the state after it was signed, or added with no entry, and a signed absence removed', async () => {
			const {single, data} = await withSignedBail();
			const at = data.cases.findIndex(c => c.ref === RUNNING);
			const c = data.cases[at]!;
			const edited = {...c, bailEvents: c.bailEvents.map(e => ({...e, returnDate: '2026-12-10'}))};
			writeFileSync(single, JSON.stringify({...data, cases: data.cases.map((x, i) => (i === at ? edited : x))}) + '\n');
			let r = verify(single);
			expect(r.code).toBe(1);
			const audit = spawnSync('python3', ['docs/audit-chain.py', single], {encoding: 'utf8'});
			expect(audit.status).toBe(1);
			expect(audit.stdout).toContain(
				`BROKEN: a bail event (re-bailed) on ${RUNNING}, recorded 2026-11-30T09:00:00.000Z, is not in the chain`,
			);
			expect(r.stdout).toContain(
				`A bail event (re-bailed) on ${RUNNING}, recorded 2026-11-30T09:00:00.000Z, is not in the chain, ` +
					'though every record made since 2026-11-30T08:00:00.000Z is',
			);
			// A signed absence that is then deleted from the file.
			const {store: other, ds, as} = await signedDemo();
			expect(as(ds, 'absence', 'change', 'ab0002', '--cover', 'DC Marsh').code).toBe(0);
			const file = singleFile(other);
			const d = load(file);
			writeFileSync(file, JSON.stringify({...d, absences: d.absences.filter(a => a.id !== 'ab0002')}) + '\n');
			r = verify(file);
			expect(r.code).toBe(1);
			expect(r.stdout).toContain('Absence ab0002 is recorded in entry');
		});
	});

	it('a cover changed on an absence that has started adds two records, the first part ended the day before and the next added, both signed by their author', async () => {
		const {store, ds, as} = await signedDemo();
		const before = records(store).length;
		// ab0003 started 28 Nov: DC Marsh covers from today, a new part (README "Absences").
		const r = as(ds, 'absence', 'change', 'ab0003', '--cover', 'DC Marsh');
		expect(r.code, r.stderr).toBe(0);
		const added = records(store).slice(before);
		expect(added.map(e => [e.data.record, (e.data as {action: string}).action, e.author, e.data.by])).toEqual([
			['absence', 'ended', 'o0002', 'o0002'],
			['absence', 'added', 'o0002', 'o0002'],
		]);
		for (const e of added) expect(e.sig).toMatch(/^[A-Za-z0-9+/]{86}==$/);
		expect(verify(store).code).toBe(0);
	});

	it('the audit script reads the store as saved (state plus journal), and refuses a journal line edited after it was written', async () => {
		const {store, ds, as} = await signedDemo();
		expect(as(ds, 'absence', 'change', 'ab0002', '--cover', 'DC Marsh').code).toBe(0);
		expect(as(ds, 'absence', 'cancel', 'ab0004').code).toBe(0);
		const journal = store.replace(/\.json$/, '.journal.jsonl');
		const audit = () => spawnSync('python3', ['docs/audit-chain.py', store], {encoding: 'utf8'});
		const before = audit();
		expect(before.stdout, before.stdout + before.stderr).toMatch(/Supervisory records: 1 signed/); // the cancelled absence is gone from the state
		const lines = readFileSync(journal, 'utf8').split('\n');
		const at = lines.findIndex(l => l.includes('"cancelled"'));
		expect(at).toBeGreaterThan(0);
		lines[at] = lines[at]!.replace('"cancelled"', '"changed"');
		writeFileSync(journal, lines.join('\n'));
		const r = audit();
		expect(r.status).toBe(1);
		expect(r.stdout).toContain(`BROKEN: line ${at + 1} of the journal`);
		expect(r.stdout).toContain('does not match its hash');
	});
});
