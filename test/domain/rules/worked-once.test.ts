/**
 * What the rules work out once per context and reuse (issue 18, "Fast at every size"): each case's latest
 * update as of today, its review due date and its bail clock, each officer's performance trigger, and the
 * shell words the ways to clear a problem name. Each must give what working it out afresh gives, for the context's own day.
 */
import {describe, expect, it} from 'vitest';
import {AUTHORITY_NAMES, bailClock} from '../../../source/domain/bail.js';
import {addDays, shortDate} from '../../../source/domain/dates.js';
import fc from 'fast-check';
import type {Case} from '../../../source/domain/model.js';
import {ruleContext} from '../../../source/domain/rules/context.js';
import {
	lastUpdateOnOrBefore,
	lastUpdateToday,
	redForUpdatesSince,
	redForUpdatesToday,
} from '../../../source/domain/rules/crime-report-updates.js';
import {caseReviewDue, reviewDueDate} from '../../../source/domain/rules/review-due.js';
import {nextVictimUpdate} from '../../../source/domain/rules/victim-updates.js';
import {findProblems, triggerFor} from '../../../source/domain/rules/index.js';
import {triggerIn} from '../../../source/domain/rules/performance.js';
import {officerWord, shellWord} from '../../../source/domain/resolve.js';
import {isOpen, openActions} from '../../../source/domain/case-facts.js';
import {kase, officer, store} from './fixture.js';

const up = (date: string) => ({date, authorId: 'o1', text: 'Chased the lab for the download report.'});

describe("a case's latest update, worked out once per context", () => {
	// Updates out of date order, and one after the earlier of the two days asked.
	const cases: Case[] = [
		kase('CR/1/26', {updates: [up('2026-10-05'), up('2026-11-20'), up('2026-09-01')]}),
		kase('CR/2/26', {updates: []}),
		kase('CR/3/26', {updates: [up('2026-12-01')]}),
	];
	const data = store({cases});

	it('is the latest on or before the context day, for every case and for two days of one store', () => {
		for (const today of ['2026-11-10', '2026-12-05']) {
			const ctx = ruleContext(data, today);
			for (const c of cases) {
				expect(lastUpdateToday(ctx, c)).toBe(lastUpdateOnOrBefore(c, today));
				// Asked again: the same answer from what was kept.
				expect(lastUpdateToday(ctx, c)).toBe(lastUpdateOnOrBefore(c, today));
				expect(redForUpdatesToday(ctx, c, 28)).toBe(redForUpdatesSince(c, 28, today));
			}
		}
		expect(lastUpdateToday(ruleContext(data, '2026-11-10'), cases[0]!)).toBe('2026-10-05');
		expect(lastUpdateToday(ruleContext(data, '2026-12-05'), cases[0]!)).toBe('2026-11-20');
		expect(lastUpdateToday(ruleContext(data, '2026-11-10'), cases[2]!)).toBeNull();
	});
});

describe('dates read in order or not', () => {
	const day = fc.integer({min: 0, max: 400}).map(n => addDays('2026-01-01', n));
	// Lists in order (the usual store) and in any order, with repeats.
	const lists = fc.oneof(
		fc.array(day, {maxLength: 8}),
		fc.array(day, {maxLength: 8}).map(l => [...l].sort()),
	);

	it("a case's latest update up to a day is the latest of those dated up to it", () => {
		fc.assert(
			fc.property(lists, day, (dates, today) => {
				const upTo = dates.filter(d => d <= today).sort();
				expect(lastUpdateOnOrBefore(kase('CR/1/26', {updates: dates.map(up)}), today)).toBe(upTo.at(-1) ?? null);
			}),
			{numRuns: 1000},
		);
	});

	it('the next victim update counts the updates given up to the day, and the latest of them', () => {
		const s = store({}).settings;
		fc.assert(
			fc.property(lists, day, fc.constantFrom('standard', 'enhanced'), (dates, today, serviceLevel) => {
				const upTo = dates.filter(d => d <= today).sort();
				const v = {initials: 'AB', serviceLevel: serviceLevel as 'standard' | 'enhanced', reportedOn: '2025-12-20', updates: dates};
				// As counted one by one: the first (or second) contact is due from the report, later ones from the latest.
				const last = upTo.at(-1);
				const expected =
					serviceLevel === 'enhanced'
						? upTo.length === 0
							? addDays(v.reportedOn, s.victimEnhancedFirstDays)
							: upTo.length === 1 && addDays(v.reportedOn, s.victimEnhancedSecondDays) > last!
								? addDays(v.reportedOn, s.victimEnhancedSecondDays)
								: addDays(last!, s.victimIntervalDays)
						: upTo.length === 0
							? addDays(v.reportedOn, s.victimStandardFirstDays)
							: addDays(last!, s.victimIntervalDays);
				expect(nextVictimUpdate(v, s, today)).toBe(expected);
			}),
			{numRuns: 1000},
		);
	});
});

