/**
 * QA 8 R1: a problem's detail offers only keys its reader may use (README "Hints, help and the palette
 * offer only what you may do"). DS Brennan's own welfare check-in is DI Okafor's to record: his detail keeps
 * the way's words but offers no `w`, while hers offers it (ways-for-officer.ts, problem-lines.ts).
 */
import {describe, expect, it} from 'vitest';
import {findProblems} from '../../../source/domain/rules/index.js';
import {deskModel, withProblems} from '../../../source/ui/model/desk-model.js';
import {problemLines} from '../../../source/ui/problem-detail/problem-lines.js';
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
