/**
 * Warnings on the next review date (issue "The desk under real hands", item 11): after the bail period
 * ends, or inside the sergeant's recorded absence, with the date to choose instead. In the demo DS
 * Brennan is recorded away 10 Dec 2026 to 04 Feb 2027 with no cover named, and CR/87204/26's bail
 * period ends 11 Dec.
 */
import {describe, expect, it} from 'vitest';
import {nextReviewWarnings} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF} from './fixtures.js';

const BAILED = 'CR/87204/26';

describe('next review warnings', () => {
	it('warns when the review falls inside the sergeant\u2019s recorded absence, with the day before it', () => {
		const ctx = contextFor(loadDemo(), OVERDUE_REF);
		const a = completeAnswers(ctx);
		expect(nextReviewWarnings(ctx, a)).toEqual([
			'DS Brennan is recorded away 10 Dec to 04 Feb 2027 (no cover is named): this review (14 Dec) falls inside it; ' +
				'choose 09 Dec, before the absence.',
		]);
		// The date it suggests is clear of it.
		expect(nextReviewWarnings(ctx, {...a, signOff: {...a.signOff, nextReviewDue: '09/12/2026'}})).toEqual([]);
	});

	it('names the cover when there is one', () => {
		const data = loadDemo();
		data.absences = data.absences.map(x => (x.id === 'ab0002' ? {...x, coverOfficerId: 'o0006'} : x));
		const ctx = contextFor(data, OVERDUE_REF);
		expect(nextReviewWarnings(ctx, completeAnswers(ctx))[0]).toContain('(DC Marsh covers)');
	});

	it('says nothing of the absence to the cover signing the review: the next one is theirs (QA 14)', () => {
		const data = loadDemo();
		data.absences = data.absences.map(x => (x.id === 'ab0002' ? {...x, coverOfficerId: 'o0006'} : x));
		const asCover = {...contextFor(data, OVERDUE_REF), reviewerId: 'o0006'};
		expect(nextReviewWarnings(asCover, completeAnswers(asCover))).toEqual([]);
		// Anyone else signing is still told who covers.
		const asInspector = {...contextFor(data, OVERDUE_REF), reviewerId: 'o0001'};
		expect(nextReviewWarnings(asInspector, completeAnswers(asInspector))[0]).toContain('(DC Marsh covers)');
	});

	it('warns when the review falls after the bail period ends, with the day before it ends', () => {
		const data = loadDemo();
		// Without the absence, the bail warning alone.
		data.absences = data.absences.filter(x => x.id !== 'ab0002');
		const ctx = contextFor(data, BAILED);
		const a = completeAnswers(ctx);
		expect(nextReviewWarnings(ctx, a)).toEqual([
			'The bail period ends 11 Dec, before this review (14 Dec), and cannot be extended once it has ended: choose 10 Dec or earlier.',
		]);
		expect(nextReviewWarnings(ctx, {...a, signOff: {...a.signOff, nextReviewDue: '2026-12-10'}})).toEqual([]);
	});
});

describe('the next review of a case the cover holds (QA 8 R8)', () => {
	// DC Marsh (o0006) holds CR/61882/26 and covers DS Brennan's sick leave: its reviews in the absence are DI Okafor's.
	const marshCovers = () => {
		const data = loadDemo();
		data.absences = data.absences.map(x => (x.id === 'ab0002' ? {...x, coverOfficerId: 'o0006'} : x));
		return data;
	};

	it('says the inspector reviews it, not the cover, to the sergeant signing before the absence', () => {
		const ctx = {...contextFor(marshCovers(), 'CR/61882/26'), reviewerId: 'o0002'};
		const [warning] = nextReviewWarnings(ctx, completeAnswers(ctx));
		expect(warning).toContain('(DC Marsh covers but holds this case, so DI Okafor reviews it)');
		expect(warning).not.toContain('(DC Marsh covers)');
	});

	it('says nothing of the absence to the inspector signing it: the next one is theirs too', () => {
		const ctx = {...contextFor(marshCovers(), 'CR/61882/26'), reviewerId: 'o0001'};
		expect(nextReviewWarnings(ctx, completeAnswers(ctx)).filter(w => w.includes('recorded away'))).toEqual([]);
	});
});