describe('the day a case turned red for updates', () => {
	it('is its last update (or its opening) plus the red days when that is on or before the day asked, else none', () => {
		const day = fc.integer({min: 0, max: 800}).map(n => addDays('2025-06-01', n));
		fc.assert(
			fc.property(fc.array(day, {maxLength: 4}), day, day, fc.integer({min: 1, max: 60}), (dates, opened, today, redDays) => {
				const c = kase('CR/1/26', {opened, updates: dates.map(up)});
				const since = addDays(lastUpdateOnOrBefore(c, today) ?? opened, redDays);
				expect(redForUpdatesSince(c, redDays, today)).toBe(since <= today ? since : null);
				const ctx = ruleContext(store({cases: [c]}), today);
				expect(redForUpdatesToday(ctx, c, redDays)).toBe(since <= today ? since : null);
			}),
			{numRuns: 500},
		);
	});
});

describe("a case's review due date, worked out once per context", () => {
	it('is caseReviewDue from the last signed review, or from the allocation when never reviewed', () => {
		const cases = [
			kase('CR/1/26', {nextReviewDue: '2026-12-20', allocatedOn: '2026-11-01'}),
			kase('CR/2/26', {nextReviewDue: '2026-11-05', allocatedOn: '2026-10-20'}),
		];
		const data = store({cases});
		const ctx = ruleContext(data, '2026-11-28');
		for (const c of cases) {
			expect(reviewDueDate(ctx, c)).toBe(caseReviewDue(c, null, data.settings));
			expect(reviewDueDate(ctx, c)).toBe(caseReviewDue(c, null, data.settings));
		}
		// Never reviewed: the cap (28 days) from the allocation pulls 20 Dec in to 29 Nov.
		expect(reviewDueDate(ctx, cases[0]!)).toBe('2026-11-29');
		expect(reviewDueDate(ctx, cases[1]!)).toBe('2026-11-05');
	});
});

describe("an officer's performance trigger, worked out once per context", () => {
	// o1: two concerns (the trigger fires on the second and escalates 14 days on with no decision) and the
	// same update on two cases, so the identical-updates rule asks for o1's trigger before the trigger rule.
	const text = 'Chased the lab for the download report again today.';
	const concern = (date: string) => ({id: `c-${date}`, officerId: 'o1', date, by: 's1', text: 'Missed a deadline.', caseRef: null});
	const data = store({
		cases: [
			kase('CR/1/26', {updates: [{date: '2026-11-02', authorId: 'o1', text}]}),
			kase('CR/2/26', {updates: [{date: '2026-11-02', authorId: 'o1', text}]}),
		],
		concerns: [concern('2026-10-01'), concern('2026-10-20')],
	});

	it('is what a context that never ran the rules works out, before and after the rules ask for it, on two days', () => {
		for (const today of ['2026-11-02', '2026-11-28']) {
			const fresh = () => structuredClone(data);
			const alone = triggerFor(fresh(), 'o1', today);
			const ctx = ruleContext(data, today);
			const problems = findProblems(data, today);
			expect(triggerIn(ctx, 'o1')).toEqual(alone);
			expect(triggerIn(ctx, 'o1')).toEqual(alone);
			// The rules' findings are those of a context whose trigger was worked out first.
			const other = fresh();
			triggerFor(other, 'o1', today);
			expect(findProblems(other, today)).toEqual(problems);
		}
		expect(triggerFor(data, 'o1', '2026-11-02')).toMatchObject({fired: true, escalated: false});
		expect(triggerFor(data, 'o1', '2026-11-28')).toMatchObject({fired: true, escalated: true});
		expect(findProblems(data, '2026-11-28').map(p => p.kind)).toEqual(expect.arrayContaining(['identical-updates', 'performance-trigger']));
	});
});

