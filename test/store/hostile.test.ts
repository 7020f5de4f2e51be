/**
 * Hostile input to the loader. A store sits on a shared drive: it can be truncated by a full disk,
 * damaged by a sync tool, or edited by hand or by someone meaning harm. Whatever the text, the loader
 * either returns valid data or throws one StoreError (exit 3), quickly, without touching the file; it
 * never throws anything else, hangs, overflows the stack or pollutes Object.prototype.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {StoreError} from '../../source/store/errors.js';
import {MAX_DEPTH} from '../../source/store/guard.js';
import {openStore, readStoreFile, serialize} from '../../source/store/store.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {validateStore} from '../../source/store/validate.js';
import {DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';
import {smallData} from './small-store.js';

const valid = smallData(2, 1);
const text = serialize(valid);
const dir = tempDir('fortnight-hostile-');
const tally = {truncations: 0, flips: 0, flipsRejected: 0, flipsStillValid: 0, cli: 0, fuzzed: 0};

/** Seeded, so a failure names inputs that can be replayed. */
function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Loads text; returns 'rejected' for a StoreError, 'valid' for data that validates, and fails on anything else. */
function outcome(raw: string, what: string): 'rejected' | 'valid' {
	try {
		const {data} = loadStoreText(raw, 'fuzz.json');
		expect(validateStore(data), what).toBeNull();
		return 'valid';
	} catch (err) {
		if (err instanceof StoreError) return 'rejected';
		throw new Error(`${what}: threw ${(err as Error)?.name}: ${(err as Error)?.message}`);
	}
}

