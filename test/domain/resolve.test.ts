/**
 * README "Acting on a problem": every ProblemKind declares its ways to clear it (in its rule file's
 * declaration, read from the registry by rules/index.ts), and the ways the desk opens with `r` clear their problem when
 * carried out: a guided review signed with the answers the way describes, through the same
 * signReview the desk's review screen calls. (Command-line ways: test/commands/resolve-clears.test.ts.)
 */
import {describe, expect, it} from 'vitest';
import {decideEscalatedTrigger} from '../../source/domain/escalated-triggers.js';
import type {StoreData} from '../../source/domain/model.js';
import {type Problem, type ProblemKind} from '../../source/domain/problem.js';
import {officerWord, RESOLVE_WAYS, shellWord} from '../../source/domain/resolve.js';
import {reviewContext, signReview, type ReviewAnswers} from '../../source/domain/review/index.js';
import {findProblems, PROBLEM_KINDS, RESOLVE} from '../../source/domain/rules/index.js';
import {extendedDemo} from './rules/bail-fixtures.js';
import {completeAnswers, loadDemo, SERGEANT, sign, SIGNED_AT, TODAY} from './review/fixtures.js';

/**
 * The demo, plus a cover who holds cases (the demo's coming absence names none), plus a case whose next
 * review date was moved outside fortnight (review-date-edited), plus one whose signed bail extension was
 * moved later (bail-date-edited): never in a store fortnight wrote alone.
 */
function everyKind(): Map<ProblemKind, Problem[]> {
	const demo = loadDemo();
	const covered = loadDemo();
	covered.absences.find(a => a.id === 'ab0002')!.coverOfficerId = 'o0006';
	// A PostgreSQL row set aside as unreadable (store/validate-records.ts): only a database read lists one.
	covered.setAside = [
		{
			list: 'absences',
			table: 'fortnight_absences',
			key: 'ab0900',
			caseRef: null,
			officerId: 'o0002',
			problem: 'the absence ends (to) before it starts (from)',
			dependsOn: null,
			lastChange: null,
		},
	];
	const edited = loadDemo();
	edited.cases.find(c => c.ref === 'CR/88397/26')!.nextReviewDue = '2026-12-30';
	const extended = extendedDemo();
	const bailEdited = {
		...extended,
		cases: extended.cases.map(c =>
			c.ref === 'CR/87204/26' ? {...c, bail: {...c.bail!, extensions: c.bail!.extensions.map(x => ({...x, periodEnd: '2027-06-11'}))}} : c,
		),
	};
	const byKind = new Map<ProblemKind, Problem[]>();
	for (const p of [demo, covered, edited, bailEdited].flatMap(d => findProblems(d, TODAY)))
		byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
	return byKind;
}

/**
 * The kinds fortnight cannot clear: who reports to whom is set up outside it, and a row set aside is the
 * database owner's to mend (README "Acting on a problem"), each with its one way, neither key nor command.
 */
const OUTSIDE_FORTNIGHT: ReadonlyMap<ProblemKind, string> = new Map([
	['span-of-control', 'team-structure'],
	['store-record-unreadable', 'database-owner'],
]);

describe('every ProblemKind has a way to resolve it', () => {
	it('each kind is declared by its rule (read into rules/index.ts RESOLVE), and nothing else is', () => {
		expect(Object.keys(RESOLVE).sort()).toEqual([...PROBLEM_KINDS].sort());
	});

	it('each kind, on the demo or a cover who holds cases, offers a desk key or a command, except the team-structure and database-owner ones', () => {
		const byKind = everyKind();
		for (const kind of PROBLEM_KINDS) {
			const found = byKind.get(kind);
			expect(found, `a ${kind} problem`).toBeDefined();
			for (const p of found!) {
				const ways = p.resolve ?? [];
				expect(ways.length, p.id).toBeGreaterThan(0);
				for (const w of ways) expect(RESOLVE_WAYS).toContain(w.way);
				const usable = ways.filter(w => w.desk !== null || w.command !== null);
				if (OUTSIDE_FORTNIGHT.has(kind))
					expect(
						ways.map(w => w.way),
						p.id,
					).toEqual([OUTSIDE_FORTNIGHT.get(kind)]);
				else expect(usable.length, `${p.id} has a desk key or a command`).toBeGreaterThan(0);
			}
		}
	});

	it('names what is known and quotes it for a shell: the case, the absence, the officer', () => {
		const byKind = everyKind();
		const bail = byKind.get('bail-officer-absent')!.find(p => p.id === 'bail-officer-absent:CR/87204/26')!;
		expect(bail.resolve!.map(w => w.command)).toEqual([
			'fortnight case reallocate CR/87204/26 --to OFFICER --reason TEXT',
			'fortnight bail record CR/87204/26 --event charged|rui|nfa|released',
		]);
		expect(bail.resolve![0]!.desk).toEqual({action: 'reallocate', key: 'm', where: 'the problem, the case, or the palette'});
		const away = byKind.get('review-due-supervisor-absent')![0]!;
		expect(away.resolve!.map(w => w.command)).toEqual(['fortnight absence change ab0002 --cover NAME']);
		const screening = byKind.get('screening-due')!.find(p => p.subject.officerId === 'o0003')!;
		expect(screening.resolve!.map(w => w.command)).toEqual(['fortnight welfare record "DC Ashworth" --kind screening']);
		// The sergeant's own check-in is the inspector's to hold and record.
		const sergeant = byKind.get('welfare-check-in-due')!.find(p => p.subject.officerId === 'o0002')!;
		expect(sergeant.resolve![0]!.label).toBe('DI Okafor holds the check-in with DS Brennan and records it');
		expect(shellWord('CR/1/26')).toBe('CR/1/26');
		expect(shellWord('DC Ashworth')).toBe('"DC Ashworth"');
		expect(shellWord("O'Neil $HOME")).toBe(`'O'\\''Neil $HOME'`);
		expect(shellWord('a\u001b]52;c;x\u0007b')).not.toContain('\u001b');
		const officers = loadDemo().officers;
		expect(officerWord([...officers, {...officers[2]!, id: 'o0099', collarNumber: '9999'}], 'o0003')).toBe('o0003');
	});
});

