/**
 * QA 6 D1: the handover DS Brennan prepares on 04 Dec for DC Marsh's cover (10-23 Dec) did not say which
 * reviews she may not do: her own cases' reviews were amber that day, so not among "Needs a decision
 * now", and the by-date entries read just "Review: Low risk". Each is now marked with who does it.
 */
import {Value} from '@sinclair/typebox/value';
import {describe, expect, it} from 'vitest';
import {handoverCovers} from '../../../source/domain/handover/build.js';
import {forSomeoneElse, INDEPENDENT_AUTHORITY} from '../../../source/domain/handover/cover-cannot.js';
import {HandoverSchema} from '../../../source/domain/handover/schema.js';
import type {StoreData} from '../../../source/domain/model.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {renderHandoverJson} from '../../../source/export/handover-json.js';
import {renderHandoverMarkdown} from '../../../source/export/handover-md.js';
import {handoverLines} from '../../../source/ui/views/handover/handover-lines.js';
import {demoData, handoverOf} from './fixtures.js';

const TODAY = '2026-12-04';
const FROM = '2026-12-10';
const TO = '2026-12-23';
const MARSH = 'o0006';

/** The demo with DC Marsh named as cover of DS Brennan's sick leave from 10 Dec (ab0002), as the QA pass did. */
function marshCovers(): StoreData {
	const data = demoData();
	return {...data, absences: data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))};
}

function handover(data: StoreData, today = TODAY) {
	return handoverOf(data, {from: FROM, to: TO, today, chainHead: 'empty', ...handoverCovers(data, FROM, TO, null, today)});
}

describe("the cover's own work in the handover", () => {
	it('marks every review of a case the cover holds, in the window or outstanding when it opens, as going to DI Okafor', () => {
		const data = marshCovers();
		const h = handover(data);
		expect(h.cover).toEqual({name: 'DC Helen Marsh', officerId: MARSH});
		const all = [...h.alreadyDue, ...h.dueBeforeWindow, ...h.inWindow];
		const marked = all.filter(forSomeoneElse);
		const reviews = marked.filter(i => i.kind === 'review-due');
		// The reviews the rules say need an independent supervisor once her cover has begun (all 8 on 10 Dec; those
		// overdue that day are their review-overdue problem in those words, one problem per case: QA 8 D1).
		const needed = findProblems(data, FROM)
			.filter(
				p =>
					p.kind === 'review-needs-independent-supervisor' || (p.kind === 'review-overdue' && p.message.includes('needs an independent')),
			)
			.map(p => (p.subject.type === 'case' ? p.subject.ref : ''));
		expect(needed.length).toBe(8);
		expect(reviews.map(i => i.caseRef).sort()).toEqual(needed.sort());
		// On 04 Dec they were amber: not among the decisions, which is why they must be said here.
		expect(h.decisions.some(d => d.kind === 'review-needs-independent-supervisor')).toBe(false);
		for (const i of marked) {
			expect(i.officerId).toBe(MARSH);
			expect(i.authority).toBe(INDEPENDENT_AUTHORITY);
			expect(i.authorityName).toBe('DI Rachel Okafor');
			expect(i.detail).toContain('it goes to DI Rachel Okafor.');
		}
		const inWindow = reviews.find(i => i.date >= FROM)!;
		expect(inWindow.detail).toBe(
			`Low risk. DC Helen Marsh holds ${inWindow.caseRef} and may not review it while covering: it goes to DI Rachel Okafor.`,
		);
		expect(inWindow.actBy).toBe(inWindow.date);
		const before = reviews.find(i => i.date < FROM)!;
		expect(before.detail).toContain('if it is still outstanding when they start covering on 10 Dec, it goes to DI Rachel Okafor.');
		expect(before.actBy).toBe(FROM);
		// Her own check-in goes the same way; nobody else's review or check-in is marked.
		expect(marked.some(i => i.kind === 'welfare-check-in-due')).toBe(true);
		expect(all.filter(i => i.officerId !== MARSH).some(forSomeoneElse)).toBe(false);
	});

	it('says them under their own heading in the Markdown, and the JSON keeps to its schema', () => {
		const h = handover(marshCovers());
		const md = renderHandoverMarkdown(h);
		const section = md.split('\n## ').find(s => s.startsWith('Not for the cover'))!;
		// 9 dated items and 3 problems about her or her cases (screening, tenure review, a bail: cover-own-problems.test.ts).
		expect(section).toMatch(/^Not for the cover: goes to DI Rachel Okafor \(12\)/);
		expect(section.match(/may not review it while covering/g)?.length).toBe(8);
		// Before the by-date list, after the decisions.
		expect(md.indexOf('## Needs a decision now')).toBeLessThan(md.indexOf('## Not for the cover'));
		expect(md.indexOf('## Not for the cover')).toBeLessThan(md.indexOf('## In your window, by date'));
		const doc = JSON.parse(renderHandoverJson(h)) as unknown;
		expect([...Value.Errors(HandoverSchema, doc)].map(e => `${e.path} ${e.message}`)).toEqual([]);
	});

	it("says them under their own heading in the desk's Handover view too, before the window's list", () => {
		const lines = handoverLines(handover(marshCovers())).map(l => l.text);
		const at = lines.indexOf('NOT FOR THE COVER: GOES TO DI RACHEL OKAFOR (12)');
		expect(at).toBeGreaterThan(lines.findIndex(l => l.startsWith('NEEDS A DECISION NOW')));
		expect(at).toBeLessThan(lines.findIndex(l => l.startsWith('IN YOUR WINDOW, BY DATE')));
		const section = lines.slice(at + 1, lines.indexOf('', at));
		expect(section.filter(l => l.includes('may not review it while covering')).length).toBe(8);
	});

	it('marks nothing when the cover holds no cases (an inspector, or nobody named)', () => {
		const data = demoData();
		const okafor = handoverOf(data, {from: FROM, to: TO, today: TODAY, cover: {name: 'DI Rachel Okafor', officerId: 'o0001'}});
		expect([...okafor.alreadyDue, ...okafor.dueBeforeWindow, ...okafor.inWindow].some(forSomeoneElse)).toBe(false);
		expect(renderHandoverMarkdown(okafor)).not.toContain('Not for the cover');
		const nobody = handover(data);
		expect(nobody.cover).toBeNull();
		expect([...nobody.inWindow, ...nobody.alreadyDue].some(forSomeoneElse)).toBe(false);
	});
});
