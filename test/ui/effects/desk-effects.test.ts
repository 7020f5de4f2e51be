/**
 * The desk's effects layer (source/ui/effects/): the reducer queues effect descriptions, the runner
 * carries them out one at a time in the order asked, and a write that fails is answered so its form keeps
 * what was typed, with nothing written and the writes after it still carried out.
 */
import {describe, expect, it} from 'vitest';
import type {DeskAction} from '../../../source/ui/desk/desk-actions.js';
import {deskReducer, initialState, type DeskState} from '../../../source/ui/desk/desk-state.js';
import {deskModel, withProblems} from '../../../source/ui/model/desk-model.js';
import {DeskStore} from '../../../source/ui/desk-store/desk-store.js';
import type {DeskEffect, QueuedEffect} from '../../../source/ui/effects/desk-effect.js';
import {effectRunner} from '../../../source/ui/effects/effect-runner.js';
import {failedEffect, runDeskEffect} from '../../../source/ui/effects/run-desk-effect.js';
import {NO_KEY} from '../../../source/ui/contexts/key-names.js';
import {openStore, readStoreFile, type Store} from '../../../source/store/store.js';
import {StoreError} from '../../../source/store/errors.js';
import {actorAs} from '../../helpers/actor.js';
import {demoCopy, DEMO_TODAY} from '../../helpers/cli.js';

const reload: DeskEffect = {type: 'reload'};
const queued = (...effects: DeskEffect[]): QueuedEffect[] => effects.map((effect, i) => ({id: i + 1, effect}));
const notice = (text: string): DeskAction => ({type: 'notice', text});

describe('effect runner', () => {
	it('runs the effects one at a time, in the order asked, each answer as it comes; a queue seen again is not run again', async () => {
		const log: string[] = [];
		const dispatched: DeskAction[] = [];
		let n = 0;
		const runner = effectRunner(
			async () => {
				const me = ++n;
				log.push(`start ${me}`);
				// The first takes longest: were they run together, the second would end first.
				await new Promise(r => setTimeout(r, me === 1 ? 40 : 1));
				log.push(`end ${me}`);
				return [notice(`done ${me}`)];
			},
			failedEffect,
			a => dispatched.push(a),
		);
		const queue = queued(reload, reload);
		void runner.take(queue);
		await runner.take(queue);
		await runner.take([...queue, {id: 3, effect: reload}]);
		expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
		expect(dispatched).toEqual([
			{type: 'effects-taken', through: 2},
			notice('done 1'),
			notice('done 2'),
			{type: 'effects-taken', through: 3},
			notice('done 3'),
		]);
	});

	it('an effect that throws is answered for its form (what was typed is kept) and the next one still runs', async () => {
		const dispatched: DeskAction[] = [];
		const write: DeskEffect = {type: 'absence', write: {seq: 7, kind: 'cancel', absenceId: 'ab0002'}};
		const runner = effectRunner(
			async effect => {
				if (effect.type === 'absence') throw new Error('disk on fire.');
				return [notice('reloaded')];
			},
			failedEffect,
			a => dispatched.push(a),
		);
		await runner.take(queued(write, reload));
		expect(dispatched.slice(1)).toEqual([
			{type: 'absence-written', seq: 7, error: 'Not saved: disk on fire. What you typed is kept.', notice: ''},
			notice('reloaded'),
		]);
	});
});

/** The file store, with its next `failures` applies refused as a held lock refuses them. */
function failing(real: Store, failures: number): Store {
	let left = failures;
	return {
		get file() {
			return real.file;
		},
		readOnly: false,
		readOnlyReason: null,
		snapshot: () => real.snapshot(),
		apply: change =>
			left-- > 0 ? Promise.reject(new StoreError('locked', `${real.file} is locked by another user; try again.`)) : real.apply(change),
		changedOnDisk: () => real.changedOnDisk(),
		reload: () => real.reload(),
		saveCopy: (file, data) => real.saveCopy(file, data),
	};
}

