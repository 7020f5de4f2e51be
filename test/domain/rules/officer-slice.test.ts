/**
 * The officer's slice of the store (rules/officer-slice.ts) must give exactly the whole store's
 * answers for that officer: signing relies on it to re-read the trigger and check-in facts under the
 * lock without running every rule over a department's store.
 */
import {describe, expect, it} from 'vitest';
import {addDays} from '../../../source/domain/dates.js';
import {generateStore} from '../../../source/generate/generate.js';
import type {StoreData} from '../../../source/domain/model.js';
import {refreshContext, reviewContext} from '../../../source/domain/review/index.js';
import {ruleContext} from '../../../source/domain/rules/context.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {officerSlice} from '../../../source/domain/rules/officer-slice.js';
import {triggerFor, triggerIn} from '../../../source/domain/rules/performance.js';
import {signer} from '../../../source/store/chain.js';
import {isLive} from '../../../source/domain/case-facts.js';
import {heldAs, reallocateCase} from '../../../source/domain/reallocate.js';
import {loadDemo, TODAY} from '../review/fixtures.js';

const CHECK_IN_KINDS = new Set(['welfare-check-in-due', 'new-starter-one-to-one-due']);

function expectSameFacts(data: StoreData, today: string): number {
	let fired = 0;
	const whole = findProblems(data, today);
	for (const o of data.officers) {
		const slice = officerSlice(data, o.id, today);
		const full = triggerFor(data, o.id, today);
		expect(triggerIn(ruleContext(slice, today), o.id), `${o.id} on ${today}`).toEqual(full);
		if (full.fired) fired++;
		const mine = (ps: ReturnType<typeof findProblems>) =>
			ps.filter(p => CHECK_IN_KINDS.has(p.kind) && p.subject.type === 'officer' && p.subject.officerId === o.id).map(p => p.id);
		expect(mine(findProblems(slice, today)), `${o.id} check-ins on ${today}`).toEqual(mine(whole));
	}
	return fired;
}

