/**
 * Enter on a decision in the desk's Handover view opens the problem it came from by the problem's id (the
 * handover's `problemId`, README "fortnight handover"), never by kind, subject and words: two forensic
 * submissions of one item on one case, sent the same day, give two problems with the same kind, case and
 * message, and each decision must open its own. The desk matched by words before, so both opened the first.
 * One opened before the rules have run is opened by id and fills in; one no longer a problem says so.
 */
import {describe, expect, it} from 'vitest';
import {isLive} from '../../../../source/domain/case-facts.js';
import type {StoreData} from '../../../../source/domain/model.js';
import {NO_KEY, type KeyInfo} from '../../../../source/ui/contexts/key-names.js';
import {currentHandover} from '../../../../source/ui/desk/desk-handover.js';
import {deskReducer, initialState, type DeskState} from '../../../../source/ui/desk/desk-state.js';
import {activeTab} from '../../../../source/ui/editor/tabs.js';
import {deskModel, withFoundProblems, withProblems} from '../../../../source/ui/model/desk-model.js';
import {problemLines} from '../../../../source/ui/problem-detail/problem-lines.js';
import {handoverBodyHeight, itemInView} from '../../../../source/ui/views/handover/handover-preview.js';
import {actorAs} from '../../../helpers/actor.js';
import {DEMO_TODAY} from '../../../helpers/cli.js';
import {demoData} from '../../desk-harness.js';

const SIZE = {columns: 140, rows: 40};

const press = (s: DeskState, input: string, key: Partial<KeyInfo> = {}): DeskState =>
	deskReducer(s, {type: 'input', input, key: {...NO_KEY, ...key}});
const enter = (s: DeskState) => press(s, '\r', {return: true});

/** The demo with two phones from one live case at the lab since 1 July, no date from it: red on 30 Nov (120 days). */
function twoAlikeSubmissions(): {data: StoreData; ref: string; ids: [string, string]} {
	const data = structuredClone(demoData());
	const c = data.cases.find(x => isLive(x) && x.forensics.length === 0)!;
	const phone = (n: number) => ({id: `${c.ref}-f${n}`, item: 'Mobile phone', submitted: '2026-07-01', expected: null, resultOn: null});
	c.forensics = [phone(8), phone(9)];
	return {data, ref: c.ref, ids: [`forensic-wait:${c.ref}:${c.ref}-f8`, `forensic-wait:${c.ref}:${c.ref}-f9`]};
}

/** The Handover view (its key, 3) with the decision for `problemId` marked › , scrolled to with j as a user would. */
function markedOn(s: DeskState, problemId: string): DeskState {
	s = press(s, '3');
	expect(s.view).toBe('handover');
	const {handover, lines} = currentHandover(s);
	const decision = handover.decisions.findIndex(d => d.problemId === problemId);
	expect(decision, problemId).toBeGreaterThanOrEqual(0);
	const line = lines.findIndex(l => l.open !== undefined && 'decision' in l.open && l.open.decision === decision);
	const marked = (x: DeskState) => itemInView(currentHandover(x).lines, x.handover.scroll, handoverBodyHeight(x.layout.mainHeight));
	for (let i = 0; i < lines.length && marked(s) !== line; i++) s = press(s, 'j');
	expect(marked(s)).toBe(line);
	return s;
}

describe("Handover view: Enter opens a decision's own problem, found by its id", () => {
	const {data, ref, ids} = twoAlikeSubmissions();
	const model = withProblems(deskModel(data, DEMO_TODAY));
	const start = initialState(model, SIZE, actorAs(data.team.sergeantId));

	it('two decisions of one kind and case with the same words each open their own problem', () => {
		// What the old match had to go on is the same for both: kind, case and message.
		const both = currentHandover(press(start, '3')).handover.decisions.filter(d => ids.includes(d.problemId));
		expect(both.map(d => d.problemId)).toEqual(ids);
		expect(new Set(both.map(d => `${d.kind}|${d.caseRef}|${d.message}`)).size).toBe(1);
		expect(both[0]!.severity).toBe('red');
		for (const id of ids) {
			const opened = enter(markedOn(start, id));
			const tab = activeTab(opened.tabs);
			expect(tab).toMatchObject({kind: 'problem', id, ref});
			expect(opened.view).toBe('cases');
			expect(opened.focus).toBe('editor');
			expect(opened.notice).toBeNull();
		}
	});

	it('before the rules have run, opens the problem by its id; its detail fills in when they have', () => {
		const early = initialState(deskModel(data, DEMO_TODAY), SIZE, actorAs(data.team.sergeantId));
		expect(early.model.problemsReady).toBe(false);
		const opened = enter(markedOn(early, ids[1]));
		const tab = activeTab(opened.tabs);
		expect(tab).toMatchObject({kind: 'problem', id: ids[1], ref});
		const subject = {id: ids[1], ref, officerId: tab!.kind === 'problem' ? tab!.officerId : ''};
		expect(problemLines(early.model, subject, 100).map(l => l.text)).toEqual(['Checking the rules...']);
		expect(problemLines(model, subject, 100)[0]!.text).toMatch(/^RED\s+Forensic wait$/);
	});

	it('a decision whose problem is no longer found says so, and opens nothing', () => {
		// The desk's problems from the rules thread without the second phone's (as after its result came back).
		const without = initialState(
			withFoundProblems(
				deskModel(data, DEMO_TODAY),
				model.problems.filter(p => p.id !== ids[1]),
			),
			SIZE,
			actorAs(data.team.sergeantId),
		);
		const marked = markedOn(without, ids[1]);
		const after = enter(marked);
		expect(after.tabs).toBe(marked.tabs);
		expect(after.view).toBe('handover');
		expect(after.notice).toBe(
			`Forensic wait, ${ref} (${currentHandover(marked).handover.decisions.find(d => d.problemId === ids[1])!.officerName}): no longer a problem today, so there is no detail to open.`,
		);
	});
});
