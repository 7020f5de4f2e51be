import {describe, expect, it} from 'vitest';
import {caseRowText} from '../../../source/ui/explorer/explorer.js';
import {ready, renderDesk} from '../desk-harness.js';

describe('explorer case rows keep their badges whole', () => {
	it('narrow: the offence gives way first, then padding, then OVERDUE for LATE; never a badge, never the risk letter (QA 5 R8)', () => {
		expect(caseRowText('CR/54818/26', 'low', 'due 2d', 'BAIL LAPSED', 'Burglary dwelling', 36)).toBe(
			'CR/54818/26 L due 2d     BAIL LAPSED',
		);
		expect(caseRowText('CR/25310/26', 'high', 'OVERDUE 10d', 'BAIL 22d', 'Assault', 36)).toBe('CR/25310/26 H OVERDUE 10d BAIL 22d');
		expect(caseRowText('CR/25310/26', 'high', 'OVERDUE 10d', 'BAIL LAPSED', 'Assault', 36)).toBe('CR/25310/26 H LATE 10d BAIL LAPSED');
		expect(caseRowText('CR/87204/26', 'low', 'OVERDUE 14d', 'BAIL MISSED', 'IIOC possession', 36)).toBe(
			'CR/87204/26 L LATE 14d BAIL MISSED',
		);
		expect(caseRowText('CR/87204/26', 'low', 'OVERDUE 140d', 'BAIL MISSED', 'IIOC possession', 36)).toBe(
			'CR/87204/26 L LATE 140d BAIL MISSED',
		);
		expect(caseRowText('CR/11111/26', 'medium', 'due 5d', null, 'Fraud by false representation', 36)).toBe(
			'CR/11111/26 M due 5d     Fraud by f…',
		);
	});
	it('wide: aligned columns with the offence after them, a long badge not cut', () => {
		expect(caseRowText('CR/67540/25', 'medium', 'due 5d', 'BAIL 30d', 'Robbery', 56)).toBe(
			'  CR/67540/25 MED  due 5d      BAIL 30d    Robbery',
		);
		expect(caseRowText('CR/67540/25', 'high', 'OVERDUE 120d', null, 'Robbery', 56)).toContain('OVERDUE 120d');
	});
	it('at 80 columns no badge in the explorer is cut', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await ready(h);
		let f = h.frame();
		for (let page = 0; page < 5; page++) {
			const explorer = f
				.slice(0, f.indexOf('PROBLEMS'))
				.split('\n')
				.map(l => l.slice(0, 46))
				.filter(l => /CR\/\d+\/\d+/.test(l));
			for (const l of explorer) {
				expect(l).toMatch(/CR\/\d+\/\d+ [HML] (due \d+d|OVERDUE \d+d|LATE \d+d|DUE TODAY) /);
				if (l.includes('BAIL')) expect(l).toMatch(/BAIL (\d+d|LAPSED|MISSED)( |║)/);
			}
			f = await h.press('\u0004'); // Ctrl+D: a page down
		}
		expect(f).toContain('BAIL LAPSED');
		h.app.unmount();
	});
	it('at 80 columns a case whose bail return was missed keeps its risk letter (QA 5 R8)', async () => {
		const h = renderDesk({today: '2026-12-09', size: {columns: 80, rows: 24}});
		await ready(h);
		const f = h.frame();
		expect(f).toMatch(/CR\/87204\/26 L LATE 14d BAIL MISSED/);
		expect(f).toMatch(/CR\/64148\/26 M OVERDUE 14d IIOC/);
		h.app.unmount();
	});
});

describe('one meaning of overdue', () => {
	it("the explorer's OVERDUE badges count exactly the status bar's overdue, under random settings", async () => {
		const fc = await import('fast-check');
		const {deskModel, reviewBadge} = await import('../../../source/ui/model/desk-model.js');
		const {demoData} = await import('../desk-harness.js');
		const base = demoData();
		fc.assert(
			fc.property(fc.integer({min: 1, max: 40}), fc.integer({min: 1, max: 5}), fc.integer({min: 0, max: 30}), (cap, amber, shift) => {
				const settings = {...base.settings, reviewCapDays: cap, reviewOverdueAmberDays: amber, reviewOverdueRedDays: Math.max(amber, 7)};
				const today = new Date(Date.UTC(2026, 10, 30 + shift)).toISOString().slice(0, 10);
				const model = deskModel({...base, settings}, today);
				const badges = model.groups.flatMap(g => g.cases).map(c => reviewBadge(model, c).text);
				expect(badges.filter(t => t.startsWith('OVERDUE')).length).toBe(model.counts.overdue);
			}),
			{numRuns: 60},
		);
	});
});
