/**
 * The HTML report (`fortnight log --format html`): its structure on the demo (headings, table headers,
 * a title and a description in words for every chart, the chain head and how to check it), and on a
 * store whose every text field is hostile, every element and attribute of the parsed file: no script,
 * no event handler, no link, no external URL, nothing the Content-Security-Policy would have to stop.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {escapeHtml} from '../../source/export/html.js';
import {REPORT_CSP} from '../../source/export/log-html.js';
import {niceCeiling} from '../../source/export/trend-svg.js';
import {DEMO_TODAY, ROOT} from '../helpers/cli.js';
import {attr, elements, HTML_PAYLOADS, htmlHostile, htmlReport, textOf, type Element} from '../helpers/html-report.js';
import {loadDemo} from '../domain/review-log/hostile-store.js';
import {twoSergeants} from '../domain/supervision-trends/two-sergeants.js';

/** What the report is made of: nothing that fetches, links, embeds, submits or runs. */
const ALLOWED = new Set([
	'html',
	'head',
	'meta',
	'title',
	'style',
	'body',
	'main',
	'section',
	'h1',
	'h2',
	'h3',
	'h4',
	'p',
	'code',
	'strong',
	'ul',
	'li',
	'div',
	'figure',
	'figcaption',
	'table',
	'caption',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'svg',
	'desc',
	'line',
	'text',
	'rect',
	'polyline',
	'circle',
]);
/** Attributes, by name, the renderer writes; anything else (on*, href, src, style, xlink:href...) is a failure. */
const ALLOWED_ATTRS = new Set([
	'lang',
	'charset',
	'http-equiv',
	'content',
	'name',
	'class',
	'id',
	'aria-labelledby',
	'scope',
	'viewBox',
	'width',
	'height',
	'role',
	'x',
	'y',
	'x1',
	'y1',
	'x2',
	'y2',
	'cx',
	'cy',
	'r',
	'points',
	'fill',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'text-anchor',
]);

function checkEveryElement(html: string): {elements: Element[]} {
	const all = elements(html);
	for (const el of all) {
		expect(ALLOWED.has(el.tagName), `<${el.tagName}> in the report`).toBe(true);
		for (const a of el.attrs) {
			const where = `<${el.tagName} ${a.name}="${a.value}">`;
			expect(ALLOWED_ATTRS.has(a.name), `attribute ${where}`).toBe(true);
			expect(a.name.startsWith('on'), where).toBe(false);
			const value = a.value.toLowerCase();
			// The one attribute that may say "data:" is the policy itself (img-src data:).
			if (!(el.tagName === 'meta' && attr(el, 'http-equiv') === 'Content-Security-Policy' && a.name === 'content')) {
				for (const bad of ['://', 'javascript:', 'data:', 'url(', '//', 'expression('])
					expect(value.includes(bad), `${where} holds ${bad}`).toBe(false);
			}
		}
		if (el.tagName === 'meta') expect(['charset', 'name', 'http-equiv'].some(n => attr(el, n) !== undefined)).toBe(true);
		if (el.tagName === 'meta' && attr(el, 'http-equiv')) expect(attr(el, 'http-equiv')).toBe('Content-Security-Policy');
	}
	const styles = all.filter(e => e.tagName === 'style');
	expect(styles).toHaveLength(1);
	const css = textOf(styles[0]!).toLowerCase();
	for (const bad of ['url(', '@import', '://', 'expression(', 'javascript:']) expect(css.includes(bad), `style holds ${bad}`).toBe(false);
	// The policy comes before anything that could load: first in the head after the character set.
	const head = all.find(e => e.tagName === 'head')!;
	const headKids = head.childNodes.filter((n): n is Element => 'tagName' in n);
	expect(headKids.slice(0, 2).map(e => attr(e, 'charset') ?? attr(e, 'http-equiv'))).toEqual(['utf-8', 'Content-Security-Policy']);
	expect(attr(headKids[1]!, 'content')).toBe(REPORT_CSP);
	return {elements: all};
}

