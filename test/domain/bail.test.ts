/**
 * The bail period's arithmetic (README, "Bail arithmetic"): "N months beginning with the bail start
 * date", the bail start date being the day after arrest. Checked for every arrest day of a non-leap
 * and a leap year against a calculation written independently with Date.UTC's own month overflow.
 */
import {describe, expect, it} from 'vitest';
import {BAIL_LADDER, bailClock, bailStartDate, statutoryPeriodEnd, suspectWords} from '../../source/domain/bail.js';
import {addDays} from '../../source/domain/dates.js';
import type {Bail, BailAuthority, BailRegime} from '../../source/domain/model.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {kase, store} from './rules/fixture.js';

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Independent: Date.UTC(y, m + n, d) rolls over into the next month when month m + n has no day d (31
 * Feb becomes 2 or 3 Mar). Then the period ends on the last day of month m + n (day 0 of the month
 * after); otherwise on the day before the corresponding day.
 */
function independentMonths(arrest: string, months: number): string {
	const [y, m, d] = arrest.split('-').map(Number) as [number, number, number];
	const start = new Date(Date.UTC(y, m - 1, d + 1));
	const sy = start.getUTCFullYear();
	const sm = start.getUTCMonth();
	const sd = start.getUTCDate();
	const corresponding = new Date(Date.UTC(sy, sm + months, sd));
	if (corresponding.getUTCDate() !== sd) return iso(new Date(Date.UTC(sy, sm + months + 1, 0)));
	return iso(new Date(Date.UTC(sy, sm + months, sd - 1)));
}

/** 28 days beginning with the bail start date: the start is day 1, so 27 days after it. */
function independentDays(arrest: string, n: number): string {
	const [y, m, d] = arrest.split('-').map(Number) as [number, number, number];
	return iso(new Date(Date.UTC(y, m - 1, d + 1 + n - 1)));
}

function everyDayOf(year: number): string[] {
	const out: string[] = [];
	for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) out.push(iso(new Date(t)));
	return out;
}

const running = (regime: BailRegime, bailedOn: string, over: Partial<Bail> = {}): Bail => ({
	regime,
	bailedOn,
	returnDate: addDays(bailedOn, 20),
	extensions: [],
	endedOn: null,
	suspect: 'AB',
	...over,
});
/** A case arrested 28 Feb 2023 (bail from 1 Mar), returning 20 May. */
const monthEnd = (over: Partial<Bail> = {}) =>
	store({
		cases: [kase('CR/1/23', {arrestDate: '2023-02-28', bail: running('pcsc-2022', '2023-02-28', {returnDate: '2023-05-20', ...over})})],
	});

describe('bail period arithmetic', () => {
	it('the issue examples: arrests at a month end run to the end of the third month, not three days short', () => {
		expect(bailStartDate('2023-02-28')).toBe('2023-03-01');
		expect(statutoryPeriodEnd('pcsc-2022', '2023-02-28', 'custody-officer')).toBe('2023-05-31');
		expect(statutoryPeriodEnd('pcsc-2022', '2023-02-28', 'inspector')).toBe('2023-08-31');
		expect(statutoryPeriodEnd('pcsc-2022', '2023-04-30', 'custody-officer')).toBe('2023-07-31');
		expect(statutoryPeriodEnd('pcsc-2022', '2023-09-30', 'custody-officer')).toBe('2023-12-31');
		const clock = bailClock(running('pcsc-2022', '2023-02-28'), '2023-05-29')!;
		expect(clock.periodEnd).toBe('2023-05-31');
		expect(clock.lapsed).toBe(false);
		expect(clock.nextPeriodEnd).toBe('2023-08-31');
		// Start on the 31st with no 31st three months on: the last day of that month.
		expect(statutoryPeriodEnd('pcsc-2022', '2023-10-30', 'custody-officer')).toBe('2024-01-30');
		expect(statutoryPeriodEnd('pcsc-2022', '2023-11-29', 'custody-officer')).toBe('2024-02-29');
		expect(statutoryPeriodEnd('pcsc-2022', '2022-11-29', 'custody-officer')).toBe('2023-02-28');
	});

	for (const year of [2023, 2024]) {
		const kind = year % 4 === 0 ? 'leap' : 'non-leap';
		it(`every arrest day of ${year} (${kind}): each rung's period end and the clock agree with the independent calculation`, () => {
			const months: [BailAuthority, number][] = [
				['custody-officer', 3],
				['inspector', 6],
				['superintendent', 9],
				['assistant-chief-constable', 12],
			];
			let checked = 0;
			for (const arrest of everyDayOf(year)) {
				for (const [authority, n] of months) {
					expect(statutoryPeriodEnd('pcsc-2022', arrest, authority), `${arrest} ${authority}`).toBe(independentMonths(arrest, n));
					checked++;
				}
				expect(statutoryPeriodEnd('pre-2022', arrest, 'inspector'), `${arrest} 28 days`).toBe(independentDays(arrest, 28));
				expect(statutoryPeriodEnd('pre-2022', arrest, 'superintendent'), `${arrest} pre-2022 3 months`).toBe(independentMonths(arrest, 3));
				const clock = bailClock(running('pcsc-2022', arrest), arrest)!;
				expect(clock.periodEnd).toBe(independentMonths(arrest, 3));
				expect(clock.nextPeriodEnd).toBe(independentMonths(arrest, 6));
				const old = bailClock(running('pre-2022', arrest), arrest)!;
				expect(old.periodEnd).toBe(independentDays(arrest, 28));
				expect(old.nextPeriodEnd).toBe(independentMonths(arrest, 3));
			}
			expect(checked).toBe(4 * (year % 4 === 0 ? 366 : 365));
		});
	}

	it('a court has no statutory end; the ladders are unchanged', () => {
		expect(statutoryPeriodEnd('pcsc-2022', '2023-02-28', 'magistrates-court')).toBeNull();
		expect(statutoryPeriodEnd('pre-2022', '2022-02-28', 'assistant-chief-constable')).toBeNull();
		const ladder = ['custody-officer', 'inspector', 'superintendent', 'assistant-chief-constable', 'magistrates-court'];
		expect(BAIL_LADDER['pcsc-2022'].map(r => r.authority)).toEqual(ladder);
	});
});

describe('bail wording', () => {
	it('names the suspect by initials, or says "the suspect" when none are recorded', () => {
		expect(suspectWords('LB')).toBe('suspect LB');
		expect(suspectWords('')).toBe('the suspect');
		expect(suspectWords('  ', true)).toBe('The suspect');
		const data = monthEnd({suspect: ''});
		const p = findProblems(data, '2023-06-02').find(x => x.kind === 'bail-lapsed')!;
		expect(p.message).toBe(
			'Bail period ended 31 May, 2 days ago, and can no longer be extended; the suspect is ' +
				'recorded as still on bail (return date 20 May)',
		);
		expect(p.message).not.toMatch(/suspect {2}/);
	});

	it('after a missed return date the message still gives the period end and who can extend before then', () => {
		const data = monthEnd();
		const p = findProblems(data, '2023-05-29').find(x => x.kind === 'bail-lapsed')!;
		expect(p.message).toBe(
			'Bail return 20 May passed 9 days ago with no record of suspect AB answering bail; period ends 31 ' +
				'May, next extension by an inspector (to 31 Aug) before then',
		);
		expect(p.action).toContain('any extension must be authorised by an inspector before 31 May');
		expect(p.severity).toBe('critical');
		// 29 May is not "can no longer be extended" any more (it was, with the period wrongly ending 28 May).
		expect(p.message).not.toContain('can no longer be extended');
	});
});
