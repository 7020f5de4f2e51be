/**
 * `verify` reports a store whose first key enrolment an officer made (README "Signatures";
 * source/domain/first-enrolment.ts): `keys init` refuses that now (permissions.ts mayEnrolFirst), but a
 * store written before the rule can hold one, and then the sergeant and inspector can never sign. On the
 * JSON store and on PostgreSQL (the same store copied in): exit 1, who enrolled first, who may, what to do.
 */
import {generateKeyPairSync} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {EnrolmentData, StoreData} from '../../source/domain/model.js';
import {fingerprintOf, makeEntry} from '../../source/store/index.js';
import {DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const dir = tempDir('fortnight-verify-first-');

/** The demo with `officerId`'s key enrolled as the store's first (self-signed, as keys init made it before the rule). */
function firstEnrolledBy(officerId: string, date = DEMO_TODAY, data: StoreData = demoData()): StoreData {
	const {publicKey, privateKey} = generateKeyPairSync('ed25519');
	const e: EnrolmentData = {
		officerId,
		publicKey: publicKey.export({type: 'spki', format: 'pem'}).toString(),
		fingerprint: fingerprintOf(publicKey),
		date,
		by: officerId,
		first: true,
	};
	const entry = makeEntry(data.chain, 'enrolment', e, `${date}T09:00:00.000Z`, {officerId, privateKey});
	return {...data, chain: [...data.chain, entry]};
}

function write(name: string, data: StoreData): string {
	const file = path.join(dir, name);
	writeFileSync(file, JSON.stringify(data));
	return file;
}

const verify = (store: string) => runCli(['--store', store, '--today', DEMO_TODAY, 'verify']);

/** What the report must say: who enrolled first, that only the sergeant or inspector may, and what to do. */
function expectReported(r: {code: number; stdout: string}, seq: number): void {
	expect(r.code, r.stdout).toBe(1);
	expect(r.stdout).toMatch(/^PROBLEM: /);
	expect(r.stdout).toContain(`the store's first key enrolment (entry ${seq}, ${DEMO_TODAY}) was made by DC Priya Iqbal (o0004)`);
	expect(r.stdout).toContain("who was not the team's sergeant or inspector. Only they may make it");
	expect(r.stdout).toContain(`so from entry ${seq} on they cannot sign`);
	expect(r.stdout).toContain(`restore the store from a backup made before entry ${seq}`);
	expect(r.stdout).toContain('have DI Rachel Okafor (o0001) or DS Tom Brennan (o0002) run "fortnight keys init" first');
	expect(r.stdout).toMatch(/The chain itself is intact: \d+ entries, head \d+:[0-9a-f]{64}\./);
	expect(r.stdout).not.toContain('OK:');
}

describe("verify and a store whose first key enrolment is not the sergeant's or inspector's", () => {
	it("reports an officer's first enrolment (exit 1), saying who, who may, and what to do", () => {
		const data = firstEnrolledBy('o0004');
		expectReported(verify(write('officer-first.json', data)), data.chain.length - 1);
		// The same store split into its state and chain files (the chain streamed from its own file).
		const split = write('officer-first-split.json', data);
		expect(runCli(['--store', split, 'store', 'migrate']).code).toBe(0);
		expectReported(verify(split), data.chain.length - 1);
	});

	it("passes the sergeant's or the inspector's first enrolment", () => {
		for (const officer of ['o0002', 'o0001']) {
			const r = verify(write(`${officer}-first.json`, firstEnrolledBy(officer)));
			expect(r.code, r.stdout).toBe(0);
			expect(r.stdout).toMatch(/^OK: /);
		}
	});

	it("passes one made by the team's sergeant of that day (the supervision history), though they are sergeant no longer", () => {
		const demo = demoData();
		// o0004 was the team's sergeant until 1 Dec 2026, DS Brennan since.
		const team = {
			...demo.team,
			supervision: [
				{role: 'sergeant' as const, officerId: 'o0004', from: null, to: '2026-12-01', by: null, reason: 'Before the records'},
				{role: 'sergeant' as const, officerId: 'o0002', from: '2026-12-01', to: null, by: 'o0001', reason: 'Handover'},
				...demo.team.supervision.filter(p => p.role === 'inspector'),
			],
		};
		const then = verify(write('sergeant-then.json', firstEnrolledBy('o0004', DEMO_TODAY, {...demo, team})));
		expect(then.code, then.stdout).toBe(0);
		// The same officer's, made the day after the handover: reported.
		const r = verify(write('sergeant-before.json', firstEnrolledBy('o0004', '2026-12-01', {...demo, team})));
		expect(r.code, r.stdout).toBe(1);
		expect(r.stdout).toContain('was made by DC Priya Iqbal (o0004)');
	});
});

describe.skipIf(skipPostgres)(`verify on PostgreSQL reports the same store the same way${postgresSkipReason}`, () => {
	let cluster: Cluster | undefined;
	afterAll(() => cluster?.stop());

	it("reports an officer's first enrolment in a team copied into the database", () => {
		cluster = startCluster();
		cluster.createDatabase('first');
		const owner = cluster.url('first');
		expect(runCli(['--store', owner, 'store', 'migrate']).code).toBe(0);
		const data = firstEnrolledBy('o0004');
		const copied = runCli(['store', 'copy', '--from', write('to-copy.json', data), '--to', owner]);
		expect(copied.code, copied.stderr).toBe(0);
		expectReported(verify(owner), data.chain.length - 1);
	}, 120_000);
});
