/**
 * QA pass 3, defect 1: with the review chain in its own file (`store migrate`), an entry altered there
 * (same length, its hash field kept) made `verify` say BROKEN, yet the handover printed that review from the
 * state's copy and vouched for the head, the calendar was written, and command-line writes saved on top.
 * Now the handover (md, json, with --out) and the calendar hold each printed last review and the head
 * against the chain file and refuse with exit 1, naming the entry, nothing on stdout and no --out file; a
 * write refuses (exit 3, "Run fortnight verify") when the chain file's head is not the state's. README
 * "Where the store lives".
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {lastReviewsAndHead} from '../../source/domain/shown-entries.js';
import type {StoreData} from '../../source/domain/model.js';
import {chainFileCopiesProblem} from '../../source/store/chain-copies.js';
import {copiesProblem} from '../../source/store/chain-verify.js';
import {hashEntry} from '../../source/store/chain.js';
import {openStore} from '../../source/store/store.js';
import {DeskStore} from '../../source/ui/desk-store/desk-store.js';
import {readStoreFile} from '../../source/store/read.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';

/** Each test spawns a dozen or more CLI runs; under a loaded machine that is well over the default 30 s. */
const SLOW = 240_000;

const run = (store: string, args: string[]) =>
	runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'}});

/** The demo store split as the QA split it: the chain in team.chain.jsonl beside team.json. */
function splitDemo(): {dir: string; store: string; chainFile: string; welfare: string} {
	const {dir, store, welfare} = demoCopy();
	const migrated = run(store, ['store', 'migrate']);
	expect(migrated.code, migrated.stderr).toBe(0);
	const chainFile = path.join(dir, 'team.chain.jsonl');
	expect(existsSync(chainFile)).toBe(true);
	return {dir, store, chainFile, welfare};
}

/** Replaces `from` with `to` (the same length: the file's recorded end still holds) on entry `seq`'s line. */
function alterLine(file: string, seq: number, from: string, to: string): void {
	expect(to.length).toBe(from.length);
	const lines = readFileSync(file, 'utf8').split('\n');
	const i = lines.findIndex(l => l.startsWith(`{"seq":${seq},`));
	expect(i, `entry ${seq} in ${file}`).toBe(seq);
	expect(lines[i]).toContain(from);
	lines[i] = lines[i]!.replace(from, to);
	writeFileSync(file, lines.join('\n'));
}

/** Every welfare note's text in the demo's welfare file: none may appear in any message. */
function welfareTexts(file: string): string[] {
	return (JSON.parse(readFileSync(file, 'utf8')) as {notes: {text: string}[]}).notes.map(n => n.text);
}

/** Each export of the handover window, as the QA ran them: [label, args, --out file or null]. */
function exports(dir: string): [string, string[], string | null][] {
	const window = ['--from', '2026-11-30', '--to', '2026-12-13'];
	return [
		['handover md', ['handover', ...window], null],
		['handover md --out', ['handover', ...window, '--out', path.join(dir, 'h.md')], path.join(dir, 'h.md')],
		['handover json', ['handover', ...window, '--format', 'json'], null],
		['handover json --out', ['handover', ...window, '--format', 'json', '--out', path.join(dir, 'h.json')], path.join(dir, 'h.json')],
		[
			'handover with welfare',
			['handover', ...window, '--include-welfare', '--yes', '--out', path.join(dir, 'hw.md')],
			path.join(dir, 'hw.md'),
		],
		['calendar', ['calendar', ...window], null],
		['calendar --out', ['calendar', ...window, '--out', path.join(dir, 'cal.ics')], path.join(dir, 'cal.ics')],
	];
}

