/**
 * What the file says is what is signed (issue 14, item 13):
 * - a byte that is not UTF-8 was decoded to U+FFFD and written back so on the next save, breaking the
 *   signed entry holding it: now the file is refused on load, naming the byte;
 * - a duplicate property name (JSON.parse keeps the last) and a field outside the five an entry's hash
 *   covers both passed `verify`: now the first is refused on load, the second breaks the chain;
 * - a store whose chain fails `verify` was still written to: now it opens read-only (links checked on
 *   load, hashes before the first write) with a reason that says to run `fortnight verify`.
 */
import {isUtf8} from 'node:buffer';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {verifyChain} from '../../source/store/chain.js';
import {StoreError} from '../../source/store/errors.js';
import {checkJsonLimits} from '../../source/store/guard.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {firstInvalidUtf8} from '../../source/store/utf8.js';
import {DEMO, DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';

const demoText = readFileSync(DEMO, 'utf8');
const demo = JSON.parse(demoText) as StoreData;

function writeStore(content: string | Buffer, name = 'team.json'): string {
	const file = path.join(tempDir('fortnight-chain-'), name);
	writeFileSync(file, content);
	return file;
}

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
	try {
		await promise;
	} catch (err) {
		expect(err).toBeInstanceOf(StoreError);
		return err as StoreError;
	}
	throw new Error('expected a StoreError');
}

/** The index of a review entry in the middle of the chain whose data holds a string field `name`. */
function reviewWith(name: string): number {
	const i = demo.chain.findIndex(
		(e, k) => k >= 100 && e.kind === 'review' && typeof (e.data as unknown as Record<string, unknown>)[name] === 'string',
	);
	expect(i).toBeGreaterThan(0);
	return i;
}

describe('bytes that are not UTF-8', () => {
	it('refuses the store on load naming the byte offset and line (exit 3), and writes nothing', async () => {
		const bytes = Buffer.from(JSON.stringify(demo, null, '\t'), 'utf8');
		const at = bytes.indexOf('"offence"') + 13;
		const bad = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at)]); // Latin-1 é
		const file = writeStore(bad);
		const line = bad.subarray(0, at).toString('latin1').split('\n').length;
		const err = await refusal(openStore(file));
		expect(err.message).toBe(
			`${file} is not UTF-8 text: byte ${at} (line ${line}) is not valid UTF-8. The file was not read (saving would replace that byte ` +
				'and break any signed review holding it); restore a backup, or convert the file to UTF-8.',
		);
		const r = runCli(['verify', '--store', file, '--today', DEMO_TODAY]);
		expect(r.code).toBe(3);
		expect(r.stderr).toContain(`byte ${at} (line ${line})`);
		expect(readFileSync(file).equals(bad)).toBe(true);
	});

	it('finds the same first bad byte as a strict decoder, on fuzzed bytes', () => {
		const strict = new TextDecoder('utf-8', {fatal: true});
		fc.assert(
			fc.property(fc.uint8Array({maxLength: 40}), fc.string({unit: 'binary', maxLength: 10}), (noise, text) => {
				const bytes = Buffer.concat([Buffer.from(text, 'utf8'), noise]);
				const at = firstInvalidUtf8(bytes);
				if (at === -1) return isUtf8(bytes);
				let prefixOk = true;
				try {
					strict.decode(bytes.subarray(0, at));
				} catch {
					prefixOk = false;
				}
				return !isUtf8(bytes) && prefixOk && isUtf8(bytes.subarray(0, at)) && !isUtf8(bytes.subarray(0, Math.min(at + 4, bytes.length)));
			}),
			{numRuns: 3000},
		);
	});
});

