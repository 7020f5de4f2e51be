/** `fortnight problems [--json]`: the built CLI on the demo, plus the two renderers directly. */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import type {Problem} from '../../source/domain/problem.js';
import {problemToJson, renderProblemsJson} from '../../source/export/problems-json.js';
import {KIND_LABELS} from '../../source/domain/rules/index.js';
import {renderProblemsText, wrap} from '../../source/export/problems-text.js';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';

/**
 * Kinds the demo does not show by design: its sergeant's coming absence has no cover named (its
 * critical scenario), so no cover holds cases. test/domain/independence.test.ts covers this one.
 */
// Not on the demo by design: no cover holds cases there, a file store has no PostgreSQL rows set aside,
// and no date there was moved outside fortnight.
const NOT_IN_DEMO = new Set(['review-needs-independent-supervisor', 'store-record-unreadable', 'review-date-edited', 'bail-date-edited']);
const DEMO_LABELS = Object.entries(KIND_LABELS).filter(([k]) => !NOT_IN_DEMO.has(k));

const KEYS = ['id', 'kind', 'severity', 'subject', 'message', 'action', 'since', 'due', 'evidence', 'resolve'];

describe('fortnight problems (built CLI)', () => {
	const {store} = demoCopy();

	it('prints every kind, most urgent first, in 80 columns with severity in words', () => {
		const r = runCli(['problems', '--store', store, '--today', DEMO_TODAY]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const lines = r.stdout.split('\n');
		expect(lines.filter(l => l.length > 80)).toEqual([]);
		expect(r.stdout).not.toMatch(/\u001b/);
		expect(lines[0]).toMatch(/^\d+ problems on 30 Nov 2026: \d+ critical, \d+ red, \d+ amber/);
		for (const [, label] of DEMO_LABELS) expect(r.stdout).toContain(`${label}: `);
		const heads = lines.filter(l => /^(CRITICAL|RED|AMBER|INFO) /.test(l)).map(l => l.split(' ')[0]);
		const order = ['CRITICAL', 'RED', 'AMBER', 'INFO'];
		expect(heads.map(h => order.indexOf(h!))).toEqual([...heads.map(h => order.indexOf(h!))].sort((a, b) => a - b));
		expect(r.stdout.replace(/\n +/g, ' ')).toContain('OIC DC Ashworth is on sick leave from 28 Nov; no cover assigned');
		// Each problem's ways to clear it, under what to do: words, the desk key, the command on its own line.
		expect(r.stdout).toContain(
			'  To clear it:\n' +
				'  - Reallocate CR/87204/26 to an officer at work to deal with the bail date\n' +
				'    before 02 Dec\n' +
				'    desk: m on the problem, the case, or the palette\n' +
				'    fortnight case reallocate CR/87204/26 --to OFFICER --reason TEXT\n',
		);
		// A command too long for the line goes on with a backslash, so it still pastes into a shell.
		expect(r.stdout).toContain('    fortnight bail record CR/30126/26 --event extended --authorised-by NAME \\\n      --rank RANK\n');
	});

	it('--json is the documented array; --help documents it', () => {
		const r = runCli(['problems', '--json', '--store', store, '--today', DEMO_TODAY]);
		expect(r.code).toBe(0);
		const arr = JSON.parse(r.stdout) as Record<string, unknown>[];
		expect(new Set(arr.map(p => p['kind'])).size).toBe(DEMO_LABELS.length);
		for (const p of arr) {
			expect(Object.keys(p)).toEqual(KEYS);
			expect(Object.keys(p['subject'] as object)).toEqual(['type', 'ref', 'officerId', 'officerName']);
			for (const e of p['evidence'] as object[]) expect(Object.keys(e)).toEqual(['type', 'caseRef', 'id', 'date', 'detail']);
			// README "Acting on a problem": at least one way to clear it, each with the same keys.
			const ways = p['resolve'] as Record<string, unknown>[];
			expect(ways.length).toBeGreaterThan(0);
			for (const w of ways) {
				expect(Object.keys(w)).toEqual(['way', 'label', 'desk', 'command']);
				if (w['desk'] !== null) expect(Object.keys(w['desk'] as object)).toEqual(['key', 'where']);
			}
		}
		const bail = arr.find(p => p['id'] === 'bail-officer-absent:CR/87204/26')!;
		expect((bail['resolve'] as {command: string}[])[0]).toEqual({
			way: 'reallocate',
			label: 'Reallocate CR/87204/26 to an officer at work to deal with the bail date before 02 Dec',
			desk: {key: 'm', where: 'the problem, the case, or the palette'},
			command: 'fortnight case reallocate CR/87204/26 --to OFFICER --reason TEXT',
		});
		expect(arr[0]!['severity']).toBe('critical');
		const help = runCli(['problems', '--help']);
		expect(help.code).toBe(0);
		for (const k of KEYS) expect(help.stdout).toContain(`  ${k}`);
		for (const kind of Object.keys(KIND_LABELS)) expect(help.stdout).toMatch(new RegExp(`[ |]${kind}( |$)`, 'm'));
	});

	it('store text cannot drive the terminal: escape sequences and bidi controls are made harmless', () => {
		const data = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		const evil = 'Chased DFU again \u001b]52;c;ZXZpbA==\u0007 today\u202e for the extraction of the seized laptop';
		const [a, b] = data.cases.filter(c => c.status !== 'closed');
		a!.updates.push({date: DEMO_TODAY, authorId: a!.oicId, text: evil});
		b!.oicId = a!.oicId;
		b!.updates.push({date: DEMO_TODAY, authorId: a!.oicId, text: evil});
		const file = path.join(tempDir(), 'evil.json');
		writeFileSync(file, JSON.stringify(data));
		for (const args of [[], ['--json']]) {
			const r = runCli(['problems', ...args, '--store', file, '--today', DEMO_TODAY]);
			expect(r.code).toBe(0);
			expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
			expect(r.stdout).toContain('<U+202E>');
		}
	});

	it("identical updates by an officer whose trigger is on the inspector's list name the inspector's d, not r (QA pass 4, D-D)", () => {
		const r = runCli(['problems', '--store', store, '--today', DEMO_TODAY, '--json']);
		expect(r.code, r.stderr).toBe(0);
		const problems = JSON.parse(r.stdout) as Problem[];
		const trigger = problems.find(p => p.id === 'performance-trigger:o0003')!;
		const updates = problems.find(p => p.kind === 'identical-updates' && p.subject.officerId === 'o0003')!;
		expect(trigger.severity).toBe('red');
		expect(updates.resolve!.map(w => w.desk)).toEqual(trigger.resolve!.map(w => w.desk));
		expect(updates.resolve!.map(w => w.desk?.key)).toEqual(['d']);
		expect(updates.resolve![0]!.label).toContain('DI Okafor (the inspector) records a decision for DC Ashworth');
		const text = runCli(['problems', '--store', store, '--today', DEMO_TODAY]).stdout;
		const block = text.slice(text.indexOf('Identical updates: DC Ashworth'), text.indexOf(`[${updates.id}]`));
		expect(block).toContain("desk: d on the Team view (the inspector's queue)");
		expect(block).not.toContain('desk: r on');
	});

	it('an unreadable store is exit 3 with a plain message', () => {
		const file = path.join(tempDir(), 'bad.json');
		writeFileSync(file, '{"not": "a store"');
		const r = runCli(['problems', '--store', file, '--today', DEMO_TODAY]);
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('bad.json');
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('renderers', () => {
	const p: Problem = {
		id: 'bail-due:CR/1/26',
		kind: 'bail-due',
		severity: 'red',
		subject: {type: 'case', ref: 'CR/1/26\u001b[2J', officerId: 'o1'},
		message: 'Bail return 05 Dec: 5 days; ' + 'word '.repeat(40).trim(),
		action: 'Plan the bail return now.',
		evidence: [{type: 'bail', caseRef: 'CR/1/26', date: '2026-09-01', detail: 'bailed'}],
		since: '2026-11-21',
		due: '2026-12-05',
	};
	const officers = new Map([
		[
			'o1',
			{
				id: 'o1',
				collarNumber: '1',
				name: 'Sam Ashworth',
				rank: 'DC' as const,
				role: 'investigator' as const,
				hoursPerWeek: 40,
				joinedUnit: '2020-01-01',
				imageExposed: true,
				mentorId: null,
				supervisorId: null,
				leftUnit: null,
			},
		],
	]);

	it('text: wraps to the width, never colour only, strips escapes', () => {
		const text = renderProblemsText([p], {today: '2026-11-30', officers});
		expect(text.split('\n').every(l => l.length <= 80)).toBe(true);
		expect(text).toContain('RED      Bail due: CR/1/26, OIC DC Ashworth');
		expect(text).toContain('  Since 21 Nov; due 05 Dec. [bail-due:CR/1/26]');
		expect(text).not.toContain('\u001b');
		expect(renderProblemsText([], {today: '2026-11-30', officers})).toBe('No problems on 30 Nov 2026.\n');
		expect(
			renderProblemsText([p], {today: '2026-11-30', officers, width: 40})
				.split('\n')
				.every(l => l.length <= 40),
		).toBe(true);
		expect(wrap('a '.repeat(3) + 'x'.repeat(25), 10)).toEqual(['a a a', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
	});

	it('json: every key present, nulls for what is missing', () => {
		const j = problemToJson({...p, due: undefined, evidence: [{type: 'case', detail: 'x'}]}, officers);
		expect(j).toEqual({
			id: 'bail-due:CR/1/26',
			kind: 'bail-due',
			severity: 'red',
			subject: {type: 'case', ref: 'CR/1/26', officerId: 'o1', officerName: 'DC Ashworth'},
			message: p.message,
			action: p.action,
			since: '2026-11-21',
			due: null,
			evidence: [{type: 'case', caseRef: null, id: null, date: null, detail: 'x'}],
			resolve: [],
		});
		expect(JSON.parse(renderProblemsJson([p], officers))).toHaveLength(1);
	});
});

describe('fortnight problems --help', () => {
	it('fits 80 columns', async () => {
		const {default: command} = await import('../../source/commands/problems.js');
		expect(command.help.split('\n').filter(l => l.length > 80)).toEqual([]);
	});
});
