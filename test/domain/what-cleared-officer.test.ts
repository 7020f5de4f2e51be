/**
 * QA 6 R5: a cleared officer problem (a screening, a tenure review, an absence with nobody covering) said
 * only "CLEARED ... (as of 04 Dec)"; a case's says what cleared it. whatClearedOfficer says the welfare
 * event, the cover or the move that answered it, and the desk's detail prints it (problem-lines.ts).
 */
import {describe, expect, it} from 'vitest';
import {changeAbsence} from '../../source/domain/absences.js';
import {withAllocation} from '../../source/domain/case-history.js';
import type {StoreData, WelfareEvent} from '../../source/domain/model.js';
import {officerIndex} from '../../source/domain/people.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {whatClearedOfficer} from '../../source/domain/what-cleared.js';
import {deskModel, withProblems} from '../../source/ui/model/desk-model.js';
import {problemLines} from '../../source/ui/problem-detail/problem-lines.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';

const ASHWORTH = 'o0003';
const BRENNAN = 'o0002';

function withWelfare(data: StoreData, kind: WelfareEvent['kind']): StoreData {
	const e: WelfareEvent = {id: `w-${kind}`, officerId: ASHWORTH, date: DEMO_TODAY, kind, by: BRENNAN, flags: []};
	return {...data, welfareEvents: [...data.welfareEvents, e]};
}

const say = (data: StoreData, problemId: string, officerId = ASHWORTH) =>
	whatClearedOfficer({problemId, officerId, data, officerById: officerIndex(data), today: DEMO_TODAY});

describe('what cleared an officer problem', () => {
	it('a screening or a tenure review: the event, its day and who recorded it', () => {
		const ids = findProblems(demoData(), DEMO_TODAY).map(p => p.id);
		expect(ids).toContain('screening-due:o0003');
		expect(ids).toContain('tenure-review-due:o0003');
		const screened = withWelfare(demoData(), 'psychological-screening');
		expect(findProblems(screened, DEMO_TODAY).map(p => p.id)).not.toContain('screening-due:o0003');
		expect(say(screened, 'screening-due:o0003')).toBe('Psychological screening for DC Ashworth on 30 Nov, recorded by DS Brennan.');
		// A tenure review does not answer a screening, and the old screening that made it due is not named as its answer.
		expect(say(withWelfare(demoData(), 'tenure-review'), 'screening-due:o0003')).toBeNull();
		const left = {...screened, officers: screened.officers.map(o => (o.id === ASHWORTH ? {...o, imageExposed: false} : o))};
		expect(say({...left, welfareEvents: demoData().welfareEvents}, 'screening-due:o0003')).toBeNull();
		expect(say(withWelfare(demoData(), 'tenure-review'), 'tenure-review-due:o0003')).toBe(
			'Tenure review for DC Ashworth on 30 Nov, recorded by DS Brennan.',
		);
	});

	it('an absence with nobody covering: the cover named, or that it was cancelled', () => {
		const covered = changeAbsence(demoData(), 'ab0002', {coverOfficerId: 'o0006'}, DEMO_TODAY, {
			recording: {by: BRENNAN, at: '2026-11-30T09:00:00.000Z'},
		}).data;
		expect(say(covered, 'review-due-supervisor-absent:o0002:ab0002', BRENNAN)).toBe(
			"DC Marsh covers DS Brennan's absence ab0002, recorded by DS Brennan.",
		);
		const gone = {...demoData(), absences: demoData().absences.filter(a => a.id !== 'ab0002')};
		expect(say(gone, 'review-due-supervisor-absent:o0002:ab0002', BRENNAN)).toBe('Absence ab0002 is no longer recorded (cancelled).');
	});

	it('workload: the move that brought it under the line, not an earlier one', () => {
		let data = demoData();
		const moves: string[] = [];
		const live = () => findProblems(data, DEMO_TODAY).some(p => p.id === 'workload:o0004');
		expect(live()).toBe(true);
		for (const [k, c] of data.cases.filter(x => x.oicId === 'o0004' && x.status !== 'closed').entries()) {
			if (!live()) break;
			// Each move recorded a minute after the last; the first moves leave it over the line.
			const at = `2026-11-30T10:0${k}:00.000Z`;
			const moved = withAllocation(c, {officerId: 'o0010', from: DEMO_TODAY, by: BRENNAN, reason: 'workload', recordedAt: at});
			data = {...data, cases: data.cases.map(x => (x.ref === c.ref ? moved : x))};
			moves.push(c.ref);
			if (live()) expect(say(data, 'workload:o0004', 'o0004')).toBeNull();
		}
		expect(live()).toBe(false);
		expect(moves.length).toBeGreaterThan(1);
		expect(say(data, 'workload:o0004', 'o0004')).toBe(`${moves.at(-1)} moved to DC Evans from 30 Nov by DS Brennan.`);
	});

	it("the desk's detail of the cleared screening says it under CLEARED", () => {
		const model = withProblems(deskModel(withWelfare(demoData(), 'psychological-screening'), DEMO_TODAY));
		const text = problemLines(model, {id: 'screening-due:o0003', ref: null, officerId: ASHWORTH}, 120).map(l => l.text);
		expect(text[0]).toBe('CLEARED: the rules no longer find this problem about DC Sam Ashworth (as of 30 Nov).');
		expect(text[1]).toBe('Psychological screening for DC Ashworth on 30 Nov, recorded by DS Brennan.');
	});
});