function expectRefused(dir: string, store: string, says: RegExp, welfare: string): void {
	const notes = welfareTexts(welfare);
	for (const [label, args, outFile] of exports(dir)) {
		const r = run(store, args);
		expect(r.code, `${label}: ${r.stderr}`).toBe(1);
		expect(r.stdout, label).toBe('');
		expect(r.stderr, label).toMatch(says);
		expect(r.stderr, label).toMatch(/not written: .*Run "fortnight verify --store /s);
		for (const text of notes) expect(r.stderr, label).not.toContain(text);
		if (outFile) expect(existsSync(outFile), label).toBe(false);
	}
}

describe('an entry altered in the chain file', () => {
	it(
		'a printed last review (entry 593, CR/33643/26): handover in every format and the calendar refuse, naming it',
		() => {
			const {dir, store, chainFile, welfare} = splitDemo();
			alterLine(chainFile, 593, 'Review 1 day late', 'Review 0 day late');
			expect(run(store, ['verify']).code).toBe(1);
			expectRefused(dir, store, /entry 593 \(review\) of \S*team\.chain\.jsonl was altered after signing/, welfare);
		},
		SLOW,
	);

	it(
		'the head (entry 605): the exports refuse, and so does every command-line write, saving nothing',
		() => {
			const {dir, store, chainFile, welfare} = splitDemo();
			alterLine(chainFile, 605, '"reviewerId":"o0002"', '"reviewerId":"o0001"');
			expect(run(store, ['verify']).code).toBe(1);
			expectRefused(dir, store, /entry 605 \(review\) of \S*team\.chain\.jsonl was altered after signing/, welfare);

			const before = [store, chainFile, welfare].map(f => readFileSync(f));
			const notes = welfareTexts(welfare);
			const writes = [
				['bail', 'record', 'CR/54818/26', '--event', 'rui'],
				['welfare', 'record', 'Marsh', '--kind', 'check-in'],
				['case', 'reallocate', 'CR/33643/26', '--to', 'Iqbal', '--reason', 'Workload balance', '--yes'],
				['absence', 'add', 'Iqbal', '--from', '2027-01-10', '--to', '2027-01-11', '--reason', 'training'],
			];
			for (const args of writes) {
				const r = run(store, args);
				expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(3);
				expect(r.stderr).toMatch(
					/cannot be saved: its review chain fails verification \(entry 605 \(review\) of \S*team\.chain\.jsonl was altered/,
				);
				expect(r.stderr).toContain('Run "fortnight verify --store ');
				for (const text of notes) expect(r.stderr).not.toContain(text);
			}
			// Nothing saved: the state, the chain file and the welfare file are as they were, and no journal was started.
			expect([store, chainFile, welfare].map(f => readFileSync(f))).toEqual(before);
			expect(existsSync(path.join(dir, 'team.journal.jsonl'))).toBe(false);
		},
		SLOW,
	);

	it(
		'untampered, every export and a write still work, and the handover after a save checks the new head',
		() => {
			const {dir, store} = splitDemo();
			for (const [label, args, outFile] of exports(dir)) {
				const r = run(store, args);
				expect(r.code, `${label}: ${r.stderr}`).toBe(0);
				if (outFile) expect(existsSync(outFile), label).toBe(true);
				else expect(r.stdout.length, label).toBeGreaterThan(0);
			}
			const saved = run(store, ['bail', 'record', 'CR/54818/26', '--event', 'rui']);
			expect(saved.code, saved.stderr).toBe(0);
			const after = run(store, ['handover', '--format', 'json']);
			expect(after.code, after.stderr).toBe(0);
			expect((JSON.parse(after.stdout) as {chainHead: string}).chainHead).toMatch(/^606:/);
			expect(run(store, ['verify']).code).toBe(0);
			expect(run(store, ['calendar']).code).toBe(0);
		},
		SLOW,
	);

	it(
		'an entry written with its keys in another order is still the same entry (hashed, not compared as text)',
		() => {
			const {store, chainFile} = splitDemo();
			const lines = readFileSync(chainFile, 'utf8').split('\n');
			const entry = JSON.parse(lines[593]!) as Record<string, unknown>;
			const reordered = Object.fromEntries(Object.entries(entry).reverse());
			lines[593] = JSON.stringify(reordered);
			expect(lines[593]).not.toBe(JSON.stringify(entry));
			expect(lines[593]!.length).toBe(JSON.stringify(entry).length);
			writeFileSync(chainFile, lines.join('\n'));
			expect(run(store, ['verify']).code).toBe(0);
			const r = run(store, ['handover']);
			expect(r.code, r.stderr).toBe(0);
			expect(run(store, ['bail', 'record', 'CR/54818/26', '--event', 'rui']).code).toBe(0);
		},
		SLOW,
	);
});

describe('chainFileCopiesProblem (the scan behind them)', () => {
	async function state(store: string): Promise<StoreData> {
		return (await readStoreFile(store, {chain: 'state'})).data;
	}

	it(
		'finds an altered entry and the head with lines spanning many small reads, and passes an intact file',
		async () => {
			const {store, chainFile} = splitDemo();
			const data = await state(store);
			const shows = lastReviewsAndHead(data.chain);
			for (const chunk of [64, 1000, 4096, 1024 * 1024]) expect(await chainFileCopiesProblem(store, data, shows, chunk)).toBeNull();
			alterLine(chainFile, 593, 'Review 1 day late', 'Review 0 day late');
			for (const chunk of [64, 1000, 1024 * 1024])
				expect(await chainFileCopiesProblem(store, data, shows, chunk)).toMatch(/^entry 593 \(review\) of .* was altered after signing/);
		},
		SLOW,
	);

	it(
		'an entry the export does not print is left to verify; lines joined or split are found',
		async () => {
			const {store, chainFile} = splitDemo();
			const data = await state(store);
			// Entry 10 is an earlier review of a case, not its last: the handover does not print it.
			const tenth = (JSON.parse(readFileSync(chainFile, 'utf8').split('\n')[10]!) as {kind: string; data: {caseRef: string}}).data.caseRef;
			expect(data.chain.some(e => e.seq === 10)).toBe(false);
			const text = readFileSync(chainFile, 'utf8');
			const at = text.indexOf('"signedAt":"', text.indexOf('{"seq":10,')) + '"signedAt":"'.length;
			writeFileSync(chainFile, text.slice(0, at) + (text[at] === '1' ? '2' : '1') + text.slice(at + 1));
			expect(tenth).toMatch(/^CR\//);
			expect(await chainFileCopiesProblem(store, data, lastReviewsAndHead(data.chain))).toBeNull();
			// Two lines joined into one (a newline replaced by a space): the count and the places no longer hold.
			const joined = readFileSync(chainFile, 'utf8').replace('\n{"seq":20,', ' {"seq":20,');
			writeFileSync(chainFile, joined);
			expect(await chainFileCopiesProblem(store, data, lastReviewsAndHead(data.chain))).not.toBeNull();
		},
		SLOW,
	);
});

describe("copiesProblem (the desk's Handover export)", () => {
	it(
		'holds the state copies the document prints to the chain file the desk read, entry by entry and at the head',
		async () => {
			const {store, chainFile} = splitDemo();
			const data = (await readStoreFile(store, {chain: 'state'})).data;
			const whole = (await readStoreFile(store, {chain: 'whole'})).data.chain;
			const shows = lastReviewsAndHead(data.chain);
			expect(copiesProblem(data.chain, whole, shows)).toBeNull();
			// Entry 593 re-hashed after an edit (so its own hash checks out): not the entry the state holds.
			const rehashed = whole.map(e => (e.seq === 593 ? {...e, hash: 'f'.repeat(64)} : e));
			expect(copiesProblem(data.chain, rehashed, shows)).toMatch(
				/^entry 593 \(review\) of the chain file is not the entry the store holds/,
			);
			expect(copiesProblem(data.chain, whole.slice(0, -1), shows)).toMatch(
				/entry 605 \(review\) of the chain file is not the entry|does not end with entry 605/,
			);
			expect(chainFile).toMatch(/team\.chain\.jsonl$/);
		},
		SLOW,
	);
});

describe("the desk's Handover export, before its walk", () => {
	it(
		"refuses when the chain file holds a re-hashed entry 593 (its own hash checks out) instead of the state's copy",
		async () => {
			const {store: file, chainFile} = splitDemo();
			const lines = readFileSync(chainFile, 'utf8').split('\n');
			const entry = JSON.parse(lines[593]!) as Parameters<typeof hashEntry>[0] & {hash: string};
			const text = JSON.stringify(entry).replace('Review 1 day late', 'Review 0 day late');
			const altered = JSON.parse(text) as typeof entry;
			altered.hash = hashEntry(altered);
			lines[593] = JSON.stringify(altered);
			expect(lines[593]!.length).toBe(JSON.stringify(entry).length);
			writeFileSync(chainFile, lines.join('\n'));
			const real = await openStore(file, {chain: 'state'});
			expect(real.readOnly).toBe(false);
			const desk = new DeskStore(real);
			const refusal = await desk.exportRefusal(lastReviewsAndHead);
			expect(refusal).toMatch(/^entry 593 \(review\) of the chain file is not the entry the store holds.*Run "fortnight verify --store /);
			// The command line's handover finds it the same way, in the file's line.
			const r = run(file, ['handover']);
			expect(r.code).toBe(1);
			expect(r.stdout).toBe('');
			expect(r.stderr).toMatch(/entry 593 \(review\) of \S*team\.chain\.jsonl is not the entry the store holds/);
		},
		SLOW,
	);
});
