import {copyFileSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import command from '../../source/commands/case.js';
import type {CaseRecord} from '../../source/domain/case-record.js';
import {SCHEMA_VERSION, type StoreData} from '../../source/domain/model.js';
import {amendReview} from '../../source/domain/review/amend.js';
import {signer} from '../../source/store/chain.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {runCommand} from './in-process.js';
import {savedBytes, savedData, savedText} from '../helpers/saved-store.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const cli = (store: string, ...args: string[]) => runCli(['case', ...args, '--store', store, '--today', DEMO_TODAY], {env: NOW});
const load = (file: string) => savedData(file) as StoreData;

// CR/87204/26 is DC Ashworth's (o0003, on sick leave from 28 Nov, no cover); bail return 02 Dec.
const REF = 'CR/87204/26';

describe('fortnight case reallocate', () => {
	it('moves the case with who, when and why, prints the new workload, and the no-cover bail alarm goes', () => {
		const {store} = demoCopy();
		const before = runCli(['problems', '--json', '--store', store, '--today', DEMO_TODAY]);
		expect(before.stdout).toContain(`"bail-officer-absent:${REF}"`);
		const r = cli(store, 'reallocate', REF, '--to', 'DC Marsh', '--reason', 'OIC on sick leave; bail due 02 Dec');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toBe(
			'Reallocated CR/87204/26 from DC Sam Ashworth to DC Helen Marsh from 30 Nov (recorded by DS Tom Brennan).\n' +
				'2 open actions move with it: CR/87204/26-a12, CR/87204/26-a13.\n' +
				"DC Helen Marsh's workload now: 9 live cases, 17 points on 40h a week (1.00 FTE): 85% of capacity (flag above 110%).\n",
		);
		const saved = load(store);
		const c = saved.cases.find(x => x.ref === REF)!;
		expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
		expect(c.oicId).toBe('o0006');
		expect(c.allocations.map(a => [a.officerId, a.from, a.to, a.by, a.reason, a.recordedAt])).toEqual([
			['o0003', '2026-01-14', DEMO_TODAY, null, 'allocation on record before fortnight kept case history', null],
			['o0006', DEMO_TODAY, null, 'o0002', 'OIC on sick leave; bail due 02 Dec', '2026-11-30T09:00:00.000Z'],
		]);
		expect(runCli(['verify', '--store', store, '--today', DEMO_TODAY]).code).toBe(0);
		const after = runCli(['problems', '--json', '--store', store, '--today', DEMO_TODAY]);
		expect(after.stdout).not.toContain(`"bail-officer-absent:${REF}"`);
	});

	it('takes --on, --as and an officer by id or collar number, and --yes for an officer away with no cover', async () => {
		const {store} = demoCopy();
		const flags = {to: '4042', on: '28/11/2026', reason: 'Agreed at supervision'};
		const r = await runCommand(command, store, ['reallocate', REF], flags, {env: {FORTNIGHT_USER: 'DI Okafor'}});
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toContain('from 28 Nov (recorded by DI Rachel Okafor)');
		const last = load(store)
			.cases.find(x => x.ref === REF)!
			.allocations.at(-1);
		expect(last).toMatchObject({officerId: 'o0006', from: '2026-11-28', by: 'o0001'});
		// Back to DC Ashworth, who is off sick with nobody covering: only with --yes.
		const refused = await runCommand(command, store, ['reallocate', REF], {to: 'o0003', reason: 'Back on Monday'});
		expect(refused.code).toBe(2);
		expect(refused.stderr).toBe(
			'DC Ashworth is on sick leave from 28 Nov and no cover is named on 30 Nov: the case would sit with nobody to act on it. ' +
				'Add --yes to move it anyway, or choose an officer who is at work. Nothing was saved.',
		);
		const yes = await runCommand(command, store, ['reallocate', REF], {to: 'o0003', reason: 'Back on Monday', yes: true});
		expect(yes.code, yes.stderr).toBe(0);
		expect(
			load(store)
				.cases.find(x => x.ref === REF)!
				.allocations.map(a => a.officerId),
		).toEqual(['o0003', 'o0006', 'o0003']);
	});

	it('at a terminal, asks before moving a case to someone away with nobody covering; only "yes" moves it', async () => {
		const {store} = demoCopy();
		const terminal = (answer: string) => Object.assign(Readable.from([answer]), {isTTY: true}) as unknown as NodeJS.ReadStream;
		const before = savedBytes(store);
		const flags = {to: 'DC Ashworth', reason: 'Back on Monday'};
		const no = await runCommand(command, store, ['reallocate', 'CR/62757/26'], flags, {stdin: terminal('no\n')});
		expect(no.code).toBe(2);
		expect(no.stderr).toContain('no cover is named on 30 Nov: the case would sit with nobody to act on it. Move it anyway? Type yes: ');
		expect(no.stderr).toContain('Not confirmed; nothing was saved.');
		expect(savedBytes(store).equals(before)).toBe(true);
		const yes = await runCommand(command, store, ['reallocate', 'CR/62757/26'], flags, {stdin: terminal('yes\n')});
		expect(yes.code, yes.stderr).toBe(0);
		expect(load(store).cases.find(c => c.ref === 'CR/62757/26')!.oicId).toBe('o0003');
	});

	it('refuses every wrong request with exit 2, one plain sentence, and the store byte for byte unchanged', async () => {
		const {store, dir} = demoCopy();
		// A closed case to refuse, in a store of the current schema.
		const closedStore = `${dir}/closed.json`;
		const v2 = loadStoreText(savedText(store), store).data;
		const closed = v2.cases.map(c => (c.ref === 'CR/62757/26' ? {...c, status: 'closed', closedOn: '2026-11-20'} : c));
		writeFileSync(closedStore, JSON.stringify({...v2, cases: closed}));
		const cases: [string, string[], Record<string, unknown>, RegExp][] = [
			[store, ['reallocate', 'CR/00000/26'], {to: 'DC Marsh', reason: 'x'}, /^There is no case CR\/00000\/26 in this store\./],
			[store, ['reallocate', REF], {to: 'Nobody Atall', reason: 'x'}, /^--to: no officer in this team matches "Nobody Atall"\.$/],
			[store, ['reallocate', REF], {to: 'Marsch', reason: 'x'}, /Did you mean DC Helen Marsh \(o0006\)\?/],
			[store, ['reallocate', REF], {to: 'DC Ashworth', reason: 'x'}, /^CR\/87204\/26 is already held by DC Ashworth \(since 14 Jan\)/],
			[store, ['reallocate', REF], {to: 'DC Marsh', reason: 'x', on: '2026-01-13'}, /cannot be dated before that\. Nothing was saved\.$/],
			[store, ['reallocate', REF], {to: 'DC Marsh', reason: 'x', on: '2026-12-01'}, /^The move is dated 01 Dec, after today \(30 Nov\)/],
			[store, ['reallocate', REF], {to: 'DC Marsh', reason: 'x', on: '2026-11-31'}, /^--on must be a real date/],
			[store, ['reallocate', REF], {to: 'DC Marsh'}, /^--reason TEXT is required/],
			[store, ['reallocate', REF], {to: 'DC Marsh', reason: '  '}, /^--reason TEXT is required/],
			[store, ['reallocate', REF], {reason: 'x'}, /^--to OFFICER \(who takes the case\) is required\./],
			[
				store,
				['reallocate', REF],
				{to: 'DC Marsh', reason: 'x', by: 'DI Okafor'},
				/^--by is no longer taken: what you record is recorded as you/,
			],
			[store, ['reallocate', 'CR/62757/26'], {to: 'DC Ashworth', reason: 'x'}, /no cover is named on 30 Nov.*Add --yes to move it anyway/],
			[store, ['reallocate'], {to: 'DC Marsh', reason: 'x'}, /^Give one crime reference: fortnight case reallocate REF/],
			[store, ['reallocate', REF, 'CR/1/26'], {to: 'DC Marsh', reason: 'x'}, /^Give one crime reference/],
			[store, ['frob'], {}, /^Unknown case action "frob": use show or reallocate\.$/],
			[store, [], {}, /^Say what to do: fortnight case show\|reallocate REF\.$/],
			[closedStore, ['reallocate', 'CR/62757/26'], {to: 'DC Ashworth', reason: 'x', yes: true}, /^CR\/62757\/26 is closed \(20 Nov\)/],
		];
		const bytes = new Map([store, closedStore].map(f => [f, readFileSync(f)]));
		for (const [file, input, flags, message] of cases) {
			const r = await runCommand(command, file, input, flags);
			expect(r.code, `${input.join(' ')} ${JSON.stringify(flags)}`).toBe(2);
			expect(r.stderr, input.join(' ')).toMatch(message);
			expect(r.stdout).toBe('');
		}
		for (const [file, before] of bytes) expect(readFileSync(file).equals(before), file).toBe(true);
	});

	it('through the built CLI: exit 2 with the sentence and no stack trace; --help', () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const r = cli(store, 'reallocate', REF, '--to', 'DC Ashworth', '--reason', 'x');
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(
			// A refusal, not a usage error: no --help hint (QA 3 R4).
			'fortnight: CR/87204/26 is already held by DC Ashworth (since 14 Jan); choose another officer. Nothing was saved.\n',
		);
		expect(savedBytes(store).equals(before)).toBe(true);
		const help = runCli(['case', '--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('fortnight case reallocate REF --to OFFICER --reason TEXT [--on D] [--yes] [--as YOU]');
		expect(help.stdout).toContain('fortnight case show REF [--json]');
		expect(runCli(['--help']).stdout).toContain('case       show a case with its history, or reallocate it to another officer');
	});
});

// QA: a back-dated --on was accepted across signed reviews, so `case show` gave DC Evans the case from 10 Nov
// beside a review of 13 Nov naming DC Iqbal as its OIC (domain/reallocate-dates.ts has the rule).
describe('fortnight case reallocate --on in the past', () => {
	const problems = (store: string) => runCli(['problems', '--json', '--store', store, '--today', DEMO_TODAY]).stdout;

	it('refuses a move dated before the last record of DC Iqbal working CR/90868/26, exit 2, nothing saved', () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const shown = cli(store, 'show', 'CR/90868/26').stdout;
		expect(shown).toContain('From 10 Aug 2026, held now: DC Priya Iqbal');
		const r = cli(store, 'reallocate', 'CR/90868/26', '--to', 'Evans', '--reason', 'backdated move', '--on', '2026-11-10', '--yes');
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(
			"fortnight: CR/90868/26 cannot be moved from 10 Nov: DC Iqbal's update of 23 Nov was recorded while DC Iqbal held it, " +
				"and the case's history may not contradict it. The earliest date allowed is 23 Nov. Nothing was saved.\n",
		);
		expect(savedBytes(store).equals(before)).toBe(true);
		expect(cli(store, 'show', 'CR/90868/26').stdout).toBe(shown);
	});

	it('refuses CR/78730/26 to DC Carter from 01 Nov across the signed review of 23 Nov; from 23 Nov it moves', () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const listed = problems(store);
		const r = cli(store, 'reallocate', 'CR/78730/26', '--to', 'Carter', '--reason', 'backdated', '--on', '2026-11-01', '--yes');
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(
			'fortnight: CR/78730/26 cannot be moved from 01 Nov: its signed review of 23 Nov (entry 577, OIC DC Iqbal) was recorded ' +
				"while DC Iqbal held it, and the case's history may not contradict it. The earliest date allowed is 23 Nov. Nothing was saved.\n",
		);
		expect(savedBytes(store).equals(before)).toBe(true);
		// The overdue review and its evidence stay DC Iqbal's: `problems` is as it was.
		expect(problems(store)).toBe(listed);
		// The earliest date it names is taken.
		const moved = cli(store, 'reallocate', 'CR/78730/26', '--to', 'Carter', '--reason', 'backdated', '--on', '23/11/2026', '--yes');
		expect(moved.code, moved.stderr).toBe(0);
		expect(moved.stdout).toContain('Reallocated CR/78730/26 from DC Priya Iqbal to DC Ben Carter from 23 Nov');
		const shown = cli(store, 'show', 'CR/78730/26').stdout;
		expect(shown).toContain('From 23 Nov 2026, held now: DC Ben Carter');
		expect(shown).toMatch(/23 Nov 2026, entry 577: .*\n.*OIC DC Priya Iqbal/);
	});
});

