/**
 * Every desk way a problem offers is true (README "Acting on a problem"): for each kind, on a store
 * where it occurs, each way's key is pressed in each place its `desk.where` names, and must open what
 * the way is for (a review tab, the reallocation, bail, welfare, absence or decision form), never
 * answer "Select a case first". An officer's action-owner-away problem offered "r on the case, its
 * problem or its row in the explorer", and r on that problem refused: it names the cases to review now.
 * A `where` this test does not know fails it, so a new wording is walked too. The walk is made twice:
 * with the default keys, and with every way's action on another key in a settings file (README
 * "Settings"): the detail's "What to do" then names that key, never the default one, and that key opens it.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {changeAbsence} from '../../../source/domain/absences.js';
import type {StoreData} from '../../../source/domain/model.js';
import type {Problem} from '../../../source/domain/problem.js';
import {absenceOfWay, DESK_ACTION_KEYS, type DeskAction, type Resolve} from '../../../source/domain/resolve.js';
import {KIND_LABELS} from '../../../source/domain/rules/index.js';
import {hintKey, NO_KEY} from '../../../source/ui/contexts/key-names.js';
import {DEFAULT_KEYMAP, type Keymap} from '../../../source/ui/contexts/registry.js';
import {userKeymap} from '../../../source/ui/contexts/user-keymap.js';
import {openProblemDetail} from '../../../source/ui/desk/desk-acting.js';
import {openCase} from '../../../source/ui/desk/desk-navigation.js';
import {deskReducer, initialState, type DeskState} from '../../../source/ui/desk/desk-state.js';
import {activeTab} from '../../../source/ui/editor/tabs.js';
import {moveTo} from '../../../source/ui/list/list-window.js';
import {problemLines} from '../../../source/ui/problem-detail/problem-lines.js';
import {readSettings} from '../../../source/settings/user-settings.js';
import {deskModel, withProblems} from '../../../source/ui/model/desk-model.js';
import {teamRows, teamVisible} from '../../../source/ui/team/team-rows.js';
import {actorAs} from '../../helpers/actor.js';
import {smallData} from '../../store/small-store.js';
import {EXTENDED_REF, extendedDemo} from '../../domain/rules/bail-fixtures.js';
import {addDays} from '../../../source/domain/dates.js';
import {demoData} from '../desk-harness.js';

const press = (s: DeskState, input: string): DeskState => deskReducer(s, {type: 'input', input, key: NO_KEY});

/** Every way's action on a key of its own, none of them its default (printable: the walk types them). */
const REMAPPED: Record<DeskAction, string> = {
	review: 'v',
	reallocate: 'M',
	'trigger-decide': 'D',
	'bail-record': 'B',
	'welfare-record': 'W',
	'absence-change': 'z',
};