describe('escapeHtml', () => {
	it('escapes the five characters markup gives meaning to, and nothing else', () => {
		expect(escapeHtml(`<a href="x" title='y'>&amp;</a> Øre`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; Øre');
	});

	it('axis tops are whole grid steps that reach the largest value', () => {
		expect([0, 1, 3, 4, 5, 9, 37, 101].map(niceCeiling)).toEqual([4, 4, 4, 4, 8, 20, 40, 200]);
	});
});

describe('the HTML report on the demo', () => {
	const {html, doc, trends} = htmlReport(loadDemo());
	const all = elements(html);
	const text = (tag: string) => all.filter(e => e.tagName === tag).map(textOf);

	it('is one page with a title, one h1, its sections and the chain head with how to check it', () => {
		expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
		expect(text('title')[0]).toBe('Supervision report: POLIT: online child abuse investigation team, 2026-09-01 to 2026-11-30');
		expect(text('h1')).toEqual(['Supervision report: POLIT: online child abuse investigation team']);
		expect(text('h2')).toEqual([
			'Checking this report',
			'The period at a glance',
			'Week by week',
			'Exceptions',
			'Totals',
			'How the figures are counted',
		]);
		const head = `${doc.chainHead!.seq}:${doc.chainHead!.hash}`;
		expect(text('code')).toEqual(
			expect.arrayContaining([head, `fortnight verify --head ${head}`, 'python3 docs/audit-chain.py STORE.json']),
		);
		checkEveryElement(html);
	});

	it('every chart has a title and a description with its figures in words, and is labelled by them', () => {
		const svgs = all.filter(e => e.tagName === 'svg');
		expect(svgs).toHaveLength(2);
		for (const svg of svgs) {
			const kids = svg.childNodes.filter((n): n is Element => 'tagName' in n);
			expect(kids[0]!.tagName).toBe('title');
			expect(kids[1]!.tagName).toBe('desc');
			expect(attr(svg, 'role')).toBe('img');
			expect(attr(svg, 'aria-labelledby')).toBe(`${attr(kids[0]!, 'id')} ${attr(kids[1]!, 'id')}`);
		}
		const [reviews, triggers] = svgs.map(s => textOf(s.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'desc')!));
		// The regenerated demo's figures (issue 22 item 6: reviews on the day set, one in ten late).
		expect(reviews).toContain(
			"week 24 Nov-30 Nov: 30 reviews due: 27 done (25 on time, 2 late, median 1.5 days late), 3 missed; 6 overdue at the week's end",
		);
		expect(reviews).toContain('week 01 Sep-07 Sep: 29 reviews due: 28 done (28 on time, 0 late), 1 missed; 1 overdue');
		expect(triggers).toContain(
			"week 10 Nov-16 Nov: triggers: 1 raised, 1 decided (1 not now), 1 escalated, 1 undecided at the week's end; 0 bail lapsed",
		);
		// Every week is in the words.
		for (const w of trends.weeks) expect(reviews).toContain(`-${w.to.slice(8)} `);
	});

	it('tables have captions and column headers; the weekly table holds the charted figures', () => {
		const tables = all.filter(e => e.tagName === 'table');
		expect(tables.length).toBeGreaterThan(5);
		for (const t of tables) {
			const kids = t.childNodes.filter((n): n is Element => 'tagName' in n).map(n => n.tagName);
			expect(kids.slice(0, 3)).toEqual(['caption', 'thead', 'tbody']);
		}
		const colHeads = all.filter(e => e.tagName === 'th' && attr(e, 'scope') === 'col').length;
		expect(colHeads).toBeGreaterThan(50);
		const weekly = tables.find(t => textOf(t).trim().startsWith('DS Tom Brennan: figures by week'))!;
		const lastRow = weekly.childNodes
			.find((n): n is Element => 'tagName' in n && n.tagName === 'tbody')!
			.childNodes.filter((n): n is Element => 'tagName' in n)
			.at(-1)!;
		const cells = lastRow.childNodes.filter((n): n is Element => 'tagName' in n).map(textOf);
		expect(cells).toEqual(['24 Nov-30 Nov', '30', '27', '25', '2', '1.5', '3', '6', '0', '0', '1', '3', '0', '0', '1', '3']);
	});

	it('holds no welfare note and no welfare flag: only how many officers are due a check-in', () => {
		const notes = (JSON.parse(readFileSync(path.join(ROOT, 'data', 'demo.welfare.json'), 'utf8')) as {notes: {text: string}[]}).notes;
		for (const n of notes) expect(html).not.toContain(n.text.slice(0, 30));
		for (const flag of ['oh-referral', 'stress-risk-assessment', 'phased-return', 'screening-booked', 'OH referral'])
			expect(html).not.toContain(flag);
	});

	it('with two sergeants: the team first, then each sergeant, each with both charts', () => {
		const two = htmlReport(twoSergeants());
		const h3 = elements(two.html)
			.filter(e => e.tagName === 'h3')
			.map(textOf);
		expect(h3.slice(0, 3)).toEqual(['POLIT: online child abuse investigation team', 'DS Tom Brennan', 'DS Nadia Cole']);
		expect(elements(two.html).filter(e => e.tagName === 'svg')).toHaveLength(6);
		const one = htmlReport(twoSergeants(), DEMO_TODAY, undefined, 'o0012');
		expect(elements(one.html).filter(e => e.tagName === 'svg')).toHaveLength(2);
		expect(one.html).not.toContain('DS Tom Brennan</h3>');
	});
});

describe('the HTML report on a hostile store', () => {
	const data = htmlHostile();
	const {html} = htmlReport(data, DEMO_TODAY, {from: '2025-01-01', to: DEMO_TODAY});

	it('every element and attribute is one the renderer writes: no script, handler, link or external URL', () => {
		const {elements: all} = checkEveryElement(html);
		expect(
			all.some(e =>
				['script', 'a', 'img', 'iframe', 'link', 'base', 'object', 'embed', 'use', 'image', 'foreignobject', 'form'].includes(e.tagName),
			),
		).toBe(false);
	});

	it('the hostile text is there as text, escaped, not dropped', () => {
		const body = textOf(elements(html).find(e => e.tagName === 'body')!);
		for (const p of HTML_PAYLOADS.slice(0, 4)) expect(body).toContain(p);
		expect(textOf(elements(html).find(e => e.tagName === 'title')!)).toContain('<script>alert(1)</script>');
		// Terminal payloads arrive as the sanitiser shows them (README "Terminal safety"), never raw.
		expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
		expect(body).toContain('<U+202E>');
	});
});
