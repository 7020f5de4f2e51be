/**
 * One rule decides whether a cover may be named for some days of an absence (absence-cover.ts
 * coverDaysProblem): the command line (`absence change ID --cover NAME --from D --to D`, through
 * changeAbsence) and the desk's change form (absence-form-state.ts validateForm) each word its answer in
 * their own names for the days, and refuse the same days.
 */
import {describe, expect, it} from 'vitest';
import {AbsenceError, changeAbsence} from '../../source/domain/absences.js';
import {coverDaysProblem} from '../../source/domain/absence-cover.js';
import {openChangeAbsenceForm, validateForm} from '../../source/ui/team/absence-form-state.js';
import {demoData} from '../helpers/demo.js';

const TODAY = '2026-11-30';
const MARSH = 'o0006';
/** DC Ashworth's absence, ab0003 (sick from 28 Nov), given a last day: 28 Nov to 05 Dec. */
const WHOLE = {from: '2026-11-28', to: '2026-12-05'};

function ashworthTo5Dec() {
	const data = demoData();
	return {...data, absences: data.absences.map(a => (a.id === 'ab0003' ? {...a, to: WHOLE.to} : a))};
}

describe('coverDaysProblem', () => {
	it('says what is wrong as facts, a blank day read as the command line reads it', () => {
		const p = (days: {from?: string; to?: string}, whole: {from: string; to: string | null} = WHOLE, today = TODAY) =>
			coverDaysProblem('ab0003', whole, days, today);
		expect(p({from: '2026-12-01', to: '2026-12-05'})).toBeNull();
		expect(p({})).toBeNull();
		expect(p({from: '2026-12-10'})).toEqual({
			kind: 'after-last',
			day: 'from',
			date: '2026-12-10',
			first: WHOLE.from,
			last: WHOLE.to,
			absenceId: 'ab0003',
		});
		expect(p({to: '2026-12-09'})).toMatchObject({kind: 'after-last', day: 'to', date: '2026-12-09'});
		expect(p({from: '2026-12-04', to: '2026-12-02'})).toEqual({kind: 'backwards', from: '2026-12-04', to: '2026-12-02', fromGiven: true});
		// A blank first day on an absence under way is today, so a last day before today runs backwards from it.
		expect(p({to: '2026-11-29'})).toEqual({kind: 'backwards', from: TODAY, to: '2026-11-29', fromGiven: false});
		expect(p({from: '2026-11-29'})).toEqual({
			kind: 'before-today',
			absenceId: 'ab0003',
			first: WHOLE.from,
			date: '2026-11-29',
			today: TODAY,
		});
		expect(p({from: '2026-12-01'}, {from: '2026-12-01', to: null}, TODAY)).toBeNull();
		expect(p({from: '2026-11-30'}, {from: '2026-12-01', to: null}, TODAY)).toMatchObject({kind: 'before-first', date: '2026-11-30'});
		expect(p({}, WHOLE, '2026-12-07')).toEqual({kind: 'ran', absenceId: 'ab0003', first: WHOLE.from, last: WHOLE.to});
	});

	it('the command line says a day after the last plainly, naming its flag, not as a backwards span (QA 7 R12)', () => {
		const change = (days: {from?: string; to?: string}) => () =>
			changeAbsence(ashworthTo5Dec(), 'ab0003', {coverOfficerId: MARSH}, TODAY, {
				recording: {by: 'o0002', at: `${TODAY}T09:00:00.000Z`},
				days,
			});
		// The message is the command line's; the same refusal comes as facts too, for the desk to word (AbsenceError.refusal).
		expect(change({from: '2026-12-10'})).toThrow(AbsenceError);
		expect(change({from: '2026-12-10'})).toThrow(
			"The cover's days must lie within ab0003 (28 Nov to 05 Dec): --from 10 Dec is after its last day.",
		);
		expect(change({to: '2026-12-09'})).toThrow(
			"The cover's days must lie within ab0003 (28 Nov to 05 Dec): --to 09 Dec is after its last day.",
		);
	});
});

describe('the desk form and the command line refuse the same days', () => {
	const data = ashworthTo5Dec();
	const ab0003 = data.absences.find(a => a.id === 'ab0003')!;
	const form = openChangeAbsenceForm(ab0003, data.officers, 'cover', data.absences);
	const days = ['', '2026-11-27', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-05', '2026-12-06'];

	it('for every Cover from and Cover to of a grid around the absence, in the form’s words', () => {
		let refused = 0;
		for (const coverFrom of days) {
			for (const coverTo of days) {
				const typed = {...form, values: {...form.values, cover: 'Marsh', coverFrom, coverTo}};
				const checked = validateForm(typed, data.officers, data.absences, TODAY);
				const asked = {...(coverFrom ? {from: coverFrom} : {}), ...(coverTo ? {to: coverTo} : {})};
				let cli: string | null = null;
				try {
					changeAbsence(data, 'ab0003', {coverOfficerId: MARSH}, TODAY, {
						recording: {by: 'o0002', at: `${TODAY}T09:00:00.000Z`},
						days: asked,
					});
				} catch (err) {
					cli = (err as Error).message;
				}
				const where = `Cover from "${coverFrom}", Cover to "${coverTo}"`;
				expect(checked.ok, `${where}: the command line said ${cli}`).toBe(cli === null);
				if (checked.ok) continue;
				refused++;
				// The form's words: its own field names, never the command line's flags.
				expect(checked.form.error?.text, where).not.toMatch(/--from|--to/);
				expect(checked.form.error?.text, where).toMatch(/Cover from|Cover to|started/);
			}
		}
		expect(refused).toBeGreaterThan(10);
	});

	it('a Cover to before today with Cover from blank is refused in the form, naming what the blank means', () => {
		const typed = {...form, values: {...form.values, cover: 'Marsh', coverFrom: '', coverTo: '2026-11-29'}};
		const checked = validateForm(typed, data.officers, data.absences, TODAY);
		expect(checked.ok ? null : checked.form.error).toEqual({
			field: 'coverTo',
			text: 'Cover to 29 Nov is before 30 Nov, where a blank Cover from starts (from today, or its first day if later).',
		});
	});
});
