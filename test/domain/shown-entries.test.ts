/**
 * Which chain entries each log format reads, so it re-checks those as `verify` does before writing
 * (domain/shown-entries.ts; README "The review log"). The command line's refusals are in
 * test/commands/log-reads-altered.test.ts, altered-entry.test.ts and log-report-entries.test.ts.
 */
import {describe, expect, it} from 'vitest';
import type {ChainEntry} from '../../source/domain/model.js';
import {logReportEntries, rowEntrySeqs, seqsAndHead} from '../../source/domain/shown-entries.js';

/** Only the fields the selection reads; the rest of an entry does not matter here. */
const review = (seq: number, caseRef: string, date: string, triggerFired = false) =>
	({seq, kind: 'review', data: {caseRef, date, oicId: `oic of ${caseRef}`, triggerFired}}) as unknown as ChainEntry;
const amendment = (seq: number, amends: number, date: string) => ({seq, kind: 'amendment', data: {amends, date}}) as unknown as ChainEntry;
const decision = (seq: number, date: string) => ({seq, kind: 'performance-decision', data: {date}}) as unknown as ChainEntry;
const record = (seq: number) => ({seq, kind: 'record', data: {}}) as unknown as ChainEntry;

// Case A reviewed 1 Sep, 20 Sep, 15 Oct, 1 Nov; case B 10 Sep and (out of date order) 2 Sep; an amendment in
// October of A's September review; a decision in August; a record last (the head).
const CHAIN: ChainEntry[] = [
	decision(0, '2026-08-20'),
	review(1, 'A', '2026-09-01'),
	review(2, 'B', '2026-09-10'),
	review(3, 'A', '2026-09-20'),
	review(4, 'B', '2026-09-02'),
	review(5, 'A', '2026-10-15'),
	amendment(6, 3, '2026-10-16'),
	review(7, 'A', '2026-11-01'),
	record(8),
];
const picked = (shows: (e: ChainEntry) => boolean) => CHAIN.filter(shows).map(e => e.seq);

describe('rowEntrySeqs: a row, what an amendment row amends, and what amends a review row', () => {
	it('adds each amendment row its amended entry, and each review row its amendments', () => {
		expect(
			rowEntrySeqs([
				{seq: 5, amends: null, amendedBy: []},
				{seq: 3, amends: null, amendedBy: [6]},
				{seq: 6, amends: 3, amendedBy: []},
			]),
		).toEqual([5, 3, 6, 6, 3]);
		// A CSV of October 16's amendment alone: it, the review it amends (20 Sep) and the head.
		expect(picked(seqsAndHead(CHAIN, rowEntrySeqs([{seq: 6, amends: 3, amendedBy: []}])))).toEqual([3, 6, 8]);
	});
});

describe('logReportEntries: what the exception report, and the HTML trends, read', () => {
	it("the period's reviews and amendments (whole team), what they amend, each case's last review and its standing at the end, every decision, the head", () => {
		const shows = logReportEntries(CHAIN, {period: {from: '2026-10-01', to: '2026-10-20'}, today: '2026-11-30', trends: false});
		// 0 decision; 2 B's standing on 20 Oct (10 Sep is later than 2 Sep, whatever the chain order); 3 amended by 6;
		// 4 B's last in the chain (the rules' "last review"); 5 and 6 in the period; 7 A's last; 8 the head.
		// Not 1: before the period, and neither case's last nor its standing at the end.
		expect(picked(shows)).toEqual([0, 2, 3, 4, 5, 6, 7, 8]);
	});

	it("an amendment made after the period of a review in it (the row's amended by) is read", () => {
		const shows = logReportEntries(CHAIN, {period: {from: '2026-09-15', to: '2026-09-30'}, today: '2026-11-30', trends: false});
		// 3 (20 Sep) is in the period; 6 (16 Oct) amends it.
		expect(picked(shows)).toContain(6);
		const notAmended = logReportEntries(CHAIN, {period: {from: '2026-10-25', to: '2026-11-05'}, today: '2026-11-30', trends: false});
		expect(picked(notAmended)).not.toContain(6);
	});

	it('the standing is read at today when the period runs past it, and the later entry wins a tie of dates', () => {
		const tie = [...CHAIN.slice(0, 8), review(9, 'A', '2026-09-20'), review(10, 'A', '2026-09-20'), record(11)];
		const shows = logReportEntries(tie, {period: {from: '2026-09-25', to: '2026-12-31'}, today: '2026-09-30', trends: false});
		const seqs = tie.filter(shows).map(e => e.seq);
		expect(seqs).toContain(10);
		expect(seqs).not.toContain(9);
		expect(seqs).not.toContain(1);
	});

	it("with the trends (html): each case's last review before the period, its standing at the first weeks' ends", () => {
		const period = {from: '2026-09-15', to: '2026-10-20'};
		const without = picked(logReportEntries(CHAIN, {period, today: '2026-11-30', trends: false}));
		const withTrends = picked(logReportEntries(CHAIN, {period, today: '2026-11-30', trends: true}));
		// A's standing until its review of 20 Sep is entry 1 (1 Sep): only the trends read it.
		expect(without).not.toContain(1);
		expect(withTrends).toEqual([...without, 1].sort((a, b) => a - b));
	});

	it('with the trends (html): a review recording a trigger, and every review of that officer (its runs start and end)', () => {
		const period = {from: '2026-10-01', to: '2026-10-20'};
		const fired = CHAIN.map(e => (e.seq === 7 ? review(7, 'A', '2026-11-01', true) : e));
		const seqs = (trends: boolean) => fired.filter(logReportEntries(fired, {period, today: '2026-11-30', trends})).map(e => e.seq);
		// Entry 1 (A, 1 Sep) is neither in the period nor any case's standing: read only for A's officer's trigger runs.
		expect(seqs(false)).not.toContain(1);
		expect(seqs(true)).toContain(1);
		// Nobody's trigger recorded: the trends read no review the report does not.
		expect(picked(logReportEntries(CHAIN, {period, today: '2026-11-30', trends: true}))).toEqual(
			picked(logReportEntries(CHAIN, {period, today: '2026-11-30', trends: false})),
		);
	});
});
