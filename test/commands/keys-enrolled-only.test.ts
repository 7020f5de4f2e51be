/**
 * QA 4 R-f: who is named to enrol a key is someone whose own key is enrolled and who is at work that day,
 * and an enrolment by someone with no enrolled key is refused at once (exit 2), not by the store afterwards
 * (exit 3). README "Signatures".
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';
import {savedBytes} from '../helpers/saved-store.js';

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('keys: only an enrolled key enrols (QA 4 R-f)', () => {
	it("a DC is sent to the sergeant whose key is enrolled, not the inspector whose is not; the inspector's enrol is refused with exit 2", () => {
		const {store} = demoCopy();
		const env = {XDG_CONFIG_HOME: tempDir()};
		const run = (...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env});
		expect(run('keys', 'init', '--as', 'Brennan').code).toBe(0);
		const iqbal = run('keys', 'init', '--as', 'Iqbal');
		expect(iqbal.code, iqbal.stderr).toBe(0);
		expect(iqbal.stdout).toContain('. Ask DS Tom Brennan to enrol it:');
		expect(iqbal.stdout).not.toContain('Okafor');
		const okafor = run('keys', 'init', '--as', 'Okafor');
		expect(okafor.code, okafor.stderr).toBe(0);
		// Before her key is enrolled she cannot sign an enrolment: refused before anything is written.
		const before = savedBytes(store);
		const pub = path.join(env.XDG_CONFIG_HOME, 'fortnight', 'keys', 'o0004.pub.pem');
		const refused = run('keys', 'enrol', 'o0004', '--public-key', pub, '--as', 'Okafor');
		expect(refused.code).toBe(2);
		expect(flat(refused.stderr)).toContain(
			'DI Rachel Okafor has no enrolled key in this store, so cannot sign an enrolment: an enrolment is signed with the ' +
				'enrolling officer\'s own enrolled key. Ask DS Tom Brennan to enrol your key first ("fortnight keys enrol o0001 --public-key FILE.pem"',
		);
		expect(refused.stderr).toContain('Nothing was saved.');
		expect(savedBytes(store).equals(before)).toBe(true);
		// A record by the DC names only the sergeant too.
		const record = run('welfare', 'record', 'Iqbal', '--kind', 'check-in', '--as', 'Brennan');
		expect(record.code, record.stderr).toBe(0);
		const dc = run('case', 'show', 'CR/25310/26', '--as', 'Iqbal');
		expect(dc.code, dc.stderr).toBe(0);
		// Once the sergeant enrols her key, she enrols the DC's.
		const her = path.join(env.XDG_CONFIG_HOME, 'fortnight', 'keys', 'o0001.pub.pem');
		expect(run('keys', 'enrol', 'o0001', '--public-key', her, '--as', 'Brennan').code).toBe(0);
		const enrolled = run('keys', 'enrol', 'o0004', '--public-key', pub, '--as', 'Okafor');
		expect(enrolled.code, enrolled.stderr).toBe(0);
		expect(run('verify').code).toBe(0);
	});

	it('with the sergeant (the only enrolled key) on sick leave, the cover and the inspector are told plainly that nobody at work can enrol', () => {
		const {store} = demoCopy();
		const env = {XDG_CONFIG_HOME: tempDir()};
		const run = (today: string, ...args: string[]) => runCli([...args, '--store', store, '--today', today], {env});
		// ab0002: DS Brennan on sick leave 10 Dec to 04 Feb 2027; DC Marsh covers.
		expect(run(DEMO_TODAY, 'absence', 'change', 'ab0002', '--cover', 'Marsh').code).toBe(0);
		expect(run(DEMO_TODAY, 'keys', 'init', '--as', 'Brennan').code).toBe(0);
		const marsh = run('2026-12-10', 'welfare', 'record', 'Iqbal', '--kind', 'check-in', '--as', 'Marsh');
		expect(marsh.code).toBe(2);
		expect(flat(marsh.stderr)).toContain(
			'then nobody at work today can enrol it: DS Brennan, the only one who may with an enrolled key, is on sick leave ' +
				'10 Dec-04 Feb 2027, so ask DS Brennan to enrol it on return (DI Okafor may too, once their own key is enrolled)',
		);
		const init = run('2026-12-10', 'keys', 'init', '--as', 'Marsh');
		expect(flat(init.stdout)).toContain('Nobody at work today can enrol it: DS Tom Brennan, the only one who may with an enrolled key');
		expect(run('2026-12-10', 'keys', 'init', '--as', 'Okafor').code).toBe(0);
		const pub = path.join(env.XDG_CONFIG_HOME, 'fortnight', 'keys', 'o0006.pub.pem');
		const refused = run('2026-12-10', 'keys', 'enrol', 'o0006', '--public-key', pub, '--as', 'Okafor');
		expect(refused.code).toBe(2);
		expect(flat(refused.stderr)).toContain(
			'Nobody at work today can enrol your key: DS Tom Brennan, the only one who may with an enrolled key, is on sick leave 10 Dec-04 Feb 2027',
		);
	});
});
