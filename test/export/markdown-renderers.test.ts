/**
 * Hostile store text through real Markdown renderers (issue 21 items 7 and 8): markdown-it with linkify
 * on and raw HTML allowed (so anything left unescaped would show), and pandoc reading both its own
 * Markdown (maths, superscript, subscript, citations) and GitHub's (autolinks, emoji). Every renderer
 * must produce only the tags fortnight's own Markdown makes, and show each hostile string as its text.
 * pandoc is a Debian package: .ci/run installs it and sets FORTNIGHT_REQUIRE_PANDOC so it cannot skip there.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import MarkdownIt from 'markdown-it';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {buildLogDocument} from '../../source/domain/review-log/document.js';
import {defaultPeriod} from '../../source/domain/review-log/period.js';
import {renderHandoverMarkdown} from '../../source/export/handover-md.js';
import {logMarkdown} from '../../source/export/log-md.js';
import {DEMO_TODAY, demoData, handoverOf} from '../domain/handover/fixtures.js';
import {quietTrigger as quiet} from '../helpers/quiet-trigger.js';

const HOSTILE = [
	'Mail rachel.okafor@eastshire.police.uk or xmpp:duty@chat.example.org today',
	'Cost $x$ and $5, x^2^ and H~2~O, ask @okafor [@okafor, p. 4]',
	'See eastshire.police.uk, www.example.org, https://example.org/a_b?c=1 and mailto:a@b.uk',
	':smile: :+1: *em* _em_ **strong** ~~del~~ `code` <b>bold</b> &amp; &#60;',
	'[link](http://evil.example) ![img](http://evil.example/i.png) <http://evil.example>',
	'| table | break | and \\ backslash {#id .class} [^1] ^[note]',
	'# not a heading',
	'1. not a list',
];

function hostileStore(): StoreData {
	const data = demoData();
	const i = data.cases.findIndex(c => c.ref === 'CR/87204/26');
	const c = data.cases[i]!;
	data.cases[i] = {
		...c,
		offence: HOSTILE[0]!,
		materialLocations: HOSTILE.slice(1, 4),
		actions: HOSTILE.slice(4).map((text, n) => ({
			id: `hx${n}`,
			text,
			ownerId: c.oicId,
			due: '2026-12-05',
			status: 'open' as const,
			createdOn: '2026-11-01',
			startedOn: null,
			carriedCount: 0,
			history: [],
		})),
		forensics: [...c.forensics, {id: 'fx', item: HOSTILE[1]!, submitted: '2026-11-01', expected: '2026-12-03', resultOn: null}],
	};
	data.officers = data.officers.map(o => (o.id === c.oicId ? {...o, name: 'Sam @ash $x$ Ashworth'} : o));
	data.team = {...data.team, name: HOSTILE[2]!};
	return data;
}

/** The tags fortnight's own Markdown produces; anything else came from store text. */
const OWN_TAGS = new Set([
	'p',
	'h1',
	'h2',
	'h3',
	'h4',
	'ul',
	'ol',
	'li',
	'strong',
	'code',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'colgroup',
	'col',
	'br',
]);

function foreignTags(html: string): string[] {
	return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map(m => m[1]!.toLowerCase()).filter(t => !OWN_TAGS.has(t));
}

/** The text a reader sees: tags removed, entities decoded, white space collapsed. */
function visibleText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
const pandoc = (from: string, md: string) => execFileSync('pandoc', ['-f', from, '-t', 'html'], {input: md, encoding: 'utf8'});

const documents: [string, () => string][] = [
	['handover', () => renderHandoverMarkdown(handoverOf(hostileStore()))],
	[
		'review log',
		() =>
			logMarkdown(buildLogDocument(hostileStore(), {period: defaultPeriod(DEMO_TODAY), today: DEMO_TODAY}, {problems: [], trigger: quiet})),
	],
];

const renderers: [string, boolean, (md: string) => string][] = [
	['markdown-it (linkify on, raw HTML allowed)', true, md => new MarkdownIt({html: true, linkify: true}).render(md)],
	["pandoc's own Markdown", hasPandoc || Boolean(process.env['FORTNIGHT_REQUIRE_PANDOC']), md => pandoc('markdown', md)],
	['pandoc gfm', hasPandoc || Boolean(process.env['FORTNIGHT_REQUIRE_PANDOC']), md => pandoc('gfm', md)],
];

describe('hostile store text through real Markdown renderers', () => {
	for (const [docName, render] of documents) {
		for (const [name, present, toHtml] of renderers) {
			it.skipIf(!present)(
				`${docName}, ${name}: no link, image, HTML, maths, superscript, citation or emoji from store text; every string shown as written`,
				() => {
					const md = render();
					const html = toHtml(md);
					expect(foreignTags(html)).toEqual([]);
					expect(html).not.toMatch(/href=|src=|class="(math|citation|emoji)/);
					const text = visibleText(html);
					// The log holds the team name only; the handover every string.
					const expected = docName === 'handover' ? [...HOSTILE, 'Sam @ash $x$ Ashworth'] : [HOSTILE[2]!];
					for (const s of expected) expect(text, s).toContain(collapse(s));
				},
			);
		}
	}

	it('one readable date style: no ISO date in the handover outside code, and "Generated at" without seconds', () => {
		const md = renderHandoverMarkdown(handoverOf(demoData()));
		expect(md.replace(/`[^`]*`/g, '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
		expect(md).toContain('- Generated at: 30 Nov 2026 09:00 UTC; dates worked out for Mon 30 Nov 2026');
		expect(md).not.toMatch(/\d{2}:\d{2}:\d{2}/);
	});
});
