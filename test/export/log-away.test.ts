/**
 * QA 8 D4 in every renderer of the exception report: each sergeant's section says the days they were
 * away (reason category only), who covered which days or "nobody", who signed each late review, and for
 * late and missed reviews whether the sergeant was away on the day they fell due and who covered it.
 */
import {Ajv} from 'ajv';
import addFormats from 'ajv-formats';
import {describe, expect, it} from 'vitest';
import {buildLogDocument} from '../../source/domain/review-log/document.js';
import {logMarkdown} from '../../source/export/log-md.js';
import {logHtml} from '../../source/export/log-html.js';
import {logJson, LogJsonSchema} from '../../source/export/log-json.js';
import {logSummaryTable} from '../../source/ui/log-summary/log-summary-table.js';
import {buildSupervisionTrends} from '../../source/domain/supervision-trends/index.js';
import {awayStore, AWAY_PERIOD, AWAY_TODAY, quietTrigger} from '../domain/review-log/away-store.js';
import {elements, textOf} from '../helpers/html-report.js';

const {data, coverSeq} = awayStore();
const doc = buildLogDocument(data, {period: AWAY_PERIOD, today: AWAY_TODAY}, {problems: [], trigger: quietTrigger});
const section = (text: string, heading: string) => {
	const at = text.indexOf(heading);
	expect(at, heading).toBeGreaterThanOrEqual(0);
	const next = text.indexOf('\n#### ', at + 1);
	return text.slice(at, next === -1 ? undefined : next);
};

describe('the sergeant away, in the Markdown report', () => {
	const md = logMarkdown(doc);
	it('gives the absence, its reason category and who covered which days, before the late reviews', () => {
		const away = section(md, '#### Sergeant away in the period (1)');
		expect(away).toContain(
			'| ab0002 | 10 Dec 2026 to 04 Feb 2027 | sick | DC Helen Marsh 10 Dec 2026 to 11 Dec 2026; nobody 12 Dec 2026; DC Amira Shah 13 Dec 2026 to 14 Dec 2026 |',
		);
		expect(md.indexOf('#### Sergeant away')).toBeLessThan(md.indexOf('#### Late reviews'));
	});
	it('names who signed each late review and the cover of its due date', () => {
		const late = section(md, '#### Late reviews');
		expect(late).toContain('| Case | Officer | Due | Sergeant on the due date | Signed | Signed by | Late by | Entry |');
		expect(late).toMatch(
			new RegExp(`\\| 10 Dec 2026 \\| away, cover DC Helen Marsh \\| 13 Dec 2026 \\| DC Amira Shah \\| 3 days \\| ${coverSeq} \\|`),
		);
		expect(late).toMatch(/\| at work \| \d\d \w{3} 2026 \| DS Tom Brennan \|/);
	});
	it("marks missed reviews that fell due on the sergeant's days away with that day's cover, or no cover", () => {
		const missed = section(md, '#### Cases not reviewed in the period');
		expect(missed).toMatch(/\| 10 Dec 2026 \| away, cover DC Helen Marsh \|/);
		expect(missed).toMatch(/\| 12 Dec 2026 \| away, no cover \|/);
		expect(missed).toMatch(/\| 0[1-9] Dec 2026 \| at work \|/);
	});
});

describe('the sergeant away, in the HTML report', () => {
	const trends = buildSupervisionTrends(data, {period: AWAY_PERIOD, today: AWAY_TODAY, trigger: quietTrigger});
	const html = logHtml({doc, trends, checkInDays: data.settings.welfareCheckInDays});
	const tables = elements(html).filter(e => e.tagName === 'table');
	const titled = (title: string) => tables.find(t => textOf(t).includes(title))!;
	it('has the absence table and a Signed by column with the cover', () => {
		const away = textOf(titled('Sergeant away in the period (1)'));
		expect(away).toContain('DC Helen Marsh 2026-12-10 to 2026-12-11; nobody 2026-12-12; DC Amira Shah 2026-12-13 to 2026-12-14');
		expect(away).toContain('sick');
		const late = textOf(titled('Late reviews'));
		expect(late).toContain('Signed by');
		expect(late).toContain('DC Amira Shah');
		expect(late).toContain('away, cover DC Helen Marsh');
		expect(textOf(titled('Cases not reviewed in the period'))).toContain('away, no cover');
	});
});