describe('duplicate property names', () => {
	it('refuses a duplicate inside a signed entry (it hid text from verify), naming the position, on load and in verify', () => {
		const i = reviewWith('summary');
		const entry = demo.chain[i]!;
		const fieldJson = `"summary":${JSON.stringify((entry.data as unknown as {summary: string}).summary)}`;
		const text = JSON.stringify(demo).replace(fieldJson, `"summary":"Charge him today.",${fieldJson}`);
		expect(text).not.toBe(JSON.stringify(demo));
		// JSON.parse keeps the last: the chain still verifies, which was the defect.
		expect(verifyChain((JSON.parse(text) as StoreData).chain)).toBeNull();
		const second = text.indexOf(fieldJson);
		expect(() => loadStoreText(text, 'team.json')).toThrow(
			`team.json has the same property name twice in one object (the second at line 1, column ${second + 1} (byte ${Buffer.byteLength(text.slice(0, second))}))`,
		);
		const file = writeStore(text);
		const r = runCli(['verify', '--store', file, '--today', DEMO_TODAY]);
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('same property name twice');
		expect(r.stderr).not.toContain('Charge him');
	});

	it('finds duplicates written with escapes, in objects of many names, and at the top level; not names repeated in different objects', () => {
		const answers = (json: string) =>
			JSON.stringify({
				...demo,
				drafts: [{caseRef: demo.cases[0]!.ref, reviewerId: demo.team.sergeantId, startedAt: 'x', updatedAt: 'x', step: 0, answers: '@'}],
			}).replace('"@"', json);
		const many = Array.from({length: 100}, (_, k) => `"k${k}":${k}`).join(',');
		const duplicate = /same property name twice/;
		expect(() => loadStoreText(answers(`{"risk":1,"\\u0072isk":2}`), 'a.json')).toThrow(duplicate);
		expect(() => loadStoreText(answers(`{${many},"k7":0}`), 'a.json')).toThrow(duplicate);
		expect(() => loadStoreText(answers(`{${many},"k\\u0037":0}`), 'a.json')).toThrow(duplicate);
		expect(() => loadStoreText(answers(`{"":1,"":2}`), 'a.json')).toThrow(duplicate);
		expect(() => loadStoreText(answers(`{"a" : 1, "a" : 2}`), 'a.json')).toThrow(duplicate);
		const version = `"schemaVersion":${demo.schemaVersion},`;
		expect(() => loadStoreText(JSON.stringify(demo).replace(`{${version}`, `{${version}${version}`), 'a.json')).toThrow(duplicate);
		// The same names in sibling and nested objects, names equal to values, and near misses are fine.
		expect(() =>
			loadStoreText(answers(`{"a":{"a":{"a":"a"}},"b":[{"a":1},{"a":2}],"ab":1,"ba":2,"a\\"":3,"c":"a"}`), 'a.json'),
		).not.toThrow();
		expect(() => loadStoreText(answers(`{${many}}`), 'a.json')).not.toThrow();
		// A syntax error earlier in the file is the one reported.
		expect(() => loadStoreText(answers(`{"a":1,"a":2,}`), 'a.json')).toThrow(/not valid JSON/);
	});
});

describe('duplicate property names: the guard pass against a decoded oracle', () => {
	/** A JSON value as text, and whether some object in it gives one (decoded) name twice. */
	type Built = {text: string; duplicate: boolean};
	// Names as written in the file: escapes included, so "a" and "\u0061" are the same name.
	const name = fc.constantFrom('"a"', '"b"', '"ab"', '"ba"', '""', '"\\u0061"', '"a\\""', '"\\\\"', '"k1"', '"k2"', '"1k"');
	const {value} = fc.letrec<{value: Built}>(tie => ({
		value: fc.oneof(
			{depthSize: 'small', withCrossShrink: true},
			fc.constantFrom<Built>(
				{text: '1', duplicate: false},
				{text: '"a"', duplicate: false},
				{text: '"x\\"y"', duplicate: false},
				{text: 'null', duplicate: false},
			),
			fc
				.array(tie('value'), {maxLength: 4})
				.map(items => ({text: `[${items.map(i => i.text).join(',')}]`, duplicate: items.some(i => i.duplicate)})),
			fc.array(fc.tuple(name, tie('value')), {maxLength: 6}).map(entries => {
				const names = entries.map(([n]) => JSON.parse(n) as string);
				return {
					text: `{${entries.map(([n, v]) => `${n} : ${v.text}`).join(', ')}}`,
					duplicate: new Set(names).size < names.length || entries.some(([, v]) => v.duplicate),
				};
			}),
		),
	}));

	it('finds a duplicate exactly when some object gives one decoded name twice', () => {
		fc.assert(
			fc.property(value, ({text, duplicate}) => {
				JSON.parse(text); // the texts are valid JSON
				expect(checkJsonLimits(text, 'x.json').duplicateKey !== -1).toBe(duplicate);
			}),
			{numRuns: 3000},
		);
	});
});

