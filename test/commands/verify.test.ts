/**
 * Tamper evidence: any change to a signed entry in a copy of the store, made without re-computing
 * hashes, makes `verify` exit 1 naming that entry; deleting or reordering entries is caught; and
 * `verify --head SEQ:HASH` accepts the head an export printed and rejects any other.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import verify from '../../source/commands/verify.js';
import {makeContext} from '../../source/commands/context.js';
import {addDays} from '../../source/domain/dates.js';
import type {ChainEntry, StoreData} from '../../source/domain/model.js';
import {StoreError} from '../../source/store/errors.js';
import {DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';
import {hostileData} from '../domain/review-log/hostile-store.js';

/** The demo with an amendment at the end, so every kind of entry is in the chain. */
let base: StoreData;
const dir = tempDir('fortnight-verify-');

beforeAll(() => {
	base = hostileData().data;
});

function writeStore(data: StoreData, name = 'team.json'): string {
	const file = path.join(dir, name);
	writeFileSync(file, JSON.stringify(data));
	return file;
}

/** Runs the verify command in this process (the CLI itself is exercised below). */
async function verifyStore(file: string, head?: string): Promise<{code: number; out: string}> {
	let out = '';
	const sink = {write: (s: string) => ((out += s), true), once: () => sink} as unknown as NodeJS.WriteStream;
	const ctx = {...makeContext({store: file, today: DEMO_TODAY, color: false, debug: false}, {}), stdout: sink, stderr: sink};
	try {
		return {code: await verify.run(ctx, [], head === undefined ? {} : {head}), out};
	} catch (err) {
		if (err instanceof StoreError) return {code: 3, out: err.message};
		throw err;
	}
}

type Leaf = {path: (string | number)[]; value: unknown};

function leaves(value: unknown, at: (string | number)[] = []): Leaf[] {
	if (value !== null && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, Array.isArray(value) ? Number(k) : k]));
	}
	return [{path: at, value}];
}

const ENUMS: Record<string, string[]> = {
	riskBefore: ['high', 'medium', 'low'],
	riskAfter: ['high', 'medium', 'low'],
	triggerDecision: ['action-plan', 'not-now', 'escalate'],
	decision: ['action-plan', 'not-now', 'escalate'],
	outcome: ['done', 'carried', 'dropped'],
};

/** A different value the schema still accepts, so only the hash chain can notice. */
function altered(leaf: Leaf): unknown {
	const key = String(leaf.path.at(-1));
	const v = leaf.value;
	if (ENUMS[key] && typeof v === 'string') return ENUMS[key]!.find(x => x !== v);
	if (typeof v === 'boolean') return !v;
	if (typeof v === 'number') return v + 1;
	if (v === null) return key === 'triggerDecision' ? 'escalate' : /date|due|Review/i.test(key) ? '2026-01-01' : 'x';
	if (typeof v !== 'string') throw new Error(`unexpected leaf ${key}`);
	if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return addDays(v, 1);
	if (/^[0-9a-f]{64}$/.test(v)) return (v[0] === 'a' ? 'b' : 'a') + v.slice(1);
	if (key === 'signedAt') return v.replace(/\d(?=\.\d{3}Z$)/, d => String((Number(d) + 1) % 10));
	return v + 'x';
}

