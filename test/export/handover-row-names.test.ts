/**
 * QA 6 R6: a by-date row of the handover's Markdown where the OIC and an action's owner differ named both
 * side by side ("**CR/32449/23** DC Ashworth DC Marsh: Review: ..."), reading as one person: each is
 * labelled with what they are to the case. A row about one officer keeps the bare name.
 */
import {describe, expect, it} from 'vitest';
import {renderHandoverMarkdown} from '../../source/export/handover-md.js';
import {demoData, handoverOf} from '../domain/handover/fixtures.js';

describe('handover rows name the OIC and the action owner apart', () => {
	it('labels two officers on one case and day; one officer stays a bare name', () => {
		const data = demoData();
		const c = data.cases.find(x => x.ref === 'CR/32449/23')!;
		const marsh = data.officers.find(o => o.name.endsWith('Marsh'))!;
		expect(c.oicId).not.toBe(marsh.id);
		const due = c.nextReviewDue!;
		const open = c.actions.filter(a => a.status !== 'done');
		expect(open.length).toBeGreaterThan(1);
		open[0]!.ownerId = marsh.id;
		open[0]!.due = due;
		const md = renderHandoverMarkdown(handoverOf(data, {to: '2026-12-20'}));
		const row = md.split('\n').find(l => l.includes('**CR/32449/23**') && l.includes('Review:'))!;
		expect(row).toContain('**CR/32449/23** OIC DC Ashworth, action owner DC Marsh: Review:');
		expect(md).not.toMatch(/DC Ashworth DC Marsh/);
		// Another case's row, all about its OIC: the name alone, as before.
		expect(md).toMatch(/\*\*CR\/\d+\/\d+\*\* DC [A-Z][a-z]+: Review:/);
	});
});
