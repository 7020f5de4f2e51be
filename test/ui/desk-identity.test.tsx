/**
 * The desk runs as one officer (README "Who you are", "Signatures"): the status bar says who; r and A
 * refuse, before any typing, someone who may not review the case (the cover on their own case goes to
 * the inspector) and someone who could not sign it; a desk with an enrolled key signs what it records;
 * two desks as two people on one case each keep their own draft.
 */
import {describe, expect, it} from 'vitest';
import type {Absence, StoreData} from '../../source/domain/model.js';
import {openStore, readStoreFile, verifyChain, verifySignatures, type Store} from '../../source/store/index.js';
import {actorAs} from '../helpers/actor.js';
import {demoCopy, runCli} from '../helpers/cli.js';
import {enrolKey} from '../helpers/keys.js';
import {demoData, KEYS, ready, renderDesk, type DeskHarness} from './desk-harness.js';

const DI = 'o0001';
const DS = 'o0002';
const MARSH = 'o0006';
const MARSH_CASE = 'CR/61882/26';
const ASHWORTH_CASE = 'CR/87204/26';
const DOYLE_CASE = 'CR/88397/26';
const CTRL_N = '\u000e';
const settle = () => new Promise(r => setTimeout(r, 50));
/** The focused editor pane's text (between its double borders), as one line: the explorer beside it left out. */
const editor = (f: string) =>
	f
		.split('\n')
		.map(l => /║(.*)║/.exec(l)?.[1] ?? '')
		.join(' ')
		.replace(/\s+/g, ' ');

/** Waits until the editor pane says `text` (its lines joined, so wrapping does not matter) and returns that text. */
async function inEditor(h: DeskHarness, text: string): Promise<string> {
	return editor(await h.waitFor(f => editor(f).includes(text)));
}

/** Opens a case's tab through the palette (the editor then has the focus). */
async function openCase(h: DeskHarness, ref: string): Promise<void> {
	await h.press(':');
	await h.type(ref.split('/')[1]!);
	await h.press(KEYS.enter);
	await h.waitFor(`[${ref}]`);
}

/** DS Brennan sick from today, DC Marsh named as cover. */
function marshCovering(data: StoreData = demoData()): StoreData {
	const a: Absence = {
		id: 'abCOI',
		officerId: DS,
		from: '2026-11-30',
		to: '2026-12-09',
		reason: 'sick',
		coverOfficerId: MARSH,
		recordedAt: '2026-11-30T08:00:00.000Z',
		recordedBy: DS,
	};
	return {...data, absences: [...data.absences, a]};
}

