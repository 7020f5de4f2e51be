/**
 * Issue 15 item 4, "one fact, one place": each rule file declares its check and, for every kind of
 * problem it raises, the kind's label, groups and ways to clear it (source/domain/rules/rule.ts); the
 * registry (rules/registry.ts) lists the declarations, and every list of kinds, label, badge group,
 * report list and `resolve` is read from it (docs/architecture.md "Adding a rule"). A rule plugged into
 * the registry and nowhere else reaches every output: test/domain/rules/registry-plugin.test.ts.
 */
import {commandsTheReaderCanRun} from '../../../source/domain/printed-as.js';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ruleContext} from '../../../source/domain/rules/context.js';
import {
	findProblems,
	KIND_LABELS,
	kindsInBadge,
	PROBLEM_KINDS,
	REPORT_RULES,
	reportListOf,
	RESOLVE,
	RULES,
	type Rule,
} from '../../../source/domain/rules/index.js';
import {ROOT} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';

const DIR = path.join(ROOT, 'source', 'domain', 'rules');
/** The engine's own modules, which declare no rule. */
const ENGINE = ['context.ts', 'index.ts', 'officer-slice.ts', 'registry.ts', 'rule.ts'];
const TODAY = '2026-11-30';

const isRule = (x: unknown): x is Rule =>
	typeof x === 'object' && x !== null && typeof (x as Rule).check === 'function' && typeof (x as Rule).kinds === 'object';

/** Every declaration each rule file exports, by file. */
async function declarationsByFile(): Promise<Map<string, Rule[]>> {
	const out = new Map<string, Rule[]>();
	for (const file of readdirSync(DIR).filter(f => f.endsWith('.ts') && !ENGINE.includes(f))) {
		const mod = (await import(path.join(DIR, file))) as Record<string, unknown>;
		out.set(file, Object.values(mod).filter(isRule));
	}
	return out;
}

describe('the rules registry', () => {
	it('lists every declaration a rule file exports, each once, and nothing else', async () => {
		const byFile = await declarationsByFile();
		const exported = [...byFile.values()].flat();
		expect(new Set(RULES).size).toBe(RULES.length);
		expect(new Set(exported)).toEqual(new Set(RULES));
		// Every rule file declares at least one rule (identical-updates.ts declares its kind; performance.ts the rule).
		for (const [file, rules] of byFile) if (file !== 'identical-updates.ts') expect(rules.length, file).toBeGreaterThan(0);
	});

	it('each kind is declared by one rule, with a label, a way to clear it and groups of the declared sets', () => {
		const declared = RULES.flatMap(r => Object.keys(r.kinds));
		expect(declared).toEqual([...PROBLEM_KINDS]);
		expect(new Set(declared).size).toBe(declared.length);
		for (const rule of RULES as readonly Rule[]) {
			for (const [kind, k] of Object.entries(rule.kinds)) {
				expect(k.label.trim(), kind).not.toBe('');
				expect(KIND_LABELS[kind as keyof typeof KIND_LABELS]).toBe(k.label);
				expect(RESOLVE[kind as keyof typeof RESOLVE]).toBe(k.resolve);
				expect([undefined, 'review', 'bail']).toContain(k.badge);
				expect([undefined, 'overdueNow', 'noCover', 'bail', 'stalledActions', 'forensicWaits', 'spanOfControl']).toContain(k.report);
			}
		}
		expect(new Set(Object.values(KIND_LABELS)).size, 'labels tell kinds apart').toBe(PROBLEM_KINDS.length);
	});

	it('each rule has its section in docs/rules.md, which names each of its kinds', () => {
		const doc = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
		const headings = new Set([...doc.matchAll(/^## (.+)$/gm)].map(m => m[1]));
		for (const rule of RULES as readonly Rule[]) {
			expect(headings, rule.name).toContain(rule.name);
			for (const kind of Object.keys(rule.kinds)) expect(doc, kind).toContain(`\`${kind}\``);
		}
	});

	it('the groups the desk and the exception report read are the ones the rules declare', () => {
		expect(kindsInBadge('review')).toEqual(['review-overdue', 'review-due-supervisor-absent', 'review-date-edited']);
		expect(kindsInBadge('bail')).toEqual([
			'bail-lapsed',
			'bail-due',
			'bail-officer-absent',
			'bail-supervisor-absent',
			'bail-date-edited',
			'rui-no-update',
		]);
		const lists = Object.fromEntries(PROBLEM_KINDS.map(k => [k, reportListOf(k)]).filter(([, l]) => l !== null));
		expect(lists).toEqual({
			'review-overdue': 'overdueNow',
			'review-due-supervisor-absent': 'noCover',
			'bail-lapsed': 'bail',
			'bail-due': 'bail',
			'bail-officer-absent': 'bail',
			'bail-supervisor-absent': 'bail',
			'stalled-action': 'stalledActions',
			'stalled-deliverable': 'stalledActions',
			'forensic-wait': 'forensicWaits',
			'span-of-control': 'spanOfControl',
		});
		// The report runs exactly the rules with a kind it lists.
		expect(REPORT_RULES.map(r => r.name)).toEqual([
			'Reviews due',
			'Pre-charge bail',
			'Stalled actions and deliverables',
			'Forensic waits',
			'Span of control',
		]);
	});

	it('on the demo, each rule raises only the kinds it declares, and each problem carries its kind’s ways', () => {
		const data = demoData();
		const ctx = ruleContext(data, TODAY);
		for (const rule of RULES as readonly Rule[])
			for (const p of rule.check(ctx)) expect(Object.keys(rule.kinds), rule.name).toContain(p.kind);
		// As declared, with --as added where the reader may not run a command (source/domain/printed-as.ts).
		for (const p of findProblems(data, TODAY)) expect(p.resolve).toEqual(commandsTheReaderCanRun(ctx, p, RESOLVE[p.kind](p, ctx)));
	});

	it('a rule that raises a kind it did not declare is refused by name, not shown without a label', () => {
		const stray: Rule = {
			name: 'Stray',
			kinds: {},
			check: ctx => [{...findProblems(ctx.data, ctx.today)[0]!, resolve: undefined}],
		};
		expect(() => findProblems(demoData(), TODAY, [stray])).toThrow(/Rule "Stray" raised a problem of kind "[a-z-]+" it does not declare/);
	});
});
