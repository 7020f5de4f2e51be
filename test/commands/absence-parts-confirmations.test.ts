/**
 * An absence kept in parts (absence-cover.ts) is named by its first part, and its confirmations say which
 * part and days a change touched (QA 7 R5, R16), in the command line and at the desk alike; `absence
 * list` keeps one absence's parts together (QA 7 R10).
 */
import {rmSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {openStore} from '../../source/store/store.js';
import {DeskStore} from '../../source/ui/desk-store/desk-store.js';
import {runDeskEffect} from '../../source/ui/effects/run-desk-effect.js';
import {actorAs} from '../helpers/actor.js';
import {demoCopy, runCli} from '../helpers/cli.js';

const OKAFOR = 'o0001';
const CARTER = 'o0009';
const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

function store(): string {
	const copy = demoCopy();
	dirs.push(copy.dir);
	return copy.store;
}

const run = (file: string, today: string, as: string, ...args: string[]) =>
	runCli(['--store', file, '--today', today, '--as', as, ...args], {env: {FORTNIGHT_NOW: `${today}T09:00:00Z`}});

/** DS Brennan sick 10 Dec-04 Feb (ab0002): on 04 Dec DC Marsh is named for 10-13 Dec, leaving ab0005 (14 Dec-04 Feb) with nobody. */
function marshFirstDays(): string {
	const file = store();
	const r = run(
		file,
		'2026-12-04',
		'Brennan',
		'absence',
		'change',
		'ab0002',
		'--cover',
		'Marsh',
		'--from',
		'2026-12-10',
		'--to',
		'2026-12-13',
	);
	expect(r.stderr).toContain('(ab0005 added as part of ab0002)');
	return file;
}

describe('a change to a later part of an absence', () => {
	const carter = ['absence', 'change', 'ab0002', '--cover', 'Carter', '--from', '2026-12-14', '--to', '2027-02-04'];

	it('changed in place, names the absence by its first part and the part and days it changed (QA 7 R5)', () => {
		const r = run(marshFirstDays(), '2026-12-12', 'Okafor', ...carter);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toBe(
			'Changed ab0002: cover nobody -> DC Carter from 14 Dec to 04 Feb 2027; the days before keep the cover they had (its part ab0005 changed).\n',
		);
	});

	it('the desk says the same change in the same words, naming whose absence it is', async () => {
		const cli = run(marshFirstDays(), '2026-12-12', 'Okafor', ...carter)
			.stderr.replace(/^Changed ab0002: /, '')
			.trimEnd();
		const real = await openStore(marshFirstDays());
		const c = {store: new DeskStore(real), actor: actorAs(OKAFOR), today: '2026-12-12', now: () => '2026-12-12T09:00:00.000Z'};
		const write = {
			seq: 1,
			kind: 'change' as const,
			absenceId: 'ab0002',
			change: {coverOfficerId: CARTER},
			coverDays: {from: '2026-12-14', to: '2027-02-04'},
		};
		const answer = await runDeskEffect({type: 'absence', write}, c);
		expect(answer).toEqual([{type: 'absence-written', seq: 1, error: null, notice: `Changed ab0002, DS Brennan's absence: ${cli}`}]);
	});

	it('named by a later part, a new last day is said of the absence, by its first part (QA 7 R16)', () => {
		const file = marshFirstDays();
		const r = run(file, '2026-12-15', 'Okafor', 'absence', 'change', 'ab0005', '--to', '2026-12-14');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toBe('Changed ab0002: last day 04 Feb 2027 -> 14 Dec.\n');
		const ended = run(file, '2026-12-15', 'Okafor', 'absence', 'end', 'ab0002', '--to', '2026-12-15');
		expect(ended.stderr).toBe('Ended ab0002: last day away 15 Dec.\n');
	});
});

describe('absence list', () => {
	it("keeps one absence's parts together, in order, by the day it began (QA 7 R10)", () => {
		const file = store();
		// DC Ashworth sick from 28 Nov (ab0003): Marsh 30 Nov-02 Dec, then Carter 05-06 Dec, each a part; DC Grant away from 03 Dec (ab0004).
		expect(
			run(file, '2026-11-30', 'Brennan', 'absence', 'change', 'ab0003', '--cover', 'Marsh', '--from', '2026-11-30', '--to', '2026-12-02')
				.code,
		).toBe(0);
		expect(
			run(file, '2026-11-30', 'Brennan', 'absence', 'change', 'ab0003', '--cover', 'Carter', '--from', '2026-12-05', '--to', '2026-12-06')
				.code,
		).toBe(0);
		const list = run(file, '2026-12-02', 'Brennan', 'absence', 'list');
		expect(list.code, list.stderr).toBe(0);
		expect(list.stdout.split('\n').map(l => l.split('  ')[0])).toEqual([
			'ab0003',
			'ab0005 (part of ab0003)',
			'ab0006 (part of ab0003)',
			'ab0007 (part of ab0003)',
			'ab0008 (part of ab0003)',
			'ab0004',
			'ab0002',
			'',
		]);
		const json = JSON.parse(run(file, '2026-12-02', 'Brennan', 'absence', 'list', '--json').stdout) as {id: string}[];
		expect(json.map(a => a.id)).toEqual(['ab0003', 'ab0005', 'ab0006', 'ab0007', 'ab0008', 'ab0004', 'ab0002']);
	});
});
