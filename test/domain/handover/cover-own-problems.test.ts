/**
 * The handover's "Not for the cover" section listed only the cover's dated items (reviews of cases she
 * holds, her action plan and check-in). Her psychological screening and tenure review due, and an
 * undecided performance trigger about her, were amber on the day of writing and listed nowhere as hers
 * to hand on: she may not act on them about herself (DOMAIN "People and permissions"). Now each such
 * problem is in the section with who it goes to, in the JSON, the Markdown and the desk's Handover view.
 */
import {Value} from '@sinclair/typebox/value';
import {describe, expect, it} from 'vitest';
import {handoverCovers} from '../../../source/domain/handover/build.js';
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

/** DC Marsh named as cover of DS Brennan's sick leave from 10 Dec (ab0002), as QA 6 did. */
function marshCovers(data = demoData()): StoreData {
	return {...data, absences: data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))};
}

/** Two supervisor concerns about DC Marsh within 60 days: her performance trigger fires, and nobody has decided it. */
function withTriggerOnMarsh(data: StoreData): StoreData {
	const concern = (id: string, date: string) => ({
		id,
		officerId: MARSH,
		date,
		by: 'o0002',
		text: 'Missed an agreed file date.',
		caseRef: null,
	});
	return {...data, concerns: [...data.concerns, concern('c-marsh-1', '2026-11-20'), concern('c-marsh-2', '2026-11-27')]};
}

function handover(data: StoreData) {
	return handoverOf(data, {from: FROM, to: TO, today: TODAY, chainHead: 'empty', ...handoverCovers(data, FROM, TO, null, TODAY)});
}

