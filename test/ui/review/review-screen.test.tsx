import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import type {StoreData} from '../../../source/domain/model.js';
import {completeAnswers, doyleUndecided} from '../../domain/review/fixtures.js';
import {openDraft, reviewContext, saveDraft, signReview} from '../../../source/domain/review/index.js';
import {signer, verifyChain} from '../../../source/store/chain.js';
import {openStore, readStoreFile, type Store} from '../../../source/store/store.js';
import {readWelfare} from '../../../source/store/welfare-file.js';
import {ReviewScreen} from '../../../source/ui/review/review-screen.js';
import {demoCopy} from '../../helpers/cli.js';
import {KEYS, press, ready, until} from './ink-keys.js';
import {actorAs, SERGEANT_ACTOR} from '../../helpers/actor.js';
import {renderReview} from '../../helpers/review-screen.js';

const TODAY = '2026-11-30';
const REF = 'CR/88397/26';
const NOW = () => new Date('2026-11-30T10:00:00.000Z');

afterEach(() => cleanup());

async function mount(store: Store, extra: Partial<React.ComponentProps<typeof ReviewScreen>> = {}) {
	const events = {exits: 0, changes: [] as StoreData[]};
	const app = render(
		<ReviewScreen
			data={store.snapshot()}
			store={store}
			caseRef={REF}
			today={TODAY}
			actor={SERGEANT_ACTOR}
			width={100}
			rows={60}
			isActive
			color={false}
			saveDelayMs={30}
			now={NOW}
			onExit={() => events.exits++}
			onChanged={d => events.changes.push(d)}
			{...extra}
		/>,
	);
	await ready(app);
	return {app, events};
}

