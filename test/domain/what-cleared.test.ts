/**
 * README "Acting on a problem": once a case's problem clears, its detail says what cleared it, the
 * latest record on the case (the bail event, the reallocation or the review just signed) with who
 * recorded it and when. The rule is domain/what-cleared.ts; the desk only prints its sentence
 * (test/ui/problem-detail/problem-detail.test.tsx, test/ui/record/record-forms.test.tsx).
 */
import {describe, expect, it} from 'vitest';
import {reviewsByCase} from '../../source/domain/case-facts.js';
import {withAllocation} from '../../source/domain/case-history.js';
import type {BailEvent, Case, ReviewEntry, StoreData} from '../../source/domain/model.js';
import {officerIndex} from '../../source/domain/people.js';
import {whatCleared} from '../../source/domain/what-cleared.js';
import {loadDemo, TODAY} from './review/fixtures.js';

const REF = 'CR/87204/26';

function setUp(): {data: StoreData; c: Case; reviews: ReviewEntry[]} {
	const data = loadDemo();
	const c = data.cases.find(x => x.ref === REF)!;
	return {data, c, reviews: reviewsByCase(data.chain).get(REF) ?? []};
}

function say(data: StoreData, c: Case, reviews: readonly ReviewEntry[]) {
	return whatCleared({case: c, reviews, officerById: officerIndex(data), today: TODAY});
}

function bailEvent(over: Partial<BailEvent>): BailEvent {
	return {
		event: 'rui',
		on: TODAY,
		returnDateBefore: '2026-12-02',
		returnDate: null,
		authority: null,
		periodEnd: null,
		authorisedBy: null,
		rank: null,
		recordedBy: 'o0002',
		recordedAt: '2026-11-30T09:00:00.000Z',
		...over,
	};
}

/** The case moved to DC Marsh by DS Brennan today, recorded at `at` (as reallocate.ts records it). */
function moved(c: Case, at: string | null, reason = 'OIC on sick leave; bail due 02 Dec'): Case {
	return withAllocation(c, {officerId: 'o0006', from: TODAY, by: 'o0002', reason, recordedAt: at});
}

describe('whatCleared: the latest record on the case, in one sentence', () => {
	it('the latest signed review, when nothing was recorded on the case after it', () => {
		const {data, c, reviews} = setUp();
		expect(c.bailEvents).toEqual([]);
		expect(whatCleared({case: c, reviews, officerById: officerIndex(data), today: TODAY})).toEqual({
			by: 'review',
			text: 'Reviewed on 11 Nov by DS Brennan (entry #521).',
		});
	});

	it('a reallocation recorded after the review: who holds it, since when, who moved it and why', () => {
		const {data, c, reviews} = setUp();
		expect(say(data, moved(c, '2026-11-30T10:00:00.000Z'), reviews)).toEqual({
			by: 'allocation',
			text: 'CR/87204/26 is held by DC Helen Marsh since 30 Nov, moved by DS Brennan: OIC on sick leave; bail due 02 Dec.',
		});
	});

	it('a bail event recorded after the review: how bail ended, on which day, recorded by whom', () => {
		const {data, c, reviews} = setUp();
		expect(say(data, {...c, bailEvents: [bailEvent({})]}, reviews)).toEqual({
			by: 'bail-event',
			text: 'Bail ended: released under investigation on 30 Nov, recorded by DS Brennan.',
		});
	});

	it('each kind of bail event in its own words; an extension with its return date and who authorised it', () => {
		const {data, c} = setUp();
		const words = (e: Partial<BailEvent>) => say(data, {...c, bailEvents: [bailEvent(e)]}, []).text;
		expect(words({event: 'extended', returnDate: '2027-01-06', authorisedBy: 'DI Okafor', recordedBy: 'o0001'})).toBe(
			'Bail extended to 06 Jan 2027 (authorised by DI Okafor) on 30 Nov, recorded by DI Okafor.',
		);
		expect(words({event: 're-bailed', returnDate: '2026-12-16', on: '2026-11-29'})).toBe(
			'Re-bailed to 16 Dec on 29 Nov, recorded by DS Brennan.',
		);
		expect(words({event: 'charged'})).toBe('Bail ended: charged on 30 Nov, recorded by DS Brennan.');
		expect(words({event: 'nfa'})).toBe('Bail ended: no further action on 30 Nov, recorded by DS Brennan.');
		expect(words({event: 'released'})).toBe('Bail ended: released without bail on 30 Nov, recorded by DS Brennan.');
	});

	it('of several bail events, the one recorded last, whatever its day', () => {
		const {data, c} = setUp();
		const events = [
			bailEvent({event: 'charged', on: '2026-11-29', recordedAt: '2026-11-30T11:00:00.000Z'}),
			bailEvent({event: 'extended', on: TODAY, returnDate: '2027-01-06', recordedAt: '2026-11-30T08:00:00.000Z'}),
		];
		expect(say(data, {...c, bailEvents: events}, []).text).toBe('Bail ended: charged on 29 Nov, recorded by DS Brennan.');
	});

	it('a review signed after the bail event and the reallocation is what is said', () => {
		const {data, c, reviews} = setUp();
		const last = reviews.at(-1)!;
		const signedNow: ReviewEntry = {...last, seq: 9000, signedAt: '2026-11-30T12:00:00.000Z', data: {...last.data, date: TODAY}};
		const later = moved({...c, bailEvents: [bailEvent({})]}, '2026-11-30T10:00:00.000Z');
		expect(say(data, later, [signedNow, ...reviews])).toEqual({by: 'review', text: 'Reviewed on 30 Nov by DS Brennan (entry #9000).'});
	});

	it('an allocation that does not say when it was recorded is said only when nothing else is', () => {
		const {data, c, reviews} = setUp();
		const unrecorded = moved(c, null);
		expect(say(data, unrecorded, reviews).by).toBe('review');
		expect(say(data, unrecorded, [])).toEqual({
			by: 'allocation',
			text: 'CR/87204/26 is held by DC Helen Marsh since 30 Nov, moved by DS Brennan: OIC on sick leave; bail due 02 Dec.',
		});
	});

	it('store text is made safe: a reason with an escape sequence or a line break prints none', () => {
		const {data, c} = setUp();
		const {text} = say(data, moved(c, '2026-11-30T10:00:00.000Z', 'sick\u001b]0;owned\u0007 leave\nnext line'), []);
		expect(text).not.toMatch(/[\u0000-\u001f\u007f]/);
		expect(text).toBe('CR/87204/26 is held by DC Helen Marsh since 30 Nov, moved by DS Brennan: sick leave␊next line.');
	});
});
