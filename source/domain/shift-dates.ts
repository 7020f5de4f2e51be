/**
 * Moves every date in a store by a whole number of days. Used when the bundled demo is first copied
 * into a working store, so the demo's scenarios (a bail return in two days, an overdue review) are
 * current on the day a new user opens it rather than frozen on the day it was written.
 */
import {addDays} from './dates.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)$/;

export function shiftDates<T>(value: T, days: number): T {
	if (days === 0) return value;
	return walk(value, days) as T;
}

function walk(v: unknown, days: number): unknown {
	if (typeof v === 'string') {
		if (DATE.test(v)) return addDays(v, days);
		const m = INSTANT.exec(v);
		if (m) return addDays(m[1]!, days) + m[2]!;
		return v;
	}
	if (Array.isArray(v)) return v.map(x => walk(x, days));
	if (v && typeof v === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, x] of Object.entries(v)) out[k] = walk(x, days);
		return out;
	}
	return v;
}
