import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bailClock} from '../../../source/domain/bail.js';
import {isLive} from '../../../source/domain/case-facts.js';
import {addDays} from '../../../source/domain/dates.js';
import {checkInDueByOfficer, LABELS} from '../../../source/domain/handover/dated-items.js';
import {WINDOW_KINDS, type WindowItem, type WindowKind} from '../../../source/domain/handover/schema.js';
import {ruleContext} from '../../../source/domain/rules/context.js';
import {nextVictimUpdate} from '../../../source/domain/rules/victim-updates.js';
import {renderHandoverMarkdown, longDate} from '../../../source/export/handover-md.js';
import {DEMO_TODAY, demoData, handoverOf} from './fixtures.js';

const data = demoData();

/**
 * Every dated thing the rules know about, worked out from the store here: bail returns and period ends,
 * reviews, RUI suspect updates, victim updates, open actions, CPS and court dates, forensic results,
 * action-plan reviews, welfare check-ins, absences starting and ending. Dates that stay outstanding once
 * passed are marked so, as the handover's "overdue" sections hold them.
 */
interface Dated {
	kind: WindowKind;
	/** The case's reference, or the officer's id for an item about an officer. */
	subject: string;
	date: string;
	stays: boolean;
}

function expectedDates(): Dated[] {
	const out: Dated[] = [];
	const s = data.settings;
	const push = (kind: WindowKind, subject: string, date: string | null, stays = true) => {
		if (date) out.push({kind, subject, date, stays});
	};
	for (const c of data.cases) {
		if (!isLive(c)) continue;
		push('review-due', c.ref, c.nextReviewDue);
		const clock = bailClock(c.bail, DEMO_TODAY);
		if (clock) {
			push('bail-return', c.ref, clock.returnDate);
			push('bail-period-end', c.ref, clock.periodEnd);
		}
		if (c.rui && c.rui.endedOn === null) push('rui-update-due', c.ref, addDays(c.rui.lastSuspectUpdate ?? c.rui.since, s.ruiUpdateDays));
		if (c.victim) push('victim-update-due', c.ref, nextVictimUpdate(c.victim, s, DEMO_TODAY));
		for (const a of c.actions) if (a.status === 'open' || a.status === 'in-progress') push('action-due', c.ref, a.due);
		for (const f of c.forensics) if (f.resultOn === null) push('forensic-result-expected', c.ref, f.expected);
		push('cps-due', c.ref, c.cps.cpsDueDate);
		push('court-date', c.ref, c.cps.courtDate, false);
	}
	for (const p of data.actionPlans)
		if (p.endedOn === null && p.started <= DEMO_TODAY) push('action-plan-review', p.officerId, p.reviewDate);
	for (const [id, due] of checkInDueByOfficer(ruleContext(data, DEMO_TODAY))) {
		const o = data.officers.find(x => x.id === id)!;
		if (o.role !== 'inspector') push('welfare-check-in-due', id, due);
	}
	for (const a of data.absences) {
		push('absence-start', a.officerId, a.from, false);
		push('absence-end', a.officerId, a.to, false);
	}
	return out;
}

const key = (kind: string, subject: string, date: string) => `${kind}|${subject}|${date}`;
const itemKey = (i: WindowItem) => key(i.kind, i.caseRef ?? i.officerId ?? '', i.date);

function section(md: string, heading: string): string {
	const start = md.indexOf(`## ${heading}`);
	if (start === -1) return '';
	const next = md.indexOf('\n## ', start + 1);
	return md.slice(start, next === -1 ? undefined : next);
}

/** The Markdown's days: each day an item, then one nested item per case (or officer) that day, "who: what". */
function dayLists(md: string): Map<string, string[]> {
	const days = new Map<string, string[]>();
	let rows: string[] | null = null;
	for (const line of section(md, 'In your window').split('\n')) {
		const head = /^- \*\*(\w{3} \d{2} \w{3} \d{4})\*\*$/.exec(line);
		if (head) days.set(head[1]!, (rows = []));
		else if (rows && line.startsWith('  - ')) rows.push(line.slice(4));
		else rows = null;
	}
	return days;
}