describe('officerSlice', () => {
	it('gives every demo officer the whole store trigger and check-in findings, on several days', () => {
		const data = loadDemo();
		let fired = 0;
		for (const day of [TODAY, addDays(TODAY, -30), addDays(TODAY, 20)]) fired += expectSameFacts(data, day);
		expect(fired).toBeGreaterThan(2);
	});

	it('does the same on a generated store of 600 cases', () => {
		const {data} = generateStore({cases: 600, seed: 'slice', referenceDate: '2026-11-30'}, signer);
		expect(expectSameFacts(data, '2026-11-30')).toBeGreaterThan(0);
	});

	it("keeps the cases of other officers that carry the officer's own updates (identical-update evidence)", () => {
		const data = loadDemo();
		const author = 'o0007';
		const own = data.cases.find(c => c.oicId === author && isLive(c))!;
		const other = data.cases.find(c => c.oicId !== author && isLive(c))!;
		const text = 'Attended the address, no reply, card left for the witness to call back.';
		own.updates.push({date: TODAY, authorId: author, text});
		other.updates.push({date: TODAY, authorId: author, text});
		const full = triggerFor(data, author, TODAY);
		expect(
			full.evidence
				.filter(e => e.type === 'update')
				.map(e => e.caseRef)
				.sort(),
		).toEqual([own.ref, other.ref].sort());
		const slice = officerSlice(data, author, TODAY);
		expect(slice.cases.some(c => c.ref === other.ref)).toBe(true);
		expect(slice.cases.length).toBeLessThan(data.cases.length / 2);
		expect(triggerIn(ruleContext(slice, TODAY), author)).toEqual(full);
	});

	it('keeps the cases the officer passed on, whose evidence stays theirs (README "Case history")', () => {
		// DC Ashworth's stale cases go to DC Marsh; Ashworth's trigger keeps the evidence from his time.
		let data = loadDemo();
		const moved = data.cases.filter(c => c.oicId === 'o0003' && isLive(c)).slice(0, 4);
		const recordedAt = `${TODAY}T09:00:00Z`;
		const move = {toOfficerId: 'o0006', on: TODAY, today: TODAY, by: 'o0002', reason: 'OIC on sick leave', recordedAt, confirmAway: true};
		for (const c of moved) data = reallocateCase(data, {...move, ref: c.ref, held: heldAs(data, c.ref)}).data;
		const slice = officerSlice(data, 'o0003', TODAY);
		for (const c of moved)
			expect(
				slice.cases.some(x => x.ref === c.ref),
				c.ref,
			).toBe(true);
		expect(triggerFor(data, 'o0003', TODAY).evidence.some(e => e.detail.includes('while DC Ashworth held it'))).toBe(true);
		for (const day of [TODAY, addDays(TODAY, 20)]) expectSameFacts(data, day);
	});

	it('makes refreshContext on unchanged data the same as opening the review afresh, for every live case', () => {
		const data = loadDemo();
		// The same records in new lists: refreshContext works the facts out again, on the officer's slice.
		const copied = {...data, cases: [...data.cases], chain: [...data.chain], concerns: [...data.concerns]};
		for (const c of data.cases.filter(isLive)) {
			const opened = reviewContext(data, c.ref, TODAY);
			const again = refreshContext(opened, copied);
			expect(again, c.ref).not.toBe(opened);
			expect(again, c.ref).toEqual(opened);
		}
	});

	it('after a change to a few cases (new objects, as a signing makes), keeps what a slice of a fresh copy keeps, for every officer', () => {
		const before = loadDemo();
		const author = 'o0007';
		const other = before.cases.findIndex(c => c.oicId !== author && !c.updates.some(u => u.authorId === author));
		const handed = before.cases.findIndex(c => c.oicId === author);
		const text = 'Spoke to the witness again.';
		const data = {
			...before,
			cases: before.cases.map((c, i) =>
				i === other
					? {...c, updates: [...c.updates, {date: TODAY, authorId: author, text}]}
					: i === handed
						? {...c, oicId: 'o0006', allocations: []}
						: c,
			),
		};
		const refs = (d: StoreData, id: string) => officerSlice(d, id, TODAY).cases.map(c => c.ref);
		// What each officer's slice of the changed cases holds, worked out on a copy (no case the same object).
		const expected = data.officers.map(o => refs(structuredClone(data), o.id));
		// Every officer's slice of the cases before the change, then of the cases after it.
		for (const o of before.officers) refs(before, o.id);
		data.officers.forEach((o, k) => expect(refs(data, o.id), o.id).toEqual(expected[k]));
		expect(refs(data, author)).toContain(data.cases[other]!.ref);
		expect(refs(data, 'o0006')).toContain(data.cases[handed]!.ref);
	});

	it("holds the officer's performance decisions of a chain that grew since the last slice, and of one that did not grow from it", () => {
		const data = loadDemo();
		const decided = (d: StoreData, id: string) => d.chain.filter(e => e.kind === 'performance-decision' && e.data.officerId === id);
		const officer = data.chain.find(e => e.kind === 'performance-decision')!.data as {officerId: string};
		const at = `${TODAY}T10:00:00.000Z`;
		const decision = {
			officerId: officer.officerId,
			date: TODAY,
			by: data.team.sergeantId,
			decision: 'not-now' as const,
			reason: 'Off sick.',
			evidence: [],
			caseRef: null,
		};
		const grown = {...data, chain: [...data.chain, signer(data.chain, 'performance-decision', decision, at)]};
		// A chain that is not the last one with entries added: the same length, a different entry in the middle.
		const other = {...grown, chain: grown.chain.map((e, i) => (i === 1 ? {...e} : e))};
		for (const d of [data, grown, other, data]) {
			for (const o of d.officers) expect(officerSlice(d, o.id, TODAY).chain, o.id).toEqual(decided(d, o.id));
		}
		expect(officerSlice(grown, officer.officerId, TODAY).chain).toHaveLength(decided(data, officer.officerId).length + 1);
	});
});
