import {describe, expect, it} from 'vitest';
import {daysBetween} from '../../../source/domain/dates.js';
import {amendmentWords, buildLogRows, filterLogRows, timeliness} from '../../../source/domain/review-log/rows.js';
import {logLine} from '../../../source/ui/views/log/log-view-model.js';
import {defaultPeriod} from '../../../source/domain/review-log/period.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {AMEND_REASON, HOSTILE_REF, hostileData, loadDemo} from './hostile-store.js';

describe('buildLogRows', () => {
	const data = loadDemo();
	const period = defaultPeriod(DEMO_TODAY);
	const rows = buildLogRows(data, period);

	it('has one row per signed review dated in the period, in chain order', () => {
		const expected = data.chain.filter(e => e.kind === 'review' && e.data.date >= period.from && e.data.date <= period.to);
		expect(rows.map(r => r.seq)).toEqual(expected.map(e => e.seq));
		expect(rows.length).toBeGreaterThan(50);
		expect(rows.every(r => r.kind === 'review' && r.date >= '2026-11-03' && r.date <= '2026-11-30')).toBe(true);
	});

	it('copies each field from its chain entry and computes lateness from the due date fixed at signing', () => {
		for (const r of rows) {
			const e = data.chain[r.seq]!;
			if (e.kind !== 'review') throw new Error('not a review');
			expect(r.hash).toBe(e.hash);
			expect(r.caseRef).toBe(e.data.caseRef);
			expect(r.officerId).toBe(e.data.oicId);
			expect(r.lateDays).toBe(Math.max(0, daysBetween(e.data.dueDate, e.data.date)));
			expect(r.daysSincePrevious).toBe(e.data.previousReviewDate ? daysBetween(e.data.previousReviewDate, e.data.date) : null);
			expect(r.actionsSet).toBe(e.data.newActions.length);
			expect(r.actionsCompleted! + r.actionsCarried! + r.actionsDropped!).toBe(e.data.actionOutcomes.length);
			expect(r.welfareCheckIn).toBe(e.data.welfareCheckIn);
		}
	});

	it('names officers in full with their rank', () => {
		const ash = rows.find(r => r.officerId === 'o0003')!;
		expect(ash.officer).toBe('DC Sam Ashworth');
		expect(ash.reviewer).toBe('DS Tom Brennan');
		expect(ash.sergeantId).toBe('o0002');
	});

	it('says on time or late by N days', () => {
		expect(timeliness({...rows[0]!, lateDays: 0})).toBe('on time');
		expect(timeliness({...rows[0]!, lateDays: 1})).toBe('late by 1 day');
		expect(timeliness({...rows[0]!, lateDays: 9})).toBe('late by 9 days');
	});

	it('an empty period has no rows; a wide one has every review', () => {
		expect(buildLogRows(data, {from: '2020-01-01', to: '2020-01-31'})).toEqual([]);
		expect(buildLogRows(data, {from: '2000-01-01', to: '2100-01-01'})).toHaveLength(data.chain.filter(e => e.kind === 'review').length);
	});

	it('shows an amendment as its own row naming the entry it amends, and marks the amended review', () => {
		const {data: hostile, amendedSeq} = hostileData();
		const all = buildLogRows(hostile, period);
		const amendment = all.find(r => r.kind === 'amendment')!;
		expect(amendment.amends).toBe(amendedSeq);
		expect(amendment.caseRef).toBe('=1+2,"x"\u240aCR'); // the newline in the reference made visible
		expect(amendment.amendment!.reason).toBe(AMEND_REASON); // multi-line reason keeps its lines
		expect(amendment.amendment!.corrections).toEqual([
			{field: '@note', value: '-2 days'},
			{field: 'riskAfter', value: 'high'},
		]);
		expect(amendment.lateDays).toBeNull();
		const amended = all.find(r => r.seq === amendedSeq)!;
		expect(amended.amendedBy).toEqual([amendment.seq]);
		expect(amended.riskAfter).not.toBe('high'); // the signed review is shown as signed
		expect(HOSTILE_REF).toContain('\n');
	});

	it('makes hostile names safe: no escape sequences, controls or bidi overrides survive', () => {
		const all = buildLogRows(hostileData().data, period);
		const text = JSON.stringify(all.map(r => [r.officer, r.reviewer, r.caseRef]));
		expect(text).not.toMatch(/\\u001b|\\u0007|\u202e|\\n|\\t|\\r/);
		const carter = all.find(r => r.officerId === 'o0009')!;
		expect(carter.officer).toBe('DC Ben  Carter\u240asecond line\u240athird');
	});
});

describe('filterLogRows', () => {
	const data = loadDemo();
	const rows = buildLogRows(data, defaultPeriod(DEMO_TODAY));

	it('filters by officer, by sergeant and late only', () => {
		const ash = filterLogRows(rows, {officerId: 'o0003'});
		expect(ash.length).toBeGreaterThan(0);
		expect(ash.every(r => r.officerId === 'o0003')).toBe(true);
		const late = filterLogRows(rows, {lateOnly: true});
		expect(late.length).toBeGreaterThan(0);
		expect(late.every(r => r.lateDays! > 0)).toBe(true);
		expect(late.length).toBeLessThan(rows.length);
		expect(filterLogRows(rows, {sergeantId: 'o0002'})).toHaveLength(rows.length);
		expect(filterLogRows(rows, {sergeantId: 'o0001'})).toHaveLength(0);
		const both = filterLogRows(rows, {officerId: 'o0003', lateOnly: true});
		expect(both).toEqual(ash.filter(r => r.lateDays! > 0));
	});

	it('an amendment row says which fields changed: dates shown, text named (QA P3-15)', () => {
		const amendment = (corrections: Array<{field: string; value: string}>) => ({amendment: {reason: 'typo', corrections}});
		expect(amendmentWords(amendment([{field: 'nextReviewDue', value: '2026-12-08'}]))).toBe('next review to 2026-12-08');
		expect(
			amendmentWords(
				amendment([
					{field: 'nextReviewDue', value: '2026-12-08'},
					{field: 'summary', value: 'Long corrected text'},
				]),
			),
		).toBe('next review to 2026-12-08; summary corrected');
		expect(amendmentWords(amendment([{field: 'riskRationale', value: 'x'}]))).toBe('risk rationale corrected');
		expect(amendmentWords({amendment: null})).toBe('');
		const all = buildLogRows(hostileData().data, {from: '2000-01-01', to: '2100-01-01'});
		const row = all.find(r => r.kind === 'amendment')!;
		expect(logLine(row, 200)).toMatch(/amendment #\d+ to entry #\d+ by .*: @note corrected; riskAfter corrected/);
	});
});
