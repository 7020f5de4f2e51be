/**
 * The default desk keys a problem's ways name (domain/resolve.ts DESK_ACTION_KEYS, shown by `fortnight
 * problems` and the handover) are the keys the desk's default keymap binds to the ways' actions, and help
 * lists them. (The desk itself names the keys in force: test/ui/problem-detail/desk-ways.test.ts.)
 */
import {describe, expect, it} from 'vitest';
import {DESK_ACTION_KEYS, DESK_KEYS, type DeskAction} from '../../source/domain/resolve.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {commandFor, helpLines, KEYMAP, NO_KEY} from '../../source/ui/keymap.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData} from './desk-harness.js';

describe('resolve desk keys and the keymap', () => {
	it('each desk key a way names is bound in the Cases view to that action, and listed in help', () => {
		expect(commandFor(DESK_KEYS.review, NO_KEY, 'cases')).toBe('review');
		expect(commandFor(DESK_KEYS.reallocate, NO_KEY, 'cases')).toBe('reallocate');
		expect(commandFor(DESK_KEYS.decideEscalated, NO_KEY, 'team')).toBe('trigger-decide');
		// Each action's default key does that action in the view its key works in (the Team view's own keys there).
		for (const [action, key] of Object.entries(DESK_ACTION_KEYS) as [DeskAction, string][]) {
			const view = action === 'absence-change' || action === 'trigger-decide' ? 'team' : 'cases';
			expect(commandFor(key, NO_KEY, view), action).toBe(action);
		}
		const ways = findProblems(demoData(), DEMO_TODAY).flatMap(p => (p.resolve ?? []).flatMap(w => (w.desk ? [w.desk] : [])));
		for (const desk of ways) expect(desk.key).toBe(DESK_ACTION_KEYS[desk.action]);
		expect([...new Set(ways.map(d => d.key))].sort()).toEqual(Object.values(DESK_KEYS).sort());
		const reallocate = KEYMAP.find(b => b.command === 'reallocate')!;
		expect(reallocate.palette).toBe('Case: reallocate');
		expect(helpLines().join('\n')).toMatch(
			/^m\s+reallocate \(move\) the case to another officer: workload after the move, date, reason \(case, problem detail\)$/m,
		);
	});
});
