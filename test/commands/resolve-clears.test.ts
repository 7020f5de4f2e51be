/**
 * README "Acting on a problem": every kind of problem carries the ways to clear it, and on the demo
 * (today 2026-11-30) each command-line way is carried out, as its problem's `resolve` writes it, and
 * the problem is checked to be gone. The command is the one the problem names, parsed and run in
 * process with what the person supplies (OFFICER, TEXT, D...) filled in.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Command} from '../../source/commands/command.js';
import {COMMANDS} from '../../source/commands/index.js';
import type {StoreData} from '../../source/domain/model.js';
import {type Problem, type ProblemKind} from '../../source/domain/problem.js';
import type {Resolve, ResolveWay} from '../../source/domain/resolve.js';
import {findProblems, PROBLEM_KINDS} from '../../source/domain/rules/index.js';
import {openStore} from '../../source/store/index.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {DEMO_TODAY, demoCopy} from '../helpers/cli.js';
import {runCommand} from './in-process.js';
import {savedData, savedText} from '../helpers/saved-store.js';
import {shellWords} from '../helpers/printed-command.js';

const load = (file: string): StoreData => loadStoreText(savedText(file), file).data;
const problemsIn = (file: string): Problem[] => findProblems(load(file), DEMO_TODAY);

/** What the person supplies for each capitalised word, and which of "a|b|c" they choose. */
type Fill = Record<string, string>;

/**
 * Runs a resolve's command in process: its command module from COMMANDS, its words and flags as
 * cli.tsx would pass them, placeholders filled from `fill` (a word with no fill fails the test).
 */
/** `confirm`: flags a person answers at a terminal (the test has none), e.g. the import's --yes. */
async function runWay(
	way: Resolve,
	store: string,
	fill: Fill,
	as?: string,
	confirm: Record<string, true> = {},
): Promise<{code: number; stdout: string; stderr: string}> {
	expect(way.command, `${way.label} has a command`).not.toBeNull();
	const [program, name, ...rest] = shellWords(way.command!);
	expect(program).toBe('fortnight');
	const command = await COMMANDS[name!]!();
	const words: string[] = [];
	const flags: Record<string, unknown> = {};
	const value = (w: string): string => {
		if (w.includes('|')) {
			const choice = fill[w];
			expect(choice, `a choice for ${w}`).toBeDefined();
			expect(w.split('|')).toContain(choice);
			return choice!;
		}
		if (/^[A-Z][A-Z.]*(\.csv)?$/.test(w)) {
			expect(fill[w], `a value for ${w} in "${way.command}"`).toBeDefined();
			return fill[w]!;
		}
		return w;
	};
	for (let i = 0; i < rest.length; i++) {
		const w = rest[i]!;
		if (!w.startsWith('--')) {
			words.push(value(w));
			continue;
		}
		// The global --as a printed command names: who runs it.
		if (w === '--as') {
			as = rest[++i];
			continue;
		}
		const flag = w.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
		const spec = (command as Command).flags[flag];
		expect(spec, `--${w.slice(2)} is a flag of "fortnight ${name}"`).toBeDefined();
		if (spec!.type === 'boolean') flags[flag] = true;
		else flags[flag] = value(rest[++i]!);
	}
	return runCommand(command, store, words, {...flags, ...confirm}, as ? {env: {FORTNIGHT_USER: as}} : {});
}

function wayOf(p: Problem, way: ResolveWay, commandStart?: string): Resolve {
	const found = (p.resolve ?? []).find(r => r.way === way && (commandStart === undefined || r.command?.startsWith(commandStart)));
	expect(found, `${p.id} offers ${way}${commandStart ? ` (${commandStart})` : ''}: ${JSON.stringify(p.resolve)}`).toBeDefined();
	return found!;
}

function demoProblem(kind: ProblemKind, pick: (p: Problem) => boolean = () => true): {store: string; dir: string; problem: Problem} {
	const {store, dir} = demoCopy();
	const problem = problemsIn(store).find(p => p.kind === kind && pick(p));
	expect(problem, `the demo shows a ${kind} problem`).toBeDefined();
	return {store, dir, problem: problem!};
}

/** A records-system export with just these columns for one case (blank cells leave a value as it is). */
function csvFile(dir: string, rows: Record<string, string>[]): string {
	const headers = Object.keys(rows[0]!);
	const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
	const file = path.join(dir, 'export.csv');
	writeFileSync(file, [headers.map(quote).join(','), ...rows.map(r => headers.map(h => quote(r[h] ?? '')).join(','))].join('\n') + '\n');
	return file;
}

/** The kinds a test in this file has seen cleared (the last test holds every kind to one). */
const cleared = new Set<string>();