describe('a corpus of damaged stores', () => {
	it('every truncation is rejected with a StoreError and the file is left byte-identical', async () => {
		const r = rng(1);
		// Every offset in the first and last 100 bytes (the header and the closing brackets), and 200 more at random.
		const offsets = new Set<number>();
		for (let i = 0; i < 100; i++) offsets.add(i).add(text.length - 2 - i);
		while (offsets.size < 400) offsets.add(Math.floor(r() * (text.length - 1)));
		for (const at of offsets) {
			const file = path.join(dir, 'truncated.json');
			const cut = text.slice(0, at);
			writeFileSync(file, cut);
			const err = await readStoreFile(file).catch(e => e as Error);
			expect(err, `cut at ${at}`).toBeInstanceOf(StoreError);
			expect(readFileSync(file, 'utf8')).toBe(cut);
			tally.truncations++;
		}
		// openStore too (it may sweep and back up, so prove it writes nothing on a damaged file).
		const file = path.join(dir, 'truncated-open.json');
		writeFileSync(file, text.slice(0, text.length >> 1));
		await expect(openStore(file)).rejects.toBeInstanceOf(StoreError);
		expect(readFileSync(file, 'utf8')).toBe(text.slice(0, text.length >> 1));
	});

	it('random byte flips: each is rejected with a StoreError or still a valid store; never another error; the file is unchanged', async () => {
		const r = rng(2);
		const bytes = Buffer.from(text, 'utf8');
		for (let i = 0; i < 400; i++) {
			const damaged = Buffer.from(bytes);
			const flips = 1 + Math.floor(r() * 4);
			for (let k = 0; k < flips; k++) damaged[Math.floor(r() * (damaged.length - 1))] = Math.floor(r() * 256);
			const file = path.join(dir, 'flipped.json');
			writeFileSync(file, damaged);
			let result: 'rejected' | 'valid';
			try {
				await readStoreFile(file);
				result = 'valid';
			} catch (err) {
				if (!(err instanceof StoreError)) throw new Error(`flip ${i}: ${(err as Error).message}`);
				result = 'rejected';
			}
			expect(readFileSync(file).equals(damaged)).toBe(true);
			tally.flips++;
			if (result === 'rejected') tally.flipsRejected++;
			else tally.flipsStillValid++;
		}
		// A flip inside free text gives a different but valid store (there is no checksum, so hand edits
		// stay possible); signed entries are covered by the chain, which `verify` checks. Most flips hit
		// structure, dates, ids or enums and are refused.
		expect(tally.flipsRejected).toBeGreaterThan(tally.flips / 2);
	});

	it('a sample through the CLI: exit 3, one or two lines naming the file, no stack trace, file unchanged', () => {
		const r = rng(3);
		const samples: [string, Buffer][] = [
			['cut mid-way', Buffer.from(text.slice(0, text.length >> 1))],
			['cut before the last bracket', Buffer.from(text.slice(0, text.length - 2))],
			['first byte only', Buffer.from(text.slice(0, 1))],
			['deep nesting', Buffer.from(text.replace('"answers":{}', `"answers":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`))],
		];
		while (samples.length < 6) {
			const damaged = Buffer.from(text);
			damaged[Math.floor(r() * 2000)] = 0x7b; // "{" somewhere in the header
			try {
				loadStoreText(damaged.toString('utf8'), 'x');
			} catch {
				samples.push([`flip ${samples.length}`, damaged]);
			}
		}
		for (const [name, content] of samples) {
			const file = path.join(dir, `cli-${samples.indexOf(samples.find(s => s[0] === name)!)}.json`);
			writeFileSync(file, content);
			const res = runCli(['verify', '--store', file, '--today', DEMO_TODAY]);
			expect(res.code, name).toBe(3);
			expect(res.stderr).toContain(file);
			expect(res.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
			expect(res.stderr).not.toMatch(/\n\s+at /);
			expect(readFileSync(file).equals(content)).toBe(true);
			tally.cli++;
		}
	}, 60_000);
});

describe('fuzzing the loader (fast-check)', () => {
	const timed = (raw: string, what: string) => {
		const started = performance.now();
		const result = outcome(raw, what);
		expect(performance.now() - started, `${what} took too long`).toBeLessThan(2000);
		tally.fuzzed++;
		return result;
	};

	it('any JSON value: only StoreError, never a hang', () => {
		fc.assert(
			fc.property(fc.jsonValue({maxDepth: 8}), v => {
				expect(timed(JSON.stringify(v) ?? 'null', 'json value')).toBe('rejected');
			}),
			{numRuns: 400},
		);
	});

	it('any text: only StoreError', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({unit: 'binary', maxLength: 400}), fc.constantFrom('{', '[', '{"schemaVersion":1', '\uFEFF{}', '"\\u0000"')),
				s => {
					expect(timed(s, 'text')).toBe('rejected');
				},
			),
			{numRuns: 400},
		);
	});

	// Every path into the valid store, so mutations land anywhere from the top to a chain entry's data.
	const paths: (string | number)[][] = [];
	(function walk(v: unknown, at: (string | number)[]) {
		paths.push(at);
		if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
		else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
	})(valid, []);

	function mutate(value: StoreData, at: (string | number)[], op: 'replace' | 'delete' | 'proto', replacement: unknown): unknown {
		const copy = structuredClone(value) as unknown;
		if (at.length === 0) return op === 'replace' ? replacement : copy;
		let parent = copy as Record<string | number, unknown>;
		for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
		const last = at.at(-1)!;
		if (op === 'delete') {
			if (Array.isArray(parent)) parent.splice(Number(last), 1);
			else delete parent[last];
		} else if (op === 'proto' && !Array.isArray(parent)) {
			Object.defineProperty(parent, '__proto__', {value: replacement, enumerable: true, configurable: true, writable: true});
		} else {
			parent[last] = replacement;
		}
		return copy;
	}

	it('mutated valid stores (replace, delete, __proto__ anywhere): a valid store or a StoreError, nothing else', () => {
		fc.assert(
			fc.property(
				fc.nat({max: paths.length - 1}),
				fc.constantFrom<'replace' | 'delete' | 'proto'>('replace', 'delete', 'proto'),
				fc.oneof(fc.jsonValue({maxDepth: 4}), fc.constantFrom('', 'x'.repeat(30_000), -1, 1e308, '2026-02-30', 'o9999', null, [], {})),
				(i, op, replacement) => {
					const raw = JSON.stringify(mutate(valid, paths[i]!, op, replacement));
					timed(raw, `${op} at /${paths[i]!.join('/')}`);
				},
			),
			{numRuns: 400},
		);
	});

	it('valid store text with bytes overwritten, inserted or deleted: a valid store or a StoreError', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						at: fc.nat({max: text.length - 1}),
						op: fc.constantFrom('set', 'insert', 'delete'),
						ch: fc.string({unit: 'binary', minLength: 1, maxLength: 3}),
					}),
					{minLength: 1, maxLength: 5},
				),
				edits => {
					let s = text;
					for (const e of edits) {
						const at = e.at % s.length;
						s =
							e.op === 'set'
								? s.slice(0, at) + e.ch + s.slice(at + e.ch.length)
								: e.op === 'insert'
									? s.slice(0, at) + e.ch + s.slice(at)
									: s.slice(0, at) + s.slice(at + e.ch.length);
					}
					timed(s, 'edited text');
				},
			),
			{numRuns: 400},
		);
	});
});

