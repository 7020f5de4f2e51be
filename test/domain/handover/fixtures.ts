/** The demo team as plain data, and a handover of it, for handover tests. */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {buildHandover, type HandoverInput} from '../../../source/domain/handover/build.js';
import type {StoreData} from '../../../source/domain/model.js';
import {demoData as migratedDemo} from '../../helpers/demo.js';

export const DEMO_TODAY = '2026-11-30';
export const GENERATED_AT = '2026-11-30T09:00:00.000Z';

/** The demo as the store reads it (data/demo.json is migrated on load: README "Case history"). */
export function demoData(): StoreData {
	return migratedDemo();
}

export function demoWelfareNotes(): {id: string; officerId: string; date: string; by: string; text: string}[] {
	const file = JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/demo.welfare.json', import.meta.url)), 'utf8')) as {notes: []};
	return file.notes;
}

export function handoverOf(data: StoreData, overrides: Partial<HandoverInput> = {}) {
	return buildHandover({
		data,
		from: DEMO_TODAY,
		to: '2026-12-13',
		today: DEMO_TODAY,
		generatedAt: GENERATED_AT,
		chainHead: 'test-head',
		cover: null,
		preparedBy: 'DS Tom Brennan',
		...overrides,
	});
}