describe('the desk runs as one officer', () => {
	it("the status bar says who (the demo's sergeant when nobody is named, else the officer)", async () => {
		const h = renderDesk();
		await ready(h);
		expect(h.frame()).toMatch(/\(in memory\) \| as DS Brennan \| 60 live cases/);
		h.app.unmount();
		const di = renderDesk({actor: actorAs(DI), size: {columns: 80, rows: 24}});
		await ready(di);
		// At 80 columns who you are takes the store name's place.
		expect(di.frame().split('\n').at(-1)).toMatch(/^as DI Okafor \| 60 live \| due today/);
		di.app.unmount();
	});

	it('the cover opens their own case and is told it goes to the inspector, before any typing', async () => {
		const h = renderDesk({data: marshCovering(), actor: actorAs(MARSH)});
		await ready(h);
		await openCase(h, MARSH_CASE);
		await h.press('r');
		const f = await inEditor(h, 'cannot review it');
		expect(f).toContain(
			"DC Marsh holds CR/61882/26, so cannot review it: no one supervises their own cases. The review goes to DI Okafor (the team's inspector).",
		);
		expect(f).not.toContain('step 1 of 7');
		await h.press(KEYS.esc);
		// The same cover reviews another officer's case while she acts up.
		await openCase(h, ASHWORTH_CASE);
		await h.press('r');
		await h.waitFor('Review CR/87204/26 - step 1 of 7');
		h.app.unmount();
	});

	it("R as a cover: her queue leaves out her own cases (the inspector's), so it starts at the next one due", async () => {
		// DC Doyle holds the most overdue case (CR/88397/26) and covers DS Brennan from today.
		const data = demoData();
		const away: Absence = {
			id: 'abR',
			officerId: DS,
			from: '2026-11-30',
			to: '2026-12-09',
			reason: 'sick',
			coverOfficerId: 'o0011',
			recordedAt: '2026-11-30T08:00:00.000Z',
			recordedBy: DS,
		};
		const h = renderDesk({data: {...data, absences: [...data.absences, away]}, actor: actorAs('o0011')});
		await ready(h);
		await h.press('R');
		const f = await h.waitFor('- step 1 of 7');
		expect(f).toContain('Review CR/25310/26 - step 1 of 7');
		expect(f).not.toContain(`Review ${DOYLE_CASE}`);
		h.app.unmount();
	});

	it('a peer who supervises nobody does not find a colleague\'s case (README "Who may read what"), and is refused a review of their own', async () => {
		const h = renderDesk({actor: actorAs(MARSH)});
		await ready(h);
		await h.press(':');
		await h.type(ASHWORTH_CASE.split('/')[1]!);
		await h.press(KEYS.enter);
		await h.waitFor(`Nothing matches "${ASHWORTH_CASE.split('/')[1]!}"`);
		await openCase(h, MARSH_CASE);
		await h.press('r');
		const f = await inEditor(h, 'cannot review it');
		expect(f).toContain('DC Marsh holds CR/61882/26, so cannot review it: no one supervises their own cases.');
		expect(f).not.toContain('step 1 of 7');
		h.app.unmount();
	});

	it('in a store with enrolled keys, an officer with no key is told how to get one before any typing', async () => {
		const {store: file} = demoCopy();
		await enrolKey(file, DI);
		const store = await openStore(file);
		const h = renderDesk({data: store.snapshot(), store, actor: actorAs(DS)});
		await ready(h);
		await openCase(h, ASHWORTH_CASE);
		await h.press('r');
		let f = await inEditor(h, 'no signing key');
		expect(f).toContain('DS Brennan has no signing key on this computer. This review is not opened');
		expect(f).toContain('"fortnight keys init --as o0002" makes a key; then ask DI Okafor to enrol it');
		expect(f).not.toContain('step 1 of 7');
		await h.press(KEYS.esc);
		await h.press('A');
		f = await inEditor(h, 'every amendment must carry');
		expect(f).toContain('This amendment is not opened');
		h.app.unmount();
	});
});

/** A complete review of DC Doyle's overdue case from the queue (as desk-review.test.tsx does it). */
async function signDoyleFromQueue(h: DeskHarness): Promise<void> {
	await h.press('R');
	await h.waitFor(`Review ${DOYLE_CASE} - step 1 of 7`);
	await settle();
	await h.press(KEYS.enter);
	await h.waitFor('step 2 of 7');
	for (const k of ['1', KEYS.tab, KEYS.tab, '2', KEYS.tab]) await h.press(k);
	await h.press('Awaiting DFU');
	for (const k of [KEYS.tab, '1', CTRL_N]) await h.press(k);
	await h.waitFor('step 3 of 7');
	await h.press('1');
	await h.press(CTRL_N);
	await h.waitFor('step 4 of 7');
	await h.press(KEYS.enter);
	await h.press('Chase the DFU');
	await h.press(CTRL_N);
	// DC Doyle's trigger is on the inspector's list (no decision in 14 days): the sergeant's step 5 offers no decision.
	await inEditor(h, 'only DI Okafor can decide it');
	await h.press(CTRL_N);
	await h.waitFor('step 6 of 7');
	await h.press('1');
	await h.press(CTRL_N);
	await h.waitFor('step 7 of 7');
	await h.press(KEYS.tab);
	await h.press(KEYS.tab);
	await h.press(KEYS.enter);
	await h.waitFor('Sign the review?');
	await h.press('y');
	await h.waitFor(/Signed: review of CR\/88397\/26 is entry \d+/);
}

