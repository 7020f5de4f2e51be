/**
 * The handover as JSON: exactly the Handover object (schema "fortnight-handover/6", printed by
 * `fortnight handover --schema`), with every string passed through safeText so a consumer that prints
 * a field to a terminal cannot be handed an escape sequence.
 */
import type {Handover} from '../domain/handover/schema.js';
import {escapeJsonText, safeText} from '../domain/safe-text.js';

function clean(value: unknown): unknown {
	if (typeof value === 'string') return safeText(value);
	if (Array.isArray(value)) return value.map(clean);
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = clean(v);
		return out;
	}
	return value;
}

export function renderHandoverJson(h: Handover): string {
	return escapeJsonText(JSON.stringify(clean(h), null, 2)) + '\n';
}
