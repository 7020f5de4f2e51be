/**
 * Who may import (permissions.ts mayImport; README "Who may change absences and cover"): an import changes
 * the team's cases, so it is the sergeant's, their cover's on the days they cover, or the inspector's; an
 * officer is refused before any row is read. Each changed officer is a reallocation by whoever imports and
 * is judged as one: a cover's row moving a case to themselves, or a case they hold, is rejected.
 */
import path from 'node:path';
import {writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Case, StoreData} from '../../source/domain/model.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {toImportCsv} from '../helpers/import-csv.js';
import {savedBytes, savedData} from '../helpers/saved-store.js';

const cli = (store: string, ...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY]);
const load = (store: string) => savedData(store) as StoreData;
const idOf = (data: StoreData, surname: string) => data.officers.find(o => o.name.endsWith(surname))!.id;
const liveCaseOf = (data: StoreData, officerId: string) => data.cases.find(c => c.oicId === officerId && c.status !== 'closed')!;

/** DS Brennan on leave from `from` to `to`, DC Carter named as cover by the inspector. */
function carterCovers(store: string, from: string, to: string): void {
	const args = [
		'absence',
		'add',
		'Brennan',
		'--from',
		from,
		'--to',
		to,
		'--reason',
		'annual-leave',
		'--cover',
		'Carter',
		'--as',
		'DI Okafor',
	];
	const named = cli(store, ...args);
	expect(named.code, named.stderr).toBe(0);
}

function csvMoving(dir: string, data: StoreData, moves: [Case, string][]): string {
	const file = path.join(dir, `moves-${moves.length}.csv`);
	writeFileSync(
		file,
		toImportCsv(
			data,
			moves.map(([c, to]) => ({...c, oicId: to})),
		),
	);
	return file;
}

describe('fortnight import: who may', () => {
	it("refuses an officer (DC) outright, naming who can, and leaves the store's bytes alone", () => {
		const {dir, store} = demoCopy();
		const data = load(store);
		const iqbal = idOf(data, 'Iqbal');
		const csv = csvMoving(dir, data, [[liveCaseOf(data, idOf(data, 'Ashworth')), iqbal]]);
		const bytes = savedBytes(store);
		const r = cli(store, 'import', csv, '--as', 'Iqbal', '--yes');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('DC Iqbal does not supervise this team on 30 Nov, so cannot import');
		expect(r.stderr).toContain('DS Brennan (or the cover named while they are away) or DI Okafor can.');
		expect(savedBytes(store).equals(bytes)).toBe(true);
	});

	it("lets the sergeant's cover import on their dates, rejecting the rows that move a case to them or one they hold", () => {
		const {dir, store} = demoCopy();
		carterCovers(store, DEMO_TODAY, '2026-12-04');
		const data = load(store);
		const [carter, marsh, iqbal] = ['Carter', 'Marsh', 'Iqbal'].map(s => idOf(data, s)) as [string, string, string];
		const toSelf = liveCaseOf(data, iqbal);
		const held = liveCaseOf(data, carter);
		const csv = csvMoving(dir, data, [
			[toSelf, carter],
			[held, iqbal],
		]);
		const bytes = savedBytes(store);
		const refused = cli(store, 'import', csv, '--as', 'Carter', '--yes');
		expect(refused.code, refused.stderr).toBe(1);
		expect(refused.stdout).toContain(`cannot reallocate ${toSelf.ref} to themselves`);
		expect(refused.stdout).toContain(`DC Carter holds ${held.ref}, so cannot reallocate it`);
		expect(savedBytes(store).equals(bytes)).toBe(true);

		const fine = cli(store, 'import', csvMoving(dir, data, [[toSelf, marsh]]), '--as', 'Carter', '--yes');
		expect(fine.code, fine.stderr).toBe(0);
		const moved = load(store).cases.find(c => c.ref === toSelf.ref)!;
		expect(moved.oicId).toBe(marsh);
		expect(moved.allocations.at(-1)).toMatchObject({officerId: marsh, by: carter});
	});

	it('rejects a row that ends the bail on a case the importer holds, as bail record refuses it (review: a cover charged their own suspect by import)', () => {
		const {dir, store} = demoCopy();
		carterCovers(store, DEMO_TODAY, '2026-12-04');
		const data = load(store);
		const held = data.cases.find(c => c.oicId === idOf(data, 'Carter') && c.bail !== null && c.bail.endedOn === null)!;
		const officer = data.officers.find(o => o.id === held.oicId)!.name;
		const csv = path.join(dir, 'outcome.csv');
		const cells = [held.ref, held.offence, officer, held.risk, held.status.replace('-', ' '), held.opened, 'charged'];
		writeFileSync(csv, `Crime reference,Offence,Officer,Risk,Status,Opened,Bail outcome\n${cells.map(c => `"${c}"`).join(',')}\n`);
		const bytes = savedBytes(store);
		const r = cli(store, 'import', csv, '--as', 'Carter', '--yes');
		expect(r.code, r.stderr).toBe(1);
		expect(r.stdout).toContain(`DC Carter holds ${held.ref}, so cannot record its bail decisions`);
		expect(savedBytes(store).equals(bytes)).toBe(true);
		// The inspector, above the cover, records it.
		const ok = cli(store, 'import', csv, '--as', 'DI Okafor', '--yes');
		expect(ok.code, ok.stderr).toBe(0);
		expect(
			load(store)
				.cases.find(c => c.ref === held.ref)!
				.bailEvents.at(-1),
		).toMatchObject({event: 'charged', recordedBy: idOf(data, 'Okafor')});
	});

	it('refuses the cover once their dates are over, as an officer', () => {
		const {dir, store} = demoCopy();
		carterCovers(store, '2026-11-20', '2026-11-27');
		const data = load(store);
		const r = cli(
			store,
			'import',
			csvMoving(dir, data, [[liveCaseOf(data, idOf(data, 'Iqbal')), idOf(data, 'Marsh')]]),
			'--as',
			'Carter',
			'--yes',
		);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('DC Carter does not supervise this team on 30 Nov');
	});
});
