/**
 * A second key in someone's name (REVIEW-9 D1, N7; README "Signatures"). The sergeant vouches only for an
 * officer's FIRST key (of an officer he line-manages, or the inspector's while she has none): a key of his
 * own making for an inspector who has hers is refused, and one forced into the chain fails verify. A key
 * enrolled in your name that is not this computer's is said first and plainly, by `keys init` and by a
 * refused signing; verify names who vouched for each key and prints the creator's whole fingerprint.
 */
import {createPublicKey} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {ChainEntry, EnrolmentData, StoreData} from '../../source/domain/model.js';
import {fingerprintOf, loadSigningKey, makeEntry, openStore} from '../../source/store/index.js';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';
import {savedData} from '../helpers/saved-store.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};

/** The demo with DS Brennan's key first and DI Okafor's enrolled by him (the designed flow), each in a config folder of their own. */
function dsThenDi() {
	const {store} = demoCopy();
	const brennan = {...NOW, XDG_CONFIG_HOME: tempDir()};
	const okafor = {...NOW, XDG_CONFIG_HOME: tempDir()};
	const run = (env: NodeJS.ProcessEnv, ...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env});
	expect(run(brennan, 'keys', 'init', '--as', 'Brennan').code).toBe(0);
	expect(run(okafor, 'keys', 'init', '--as', 'Okafor').code).toBe(0);
	const herPub = path.join(okafor.XDG_CONFIG_HOME, 'fortnight', 'keys', 'o0001.pub.pem');
	const first = run(brennan, 'keys', 'enrol', 'o0001', '--public-key', herPub, '--as', 'Brennan');
	expect(first.code, first.stderr).toBe(0);
	return {store, brennan, okafor, run};
}

