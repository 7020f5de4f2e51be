/**
 * QA 4 R-l: an officer reading their own problems is not given, as plain commands, ways only their
 * supervisor may take: each names who can with `--as` and says whose it is (README "Acting on a problem").
 * And any reader is shown only the ways they may take, or, when none, each way with who can (deskword).
 */
import {describe, expect, it} from 'vitest';
import {changeAbsence} from '../../source/domain/absences.js';
import type {StoreData} from '../../source/domain/model.js';
import type {Problem} from '../../source/domain/problem.js';
import {readableProblems, readScopeOn} from '../../source/domain/read-scope.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {mayTakeNow, mayTakeOnce, waysForOfficer} from '../../source/domain/ways-for-officer.js';
import {generateStore} from '../../source/generate/generate.js';
import {signer} from '../../source/store/chain.js';
import {loadDemo, TODAY} from './review/fixtures.js';

const IQBAL = 'o0004';
const MARSH = 'o0006';

const ways = (problems: Problem[], id: string) => problems.find(p => p.id === id)?.resolve ?? [];

describe("an officer's own problems name whose each way is (QA 4 R-l)", () => {
	it("the review, bail and cover of DC Iqbal's cases are DS Brennan's: --as him, and the desk key dropped", () => {
		const data = loadDemo();
		const mine = readableProblems(data, readScopeOn(data, IQBAL, TODAY), findProblems(data, TODAY), TODAY);
		const review = ways(mine, 'review-overdue:CR/25310/26');
		expect(review).toHaveLength(1);
		expect(review[0]).toMatchObject({way: 'review', desk: null});
		expect(review[0]!.label).toMatch(/\(for DS Brennan to do\)$/);
		const bail = ways(mine, 'bail-supervisor-absent:CR/25310/26');
		expect(bail.map(w => w.command)).toEqual([
			'fortnight absence change ab0002 --cover NAME --as "DS Brennan"',
			'fortnight bail record CR/25310/26 --event re-bailed --return D --as "DS Brennan"',
			'fortnight bail record CR/25310/26 --event extended --authorised-by NAME --rank RANK --as "DS Brennan"',
			'fortnight bail record CR/25310/26 --event charged|rui|nfa|released --as "DS Brennan"',
		]);
		for (const w of bail) expect(w.label).toContain('(for DS Brennan to do)');
		// An import (the records system's, not a permission) is left as it is.
		const crime = ways(mine, 'crime-report-not-updated:CR/78730/26');
		expect(crime[0]).toMatchObject({way: 'import', command: 'fortnight import FILE.csv'});
		expect(crime[0]!.label).not.toContain('to do)');
	});

	it('the same problems read by the sergeant are unchanged; without a day nothing is marked', () => {
		const data = loadDemo();
		const found = findProblems(data, TODAY);
		const team = readableProblems(data, readScopeOn(data, 'o0002', TODAY), found, TODAY);
		expect(ways(team, 'review-overdue:CR/25310/26')[0]!.desk).not.toBeNull();
		const undated = readableProblems(data, readScopeOn(data, IQBAL, TODAY), found);
		expect(ways(undated, 'review-overdue:CR/25310/26')[0]!.label).not.toContain('to do)');
	});

	it('while DS Brennan is away with DC Marsh covering, the cover is named for what she may do', () => {
		const demo = loadDemo();
		const data = {...demo, absences: demo.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))};
		const day = '2026-12-10';
		const mine = readableProblems(data, readScopeOn(data, IQBAL, day), findProblems(data, day), day);
		const all = mine.flatMap(p => p.resolve ?? []).filter(w => w.way === 'review' || w.way === 'bail-record');
		expect(all.length).toBeGreaterThan(0);
		for (const w of all) {
			expect(w.label).toContain('(for DC Marsh to do)');
			if (w.command) expect(w.command).toMatch(/ --as "DC Marsh"$/);
		}
	});
});

const BRENNAN = 'o0002';
const OKAFOR = 'o0001';