describe('the bail clock the ways to clear a bail problem read', () => {
	it('is the clock of the case the problem is about, as of the context day', () => {
		// Bailed on different days, so each case's period ends on its own day.
		const bail = (returnDate: string, bailedOn: string) => ({
			regime: 'pcsc-2022' as const,
			bailedOn,
			returnDate,
			extensions: [],
			endedOn: null,
			suspect: 'AB',
		});
		const data = store({
			cases: [
				kase('CR/1/26', {arrestDate: '2026-10-01', bail: bail('2026-12-02', '2026-10-01')}),
				kase('CR/2/26', {arrestDate: '2026-09-12', bail: bail('2026-12-08', '2026-09-12')}),
			],
		});
		const today = '2026-11-28';
		const problems = findProblems(data, today).filter(p => p.kind === 'bail-due');
		expect(problems.map(p => p.subject.type === 'case' && p.subject.ref)).toEqual(['CR/1/26', 'CR/2/26']);
		for (const p of problems) {
			const c = data.cases.find(x => p.subject.type === 'case' && x.ref === p.subject.ref)!;
			const clock = bailClock(c.bail, today)!;
			// The extension way names who extends and by when: the clock of this very case.
			expect(p.resolve!.map(w => w.command)).toContain(`fortnight bail record ${c.ref} --event extended --authorised-by NAME --rank RANK`);
			expect(p.resolve!.find(w => w.command?.includes('--event extended'))!.label).toBe(
				`Record the extension and who authorised it (${AUTHORITY_NAMES[clock.nextAuthority]} before ${shortDate(clock.periodEnd, today)})`,
			);
		}
	});
});

describe('shell words, made once per text', () => {
	it('gives the same word every time, quoted as the first time', () => {
		for (let round = 0; round < 2; round++) {
			expect(shellWord('CR/1/26')).toBe('CR/1/26');
			expect(shellWord('DC Ashworth')).toBe('"DC Ashworth"');
			expect(shellWord("O'Neil $HOME")).toBe(`'O'\\''Neil $HOME'`);
			expect(shellWord('a\u001b]52;c;x\u0007b')).not.toContain('\u001b');
		}
	});

	it('names an officer by the list it is given: a second officer of the same name in another list makes it the id', () => {
		const one = [officer('o1', {name: 'Dan Dean'})];
		const two = [...one, officer('o2', {name: 'Dan Dean'})];
		expect(officerWord(one, 'o1')).toBe('"DC Dean"');
		expect(officerWord(two, 'o1')).toBe('o1');
		// Asked again of each list: each keeps its own answer.
		expect(officerWord(one, 'o1')).toBe('"DC Dean"');
		expect(officerWord(two, 'o1')).toBe('o1');
		expect(officerWord(one, 'nobody')).toBe('nobody');
	});
});

describe('open actions read in place', () => {
	it('isOpen is what openActions keeps: open and in progress, not done or dropped', () => {
		const statuses = ['open', 'in-progress', 'done', 'dropped'] as const;
		const base = kase('CR/1/26').actions;
		const c = kase('CR/1/26', {
			actions: statuses.map((status, i) => ({
				id: `CR/1/26-a${i}`,
				text: `Action ${i}`,
				ownerId: 'o1',
				due: '2026-12-01',
				status,
				createdOn: '2026-11-01',
				startedOn: null,
				carriedCount: 0,
				history: [],
			})),
		});
		expect(base).toEqual([]);
		expect(c.actions.filter(isOpen).map(a => a.status)).toEqual(['open', 'in-progress']);
		expect(openActions(c)).toEqual(c.actions.filter(isOpen));
	});
});
