/**
 * The desk keys a problem's ways name (domain/resolve.ts DESK_KEYS, shown by `fortnight problems` and
 * the handover) are the keys the desk's keymap binds to those actions, and help lists them.
 */
import {describe, expect, it} from 'vitest';
import {DESK_KEYS} from '../../source/domain/resolve.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {commandFor, helpLines, KEYMAP, NO_KEY} from '../../source/ui/keymap.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData} from './desk-harness.js';

describe('resolve desk keys and the keymap', () => {
	it('each desk key a way names is bound in the Cases view to that action, and listed in help', () => {
		expect(commandFor(DESK_KEYS.review, NO_KEY, 'cases')).toBe('review');
		expect(commandFor(DESK_KEYS.reallocate, NO_KEY, 'cases')).toBe('reallocate');
		expect(commandFor(DESK_KEYS.decideEscalated, NO_KEY, 'team')).toBe('trigger-decide');
		const named = new Set(findProblems(demoData(), DEMO_TODAY).flatMap(p => (p.resolve ?? []).flatMap(w => (w.desk ? [w.desk.key] : []))));
		expect([...named].sort()).toEqual(Object.values(DESK_KEYS).sort());
		const reallocate = KEYMAP.find(b => b.command === 'reallocate')!;
		expect(reallocate.palette).toBe('Case: reallocate');
		expect(helpLines().join('\n')).toMatch(
			/^m\s+reallocate \(move\) the case to another officer: workload after the move, date, reason \(case, problem detail\)$/m,
		);
	});
});