describe('a chain that fails verify makes the store read-only', () => {
	it("an extra field beside an entry's hash breaks the chain: verify exit 1, and the store opens read-only", async () => {
		const i = reviewWith('summary');
		const chain = demo.chain.map((e, k) => (k === i ? {...e, note: 'added after signing'} : e));
		const file = writeStore(JSON.stringify({...demo, chain}));
		const r = runCli(['verify', '--store', file, '--today', DEMO_TODAY]);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe(
			`BROKEN: ${file}: entry ${i}: entry ${i} carries a field its hash does not cover (an entry holds only seq, prevHash, kind, signedAt, data and ` +
				`hash, and when signed author and sig).\n`,
		);
		const store = await openStore(file);
		expect(store.readOnly).toBe(true);
		expect(store.readOnlyReason).toContain(`Run "fortnight verify --store ${file}"`);
		const before = readFileSync(file);
		await expect(store.apply(d => ({...d, team: {...d.team, name: 'x'}}))).rejects.toThrow(/fails verification/);
		expect(readFileSync(file).equals(before)).toBe(true);
	});

	it('an entry altered after signing: the first write is refused (hashes are checked before it), the store turns read-only, nothing is written', async () => {
		const i = reviewWith('summary');
		const chain = demo.chain.map((e, k) => (k === i ? {...e, data: {...e.data, summary: 'A different summary.'}} : e));
		const file = writeStore(JSON.stringify({...demo, chain}));
		const before = readFileSync(file);
		const store = await openStore(file);
		// Links and fields are intact, so the (costly) hash walk waits for a write.
		expect(store.readOnly).toBe(false);
		const err = await refusal(store.apply(d => ({...d, team: {...d.team, name: 'x'}})));
		expect(err.message).toBe(
			`${file} cannot be saved: its review chain fails verification (entry ${i} (review) was altered after signing: its content no longer matches its hash). ` +
				`Run "fortnight verify --store ${file}" and restore the file from a backup; until then you can look but not save.`,
		);
		expect(store.readOnly).toBe(true);
		expect(store.readOnlyReason).toBe(err.message);
		expect(readFileSync(file).equals(before)).toBe(true);

		// Through the command line: a write command exits 3 and changes nothing.
		const add = runCli([
			'absence',
			'add',
			demo.officers[3]!.id,
			'--from',
			'2026-12-01',
			'--reason',
			'training',
			'--store',
			file,
			'--today',
			DEMO_TODAY,
		]);
		expect(add.code).toBe(3);
		expect(add.stderr).toContain('fails verification');
		expect(readFileSync(file).equals(before)).toBe(true);

		// Repaired (the backup restored), a reload makes it writable again.
		writeFileSync(file, demoText);
		await store.reload();
		expect(store.readOnly).toBe(false);
		await store.apply(d => ({...d, team: {...d.team, name: 'Repaired'}}));
		expect((await readStoreFile(file)).data.team.name).toBe('Repaired');
	});

	it('a deleted entry is seen on load: read-only at once', async () => {
		const chain = demo.chain.filter((_, k) => k !== 5);
		const store = await openStore(writeStore(JSON.stringify({...demo, chain})));
		expect(store.readOnly).toBe(true);
		expect(store.readOnlyReason).toMatch(/entry at position 5 has sequence 6.*Run "fortnight verify/);
	});

	it('an intact chain: writes go ahead, one after another and from a second instance', async () => {
		const file = writeStore(demoText);
		const store = await openStore(file);
		const other = await openStore(file);
		expect(store.readOnly).toBe(false);
		await store.apply(d => ({...d, team: {...d.team, name: 'One'}}));
		await store.apply(d => ({...d, team: {...d.team, name: 'Two'}}));
		// The other instance re-reads the file under the lock and checks the chain it finds there.
		await other.apply(d => ({...d, team: {...d.team, unit: 'Unit Three'}}));
		const {data} = await readStoreFile(file);
		expect([data.team.name, data.team.unit]).toEqual(['Two', 'Unit Three']);
	});
});
