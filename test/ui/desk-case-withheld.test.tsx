/**
 * The desk's case view after a reallocation (README "Who may read what"): DC Iqbal, now holding DC
 * Ashworth's case, reads its review history without DC Ashworth's performance, concern and welfare
 * sentences, and is told they are withheld; the sergeant reads them as before.
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {hashEntry} from '../../source/store/chain.js';
import {actorAs} from '../helpers/actor.js';
import {demoData, KEYS, ready, renderDesk, type DeskHarness} from './desk-harness.js';

const DS = 'o0002';
const IQBAL = 'o0004';
const REF = 'CR/84507/26';
const PERSONAL = 'Performance: escalate to the inspector. Concern: recorded. Welfare: check-in done.';

/**
 * The case held by DC Iqbal, and entry 394 (a review of it with DC Ashworth the OIC) with a summary carrying
 * the personal sentences, as summary.ts writes them (the desk draws the chain as it holds it).
 */
function iqbalHolds(): StoreData {
	const demo = demoData();
	const summary = `Plan agreed. ${PERSONAL} Next review: 14 Dec.`;
	// Hashed again, as if signed so: an entry that no longer matches its hash is never printed (altered-entry.ts).
	const chain = demo.chain.map(e => {
		if (e.seq !== 394 || e.kind !== 'review') return e;
		const written = {...e, data: {...e.data, summary}};
		return {...written, hash: hashEntry(written)};
	});
	const moved = (c: StoreData['cases'][number]) => ({
		...c,
		oicId: IQBAL,
		allocations: c.allocations.map(a => (a.to === null ? {...a, officerId: IQBAL} : a)),
	});
	return {...demo, chain, cases: demo.cases.map(c => (c.ref === REF ? moved(c) : c))};
}

/** Opens the case from the palette and scrolls until entry 394's line is drawn; the editor pane's text. */
async function entry394(h: DeskHarness): Promise<string> {
	await ready(h);
	await h.press(':');
	await h.type(REF.split('/')[1]!);
	await h.press(KEYS.enter);
	let f = await h.waitFor(`[${REF}]`);
	for (let i = 0; i < 120 && !f.includes('#394'); i++) f = await h.press('j');
	for (let i = 0; i < 6; i++) f = await h.press('j');
	// The editor pane's text only (between its double borders), its wrapped lines joined.
	return f
		.split('\n')
		.map(l => l.split('║')[1]?.trim() ?? '')
		.join(' ')
		.replace(/\s+/g, ' ');
}

describe("the desk's case view withholds the previous holder's performance and welfare from an officer", () => {
	it('DC Iqbal: the review is listed without them, and told they are withheld', async () => {
		const h = renderDesk({data: iqbalHolds(), actor: actorAs(IQBAL)});
		const f = await entry394(h);
		expect(f).toContain('#394');
		expect(f).toContain('Performance and welfare withheld (about another officer).');
		expect(f).toContain('Plan agreed. Next review: 14 Dec.');
		expect(f).not.toMatch(/Performance: |Concern: recorded|Welfare: check-in/);
		h.app.unmount();
	});

	it('the sergeant reads them as before', async () => {
		const h = renderDesk({data: iqbalHolds(), actor: actorAs(DS)});
		const f = await entry394(h);
		expect(f).toContain(`Plan agreed. ${PERSONAL} Next review: 14 Dec.`);
		expect(f).not.toContain('withheld');
		h.app.unmount();
	});
});
