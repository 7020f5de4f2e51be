import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildLogDocument} from '../../source/domain/review-log/document.js';
import {defaultPeriod} from '../../source/domain/review-log/period.js';
import {logJson} from '../../source/export/log-json.js';
import {DEMO_TODAY, ROOT} from '../helpers/cli.js';
import {hostileData, loadDemo} from '../domain/review-log/hostile-store.js';
import {quietTrigger as quiet} from '../helpers/quiet-trigger.js';

describe('logJson', () => {
	const period = defaultPeriod(DEMO_TODAY);

	it('holds the documented top-level fields, the rows and the exception report', () => {
		const data = loadDemo();
		const doc = buildLogDocument(data, {period, today: DEMO_TODAY}, {problems: [], trigger: quiet});
		const parsed = JSON.parse(logJson(doc));
		expect(Object.keys(parsed)).toEqual(['format', 'version', 'team', 'today', 'period', 'sergeantId', 'chainHead', 'rows', 'exceptions']);
		expect(parsed).toMatchObject({
			format: 'fortnight-log',
			version: 5,
			today: DEMO_TODAY,
			period,
			sergeantId: null,
			chainHead: {seq: data.chain.at(-1)!.seq, hash: data.chain.at(-1)!.hash},
		});
		expect(parsed.rows).toEqual(doc.rows);
		expect(Object.keys(parsed.rows[0]).sort()).toEqual(
			[
				'kind',
				'seq',
				'hash',
				'date',
				'caseRef',
				'officerId',
				'officer',
				'reviewerId',
				'reviewer',
				'sergeantId',
				'riskBefore',
				'riskAfter',
				'daysSincePrevious',
				'dueDate',
				'lateDays',
				'actionsSet',
				'actionsCompleted',
				'actionsCarried',
				'actionsDropped',
				'triggerFired',
				'triggerDecision',
				'welfareCheckIn',
				'nextReviewDue',
				'amends',
				'amendedBy',
				'amendment',
				'signedById',
				'signedBy',
			].sort(),
		);
		expect(Object.keys(parsed.exceptions.sergeants[0]).sort()).toEqual(
			[
				'sergeantId',
				'sergeant',
				'absences',
				'lateReviews',
				'notReviewed',
				'overdueNow',
				'noCover',
				'unresolvedTriggers',
				'bail',
				'stalledActions',
				'forensicWaits',
				'spanOfControl',
				'totals',
			].sort(),
		);
	});

	it('never contains welfare note text', () => {
		const notes = JSON.parse(readFileSync(path.join(ROOT, 'data', 'demo.welfare.json'), 'utf8')).notes as Array<{text: string}>;
		const text = logJson(
			buildLogDocument(
				hostileData().data,
				{period: {from: '2000-01-01', to: '2100-01-01'}, today: DEMO_TODAY},
				{problems: [], trigger: quiet},
			),
		);
		expect(notes.length).toBeGreaterThan(0);
		for (const n of notes) {
			expect(text).not.toContain(n.text);
			expect(text).not.toContain(n.text.slice(0, 20));
		}
	});
});
