/**
 * The bundled demo as fortnight reads it. data/demo.json is kept in the schema it was written in and
 * migrated on load like any older store (README "Case history"), so tests that use it as data load it
 * through the store's own text loader rather than JSON.parse.
 */
import {readFileSync} from 'node:fs';
import type {StoreData} from '../../source/domain/model.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {DEMO} from './cli.js';

export function demoData(): StoreData {
	return loadStoreText(readFileSync(DEMO, 'utf8'), DEMO).data;
}
