/**
 * A receipt vouches for a store only while the code that checked it is the same (store README "Checked
 * once"): the key hashes every module in receipts.ts CHECKS. The list must hold everything the deciding
 * modules import, directly or not (the review found validate-history.ts and crime-ref.ts missing, so an
 * upgrade that changed only them would have honoured old receipts).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CHECKS, DECIDING} from '../../source/store/receipts.js';

const STORE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'source', 'store');
/** A module's relative imports that run (not `import type`), as names relative to source/store. */
function importsOf(name: string): string[] {
	const file = path.resolve(STORE, `${name}.ts`);
	const code = readFileSync(file, 'utf8');
	return [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"](\.[^'"]+)['"]/gm)].map(m =>
		path.relative(STORE, path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, ''))),
	);
}

describe('the checks a receipt is keyed on', () => {
	it('hold every module the deciding modules import, directly or not', () => {
		const seen = new Set<string>();
		const stack = [...DECIDING];
		while (stack.length > 0) {
			const name = stack.pop()!;
			if (seen.has(name)) continue;
			seen.add(name);
			stack.push(...importsOf(name));
		}
		expect([...seen].filter(name => !CHECKS.includes(name)).sort()).toEqual([]);
	});
});
