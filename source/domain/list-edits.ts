/**
 * Lists made from another by one edit, with the edit remembered (source/store/README.md, "The journal":
 * a save looks only at what it changed). The store's data is immutable, so a signing makes a new list
 * of 5,000 cases with one replaced and a new chain with an entry added; every later step of the save
 * (validation, the signed-entries check, the journal line, the officer's slice) asks which records of
 * the new list are not the very objects of the old one. Walking both lists to find out costs a pass over
 * each list per step; a list made here answers at once.
 *
 * What is remembered is a span: outside [head, length - tail) the new list holds the old one's very
 * records, in the same places from either end. The span is an upper bound (a record inside it may still
 * be the old one), which is all the callers need: they walk the span record by record.
 */

interface Edit {
	/** The list this one was made from, held weakly: a list must not keep every earlier version alive. */
	from: WeakRef<readonly unknown[]>;
	head: number;
	tail: number;
}

const edits = new WeakMap<readonly unknown[], Edit>();

/** `list` with the record at `index` replaced by `item`. */
export function replacedAt<T>(list: readonly T[], index: number, item: T): T[] {
	const out = list.slice();
	out[index] = item;
	edits.set(out, {from: new WeakRef(list), head: index, tail: list.length - index - 1});
	return out;
}

/** `list` with `items` added at the end. */
export function appendedTo<T>(list: readonly T[], items: readonly T[]): T[] {
	const out = list.concat(items);
	edits.set(out, {from: new WeakRef(list), head: list.length, tail: 0});
	return out;
}

/** `list` without the record at `index`, and with `items` added at the end. */
export function removedAndAppended<T>(list: readonly T[], index: number, items: readonly T[]): T[] {
	const out = list.slice(0, index).concat(list.slice(index + 1), items);
	edits.set(out, {from: new WeakRef(list), head: index, tail: 0});
	return out;
}

/**
 * How many records `next` and `before` share by identity at the start and at the end, at least: the
 * edit's span when `next` was made from `before` here, otherwise found by walking (exact). Never more than
 * either list's length allows.
 */
export function sharedEnds(next: readonly unknown[], before: readonly unknown[]): {head: number; tail: number} {
	if (next === before) return {head: next.length, tail: 0};
	const edit = edits.get(next);
	if (edit && edit.from.deref() === before) return {head: edit.head, tail: edit.tail};
	let head = 0;
	while (head < next.length && head < before.length && next[head] === before[head]) head++;
	let tail = 0;
	while (tail < next.length - head && tail < before.length - head && next[next.length - 1 - tail] === before[before.length - 1 - tail])
		tail++;
	return {head, tail};
}

/**
 * How many records `next` shares with `before` at the start, exactly: the edit's head is where it
 * changed, so only the records after it are walked (none, for an append).
 */
export function sharedStart(next: readonly unknown[], before: readonly unknown[]): number {
	if (next === before) return next.length;
	const edit = edits.get(next);
	let head = edit && edit.from.deref() === before ? edit.head : 0;
	while (head < next.length && head < before.length && next[head] === before[head]) head++;
	return head;
}
