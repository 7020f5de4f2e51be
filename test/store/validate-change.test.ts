/**
 * store.apply validates a change by checking only the records it adds or replaces (the rest were checked
 * when read). These hold that shortcut to the same answers as checking the whole store.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Case, StoreData} from '../../source/domain/model.js';
import {withRisk} from '../../source/domain/case-history.js';
import {validateStore} from '../../source/store/validate.js';
import {smallData} from './small-store.js';

const base = smallData(8, 2);

/** Both ways must agree: null for a valid change, the same path otherwise. */
function agree(next: StoreData) {
	const whole = validateStore(next);
	const changed = validateStore(next, base);
	expect(changed?.path ?? null).toBe(whole?.path ?? null);
	expect(changed?.message ?? null).toBe(whole?.message ?? null);
	return changed;
}

describe('validating a change record by record', () => {
	it('accepts unchanged, added, replaced and reordered valid records', () => {
		expect(validateStore(base)).toBeNull();
		expect(agree(base)).toBeNull();
		expect(agree({...base, cases: [...base.cases].reverse()})).toBeNull();
		const raised = (c: Case) => withRisk(c, 'high', {from: '2026-11-30', by: null, reason: 'test edit', reviewSeq: null});
		expect(agree({...base, cases: base.cases.map((c, i) => (i === 3 ? raised(c) : c))})).toBeNull();
		expect(agree({...base, cases: [...base.cases, {...base.cases[0]!, ref: 'CR/NEW/26'}]})).toBeNull();
		expect(agree({...base, drafts: []})).toBeNull();
	});

	it('finds a bad record the change adds or replaces, at its path', () => {
		const bad = {...base.cases[2]!, risk: 'extreme'} as unknown as Case;
		expect(agree({...base, cases: base.cases.map((c, i) => (i === 2 ? bad : c))})?.path).toBe('/cases/2/risk');
		expect(agree({...base, cases: [...base.cases, {...base.cases[0]!, ref: 'CR/NEW/26', opened: '2026-02-30'}]})?.path).toBe(
			`/cases/${base.cases.length}/opened`,
		);
		expect(agree({...base, chain: [...base.chain, {...base.chain[0]!, seq: -1}]})?.path).toMatch(
			new RegExp(`^/chain/${base.chain.length}`),
		);
		expect(
			agree({...base, officers: base.officers.map((o, i) => (i === 1 ? {...o, hoursPerWeek: 'lots'} : o))} as unknown as StoreData)?.path,
		).toMatch(/^\/officers\/1\//);
	});

	it('still checks the rest of the store and the references whole', () => {
		expect(agree({...base, team: {...base.team, name: 7}} as unknown as StoreData)?.path).toBe('/team/name');
		expect(agree({...base, cases: 'none'} as unknown as StoreData)?.path).toBe('/cases');
		// A record that moved keeps no bad reference unnoticed: references are not per record.
		expect(agree({...base, cases: base.cases.map((c, i) => (i === 0 ? {...c, oicId: 'o9999'} : c))})?.path).toBe('/cases/0/oicId');
		expect(agree({...base, cases: [...base.cases, base.cases[0]!]})?.message).toMatch(/appears twice/);
	});

	it('names the allowed words for a field that takes one of a list, both ways (QA P3-13), never the value found (issue 14)', () => {
		const bad = {...base.cases[2]!, risk: 'extreme'} as unknown as Case;
		const p = agree({...base, cases: base.cases.map((c, i) => (i === 2 ? bad : c))});
		expect(p).toEqual({path: '/cases/2/risk', message: 'Expected one of "high", "medium", "low" (found a text of 7 characters)'});
		expect(validateStore({...base, cases: base.cases.map((c, i) => (i === 2 ? bad : c))})?.message).toBe(p?.message);
		// Nullable lists name null too; other errors keep TypeBox's words.
		const reason = agree({
			...base,
			absences: [
				{
					id: 'ab9',
					officerId: base.officers[0]!.id,
					from: '2026-01-01',
					to: null,
					reason: 'flu',
					coverOfficerId: null,
					recordedAt: '2026-01-01T00:00:00.000Z',
					recordedBy: base.officers[0]!.id,
				},
			],
		} as unknown as StoreData);
		expect(reason?.message).toBe(
			'Expected one of "sick", "annual-leave", "training", "restricted-duties", "other" (found a text of 3 characters)',
		);
		expect(agree({...base, team: {...base.team, name: 7}} as unknown as StoreData)?.message).toBe('Expected string (found a whole number)');
	});

	it('checks the references a change touches, and the whole store when it touched a shared list, with the same answers', () => {
		const c0 = base.cases[0]!;
		const replace = (i: number, c: Case) => base.cases.map((x, j) => (j === i ? c : x));
		// A replaced case: an unknown action owner, a broken allocation history, an unknown allocator.
		const owner = {...c0, actions: c0.actions.map((a, j) => (j === 0 ? {...a, ownerId: 'o9999'} : a))};
		if (c0.actions.length > 0) expect(agree({...base, cases: replace(0, owner)})?.path).toBe('/cases/0/actions/0/ownerId');
		expect(agree({...base, cases: replace(1, {...base.cases[1]!, allocations: []})})?.path).toBe('/cases/1/allocations');
		const by = {...c0, allocations: c0.allocations.map((a, j) => (j === 0 ? {...a, by: 'o9999'} : a))};
		expect(agree({...base, cases: replace(0, by)})?.path).toBe('/cases/0/allocations/0/by');
		// A new case first in the list holding a later case's reference: the whole check names the later one.
		expect(agree({...base, cases: [{...base.cases[4]!, actions: []}, ...base.cases]})?.path).toBe('/cases/5/ref');
		// A case removed while a draft still names it; a second draft by the same person.
		expect(agree({...base, cases: base.cases.slice(1)})?.path).toBe('/drafts/0/caseRef');
		expect(agree({...base, drafts: [...base.drafts, base.drafts[1]!]})?.path).toBe(`/drafts/${base.drafts.length}`);
		// Cases added (as an import adds them, the drafts read against the references just indexed): a draft
		// naming a case the store does not hold is found, and one naming an added case is not a problem.
		const added = [...base.cases, {...c0, ref: 'CR/NEW/26'}];
		const orphan = {...base.drafts[0]!, caseRef: 'CR/GONE/26'};
		expect(agree({...base, cases: added, drafts: [...base.drafts, orphan]})?.path).toBe(`/drafts/${base.drafts.length}/caseRef`);
		expect(agree({...base, cases: added, drafts: [...base.drafts, {...orphan, caseRef: 'CR/NEW/26'}]})).toBeNull();
		// An officer removed whom an unchanged case still names: officers changed, so everything is checked.
		const held = base.officers.findIndex(o => base.cases.some(c => c.oicId === o.id));
		expect(agree({...base, officers: base.officers.filter((_, i) => i !== held)})?.message).toMatch(/not an officer/);
	});

	it('agrees with the whole check on random edits of cases and drafts (property)', () => {
		const officerIds = [...base.officers.map(o => o.id), 'o9999'];
		const refs = [...base.cases.map(c => c.ref), 'CR/77777/26'];
		const edit = fc.record({
			at: fc.nat({max: base.cases.length - 1}),
			kind: fc.constantFrom('oic', 'ref', 'owner', 'drop', 'add', 'draft', 'unchanged'),
			officer: fc.constantFrom(...officerIds),
			ref: fc.constantFrom(...refs),
		});
		fc.assert(
			fc.property(fc.array(edit, {maxLength: 4}), edits => {
				let next: StoreData = base;
				for (const e of edits) {
					const c = next.cases[Math.min(e.at, next.cases.length - 1)];
					if (!c) continue;
					const swap = (n: Case) => next.cases.map(x => (x === c ? n : x));
					if (e.kind === 'oic') {
						const allocations = c.allocations.map((a, j) => (j === c.allocations.length - 1 ? {...a, officerId: e.officer} : a));
						next = {...next, cases: swap({...c, oicId: e.officer, allocations})};
					} else if (e.kind === 'ref') next = {...next, cases: swap({...c, ref: e.ref})};
					else if (e.kind === 'owner') next = {...next, cases: swap({...c, actions: c.actions.map(a => ({...a, ownerId: e.officer}))})};
					else if (e.kind === 'drop') next = {...next, cases: next.cases.filter(x => x !== c)};
					else if (e.kind === 'add') next = {...next, cases: [...next.cases, {...c, ref: e.ref}]};
					else if (e.kind === 'draft')
						next = {...next, drafts: [...next.drafts, {...next.drafts[0]!, caseRef: e.ref, reviewerId: e.officer}]};
				}
				agree(next);
			}),
			{numRuns: 300, seed: 7},
		);
	});
});
