import {describe, expect, it} from 'vitest';
import {migrate} from '../../source/store/migrate.js';
import {StoreError} from '../../source/store/errors.js';

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
