/**
 * QA 4 R-l: an officer reading their own problems is not given, as plain commands, ways only their
 * supervisor may take: each names who can with `--as` and says whose it is (README "Acting on a problem").
 */
import {describe, expect, it} from 'vitest';
import type {Problem} from '../../source/domain/problem.js';
import {readableProblems, readScopeOn} from '../../source/domain/read-scope.js';
import {findProblems} from '../../source/domain/rules/index.js';
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