describe('signing in the desk', () => {
	it('a desk with an enrolled key signs the review with it; verify passes', async () => {
		const {store: file} = demoCopy();
		const {key} = await enrolKey(file, DS);
		const store = await openStore(file);
		const h = renderDesk({data: store.snapshot(), store, actor: actorAs(DS, key), size: {columns: 160, rows: 48}});
		await ready(h);
		await signDoyleFromQueue(h);
		h.app.unmount();
		const {data} = await readStoreFile(file, {chain: 'whole'}); // every entry: the chain file's too
		const review = data.chain.findLast(e => e.kind === 'review')!;
		expect(review).toMatchObject({author: DS, data: {caseRef: DOYLE_CASE, reviewerId: DS}});
		expect(review.sig).toMatch(/^[A-Za-z0-9+/]+=*$/);
		expect(verifyChain(data.chain)).toBeNull();
		const report = verifySignatures(data);
		expect(report.problem).toBeNull();
		// The enrolment and the review: no decision rides on it (DC Doyle's trigger is the inspector's to decide).
		expect(report.signed).toBe(2);
		expect(data.chain.at(-1)).toMatchObject({kind: 'review', data: {triggerDecision: null}});
		const verify = runCli(['verify', '--store', file]);
		expect(verify.code).toBe(0);
		expect(verify.stdout).toMatch(/2 (entries )?signed/);
	}, 60_000);
});

describe('two desks as two people on one case', () => {
	it('each keeps their own answers (a draft belongs to its author)', async () => {
		const {store: file} = demoCopy();
		const stores: Store[] = [await openStore(file), await openStore(file)];
		const people = [DS, DI];
		const words = ['Brennan waits for the DFU', 'Okafor asks for the MG3'];
		const desks = stores.map((store, i) =>
			renderDesk({data: store.snapshot(), store, actor: actorAs(people[i]!), size: {columns: 160, rows: 48}}),
		);
		for (const h of desks) await ready(h);
		// Alternately, so each saves over the other's latest file.
		for (const h of desks) {
			await openCase(h, DOYLE_CASE);
			await h.press('r');
			await h.waitFor(`Review ${DOYLE_CASE} - step 1 of 7`);
			await settle();
			await h.press(KEYS.enter);
			await h.waitFor('step 2 of 7');
			for (const k of ['2', KEYS.tab]) await h.press(k);
		}
		for (const [i, h] of desks.entries()) {
			await h.press(words[i]!);
			// Leaving the field saves the draft at once.
			await h.press(KEYS.tab);
		}
		for (const h of desks) {
			await h.press(KEYS.esc);
			await h.press(KEYS.esc);
			await h.waitFor(f => f.includes('CASES') && !f.includes('step '));
		}
		const drafts = async () => (await readStoreFile(file)).data.drafts.filter(d => d.caseRef === DOYLE_CASE);
		for (let i = 0; i < 100 && (await drafts()).length < 2; i++) await settle();
		const saved = await drafts();
		expect(saved.map(d => d.reviewerId).sort()).toEqual([DI, DS]);
		for (const [i, who] of people.entries()) {
			const mine = JSON.stringify(saved.find(d => d.reviewerId === who)!.answers);
			expect(mine).toContain(words[i]);
			expect(mine).not.toContain(words[1 - i]);
		}
		// Each, reopening the case, resumes their own.
		for (const [i, h] of desks.entries()) {
			await h.press('u');
			await openCase(h, DOYLE_CASE);
			await h.press('r');
			// Left with Esc from step 2 (back a step, then to the desk): resumed at step 1.
			await h.waitFor('Resumed the draft started today, at step 1');
			await settle();
			await h.press(KEYS.enter);
			const f = editor(await h.waitFor('step 2 of 7'));
			expect(f).toContain(words[i]);
			expect(f).not.toContain(words[1 - i]);
			h.app.unmount();
		}
	}, 90_000);
});