describe('desk effects', () => {
	it('y to end an absence queues one write; refused by the store it says why, writes nothing and the next y goes through', async () => {
		const {store: file} = demoCopy();
		const real = await openStore(file);
		const store = new DeskStore(failing(real, 1));
		const actor = actorAs(real.snapshot().team.sergeantId);
		const context = {store, actor, today: DEMO_TODAY, now: () => '2026-11-30T10:00:00.000Z'};
		let s: DeskState = initialState(withProblems(deskModel(real.snapshot(), DEMO_TODAY)), {columns: 120, rows: 36}, actor);
		const runner = effectRunner(
			effect => runDeskEffect(effect, context),
			failedEffect,
			a => (s = deskReducer(s, a)),
		);
		const askToEnd = () => {
			s = {...s, view: 'team', endConfirm: {absenceId: 'ab0003', question: 'End ab0003 today?'}};
			s = deskReducer(s, {type: 'input', input: 'y', key: NO_KEY});
		};

		askToEnd();
		expect(s.effects.map(e => e.effect)).toEqual([{type: 'absence', write: {seq: 1, kind: 'end', absenceId: 'ab0003', last: DEMO_TODAY}}]);
		await runner.take(s.effects);
		expect(s.effects).toEqual([]);
		expect(s.absenceWrite).toBeNull();
		expect(s.notice).toBe(`Not saved: ${file} is locked by another user; try again.`);
		expect((await readStoreFile(file)).data.absences.find(a => a.id === 'ab0003')!.to).toBeNull();

		askToEnd();
		expect(s.effects.map(e => e.id)).toEqual([2]);
		await runner.take(s.effects);
		expect(s.notice).toMatch(/^Ended ab0003: /);
		expect((await readStoreFile(file)).data.absences.find(a => a.id === 'ab0003')!.to).toBe(DEMO_TODAY);
		// The desk's one holder of the snapshot has the change: the desk redraws from it.
		expect(store.snapshot().absences.find(a => a.id === 'ab0003')!.to).toBe(DEMO_TODAY);
	});

	it('E through a later part of an absence kept in parts says the absence by its first part (QA 7 R9)', async () => {
		const {store: file} = demoCopy();
		const real = await openStore(file);
		const store = new DeskStore(real);
		const actor = actorAs(real.snapshot().team.sergeantId);
		const context = {store, actor, today: DEMO_TODAY, now: () => '2026-11-30T10:00:00.000Z'};
		// DC Ashworth sick from 28 Nov (ab0003); Marsh covers 30 Nov-02 Dec, a part of its own (ab0005).
		const write = {
			seq: 1,
			kind: 'change',
			absenceId: 'ab0003',
			change: {coverOfficerId: 'o0006'},
			coverDays: {from: DEMO_TODAY, to: '2026-12-02'},
		};
		const changed = await runDeskEffect({type: 'absence', write} as DeskEffect, context);
		expect(changed).toEqual([expect.objectContaining({error: null})]);
		expect(store.snapshot().absences.find(a => a.id === 'ab0005')?.partOf).toBe('ab0003');
		const ended = await runDeskEffect(
			{type: 'absence', write: {seq: 2, kind: 'end', absenceId: 'ab0005', last: '2026-12-02'}} as DeskEffect,
			context,
		);
		expect(ended).toEqual([expect.objectContaining({error: null, notice: expect.stringMatching(/^Ended ab0003: /)})]);
	});

	it('u and e in the Log view queue a reload and an export, carried out in that order', async () => {
		const {store: file} = demoCopy();
		const real = await openStore(file);
		const store = new DeskStore(real);
		const actor = actorAs(real.snapshot().team.sergeantId);
		let s: DeskState = initialState(withProblems(deskModel(real.snapshot(), DEMO_TODAY)), {columns: 120, rows: 36}, actor);
		const notices: string[] = [];
		const runner = effectRunner(
			effect => runDeskEffect(effect, {store, actor, today: DEMO_TODAY, now: () => '2026-11-30T10:00:00.000Z'}),
			failedEffect,
			a => {
				s = deskReducer(s, a);
				if (a.type === 'notice' && a.text) notices.push(a.text);
			},
		);
		for (const input of ['4', 'u', 'e']) s = deskReducer(s, {type: 'input', input, key: NO_KEY});
		expect(s.effects.map(e => e.effect.type)).toEqual(['reload', 'log-export']);
		await runner.take(s.effects);
		expect(notices[0]).toMatch(/^Reloaded .*team\.json \(revision \d+\)\.$/);
		expect(notices[1]).toMatch(/^Exported the review log to .*\.csv$/);
	});
});
