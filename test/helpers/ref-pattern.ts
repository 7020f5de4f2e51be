/**
 * The import fixtures stand for several forces' exports, each with its own crime reference format
 * (BC/1/26, MF/5/26, NC/1001/26, GEN/000001/26, NEW/1/26, X/1), unlike the demo team's CR/12345/26. A test
 * that imports them as new cases gives its team a `crimeRefPattern` that takes them all, as such a
 * force would set it; the format check itself is tested in test/domain/crime-ref.test.ts.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import type {StoreData} from '../../source/domain/model.js';

export const FIXTURE_REF_PATTERN = String.raw`^[A-Z]{1,3}/\d{1,6}(/\d{2})?$`;

export function withFixtureRefs(data: StoreData): StoreData {
	return {...data, settings: {...data.settings, crimeRefPattern: FIXTURE_REF_PATTERN}};
}

/** The same setting written into a store file (a copy of the demo). */
export function allowFixtureRefs(storeFile: string): void {
	const data = JSON.parse(readFileSync(storeFile, 'utf8')) as StoreData;
	writeFileSync(storeFile, JSON.stringify(withFixtureRefs(data), null, '\t'));
}
