/**
 * QA defect: changing the cover of an absence that has started rewrote who covered the days already past
 * (README "Absences"; DOMAIN.md "History, not just the present", "People and permissions"). DS Brennan is
 * sick 10 Dec to 04 Feb with DC Marsh covering; on 11 Dec Marsh writes a welfare note about DC Iqbal; on
 * 14 Dec DI Okafor names DC Carter. Marsh still covered 10-13 Dec (whoami, handover covers, the log) and
 * Carter, named on 14 Dec, reads nothing from before. And the "Bail due, supervisor away" problem's way,
 * run as printed, names a cover for the days Marsh is away only.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Problem} from '../../source/domain/problem.js';
import {demoCopy, runCli} from '../helpers/cli.js';
import {runPrinted} from '../helpers/printed-command.js';
import {savedData} from '../helpers/saved-store.js';

const NOTE = 'Spoke after the strategy meeting; finding the disclosure work heavy.';
const run = (store: string, today: string, as: string, ...args: string[]) =>
	runCli(['--store', store, '--today', today, '--as', as, ...args], {env: {FORTNIGHT_NOW: `${today}T09:00:00Z`}});

/** The demo with DC Marsh named (before it starts) to cover ab0002, and her note about DC Iqbal of 11 Dec. */
function marshCovering(): {store: string; welfare: string} {
	const {store, welfare} = demoCopy();
	const named = run(store, '2026-11-30', 'DI Okafor', 'absence', 'change', 'ab0002', '--cover', 'Marsh');
	expect(named.code, named.stderr).toBe(0);
	expect(named.stderr).toContain('Changed ab0002: cover nobody -> DC Marsh.');
	const file = JSON.parse(readFileSync(welfare, 'utf8')) as {notes: object[]};
	const note = {id: 'wn9', officerId: 'o0004', date: '2026-12-11', by: 'o0006', text: NOTE};
	writeFileSync(welfare, JSON.stringify({...file, notes: [...file.notes, note]}));
	return {store, welfare};
}

const handoverAs = (store: string, today: string, as: string, ...more: string[]) =>
	run(
		store,
		today,
		as,
		'handover',
		'--from',
		'2026-12-10',
		'--yes',
		'--out',
		'-',
		...(more.includes('--to') ? [] : ['--to', '2026-12-23']),
		...more,
	);

