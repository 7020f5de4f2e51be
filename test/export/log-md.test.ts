import {describe, expect, it} from 'vitest';
import type {Problem} from '../../source/domain/problem.js';
import {buildLogDocument} from '../../source/domain/review-log/document.js';
import {defaultPeriod} from '../../source/domain/review-log/period.js';
import {logMarkdown} from '../../source/export/log-md.js';
import {escapeMarkdown, mdTableCell} from '../../source/export/markdown.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {hostileData, loadDemo} from '../domain/review-log/hostile-store.js';
import {quietTrigger as quiet} from '../helpers/quiet-trigger.js';

describe('markdown escaping', () => {
	it('makes link, emphasis, HTML, code, table and heading syntax literal', () => {
		expect(escapeMarkdown('[x](http://e) *b* _i_ `c` <img src=x> a|b ~~s~~ &amp; #h \\')).toBe(
			// The shared escaper also shows bare URLs as code spans: GFM would otherwise autolink them.
			'\\[x\\](`http://e`) \\*b\\* \\_i\\_ \\`c\\` \\<img src=x\\> a\\|b \\~\\~s\\~\\~ \\&amp; \\#h \\\\',
		);
		expect(escapeMarkdown('- item')).toBe('\\- item');
		expect(escapeMarkdown('+ item')).toBe('\\+ item');
		expect(escapeMarkdown('12. item')).toBe('12\\. item');
		expect(escapeMarkdown('Iqbal-Świątek 3.5')).toBe('Iqbal-Świątek 3.5');
	});
	it('keeps a table cell on one line with no raw controls', () => {
		expect(mdTableCell('a|b\nc\u001b[31m')).toBe('a\\|b\u240ac');
		expect(mdTableCell('')).toBe(' ');
	});
});

describe('logMarkdown', () => {
	const period = defaultPeriod(DEMO_TODAY);

	it('puts exceptions first and totals after, with the chain head', () => {
		const data = loadDemo();
		const doc = buildLogDocument(data, {period, today: DEMO_TODAY}, {problems: [], trigger: quiet});
		const md = logMarkdown(doc);
		const head = `${data.chain.at(-1)!.seq}:${data.chain.at(-1)!.hash}`;
		expect(md).toContain(`fortnight verify --head ${head}`);
		expect(md.indexOf('## Exceptions')).toBeGreaterThan(0);
		expect(md.indexOf('## Totals')).toBeGreaterThan(md.indexOf('## Exceptions'));
		expect(md).toContain('### DS Tom Brennan (o0002)');
		expect(md).toMatch(/#### Late reviews \(\d+\)/);
		expect(md).toMatch(/\| DS Tom Brennan \(o0002\) \| \d+ \| \d+ \| \d+ \| \d+% \|/);
		// One date style in documents (issue 21 item 8): "04 Dec 2026", never ISO outside a command to type.
		expect(md).toContain('Period 03 Nov 2026 to 30 Nov 2026; open exceptions as of 30 Nov 2026.');
		expect(md.replace(/`[^`]*`/g, '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
	});

	it('shows each kind of exception under its heading, and omits kinds that did not occur', () => {
		const data = loadDemo();
		const ref = data.cases.find(c => c.oicId === 'o0003')!.ref;
		const p = (kind: Problem['kind'], severity: Problem['severity'], subject: Problem['subject']): Problem => ({
			id: kind,
			kind,
			severity,
			subject,
			message: `${kind} for ${ref}`,
			action: '',
			evidence: [],
			since: '2026-11-01',
		});
		const problems = [
			p('bail-lapsed', 'critical', {type: 'case', ref, officerId: 'o0003'}),
			p('forensic-wait', 'red', {type: 'case', ref, officerId: 'o0003'}),
		];
		const trigger = (id: string) => (id === 'o0003' ? {...quiet(id), fired: true, firstFired: '2026-11-10'} : quiet(id));
		const md = logMarkdown(buildLogDocument(data, {period, today: DEMO_TODAY}, {problems, trigger}));
		expect(md).toContain('#### Lapsed or lapsing bail (1)');
		expect(md).toContain('#### Forensic waits of 120 days or more (1)');
		expect(md).toMatch(
			/#### Unresolved performance triggers \(1\)\n\n.*\n.*\n\| DC Sam Ashworth \| 10 Nov 2026 \| 20 days \| no decision recorded \|/,
		);
		expect(md).not.toContain('#### Stalled actions');
		expect(md).not.toContain('#### Span of control');
	});

	it('escapes hostile names and references', () => {
		const md = logMarkdown(buildLogDocument(hostileData().data, {period, today: DEMO_TODAY}, {problems: [], trigger: quiet}));
		expect(md).not.toMatch(/\u001b|\u0007|\u202e/);
		expect(md).toContain('DC Sam "The Ash" Ashworth, Jr.');
		// Every row of a table has as many unescaped pipes as its header: no cell broke out of its column.
		let expected: number | null = null;
		let rows = 0;
		for (const line of md.split('\n')) {
			if (!line.startsWith('| ')) {
				expected = null;
				continue;
			}
			const pipes = line.replace(/\\\|/g, '').split('|').length;
			expected ??= pipes;
			expect(pipes, line).toBe(expected);
			rows++;
		}
		expect(rows).toBeGreaterThan(10);
	});
});
