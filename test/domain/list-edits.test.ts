/**
 * Lists made by one edit remember it (source/domain/list-edits.ts), so a save's checks look at the span
 * the edit changed instead of walking 5,000 cases and 50,000 chain entries. The span must never hide a
 * changed record: outside it, the new list holds the old one's very records.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {appendedTo, removedAndAppended, replacedAt, sharedEnds, sharedStart} from '../../source/domain/list-edits.js';

/** The exact shared ends, found by walking both lists. */
function walked(next: readonly unknown[], before: readonly unknown[]): {head: number; tail: number} {
	let head = 0;
	while (head < next.length && head < before.length && next[head] === before[head]) head++;
	let tail = 0;
	while (tail < next.length - head && tail < before.length - head && next.at(-1 - tail) === before.at(-1 - tail)) tail++;
	return {head, tail};
}

/** True when every record outside [head, length - tail) of `next` is `before`'s very record at the same place from that end. */
function boundHolds(next: readonly unknown[], before: readonly unknown[], {head, tail}: {head: number; tail: number}): boolean {
	for (let i = 0; i < head; i++) if (next[i] !== before[i]) return false;
	for (let k = 1; k <= tail; k++) if (next.at(-k) !== before.at(-k)) return false;
	return true;
}

const records = (n: number) => Array.from({length: n}, (_, i) => ({id: i}));

describe('lists made by one edit', () => {
	it('give the span of a replacement, an append and a removal with an append at once, and the exact shared start', () => {
		const cases = records(5000);
		const replaced = replacedAt(cases, 1234, {id: 1234});
		expect(sharedEnds(replaced, cases)).toEqual({head: 1234, tail: 5000 - 1235});
		expect(sharedStart(replaced, cases)).toBe(1234);
		const chain = records(50_000);
		const longer = appendedTo(chain, [{id: 50_000}]);
		expect(sharedEnds(longer, chain)).toEqual({head: 50_000, tail: 0});
		expect(sharedStart(longer, chain)).toBe(50_000);
		const working = removedAndAppended(chain, 7, [{id: 7}]);
		expect(working).toHaveLength(50_000);
		expect(working[7]).toBe(chain[8]);
		expect(sharedEnds(working, chain)).toEqual({head: 7, tail: 0});
		// The original list is never changed.
		expect(cases[1234]).toEqual({id: 1234});
		expect(chain).toHaveLength(50_000);
	});

	it('walk lists not made here, and a list asked against one it was not made from (exact)', () => {
		const a = records(100);
		const b = [...a.slice(0, 40), {id: 40}, ...a.slice(41)];
		expect(sharedEnds(b, a)).toEqual({head: 40, tail: 59});
		const c = appendedTo(a, [{id: 100}]);
		// `c` was made from `a`, not from `b`: asked against `b`, the lists are walked.
		expect(sharedEnds(c, b)).toEqual(walked(c, b));
		expect(sharedStart(c, b)).toBe(40);
		expect(sharedEnds(a, a)).toEqual({head: 100, tail: 0});
	});

	it('never hide a changed record, whatever the edits (property)', () => {
		const edit = fc.oneof(
			fc.record({op: fc.constant('replace' as const), i: fc.nat(), same: fc.boolean()}),
			fc.record({op: fc.constant('append' as const), n: fc.nat(3)}),
			fc.record({op: fc.constant('remove' as const), i: fc.nat(), n: fc.nat(3)}),
		);
		fc.assert(
			fc.property(fc.nat(30), fc.array(edit, {maxLength: 6}), (size, edits) => {
				let list: readonly {id: number}[] = records(size);
				let next = size;
				for (const e of edits) {
					const before = list;
					if (e.op === 'replace') {
						if (before.length === 0) continue;
						const i = e.i % before.length;
						list = replacedAt(before, i, e.same ? before[i]! : {id: before[i]!.id});
					} else if (e.op === 'append')
						list = appendedTo(
							before,
							records(e.n).map(() => ({id: next++})),
						);
					else {
						if (before.length === 0) continue;
						list = removedAndAppended(
							before,
							e.i % before.length,
							records(e.n).map(() => ({id: next++})),
						);
					}
					const span = sharedEnds(list, before);
					expect(boundHolds(list, before, span)).toBe(true);
					expect(span.head).toBeLessThanOrEqual(Math.min(list.length, before.length));
					expect(span.head + span.tail).toBeLessThanOrEqual(Math.min(list.length, before.length));
					expect(sharedStart(list, before)).toBe(walked(list, before).head);
				}
			}),
		);
	});
});