describe('a second key in an officer name (REVIEW-9 D1)', () => {
	it('the sergeant cannot enrol a key he made for DI Okafor once she has hers, and signs nothing as her', () => {
		const {store, brennan, okafor, run} = dsThenDi();
		expect(run(okafor, 'verify').code).toBe(0);
		const forged = {...NOW, XDG_CONFIG_HOME: tempDir()}; // a config folder the sergeant keeps, holding "her" key
		expect(run(forged, 'keys', 'init', '--as', 'Okafor').code).toBe(0);
		const fakePub = path.join(forged.XDG_CONFIG_HOME, 'fortnight', 'keys', 'o0001.pub.pem');
		const before = readFileSync(store);
		const enrol = run(brennan, 'keys', 'enrol', 'o0001', '--public-key', fakePub, '--as', 'Brennan');
		expect(enrol.code).toBe(2);
		expect(enrol.stderr).toContain('DS Tom Brennan may not enrol keys for DI Rachel Okafor: DI Rachel Okafor already has an enrolled key');
		expect(enrol.stderr).toContain('Nothing was saved.');
		expect(readFileSync(store).equals(before)).toBe(true);
		// ...so the check-in he would record as her is refused, and says first that a key in her name is not this one.
		const own = run(forged, 'welfare', 'record', 'Brennan', '--kind', 'check-in', '--as', 'Okafor');
		expect(own.code).toBe(2);
		expect(own.stderr).toMatch(
			/^fortnight: A key is enrolled in your name \(DI Okafor\) in this store, and it is not the key on this computer/,
		);
		expect(own.stderr).toContain('(entry 607), vouched for by DS Brennan. If you did not make it');
		const verify = run(okafor, 'verify');
		expect(verify.code, verify.stdout).toBe(0);
		expect(verify.stdout).toMatch(
			/^Keys: DS Tom Brennan \(o0002\) [0-9a-f]{16}\.\.\. entry 606, the store's creator, self-signed; DI Rachel Okafor \(o0001\) [0-9a-f]{16}\.\.\. entry 607, vouched for by DS Tom Brennan \(o0002\)\.$/m,
		);
	});

	it('a second key the sergeant signs past the command is refused by the store, and fails verify when written into the file', async () => {
		const {store, brennan, okafor, run} = dsThenDi();
		const forged = {...NOW, XDG_CONFIG_HOME: tempDir()};
		expect(run(forged, 'keys', 'init', '--as', 'Okafor').code).toBe(0);
		const pem = readFileSync(path.join(forged.XDG_CONFIG_HOME, 'fortnight', 'keys', 'o0001.pub.pem'), 'utf8');
		const ds = (await loadSigningKey('o0002', {env: brennan}))!;
		const secondKey = (chain: readonly ChainEntry[]) => {
			const e: EnrolmentData = {
				officerId: 'o0001',
				publicKey: pem,
				fingerprint: fingerprintOf(createPublicKey(pem)),
				date: DEMO_TODAY,
				by: 'o0002',
				first: false,
			};
			return makeEntry(chain, 'enrolment', e, '2026-11-30T10:00:00.000Z', ds);
		};
		// Through the store library: a save checks the signatures of what it adds, with the same rule.
		const opened = await openStore(store);
		await expect(opened.apply(data => ({...data, chain: [...data.chain, secondKey(data.chain)]}))).rejects.toThrow(
			/not entitled to enrol it/,
		);
		// Written into a single-file copy by hand: verify fails it, and keys list points the two keys out.
		const single = store.replace(/\.json$/, '.single.json');
		expect(runCli(['store', 'export', '--single-file', '--out', single, '--store', store]).code).toBe(0);
		const data = JSON.parse(readFileSync(single, 'utf8')) as StoreData;
		writeFileSync(single, JSON.stringify({...data, chain: [...data.chain, secondKey(data.chain)]}) + '\n');
		const verify = runCli(['verify', '--store', single, '--today', DEMO_TODAY], {env: okafor});
		expect(verify.code).toBe(1);
		expect(verify.stdout).toMatch(/^BROKEN: .*: entry 608: entry 608 enrols a key for o0001 by o0002, who is not entitled to enrol it/);
		const list = runCli(['keys', 'list', '--store', single, '--today', DEMO_TODAY, '--as', 'Okafor'], {env: okafor});
		expect(list.code, list.stderr).toBe(0);
		expect(list.stdout).toMatch(
			/^Note: DI Rachel Okafor \(o0001\) has 2 enrolled keys \([0-9a-f]{16}\.\.\. entry 607, vouched for by DS Tom Brennan \(o0002\); [0-9a-f]{16}\.\.\. entry 608, vouched for by DS Tom Brennan \(o0002\)\): any of them signs as them, so each must be theirs\.$/m,
		);
	});
});

describe('a key enrolled in your name that is not yours (REVIEW-9 N7)', () => {
	it('the real sergeant is told first and plainly that a DC claimed his identity as the store creator', () => {
		const {store} = demoCopy();
		const dc = {...NOW, XDG_CONFIG_HOME: tempDir()};
		const real = {...NOW, XDG_CONFIG_HOME: tempDir()};
		const run = (env: NodeJS.ProcessEnv, ...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env});
		expect(run(dc, 'keys', 'init', '--as', 'Brennan').stdout).toContain("you are enrolled as the store's creator");
		const init = run(real, 'keys', 'init', '--as', 'Brennan');
		expect(init.code).toBe(0);
		const [first] = init.stdout.split('\n');
		expect(first).toMatch(
			/^A key is enrolled in your name \(DS Brennan\) in this store, and it is not the key on this computer \([0-9a-f]{16}\.\.\.\): fingerprint [0-9a-f]{16}\.\.\., enrolled 30 Nov \(entry 606\), as this store's creator\. If you did not make it, someone else enrolled a key in your name and can sign as you: tell DI Okafor, and restore the store from a backup made before entry 606 and run "fortnight keys init" first\.$/,
		);
		const verify = run(real, 'verify');
		expect(verify.code).toBe(0);
		const creator = savedData(store).chain.find(e => e.kind === 'enrolment')!;
		expect(verify.stdout).toContain(
			`Store creator's key: DS Tom Brennan (o0002), fingerprint ${(creator.data as EnrolmentData).fingerprint} `,
		);
	});
});