function setAt(entry: ChainEntry, leaf: Leaf, value: unknown): ChainEntry {
	const copy = structuredClone(entry) as unknown as Record<string | number, unknown>;
	let node = copy as Record<string | number, unknown>;
	for (const k of leaf.path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
	node[leaf.path.at(-1)!] = value;
	return copy as unknown as ChainEntry;
}

describe('verify catches tampering', () => {
	it('the untouched copy verifies', async () => {
		const r = await verifyStore(writeStore(base));
		expect(r.code).toBe(0);
		expect(r.out).toContain(`chain of ${base.chain.length} entries intact`);
	});

	it('altering any field of a sample of entries (review, decision, amendment; first, middle, last) exits 1 naming the entry', async () => {
		const kinds = new Set(base.chain.map(e => e.kind));
		expect(kinds).toEqual(new Set(['review', 'performance-decision', 'amendment']));
		const decision = base.chain.find(e => e.kind === 'performance-decision')!.seq;
		const sample = [0, 1, decision, Math.floor(base.chain.length / 2), base.chain.length - 2, base.chain.length - 1];
		let checked = 0;
		for (const i of sample) {
			const entry = base.chain[i]!;
			const all = leaves(entry).filter(l => l.path[0] !== 'kind');
			// Every top-level field and, within data, every fourth leaf: deterministic and bounded in time.
			const picked = all.filter((l, n) => l.path[0] !== 'data' || n % 4 === 1);
			for (const leaf of picked) {
				const chain = base.chain.map((e, j) => (j === i ? setAt(e, leaf, altered(leaf)) : e));
				const r = await verifyStore(writeStore({...base, chain}));
				const where = `entry ${i} field ${leaf.path.join('.')}`;
				expect(r.code, where).toBe(1);
				expect(r.out, where).toContain(`BROKEN`);
				expect(r.out, where).toContain(`entry ${i}:`);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(30);
	});

	it('changing an entry kind is refused as an invalid store (exit 3) naming the entry', async () => {
		const chain = base.chain.map((e, j) => (j === 3 ? ({...e, kind: 'amendment'} as unknown as ChainEntry) : e));
		const r = await verifyStore(writeStore({...base, chain}));
		expect(r.code).toBe(3);
		expect(r.out).toContain('/chain/3');
	});

	it('deleting an entry is caught at the gap', async () => {
		for (const i of [0, 5, base.chain.length - 2]) {
			const chain = base.chain.filter((_, j) => j !== i);
			const r = await verifyStore(writeStore({...base, chain}));
			expect(r.code, `delete ${i}`).toBe(1);
			expect(r.out).toContain(`entry ${i}:`);
		}
	});

	it('reordering two entries is caught', async () => {
		for (const [a, b] of [
			[0, 1],
			[10, 400],
			[base.chain.length - 2, base.chain.length - 1],
		] as const) {
			const chain = [...base.chain];
			[chain[a], chain[b]] = [chain[b]!, chain[a]!];
			const r = await verifyStore(writeStore({...base, chain}));
			expect(r.code, `swap ${a} ${b}`).toBe(1);
			expect(r.out).toContain(`entry ${a}:`);
		}
	});

	it('deleting the last entry still verifies, but not against the recorded head', async () => {
		const last = base.chain.at(-1)!;
		const file = writeStore({...base, chain: base.chain.slice(0, -1)});
		expect((await verifyStore(file)).code).toBe(0);
		const r = await verifyStore(file, `${last.seq}:${last.hash}`);
		expect(r.code).toBe(1);
		expect(r.out).toContain(`entry ${last.seq}:`);
		expect(r.out).toContain('missing');
	});
});

describe('verify --head', () => {
	it('accepts the current head and an earlier one, rejects an altered hash or a re-signed chain', async () => {
		const file = writeStore(base);
		const last = base.chain.at(-1)!;
		expect((await verifyStore(file, `${last.seq}:${last.hash}`)).code).toBe(0);
		const earlier = base.chain[100]!;
		const ok = await verifyStore(file, `${earlier.seq}:${earlier.hash.toUpperCase()}`);
		expect(ok.code).toBe(0);
		expect(ok.out).toContain(`${base.chain.length - 1 - 100} entries added since`);
		const wrong = `${last.seq}:${(last.hash[0] === 'a' ? 'b' : 'a') + last.hash.slice(1)}`;
		const r = await verifyStore(file, wrong);
		expect(r.code).toBe(1);
		expect(r.out).toContain(`entry ${last.seq}:`);
	});

	it('rejects a malformed head as a usage error', async () => {
		const file = writeStore(base);
		for (const bad of ['', '605', '605:abc', 'x:' + 'a'.repeat(64), '605:' + 'g'.repeat(64)]) {
			await expect(verifyStore(file, bad), bad).rejects.toThrow(/--head must be SEQ:HASH/);
		}
	});
});

describe('verify on the command line', () => {
	it('exit codes 0, 1 and 2 through the built CLI', () => {
		const good = writeStore(base, 'cli.json');
		const last = base.chain.at(-1)!;
		expect(runCli(['verify', '--store', good, '--head', `${last.seq}:${last.hash}`]).code).toBe(0);
		const data = JSON.parse(readFileSync(good, 'utf8')) as StoreData;
		const chain = data.chain.map((e, j) =>
			j === 7 && e.kind === 'review' ? {...e, data: {...e.data, welfareCheckIn: !e.data.welfareCheckIn}} : e,
		);
		const bad = writeStore({...data, chain}, 'cli-bad.json');
		const r = runCli(['verify', '--store', bad]);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('entry 7:');
		expect(runCli(['verify', '--store', good, '--head', 'nonsense']).code).toBe(2);
	});
});
