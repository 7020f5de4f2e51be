import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {renderHandoverJson} from '../../source/export/handover-json.js';
import {renderHandoverMarkdown} from '../../source/export/handover-md.js';
import {demoData, demoWelfareNotes, handoverOf} from '../domain/handover/fixtures.js';

const HOSTILE =
	'Grade `rm -rf /` | col <script>alert(1)</script> [x](http://x) ![i](http://x/i.png) \u001b]52;c;ZXZpbA==\u0007 \u001b[2J\u0007\u0000\u009b31m\u202e ' +
	'<img src=x onerror=alert(1)>';

function hostileStore(): StoreData {
	const data = demoData();
	const i = data.cases.findIndex(c => c.ref === 'CR/87204/26');
	const c = data.cases[i]!;
	data.cases[i] = {
		...c,
		offence: HOSTILE,
		materialLocations: [HOSTILE, '# not a heading'],
		actions: [
			...c.actions,
			{
				id: 'hx',
				text: HOSTILE,
				ownerId: c.oicId,
				due: '2026-12-05',
				status: 'open',
				createdOn: '2026-11-01',
				startedOn: null,
				carriedCount: 0,
				history: [],
			},
		],
		bail: c.bail ? {...c.bail, suspect: '<b>X'} : null,
		forensics: [...c.forensics, {id: 'fx', item: HOSTILE, submitted: '2026-11-01', expected: '2026-12-03', resultOn: null}],
	};
	data.officers = data.officers.map(o => (o.id === c.oicId ? {...o, name: 'Sam `Ash|worth` <i>x</i>'} : o));
	data.team = {...data.team, name: '# Team [pwn](http://x)'};
	return data;
}

describe('handover escaping of hostile store text', () => {
	const h = handoverOf(hostileStore());
	const md = renderHandoverMarkdown(h);

	it('Markdown carries no raw HTML, link, image, code span or escape sequence from store text', () => {
		expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		expect(md).not.toMatch(/(?<!\\)<(script|img|b|i)\b/);
		expect(md).not.toMatch(/(?<!\\)\]\(/);
		expect(md).not.toContain('\u202e');
		// Every backtick from the store is escaped: the only unescaped ones are fortnight's own code spans.
		for (const line of md.split('\n')) {
			const bare = [...line.matchAll(/(?<!\\)`/g)].length;
			expect(bare % 2, line).toBe(0);
		}
		expect(md).toContain('Grade \\`rm -rf /\\` \\| col \\<script\\>alert(1)\\</script\\> \\[x\\](`http://x`)');
		expect(md).toContain('# Handover: \\# Team \\[pwn\\](`http://x`)');
		expect(md).toContain('\\# not a heading');
		expect(md).toContain('DC Sam \\`Ash\\|worth\\` \\<i\\>x\\</i\\>');
		expect(md).toContain('Suspect \\<b\\>X');
		// The control characters are shown, not hidden.
		expect(md).toContain('\u2407\u2400');
	});

	it('headings and list lines stay headings and list lines', () => {
		const headings = md.split('\n').filter(l => l.startsWith('#'));
		expect(headings.every(l => /^#{1,4} /.test(l))).toBe(true);
		expect(headings.filter(l => l.startsWith('# ')).length).toBe(1);
	});

	it('JSON keeps the text (JSON-escaped) but with escape sequences removed and controls visible', () => {
		const json = renderHandoverJson(h);
		expect(json).not.toMatch(/\\u001b|\\u0007|\\u0000|\\u009b/);
		const parsed = JSON.parse(json) as {officers: {cases: {ref: string; offence: string}[]}[]};
		const c = parsed.officers.flatMap(o => o.cases).find(x => x.ref === 'CR/87204/26')!;
		expect(c.offence).toContain('<script>alert(1)</script>');
		expect(c.offence).not.toContain('\u001b');
		expect(c.offence).toContain('\u2407\u2400');
	});
});

describe('welfare notes stay out by default', () => {
	const notes = demoWelfareNotes();
	const data = demoData();

	it('the demo welfare file has notes to leak', () => {
		expect(notes.length).toBeGreaterThanOrEqual(2);
	});

	it('neither Markdown nor JSON contains any note text, or a fragment of one, without the flag', () => {
		const h = handoverOf(data);
		const outputs = [renderHandoverMarkdown(h), renderHandoverJson(h)];
		for (const out of outputs) {
			for (const n of notes) {
				expect(out).not.toContain(n.text);
				// Any 24-character run of a note is enough to leak it.
				for (let i = 0; i + 24 <= n.text.length; i += 12) expect(out).not.toContain(n.text.slice(i, i + 24));
			}
			expect(out).not.toContain('OFFICIAL-SENSITIVE');
		}
		expect(h.includesWelfare).toBe(false);
		expect(h.officers.every(o => o.welfareNotes === undefined)).toBe(true);
	});

	it('with notes asked for, they appear and the document is marked OFFICIAL-SENSITIVE at top and bottom', () => {
		const h = handoverOf(data, {welfareNotes: notes});
		const md = renderHandoverMarkdown(h);
		const recent = notes.filter(n => n.date >= '2026-09-01');
		expect(recent.length).toBeGreaterThan(0);
		for (const n of recent) expect(md).toContain(n.text);
		const lines = md.trimEnd().split('\n');
		expect(lines[0]).toContain('OFFICIAL-SENSITIVE');
		expect(lines.at(-1)).toContain('OFFICIAL-SENSITIVE');
		expect(JSON.parse(renderHandoverJson(h)).marking).toBe('OFFICIAL-SENSITIVE');
	});
});
