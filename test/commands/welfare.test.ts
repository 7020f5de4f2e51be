/** `fortnight welfare record`: the matching problem clears; no one records their own; refusals leave the store as it was. */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import command from '../../source/commands/welfare.js';
import type {StoreData} from '../../source/domain/model.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {runCommand} from './in-process.js';
import {savedBytes} from '../helpers/saved-store.js';

const welfare = (store: string, ...args: string[]) => runCli(['welfare', 'record', ...args, '--store', store, '--today', DEMO_TODAY]);
const record = (store: string, officer: string, flags: Record<string, unknown>) => runCommand(command, store, ['record', officer], flags);
const problemIds = (store: string) =>
	(JSON.parse(runCli(['problems', '--json', '--store', store, '--today', DEMO_TODAY]).stdout) as {id: string}[]).map(p => p.id);
const CLEARED = ['screening-due:o0003', 'tenure-review-due:o0003', 'welfare-check-in-due:o0003', 'new-starter-one-to-one-due:o0005'];

describe('fortnight welfare record', () => {
	it('records a screening, a tenure review, a check-in and a one-to-one, and each clears its problem', async () => {
		const {store, welfare: welfareFile} = demoCopy();
		const notesBefore = readFileSync(welfareFile);
		const before = problemIds(store);
		for (const id of CLEARED) expect(before).toContain(id);
		const r = welfare(store, 'DC Ashworth', '--kind', 'screening', '--on', '27/11/2026');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toBe('Recorded w00024: psychological screening for DC Ashworth on 27 Nov, by DS Brennan.\n');
		const saved = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		const event = {id: 'w00024', officerId: 'o0003', date: '2026-11-27', kind: 'psychological-screening', by: 'o0002', flags: []};
		expect(saved.welfareEvents.at(-1)).toEqual(event);
		for (const [officer, kind] of [
			['o0003', 'tenure-review'],
			['o0003', 'check-in'],
			['Whitlock', 'one-to-one'],
		]) {
			const x = await record(store, officer!, {kind});
			expect(x.code, x.stderr).toBe(0);
		}
		const after = problemIds(store);
		for (const id of CLEARED) expect(after).not.toContain(id);
		// Only that it happened: the welfare notes file is untouched, and the case store holds no note.
		expect(readFileSync(welfareFile).equals(notesBefore)).toBe(true);
	});

	it("the sergeant's own check-in is refused to the sergeant, naming the inspector, and recorded by the inspector", async () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		expect(problemIds(store)).toContain('welfare-check-in-due:o0002');
		const own = welfare(store, 'DS Brennan', '--kind', 'check-in');
		expect(own.code).toBe(2);
		expect(own.stderr).toContain(
			'DS Brennan cannot record their own welfare check-in. It goes to DI Okafor ' + "(the team's inspector). Nothing was saved.",
		);
		expect(savedBytes(store).equals(before)).toBe(true);
		const r = welfare(store, 'DS Brennan', '--kind', 'check-in', '--as', 'DI Okafor');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('welfare check-in for DS Brennan on 30 Nov, by DI Okafor');
		expect(problemIds(store)).not.toContain('welfare-check-in-due:o0002');
	});

	it('refuses each bad record with exit 2 and leaves the store byte for byte unchanged', async () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const cases: [string[], Record<string, unknown>, RegExp][] = [
			[['record', 'Nobody Atall'], {kind: 'check-in'}, /OFFICER: no officer in this team matches "Nobody Atall"/],
			[['record', 'DC Ashworth'], {kind: 'chat'}, /--kind must be one of check-in, screening, tenure-review, one-to-one, questionnaire/],
			[['record', 'DC Ashworth'], {}, /--kind is required/],
			[
				['record', 'DC Ashworth'],
				{kind: 'check-in', on: '2026-12-01'},
				/after today \(2026-11-30\): record a welfare check-in once it has happened/,
			],
			[['record', 'DC Ashworth'], {kind: 'check-in', on: '2026-02-30'}, /--on must be a real date/],
			[['record', 'Whitlock'], {kind: 'one-to-one', on: '2026-09-01'}, /TDC Whitlock joined the unit on 2026-10-03, after 2026-09-01/],
			[
				['record', 'DI Okafor'],
				{kind: 'check-in'},
				/DI Okafor is the team's inspector: their welfare is their own line manager's to record/,
			],
			[['record', 'DS Brennan'], {kind: 'screening'}, /DS Brennan cannot record their own psychological screening\. It goes to DI Okafor/],
			[
				['record', 'DC Ashworth'],
				{kind: 'tenure-review', on: '2025-07-18'},
				/A tenure review for DC Ashworth on 18 Jul 2025 is already recorded/,
			],
			[['record', 'DC Ashworth'], {kind: 'check-in', by: 'DI Okafor'}, /--by is not taken: a welfare event is recorded as you/],
			[['record'], {kind: 'check-in'}, /Name one officer/],
			[['note', 'DC Ashworth'], {}, /Unknown welfare action "note": use record/],
			[[], {}, /Say what to do: fortnight welfare record OFFICER --kind KIND/],
		];
		for (const [input, flags, message] of cases) {
			const r = await runCommand(command, store, input, flags);
			expect(r.code, `${input.join(' ')} ${JSON.stringify(flags)}`).toBe(2);
			expect(r.stderr, `${input.join(' ')} ${JSON.stringify(flags)}`).toMatch(message);
		}
		// Only the officer's line manager, their cover or the inspector records it.
		const peer = await runCommand(command, store, ['record', 'DC Ashworth'], {kind: 'check-in'}, {as: 'DC Marsh'});
		expect(peer.code).toBe(2);
		expect(peer.stderr).toContain("DC Marsh is not DC Ashworth's line manager on 30 Nov, so cannot record their welfare");
		const nobody = await runCommand(command, store, ['record', 'DC Ashworth'], {kind: 'check-in'}, {as: 'Nobody Atall'});
		expect(nobody.code).toBe(2);
		expect(nobody.stderr).toContain('--as "Nobody Atall" is not an officer in this store');
		// The command line takes no note text: an unknown flag such as --note is refused.
		const note = welfare(store, 'DC Ashworth', '--kind', 'check-in', '--note', 'struggling with sleep');
		expect(note.code).toBe(2);
		expect(note.stderr).toContain('"--note" is not an option of "fortnight welfare"');
		expect(note.stderr).not.toContain('struggling');
		expect(savedBytes(store).equals(before)).toBe(true);
	});

	it("new-starter-support: names the old cases held and the mentor, is signed, verifies, and clears the new starter's old cases (QA 8 R5)", async () => {
		const {store, welfare: welfareFile} = demoCopy();
		const notesBefore = readFileSync(welfareFile);
		expect(problemIds(store)).toContain('new-starter-old-cases:o0005');
		const before = savedBytes(store);
		// Not the officer's own, nor a peer's (the mentor is a peer): exit 2, nothing saved.
		const own = await runCommand(command, store, ['record', 'Whitlock'], {kind: 'new-starter-support'}, {as: 'TDC Whitlock'});
		expect(own.code).toBe(2);
		expect(own.stderr).toContain('TDC Whitlock cannot record their own new-starter support agreement.');
		const mentor = await runCommand(command, store, ['record', 'Whitlock'], {kind: 'new-starter-support'}, {as: 'DC Marsh'});
		expect(mentor.code).toBe(2);
		expect(mentor.stderr).toContain("DC Marsh is not TDC Whitlock's line manager on 30 Nov");
		// Not for an officer who is no new starter.
		const veteran = await record(store, 'DC Ashworth', {kind: 'new-starter-support'});
		expect(veteran.code).toBe(2);
		expect(veteran.stderr).toMatch(/DC Ashworth is not a new starter on 30 Nov .*Nothing was saved\./);
		expect(savedBytes(store).equals(before)).toBe(true);

		const r = welfare(store, 'TDC Whitlock', '--kind', 'new-starter-support');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toBe(
			'Recorded w00024: new-starter support agreement for TDC Whitlock on 30 Nov, by DS Brennan, covering CR/42371/25, CR/87559/24 (mentor DC Marsh).\n',
		);
		const saved = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		const event = {
			id: 'w00024',
			officerId: 'o0005',
			date: DEMO_TODAY,
			kind: 'new-starter-support',
			by: 'o0002',
			caseRefs: ['CR/42371/25', 'CR/87559/24'],
			mentorId: 'o0006',
			flags: [],
		};
		expect(saved.welfareEvents.at(-1)).toEqual(event);
		// Signed as a supervisory record, with the cases and the mentor in what is signed.
		expect(saved.chain.at(-1)?.data).toEqual({record: 'welfare-event', by: 'o0002', event});
		expect(problemIds(store)).not.toContain('new-starter-old-cases:o0005');
		const v = runCli(['verify', '--store', store, '--today', DEMO_TODAY]);
		expect(v.code, v.stdout + v.stderr).toBe(0);
		expect(readFileSync(welfareFile).equals(notesBefore)).toBe(true);
		// The same agreement twice is refused.
		const twice = await record(store, 'Whitlock', {kind: 'new-starter-support'});
		expect(twice.code).toBe(2);
		expect(twice.stderr).toContain('A new-starter support agreement for TDC Whitlock on 30 Nov is already recorded.');
	});

	it('has help naming the kinds and saying it takes no note text', () => {
		const r = runCli(['welfare', '--help']);
		expect(r.code).toBe(0);
		const words = [
			'check-in',
			'screening',
			'tenure-review',
			'one-to-one',
			'new-starter-support',
			'this command takes no note text',
			'--as "DI Okafor"',
		];
		for (const w of words) expect(r.stdout).toContain(w);
	});
});
