/**
 * Canonical JSON for hashing: object keys sorted, no white space, so the same value always gives the
 * same bytes whatever order a writer put its keys in. Arrays keep their order (it carries meaning).
 * Written as one appending walk (no intermediate arrays) because verify hashes every chain entry.
 */
export function canonicalJson(value: unknown): string {
	return write(value, '');
}

function write(value: unknown, out: string): string {
	if (value === null || value === undefined) return out + 'null';
	switch (typeof value) {
		case 'string':
			return out + JSON.stringify(value);
		case 'number':
			if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
			return out + JSON.stringify(value);
		case 'boolean':
			return out + (value ? 'true' : 'false');
		case 'object':
			break;
		default:
			throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
	}
	if (Array.isArray(value)) {
		out += '[';
		for (let i = 0; i < value.length; i++) {
			if (i > 0) out += ',';
			out = write(value[i], out);
		}
		return out + ']';
	}
	const obj = value as Record<string, unknown>;
	const keys = Object.keys(obj).sort();
	out += '{';
	let first = true;
	for (const k of keys) {
		const v = obj[k];
		if (v === undefined) continue;
		if (!first) out += ',';
		first = false;
		out = write(v, out + JSON.stringify(k) + ':');
	}
	return out + '}';
}
