/** `fortnight bail record`: each event recorded with who and when; each refusal exit 2 with the store untouched. */
import {describe, expect, it} from 'vitest';
import command from '../../source/commands/bail.js';
import type {StoreData} from '../../source/domain/model.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {runCommand} from './in-process.js';
import {savedBytes, savedData} from '../helpers/saved-store.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const bail = (store: string, ...args: string[]) => runCli(['bail', 'record', ...args, '--store', store, '--today', DEMO_TODAY], {env: NOW});
const record = (store: string, ref: string, flags: Record<string, unknown>) => runCommand(command, store, ['record', ref], flags);
const saved = (store: string) => savedData(store) as StoreData;
const caseOf = (store: string, ref: string) => saved(store).cases.find(c => c.ref === ref)!;
const problems = (store: string) => runCli(['problems', '--store', store, '--today', DEMO_TODAY]).stdout.replace(/\s+/g, ' ');

/** Demo cases: CR/87204/26 bailed 11 Sep 2026 (period ends 11 Dec, return 02 Dec); CR/54818/26 period ended 27 Nov. */
const RUNNING = 'CR/87204/26';
const LAPSED = 'CR/54818/26';
const PRE_2022 = 'CR/92431/22';
const NO_BAIL = 'CR/23811/26';

describe('fortnight bail record', () => {
	it('records an extension by an inspector, with who authorised it, the rank and who recorded it', () => {
		const {store} = demoCopy();
		const by = ['--authorised-by', 'Insp. K. Lawson', '--rank', 'Inspector'];
		const r = bail(store, RUNNING, '--event', 'extended', ...by, '--return', '2027-01-20');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toBe(
			'Recorded for CR/87204/26: bail period extended to 11 Mar 2027 by Insp. K. Lawson ' +
				'(inspector, as stated by the recorder) on 30 Nov; return date 20 Jan 2027.\n',
		);
		const c = caseOf(store, RUNNING);
		const extension = {date: DEMO_TODAY, authority: 'inspector', authorisedBy: 'Insp. K. Lawson', periodEnd: '2027-03-11'};
		expect(c.bail!.extensions.at(-1)).toEqual(extension);
		expect(c.bail!.returnDate).toBe('2027-01-20');
		expect(c.bailEvents).toEqual([
			{
				event: 'extended',
				on: DEMO_TODAY,
				returnDateBefore: '2026-12-02',
				returnDate: '2027-01-20',
				authority: 'inspector',
				periodEnd: '2027-03-11',
				authorisedBy: 'Insp. K. Lawson',
				rank: 'inspector, as stated by the recorder',
				recordedBy: 'o0002',
				recordedAt: '2026-11-30T09:00:00.000Z',
			},
		]);
		expect(problems(store)).toContain(
			'Bail return 20 Jan 2027: 51 days; period ends 11 Mar 2027, next extension ' + 'by a superintendent (to 11 Jun 2027)',
		);
		expect(runCli(['verify', '--store', store, '--today', DEMO_TODAY]).code).toBe(0);
	});

	it('a team officer named by rank and name gives their rank; the next stage then needs a superintendent', async () => {
		const {store} = demoCopy();
		const r = await record(store, RUNNING, {event: 'extended', authorisedBy: 'DI Okafor'});
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('by DI Rachel Okafor (inspector)');
		const again = await record(store, RUNNING, {event: 'extended', authorisedBy: 'DI Okafor'});
		expect(again.code).toBe(2);
		expect(again.stderr).toContain(
			'An inspector cannot authorise this extension (to 11 Jun 2027): it needs a superintendent ' +
				'or above. Ask one before the period ends 11 Mar 2027.',
		);
	});

	it('a team officer authorising is recorded with their own rank: a typed --rank that contradicts it is refused (QA 3 defect 2)', async () => {
		const {store} = demoCopy();
		for (const authorisedBy of ['DS Brennan', 'Brennan', 'o0002']) {
			const r = await record(store, RUNNING, {event: 'extended', return: '2027-01-20', authorisedBy, rank: 'superintendent'});
			expect(r.code, authorisedBy).toBe(2);
			expect(r.stderr).toContain('DS Tom Brennan (o0002) is recorded in this store as a sergeant, not superintendent');
		}
		const okafor = await record(store, RUNNING, {event: 'extended', authorisedBy: 'Okafor', rank: 'superintendent'});
		expect(okafor.code).toBe(2);
		expect(okafor.stderr).toContain('DI Rachel Okafor (o0001) is recorded in this store as an inspector, not superintendent');
		expect(caseOf(store, RUNNING).bailEvents ?? []).toEqual([]);
		const bySurname = await record(store, RUNNING, {event: 'extended', authorisedBy: 'Okafor'});
		expect(bySurname.code, bySurname.stderr).toBe(0);
		expect(bySurname.stderr).toContain('by DI Rachel Okafor (inspector) on 30 Nov');
		expect(caseOf(store, RUNNING).bailEvents.at(-1)).toMatchObject({authorisedBy: 'DI Rachel Okafor', rank: 'inspector'});
	});

	it('records a re-bail, and each way bail ends; RUI starts an RUI record; the bail problems clear', async () => {
		const {store} = demoCopy();
		expect(problems(store)).toContain('CR/54818/26');
		const rebail = await record(store, RUNNING, {event: 're-bailed', return: '2026-12-09'});
		expect(rebail.code, rebail.stderr).toBe(0);
		expect(rebail.stderr).toBe('Recorded for CR/87204/26: re-bailed on 30 Nov to return 09 Dec; the period still ends 11 Dec.\n');
		expect(caseOf(store, RUNNING).bail!.returnDate).toBe('2026-12-09');

		const rui = await record(store, LAPSED, {event: 'rui', on: '2026-11-27'});
		expect(rui.code, rui.stderr).toBe(0);
		expect(rui.stderr).toContain('bail ended and released under investigation from 27 Nov; an RUI record has started');
		const c = caseOf(store, LAPSED);
		expect(c.bail!.endedOn).toBe('2026-11-27');
		expect(c.rui).toEqual({since: '2026-11-27', lastSuspectUpdate: null, suspect: 'JA', endedOn: null});
		// The regenerated demo's lapsed bail returned on 20 Nov, a week before its period ended (issue 22 item 6).
		expect(c.bailEvents.map(e => [e.event, e.on, e.returnDateBefore, e.returnDate])).toEqual([['rui', '2026-11-27', '2026-11-20', null]]);
		expect(problems(store)).not.toContain('CR/54818/26');

		for (const [event, ref] of [
			['charged', RUNNING],
			['nfa', 'CR/30126/26'],
			['released', 'CR/31909/26'],
		] as const) {
			const r = await record(store, ref, {event});
			expect(r.code, r.stderr).toBe(0);
			expect(caseOf(store, ref).bail!.endedOn).toBe(DEMO_TODAY);
			expect(caseOf(store, ref).bailEvents.at(-1)).toMatchObject({event, on: DEMO_TODAY, returnDate: null, recordedBy: 'o0002'});
		}
		const text = problems(store);
		for (const ref of [RUNNING, 'CR/30126/26', 'CR/31909/26']) {
			expect(text).not.toMatch(new RegExp(`Bail[^:]*: ${ref.replace(/\//g, '\\/')}`));
		}
		// A case with no bail can still be recorded as released under investigation.
		const none = await record(store, NO_BAIL, {event: 'rui'});
		expect(none.code, none.stderr).toBe(0);
		expect(caseOf(store, NO_BAIL).rui).toMatchObject({since: DEMO_TODAY, endedOn: null});
		expect(caseOf(store, NO_BAIL).bailEvents[0]).toMatchObject({event: 'rui', returnDateBefore: null});
	});

	it('a pre-2022 bail past its police limits is extended only by a court, which sets the end', async () => {
		const {store} = demoCopy();
		const refused = await record(store, PRE_2022, {event: 'extended', authorisedBy: 'Ch Supt X', rank: 'chief superintendent'});
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain("Only a magistrates' court can extend this bail now");
		const court = {event: 'extended', authorisedBy: "Eastshire Magistrates' Court", rank: 'court', periodEnd: '2027-04-09'};
		const r = await runCommand(command, store, ['record', PRE_2022], court, {as: 'DI Okafor'});
		expect(r.code, r.stderr).toBe(0);
		expect(caseOf(store, PRE_2022).bailEvents.at(-1)).toMatchObject({recordedBy: 'o0001', authority: 'magistrates-court'});
		expect(caseOf(store, PRE_2022).bail!.extensions.at(-1)).toMatchObject({authority: 'magistrates-court', periodEnd: '2027-04-09'});
	});

	it('refuses each bad record with exit 2, says what to do, and leaves the store byte for byte unchanged', async () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const cases: [string[], Record<string, unknown>, RegExp][] = [
			[['record', 'CR/00000/26'], {event: 'nfa'}, /There is no case CR\/00000\/26 in this store/],
			[
				['record', NO_BAIL],
				{event: 'charged'},
				/CR\/23811\/26 has no running bail \(no bail is recorded\), so there is nothing to record as charged/,
			],
			[['record', 'CR/32449/23'], {event: 'rui'}, /already released under investigation since 05 Mar 2024/],
			[
				['record', RUNNING],
				{event: 're-bailed', return: '2026-11-29'},
				/The return date 2026-11-29 is in the past \(today is 2026-11-30\)/,
			],
			[
				['record', RUNNING],
				{event: 're-bailed', return: '2026-12-20'},
				/after the bail period for CR\/87204\/26 ends \(2026-12-11\): extend the period first \(an inspector or above\)/,
			],
			[['record', RUNNING], {event: 're-bailed'}, /Give the new return date with --return D/],
			[['record', RUNNING], {event: 're-bailed', return: '2026-12-02'}, /already the return date/],
			[
				['record', RUNNING],
				{event: 'extended', authorisedBy: 'PS Custody', rank: 'sergeant'},
				/A sergeant cannot authorise this extension \(to 11 Mar 2027\): it needs an inspector or above/,
			],
			[
				['record', RUNNING],
				{event: 'extended', authorisedBy: 'Court', rank: 'court'},
				/a magistrates' court extends bail only once the police limits are used/,
			],
			[
				['record', RUNNING],
				{event: 'extended', rank: 'inspector'},
				/Say who authorised the extension with --authorised-by NAME: this stage needs an inspector or above, before 11 Dec/,
			],
			[['record', RUNNING], {event: 'extended', authorisedBy: 'Insp. K. Lawson'}, /Say the rank of Insp\. K\. Lawson with --rank/],
			[
				['record', RUNNING],
				{event: 'extended', authorisedBy: 'X', rank: 'inspector', periodEnd: '2027-03-31'},
				/runs to 11 Mar 2027 \(6 months beginning with the bail start date, 12 Sep\): leave out --period-end/,
			],
			[
				['record', RUNNING],
				{event: 'extended', authorisedBy: 'X', rank: 'inspector', return: '2027-04-01'},
				/after the bail period for CR\/87204\/26 ends \(2027-03-11\)/,
			],
			[['record', RUNNING], {event: 'extended', authorisedBy: 'X', rank: 'inspector', on: '2026-12-12'}, /after today/],
			[
				['record', LAPSED],
				{event: 'extended', authorisedBy: 'X', rank: 'superintendent'},
				/Bail cannot be extended once the period has ended: the bail period for CR\/54818\/26 ended 27 Nov\. Record how it ended instead/,
			],
			[['record', LAPSED], {event: 're-bailed', return: '2026-12-10'}, /ended 27 Nov, so the suspect cannot be re-bailed on it/],
			[
				['record', PRE_2022],
				{event: 'extended', authorisedBy: 'Court', rank: 'court'},
				/A court sets the new end of the bail period: give it with --period-end D \(after the current end, 09 Jan 2027\)/,
			],
			[['record', RUNNING], {event: 'charged', on: '2026-09-01'}, /before the arrest on 2026-09-11/],
			[['record', RUNNING], {event: 'charged', return: '2026-12-20'}, /--return goes only with --event extended or re-bailed/],
			[['record', RUNNING], {event: 're-bailed', return: '2026-12-09', rank: 'inspector'}, /--rank goes only with --event extended/],
			[['record', RUNNING], {event: 'nfa', authorisedBy: 'X'}, /--authorised-by goes only with --event extended/],
			[['record', RUNNING], {event: 'extended', authorisedBy: 'X', rank: 'general'}, /--rank "general" is not a rank fortnight knows/],
			[['record', RUNNING], {event: 'bailed'}, /--event must be one of extended, re-bailed, charged, rui, nfa, released/],
			[['record', RUNNING], {}, /--event is required/],
			[['record', RUNNING], {event: 'nfa', on: '2026-13-01'}, /--on must be a real date/],
			[['record'], {event: 'nfa'}, /Give one crime reference/],
			[['show', RUNNING], {}, /Unknown bail action "show": use record/],
			[[], {}, /Say what to do: fortnight bail record REF --event EVENT/],
		];
		for (const [input, flags, message] of cases) {
			const r = await runCommand(command, store, input, flags);
			expect(r.code, `${input.join(' ')} ${JSON.stringify(flags)}`).toBe(2);
			expect(r.stderr, `${input.join(' ')} ${JSON.stringify(flags)}`).toMatch(message);
			if (r.stderr.includes('Nothing was saved')) expect(r.stderr).toMatch(/Nothing was saved\.$/);
		}
		// Recorded by whoever supervises the officer in the case; never by the officer who holds it.
		const own = await runCommand(command, store, ['record', RUNNING], {event: 'nfa'}, {as: 'DC Ashworth'});
		expect(own.code).toBe(2);
		expect(own.stderr).toContain('DC Ashworth holds CR/87204/26, so cannot record its bail decisions: no one supervises their own cases.');
		const peer = await runCommand(command, store, ['record', RUNNING], {event: 'nfa'}, {as: 'DC Marsh'});
		expect(peer.code).toBe(2);
		expect(peer.stderr).toContain(
			'DC Marsh does not supervise DC Ashworth on 30 Nov, so cannot record the bail of CR/87204/26: DS Brennan',
		);
		// From the command line too: exit 2 and the plain sentence.
		const cli = bail(store, LAPSED, '--event', 'extended', '--authorised-by', 'Supt X', '--rank', 'superintendent');
		expect(cli.code).toBe(2);
		expect(cli.stderr).toContain('Bail cannot be extended once the period has ended');
		expect(cli.stderr).not.toMatch(/\n\s+at /);
		expect(savedBytes(store).equals(before)).toBe(true);
	});

	it('has help naming the events, the ranks and the ladder', () => {
		const r = runCli(['bail', '--help']);
		expect(r.code).toBe(0);
		const words = ['extended', 're-bailed', 'charged', 'rui', 'nfa', 'released', '--authorised-by', '--period-end'];
		words.push('assistant chief constable');
		for (const w of [...words, 'Bail cannot be extended once the period has ended']) {
			expect(r.stdout).toContain(w);
		}
		expect(runCli(['--help']).stdout).toMatch(/ {2}bail {7}record a bail extension/);
	});
});