describe('guided review screen', () => {
	it('walks a full review by keys and signs it into the chain', async () => {
		const {store: file, welfare} = demoCopy();
		const store = await openStore(file);
		const ctx = reviewContext(store.snapshot(), REF, TODAY);
		const {app, events} = await mount(store);

		let f = await until(app, 'Review CR/88397/26 - step 1 of 7: Since last review');
		expect(f).toContain('Crime-report updates since');
		await press(app, KEYS.enter);
		f = await until(app, 'step 2 of 7: Previous actions');
		// Action 1 done, 2 carried over with a reason, 3 dropped with a reason.
		await press(
			app,
			'1',
			KEYS.tab,
			KEYS.tab,
			'2',
			KEYS.tab,
			'Awaiting the DFU report',
			KEYS.tab,
			'3',
			KEYS.tab,
			'Superseded by CPS advice',
			KEYS.ctrlN,
		);
		await until(app, 'step 3 of 7: Risk');
		await press(app, '1', KEYS.ctrlN);
		await until(app, 'step 4 of 7: Action plan');
		await press(app, KEYS.enter, 'Chase the DFU for the phone download', KEYS.ctrlN);
		f = await until(app, 'step 5 of 7: Performance');
		if (ctx.decisionRequired) await press(app, '3');
		await press(app, KEYS.ctrlN);
		await until(app, 'step 6 of 7: Welfare');
		await press(app, '1', KEYS.tab, ' ', KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, 'Tired; says he is coping.', KEYS.ctrlN);
		f = await until(app, 'step 7 of 7: Sign-off');
		expect(f).toContain('Previous actions: 1 done, 1 carried over, 1 dropped (of 3).');
		expect(f).toContain('Welfare: check-in done; flags: occupational health referral.');
		await press(app, KEYS.tab, KEYS.tab, KEYS.enter);
		await until(app, 'Sign the review? It is appended to the review chain');
		await press(app, 'y');
		f = await until(app, /Signed: review of CR\/88397\/26 is entry \d+/);
		expect(f).toContain('Next review 14 Dec');

		const {data} = await readStoreFile(file, {chain: 'whole'});
		expect(verifyChain(data.chain)).toBeNull();
		const review = data.chain.at(-1)!.kind === 'review' ? data.chain.at(-1)! : data.chain.at(-2)!;
		expect(review.kind).toBe('review');
		if (review.kind !== 'review') return;
		expect(review.data.actionOutcomes.map(o => [o.outcome, o.reason])).toEqual([
			['done', null],
			['carried', 'Awaiting the DFU report'],
			['dropped', 'Superseded by CPS advice'],
		]);
		expect(review.data.newActions.map(a => a.text)).toEqual(['Chase the DFU for the phone download']);
		expect(review.data.welfareCheckIn).toBe(true);
		expect(data.drafts).toEqual([]);
		expect(data.cases.find(c => c.ref === REF)!.nextReviewDue).toBe('2026-12-14');
		// The note went to the welfare file only.
		expect(JSON.stringify(data)).not.toContain('Tired; says he is coping.');
		// The note is appended just after the review is signed.
		let last: string | undefined;
		for (let i = 0; i < 100 && last !== 'Tired; says he is coping.'; i++) {
			last = (await readWelfare(welfare)).notes.at(-1)?.text;
			if (last !== 'Tired; says he is coping.') await new Promise(r => setTimeout(r, 20));
		}
		expect(last).toBe('Tired; says he is coping.');
		// The desk was told at once (badges, problems, status bar).
		expect(events.changes.at(-1)!.chain.length).toBe(data.chain.length);
		await press(app, KEYS.esc);
		expect(events.exits).toBe(1);
	});

	it(
		'when another desk records a decision for the same officer before signing: says so, shows the store as it is, keeps and re-saves the draft, ' +
			'then signs',
		async () => {
			const {store: file} = demoCopy();
			const store = await openStore(file);
			// DC Doyle's trigger waiting on the sergeant, not yet on the inspector's list (fixtures.ts doyleUndecided).
			await store.apply(doyleUndecided);
			const other = await openStore(file);
			const {app, events} = await mount(store);
			await until(app, 'step 1 of 7');
			await press(app, KEYS.enter);
			await until(app, 'step 2 of 7: Previous actions');
			await press(app, '1', KEYS.tab, KEYS.tab, '1', KEYS.tab, KEYS.tab, '1', KEYS.ctrlN);
			await until(app, 'step 3 of 7: Risk');
			await press(app, '1', KEYS.ctrlN);
			await until(app, 'step 4 of 7: Action plan');
			await press(app, KEYS.enter, 'Chase the DFU for the phone download', KEYS.ctrlN);
			let f = await until(app, 'step 5 of 7: Performance');
			expect(f).toContain('(required: the trigger has fired)');
			await press(app, '3', KEYS.ctrlN); // escalate
			await until(app, 'step 6 of 7: Welfare');
			await press(app, KEYS.ctrlN);
			await until(app, 'step 7 of 7: Sign-off');

			// Meanwhile, on the other desk: a review of another of DC Doyle's cases records "not now".
			const otherRef = 'CR/49525/26';
			const ctx = reviewContext(other.snapshot(), otherRef, TODAY);
			await other.apply(
				d =>
					signReview(
						d,
						{caseRef: otherRef, answers: completeAnswers(ctx)},
						{today: TODAY, signedAt: '2026-11-30T09:59:00.000Z', reviewerId: 'o0002', sign: signer, context: ctx},
					).next,
			);

			await press(app, KEYS.tab, KEYS.tab, KEYS.enter);
			await until(app, 'Sign the review?');
			await press(app, 'y');
			f = await until(app, 'Not signed: changed since you opened it (now shown); nothing recorded, answers kept.');
			expect(f).toContain('step 5 of 7: Performance');
			// The refreshed step: the decision on record, no longer required, and why signing stopped.
			expect(f).toContain('decision "not needed now" recorded 30 Nov by DS Brennan');
			expect(f).toContain('Decision for DC Doyle (optional)');
			expect(f.replace(/\s+/g, ' ')).toContain(
				'DS Brennan recorded "considered, not needed now" for DC Doyle on 30 Nov after you opened this review',
			);
			// The desk got the reloaded store, and the draft is in the file.
			expect(events.changes.at(-1)!.chain.length).toBe((await readStoreFile(file, {chain: 'whole'})).data.chain.length);
			for (let i = 0; i < 100 && !(await readStoreFile(file)).data.drafts.some(d => d.caseRef === REF); i++)
				await new Promise(r => setTimeout(r, 20));
			expect((await readStoreFile(file)).data.drafts.map(d => d.caseRef)).toContain(REF);

			// Having seen it, the sergeant keeps "escalate" and signs.
			await press(app, KEYS.ctrlN);
			await until(app, 'step 6 of 7: Welfare');
			await press(app, KEYS.ctrlN);
			await until(app, 'step 7 of 7: Sign-off');
			await press(app, KEYS.tab, KEYS.tab, KEYS.enter);
			await until(app, 'Sign the review?');
			await press(app, 'y');
			await until(app, /Signed: review of CR\/88397\/26 is entry \d+/);
			const {data} = await readStoreFile(file, {chain: 'whole'});
			expect(
				data.chain
					.filter(e => e.kind === 'performance-decision' && e.data.officerId === 'o0011')
					.map(e => e.kind === 'performance-decision' && e.data.decision)
					.slice(-2),
			).toEqual(['not-now', 'escalate']);
			expect(data.drafts).toEqual([]);
			expect(verifyChain(data.chain)).toBeNull();
		},
	);
});

