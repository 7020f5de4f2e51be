/**
 * QA 8 D7: a desk whose reader loses read scope (their cover changed by another user, README "Who may read
 * what") must not say a live problem is "CLEARED" nor that a case still in the store is "no longer in the
 * store": it says the case or problem is no longer theirs to read, and who covers now, from when
 * (source/domain/not-yours.ts).
 */
import {describe, expect, it} from 'vitest';
import {changeAbsence} from '../../../source/domain/absences.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import type {StoreData} from '../../../source/domain/model.js';
import {caseLines} from '../../../source/ui/editor/case-lines.js';
import {deskModel, withProblems} from '../../../source/ui/model/desk-model.js';
import {problemLines} from '../../../source/ui/problem-detail/problem-lines.js';
import {demoData} from '../../helpers/demo.js';

const MARSH = 'o0006';
const SHAH = 'o0008';
const OKAFOR = 'o0001';
const ASHWORTH = 'o0003';
const TODAY = '2026-12-14';
/** Both held by DC Ashworth: a case tab and a case problem's tab the cover had open. */
const CASE = 'CR/64148/26';
const BAIL_CASE = 'CR/87204/26';

/** DC Marsh covers DS Brennan (ab0002, from 10 Dec); on 14 Dec the inspector names DC Shah from today. */
function stores(): {before: StoreData; after: StoreData} {
	const before = changeAbsence(demoData(), 'ab0002', {coverOfficerId: MARSH}, '2026-11-30', {
		recording: {by: OKAFOR, at: '2026-11-30T09:00:00.000Z'},
	}).data;
	const after = changeAbsence(before, 'ab0002', {coverOfficerId: SHAH}, TODAY, {
		recording: {by: OKAFOR, at: '2026-12-14T15:00:00.000Z'},
	}).data;
	return {before, after};
}

const text = (lines: {text: string}[]) => lines.map(l => l.text).join('\n');

describe('a desk whose reader loses read scope (QA 8 D7)', () => {
	it('says a case tab is no longer theirs to read, and who covers from when; never "no longer in the store"', () => {
		const {before, after} = stores();
		expect(text(caseLines(deskModel(before, TODAY, MARSH), CASE, 100))).toContain(CASE);
		const shown = text(caseLines(deskModel(after, TODAY, MARSH), CASE, 200));
		expect(shown).not.toContain('no longer in the store');
		expect(shown).toContain(`${CASE} is no longer yours to read: DC Shah covers DS Brennan from 14 Dec.`);
		// A case really gone is still said so.
		expect(text(caseLines(deskModel(after, TODAY, MARSH), 'CR/00000/26', 200))).toContain('is no longer in the store');
	});

	it('says a live problem is no longer theirs to read, never CLEARED', () => {
		const {before, after} = stores();
		const mine = withProblems(deskModel(before, TODAY, MARSH), findProblems);
		const p = mine.problems.find(x => x.subject.type === 'case' && x.subject.ref === BAIL_CASE && x.kind.startsWith('bail'));
		expect(p, 'the cover sees the bail problem before the change').toBeDefined();
		const subject = {id: p!.id, ref: BAIL_CASE, officerId: ASHWORTH};
		const model = withProblems(deskModel(after, TODAY, MARSH), findProblems);
		// The problem is still found for the team (the inspector's list), only not for DC Marsh.
		expect(withProblems(deskModel(after, TODAY, OKAFOR), findProblems).problems.some(x => x.id === p!.id)).toBe(true);
		const shown = text(problemLines(model, subject, 200));
		expect(shown).not.toContain('CLEARED');
		expect(shown).toContain(`${BAIL_CASE} is no longer yours to read: DC Shah covers DS Brennan from 14 Dec.`);
	});
});
