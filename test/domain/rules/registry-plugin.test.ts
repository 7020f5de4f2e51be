/**
 * Issue 15 item 4: adding a rule touches its own file and one registry line (docs/architecture.md
 * "Adding a rule"). This test declares a rule in this file alone and adds it to the registry's list (the
 * mock below stands for that one line); with no edit anywhere else, its kind reaches `fortnight problems`
 * (text, JSON and the schema that validates it), `problems --help`, the handover's decisions, the
 * inspector's exception report (its declared report list), the desk's bail badge (its declared badge)
 * and the desk's problem detail, each with the label and ways to clear it the rule declares.
 */
import {Ajv} from 'ajv';
import addFormats from 'ajv-formats';
import {describe, expect, it, vi} from 'vitest';
import handoverCommand from '../../../source/commands/handover.js';
import logCommand from '../../../source/commands/log.js';
import problemsCommand from '../../../source/commands/problems.js';
import type {Problem, ProblemKind} from '../../../source/domain/problem.js';
import {findProblems, KIND_LABELS, PROBLEM_KINDS, REPORT_RULES, RULES} from '../../../source/domain/rules/index.js';
import type {RuleDeclaration} from '../../../source/domain/rules/rule.js';
import {bailBadge, deskModel, withProblems} from '../../../source/ui/model/desk-model.js';
import {problemLines} from '../../../source/ui/problem-detail/problem-lines.js';
import {demoCopy} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';
import {runCommand} from '../../commands/in-process.js';

const KIND = 'test-bail-no-plan';
const LABEL = 'Bail with no plan (test rule)';
const TODAY = '2026-11-30';

// The rule's own file: one declaration, the check and its kind's label, groups and ways to clear it.
const TEST_RULE = vi.hoisted(() => {
	const rule: RuleDeclaration<'test-bail-no-plan'> = {
		name: 'A test rule',
		check: ctx =>
			ctx.live
				.filter(c => c.bail !== null && c.bail.endedOn === null)
				.map((c): Problem => ({
					id: `test-bail-no-plan:${c.ref}`,
					kind: 'test-bail-no-plan' as ProblemKind,
					severity: 'critical',
					subject: {type: 'case', ref: c.ref, officerId: c.oicId},
					message: `Suspect on bail in ${c.ref} with no plan for the return date (test rule)`,
					action: 'Plan the bail return.',
					evidence: [{type: 'bail', caseRef: c.ref, date: c.bail!.returnDate, detail: `bail return ${c.bail!.returnDate}`}],
					since: ctx.today,
					due: c.bail!.returnDate,
				})),
		kinds: {
			'test-bail-no-plan': {
				label: 'Bail with no plan (test rule)',
				badge: 'bail',
				report: 'bail',
				resolve: p => [
					{
						way: 'review',
						label: `Plan the bail return of ${p.subject.type === 'case' ? p.subject.ref : ''}`,
						desk: {action: 'review', key: 'r', where: 'the case'},
						command: null,
					},
				],
			},
		},
	};
	return rule;
});

// The registry's one line.
vi.mock('../../../source/domain/rules/registry.js', async importOriginal => {
	const real = await importOriginal<typeof import('../../../source/domain/rules/registry.js')>();
	return {...real, RULES: [...real.RULES, TEST_RULE]};
});

const ours = <T extends {kind: string}>(ps: readonly T[]): T[] => ps.filter(p => p.kind === KIND);

describe('a rule plugged into the registry alone', () => {
	it('is in the registry, its kind listed with its label, and the exception report runs it', () => {
		expect(RULES.at(-1)).toBe(TEST_RULE);
		expect(PROBLEM_KINDS.at(-1)).toBe(KIND);
		expect(KIND_LABELS[KIND as ProblemKind]).toBe(LABEL);
		expect(REPORT_RULES).toContain(TEST_RULE);
	});

	it('fortnight problems shows it with its label and ways, in text and in JSON its schema accepts', async () => {
		const {store} = demoCopy();
		const found = ours(findProblems(demoData(), TODAY));
		expect(found.length).toBeGreaterThan(0);

		const text = await runCommand(problemsCommand, store, [], {});
		expect(text.code, text.stderr).toBe(0);
		const first = found[0]!;
		expect(text.stdout).toContain(`CRITICAL ${LABEL}: ${first.subject.type === 'case' ? first.subject.ref : ''}`);
		expect(text.stdout).toContain(`  - Plan the bail return of ${first.subject.type === 'case' ? first.subject.ref : ''}`);

		const json = await runCommand(problemsCommand, store, [], {json: true});
		const schema = await runCommand(problemsCommand, store, [], {schema: true});
		const ajv = new Ajv({strict: true, allErrors: true});
		addFormats.default(ajv);
		const validate = ajv.compile(JSON.parse(schema.stdout) as object);
		const doc = JSON.parse(json.stdout) as {kind: string; resolve: {label: string}[]}[];
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
		expect(ours(doc).length).toBe(found.length);
		expect(ours(doc)[0]!.resolve[0]!.label).toMatch(/^Plan the bail return of /);

		expect(problemsCommand.help).toMatch(new RegExp(`[ |]${KIND}( |$)`, 'm'));
	});

	it('the handover lists it among the decisions, the exception report under bail', async () => {
		const {store} = demoCopy();
		const handover = await runCommand(handoverCommand, store, [], {format: 'json'});
		expect(handover.code, handover.stderr).toBe(0);
		const decisions = (JSON.parse(handover.stdout) as {decisions: {kind: string}[]}).decisions;
		expect(ours(decisions).length).toBeGreaterThan(0);

		const log = await runCommand(logCommand, store, [], {format: 'json'});
		expect(log.code, log.stderr).toBe(0);
		const report = (JSON.parse(log.stdout) as {exceptions: {sergeants: {bail: {kind: string}[]}[]}}).exceptions;
		expect(ours(report.sergeants.flatMap(s => s.bail)).length).toBeGreaterThan(0);
	});

	it("the desk's bail badge takes its severity, and its problem detail its label", () => {
		const data = demoData();
		const model = withProblems(deskModel(data, TODAY));
		const p = ours(model.problems)[0]!;
		expect(p.subject.type).toBe('case');
		const ref = p.subject.type === 'case' ? p.subject.ref : '';
		expect(bailBadge(model, model.caseByRef.get(ref)!)?.severity).toBe('critical');
		const lines = problemLines(model, {id: p.id, ref, officerId: p.subject.officerId}, 100).map(l => l.text);
		expect(lines[0]!.replace(/ +/g, ' ')).toBe(`CRITICAL ${LABEL}`);
		expect(lines.join('\n')).toContain(`Plan the bail return of ${ref}`);
	});
});