function gone(store: string, id: string): void {
	expect(problemsIn(store).map(p => p.id)).not.toContain(id);
	cleared.add(id.slice(0, id.indexOf(':')));
}

describe('every kind of problem has a way to clear it (README "Acting on a problem")', () => {
	it('each problem on the demo carries at least one way, and each way is a desk key or a command', () => {
		const problems = problemsIn(demoCopy().store);
		for (const p of problems) {
			expect(p.resolve?.length, p.id).toBeGreaterThan(0);
			for (const w of p.resolve!) {
				expect(w.label.length, p.id).toBeGreaterThan(0);
				if (w.way !== 'team-structure') expect(w.desk !== null || w.command !== null, `${p.id}: ${w.label}`).toBe(true);
			}
		}
		// Every kind but those the demo cannot show: no cover there holds cases (the fixture below does), a file
		// store has no rows set aside (test/store/pg-record-set-aside.test.ts), and no date there was moved
		// outside fortnight (fixtures below and in test/domain/rules/review-date-edited.test.ts).
		const shown = new Set(problems.map(p => p.kind));
		expect(PROBLEM_KINDS.filter(k => !shown.has(k))).toEqual([
			'review-date-edited',
			'review-needs-independent-supervisor',
			'bail-date-edited',
			'store-record-unreadable',
		]);
	});
});

