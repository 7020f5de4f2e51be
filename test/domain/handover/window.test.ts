import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bailClock} from '../../../source/domain/bail.js';
import {isLive} from '../../../source/domain/case-facts.js';
import {addDays} from '../../../source/domain/dates.js';
import {renderHandoverMarkdown, longDate} from '../../../source/export/handover-md.js';
import {DEMO_TODAY, demoData, handoverOf} from './fixtures.js';

const data = demoData();

/** Every bail return, bail period end and review due date of a live case, worked out independently. */
function expectedDates(): {ref: string; kind: string; date: string}[] {
	const out: {ref: string; kind: string; date: string}[] = [];
	for (const c of data.cases) {
		if (!isLive(c)) continue;
		out.push({ref: c.ref, kind: 'review-due', date: c.nextReviewDue});
		const clock = bailClock(c.bail, DEMO_TODAY);
		if (clock) {
			out.push({ref: c.ref, kind: 'bail-return', date: clock.returnDate});
			out.push({ref: c.ref, kind: 'bail-period-end', date: clock.periodEnd});
		}
	}
	return out;
}

function section(md: string, heading: string): string {
	const start = md.indexOf(`## ${heading}`);
	if (start === -1) return '';
	const next = md.indexOf('\n## ', start + 1);
	return md.slice(start, next === -1 ? undefined : next);
}

describe('In your window, by date', () => {
	const all = expectedDates();

	it('the demo has bail dates and review dates on both sides of the windows tried below', () => {
		expect(all.filter(d => d.kind === 'bail-return').length).toBeGreaterThanOrEqual(4);
		expect(all.some(d => d.date < '2026-11-30')).toBe(true);
		expect(all.some(d => d.date > '2026-12-31')).toBe(true);
	});

	it('holds every bail and review date inside the window and none outside (property, many windows)', () => {
		fc.assert(
			fc.property(fc.integer({min: -40, max: 60}), fc.integer({min: 0, max: 45}), (startOffset, length) => {
				const from = addDays(DEMO_TODAY, startOffset);
				const to = addDays(from, length);
				const h = handoverOf(data, {from, to});
				const got = new Set(h.inWindow.filter(i => ['review-due', 'bail-return', 'bail-period-end'].includes(i.kind)).map(i => `${i.caseRef}|${i.kind}|${i.date}`));
				const want = new Set(all.filter(d => d.date >= from && d.date <= to).map(d => `${d.ref}|${d.kind}|${d.date}`));
				expect([...got].sort()).toEqual([...want].sort());
				for (const i of h.inWindow) {
					expect(i.date >= from && i.date <= to, `${i.kind} ${i.date} outside ${from}..${to}`).toBe(true);
				}
				// The Markdown says the same: one dated line per item, no line dated outside the window.
				const md = section(renderHandoverMarkdown(h), 'In your window');
				const lines = md.split('\n');
				for (const d of all) {
					const line = lines.some(l => l.startsWith(`- **${longDate(d.date)}**`) && l.includes(d.ref));
					const inside = d.date >= from && d.date <= to;
					if (inside) expect(line, `${d.kind} ${d.ref} ${d.date} missing from ${from}..${to}`).toBe(true);
				}
				const dated = [...md.matchAll(/^- \*\*\w{3} (\d{2}) (\w{3}) (\d{4})\*\*/gm)];
				expect(dated.length).toBe(h.inWindow.length);
				const items = new Set(h.inWindow.map(i => longDate(i.date)));
				for (const m of dated) expect(items.has(m[0].slice(4, -2))).toBe(true);
			}),
			{numRuns: 40, seed: 20261130},
		);
	});

	it('keeps items already past due before the window out of it but lists them apart', () => {
		const h = handoverOf(data, {from: '2026-12-05', to: '2026-12-18'});
		expect(h.inWindow.every(i => i.date >= '2026-12-05')).toBe(true);
		expect(h.alreadyDue.length).toBeGreaterThan(0);
		expect(h.alreadyDue.every(i => i.date < '2026-12-05')).toBe(true);
		// A court date or an absence start in the past is history, not something outstanding.
		expect(h.alreadyDue.some(i => i.kind === 'court-date' || i.kind === 'absence-start')).toBe(false);
	});

	it("gives bail period ends the authority for the next extension and the last day to ask", () => {
		const h = handoverOf(data);
		const end = h.inWindow.find(i => i.kind === 'bail-period-end' && i.caseRef === 'CR/87204/26');
		expect(end).toMatchObject({date: '2026-12-11', authority: 'an inspector', actBy: '2026-12-11'});
		const ret = h.inWindow.find(i => i.kind === 'bail-return' && i.caseRef === 'CR/87204/26');
		expect(ret?.date).toBe('2026-12-02');
		// DC Ashworth is off sick over his suspect's bail return: the line says so.
		expect(ret?.detail).toContain('OIC on sick leave that day, no cover named');
		// And over a CPS decision due on another of his cases: a decision nobody is there to take.
		expect(h.inWindow.find(i => i.kind === 'cps-due' && i.caseRef === 'CR/84507/26')?.detail).toBe('MG3 submitted. OIC on sick leave that day, no cover named.');
	});

	it('a lapsed bail period listed as already due says it can no longer be extended, never "apply by" (QA P3-17)', () => {
		const h = handoverOf(data);
		const end = h.alreadyDue.find(i => i.kind === 'bail-period-end' && i.caseRef === 'CR/54818/26')!;
		expect(end.date).toBe('2026-11-27');
		expect(end.detail).toBe('The bail period ended 27 Nov and can no longer be extended: find out what happened and record how bail ended (charge, RUI or NFA).');
		expect(end).toMatchObject({authority: null, actBy: null});
		const ret = h.alreadyDue.find(i => i.kind === 'bail-return' && i.caseRef === 'CR/54818/26')!;
		expect(ret.detail).not.toMatch(/extension needs|apply by/);
		expect(ret.detail).toContain('can no longer be extended');
		// A period still running keeps its authority and last day (the case above, CR/87204/26).
		expect(h.inWindow.find(i => i.kind === 'bail-period-end' && i.caseRef === 'CR/87204/26')?.detail).toContain('Extension needs an inspector; apply by 11 Dec');
	});

	it('a return date passed with the period still running says to find out what happened (QA P3-17)', () => {
		const d = demoData();
		const c = d.cases.find(x => x.ref === 'CR/87204/26')!;
		const h = handoverOf(d, {today: '2026-12-04', from: '2026-12-04', to: '2026-12-17'});
		const ret = h.alreadyDue.find(i => i.kind === 'bail-return' && i.caseRef === c.ref)!;
		expect(ret.date).toBe('2026-12-02');
		expect(ret.detail).toMatch(/^Return date passed with no record of the suspect answering bail: find out today what happened\. Bail period ends 11 Dec; a further extension needs an inspector before then\./);
	});

	it('lists absences starting and ending in the window with their cover', () => {
		const h = handoverOf(data);
		const start = h.inWindow.find(i => i.kind === 'absence-start' && i.officerId === 'o0007');
		expect(start).toMatchObject({date: '2026-12-03', coverName: 'DC Amira Shah'});
		expect(h.inWindow.find(i => i.kind === 'absence-end' && i.officerId === 'o0007')?.date).toBe('2026-12-12');
		expect(h.inWindow.find(i => i.kind === 'absence-start' && i.officerId === 'o0002')?.date).toBe('2026-12-10');
	});
});