/** Signs a complete review of `ref` by the sergeant with `change` applied to the fixture's answers. */
function signed(data: StoreData, ref: string, change: (a: ReviewAnswers) => void = () => {}): StoreData {
	const ctx = reviewContext(data, ref, TODAY);
	const answers = completeAnswers(ctx);
	change(answers);
	return signReview(data, {caseRef: ref, answers}, {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign, context: ctx}).next;
}

const ids = (data: StoreData) => findProblems(data, TODAY).map(p => p.id);

describe('the ways the desk opens with r clear their problem', () => {
	it('review-overdue: the case reviewed', () => {
		const data = loadDemo();
		const p = findProblems(data, TODAY).find(x => x.kind === 'review-overdue')!;
		expect(p.resolve!.map(w => [w.way, w.desk?.key])).toEqual([['review', 'r']]);
		expect(ids(signed(data, p.subject.type === 'case' ? p.subject.ref : ''))).not.toContain(p.id);
	});

	it('stalled-action: the action settled as done in a review of its case', () => {
		const data = loadDemo();
		const p = findProblems(data, TODAY).find(x => x.id === 'stalled-action:CR/31807/26:CR/31807/26-a16')!;
		expect(p.resolve!.map(w => w.desk?.key)).toEqual(['r']);
		const after = signed(data, 'CR/31807/26', a => {
			for (const id of Object.keys(a.outcomes)) a.outcomes[id] = {outcome: 'carried', reason: 'Waiting on the lab.'};
			a.outcomes['CR/31807/26-a16'] = {outcome: 'done', reason: ''};
		});
		expect(ids(after)).not.toContain(p.id);
	});

	it("performance-trigger: an action plan recorded in step 5 of a review of one of the officer's cases", () => {
		const data = loadDemo();
		const p = findProblems(data, TODAY).find(x => x.id === 'performance-trigger:o0009')!;
		expect(p.resolve!.map(w => [w.way, w.desk?.key])).toEqual([['performance-decision', 'r']]);
		const after = signed(data, 'CR/31807/26', a => {
			a.performance = {decision: 'action-plan', reason: 'Agreed with DC Carter.', planReviewDate: '', concern: ''};
		});
		expect(ids(after)).not.toContain(p.id);
	});

	it("performance-trigger on the inspector's list: the inspector's decision (d in the Team view) takes it off", () => {
		const data = loadDemo();
		const p = findProblems(data, TODAY).find(x => x.id === 'performance-trigger:o0003')!;
		expect(p.severity).toBe('red');
		expect(p.resolve!.map(w => [w.way, w.desk?.key])).toEqual([['performance-decision', 'd']]);
		const input = {officerId: 'o0003', decision: 'not-now' as const, reason: 'Off sick; the cases are reallocated.', planReviewDate: ''};
		const after = decideEscalatedTrigger(data, input, {today: TODAY, signedAt: SIGNED_AT, by: 'o0001', sign}).next;
		const now = findProblems(after, TODAY).find(x => x.id === p.id);
		expect(now?.severity ?? 'gone').not.toBe('red');
	});

	it('identical-updates: the check with the officer recorded as a decision answers it (escalating does not)', () => {
		const data = loadDemo();
		const p = findProblems(data, TODAY).find(x => x.kind === 'identical-updates' && x.subject.officerId === 'o0008')!;
		expect(p.resolve!.map(w => [w.way, w.desk?.key])).toEqual([['performance-decision', 'r']]);
		const escalated = signed(data, 'CR/55195/25', a => {
			a.performance = {decision: 'escalate', reason: 'For the inspector.', planReviewDate: '', concern: ''};
		});
		expect(ids(escalated)).toContain(p.id);
		const answered = signed(data, 'CR/55195/25', a => {
			a.performance = {
				decision: 'not-now',
				reason: 'Checked: both updates describe the one DFU chase, for two seized devices.',
				planReviewDate: '',
				concern: '',
			};
		});
		expect(ids(answered)).not.toContain(p.id);
		// The trigger still holds the finding as evidence, with the decision beside it.
		const trigger = findProblems(answered, TODAY).find(x => x.id === 'performance-trigger:o0008')!;
		expect(trigger.evidence.some(e => e.type === 'update')).toBe(true);
	});

	it("identical-updates while the trigger is on the inspector's list: the inspector's d, not a review's step 5 (QA-4 D-D)", () => {
		const data = loadDemo();
		const p = findProblems(data, TODAY).find(x => x.kind === 'identical-updates' && x.subject.officerId === 'o0003')!;
		expect(findProblems(data, TODAY).find(x => x.id === 'performance-trigger:o0003')!.severity).toBe('red');
		// The way the trigger's own problem names: d in the Team view, and who can (the inspector, by name).
		expect(p.resolve!.map(w => [w.way, w.desk?.key, w.desk?.where])).toEqual([
			['performance-decision', 'd', "the Team view (the inspector's queue)"],
		]);
		expect(p.resolve![0]!.label).toMatch(/^DI Okafor \(the inspector\) records a decision for DC Ashworth/);
		// The sergeant's signed review of one of the officer's cases records no decision, so the finding stays.
		expect(ids(signed(data, 'CR/32449/23'))).toContain(p.id);
		const input = {officerId: 'o0003', decision: 'not-now' as const, reason: 'Checked the updates with DC Ashworth.', planReviewDate: ''};
		const after = decideEscalatedTrigger(data, input, {today: TODAY, signedAt: SIGNED_AT, by: 'o0001', sign}).next;
		expect(ids(after)).not.toContain(p.id);
	});

	it("welfare-check-in-due: the check-in recorded in step 6 of a review of one of the officer's cases", () => {
		const data = loadDemo();
		const p = findProblems(data, TODAY).find(x => x.id === 'welfare-check-in-due:o0006')!;
		expect(p.resolve!.map(w => [w.way, w.desk?.key ?? null])).toEqual([
			['welfare-record', 'w'],
			['review', 'r'],
		]);
		const ref = data.cases.find(c => c.oicId === 'o0006' && c.status !== 'closed')!.ref;
		const after = signed(data, ref, a => {
			a.welfare = {checkIn: true, note: '', flags: []};
		});
		expect(ids(after)).not.toContain(p.id);
	});
});

