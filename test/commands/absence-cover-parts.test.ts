/**
 * An absence kept in parts (source/domain/absence-cover.ts: its cover changed for some days) is one
 * absence to every reader (README "Absences"): the warning about actions left with nobody, the problems
 * on a day before the change, and what `absence change --from` does to an absence that has started.
 */
import {rmSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {demoCopy, runCli} from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

function store(): string {
	const copy = demoCopy();
	dirs.push(copy.dir);
	return copy.store;
}

const run = (file: string, today: string, as: string, ...args: string[]) =>
	runCli(['--store', file, '--today', today, '--as', as, ...args], {env: {FORTNIGHT_NOW: `${today}T09:00:00Z`}});

describe('actions stranded by an absence kept in parts', () => {
	it('a change that leaves later days with nobody warns, whichever part it names', () => {
		const file = store();
		// DC Ashworth is sick from 28 Nov (ab0003, no end date, nobody covering); Marsh covers from today.
		const named = run(file, '2026-11-30', 'Brennan', 'absence', 'change', 'ab0003', '--cover', 'Marsh');
		expect(named.code, named.stderr).toBe(0);
		expect(named.stderr).toContain('(ab0005 added as part of ab0003)');
		// Nobody 12-14 Dec: Ashworth's actions due then (CR/33643/26 12 Dec, CR/84507/26 13 Dec, CR/45738/25 14 Dec)
		// have nobody, though the first part (ab0003, 28-29 Nov) holds none of those days.
		const gap = run(
			file,
			'2026-11-30',
			'Brennan',
			'absence',
			'change',
			'ab0003',
			'--no-cover',
			'--from',
			'2026-12-12',
			'--to',
			'2026-12-14',
		);
		expect(gap.code, gap.stderr).toBe(0);
		expect(gap.stderr).toContain(
			'Changed ab0003: cover DC Marsh -> nobody from 12 Dec to 14 Dec; the days before and after keep the cover they had (ab0006, ab0007 added as part of ab0003).',
		);
		expect(gap.stderr).toMatch(
			/Warning: DC Ashworth owns 6 open actions due during this absence with nobody covering \(CR\/45738\/25, CR\/33643\/26, CR\/84507\/26\)/,
		);
		// Named back on those days: nobody is left without, and nothing is said.
		const back = run(
			file,
			'2026-11-30',
			'Brennan',
			'absence',
			'change',
			'ab0006',
			'--cover',
			'Marsh',
			'--from',
			'2026-12-12',
			'--to',
			'2026-12-14',
		);
		expect(back.code, back.stderr).toBe(0);
		expect(back.stderr).not.toContain('Warning');
		// Listed whole on a later day: the part gone by (28-29 Nov, nobody) stays with the part under way.
		expect(run(file, '2026-12-02', 'Brennan', 'absence', 'list').stdout).toContain(
			'ab0003  DC Sam Ashworth  sick  28 Nov to 29 Nov  cover: NO COVER\n' +
				'ab0005 (part of ab0003)  DC Sam Ashworth  sick  30 Nov to no end date (now)  cover: DC Helen Marsh\n',
		);
	});
});

describe('absence change --from on an absence that has started', () => {
	it('corrects its first day and says so; a day after today is refused naming the flags, nothing saved', () => {
		const file = store();
		const later = run(file, '2026-12-14', 'Okafor', 'absence', 'change', 'ab0002', '--from', '2026-12-16');
		expect(later.code).toBe(2);
		expect(later.stderr).toContain(
			'ab0002 started 10 Dec: --from without --cover corrects its first day, to a day up to today, and 16 Dec is after today. ' +
				'For a cover from that day: --cover NAME --from 2026-12-16; for the last day away: --to D (or fortnight absence end ab0002 --to D). Nothing was saved.',
		);
		const corrected = run(file, '2026-12-14', 'Okafor', 'absence', 'change', 'ab0002', '--from', '2026-12-08');
		expect(corrected.code, corrected.stderr).toBe(0);
		expect(corrected.stderr).toContain(
			'Changed ab0002: first day 10 Dec -> 08 Dec (a correction of when it began; a cover from a day is --cover NAME --from D).',
		);
		expect(run(file, '2026-12-14', 'Okafor', 'absence', 'list').stdout).toContain(
			'ab0002  DS Tom Brennan  sick  08 Dec to 04 Feb 2027 (now)',
		);
	});

	it('a change or end through a later part says the absence by its first part, even when that part is gone (QA 7 R5, R16)', () => {
		const file = store();
		for (const [cover, from, to] of [
			['Marsh', '2026-12-10', '2026-12-13'],
			['Carter', '2026-12-14', '2026-12-19'],
		] as const) {
			const made = run(file, '2026-12-04', 'Okafor', 'absence', 'change', 'ab0002', '--cover', cover, '--from', from, '--to', to);
			expect(made.code, made.stderr).toBe(0);
		}
		// ab0002 10-13 Dec (Marsh), ab0005 14-19 Dec (Carter), ab0006 20 Dec-04 Feb (nobody).
		const cover = run(
			file,
			'2026-12-04',
			'Okafor',
			'absence',
			'change',
			'ab0005',
			'--cover',
			'Doyle',
			'--from',
			'2026-12-14',
			'--to',
			'2026-12-19',
		);
		expect(cover.code, cover.stderr).toBe(0);
		expect(cover.stderr).toMatch(/^Changed ab0002: cover DC Carter -> DC Doyle/);
		// Ending on 15 Dec through ab0006 drops ab0006: the confirmation does not name it.
		const cut = run(file, '2026-12-04', 'Okafor', 'absence', 'change', 'ab0006', '--to', '2026-12-15');
		expect(cut.code, cut.stderr).toBe(0);
		expect(cut.stderr).toContain('Changed ab0002: last day 04 Feb 2027 -> 15 Dec.');
		const ended = run(file, '2026-12-04', 'Okafor', 'absence', 'end', 'ab0005', '--to', '2026-12-14');
		expect(ended.code, ended.stderr).toBe(0);
		expect(ended.stderr).toContain('Ended ab0002: last day away 14 Dec.');
	});
});