describe('each command-line way clears its problem on the demo', () => {
	it('bail-officer-absent: the case reallocated to an officer at work', async () => {
		const {store, problem} = demoProblem('bail-officer-absent', p => p.subject.type === 'case' && p.subject.ref === 'CR/87204/26');
		const r = await runWay(wayOf(problem, 'reallocate'), store, {OFFICER: 'DC Marsh', TEXT: 'OIC on sick leave; bail due 02 Dec'});
		expect(r.code, r.stderr).toBe(0);
		gone(store, problem.id);
	});

	it('review-needs-independent-supervisor: the case reallocated away from the cover who holds it', async () => {
		const {store} = demoCopy();
		// The sergeant's coming absence names DC Marsh as cover: her own cases' reviews then need someone else.
		const raw = savedData(store) as StoreData;
		raw.absences.find(a => a.id === 'ab0002')!.coverOfficerId = 'o0006';
		writeFileSync(store, JSON.stringify(raw, null, '\t'));
		const problem = problemsIn(store).find(p => p.kind === 'review-needs-independent-supervisor');
		expect(problem).toBeDefined();
		const r = await runWay(wayOf(problem!, 'reallocate'), store, {OFFICER: 'DC Grant', TEXT: 'DC Marsh covers the sergeant'});
		expect(r.code, r.stderr).toBe(0);
		gone(store, problem!.id);
	});

	it('workload: cases reallocated until the load is under the flag', async () => {
		const {store, problem} = demoProblem('workload');
		const way = wayOf(problem, 'reallocate');
		const points = {high: 3, medium: 2, low: 1};
		// Heaviest first, each to a different officer at work with room.
		const theirs = () =>
			load(store)
				.cases.filter(c => c.oicId === problem.subject.officerId && c.status !== 'closed')
				.sort((a, b) => points[b.risk] - points[a.risk]);
		const takers = ['DC Grant', 'DC Evans', 'DC Shah', 'DC Carter', 'DC Doyle', 'DC Marsh'];
		const held = theirs().length;
		for (let moves = 0; problemsIn(store).some(p => p.id === problem.id); moves++) {
			expect(moves, 'cleared before every case has gone').toBeLessThan(held);
			const r = await runWay(way, store, {
				REF: theirs()[0]!.ref,
				OFFICER: takers[moves % takers.length]!,
				TEXT: 'Rebalancing the caseload',
			});
			expect(r.code, r.stderr).toBe(0);
		}
		expect(theirs().length).toBeGreaterThan(0);
		gone(store, problem.id);
	});

	it('new-starter-old-cases: the old cases reallocated to an experienced officer', async () => {
		const {store, problem} = demoProblem('new-starter-old-cases');
		const way = wayOf(problem, 'reallocate');
		for (const e of problem.evidence.filter(x => x.caseRef)) {
			const r = await runWay(way, store, {REF: e.caseRef!, OFFICER: 'DC Marsh', TEXT: 'Needs an experienced OIC'});
			expect(r.code, r.stderr).toBe(0);
		}
		gone(store, problem.id);
	});

	it('new-starter-old-cases: support agreed with the officer and mentor, recorded (QA 8 R5)', async () => {
		const {store, problem} = demoProblem('new-starter-old-cases');
		const way = wayOf(problem, 'welfare-record');
		expect(way.command).toContain('--kind new-starter-support');
		const r = await runWay(way, store, {});
		expect(r.code, r.stderr).toBe(0);
		gone(store, problem.id);
	});

	it('crime-report-not-updated: the update imported from the records system', async () => {
		const {store, dir, problem} = demoProblem('crime-report-not-updated');
		const ref = problem.subject.type === 'case' ? problem.subject.ref : '';
		const file = csvFile(dir, [
			{
				'Crime reference': ref,
				'Last update date': DEMO_TODAY,
				'Last update': 'Statement taken from the witness; next, the phone download.',
			},
		]);
		const r = await runWay(wayOf(problem, 'import'), store, {'FILE.csv': file});
		expect(r.code, r.stderr + r.stdout).toBe(0);
		gone(store, problem.id);
	});

	it('victim-update-overdue: the victim update imported from the records system', async () => {
		const {store, dir, problem} = demoProblem('victim-update-overdue');
		const ref = problem.subject.type === 'case' ? problem.subject.ref : '';
		const file = csvFile(dir, [{'Crime reference': ref, 'Last victim update': DEMO_TODAY}]);
		const r = await runWay(wayOf(problem, 'import'), store, {'FILE.csv': file});
		expect(r.code, r.stderr + r.stdout).toBe(0);
		gone(store, problem.id);
	});

	it('rui-no-update: the suspect update imported from the records system', async () => {
		const {store, dir, problem} = demoProblem('rui-no-update');
		const ref = problem.subject.type === 'case' ? problem.subject.ref : '';
		const way = (problem.resolve ?? []).find(w => w.way === 'import' && w.label.includes('"Last suspect update"'));
		expect(way).toBeDefined();
		const file = csvFile(dir, [{'Crime reference': ref, 'Last suspect update': DEMO_TODAY}]);
		const r = await runWay(way!, store, {'FILE.csv': file});
		expect(r.code, r.stderr + r.stdout).toBe(0);
		gone(store, problem.id);
	});

	it("forensic-wait: the lab's result imported for that submission", async () => {
		const {store, dir, problem} = demoProblem('forensic-wait');
		const ref = problem.subject.type === 'case' ? problem.subject.ref : '';
		const submitted = problem.evidence.find(e => e.type === 'forensic')!.date!;
		const file = csvFile(dir, [{'Crime reference': ref, 'Forensic submitted': submitted, 'Forensic result': DEMO_TODAY}]);
		const r = await runWay(wayOf(problem, 'import'), store, {'FILE.csv': file});
		expect(r.code, r.stderr + r.stdout).toBe(0);
		gone(store, problem.id);
	});

	it('stalled-deliverable: the MG3 submitted, imported from the records system', async () => {
		const {store, dir, problem} = demoProblem('stalled-deliverable');
		const ref = problem.subject.type === 'case' ? problem.subject.ref : '';
		const file = csvFile(dir, [{'Crime reference': ref, 'MG3 status': 'Submitted'}]);
		const r = await runWay(wayOf(problem, 'import'), store, {'FILE.csv': file});
		expect(r.code, r.stderr + r.stdout).toBe(0);
		gone(store, problem.id);
	});

	it('rui-no-update: the end of RUI imported from the records system', async () => {
		const {store, dir, problem} = demoProblem('rui-no-update');
		const ref = problem.subject.type === 'case' ? problem.subject.ref : '';
		const way = (problem.resolve ?? []).find(w => w.way === 'import' && w.label.includes('"RUI"'));
		expect(way).toBeDefined();
		const file = csvFile(dir, [{'Crime reference': ref, RUI: 'no'}]);
		// Ending an RUI is a change the import asks to confirm (README "fortnight import"): --yes answers for a script.
		const r = await runWay(way!, store, {'FILE.csv': file}, undefined, {yes: true});
		expect(r.code, r.stderr + r.stdout).toBe(0);
		gone(store, problem.id);
	});

	it('bail-lapsed: how bail ended, recorded', async () => {
		const {store, problem} = demoProblem('bail-lapsed');
		const r = await runWay(wayOf(problem, 'bail-record', 'fortnight bail record'), store, {'charged|rui|nfa|released': 'nfa'});
		expect(r.code, r.stderr).toBe(0);
		gone(store, problem.id);
	});

	it('bail-due: the suspect re-bailed to a later return date, or how bail ended, recorded', async () => {
		const {store, problem} = demoProblem('bail-due', p => p.id === 'bail-due:CR/30126/26');
		// Return 05 Dec, period ends 01 Jan 2027: re-bailed to 31 Dec, the clock is outside its 14-day window.
		const rebail = (problem.resolve ?? []).find(w => w.command?.includes('--event re-bailed --return D'));
		expect(rebail).toBeDefined();
		let r = await runWay(rebail!, store, {D: '2026-12-31'});
		expect(r.code, r.stderr).toBe(0);
		gone(store, problem.id);

		const other = demoProblem('bail-due', p => p.id === 'bail-due:CR/30126/26');
		const ended = (other.problem.resolve ?? []).find(w => w.command?.includes('--event charged|rui|nfa|released'));
		r = await runWay(ended!, other.store, {'charged|rui|nfa|released': 'charged'});
		expect(r.code, r.stderr).toBe(0);
		gone(other.store, other.problem.id);
	});

	it('bail-supervisor-absent and review-due-supervisor-absent: a cover named on the absence', async () => {
		const {store, problem} = demoProblem('review-due-supervisor-absent');
		const bail = problemsIn(store).find(p => p.kind === 'bail-supervisor-absent')!;
		// The sergeant's own absence: its cover named here by the inspector (the sergeant may too; README "Who may change absences and cover").
		const r = await runWay(wayOf(problem, 'absence-change'), store, {NAME: 'DC Marsh'}, 'DI Okafor');
		expect(r.code, r.stderr).toBe(0);
		gone(store, problem.id);
		gone(store, bail.id);
	});

	it("action-owner-away: a cover named on the owner's absence", async () => {
		const {store, problem} = demoProblem('action-owner-away');
		const r = await runWay(wayOf(problem, 'absence-change'), store, {NAME: 'DC Marsh'});
		expect(r.code, r.stderr).toBe(0);
		gone(store, problem.id);
	});

	const welfare: [ProblemKind, string, (p: Problem) => boolean][] = [
		['welfare-check-in-due', 'check-in', p => p.subject.officerId === 'o0003' && !p.id.endsWith(':questionnaire')],
		['new-starter-one-to-one-due', 'one-to-one', () => true],
		['tenure-review-due', 'tenure-review', p => p.subject.officerId === 'o0003'],
		['screening-due', 'screening', p => p.subject.officerId === 'o0003'],
	];
	for (const [kind, word, pick] of welfare) {
		it(`${kind}: the ${word} recorded`, async () => {
			const {store, problem} = demoProblem(kind, pick);
			const way = wayOf(problem, 'welfare-record');
			expect(way.command).toContain(`--kind ${word}`);
			const r = await runWay(way, store, {});
			expect(r.code, r.stderr).toBe(0);
			gone(store, problem.id);
		});
	}

	it(`welfare-check-in-due for the sergeant: recorded by the inspector`, async () => {
		const {store, problem} = demoProblem('welfare-check-in-due', p => p.subject.officerId === 'o0002');
		const r = await runWay(wayOf(problem, 'welfare-record'), store, {}, 'DI Okafor');
		expect(r.code, r.stderr).toBe(0);
		gone(store, problem.id);
	});

	it('bail-date-edited (a signed extension moved later by a file edit): how bail ended, recorded with bail record', async () => {
		const {store} = demoCopy();
		const ref = 'CR/87204/26';
		const bail = await COMMANDS['bail']!();
		const ext = await runCommand(bail, store, ['record', ref], {
			event: 'extended',
			authorisedBy: 'Insp. K. Lawson',
			rank: 'Inspector',
			return: '2027-01-20',
		});
		expect(ext.code, ext.stderr).toBe(0);
		// The edit outside fortnight (the store library stands in for an editor writing the files).
		const s = await openStore(store);
		await s.apply(d => ({
			...d,
			cases: d.cases.map(c =>
				c.ref === ref ? {...c, bail: {...c.bail!, extensions: c.bail!.extensions.map(x => ({...x, periodEnd: '2027-06-11'}))}} : c,
			),
		}));
		const problem = problemsIn(store).find(p => p.kind === 'bail-date-edited');
		expect(problem?.id).toBe(`bail-date-edited:${ref}`);
		const r = await runWay(wayOf(problem!, 'bail-record', `fortnight bail record ${ref} --event charged`), store, {
			'charged|rui|nfa|released': 'charged',
		});
		expect(r.code, r.stderr).toBe(0);
		gone(store, problem!.id);
	});

	it('every kind is cleared: above by its command, or by a signed review (test/domain/resolve.test.ts), but span of control and rows set aside', () => {
		// The kinds whose way is the guided review (r) or a decision in it: carried out in test/domain/resolve.test.ts
		// (review-date-edited: a signed review sets the date again, test/domain/rules/review-date-edited.test.ts).
		const byReview = ['review-overdue', 'stalled-action', 'performance-trigger', 'identical-updates', 'review-date-edited'];
		// Who reports to whom is set up outside fortnight, and a row set aside is the database owner's to mend
		// (cleared in test/store/pg-record-set-aside.test.ts): their ways say who to raise it with.
		const outside = ['span-of-control', 'store-record-unreadable'];
		expect(PROBLEM_KINDS.filter(k => !cleared.has(k) && !byReview.includes(k) && !outside.includes(k))).toEqual([]);
	});
});
