/**
 * What the desk loads before its first rows (issue 18): the modules statically reachable from the
 * command line, the desk command, the desk's UI and the store's entry point. TypeBox (200+ modules)
 * checks a store without a receipt, a change, a chain line or a welfare file, and builds the JSON
 * Schemas for --schema: each of those imports it when it runs (store.ts, read.ts, chain-file.ts,
 * store/index.ts), so a store already found valid opens without it (store README, "Checked once").
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';

/** Static imports and re-exports of a source file (`import type`/`export type` and import() excluded). */
function staticImports(source: string): string[] {
	const out: string[] = [];
	const pattern = /^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\s+from\s+)?'([^']+)'/gm;
	for (const m of source.matchAll(pattern)) out.push(m[1]!);
	return out;
}

/** Every source file and package statically reachable from `entries`, each with the file that first imports it. */
function reachable(entries: string[]): Map<string, string> {
	const seen = new Map<string, string>(entries.map(e => [e, '(entry)']));
	const queue = [...entries];
	while (queue.length > 0) {
		const file = queue.shift()!;
		for (const spec of staticImports(readFileSync(path.join(ROOT, file), 'utf8'))) {
			let target = spec;
			if (spec.startsWith('.')) {
				const js = path.join(path.dirname(file), spec);
				const ts = js.replace(/\.js$/, '.ts');
				target = readable(ts) ? ts : js.replace(/\.js$/, '.tsx');
				if (!seen.has(target)) queue.push(target);
			}
			if (!seen.has(target)) seen.set(target, file);
		}
	}
	return seen;
}

function readable(file: string): boolean {
	try {
		readFileSync(path.join(ROOT, file));
		return true;
	} catch {
		return false;
	}
}

describe('the desk start', () => {
	// What `fortnight desk` imports on its way to the first rows: the command line, the desk command, its
	// frame and views (run-desk.tsx, desk.tsx), and the store it opens (desk.ts's prepare and open).
	const graph = reachable([
		'source/cli.tsx',
		'source/commands/desk.ts',
		'source/commands/open-store.ts',
		'source/ui/run-desk.tsx',
		'source/ui/desk/desk.tsx',
		'source/ui/desk/desk-actor.ts',
		'source/store/index.ts',
		'source/store/store.ts',
		'source/store/read.ts',
	]);

	it('finds the modules it walks (the walk itself works)', () => {
		expect(graph.has('source/store/receipts.ts')).toBe(true);
		expect(graph.has('source/ui/team/absence-form.tsx')).toBe(true);
		expect(graph.has('ink')).toBe(true);
	});

	it('does not load TypeBox, the store schema, the schema checks or the welfare files until they are used', () => {
		const heavy = [
			'@sinclair/typebox',
			'@sinclair/typebox/compiler',
			'source/domain/model.ts',
			'source/store/validate.ts',
			'source/store/load-text.ts',
			'source/store/apply-change.ts',
			'source/store/welfare-file.ts',
			'source/store/welfare-drafts.ts',
			'source/domain/handover/schema.ts',
		];
		const found = heavy.filter(m => graph.has(m)).map(m => `${m} <- ${graph.get(m)}`);
		expect(found).toEqual([]);
	});
});