describe('"Bail due, OIC away" offers only ways that clear it (DOMAIN "every alarm needs a way to clear it")', () => {
	const ways = (data: StoreData, ref: string) =>
		findProblems(data, TODAY)
			.find(p => p.id === `bail-officer-absent:${ref}`)!
			.resolve!.map(w => w.command);

	it('OIC off sick with no end date: reallocate or record how bail ended; no re-bail or extension, which would still fall in the absence', () => {
		const data = loadDemo();
		expect(ways(data, 'CR/67540/25')).toEqual([
			'fortnight case reallocate CR/67540/25 --to OFFICER --reason TEXT',
			'fortnight bail record CR/67540/25 --event charged|rui|nfa|released',
		]);
	});

	it('OIC back on a known date: a re-bail or an extension to a return date after it, when the period (or the next) runs past it', () => {
		const data = loadDemo();
		data.absences = data.absences.map(a => (a.id === 'ab0003' ? {...a, to: '2026-12-20'} : a));
		// CR/87204/26: return 02 Dec, period ends 11 Dec (before the OIC is back), an inspector's extension runs to 11 Mar 2027.
		const p = findProblems(data, TODAY).find(x => x.id === 'bail-officer-absent:CR/87204/26')!;
		expect(p.resolve!.map(w => w.command)).toEqual([
			'fortnight case reallocate CR/87204/26 --to OFFICER --reason TEXT',
			'fortnight bail record CR/87204/26 --event extended --authorised-by NAME --rank RANK --return D',
			'fortnight bail record CR/87204/26 --event charged|rui|nfa|released',
		]);
		expect(p.resolve![1]!.label).toBe(
			'Record the extension (an inspector before 11 Dec) with a return date after 20 Dec, when DC Ashworth is back',
		);
		// A new snapshot (the rules' context is kept per snapshot): back on 05 Dec, inside the period.
		const sooner = {...data, absences: data.absences.map(a => (a.id === 'ab0003' ? {...a, to: '2026-12-05'} : a))};
		expect(ways(sooner, 'CR/87204/26')).toContain('fortnight bail record CR/87204/26 --event re-bailed --return D');
	});
});
