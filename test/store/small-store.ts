/** A small generated store (fast to read and write thousands of times) in a fresh temp folder. */
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {generateStore} from '../../source/generate/generate.js';
import type {StoreData} from '../../source/domain/model.js';
import {signer} from '../../source/store/chain.js';
import {createStoreFile} from '../../source/store/store.js';
import {ROOT, tempDir} from '../helpers/cli.js';

export function smallData(cases = 6, drafts = 0): StoreData {
	const {data} = generateStore({cases, seed: 'store-tests', referenceDate: '2026-11-30'}, signer);
	const reviewer = data.team.sergeantId;
	return {
		...data,
		drafts: data.cases.slice(0, drafts).map(c => ({
			caseRef: c.ref,
			reviewerId: reviewer,
			startedAt: '2026-11-30T09:00:00.000Z',
			updatedAt: '2026-11-30T09:00:00.000Z',
			step: 0,
			answers: {},
		})),
	};
}

export async function smallStore(cases = 6, drafts = 0): Promise<{dir: string; file: string; data: StoreData}> {
	const dir = tempDir('fortnight-store-');
	const file = path.join(dir, 'team.json');
	const data = smallData(cases, drafts);
	await createStoreFile(file, data);
	return {dir, file, data};
}

/**
 * Child processes run the BUILT modules. `npm test` builds first; when a store test file is run on its
 * own after editing source/, build again (only if dist/ is older than a source file here).
 */
export function ensureBuilt(): void {
	const built = path.join(ROOT, 'dist', 'store', 'store.js');
	const sources = readdirSync(path.join(ROOT, 'source', 'store'))
		.filter(f => f.endsWith('.ts'))
		.map(f => path.join(ROOT, 'source', 'store', f));
	const newest = Math.max(...sources.map(f => statSync(f).mtimeMs));
	if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
	const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ROOT], {
		encoding: 'utf8',
		timeout: 120_000,
	});
	if (r.status !== 0) throw new Error(`tsc failed: ${r.stdout}${r.stderr}`);
}

export const WRITER = path.join(ROOT, 'test', 'store', 'fixtures', 'writer.mjs');