describe('draft saves after another user changed the same draft record', () => {
	it('reloads their change and keeps saving the sergeant\u2019s draft (it used to stay NOT SAVED until u)', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const other = await openStore(file);
		const {app} = await mount(store);
		await until(app, 'step 1 of 7');
		await press(app, KEYS.enter);
		await until(app, 'step 2 of 7');
		await press(app, '1');
		await until(app, 'draft saved');
		// Someone else removes this case's draft (as signing the case does) after this desk saved it.
		await other.apply(d => ({...d, drafts: d.drafts.filter(x => x.caseRef !== REF)}));
		await press(app, KEYS.tab, KEYS.tab, '2', KEYS.tab, 'Awaiting the DFU report');
		const f = await until(app, 'saved the answers here over it');
		expect(f).not.toContain('NOT SAVED');
		// The typing after the reload is saved too (after the usual pause).
		let saved = '';
		for (let i = 0; i < 60 && !saved.includes('Awaiting the DFU report'); i++) {
			await new Promise(r => setTimeout(r, 50));
			saved = JSON.stringify((await readStoreFile(file)).data.drafts.find(x => x.caseRef === REF)?.answers ?? null);
		}
		expect(saved).toContain('Awaiting the DFU report');
	});
});

describe('the same sergeant in two desks (QA 6 D4)', () => {
	it('signing after the other desk saved other answers says so by name, in full at 100 columns, keeps these answers, and signs them next', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const other = await openStore(file);
		const {app} = await mount(store);
		await until(app, 'step 1 of 7');
		await press(app, KEYS.enter);
		await until(app, 'step 2 of 7: Previous actions');
		await press(app, '1', KEYS.tab, KEYS.tab, '1', KEYS.tab, KEYS.tab, '1', KEYS.ctrlN);
		await until(app, 'step 3 of 7: Risk');
		await press(app, '1', KEYS.ctrlN);
		await until(app, 'step 4 of 7: Action plan');
		await press(app, KEYS.enter, 'plan ca', KEYS.ctrlN);
		await until(app, 'step 5 of 7: Performance');
		await press(app, KEYS.ctrlN);
		await until(app, 'step 6 of 7: Welfare');
		await press(app, KEYS.ctrlN);
		await until(app, 'step 7 of 7: Sign-off');
		for (let i = 0; i < 100 && !JSON.stringify((await readStoreFile(file)).data.drafts).includes('plan ca'); i++)
			await new Promise(r => setTimeout(r, 20));
		// DS Brennan's other desk (which has taken in this one's draft) saves its own answers to the same review.
		await other.reload();
		expect(JSON.stringify(other.snapshot().drafts)).toContain('plan ca');
		await other.apply(d => {
			const {draft} = openDraft(d, REF, 'o0002', '2026-11-30T10:01:00.000Z', TODAY);
			return saveDraft(d, {...draft, answers: {...draft.answers, noActionReason: 'plan cb'}, step: 4}, '2026-11-30T10:01:00.000Z', TODAY);
		});
		await press(app, KEYS.tab, KEYS.tab, KEYS.enter);
		await until(app, 'Sign the review?');
		await press(app, 'y');
		const f = await until(app, 'Not signed: your other session');
		const said = f.replace(/\s+/g, ' ');
		// The whole sentence is on screen (it was cut at three lines), naming DS Brennan, not "o0002" or "another user".
		expect(said).toContain(
			"Not signed: your other session (a desk or command open as DS Brennan) changed this review's draft after this desk opened it; " +
				'nothing recorded. The answers shown here are kept: sign again to sign these.',
		);
		expect(said).not.toMatch(/o0002|Another user|shows the store as it is/);
		// True about what is shown: this desk's answers, which signing again signs.
		await press(app, KEYS.tab, KEYS.tab, KEYS.enter);
		await until(app, 'Sign the review?');
		await press(app, 'y');
		await until(app, /Signed: review of CR\/88397\/26 is entry \d+/);
		const {data} = await readStoreFile(file, {chain: 'whole'});
		const review = data.chain.filter(e => e.kind === 'review').at(-1)!;
		expect(review.kind === 'review' && review.data.newActions.map(a => a.text)).toEqual(['plan ca']);
		expect(data.drafts.filter(d => d.caseRef === REF)).toEqual([]);
	});
});

describe('a cover opening a case they hold', () => {
	it('is told the review goes to the inspector, before any typing', async () => {
		const {store: file} = demoCopy();
		const {data} = await readStoreFile(file);
		const cover: StoreData = {
			...data,
			absences: [
				...data.absences,
				{
					id: 'abCOI',
					officerId: 'o0002',
					from: TODAY,
					to: '2026-12-09',
					reason: 'sick',
					coverOfficerId: 'o0006',
					recordedAt: `${TODAY}T08:00:00.000Z`,
					recordedBy: 'o0002',
				},
			],
		};
		// DC Marsh at the keyboard (--as), covering DS Brennan, opens her own case.
		const app = renderReview({data: cover, caseRef: 'CR/61882/26', today: TODAY, actor: actorAs('o0006'), width: 100, rows: 30, now: NOW});
		const f = await until(app, 'cannot review it');
		expect(f.replace(/\s+/g, ' ')).toMatch(
			/DC Marsh holds CR\/61882\/26, so cannot review it: no one supervises their own cases\. The review goes to DI Okafor \(the team's inspector\)\./,
		);
		expect(f).not.toContain('step 1 of 7');
	});
});
