/**
 * Every desk write is made as the person at the keyboard (README "Who you are"): one the desk makes
 * without knowing who that is (a write context with no actor) is refused and saves nothing, as the
 * escalated trigger's decision always was, where an absence used to be saved with `recordedBy: ''` and
 * no permission check. The desk itself always runs as someone (commands/desk.ts deskActorFor; the Desk's
 * `actor` prop is required), so this is the write layer's own guard, tested where the desk runs it.
 */
import {readFileSync, rmSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import type {DeskEffect} from '../../../source/ui/effects/desk-effect.js';
import {runDeskEffect} from '../../../source/ui/effects/run-desk-effect.js';
import {DeskStore} from '../../../source/ui/desk-store/desk-store.js';
import type {TriggerDecisionInput} from '../../../source/domain/escalated-triggers.js';
import {openStore} from '../../../source/store/store.js';
import {actorAs} from '../../helpers/actor.js';
import {demoCopy, DEMO_TODAY} from '../../helpers/cli.js';

const ASHWORTH = 'o0003';
const IQBAL = 'o0004';
const MARSH = 'o0006';
const NOW = '2026-11-30T10:00:00.000Z';
const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

async function deskOnCopy() {
	const copy = demoCopy();
	dirs.push(copy.dir);
	const real = await openStore(copy.store);
	return {file: copy.store, store: new DeskStore(real), data: real.snapshot()};
}

describe('a desk write with no one at the keyboard', () => {
	it('each kind is refused, in the words the decision uses, and the store file is not touched', async () => {
		const {file, store, data} = await deskOnCopy();
		const ref = data.cases.find(c => c.oicId === IQBAL && c.status !== 'closed')!.ref;
		const writes: DeskEffect[] = [
			{
				type: 'absence',
				write: {seq: 1, kind: 'add', officerId: IQBAL, absence: {from: '2026-12-01', to: null, reason: 'sick', coverOfficerId: null}},
			},
			{type: 'absence', write: {seq: 2, kind: 'change', absenceId: 'ab0003', change: {coverOfficerId: MARSH}}},
			{type: 'absence', write: {seq: 3, kind: 'end', absenceId: 'ab0003', last: DEMO_TODAY}},
			{type: 'absence', write: {seq: 4, kind: 'cancel', absenceId: 'ab0002'}},
			{
				type: 'reallocate',
				write: {seq: 5, request: {ref, held: null, toOfficerId: MARSH, on: DEMO_TODAY, today: DEMO_TODAY, by: '', reason: 'workload'}},
			},
			{
				type: 'record',
				write: {
					seq: 6,
					kind: 'bail',
					write: {
						ref,
						input: {event: 'rui', on: DEMO_TODAY, returnDate: null, authorisedBy: null, rank: null, periodEnd: null, recordedBy: ''},
					},
				},
			},
			{
				type: 'record',
				write: {seq: 7, kind: 'welfare', write: {input: {officerId: ASHWORTH, kind: 'check-in', date: DEMO_TODAY, by: ''}, note: ''}},
			},
		];
		const before = readFileSync(file);
		const c = {store, actor: null, today: DEMO_TODAY, now: () => NOW};
		for (const effect of writes) {
			const answer = await runDeskEffect(effect, c);
			expect(answer).toEqual([expect.objectContaining({error: 'Not saved: the desk does not know who you are.', notice: ''})]);
		}
		const decision = await runDeskEffect({type: 'decision', write: {seq: 8, input: {} as TriggerDecisionInput}}, c);
		expect(decision).toEqual([expect.objectContaining({error: 'Not recorded: the desk does not know who you are.'})]);
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(store.snapshot()).toBe(data);
	});

	it('the same absence written as the sergeant is saved, recorded as them (the refusal above is for want of an actor alone)', async () => {
		const {store, data} = await deskOnCopy();
		const c = {store, actor: actorAs(data.team.sergeantId), today: DEMO_TODAY, now: () => NOW};
		const write = {
			seq: 1,
			kind: 'add' as const,
			officerId: IQBAL,
			absence: {from: '2026-12-01', to: null, reason: 'sick' as const, coverOfficerId: null},
		};
		const answer = await runDeskEffect({type: 'absence', write}, c);
		expect(answer).toEqual([expect.objectContaining({error: null, notice: expect.stringMatching(/^Recorded ab\d+: DC Iqbal /)})]);
		const added = store.snapshot().absences.find(a => a.officerId === IQBAL && a.from === '2026-12-01')!;
		expect(added.recordedBy).toBe(data.team.sergeantId);
	});
});
