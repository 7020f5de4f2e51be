/**
 * The import is planned, reported, then applied under the store's lock. If someone else saves in
 * between, the plan is made again on their data: their save is kept and the import still lands.
 */
import {EventEmitter} from 'node:events';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import command from '../../source/commands/import.js';
import type {Context} from '../../source/commands/context.js';
import {withRisk} from '../../source/domain/case-history.js';
import type {StoreData} from '../../source/domain/model.js';
import {openStore} from '../../source/store/store.js';
import {DEMO_TODAY, demoCopy} from '../helpers/cli.js';
import {allowFixtureRefs} from '../helpers/ref-pattern.js';
import {savedData} from '../helpers/saved-store.js';

/** A stdout that, on the import report, holds the command (as a slow terminal would) while `meanwhile` runs. */
function slowStdout(meanwhile: () => Promise<void>) {
	const stream = new EventEmitter() as EventEmitter & {text: string; write(s: string): boolean; isTTY: boolean};
	stream.text = '';
	stream.isTTY = false;
	let held = false;
	stream.write = (s: string) => {
		stream.text += s;
		if (held || !s.startsWith('Import of')) return true;
		held = true;
		void meanwhile().then(() => stream.emit('drain'));
		return false;
	};
	return stream;
}

describe('import while someone else saves', () => {
	it('re-plans on the newer data and keeps the other save', async () => {
		const {dir, store} = demoCopy();
		// BC/1/26: another force's reference format, which this team takes (helpers/ref-pattern.ts).
		allowFixtureRefs(store);
		const before = savedData(store) as StoreData;
		const first = before.cases[0]!;
		// The import touches the same case the other sergeant changes: a stale plan would overwrite their change.
		const csv = path.join(dir, 'export.csv');
		writeFileSync(
			csv,
			`Crime reference,Offence,Officer,Risk,Status,Opened,Last update date,Last update\n${first.ref},,,,,,2026-11-29,Seen by the ` +
				`OIC\nBC/1/26,Theft,4021,low,investigation,2026-03-01,,\n`,
		);
		const stdout = slowStdout(async () => {
			const other = await openStore(store);
			const raise = {from: DEMO_TODAY, by: 'o0002', reason: 'Raised by the other sergeant', reviewSeq: null};
			const change = (c: StoreData['cases'][number]) => ({...withRisk(c, 'high', raise), materialLocations: ['Locker 7']});
			await other.apply(d => ({...d, cases: d.cases.map((c, i) => (i === 0 ? change(c) : c))}));
		});
		const ctx = {
			storePath: store,
			defaultStore: false,
			today: DEMO_TODAY,
			todayGiven: true,
			color: false,
			debug: false,
			env: {},
			stdout,
			stderr: slowStdout(async () => {}),
			stdin: process.stdin,
		} as unknown as Context;
		const code = await command.run(ctx, [csv], {dryRun: false, skipInvalid: false, full: false, verbose: false});
		expect(code).toBe(0);
		expect(stdout.text).toContain('on top of changes saved meanwhile by someone else');
		const after = savedData(store) as StoreData;
		expect(after.revision).toBe(before.revision + 2);
		expect(after.cases[0]!.materialLocations).toEqual(['Locker 7']);
		expect(after.cases[0]!.risk).toBe('high');
		expect(after.cases[0]!.updates.at(-1)).toEqual({date: '2026-11-29', authorId: first.oicId, text: 'Seen by the OIC', source: 'import'});
		expect(after.cases.map(c => c.ref)).toEqual([...before.cases.map(c => c.ref), 'BC/1/26']);
	});
});
