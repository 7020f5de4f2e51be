/**
 * The README ("The review desk", "Command line") promises that store text cannot reach the terminal as a
 * command. A store whose every text field carries every payload class (test/helpers/hostile-store.ts:
 * CSI, OSC 52 clipboard writes, OSC 0 titles, an unterminated OSC, DCS, BEL, C1 controls, bidi controls,
 * zero-width characters, U+2028) is opened in every desk view and run through every command, error paths
 * included; no ESC, BEL, C1, OSC, bidi or invisible character from it may appear in what is written.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {createStoreFile, openStore} from '../../source/store/store.js';
import {DEMO_TODAY, runCli, tempDir, type RunResult} from '../helpers/cli.js';
import {ALL_SHORT, hostileStore, leaks, PAYLOADS} from '../helpers/hostile-store.js';
import {KEYS, ready, renderDesk, stripAnsi} from '../ui/desk-harness.js';

const hostile = hostileStore();
const {data} = hostile;
const tally = {views: 0, frames: 0, commands: 0};

/** Digits of a hostile case reference ("CR/41250/26<payload>" -> "41250"), for typing into the palette. */
const digits = (ref: string) => /\d{4,}/.exec(ref)![0];

function expectClean(what: string, text: string, options: {allowSgr?: boolean; csv?: boolean} = {}): void {
	expect(leaks(text, options), what).toEqual([]);
}

describe('a hostile store in every desk view', () => {
	it('Cases, a case, Team, absence form, Handover (cover, near matches, export), Log, help, palette, review steps, amend', async () => {
		// Opened from a file whose own path carries payloads: the status bar and export notices name it.
		const folder = path.join(tempDir('fortnight-hostile-desk-'), `desk${PAYLOADS.osc0.short}${PAYLOADS.bidi.short}`);
		mkdirSync(folder);
		const file = path.join(folder, `team${PAYLOADS.osc52.short}${PAYLOADS.zeroWidth.short}.json`);
		await createStoreFile(file, data);
		const store = await openStore(file);
		const h = renderDesk({data: store.snapshot(), store, size: {columns: 160, rows: 48}});
		const seen: string[] = [];
		// A key that changes nothing on screen (the end of a list) is not a failure here.
		const press = (k: string) => h.press(k, 1000).catch(() => undefined);
		const view = async (name: string, keys: string[], until?: RegExp) => {
			for (const k of keys) await press(k);
			if (until) await h.waitFor(until);
			seen.push(name);
		};
		const leave = async (name: string) => {
			for (let i = 0; i < 4 && /step \d of 7/.test(h.frame()); i++) await press(KEYS.esc);
			seen.push(name);
		};
		await ready(h);
		seen.push('cases');
		await view('case open', ['j', KEYS.enter]);
		await view('problems panel focused', [KEYS.shiftTab, 'j', 'j']);
		await view('help', ['?'], /help|Help|HELP/);
		await view('help closed', [KEYS.esc]);
		await view('palette', [':', 'C', 'R'], /COMMAND PALETTE/);
		await view('palette closed', [KEYS.esc]);
		await view('team', ['2'], /TEAM/);
		for (let i = 0; i < 4; i++) await press('j');
		await view('absence form', ['a'], /Reason|reason/);
		// A cover typed into the form is matched against hostile names (and refused with them listed).
		await view('absence form cover', [KEYS.tab, KEYS.tab, KEYS.tab, ...'DC', KEYS.enter]);
		await view('absence form discarded', [KEYS.esc, 'y'], /Officer .*Away/);
		await view('end absence question', ['j', 'E']);
		await view('end absence declined', ['n', KEYS.esc]);
		// The recorded cover (the sergeant's absence) is named in the header.
		await view('handover', ['3'], /HANDOVER/);
		for (const k of ['j', 'j', 'G']) await press(k);
		// A cover near hostile names: the note lists them.
		await view('handover cover near', ['c', ...'DC', KEYS.enter], /Did you mean/);
		// Enter again names "DC" as someone outside the team (the desk's --cover-outside).
		await view('handover cover outside', [KEYS.enter], /cover: DC \(outside team\)/);
		await view('handover export', ['e'], /Export(ed to|.*failed)/);
		await view('log', ['4'], /REVIEW LOG/);
		for (const k of ['j', 'G', 'l']) await press(k);
		await view('log filtered', ['s', 'o']);
		await view('log export', ['e'], /Export(ed|.*failed)/);
		// The case with a draft in progress: its typed answers are shown when the review is resumed.
		const drafted = data.drafts[0]!.caseRef;
		await view('cases again', ['1']);
		await view('drafted case', [':', ...digits(drafted), KEYS.enter]);
		await view('review resumed', ['r'], /step \d of 7/);
		await new Promise(r => setTimeout(r, 50));
		for (const k of [KEYS.tab, KEYS.tab, KEYS.tab]) await press(k);
		await leave('review closed');
		// A case from the queue, step 1 (since the last review: updates, bail, actions), then step 2.
		await view('review queue', ['R'], /step 1 of 7/);
		await new Promise(r => setTimeout(r, 50));
		await view('review step 2', [KEYS.enter]);
		await leave('queue closed');
		// The amended review's case: the amend screen shows the signed review.
		const amended = data.chain.findLast(e => e.kind === 'review')!;
		const ref = (amended.data as {caseRef: string}).caseRef;
		await view('amended case', [':', ...digits(ref), KEYS.enter]);
		await view('amend screen', ['A']);
		await view('amend field', [KEYS.right, KEYS.tab]);
		await view('amend closed', [KEYS.esc, KEYS.esc, KEYS.esc]);

		const frames = [...h.app.frames, ...h.app.stderr.frames];
		h.app.unmount();
		tally.views = seen.length;
		tally.frames = frames.length;
		expect(frames.length).toBeGreaterThan(seen.length);
		// The payloads' readable markers show the hostile text really was drawn (made safe), not skipped.
		const all = stripAnsi(frames.join('\n'));
		const markers = [
			'<osc52>',
			'No officer in this team matches "DC". Did you mean DI Rachel Okafor',
			'cover: DI Rachel Okafor',
			'Exported to',
			'Review CR/',
		];
		for (const marker of markers) expect(all).toContain(marker);
		for (const [i, f] of frames.entries()) expectClean(`frame ${i}`, f, {allowSgr: true});
	}, 120_000);
});