describe("problems about the cover herself in the handover's 'Not for the cover'", () => {
	it('lists her screening and tenure review due (amber that day) as going to DI Okafor', () => {
		const data = marshCovers();
		const kinds = findProblems(data, TODAY)
			.filter(p => p.subject.officerId === MARSH && p.subject.type === 'officer')
			.map(p => `${p.kind} ${p.severity}`);
		expect(kinds).toEqual(expect.arrayContaining(['screening-due amber', 'tenure-review-due amber']));
		const h = handover(data);
		const own = h.coverOwnProblems.filter(p => p.caseRef === null).map(p => p.kind);
		expect(own).toEqual(expect.arrayContaining(['screening-due', 'tenure-review-due']));
		// Neither is among the decisions (amber), so this section is the only place that says they are not hers.
		expect(h.decisions.some(d => d.officerId === MARSH && (d.kind === 'screening-due' || d.kind === 'tenure-review-due'))).toBe(false);
		for (const p of h.coverOwnProblems) {
			expect(p.officerId).toBe(MARSH);
			expect(p.goesToName).toBe('DI Rachel Okafor');
			expect(p.goesToId).toBe('o0001');
			expect(p.coverFrom).toBe(FROM);
		}
		const screening = h.coverOwnProblems.find(p => p.kind === 'screening-due')!;
		expect(screening.resolve.map(r => r.way)).toEqual(['welfare-record']);
		// Distances from the day of writing are taken out, as for decisions (the cover reads it later).
		expect(screening.message).not.toMatch(/\d+ days? overdue/);
	});

	it('lists an undecided performance trigger about her, and the bail of a case she holds', () => {
		const h = handover(withTriggerOnMarsh(marshCovers()));
		const trigger = h.coverOwnProblems.find(p => p.kind === 'performance-trigger');
		expect(trigger).toMatchObject({officerId: MARSH, caseRef: null, severity: 'amber', goesToName: 'DI Rachel Okafor'});
		expect(trigger!.resolve.some(r => r.way === 'performance-decision')).toBe(true);
		const bail = h.coverOwnProblems.find(p => p.kind === 'bail-due');
		expect(bail?.caseRef).toBe('CR/92431/22');
		// Red that day, it is among the decisions too, which say it is not the cover's to do.
		expect(bail?.severity).toBe('red');
		const decision = renderHandoverMarkdown(h)
			.split('\n')
			.find(l => l.startsWith('   What to do: Plan the bail return now') && l.includes('CR/92431/22'))!;
		expect(decision).toContain(
			'DC Helen Marsh may not act on CR/92431/22, a case they hold, while covering (from 10 Dec 2026): it goes to DI Rachel Okafor.',
		);
	});

	it('lists exactly her screening, tenure review and the bail of her case on the day of writing', () => {
		expect(handover(marshCovers()).coverOwnProblems.map(p => `${p.kind} ${p.caseRef ?? ''}`)).toEqual([
			'bail-due CR/92431/22',
			'screening-due ',
			'tenure-review-due ',
		]);
	});

	it('leaves out what she may do (imports) and what the dated items already say (reviews, check-in)', () => {
		const h = handover(marshCovers());
		const kinds = h.coverOwnProblems.map(p => p.kind);
		// A forensic result or crime-report update is cleared by an import: her own work, not a supervisor's act.
		expect(kinds).not.toContain('forensic-wait');
		expect(kinds).not.toContain('crime-report-not-updated');
		// Her overdue review and check-in are marked dated items already (cover-cannot.ts): said once.
		expect(kinds).not.toContain('review-overdue');
		expect(kinds).not.toContain('welfare-check-in-due');
		// No problem about anyone else.
		expect(h.coverOwnProblems.every(p => p.officerId === MARSH)).toBe(true);
	});

	it('says them under "Not for the cover" in the Markdown, the desk view, and the JSON keeps to its schema', () => {
		const h = handover(withTriggerOnMarsh(marshCovers()));
		const n = 9 + h.coverOwnProblems.length;
		const md = renderHandoverMarkdown(h);
		const section = md.split('\n## ').find(s => s.startsWith('Not for the cover'))!;
		expect(section).toMatch(new RegExp(`^Not for the cover: goes to DI Rachel Okafor \\(${n}\\)`));
		expect(section).toContain('AMBER on 04 Dec 2026, DC Marsh: Psychological screening for DC Marsh due');
		expect(section).toContain(
			'DC Helen Marsh may not act on this about themselves while covering (from 10 Dec 2026): it goes to DI Rachel Okafor.',
		);
		expect(section).toContain('Performance trigger for DC Marsh');
		expect(section).toContain('DC Helen Marsh may not act on CR/92431/22, a case they hold, while covering');
		const lines = handoverLines(h).map(l => l.text);
		const at = lines.indexOf(`NOT FOR THE COVER: GOES TO DI RACHEL OKAFOR (${n})`);
		expect(at).toBeGreaterThan(-1);
		const desk = lines.slice(at + 1, lines.indexOf('', at));
		expect(desk.some(l => l.startsWith('  AMBER DC Helen Marsh: Psychological screening'))).toBe(true);
		expect(desk.some(l => l.startsWith('  AMBER DC Helen Marsh: Performance trigger'))).toBe(true);
		expect(desk.filter(l => l.includes('may not act on this about themselves while covering')).length).toBeGreaterThanOrEqual(3);
		// The red one among the decisions says so there too.
		expect(lines.some(l => l.startsWith('    What to do: Plan the bail return now') && l.includes('may not act on CR/92431/22'))).toBe(
			true,
		);
		const doc = JSON.parse(renderHandoverJson(h)) as {coverOwnProblems: unknown[]};
		expect([...Value.Errors(HandoverSchema, doc)].map(e => `${e.path} ${e.message}`)).toEqual([]);
		expect(doc.coverOwnProblems.length).toBe(h.coverOwnProblems.length);
	});

	it('is empty with no cover who holds cases (nobody named, or the inspector)', () => {
		const data = withTriggerOnMarsh(demoData());
		expect(handover(data).coverOwnProblems).toEqual([]);
		const okafor = handoverOf(data, {from: FROM, to: TO, today: TODAY, cover: {name: 'DI Rachel Okafor', officerId: 'o0001'}});
		expect(okafor.coverOwnProblems).toEqual([]);
	});
});
