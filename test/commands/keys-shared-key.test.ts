/**
 * One public key enrolled for several officers (QA 9 D5; README "Signatures"): whoever holds it signs as
 * any of them. `keys enrol` refuses a key already enrolled for someone else, naming them, and leaves the
 * store as it was; a chain that holds one anyway (written before the rule, or past the command) is a
 * PROBLEM for verify (exit 1, "entry N: ...") and for `keys list`.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {EnrolmentData} from '../../source/domain/model.js';
import {loadSigningKey, makeEntry, openStore} from '../../source/store/index.js';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};

/** DS Brennan's key first, DI Okafor's enrolled by him, DC Marsh's (o0006) by her; each in a config folder of their own. */
function threeKeys() {
	const {store} = demoCopy();
	const env = () => ({...NOW, XDG_CONFIG_HOME: tempDir()});
	const brennan = env();
	const okafor = env();
	const marsh = env();
	const run = (e: NodeJS.ProcessEnv, ...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: e});
	const pub = (e: NodeJS.ProcessEnv, id: string) => path.join(e.XDG_CONFIG_HOME!, 'fortnight', 'keys', `${id}.pub.pem`);
	expect(run(brennan, 'keys', 'init', '--as', 'Brennan').code).toBe(0);
	expect(run(okafor, 'keys', 'init', '--as', 'Okafor').code).toBe(0);
	expect(run(brennan, 'keys', 'enrol', 'o0001', '--public-key', pub(okafor, 'o0001'), '--as', 'Brennan').code).toBe(0);
	expect(run(marsh, 'keys', 'init', '--as', 'Marsh').code).toBe(0);
	const m = run(okafor, 'keys', 'enrol', 'o0006', '--public-key', pub(marsh, 'o0006'), '--as', 'Okafor');
	expect(m.code, m.stderr).toBe(0);
	return {store, okafor, marsh, run, marshPub: pub(marsh, 'o0006')};
}

describe('one key for several officers (QA 9 D5)', () => {
	it('keys enrol refuses DC Marsh key for DC Iqbal or DS Brennan, naming her, and saves nothing', () => {
		const {store, okafor, run, marshPub} = threeKeys();
		const before = readFileSync(store);
		for (const who of ['Iqbal', 'Brennan']) {
			const r = run(okafor, 'keys', 'enrol', who, '--public-key', marshPub, '--as', 'Okafor');
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toMatch(
				new RegExp(
					`^fortnight: The key in ${marshPub.replace(/[.]/g, '\\.')} \\(fingerprint [0-9a-f]{16}\\.\\.\\.\\) is already enrolled for ` +
						`DC Helen Marsh \\(o0006\\) \\(entry 608\\): one key is one officer's, since whoever holds it signs as everyone it is enrolled for\\.`,
				),
			);
			expect(r.stderr).toContain('Nothing was saved.');
		}
		expect(readFileSync(store).equals(before)).toBe(true);
		// A --public-key path that would not print as typed is refused before it is read (QA 9 D10).
		const escaped = run(okafor, 'keys', 'enrol', 'Iqbal', '--public-key', `${marshPub}\u001b]0;T\u0007`, '--as', 'Okafor');
		expect(escaped.code).toBe(2);
		expect(escaped.stderr).toContain(`--public-key "${marshPub}␛]0;T␇" has a control character in it`);
		expect(readFileSync(store).equals(before)).toBe(true);
		// The refused enrolments left nothing to point out.
		const list = run(okafor, 'keys', 'list', '--as', 'Okafor');
		expect(list.code).toBe(0);
		expect(list.stdout).not.toContain('PROBLEM');
		const verify = run(okafor, 'verify');
		expect(verify.code, verify.stdout).toBe(0);
		expect(verify.stdout).not.toContain('PROBLEM');
	});

	it('a chain that enrols one key for two officers is a PROBLEM for verify (exit 1) and keys list', async () => {
		const {store, okafor, run, marshPub} = threeKeys();
		// Past the command, with the store library: DI Okafor (entitled to enrol anyone) signs DC Marsh's key for DC Iqbal (o0004).
		const di = (await loadSigningKey('o0001', {env: okafor}))!;
		const marshEntry = (await openStore(store)).snapshot().chain.find(e => e.kind === 'enrolment' && e.data.officerId === 'o0006')!;
		const pem = readFileSync(marshPub, 'utf8');
		const opened = await openStore(store);
		await opened.apply(data => {
			const e: EnrolmentData = {
				officerId: 'o0004',
				publicKey: pem,
				fingerprint: (marshEntry.data as EnrolmentData).fingerprint,
				date: DEMO_TODAY,
				by: 'o0001',
				first: false,
			};
			return {...data, chain: [...data.chain, makeEntry(data.chain, 'enrolment', e, '2026-11-30T10:00:00.000Z', di)]};
		});
		const fp = (marshEntry.data as EnrolmentData).fingerprint.slice(0, 16);
		const verify = run(okafor, 'verify');
		expect(verify.code, verify.stdout).toBe(1);
		expect(verify.stdout).toMatch(
			new RegExp(
				`^PROBLEM: .*: entry 609: key ${fp}\\.\\.\\. is enrolled for 2 officers \\(DC Helen Marsh \\(o0006\\) entry 608, vouched for by ` +
					`DI Rachel Okafor \\(o0001\\); DC Priya Iqbal \\(o0004\\) entry 609, vouched for by DI Rachel Okafor \\(o0001\\)\\): whoever ` +
					`holds it signs as any of them, so what is signed with it does not show who acted\\. .*before entry 609 .*\\.$`,
				'm',
			),
		);
		expect(verify.stdout).toMatch(/^The chain itself is intact: 610 entries, head 609:[0-9a-f]{64}\.$/m);
		expect(verify.stdout).not.toMatch(/^OK:/m);
		const list = run(okafor, 'keys', 'list', '--as', 'Okafor');
		expect(list.code, list.stderr).toBe(0);
		expect(list.stdout).toMatch(new RegExp(`^PROBLEM: Key ${fp}\\.\\.\\. is enrolled for 2 officers \\(DC Helen Marsh \\(o0006\\)`, 'm'));
		// Nor can it be enrolled for a third.
		const third = run(okafor, 'keys', 'enrol', 'Brennan', '--public-key', marshPub, '--as', 'Okafor');
		expect(third.code).toBe(2);
		expect(third.stderr).toContain('is already enrolled for DC Helen Marsh (o0006) (entry 608) and DC Priya Iqbal (o0004) (entry 609):');
	});
});