describe('a cover changed on an absence that has started', () => {
	it('takes effect from the day of the change: Marsh keeps 10-13 Dec and her note, Carter gains nothing from before', () => {
		const {store} = marshCovering();
		expect(handoverAs(store, '2026-12-14', 'Carter', '--include-welfare').code).toBe(2);

		const changed = run(store, '2026-12-14', 'Okafor', 'absence', 'change', 'ab0002', '--cover', 'Carter');
		expect(changed.code, changed.stderr).toBe(0);
		expect(changed.stderr).toContain(
			'Changed ab0002: cover DC Marsh -> DC Carter from 14 Dec to 04 Feb 2027; the days before keep the cover they had (ab0005 added as part of ab0002).',
		);

		// Carter reads the handover now, but not Marsh's note of 11 Dec (a day he was not the cover).
		const carter = handoverAs(store, '2026-12-14', 'Carter', '--include-welfare');
		expect(carter.stdout + carter.stderr).not.toContain(NOTE);
		const marshNote = handoverAs(store, '2026-12-13', 'Marsh', '--include-welfare', '--to', '2026-12-13');
		expect(marshNote.code, marshNote.stderr).toBe(0);
		expect(marshNote.stdout).toContain(NOTE);

		// whoami: Marsh was the cover on 12 Dec, until 13 Dec; Carter from 14 Dec, and not on 12 Dec.
		const marsh = run(store, '2026-12-12', 'Marsh', 'whoami');
		expect(marsh.stdout).toContain('as cover for DS Brennan until 13 Dec');
		expect(run(store, '2026-12-12', 'Carter', 'whoami').stdout).not.toContain('as cover');
		expect(run(store, '2026-12-14', 'Carter', 'whoami').stdout).toContain('as cover for DS Brennan until 04 Feb');

		// The handover's covers say who covered which days.
		const json = JSON.parse(handoverAs(store, '2026-12-14', 'Okafor', '--format', 'json').stdout) as {
			covers: {officerId: string; from: string; to: string}[];
		};
		expect(json.covers.map(c => [c.officerId, c.from, c.to])).toEqual([
			['o0006', '2026-12-10', '2026-12-13'],
			['o0009', '2026-12-14', '2026-12-23'],
		]);

		// The log: Marsh reads it for the days she covered, on a day she covered; not once Carter covers.
		expect(run(store, '2026-12-13', 'Marsh', 'log', '--from', '2026-12-10', '--to', '2026-12-13', '--format', 'table').code).toBe(0);
		expect(run(store, '2026-12-14', 'Marsh', 'log', '--from', '2026-12-10', '--to', '2026-12-13', '--format', 'table').code).toBe(2);

		// absence list: both parts, who covers which days.
		const list = run(store, '2026-12-14', 'Okafor', 'absence', 'list', '--all').stdout;
		expect(list).toContain('ab0002  DS Tom Brennan  sick  10 Dec to 13 Dec  cover: DC Helen Marsh');
		expect(list).toContain('ab0005 (part of ab0002)  DS Tom Brennan  sick  14 Dec to 04 Feb 2027 (now)  cover: DC Ben Carter');
	});

	it('refuses a --from before today on an absence that has started; nothing saved', () => {
		const {store} = marshCovering();
		const before = readFileSync(store);
		const r = run(store, '2026-12-14', 'Okafor', 'absence', 'change', 'ab0002', '--cover', 'Carter', '--from', '2026-12-11');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('the days before today keep the cover they had');
		expect(r.stderr).toContain('Nothing was saved.');
		expect(readFileSync(store).equals(before)).toBe(true);
	});

	it("the problem's way, run as printed, names a cover for the days the first cover is away only", async () => {
		const {store} = marshCovering();
		const away = run(
			store,
			'2026-11-30',
			'DS Brennan',
			'absence',
			'add',
			'Marsh',
			'--from',
			'2026-12-20',
			'--to',
			'2026-12-27',
			'--reason',
			'annual-leave',
		);
		expect(away.code, away.stderr).toBe(0);
		const problems = JSON.parse(runCli(['problems', '--json', '--store', store, '--today', '2026-11-30']).stdout) as Problem[];
		const bail = problems.find(p => p.kind === 'bail-supervisor-absent')!;
		const way = bail.resolve!.find(w => w.way === 'absence-change')!;
		expect(way.command).toBe('fortnight absence change ab0002 --cover NAME --from 2026-12-20 --to 2026-12-27');
		expect(way.label).toContain('for 20-27 Dec while DC Marsh is away');
		const r = await runPrinted(way.command!, store, '2026-11-30', 'DS Brennan', w => (w === 'NAME' ? 'DC Carter' : w));
		expect(r.code, r.stderr).toBe(0);
		const parts = savedData(store).absences.filter(a => a.officerId === 'o0002' && a.from >= '2026-12-10');
		expect(parts.map(a => [a.from, a.to, a.coverOfficerId])).toEqual([
			['2026-12-10', '2026-12-19', 'o0006'],
			['2026-12-20', '2026-12-27', 'o0009'],
			['2026-12-28', '2027-02-04', 'o0006'],
		]);
		const after = JSON.parse(runCli(['problems', '--json', '--store', store, '--today', '2026-11-30']).stdout) as Problem[];
		expect(after.filter(p => p.kind === 'bail-supervisor-absent' || p.kind === 'review-due-supervisor-absent')).toEqual([]);
	});
});
