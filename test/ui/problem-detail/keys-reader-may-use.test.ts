/**
 * QA 8 R1: a problem's detail offers only keys its reader may use (README "Hints, help and the palette
 * offer only what you may do"). DS Brennan's own welfare check-in is DI Okafor's to record: his detail keeps
 * the way's words but offers no `w`, while hers offers it (ways-for-officer.ts, problem-lines.ts).
 */
import {describe, expect, it} from 'vitest';
import {findProblems} from '../../../source/domain/rules/index.js';
import {deskModel, withProblems} from '../../../source/ui/model/desk-model.js';
import {problemLines} from '../../../source/ui/problem-detail/problem-lines.js';
import {caseLines} from '../../../source/ui/editor/case-lines.js';
import {changeAbsence} from '../../../source/domain/absences.js';
import {demoData} from '../../helpers/demo.js';

const OKAFOR = 'o0001';
const BRENNAN = 'o0002';
const TODAY = '2026-12-04';

const text = (lines: {text: string}[]) => lines.map(l => l.text).join('\n');

describe("a problem's detail offers only the keys its reader may use (QA 8 R1)", () => {
	it("the sergeant's own check-in: no w for him, w for the inspector who records it", () => {
		const data = demoData();
		const asBrennan = withProblems(deskModel(data, TODAY, BRENNAN), findProblems);
		const p = asBrennan.problems.find(x => x.subject.officerId === BRENNAN && x.resolve?.some(w => w.way === 'welfare-record'));
		expect(p, 'the demo has DS Brennan check-in problem').toBeDefined();
		const subject = {id: p!.id, ref: null, officerId: BRENNAN};
		const his = text(problemLines(asBrennan, subject, 200, undefined, BRENNAN));
		expect(his).toMatch(/Keys: /);
		expect(his).not.toContain('record the welfare event');
		expect(his).not.toMatch(/^\s+w\s/m);
		// The way is still said, with whose it is and the command.
		expect(his).toContain('DI Okafor');
		const asOkafor = withProblems(deskModel(data, TODAY, OKAFOR), findProblems);
		const hers = text(problemLines(asOkafor, subject, 200, undefined, OKAFOR));
		expect(hers).toContain('w record the welfare event');
		expect(hers).toMatch(/^\s+w\s/m);
	});
});

describe("a case's view lists only the ways its reader may take, or who can (deskword)", () => {
	it("DC Marsh covering DS Brennan: a case she holds is the inspector's to review, move and re-cover, with no key offered her", () => {
		const MARSH = 'o0006';
		const day = '2026-12-14';
		const data = changeAbsence(demoData(), 'ab0002', {coverOfficerId: MARSH}, '2026-11-30', {
			recording: {by: OKAFOR, at: '2026-11-30T09:00:00.000Z'},
		}).data;
		const asMarsh = withProblems(deskModel(data, day, MARSH), findProblems);
		const ref = 'CR/45661/26';
		expect(asMarsh.problemsByCase.get(ref)?.some(p => p.kind === 'review-needs-independent-supervisor')).toBe(true);
		const view = text(caseLines(asMarsh, ref, 200));
		const problems = view.slice(view.indexOf('PROBLEMS'), view.indexOf('BAIL / RUI'));
		// Each way said with whose it is, none with a desk key (a line "r: ..." / "m: ..." / "c: ...").
		expect(problems).toContain('DI Okafor');
		expect(problems).not.toMatch(/^\s+[rmcbw]: /m);
		// The inspector reading the same case is offered the keys.
		const asOkafor = withProblems(deskModel(data, day, OKAFOR), findProblems);
		expect(text(caseLines(asOkafor, ref, 200))).toMatch(/^\s+r: /m);
	});
});
