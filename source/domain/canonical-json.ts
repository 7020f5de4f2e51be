/**
 * Canonical JSON for hashing: object keys sorted, no white space, so the same value always gives the
 * same bytes whatever order a writer put its keys in. Arrays keep their order (it carries meaning).
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
		if (value === undefined) return 'null';
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) return '[' + value.map(v => canonicalJson(v)).join(',') + ']';
	const obj = value as Record<string, unknown>;
	const keys = Object.keys(obj)
		.filter(k => obj[k] !== undefined)
		.sort();
	return '{' + keys.map(k => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}