/** The demo with DC Marsh named (before it started) as cover of DS Brennan's absence ab0002, 10 Dec-04 Feb. */
function marshCovers(): StoreData {
	return changeAbsence(loadDemo(), 'ab0002', {coverOfficerId: MARSH}, '2026-11-30', {
		recording: {by: OKAFOR, at: '2026-11-30T09:00:00.000Z'},
	}).data;
}

describe('a reader is shown only the ways they may take, or who can when none (deskword)', () => {
	it("an officer: a way she may take stays, alone; those she may not go (not marked as someone else's)", () => {
		const data = loadDemo();
		const found = findProblems(data, TODAY);
		const review = found.find(p => p.id === 'review-overdue:CR/25310/26')!;
		const importWay = found.find(p => p.id === 'crime-report-not-updated:CR/78730/26')!.resolve![0]!;
		// The review (DS Brennan's) beside an import (anyone's): DC Iqbal is shown the import only.
		const mixed: Problem = {...review, resolve: [...review.resolve!, importWay]};
		expect(waysForOfficer(data, TODAY, IQBAL, mixed).resolve).toEqual([importWay]);
		// Read by her sergeant, both stay as the rules print them.
		expect(waysForOfficer(data, TODAY, BRENNAN, mixed)).toBe(mixed);
	});

	it("the sergeant, identified, is not offered the desk key of his own check-in, which is the inspector's", () => {
		const data = loadDemo();
		const team = readableProblems(data, readScopeOn(data, BRENNAN, '2026-12-04'), findProblems(data, '2026-12-04'), '2026-12-04', BRENNAN);
		const own = ways(team, 'welfare-check-in-due:o0002');
		expect(own).toHaveLength(1);
		expect(own[0]).toMatchObject({way: 'welfare-record', desk: null});
		expect(own[0]!.command).toMatch(/ --as "DI Okafor"$/);
		// Read by nobody identified (the file's own readers), as printed: the inspector's desk key kept.
		const anyone = readableProblems(data, readScopeOn(data, null, '2026-12-04'), findProblems(data, '2026-12-04'), '2026-12-04');
		expect(ways(anyone, 'welfare-check-in-due:o0002')[0]!.desk).not.toBeNull();
	});

	it("a cover reading the team: every way on a case she holds is the inspector's, said so, with no desk key", () => {
		const data = marshCovers();
		const day = '2026-12-14';
		const team = readableProblems(data, readScopeOn(data, MARSH, day), findProblems(data, day), day, MARSH);
		const held = team.filter(p => p.subject.type === 'case' && p.subject.officerId === MARSH);
		expect(held.length).toBeGreaterThan(0);
		for (const p of held) {
			for (const w of p.resolve ?? []) {
				if (w.way === 'import') continue;
				expect(w.desk, `${p.id} ${w.label}`).toBeNull();
				expect(`${w.label} ${w.command ?? ''}`, p.id).toMatch(/DI Okafor/);
			}
		}
		// Her team's other cases: hers to act on, as printed.
		const other = team.find(p => p.id === 'review-overdue:CR/25310/26')!;
		expect(other.resolve![0]!.desk).not.toBeNull();
	});

	it('the remembered answers are the checks made afresh, for every way of every problem and reader', () => {
		const stores: [StoreData, string][] = [
			[loadDemo(), TODAY],
			[marshCovers(), '2026-12-14'],
			[generateStore({cases: 300, seed: 'ways-once', referenceDate: '2026-12-04'}, signer).data, '2026-12-04'],
		];
		let checked = 0;
		for (const [data, day] of stores) {
			const found = findProblems(data, day);
			for (const reader of data.officers.slice(0, 12)) {
				for (const p of found) {
					for (const w of p.resolve ?? []) {
						expect(mayTakeOnce(data, day, p, w, reader.id), `${reader.id} ${p.id} ${w.way}`).toBe(mayTakeNow(data, day, p, w, reader.id));
						checked++;
					}
				}
			}
		}
		expect(checked).toBeGreaterThan(1000);
	});
});