/** How a kind is named on a day's line ("Review", "**Bail return**", "Actions (3)"). */
function mdLabel(kind: WindowKind): RegExp {
	if (kind === 'action-due') return /Actions?( \(\d+\))?: /;
	const label = LABELS[kind].replace(/ due$/, '').replace(/[()]/g, m => `\\${m}`);
	return new RegExp(`(\\*\\*)?${label}(\\*\\*)?: `);
}

describe('In your window, by date', () => {
	const all = expectedDates();

	it('the demo has every dated kind, on both sides of the windows tried below', () => {
		for (const kind of WINDOW_KINDS)
			expect(
				all.some(d => d.kind === kind),
				kind,
			).toBe(true);
		expect(all.filter(d => d.kind === 'bail-return').length).toBeGreaterThanOrEqual(4);
		expect(all.some(d => d.date < '2026-11-30')).toBe(true);
		expect(all.some(d => d.date > '2026-12-31')).toBe(true);
	});

	it('holds every dated kind the rules know inside the window and none outside (property, many windows)', () => {
		const seen = new Set<WindowKind>();
		fc.assert(
			fc.property(fc.integer({min: -40, max: 60}), fc.integer({min: 0, max: 45}), (startOffset, length) => {
				const from = addDays(DEMO_TODAY, startOffset);
				const to = addDays(from, length);
				const h = handoverOf(data, {from, to});
				// Exactly the expected items (as a multiset: a case can have two actions due the same day).
				const want = all.filter(d => d.date >= from && d.date <= to).map(d => key(d.kind, d.subject, d.date));
				expect(h.inWindow.map(itemKey).sort()).toEqual(want.sort());
				for (const i of h.inWindow) {
					seen.add(i.kind);
					expect(i.date >= from && i.date <= to, `${i.kind} ${i.date} outside ${from}..${to}`).toBe(true);
				}
				// Outstanding items before the window: overdue before today, the rest apart, nothing that stays history.
				const before = all.filter(d => d.stays && d.date < from);
				expect([...h.alreadyDue, ...h.dueBeforeWindow].map(itemKey).sort()).toEqual(before.map(d => key(d.kind, d.subject, d.date)).sort());
				expect(h.alreadyDue.every(i => i.date < DEMO_TODAY && i.date < from)).toBe(true);
				expect(h.dueBeforeWindow.every(i => i.date >= DEMO_TODAY && i.date < from)).toBe(true);

				// The Markdown says the same: a list for each day with something on it, and no other day; each
				// item in its day's list, on the line of its case (or officer), under its own name.
				const tables = dayLists(renderHandoverMarkdown(h));
				expect([...tables.keys()].sort()).toEqual([...new Set(h.inWindow.map(i => longDate(i.date)))].sort());
				for (const i of h.inWindow) {
					const rows = tables.get(longDate(i.date)) ?? [];
					const who = i.caseRef
						? `**${i.caseRef}**`
						: i
								.officerName!.split(' ')
								.filter((_w, n, ws) => n === 0 || n === ws.length - 1)
								.join(' ');
					const row = rows.find(r => r.slice(0, r.indexOf(': ')).includes(who) && (i.caseRef !== null || mdLabel(i.kind).test(r)));
					expect(row, `${i.kind} ${i.caseRef ?? i.officerName} ${i.date} missing from ${from}..${to}`).toBeDefined();
					expect(mdLabel(i.kind).test(row!), `${i.kind} not named on ${row}`).toBe(true);
				}
			}),
			{numRuns: 40, seed: 20261130},
		);
		// The windows tried met every kind at least once.
		expect([...seen].sort()).toEqual([...WINDOW_KINDS].sort());
	});

	it('keeps items already past due before the window out of it but lists them apart', () => {
		const h = handoverOf(data, {from: '2026-12-05', to: '2026-12-18'});
		expect(h.inWindow.every(i => i.date >= '2026-12-05')).toBe(true);
		expect(h.alreadyDue.length).toBeGreaterThan(0);
		expect(h.alreadyDue.every(i => i.date < '2026-12-05')).toBe(true);
		// A court date or an absence start in the past is history, not something outstanding.
		expect(h.alreadyDue.some(i => i.kind === 'court-date' || i.kind === 'absence-start')).toBe(false);
	});

	it('gives bail period ends the authority for the next extension and the last day to ask', () => {
		const h = handoverOf(data);
		const end = h.inWindow.find(i => i.kind === 'bail-period-end' && i.caseRef === 'CR/87204/26');
		expect(end).toMatchObject({date: '2026-12-11', authority: 'an inspector', actBy: '2026-12-11'});
		const ret = h.inWindow.find(i => i.kind === 'bail-return' && i.caseRef === 'CR/87204/26');
		expect(ret?.date).toBe('2026-12-02');
		// DC Ashworth is off sick over his suspect's bail return: the line says so.
		expect(ret?.detail).toContain('OIC on sick leave that day, no cover named');
		// And over a CPS decision due on another of his cases: a decision nobody is there to take.
		expect(h.inWindow.find(i => i.kind === 'cps-due' && i.caseRef === 'CR/84507/26')?.detail).toBe(
			'MG3 submitted. OIC on sick leave that day, no cover named.',
		);
	});

	it('a lapsed bail period listed as already due says it can no longer be extended, never "apply by" (QA P3-17)', () => {
		const h = handoverOf(data);
		const end = h.alreadyDue.find(i => i.kind === 'bail-period-end' && i.caseRef === 'CR/54818/26')!;
		expect(end.date).toBe('2026-11-27');
		expect(end.detail).toBe(
			'The bail period ended 27 Nov and can no longer be extended: find out what happened and record how bail ended (charge, RUI or NFA).',
		);
		expect(end).toMatchObject({authority: null, actBy: null});
		const ret = h.alreadyDue.find(i => i.kind === 'bail-return' && i.caseRef === 'CR/54818/26')!;
		expect(ret.detail).not.toMatch(/extension needs|apply by/);
		expect(ret.detail).toContain('can no longer be extended');
		// A period still running keeps its authority and last day (the case above, CR/87204/26).
		expect(h.inWindow.find(i => i.kind === 'bail-period-end' && i.caseRef === 'CR/87204/26')?.detail).toContain(
			'Extension needs an inspector (DI Rachel Okafor); apply by 11 Dec',
		);
	});

	it('a return date passed with the period still running says to find out what happened (QA P3-17)', () => {
		const d = demoData();
		const c = d.cases.find(x => x.ref === 'CR/87204/26')!;
		const h = handoverOf(d, {today: '2026-12-04', from: '2026-12-04', to: '2026-12-17'});
		const ret = h.alreadyDue.find(i => i.kind === 'bail-return' && i.caseRef === c.ref)!;
		expect(ret.date).toBe('2026-12-02');
		expect(ret.detail).toMatch(
			new RegExp(
				'^Return date passed with no record of the suspect answering bail: find out today what happened\\. ' +
					'Bail period ends 11 Dec; a further extension needs an inspector \\(DI Rachel Okafor\\) before then\\.',
			),
		);
	});

	it('lists absences starting and ending in the window with their cover', () => {
		const h = handoverOf(data);
		const start = h.inWindow.find(i => i.kind === 'absence-start' && i.officerId === 'o0007');
		expect(start).toMatchObject({date: '2026-12-03', coverName: 'DC Amira Shah'});
		expect(h.inWindow.find(i => i.kind === 'absence-end' && i.officerId === 'o0007')?.date).toBe('2026-12-12');
		expect(h.inWindow.find(i => i.kind === 'absence-start' && i.officerId === 'o0002')?.date).toBe('2026-12-10');
	});
});
