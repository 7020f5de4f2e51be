import {existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {SCHEMA_VERSION} from '../../source/domain/model.js';
import {addBailEvents, migrate} from '../../source/store/migrate.js';
import {StoreError} from '../../source/store/errors.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {validateStore} from '../../source/store/validate.js';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';

describe('migrations', () => {
	const steps = {
		1: (d: Record<string, unknown>) => ({...d, added: true}),
		2: (d: Record<string, unknown>) => ({...d, renamed: d['added']}),
	};
	it('upgrades one version at a time and says where it came from', () => {
		const {data, from} = migrate({schemaVersion: 1, x: 1}, 'f.json', steps, 3);
		expect(from).toBe(1);
		expect(data).toEqual({schemaVersion: 3, x: 1, added: true, renamed: true});
	});
	it('leaves a current file alone', () => {
		const v = {schemaVersion: 3};
		expect(migrate(v, 'f.json', steps, 3)).toEqual({data: v, from: null});
	});
	it('refuses a newer file and a gap in the path', () => {
		expect(() => migrate({schemaVersion: 4}, 'f.json', steps, 3)).toThrow(StoreError);
		expect(() => migrate({schemaVersion: 0}, 'f.json', steps, 3)).toThrow(/no migration from 0/);
		expect(() => migrate({schemaVersion: '1'}, 'f.json', steps, 3)).toThrow(/schemaVersion/);
	});
});

describe('version 1 to 2: bail events (issue 16)', () => {
	/** The demo as a version-1 file: no bailEvents on any case. */
	function versionOne(): string {
		const {store} = demoCopy();
		const data = JSON.parse(readFileSync(store, 'utf8')) as {schemaVersion: number; cases: Record<string, unknown>[]};
		data.schemaVersion = 1;
		for (const c of data.cases) delete c['bailEvents'];
		writeFileSync(store, JSON.stringify(data, null, '\t') + '\n');
		return store;
	}

	it('gives every case an empty history in the store key order; the file loads, verifies, and is backed up at the first write', async () => {
		const store = versionOne();
		const before = readFileSync(store);
		const {data, migratedFrom} = await readStoreFile(store);
		expect(migratedFrom).toBe(1);
		expect(data.schemaVersion).toBe(SCHEMA_VERSION);
		expect(data.cases.every(c => Array.isArray(c.bailEvents) && c.bailEvents.length === 0)).toBe(true);
		expect(Object.keys(data.cases[0]!).indexOf('bailEvents')).toBe(Object.keys(data.cases[0]!).indexOf('bail') + 1);
		expect(validateStore(data)).toBeNull();
		const verify = runCli(['verify', '--store', store, '--today', DEMO_TODAY]);
		expect(verify.code, verify.stderr).toBe(0);
		// Reading never writes; the first change writes version 2 after keeping the version-1 file.
		expect(readFileSync(store).equals(before)).toBe(true);
		const s = await openStore(store);
		await s.apply(d => ({...d, team: {...d.team, name: 'POLIT North'}}));
		expect(existsSync(`${store}.bak-v1`)).toBe(true);
		expect(readFileSync(`${store}.bak-v1`).equals(before)).toBe(true);
		expect((JSON.parse(readFileSync(store, 'utf8')) as {schemaVersion: number}).schemaVersion).toBe(SCHEMA_VERSION);
	});

	it('through a symbolic link, the backup is written beside the real store, like every other file of it (QA item 14)', async () => {
		const store = versionOne();
		const before = readFileSync(store);
		const desk = tempDir('fortnight-desk-');
		const link = path.join(desk, 'team.json');
		symlinkSync(store, link);
		const s = await openStore(link);
		await s.apply(d => ({...d, team: {...d.team, name: 'POLIT North'}}));
		expect(readFileSync(`${store}.bak-v1`).equals(before)).toBe(true);
		expect(existsSync(`${link}.bak-v1`)).toBe(false);
		expect(readdirSync(desk)).toEqual(['team.json']);
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
	});

	it('leaves a case that already has a history, and anything that is not a case record, for the validator', () => {
		const events = [{event: 'nfa'}];
		const out = addBailEvents({cases: [{ref: 'a', bail: null, bailEvents: events}, 'junk', {ref: 'b'}]});
		expect(out['cases']).toEqual([{ref: 'a', bail: null, bailEvents: events}, 'junk', {ref: 'b', bailEvents: []}]);
		expect(addBailEvents({cases: 'none'})).toEqual({cases: 'none'});
	});
});
