/**
 * A review draft is dated on the desk's day (QA R14; source/domain/worked-day.ts): at `--today
 * 2026-11-30` with the clock on 06 Dec, the handover said a draft left unsigned was "started by DS Tom
 * Brennan on 06 Dec 2026, last saved 06 Dec 2026". The draft's instants stay the clock's; the desk's day
 * is kept beside them and the handover gives that day.
 */
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {openStore, readStoreFile, type Store} from '../../../source/store/store.js';
import {ReviewScreen} from '../../../source/ui/review/review-screen.js';
import {DEMO_TODAY, demoCopy, runCli} from '../../helpers/cli.js';
import {SERGEANT_ACTOR} from '../../helpers/actor.js';
import {KEYS, press, ready, until} from './ink-keys.js';
import {heldAs} from '../../../source/domain/reallocate.js';
import {DeskStore} from '../../../source/ui/desk-store/desk-store.js';
import {writeReallocation} from '../../../source/ui/effects/store-writes.js';
import {actorAs} from '../../helpers/actor.js';

const REF = 'CR/88397/26';

afterEach(() => cleanup());

async function draftSaved(store: Store, file: string, today: string, now: string) {
	const app = render(
		<ReviewScreen
			data={store.snapshot()}
			store={store}
			caseRef={REF}
			today={today}
			actor={SERGEANT_ACTOR}
			width={100}
			rows={60}
			isActive
			color={false}
			saveDelayMs={30}
			now={() => new Date(now)}
			onExit={() => {}}
			onChanged={() => {}}
		/>,
	);
	await ready(app);
	await until(app, 'step 1 of 7');
	await press(app, KEYS.enter);
	await until(app, 'step 2 of 7');
	await press(app, '1');
	await until(app, 'draft saved');
	for (let i = 0; i < 100 && !(await readStoreFile(file)).data.drafts.some(d => d.caseRef === REF); i++)
		await new Promise(r => setTimeout(r, 20));
	return (await readStoreFile(file)).data.drafts.find(d => d.caseRef === REF)!;
}

describe('a review draft saved by the desk (QA R14)', () => {
	it('with --today before the clock day keeps the desk day beside the real instants, and the handover gives it', async () => {
		const {store: file} = demoCopy();
		const draft = await draftSaved(await openStore(file), file, DEMO_TODAY, '2026-12-06T11:30:00.000Z');
		expect(draft).toMatchObject({
			startedAt: '2026-12-06T11:30:00.000Z',
			updatedAt: '2026-12-06T11:30:00.000Z',
			startedOn: DEMO_TODAY,
			savedOn: DEMO_TODAY,
		});
		const md = runCli(['handover', '--store', file, '--today', DEMO_TODAY]);
		expect(md.code, md.stderr).toBe(0);
		expect(md.stdout.replace(/\s+/g, ' ')).toContain('started by DS Tom Brennan on 30 Nov 2026, last saved 30 Nov 2026');
		expect(md.stdout).not.toMatch(/started by DS Tom Brennan on 06 Dec|last saved 06 Dec/);
		const json = runCli(['handover', '--format', 'json', '--store', file, '--today', DEMO_TODAY]);
		const notes = (JSON.parse(json.stdout) as {reviewDrafts: {caseRef: string; startedOn: string; lastSavedOn: string}[]}).reviewDrafts;
		expect(notes.find(n => n.caseRef === REF)).toMatchObject({startedOn: DEMO_TODAY, lastSavedOn: DEMO_TODAY});
	});

	it('on the clock day stores no worked day (as drafts always were)', async () => {
		const {store: file} = demoCopy();
		const draft = await draftSaved(await openStore(file), file, DEMO_TODAY, '2026-11-30T10:00:00.000Z');
		expect(draft.startedAt).toBe('2026-11-30T10:00:00.000Z');
		expect(draft).not.toHaveProperty('startedOn');
		expect(draft).not.toHaveProperty('savedOn');
	});
});

describe("the desk's other writer of a clock-dated record: a reallocation (QA R14)", () => {
	it('is dated on the desk day with the clock instant kept, as the command line does', async () => {
		const {store: file} = demoCopy();
		const real = await openStore(file);
		const ref = 'CR/87204/26';
		const data = real.snapshot();
		const actor = actorAs(data.team.sergeantId);
		const request = {
			ref,
			held: heldAs(data, ref),
			toOfficerId: 'o0006',
			on: DEMO_TODAY,
			today: DEMO_TODAY,
			by: 'o0002',
			reason: 'OIC on sick leave',
		};
		const context = {store: new DeskStore(real), actor, today: DEMO_TODAY, now: () => '2026-12-06T11:30:00.000Z'};
		const answer = await writeReallocation({seq: 1, request: {...request, confirmAway: true}}, context);
		expect(answer).toMatchObject({type: 'reallocate-written', error: null});
		const a = (await readStoreFile(file)).data.cases.find(c => c.ref === ref)!.allocations.at(-1)!;
		expect([a.recordedAt, a.recordedOn]).toEqual(['2026-12-06T11:30:00.000Z', DEMO_TODAY]);
	});
});
