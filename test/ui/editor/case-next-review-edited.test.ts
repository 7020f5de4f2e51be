/**
 * QA 9 D7: a next review date moved later outside fortnight (a file edit) was shown in the desk's case tab as
 * the case's own ("Next review: 30 Jan 2027 (OVERDUE 6d)"). The tab gives the signed date, the one the rules
 * judge by, and says above it that the record's copy was moved (source/domain/signed-next-review.ts).
 */
import {describe, expect, it} from 'vitest';
import {shortDate} from '../../../source/domain/dates.js';
import {caseLines} from '../../../source/ui/editor/case-lines.js';
import {deskModel} from '../../../source/ui/model/desk-model.js';
import {loadDemo, OVERDUE_REF, TODAY} from '../../domain/review/fixtures.js';

describe("the case tab's next review date after an edit outside fortnight", () => {
	it('shows the signed date and says the record was moved; an unedited case shows its own date and no such line', () => {
		const data = loadDemo();
		const c = data.cases.find(x => x.ref === OVERDUE_REF)!;
		const signed = c.nextReviewDue;
		const plain = caseLines(deskModel(data, TODAY), OVERDUE_REF, 140).map(l => l.text);
		expect(plain.find(l => l.startsWith('Next review:'))).toContain(`Next review: ${shortDate(signed, TODAY)} (`);
		expect(plain.join('\n')).not.toContain('moved later outside fortnight');
		// A new snapshot, as a reload gives (the model is kept per snapshot).
		const edited = {...data, cases: data.cases.map(x => (x === c ? {...x, nextReviewDue: '2027-01-30'} : x))};
		const lines = caseLines(deskModel(edited, TODAY), OVERDUE_REF, 140).map(l => l.text);
		expect(lines.find(l => l.startsWith('Next review:'))).toContain(`Next review: ${shortDate(signed, TODAY)} (`);
		expect(lines.join(' ')).toMatch(/The case record's next review date, 30 Jan 2027, was moved later outside fortnight: entry \d+ set/);
	});
});
