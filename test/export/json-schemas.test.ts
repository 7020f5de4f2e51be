/**
 * Every JSON output against the JSON Schema its command publishes (`--schema`), checked by a validator
 * that is not ours (ajv, strict mode, with ajv-formats asserting "date" and "date-time"), including what
 * a strict schema must refuse: a key it does not name, 2026-02-30, a generatedAt that is not a UTC
 * instant, a chain head of the wrong shape (issue 21 item 9).
 */
import {Ajv, type ValidateFunction} from 'ajv';
import addFormats from 'ajv-formats';
import {describe, expect, it} from 'vitest';
import handoverCommand from '../../source/commands/handover.js';
import logCommand from '../../source/commands/log.js';
import problemsCommand from '../../source/commands/problems.js';
import {demoCopy} from '../helpers/cli.js';
import {runCommand} from '../commands/in-process.js';

async function published(command: typeof handoverCommand, store: string): Promise<object> {
	const r = await runCommand(command, store, [], {schema: true});
	expect(r.code, r.stderr).toBe(0);
	return JSON.parse(r.stdout) as object;
}

function validator(schema: object): ValidateFunction {
	// A fresh instance per schema: strict mode refuses unknown keywords, formats and loose types.
	const ajv = new Ajv({strict: true, allErrors: true});
	addFormats.default(ajv);
	return ajv.compile(schema);
}

function errors(validate: ValidateFunction, doc: unknown): string[] {
	return validate(doc) ? [] : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

const clone = <T>(x: T): T => structuredClone(x);

/** A JSON document the negative cases spoil by hand, at any depth. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, reached into by path in each case
type Doc = Record<string, any>;

describe('published JSON Schemas, checked by ajv in strict mode', () => {
	it('handover: the output validates; extra keys, impossible dates, a bad generatedAt or chainHead do not', async () => {
		const {store} = demoCopy();
		const validate = validator(await published(handoverCommand, store));
		for (const flags of [{format: 'json'}, {format: 'json', from: '2026-12-05', to: '2027-01-20'}, {format: 'json', cover: 'DI Okafor'}]) {
			const r = await runCommand(handoverCommand, store, [], flags);
			expect(r.code, r.stderr).toBe(0);
			expect(errors(validate, JSON.parse(r.stdout)), JSON.stringify(flags)).toEqual([]);
		}
		const good = JSON.parse((await runCommand(handoverCommand, store, [], {format: 'json'})).stdout) as Doc;
		const bad: [string, (d: Doc) => void][] = [
			['an extra top-level key', d => (d['extra'] = 1)],
			['an extra key in an item', d => (d['inWindow'][0].extra = 'x')],
			['an extra key in a case', d => (d['officers'][1].cases[0].colour = 'red')],
			['2026-02-30', d => (d['period'].from = '2026-02-30')],
			['2025-02-29 (not a leap year)', d => (d['inWindow'][0].date = '2025-02-29')],
			['a date in another form', d => (d['today'] = '30/11/2026')],
			['generatedAt without a time', d => (d['generatedAt'] = '2026-11-30')],
			['generatedAt in local time', d => (d['generatedAt'] = '2026-11-30T09:00:00+01:00')],
			['generatedAt with month 13', d => (d['generatedAt'] = '2026-13-30T09:00:00Z')],
			['generatedAt in words', d => (d['generatedAt'] = 'this morning')],
			['a chain head without a hash', d => (d['chainHead'] = '605')],
			['a chain head with a short hash', d => (d['chainHead'] = '605:b93ed342')],
			['a chain head in capitals', d => (d['chainHead'] = `605:${'A'.repeat(64)}`)],
			['an unknown item kind', d => (d['inWindow'][0].kind = 'birthday')],
			['a missing key', d => delete d['reviewDrafts']],
			['a decision without its problemId', d => delete d['decisions'][0].problemId],
			['a decision with an empty problemId', d => (d['decisions'][0].problemId = '')],
			['no coverOwnProblems', d => delete d['coverOwnProblems']],
			['the previous schema version', d => (d['schema'] = 'fortnight-handover/5')],
		];
		expect(good['decisions'].length).toBeGreaterThan(0);
		expect(errors(validate, good)).toEqual([]);
		for (const [what, spoil] of bad) {
			const d = clone(good);
			spoil(d);
			expect(errors(validate, d).length, what).toBeGreaterThan(0);
		}
		// 2024-02-29 is a real day: the pattern knows leap years.
		const leap = clone(good);
		leap['inWindow'][0].date = '2024-02-29';
		expect(errors(validate, leap)).toEqual([]);
		expect(errors(validate, {...clone(good), chainHead: 'empty'})).toEqual([]);
	});

	it('problems --json: the output validates; extra keys, impossible dates and unknown kinds do not', async () => {
		const {store} = demoCopy();
		const validate = validator(await published(problemsCommand, store));
		const r = await runCommand(problemsCommand, store, [], {json: true});
		const good = JSON.parse(r.stdout) as Doc[];
		expect(good.length).toBeGreaterThan(20);
		expect(errors(validate, good)).toEqual([]);
		const bad: [string, (d: Doc[]) => void][] = [
			['an extra key', d => (d[0]!['extra'] = 1)],
			['an extra key in subject', d => (d[0]!['subject'].extra = 1)],
			['an extra key in evidence', d => (d[0]!['evidence'][0].extra = 1)],
			['2026-02-30', d => (d[0]!['since'] = '2026-02-30')],
			['an unknown kind', d => (d[0]!['kind'] = 'bad-vibes')],
			['an unknown severity', d => (d[0]!['severity'] = 'orange')],
			['a missing key', d => delete d[0]!['due']],
		];
		for (const [what, spoil] of bad) {
			const d = clone(good);
			spoil(d);
			expect(errors(validate, d).length, what).toBeGreaterThan(0);
		}
	});

	it('log --format json: the output validates; extra keys, impossible dates and bad hashes do not', async () => {
		const {store} = demoCopy();
		const validate = validator(await published(logCommand, store));
		for (const flags of [{format: 'json'}, {format: 'json', sergeant: 'o0002'}, {format: 'json', from: '2026-01-01', to: '2026-11-30'}]) {
			const r = await runCommand(logCommand, store, [], flags);
			expect(r.code, r.stderr).toBe(0);
			expect(errors(validate, JSON.parse(r.stdout)), JSON.stringify(flags)).toEqual([]);
		}
		const good = JSON.parse((await runCommand(logCommand, store, [], {format: 'json'})).stdout) as Doc;
		expect(good['rows'].length).toBeGreaterThan(10);
		const bad: [string, (d: Doc) => void][] = [
			['an extra top-level key', d => (d['extra'] = 1)],
			['an extra key in a row', d => (d['rows'][0].extra = 1)],
			['an extra key in the totals', d => (d['exceptions'].totals.extra = 1)],
			['2026-02-30', d => (d['rows'][0].date = '2026-02-30')],
			['a short hash', d => (d['rows'][0].hash = 'abc')],
			['a chain head hash in capitals', d => (d['chainHead'].hash = 'A'.repeat(64))],
			['another version', d => (d['version'] = 1)],
		];
		for (const [what, spoil] of bad) {
			const d = clone(good);
			spoil(d);
			expect(errors(validate, d).length, what).toBeGreaterThan(0);
		}
	});
});
