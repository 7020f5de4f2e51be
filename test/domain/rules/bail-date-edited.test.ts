/**
 * REVIEW-9 D6 (bail): a case's bail period end is set by its last signed extension (a `record` entry of a
 * bail event); a case record whose last extension was moved later outside fortnight must not hide a lapsing
 * bail. The rules read the clock with the signed period end and raise a critical `bail-date-edited`
 * (source/domain/signed-bail-extension.ts, rules/bail.ts; docs/rules.md "Pre-charge bail").
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {loadDemo, TODAY} from '../review/fixtures.js';
import {EXTENDED_REF, extendedDemo} from './bail-fixtures.js';

const REF = EXTENDED_REF;

const withPeriodEnd = (data: StoreData, periodEnd: string): StoreData => ({
	...data,
	cases: data.cases.map(c =>
		c.ref === REF
			? {...c, bail: {...c.bail!, extensions: c.bail!.extensions.map((x, i, all) => (i === all.length - 1 ? {...x, periodEnd} : x))}}
			: c,
	),
});
const about = (data: StoreData, today: string) => findProblems(data, today).filter(p => p.subject.type === 'case' && p.subject.ref === REF);

describe('a bail period end moved outside fortnight (REVIEW-9 D6)', () => {
	it('the signed extension stands: the bail lapses on its date, and a critical problem names both dates', () => {
		const signed = extendedDemo();
		expect(signed.cases.find(c => c.ref === REF)!.bail!.extensions.at(-1)!.periodEnd).toBe('2027-03-11');
		const day = '2027-03-12';
		// Return answered on 20 Jan is not recorded: a day after the period, the bail has lapsed either way; judge the clock by the period.
		const lapsed = about(signed, day).filter(p => p.kind === 'bail-lapsed');
		expect(lapsed).toHaveLength(1);
		expect(about(signed, day).filter(p => p.kind === 'bail-date-edited')).toEqual([]);
		const edited = withPeriodEnd(signed, '2027-06-11');
		const after = about(edited, day);
		expect(after.filter(p => p.kind === 'bail-lapsed').map(p => p.message)).toEqual(lapsed.map(p => p.message));
		const [p, ...more] = after.filter(p => p.kind === 'bail-date-edited');
		expect(more).toEqual([]);
		expect(p!.severity).toBe('critical');
		expect(p!.message).toMatch(
			/^Bail period end changed outside fortnight: CR\/87204\/26's record says 11 Jun( 2027)?, but its last signed extension \(entry \d+\) set 11 Mar( 2027)?/,
		);
		expect(p!.resolve!.some(w => w.command?.startsWith('fortnight bail record CR/87204/26'))).toBe(true);
		// Moved earlier: the bail only lapses sooner; no such problem.
		expect(about(withPeriodEnd(signed, '2027-03-01'), day).filter(x => x.kind === 'bail-date-edited')).toEqual([]);
	});

	it('the demo as shipped (extensions made before records were signed) raises none', () => {
		expect(findProblems(loadDemo(), TODAY).filter(p => p.kind === 'bail-date-edited')).toEqual([]);
	});
});
