/**
 * What each reader gets from the read commands (README "Who may read what"): an officer their own
 * cases and record (problems, case show, absence list) and a refusal naming who can (exit 2) for the
 * team's documents (handover, calendar, log); a cover the team on the days they cover and no longer;
 * the sergeant and the inspector the whole team, as before.
 */
import {beforeAll, describe, expect, it} from 'vitest';
import {demoCopy, DEMO_TODAY, runCli} from '../helpers/cli.js';

const IQBAL_CASE = 'CR/25310/26';
const DOYLE_CASE = 'CR/88397/26';
const PEERS = ['Ashworth', 'Doyle', 'Whitlock', 'Grant', 'Shah', 'Carter', 'Evans', 'Marsh'];
/** Inside and outside DC Marsh's cover of DS Brennan's absence ab0002 (10 Dec 2026 to 4 Feb 2027). */
const COVERED = '2026-12-15';

let store: string;
type Json = {id: string; resolve: {desk: {key: string} | null}[]};
/** `problems --json` without each problem's ways, which are the reader's own. */
const withoutWays = (json: string) => (JSON.parse(json) as Json[]).map(({resolve: _ways, ...p}) => p);
const run = (args: string[], as: string, today = DEMO_TODAY) => runCli([...args, '--store', store, '--today', today, '--as', as]);

beforeAll(() => {
	store = demoCopy().store;
	const named = runCli([
		'absence',
		'change',
		'ab0002',
		'--cover',
		'DC Marsh',
		'--as',
		'DI Okafor',
		'--store',
		store,
		'--today',
		DEMO_TODAY,
	]);
	expect(named.stderr).toContain('Changed ab0002: cover nobody -> DC Marsh.');
	expect(named.code).toBe(0);
});

describe('an officer (DC Iqbal) reads their own cases and record', () => {
	it('problems: those on their own cases and about themselves, no colleague named', () => {
		const r = run(['problems'], 'Iqbal');
		expect(r.code).toBe(0);
		// With DC Marsh named to cover DS Brennan from 10 Dec, the two bail problems about no cover have gone.
		expect(r.stdout).toMatch(/^5 problems on 30 Nov 2026: 1 red, 4 amber/);
		for (const peer of PEERS) expect(r.stdout).not.toContain(`DC ${peer}`);
		expect(r.stdout).not.toMatch(/Psychological screening|Performance trigger|sick leave/);
		const json = JSON.parse(run(['problems', '--json'], 'Iqbal').stdout) as {subject: {type: string; officerId: string}}[];
		expect(json).toHaveLength(5);
		for (const p of json) expect(p.subject.officerId).toBe('o0004');
	});

	it('log, handover and calendar are refused with who can (exit 2), nothing printed', () => {
		for (const [args, what] of [
			[['log', '--format', 'csv'], 'the review log'],
			[['handover'], 'the handover'],
			[['calendar'], 'the handover calendar'],
		] as const) {
			const r = run([...args], 'Iqbal');
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toContain(`DC Iqbal cannot read ${what}:`);
			expect(r.stderr).toContain('DS Brennan (or the cover named while they are away) or DI Okafor can');
		}
	});

	it("case show: their own case, not a colleague's", () => {
		const mine = run(['case', 'show', IQBAL_CASE], 'Iqbal');
		expect(mine.code).toBe(0);
		expect(mine.stdout).toContain(IQBAL_CASE);
		const theirs = run(['case', 'show', DOYLE_CASE, '--json'], 'Iqbal');
		expect(theirs.code).toBe(2);
		expect(theirs.stdout).toBe('');
		expect(theirs.stderr).toContain(`DC Iqbal cannot read ${DOYLE_CASE}: it is not their case`);
	});

	it('absence list: their own absences only, never why a colleague is away', () => {
		const iqbal = run(['absence', 'list', '--all'], 'Iqbal');
		expect(iqbal.code).toBe(0);
		expect(iqbal.stdout).toBe('No absences recorded.\n');
		const ashworth = run(['absence', 'list', '--all'], 'Ashworth');
		expect(ashworth.stdout).toMatch(/^ab0003 {2}DC Sam Ashworth {2}sick/);
		expect(ashworth.stdout.trim().split('\n')).toHaveLength(1);
	});

	it('an --as or FORTNIGHT_USER that names nobody is refused, not read as the whole team', () => {
		expect(run(['problems'], 'Nobody Atall').code).toBe(2);
		const env = runCli(['problems', '--store', store, '--today', DEMO_TODAY], {env: {FORTNIGHT_USER: 'Nobody Atall'}});
		expect(env.code).toBe(2);
		expect(env.stdout).toBe('');
	});
});

describe('a cover reads the team on the days they cover, and only then', () => {
	it('inside: what the sergeant reads (problems, log, handover)', () => {
		for (const args of [
			['problems', '--json'],
			['log', '--format', 'csv'],
			['handover', '--format', 'json'],
		]) {
			const marsh = run(args, 'Marsh', COVERED);
			const sergeant = run(args, 'Brennan', COVERED);
			expect(marsh.code).toBe(0);
			if (args[0] === 'problems') {
				// The same problems; each with the ways its reader may take (README "Acting on a problem"): hers differ
				// on the cases she holds, which the inspector reviews and moves, and his on his own check-in.
				expect(withoutWays(marsh.stdout)).toEqual(withoutWays(sergeant.stdout));
				continue;
			}
			// The handover records when it was made and who made it (the person at the keyboard); everything else is the same bytes.
			const strip = (s: string) => s.replace(/"generatedAt": "[^"]*"/, '').replace(/"preparedBy": "[^"]*"/, '');
			expect(strip(marsh.stdout)).toBe(strip(sergeant.stdout));
			if (args[0] === 'handover') expect(marsh.stdout).toContain('"preparedBy": "DC Helen Marsh"');
		}
	});

	it('outside (before the absence starts): an officer', () => {
		const log = run(['log'], 'Marsh');
		expect(log.code).toBe(2);
		expect(log.stderr).toContain('DC Marsh cannot read the review log');
		const problems = JSON.parse(run(['problems', '--json'], 'Marsh').stdout) as {subject: {officerId: string}}[];
		expect(problems.length).toBeGreaterThan(0);
		for (const p of problems) expect(p.subject.officerId).toBe('o0006');
	});
});

describe('the sergeant and the inspector read the whole team, as before', () => {
	it('the same problems, log and handover as with nobody named on the demo', () => {
		const whole = runCli(['log', '--format', 'csv', '--store', store, '--today', DEMO_TODAY]).stdout;
		expect(whole.split('\r\n').length).toBeGreaterThan(100);
		expect(run(['log', '--format', 'csv'], 'Okafor').stdout).toBe(whole);
		// The same problems as nobody named (on the demo, its sergeant); the ways are each reader's own (README "Acting on
		// a problem"): DS Brennan's check-in is the inspector's to record, so her desk key is hers, not his.
		const okafor = run(['problems', '--json'], 'Okafor').stdout;
		const demo = runCli(['problems', '--json', '--store', store, '--today', DEMO_TODAY]).stdout;
		expect(withoutWays(okafor)).toEqual(withoutWays(demo));
		const checkIn = (json: string) => (JSON.parse(json) as Json[]).find(p => p.id === 'welfare-check-in-due:o0002')?.resolve[0]?.desk;
		expect(checkIn(okafor)).toMatchObject({key: 'w'});
		expect(checkIn(demo)).toBeNull();
		const handover = run(['handover'], 'Okafor');
		expect(handover.code).toBe(0);
		for (const peer of PEERS) expect(handover.stdout).toContain(peer);
	});
});