describe('a hostile store through every command', () => {
	const dir = tempDir('fortnight-hostile-terminal-');
	// The store's own path carries payloads too: every message that names the file echoes it.
	const folder = path.join(dir, `team${PAYLOADS.osc0.short}${PAYLOADS.bidi.short}`);
	mkdirSync(folder);
	const store = path.join(folder, `store${PAYLOADS.osc52.short}${PAYLOADS.c1.short}.json`);
	writeFileSync(store, JSON.stringify(data, null, '\t'));
	writeFileSync(store.replace(/\.json$/, '.welfare.json'), JSON.stringify(hostile.welfare, null, '\t'), {mode: 0o600});
	const csv = path.join(folder, `import${PAYLOADS.dcs.short}.csv`);
	const officer = data.officers.find(o => o.role === 'investigator')!;
	writeFileSync(
		csv,
		[
			'Crime reference,Offence,Officer,Risk,Status,Opened,Last update date,Last update text',
			`"CR/99001/26${PAYLOADS.osc52.short}","Burglary ${ALL_SHORT}","${officer.collarNumber}",high,investigation,` +
				`2026-11-01,2026-11-20,"update ${ALL_SHORT}"`,
			`"CR/99002/26","Theft","nobody ${ALL_SHORT}",high,investigation,2026-11-01,,`,
			`"${ALL_SHORT}","Theft","${officer.collarNumber}",${ALL_SHORT},investigation,31/02/2026${PAYLOADS.csi.short},,`,
		].join('\n') + '\n',
	);
	const global = ['--store', store, '--today', DEMO_TODAY];
	const someone = data.officers[3]!;
	const other = data.officers[4]!;
	const surname = (o: StoreData['officers'][number]) => o.name.split(' ').at(-1)!.slice(0, 6);

	const runs: [string, string[]][] = [
		['problems', ['problems']],
		['problems --json', ['problems', '--json']],
		['handover md', ['handover']],
		['handover json', ['handover', '--format', 'json']],
		['handover with welfare', ['handover', '--include-welfare', '--yes']],
		['handover --cover outside', ['handover', '--cover', `Jane${ALL_SHORT}`, '--cover-outside']],
		['log csv', ['log', '--format', 'csv', '--from', '2025-01-01']],
		['log json', ['log', '--format', 'json', '--from', '2025-01-01']],
		['log md', ['log', '--format', 'md', '--from', '2025-01-01']],
		['log html', ['log', '--format', 'html', '--from', '2025-01-01']],
		['verify', ['verify']],
		['absence list', ['absence', 'list', '--all']],
		['absence list --json', ['absence', 'list', '--all', '--json']],
		['import --dry-run', ['import', csv, '--dry-run', '--verbose']],
		['import', ['import', csv, '--skip-invalid', '--verbose']],
		// Error paths: arguments and officer names echoed in refusals.
		['handover --cover hostile', ['handover', '--cover', `x${ALL_SHORT}`]],
		['handover --cover near', ['handover', '--cover', surname(someone)]],
		['handover --cover ambiguous', ['handover', '--cover', 'DC']],
		['handover --from hostile', ['handover', '--from', `2026${ALL_SHORT}`]],
		['handover --format hostile', ['handover', '--format', `md${ALL_SHORT}`]],
		['handover word', ['handover', `word${ALL_SHORT}`]],
		['absence add --cover hostile', ['absence', 'add', someone.id, '--from', '2026-12-01', '--reason', 'sick', '--cover', `x${ALL_SHORT}`]],
		['absence add --cover near', ['absence', 'add', someone.id, '--from', '2026-12-01', '--reason', 'sick', '--cover', surname(other)]],
		['absence add hostile officer', ['absence', 'add', `y${ALL_SHORT}`, '--from', '2026-12-01', '--reason', 'sick']],
		['absence add --reason hostile', ['absence', 'add', someone.id, '--from', '2026-12-01', '--reason', `sick${ALL_SHORT}`]],
		['absence add clash', ['absence', 'add', data.absences[0]!.officerId, '--from', data.absences[0]!.from, '--reason', 'sick']],
		['absence end hostile', ['absence', 'end', `ab${ALL_SHORT}`]],
		['absence hostile action', ['absence', `list${ALL_SHORT}`]],
		['log --format hostile', ['log', '--format', `csv${ALL_SHORT}`]],
		['log --sergeant hostile', ['log', '--sergeant', `o${ALL_SHORT}`]],
		['verify --head hostile', ['verify', '--head', `1:${ALL_SHORT}`]],
		['unknown command', [`cmd${ALL_SHORT}`]],
		['unknown flag', ['problems', `--bad${ALL_SHORT}`]],
		['import missing file', ['import', path.join(folder, `missing${ALL_SHORT}.csv`)]],
	];

	it.each(runs)(
		'%s: nothing from the store or the arguments reaches stdout or stderr raw',
		(_name, args) => {
			const res: RunResult = runCli([...args, ...global]);
			tally.commands++;
			expect(res.stderr, `${args.join(' ')}: no stack trace`).not.toMatch(/\n\s+at /);
			expectClean('stdout', res.stdout, {csv: args.includes('csv')});
			expectClean('stderr', res.stderr);
		},
		60_000,
	);

	it('a store that is missing, or not a store, named by a hostile path', () => {
		const missing = path.join(folder, `gone${ALL_SHORT}.json`);
		const notJson = path.join(folder, `bad${ALL_SHORT}.json`);
		writeFileSync(notJson, `{"team": "${ALL_SHORT.replace(/[\u0000-\u001f"\\]/g, '')}`);
		for (const file of [missing, notJson]) {
			for (const args of [['verify'], ['problems'], ['absence', 'list']]) {
				const res = runCli([...args, '--store', file, '--today', DEMO_TODAY]);
				tally.commands++;
				// A path with control characters is refused as typed, before anything is opened (QA 9 D10: exit 2).
				expect(res.code).toBe(2);
				expect(res.stderr).toContain('has a control character in it');
				expectClean('stdout', res.stdout);
				expectClean('stderr', res.stderr);
			}
		}
		// And given through the environment, with a hostile --today.
		const res = runCli(['problems', '--today', `2026${ALL_SHORT}`], {env: {FORTNIGHT_STORE: store}});
		expect(res.code).toBe(2);
		expectClean('stderr', res.stderr);
	}, 60_000);
});

afterAll(() => console.log(`hostile terminal: ${tally.views} desk views, ${tally.frames} frames, ${tally.commands} commands; leaks: 0`));