describe('structures meant to hurt', () => {
	const withAnswers = (answersJson: string) => text.replace('"answers":{}', `"answers":${answersJson}`);

	it('100,000 nested arrays inside a draft answer: a clear StoreError at once, not a stack overflow', () => {
		const raw = withAnswers(`{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
		const started = performance.now();
		const err = (() => {
			try {
				loadStoreText(raw, 'deep.json');
			} catch (e) {
				return e as StoreError;
			}
		})();
		expect(err).toBeInstanceOf(StoreError);
		expect(err!.code).toBe('too-large');
		expect(err!.message).toMatch(new RegExp(`more than ${MAX_DEPTH} levels deep`));
		expect(performance.now() - started).toBeLessThan(1000);
		// The same nesting as objects, and at the top level.
		expect(() => loadStoreText('{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), 'deep.json')).toThrow(StoreError);
		expect(() => loadStoreText('['.repeat(1_000_000), 'deep.json')).toThrow(StoreError);
	});

	it('nesting is allowed up to the limit: a draft answer nested 50 deep still loads and saves', async () => {
		const raw = withAnswers(`{"x":${'['.repeat(50)}${']'.repeat(50)}}`);
		const file = path.join(dir, 'nested-ok.json');
		writeFileSync(file, raw);
		const store = await openStore(file);
		await store.apply(d => ({...d, team: {...d.team, name: 'still fine'}}));
		expect((await readStoreFile(file)).data.team.name).toBe('still fine');
	});

	it('a 10 MB text field is refused naming the field; a 1 MB string or a 300,000-digit number in a free-form answer is refused too', () => {
		const big = JSON.parse(text) as StoreData;
		big.cases[0]!.offence = 'A'.repeat(10_000_000);
		const started = performance.now();
		expect(() => loadStoreText(JSON.stringify(big), 'big.json')).toThrow(/too-large|longer than any store field/);
		expect(performance.now() - started).toBeLessThan(3000);
		// Just under the token limit, the schema names the field and its limit.
		big.cases[0]!.offence = 'A'.repeat(100_000);
		expect(() => loadStoreText(JSON.stringify(big), 'big.json')).toThrow(/\/cases\/0\/offence.*length less or equal to 300/);
		expect(() => loadStoreText(withAnswers(`{"x":"${'B'.repeat(1_000_000)}"}`), 'big.json')).toThrow(/text of 1000000 characters/);
		expect(() => loadStoreText(withAnswers(`{"x":${'9'.repeat(300_000)}}`), 'big.json')).toThrow(/number 300000 characters long/);
	});

	it('an error message quoting a hostile value carries no escape sequence to the terminal', () => {
		const bad = JSON.parse(text) as StoreData;
		bad.cases[0]!.offence = '\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J\u202e' + 'k'.repeat(400); // too long: quoted in the error
		let message = '';
		try {
			loadStoreText(JSON.stringify(bad), 'esc.json');
		} catch (e) {
			message = (e as StoreError).message;
		}
		expect(message).toMatch(/\/cases\/0\/offence/);
		expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
	});

	it('__proto__ and constructor keys do nothing: no prototype pollution, prototypes intact, __proto__ dropped', async () => {
		const hostile = text
			.replace('{"schemaVersion"', '{"__proto__":{"polluted":"top"},"schemaVersion"')
			.replace(
				'"answers":{}',
				'"answers":{"__proto__":{"polluted":"answers"},"nested":{"\\u005f_proto__":{"polluted":"escaped"}},"constructor":{"prototype":{"polluted":"ctor"}},"ok":1}',
			);
		// Both spellings in one object are the same name twice, which is refused outright (issue 14, item 13).
		expect(() =>
			loadStoreText(text.replace('"answers":{}', '"answers":{"__proto__":{"a":1},"\\u005f_proto__":{"b":2}}'), 'proto.json'),
		).toThrow(/same property name twice/);
		const file = path.join(dir, 'proto.json');
		writeFileSync(file, hostile);
		const store = await openStore(file);
		const d = store.snapshot();
		const answers = d.drafts[0]!.answers;
		expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
		expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
		expect(Object.prototype.hasOwnProperty.call(d, '__proto__')).toBe(false);
		expect(Object.prototype.hasOwnProperty.call(answers, '__proto__')).toBe(false);
		expect(answers['ok']).toBe(1);
		expect(answers['nested']).toEqual({});
		expect(answers['constructor']).toEqual({prototype: {polluted: 'ctor'}}); // plain data, shadows nothing global
		// Copying the data the usual ways afterwards pollutes nothing either.
		await store.apply(x =>
			Object.assign({}, x, {drafts: x.drafts.map(dr => Object.assign({}, dr, {answers: Object.assign({}, dr.answers, {more: 2})}))}),
		);
		const after = readFileSync(file, 'utf8');
		expect(after).not.toContain('__proto__');
		expect(after).not.toContain('"polluted":"answers"');
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
		expect((Object as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
	});
});

afterAll(() =>
	console.log(
		`hostile input: ${tally.truncations} truncations rejected, ${tally.flips} byte-flipped files (${tally.flipsRejected} rejected, ` +
			`${tally.flipsStillValid} still valid stores), ${tally.cli} through the CLI (exit 3), ${tally.fuzzed} fuzzed inputs, lost: 0`,
	),
);