describe('fortnight case reallocate to someone away with a cover', () => {
	it('moves it, as named, and says they are away and who covers (QA 8 R2)', () => {
		const {store} = demoCopy();
		// 04 Dec: DC Grant on annual leave 03-12 Dec, DC Shah covering.
		const r = runCli(['case', 'reallocate', REF, '--to', 'Grant', '--reason', 'Workload', '--store', store, '--today', '2026-12-04'], {
			env: {FORTNIGHT_NOW: '2026-12-04T09:00:00Z'},
		});
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toContain(
			'Note: DC Grant is on annual leave 03-12 Dec (DC Shah covering on 04 Dec): the case would wait with DC Shah until DC Grant is back.\n',
		);
	});
});

describe('fortnight case show', () => {
	it('says who held the case on the day of two moves: the last officer, the one between held it on no day (QA 8 R4)', () => {
		const {store} = demoCopy();
		expect(cli(store, 'reallocate', REF, '--to', 'DC Marsh', '--reason', 'OIC on sick leave').code).toBe(0);
		expect(cli(store, 'reallocate', REF, '--to', 'DC Evans', '--reason', 'DC Marsh is full').code).toBe(0);
		const shown = cli(store, 'show', REF).stdout;
		expect(shown).toContain("ALLOCATIONS (3)\n  On the day of a move the case is the new officer's.\n");
		expect(shown).toContain('  From 14 Jan 2026 until 30 Nov 2026: DC Sam Ashworth\n');
		expect(shown).toContain('  30 Nov 2026, moved on again the same day: DC Helen Marsh\n');
		expect(shown).toContain('  From 30 Nov 2026, held now: DC Chloe Evans\n');
		expect(shown).not.toMatch(/ to now|2026 to /);
	});

	it('shows the whole history in 80 columns, the reallocation with who, when and why', () => {
		const {store} = demoCopy();
		expect(cli(store, 'reallocate', REF, '--to', 'DC Marsh', '--reason', 'OIC on sick leave; bail due 02 Dec').code).toBe(0);
		const r = cli(store, 'show', REF);
		expect(r.code, r.stderr).toBe(0);
		for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
		expect(r.stdout).toContain(
			[
				'ALLOCATIONS (2)',
				"  On the day of a move the case is the new officer's.",
				'  From 14 Jan 2026 until 30 Nov 2026: DC Sam Ashworth',
				'      allocation on record before fortnight kept case history',
				'  From 30 Nov 2026, held now: DC Helen Marsh',
				'      Allocated by DS Tom Brennan on 30 Nov 2026 at 09:00 UTC: OIC on sick',
				'      leave; bail due 02 Dec',
			].join('\n'),
		);
		expect(r.stdout).toContain('RISK (1 level)\n  14 Jan 2026: LOW\n');
		expect(r.stdout).toContain('  Suspect LB bailed after arrest on 11 Sep 2026 (PCSC Act 2022 limits); return\n  02 Dec 2026.');
		expect(r.stdout).toContain('  Period ends 11 Dec 2026; next extension by an inspector (to 11 Mar 2027)\n    before then.');
		// The regenerated demo (issue 22 item 6) reviews on the day the previous review set: its first review
		// of this case in the store is later, and the entries are numbered differently.
		const firstReview = [
			'REVIEWS (9, oldest first)',
			// Made before signatures (README "Signatures"): the demo's entries are hashed, not signed.
			'  22 Jul 2026, entry 32: by DS Tom Brennan (made before signatures), due 22',
			'      Jul 2026 (on time); OIC DC Sam Ashworth',
		];
		expect(r.stdout).toContain(firstReview.join('\n'));
		const movedAction = [
			'      30 Nov 2026 edited by DS Tom Brennan: moved with the case (reallocated:',
			'        OIC on sick leave; bail due 02 Dec)',
		];
		expect(r.stdout).toContain(movedAction.join('\n'));
		expect(r.stdout.endsWith('As recorded on 30 Nov 2026.\n')).toBe(true);
	});

	it('gives the same as JSON (fortnight-case/3), with store text made safe', async () => {
		const {store} = demoCopy();
		const r = await runCommand(command, store, ['show', REF], {json: true});
		expect(r.code).toBe(0);
		const doc = JSON.parse(r.stdout) as {schema: string; today: string; case: CaseRecord};
		expect(doc.schema).toBe('fortnight-case/3');
		expect(doc.today).toBe(DEMO_TODAY);
		expect(doc.case.ref).toBe(REF);
		expect(doc.case.oic).toEqual({id: 'o0003', name: 'DC Sam Ashworth'});
		const reason = 'allocation on record before fortnight kept case history';
		const officer = {id: 'o0003', name: 'DC Sam Ashworth'};
		// The first allocation is the case's creation: no signed record (README "Signed records").
		const signature = {seq: null, signedBy: null};
		expect(doc.case.allocations).toEqual([
			{officer, from: '2026-01-14', to: null, by: null, reason, recordedAt: null, recordedOn: null, signature},
		]);
		expect(doc.case.bailEvents).toEqual([]);
		expect(doc.case.bail?.clock?.periodEnd).toBe('2026-12-11');
		expect(doc.case.reviews.map(v => v.seq)).toEqual([32, 86, 141, 201, 260, 320, 386, 453, 521]);
		expect(doc.case.actions).toHaveLength(2);
	});

	// QA 6 D3: the desk cuts a long update at 7 lines and says "fortnight case show prints it whole", which
	// printed no updates at all, so the rest could be read nowhere.
	it('prints every crime-report update whole, oldest first, in text and JSON', () => {
		const {dir, store} = demoCopy();
		try {
			// A blank line inside it stays blank, with no indent of spaces (QA 7 R7).
			const lines = Array.from({length: 12}, (_, i) => (i === 6 ? '' : `Long update line ${i + 1}`));
			const csv = path.join(dir, 'long.csv');
			writeFileSync(csv, `Crime reference,Last update date,Last update\nCR/21803/26,2026-11-29,"${lines.join('\n')}"\n`);
			const imported = runCli(['import', csv, '--store', store, '--today', DEMO_TODAY], {env: NOW});
			expect(imported.code, imported.stderr).toBe(0);
			const text = cli(store, 'show', 'CR/21803/26');
			expect(text.code, text.stderr).toBe(0);
			const section = text.stdout.slice(text.stdout.indexOf('CRIME-REPORT UPDATES ('));
			expect(section).toMatch(/^CRIME-REPORT UPDATES \(\d+, oldest first\)\n/);
			// Imported: the records system's, not its OIC's words (QA 8 R6).
			expect(section).toContain('29 Nov 2026 from the records system (imported; the export names no author):\n');
			for (const l of lines) if (l !== '') expect(section).toContain(`      ${l}\n`);
			expect(section).toContain('Long update line 6\n\n      Long update line 8\n');
			expect(section).not.toMatch(/^ +$/m);
			expect(section.indexOf('Long update line 12')).toBeGreaterThan(section.indexOf('Long update line 1\n'));
			const json = JSON.parse(cli(store, 'show', 'CR/21803/26', '--json').stdout) as {case: CaseRecord};
			expect(json.case.updates.find(u => u.text === lines.join('\n'))).toMatchObject({date: '2026-11-29'});
			expect(json.case.updates.map(u => u.date)).toEqual([...json.case.updates.map(u => u.date)].sort());
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	// QA 8 R6: an imported update was shown, and judged, as the OIC's own, though DC Ashworth has been on sick
	// leave since 28 Nov; the same text imported on two of her cases fired identical updates and her trigger.
	it("shows imported updates as the records system's, not the OIC's, and they are no evidence against her", () => {
		const {dir, store} = demoCopy();
		const text = 'Update on the case: enquiries with the ISP continue, awaiting the disclosure return.';
		const refs = ['CR/43392/26', 'CR/45738/25'];
		const csv = path.join(dir, 'same.csv');
		writeFileSync(csv, ['Crime reference,Last update date,Last update', ...refs.map(r => `${r},2026-11-30,"${text}"`)].join('\n') + '\n');
		const imported = runCli(['import', csv, '--store', store, '--today', DEMO_TODAY], {env: NOW});
		expect(imported.code, imported.stderr).toBe(0);
		const saved = load(store);
		for (const ref of refs) {
			const stored = saved.cases.find(c => c.ref === ref)!.updates.filter(u => u.date === '2026-11-30');
			expect(stored).toEqual([{date: '2026-11-30', authorId: 'o0003', text, source: 'import'}]);
		}
		const shown = cli(store, 'show', refs[0]!);
		expect(shown.code, shown.stderr).toBe(0);
		const section = shown.stdout.slice(shown.stdout.indexOf('CRIME-REPORT UPDATES ('));
		expect(section).toContain(`  30 Nov 2026 from the records system (imported; the export names no author):\n      ${text.slice(0, 40)}`);
		expect(section).not.toContain('30 Nov 2026 by');
		// Her own earlier updates (the demo's, written by her) keep her name.
		expect(section).toMatch(/ by DC Sam Ashworth:\n/);
		const json = JSON.parse(cli(store, 'show', refs[0]!, '--json').stdout) as {case: CaseRecord};
		expect(json.case.updates.find(u => u.date === '2026-11-30')).toEqual({date: '2026-11-30', author: null, source: 'import', text});
		expect(json.case.updates.filter(u => u.source === null).every(u => u.author !== null)).toBe(true);
		const problems = runCli(['problems', '--json', '--store', store, '--today', DEMO_TODAY]);
		expect(problems.code, problems.stderr).toBe(0);
		expect(problems.stdout).not.toContain('"identical-updates:o0003:2026-11-30');
		// The same words written by her would have been a finding: the control, on the same store.
		const hers = load(store);
		for (const c of hers.cases) c.updates = c.updates.map(({source: _, ...u}) => u);
		const file = path.join(dir, 'hers.json');
		writeFileSync(file, JSON.stringify(hers));
		copyFileSync(path.join(dir, 'team.chain.jsonl'), path.join(dir, 'hers.chain.jsonl'));
		const written = runCli(['problems', '--json', '--store', file, '--today', DEMO_TODAY]);
		expect(written.code, written.stderr).toBe(0);
		expect(written.stdout).toContain(`"identical-updates:o0003:2026-11-30:${[...refs].sort()[0]}"`);
	});

	it('refuses an unknown case and a missing reference with exit 2; reads a schema 1 store without writing it', async () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const unknown = await runCommand(command, store, ['show', 'CR/00000/26'], {});
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/^There is no case CR\/00000\/26 in .*team\.json\. Check the crime reference/);
		expect((await runCommand(command, store, ['show'], {})).stderr).toMatch(/^Give one crime reference: fortnight case show REF/);
		expect(savedBytes(store).equals(before)).toBe(true);
	});

	it('shows a review as amended, with the amendment, and never lets store text drive the terminal', async () => {
		const {dir, store} = demoCopy();
		const data = loadStoreText(savedText(store), store).data;
		const seq = data.chain.filter(e => e.kind === 'review' && e.data.caseRef === REF).at(-1)!.seq;
		const options = {today: DEMO_TODAY, signedAt: '2026-11-30T10:00:00.000Z', by: 'o0002', sign: signer};
		const {next: amended, amendment} = amendReview(data, seq, {summary: 'Bail date confirmed with custody.'}, 'Summary was wrong', options);
		const offence = 'Paying \u001b]52;c;aGk=\u0007for \u202esexual services';
		const hostile = {...amended, cases: amended.cases.map(c => (c.ref === REF ? {...c, offence} : c))};
		const file = `${dir}/hostile.json`;
		writeFileSync(file, JSON.stringify(hostile));
		const text = await runCommand(command, file, ['show', REF], {});
		expect(text.code, text.stderr).toBe(0);
		const note = [
			`      Amended 30 Nov 2026 by DS Tom Brennan (entry ${amendment.seq}, made before signatures):`,
			'      Summary was wrong; now summary "Bail date confirmed with custody."',
		];
		expect(text.stdout).toContain(note.join('\n'));
		expect(text.stdout).toContain('Summary: Bail date confirmed with custody.');
		const json = await runCommand(command, file, ['show', REF], {json: true});
		for (const out of [text.stdout, json.stdout]) {
			expect(out).not.toMatch(/[\u001b\u0007\u202e]/);
			expect(out).toContain('<U+202E>');
		}
		const doc = JSON.parse(json.stdout) as {case: CaseRecord};
		expect(doc.case.reviews.at(-1)!.amendments.map(a => a.reason)).toEqual(['Summary was wrong']);
	});
});