describe('the sergeant away, in --format table and JSON', () => {
	it('table: the absence with each cover, the missed count while away, and each late review with who signed it', () => {
		const text = logSummaryTable(doc);
		expect(text).toContain('DS Tom Brennan away 2026-12-10 to 2027-02-04 (sick, ab0002)');
		expect(text).toContain('  covered by DC Helen Marsh 2026-12-10 to 2026-12-11');
		expect(text).toContain('  covered by nobody 2026-12-12');
		expect(text).toMatch(/ {2}missed reviews that fell due while away: \d+ of \d+ \(no cover: [1-9]\d*\)/);
		expect(text).toContain('    signed 2026-12-13 by DC Amira Shah; sergeant away, cover DC Helen Marsh');
		for (const line of text.split('\n'))
			if (!line.includes('verify --head') && !line.startsWith('Review chain head')) expect(line.length, line).toBeLessThanOrEqual(80);
	});
	it('JSON: the absences and the marks validate against the published schema', () => {
		const ajv = new Ajv({strict: true, allErrors: true});
		addFormats.default(ajv);
		const validate = ajv.compile(LogJsonSchema);
		const parsed = JSON.parse(logJson(doc));
		expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
		const s = parsed.exceptions.sergeants[0];
		expect(s.absences[0].covers.map((c: {cover: string | null}) => c.cover)).toEqual(['DC Helen Marsh', null, 'DC Amira Shah']);
		expect(s.lateReviews.find((r: {seq: number}) => r.seq === coverSeq)).toMatchObject({
			reviewer: 'DC Amira Shah',
			dueWhileAway: {cover: 'DC Helen Marsh'},
		});
	});
});

// QA 9 D3 and D8 in every renderer: a missed review of a case the cover held is marked as the inspector's,
// and the Totals' "No cover" is the same figure, by its definition, in Markdown, HTML, JSON and table.
describe("the cover's own case and the No cover figure, in every format", () => {
	// As the QA steps: CR/42765/26 (next review 11 Dec, a DC Marsh day) moved to DC Marsh.
	const moved = {...data, cases: data.cases.map(c => (c.ref === 'CR/42765/26' ? {...c, oicId: 'o0006'} : c))};
	const d = buildLogDocument(moved, {period: AWAY_PERIOD, today: AWAY_TODAY}, {problems: [], trigger: quietTrigger});
	const mark = "away; DC Helen Marsh holds it: DI Rachel Okafor's";
	it('Markdown: the mark says whose review it was; the Totals give No cover 1', () => {
		const md = logMarkdown(d);
		expect(section(md, '#### Cases not reviewed in the period')).toContain(`| CR/42765/26 | DC Helen Marsh | 11 Dec 2026 | ${mark} |`);
		const headers = md
			.split('\n')
			.find(l => l.startsWith('| Sergeant | Reviews due'))!
			.split('|');
		const row = md
			.split('\n')
			.find(l => l.startsWith('| DS Tom Brennan (o0002) |'))!
			.split('|');
		expect(row[headers.findIndex(h => h.trim() === 'No cover')]!.trim()).toBe('1');
	});
	it('HTML: the same mark and the same figure', () => {
		const trends = buildSupervisionTrends(moved, {period: AWAY_PERIOD, today: AWAY_TODAY, trigger: quietTrigger});
		const html = logHtml({doc: d, trends, checkInDays: moved.settings.welfareCheckInDays});
		const tables = elements(html).filter(e => e.tagName === 'table');
		expect(textOf(tables.find(t => textOf(t).includes('Cases not reviewed in the period'))!)).toContain(mark);
		expect(d.report.sergeants[0]!.totals.noCover).toBe(1);
	});
	it('JSON: dueWhileAway keeps the cover and adds whose review it was; totals.noCover 1; valid against the schema', () => {
		const ajv = new Ajv({strict: true, allErrors: true});
		addFormats.default(ajv);
		const validate = ajv.compile(LogJsonSchema);
		const parsed = JSON.parse(logJson(d));
		expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
		const s = parsed.exceptions.sergeants[0];
		expect(s.notReviewed.find((m: {caseRef: string}) => m.caseRef === 'CR/42765/26').dueWhileAway).toEqual({
			coverId: 'o0006',
			cover: 'DC Helen Marsh',
			reviewerDueId: 'o0001',
			reviewerDue: 'DI Rachel Okafor',
			heldByCover: true,
		});
		expect(s.totals.noCover).toBe(1);
	});
	it("table: the No cover column, and how many of the missed reviews while away were the inspector's", () => {
		const text = logSummaryTable(d);
		expect(text).toContain("    of them DI Rachel Okafor's (the cover held the case): 1");
		const cells = text
			.split('\n')
			.find(l => l.startsWith('│ DS Tom Brennan'))!
			.split('│');
		const heads = text
			.split('\n')
			.find(l => l.startsWith('│ Sergeant'))!
			.split('│');
		expect(cells[heads.findIndex(h => h.trim() === 'No cover')]!.trim()).toBe('1');
		for (const line of text.split('\n'))
			if (!line.includes('verify --head') && !line.startsWith('Review chain head')) expect(line.length, line).toBeLessThanOrEqual(80);
	});
});
