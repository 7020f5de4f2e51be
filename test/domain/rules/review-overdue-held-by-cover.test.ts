/**
 * QA 8 D1: with DC Marsh named to cover DS Brennan's sick leave (10 Dec-04 Feb), the problems of a day of
 * the absence listed each of her overdue cases twice: "Review needs independent supervisor" (she cannot
 * review a case she holds) and a plain review-overdue whose way told her to review it (desk `r`). One
 * problem per case now, still of the review-overdue kind (the inspector's log counts it as overdue now),
 * in the independent rule's words and with its ways: the inspector reviews it (docs/rules.md "Reviews the
 * cover cannot do"; README "Acting on a problem").
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {demoData} from '../../helpers/demo.js';

const MARSH = 'o0006';

/** The demo after `absence change ab0002 --cover Marsh`. */
function marshCovers(): StoreData {
	const data = demoData();
	return {...data, absences: data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))};
}

describe("a cover's own overdue case on a day of the absence (QA 8 D1)", () => {
	it('is one problem, asking the inspector, with no way sending the cover to review it', () => {
		const data = marshCovers();
		const marshCases = data.cases.filter(c => c.oicId === MARSH && c.status !== 'closed').map(c => c.ref);
		for (const today of ['2026-12-10', '2026-12-14']) {
			const problems = findProblems(data, today);
			for (const ref of marshCases) {
				const reviews = problems.filter(
					p =>
						(p.kind === 'review-overdue' || p.kind === 'review-needs-independent-supervisor') &&
						p.subject.type === 'case' &&
						p.subject.ref === ref,
				);
				expect(reviews.length, `${ref} on ${today}`).toBeLessThanOrEqual(1);
			}
			const p = problems.find(x => x.kind === 'review-overdue' && x.subject.type === 'case' && x.subject.ref === 'CR/61882/26');
			expect(p, today).toBeDefined();
			expect(p!.message).toMatch(/^Review overdue \(due 01 Dec\) needs an independent supervisor from 10 Dec: DC Marsh holds this case/);
			expect(p!.action).toBe("Ask DI Okafor (the team's inspector) to review this case now; DC Marsh cannot review a case they hold.");
			expect(p!.severity).toBe('red');
			const review = p!.resolve!.find(w => w.way === 'review')!;
			expect(review.label).toMatch(/^DI Okafor reviews the case/);
			for (const w of p!.resolve!) if (w.command) expect(w.command, w.label).toContain('--as "DI Okafor"');
		}
	});

	it("before the absence the overdue review stays the sergeant's plain review-overdue", () => {
		const p = findProblems(marshCovers(), '2026-12-09').find(
			x => x.kind === 'review-overdue' && x.subject.type === 'case' && x.subject.ref === 'CR/61882/26',
		)!;
		expect(p.message).toMatch(/^Review due 01 Dec: 8 days overdue/);
		expect(p.resolve!.find(w => w.way === 'review')!.label).toBe('Review the case and set the plan for the next 14 days (guided review)');
	});
});
