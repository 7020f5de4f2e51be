/** Builds the HTML report in process, as `fortnight log --format html` does, and walks its parsed tree. */
import {parse} from 'parse5';
import type {DefaultTreeAdapterMap} from 'parse5';
import type {StoreData} from '../../source/domain/model.js';
import {buildLogDocument, type LogDocument} from '../../source/domain/review-log/document.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {triggerFor} from '../../source/domain/rules/performance.js';
import {buildSupervisionTrends, defaultTrendPeriod, type SupervisionTrends} from '../../source/domain/supervision-trends/index.js';
import {logHtml} from '../../source/export/log-html.js';
import {DEMO_TODAY} from './cli.js';
import {hostileStore} from './hostile-store.js';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

export function htmlReport(
	data: StoreData,
	today = DEMO_TODAY,
	period = defaultTrendPeriod(today),
	sergeantId: string | null = null,
): {html: string; doc: LogDocument; trends: SupervisionTrends} {
	const rules = {problems: findProblems(data, today), trigger: (id: string) => triggerFor(data, id, today)};
	const doc = buildLogDocument(data, {period, today, sergeantId}, rules);
	const trends = buildSupervisionTrends(data, {period, today, trigger: rules.trigger});
	return {html: logHtml({doc, trends, checkInDays: data.settings.welfareCheckInDays}), doc, trends};
}

/** Every element of the parsed document, in document order. */
export function elements(html: string): Element[] {
	const out: Element[] = [];
	const walk = (n: Node) => {
		if ('tagName' in n) out.push(n);
		const kids = 'content' in n && n.content ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
		for (const c of kids) walk(c as Node);
	};
	walk(parse(html) as Node);
	return out;
}

/** The text inside an element (its text nodes, in order). */
export function textOf(el: Element): string {
	let s = '';
	const walk = (n: Node) => {
		if (n.nodeName === '#text') s += (n as DefaultTreeAdapterMap['textNode']).value;
		if ('childNodes' in n) for (const c of n.childNodes) walk(c as Node);
	};
	walk(el);
	return s;
}

export const attr = (el: Element, name: string): string | undefined => el.attrs.find(a => a.name === name)?.value;

/** HTML payloads on top of the terminal ones: markup, handlers, links and URLs in names and the team's name. */
export const HTML_PAYLOADS = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'\'><a href="http://evil.example/">click</a>',
	'javascript:alert(document.domain)',
	'</style><style>body{background:url(http://evil.example/x.png)}</style>',
	'<svg onload=alert(1)><use href="data:image/svg+xml,x"/>',
	'<!-- <iframe src=//evil.example>',
	'<base href="http://evil.example/"><link rel=stylesheet href=//evil.example/a.css>',
	'<meta http-equiv="refresh" content="0;url=http://evil.example">',
	'&lt;b&gt; &amp; ]]> {{x}}',
];

/** The terminal-hostile store (every text field) with HTML payloads in the officers' and team's names and the concerns. */
export function htmlHostile(): StoreData {
	const {data} = hostileStore();
	const officers = data.officers.map((o, i) => ({...o, name: `${HTML_PAYLOADS[i % HTML_PAYLOADS.length]}${o.name}`.slice(0, 120)}));
	const concerns = data.concerns.map((c, i) => ({...c, text: HTML_PAYLOADS[i % HTML_PAYLOADS.length]!}));
	return {...data, team: {...data.team, name: HTML_PAYLOADS[0]! + HTML_PAYLOADS[3]}, officers, concerns};
}
