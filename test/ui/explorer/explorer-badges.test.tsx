import {describe, expect, it} from 'vitest';
import {caseRowText} from '../../../source/ui/explorer/explorer.js';
import {ready, renderDesk} from '../desk-harness.js';

describe('explorer case rows keep their badges whole', () => {
	it('narrow: the offence gives way first, then padding, then the risk letter; never a badge', () => {
		expect(caseRowText('CR/54818/26', 'low', 'due 2d', 'BAIL LAPSED', 'Burglary dwelling', 36)).toBe('CR/54818/26 L due 2d     BAIL LAPSED');
		expect(caseRowText('CR/25310/26', 'high', 'OVERDUE 10d', 'BAIL 22d', 'Assault', 36)).toBe('CR/25310/26 H OVERDUE 10d BAIL 22d');
		expect(caseRowText('CR/25310/26', 'high', 'OVERDUE 10d', 'BAIL LAPSED', 'Assault', 36)).toBe('CR/25310/26 OVERDUE 10d BAIL LAPSED');
		expect(caseRowText('CR/11111/26', 'medium', 'due 5d', null, 'Fraud by false representation', 36)).toBe('CR/11111/26 M due 5d     Fraud by f…');
	});
	it('wide: aligned columns with the offence after them, a long badge not cut', () => {
		expect(caseRowText('CR/67540/25', 'medium', 'due 5d', 'BAIL 30d', 'Robbery', 56)).toBe('  CR/67540/25 MED  due 5d      BAIL 30d    Robbery');
		expect(caseRowText('CR/67540/25', 'high', 'OVERDUE 120d', null, 'Robbery', 56)).toContain('OVERDUE 120d');
	});
	it('at 80 columns no badge in the explorer is cut', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await ready(h);
		let f = h.frame();
		for (let page = 0; page < 5; page++) {
			const explorer = f.slice(0, f.indexOf('PROBLEMS')).split('\n').map(l => l.slice(0, 46)).filter(l => /CR\/\d+\/\d+/.test(l));
			for (const l of explorer) {
				expect(l).toMatch(/CR\/\d+\/\d+ ([HML] )?(due \d+d|OVERDUE \d+d|DUE TODAY) /);
				if (l.includes('BAIL')) expect(l).toMatch(/BAIL (\d+d|LAPSED|MISSED)( |║)/);
			}
			f = await h.press('\u0004'); // Ctrl+D: a page down
		}
		expect(f).toContain('BAIL LAPSED');
		h.app.unmount();
	});
});
