import {describe, expect, it} from 'vitest';
import {escapeMarkdown, mdTable, mdTableCell} from '../../source/export/markdown.js';

describe('escapeMarkdown', () => {
	it('leaves ordinary prose alone so the file reads cleanly as plain text', () => {
		const s = "Victim's parent updated by phone; Cat A 12, Cat B 40 (grading continues).";
		expect(escapeMarkdown(s)).toBe(s);
	});
	it('escapes raw HTML, links, images, code and emphasis', () => {
		expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
		expect(escapeMarkdown('[click](http://x)')).toBe('\\[click\\](`http://x`)');
		expect(escapeMarkdown('![img](http://x/a.png)')).toBe('\\!\\[img\\](`http://x/a.png`)');
		expect(escapeMarkdown('`rm -rf`')).toBe('\\`rm -rf\\`');
		expect(escapeMarkdown('*a* _b_ ~~c~~')).toBe('\\*a\\* \\_b\\_ \\~\\~c\\~\\~');
		expect(escapeMarkdown('a|b')).toBe('a\\|b');
		expect(escapeMarkdown('&lt;b&gt;')).toBe('\\&lt;b\\&gt;');
		expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
	});
	it('defangs bare URLs as code spans (GFM would autolink them)', () => {
		expect(escapeMarkdown('see www.example.com or https://e.x/p?q=1.')).toBe('see `www.example.com` or `https://e.x/p?q=1`.');
		expect(escapeMarkdown('javascript:alert(1)')).toBe('`javascript:alert(1`)');
	});
	it("shows e-mail addresses and xmpp: as code spans, and escapes pandoc's maths, superscript and citations (issue 21 item 7)", () => {
		expect(escapeMarkdown('mail rachel.okafor@eastshire.police.uk now')).toBe('mail `rachel.okafor@eastshire.police.uk` now');
		expect(escapeMarkdown('xmpp:duty@chat.example.org')).toBe('`xmpp:duty@chat.example.org`');
		expect(escapeMarkdown('$x$ x^2^ H~2~O @okafor')).toBe('\\$x\\$ x\\^2\\^ H\\~2\\~O \\@okafor');
		// A host name without a scheme (markdown-it's linkify) has its dot escaped; decimals are left alone.
		expect(escapeMarkdown('see eastshire.police.uk, 2.5 hours')).toBe('see eastshire\\.police\\.uk, 2.5 hours');
		// GFM emoji shortcodes lose their opening colon; an ordinary colon stays.
		expect(escapeMarkdown(':smile: Note: ok')).toBe('\\:smile: Note: ok');
		// A long run of address-like characters stays linear (the address pattern starts only at a run's start).
		const t = Date.now();
		escapeMarkdown(`${'a'.repeat(20_000)}.b`);
		expect(Date.now() - t).toBeLessThan(500);
	});
	it('escapes block markers at the start of the text', () => {
		expect(escapeMarkdown('# heading')).toBe('\\# heading');
		expect(escapeMarkdown('- item')).toBe('\\- item');
		expect(escapeMarkdown('+ item')).toBe('\\+ item');
		expect(escapeMarkdown('> quote')).toBe('\\> quote');
		expect(escapeMarkdown('12. item')).toBe('12\\. item');
		expect(escapeMarkdown('=== ')).toBe('\\=== ');
		expect(escapeMarkdown('a - b + c')).toBe('a - b + c');
		expect(escapeMarkdown('a # {b}')).toBe('a \\# \\{b\\}');
	});
	it('removes escape sequences and makes control characters visible, on one line', () => {
		expect(escapeMarkdown('a\u001b[2J\u001b]52;c;ZXZpbA==\u0007b')).toBe('ab');
		expect(escapeMarkdown('a\nb\r\nc\u0000d\u007f')).toBe('a\u240ab\u240ac\u2400d\u2421');
		expect(escapeMarkdown('x\u202ey')).toBe('x\\<U+202E\\>y');
	});
	it('table cells are never empty and cannot break the table', () => {
		expect(mdTableCell('')).toBe(' ');
		expect(mdTableCell('a | b\nc')).toBe('a \\| b\u240ac');
		expect(mdTable(['A', 'B'], [[mdTableCell('x|y'), mdTableCell('z')]])).toBe('| A | B |\n| --- | --- |\n| x\\|y | z |');
	});
});