/** The keymap a settings file with REMAPPED gives, read as the desk reads it (settings file, then the registry). */
function remappedFromFile(): Keymap {
	const home = mkdtempSync(path.join(tmpdir(), 'fortnight-desk-ways-'));
	try {
		mkdirSync(path.join(home, 'fortnight'));
		const keys = Object.fromEntries(Object.entries(REMAPPED).map(([action, key]) => [action, [key]]));
		writeFileSync(path.join(home, 'fortnight', 'config.json'), JSON.stringify({keys}));
		const read = readSettings({XDG_CONFIG_HOME: home});
		expect(read.problems).toEqual([]);
		const {keymap, problems} = userKeymap(read.settings.keys);
		expect(problems).toEqual([]);
		return keymap;
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}

/** The key that does `action` in `keymap` (the one a hint names). */
const keyOf = (keymap: Keymap, action: string): string => hintKey(keymap.desk.find(b => b.command === action)?.keys ?? []);

/** Stores and days on which the kinds with a desk way occur (the demo's sergeant away uncovered, then covered). */
function stores(): {data: StoreData; today: string}[] {
	const demo = demoData();
	// DS Brennan's absence with a DC as cover: the cover's own cases need another supervisor's review.
	const covered = changeAbsence(demo, 'ab0002', {coverOfficerId: 'o0006'}).data;
	const generated = smallData(300);
	// A next review date and a bail period end moved later outside fortnight (REVIEW-9 D6): signing a review
	// and recording the bail clear them.
	const reviewed = demo.cases.find(c => c.status !== 'closed' && demo.chain.some(e => e.kind === 'review' && e.data.caseRef === c.ref))!;
	const dateMoved = {
		...demo,
		cases: demo.cases.map(c => (c.ref === reviewed.ref ? {...c, nextReviewDue: addDays(c.nextReviewDue, 20)} : c)),
	};
	const extended = extendedDemo();
	const endMoved = {
		...extended,
		cases: extended.cases.map(c =>
			c.ref === EXTENDED_REF
				? {
						...c,
						bail: {
							...c.bail!,
							extensions: c.bail!.extensions.map((x, i, all) => (i === all.length - 1 ? {...x, periodEnd: '2027-06-11'} : x)),
						},
					}
				: c,
		),
	};
	return [
		{data: dateMoved, today: '2026-11-30'},
		{data: endMoved, today: '2026-12-04'},
		...['2026-11-30', '2026-12-15', '2027-01-10'].map(today => ({data: demo, today})),
		// Before the absence the cover's own reviews falling due in it are "needs an independent supervisor";
		// once overdue under her cover they are one review-overdue problem for the inspector (QA 8 D1).
		...['2026-12-09', '2026-12-15'].map(today => ({data: covered, today})),
		...['2026-11-30', '2026-12-20'].map(today => ({data: generated, today})),
	];
}

/** What pressing the way's key opened (and on what), or the notice it gave instead. */
function opened(s: DeskState, p: Problem, way: Resolve): string {
	const tab = activeTab(s.tabs);
	const action = way.desk!.action;
	if (action === 'review' && s.focus === 'editor' && tab?.kind === 'review') return 'review';
	if (action === 'reallocate' && s.reallocateForm) return 'reallocate';
	if (action === 'bail-record' && s.recordForm?.kind === 'bail')
		return s.recordForm.subject === (p.subject.type === 'case' ? p.subject.ref : '')
			? 'bail'
			: `not opened: bail on ${s.recordForm.subject}`;
	if (action === 'welfare-record' && s.recordForm?.kind === 'welfare')
		return s.recordForm.subject === p.subject.officerId ? 'welfare' : `not opened: welfare for ${s.recordForm.subject}`;
	// The absence the way names, not another of someone's.
	if (action === 'absence-change' && s.absenceForm)
		return s.absenceForm.absenceId === absenceOfWay(way) ? 'absence' : `not opened: absence ${s.absenceForm.absenceId}`;
	if (action === 'trigger-decide' && s.decisionForm) return 'decision';
	return `not opened: ${s.notice ?? '(no notice)'}`;
}

/** The Team view with `officerId`'s row selected. */
function teamRowOf(s: DeskState, officerId: string): DeskState {
	const rows = teamRows(s.model);
	const at = rows.findIndex(r => r.officer.id === officerId);
	expect(at, officerId).toBeGreaterThanOrEqual(0);
	return {...s, view: 'team', focus: 'explorer', team: moveTo(s.team, at, rows.length, teamVisible(s.layout.mainHeight))};
}

/** A live case `officerId` holds, opened in a tab. */
function oneOfTheirCases(s: DeskState, officerId: string): DeskState {
	const c = s.model.data.cases.find(x => x.oicId === officerId && x.closedOn === null);
	expect(c, `a live case of ${officerId}`).toBeDefined();
	return openCase(s, c!.ref);
}

/** The states to press the key in, for each place a way's `where` names. */
function places(s: DeskState, p: Problem, way: Resolve): [string, DeskState][] {
	const key = (action: string) => keyOf(s.keymap, action);
	const detail = openProblemDetail(s, p);
	const ref = p.subject.type === 'case' ? p.subject.ref : null;
	// An officer's problem has no one case: the key is pressed on its detail, as a reader would.
	const caseTab = (): [string, DeskState] => ['the case', ref ? openCase(s, ref) : detail];
	switch (way.desk!.where) {
		case 'the case, its problem or its row in the explorer':
			return [
				caseTab(),
				['its problem', detail],
				['its row in the explorer', ref ? {...openCase(s, ref), focus: 'explorer'} : {...detail, focus: 'explorer'}],
			];
		case 'the problem, the case, or the palette':
			return [['the problem', detail], caseTab()];
		case "one of the officer's cases":
		case "one of the officer's cases (step 5 of the review)":
			return [["one of the officer's cases", oneOfTheirCases(s, p.subject.officerId)]];
		case "one of the officer's cases (the problem shows them in the explorer)": {
			// The key on the problem shows their cases; on one of them it opens the form.
			const shown = press(detail, key(way.desk!.action));
			expect(shown.focus, `${p.kind}: ${shown.notice}`).toBe('explorer');
			return [['a case the problem shows', press(shown, key('down'))]];
		}
		case 'each case the problem lists (its row in the explorer, or the palette and its reference)': {
			const refs = [...new Set(p.evidence.map(e => e.caseRef).filter((r): r is string => typeof r === 'string'))];
			expect(refs.length).toBeGreaterThan(0);
			// Its row (the case opened from the explorer), or the palette: its key, the reference, Enter.
			const byPalette = (r: string) =>
				deskReducer(press(press(detail, key('palette')), r), {type: 'input', input: '\r', key: {...NO_KEY, return: true}});
			return refs.flatMap(r => [
				[`listed case ${r}`, openCase(s, r)] as [string, DeskState],
				[`: and ${r}`, byPalette(r)] as [string, DeskState],
			]);
		}
		case "the problem, or the absent officer's row in the Team view": {
			const absence = s.model.data.absences.find(a => a.id === absenceOfWay(way));
			return [
				['the problem', detail],
				["the absent officer's row in the Team view", teamRowOf(s, absence!.officerId)],
			];
		}
		case "the problem, or the officer's row in the Team view":
			return [
				['the problem', detail],
				["the officer's row in the Team view", teamRowOf(s, p.subject.officerId)],
			];
		case "the Team view (the inspector's queue)":
			// d in the Team view goes to the next trigger on the inspector's list; d again decides it.
			return [['the Team view', press(teamRowOf(s, p.subject.officerId), key('trigger-decide'))]];
		default:
			throw new Error(`${p.kind}: no walk for the desk way "${way.desk!.where}": add one`);
	}
}

/** The detail's "What to do" names the way's key in `keymap`, and not its default key when that differs. */
function namedInDetail(s: DeskState, p: Problem, way: Resolve): string | null {
	const key = keyOf(s.keymap, way.desk!.action);
	const lines = problemLines(
		s.model,
		{id: p.id, ref: p.subject.type === 'case' ? p.subject.ref : null, officerId: p.subject.officerId},
		140,
		s.keymap,
	);
	const texts = lines.map(l => l.text);
	const where = `     desk: ${key} on ${way.desk!.where}`.slice(0, 100);
	if (!texts.some(t => t.startsWith(where))) return `no "${where}" in the detail`;
	const old = DESK_ACTION_KEYS[way.desk!.action];
	if (old !== key && texts.some(t => t.startsWith(`     desk: ${old} on `) || t.startsWith(`  ${old}  `)))
		return `the detail still names the default key ${old}`;
	return null;
}

describe("each kind's desk ways, walked on a store where it occurs", () => {
	it.each([
		['the default keys', () => DEFAULT_KEYMAP],
		['every way remapped in a settings file', remappedFromFile],
	])('open what they offer from every place they name, with %s', (_, keys) => {
		const keymap = keys();
		const walked = new Set<string>();
		const failures: string[] = [];
		for (const {data, today} of stores()) {
			const model = withProblems(deskModel(data, today));
			const sergeant = initialState(model, {columns: 140, rows: 40}, actorAs(data.team.sergeantId), keymap);
			const inspector = initialState(model, {columns: 140, rows: 40}, actorAs(data.team.inspectorId ?? data.team.sergeantId), keymap);
			for (const p of model.problems) {
				for (const way of p.resolve ?? []) {
					if (!way.desk) continue;
					const id = `${p.kind} ${way.way} ${way.desk.where}`;
					if (walked.has(id)) continue;
					walked.add(id);
					// As whoever may act (README "Who you are"): the inspector on the sergeant's own problems and the inspector's queue.
					const start = way.desk.action === 'trigger-decide' || p.subject.officerId === data.team.sergeantId ? inspector : sergeant;
					const key = keyOf(keymap, way.desk.action);
					const named = namedInDetail(start, p, way);
					if (named) failures.push(`${p.kind} (${p.id}): ${named}`);
					for (const [place, s] of places(start, p, way)) {
						const what = opened(press(s, key), p, way);
						if (what.startsWith('not opened')) failures.push(`${p.kind}: ${key} on ${place} (${p.id}): ${what}`);
					}
				}
			}
		}
		expect(failures).toEqual([]);
		// Every kind that offers a desk way was walked (kinds offering none: the records system, or the team's structure).
		const kinds = new Set([...walked].map(w => w.split(' ')[0]));
		const none = ['crime-report-not-updated', 'forensic-wait', 'rui-no-update', 'stalled-deliverable', 'victim-update-overdue'];
		// ...nor a row set aside, which the database owner mends (docs/rules.md "Records set aside").
		const outside = ['span-of-control', 'store-record-unreadable'];
		expect(Object.keys(KIND_LABELS).filter(k => !kinds.has(k) && !none.includes(k) && !outside.includes(k))).toEqual([]);
	});
});
