/** `fortnight import` end to end through the built CLI (run `npx tsc -p .` first; `npm test` does). */
import {copyFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {toImportCsv} from '../helpers/import-csv.js';
import {allowFixtureRefs} from '../helpers/ref-pattern.js';
import {savedBytes} from '../helpers/saved-store.js';
import {savedData} from '../helpers/saved-store.js';

const fixture = (name: string) => path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'import', name);
const load = (file: string) => savedData(file) as StoreData;
/** A copy of the demo whose team takes the fixtures' reference formats (other forces' exports: helpers/ref-pattern.ts). */
function importStore(): ReturnType<typeof demoCopy> {
	const copy = demoCopy();
	allowFixtureRefs(copy.store);
	return copy;
}
const importCli = (store: string, ...args: string[]) => runCli(['import', ...args, '--store', store, '--today', DEMO_TODAY]);

describe('fortnight import', () => {
	it('imports an export, and importing it again writes nothing at all', () => {
		const {dir, store} = importStore();
		const data = load(store);
		// Three demo cases with a changed risk and a new update, plus three brand-new cases.
		const changed = data.cases.slice(0, 3).map(c => ({
			...c,
			risk: c.risk === 'high' ? ('low' as const) : ('high' as const),
			updates: [...c.updates, {date: '2026-11-29', authorId: c.oicId, text: 'Reviewed, "plan agreed", next steps set'}],
		}));
		const fresh = data.cases.slice(3, 6).map((c, i) => ({...c, ref: `NEW/${i + 1}/26`}));
		const csv = path.join(dir, 'export.csv');
		writeFileSync(csv, toImportCsv(data, [...changed, ...fresh], {crlf: true, bom: true}));

		const first = importCli(store, csv);
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('6 rows read: 3 new, 3 updated, 0 unchanged, 0 rejected.');
		expect(first.stdout).toContain('Wrote 3 new cases and 3 updated cases');
		const after = load(store);
		expect(after.cases).toHaveLength(data.cases.length + 3);
		expect(after.cases.find(c => c.ref === data.cases[0]!.ref)!.risk).toBe(changed[0]!.risk);
		expect(after.cases.find(c => c.ref === 'NEW/1/26')!.nextReviewDue).toBe(DEMO_TODAY);

		const bytes = savedBytes(store);
		const mtime = statSync(store).mtimeMs;
		const second = importCli(store, csv);
		expect(second.code).toBe(0);
		expect(second.stdout).toContain('0 new, 0 updated, 6 unchanged');
		expect(second.stdout).toContain('Nothing to change');
		expect(savedBytes(store).equals(bytes)).toBe(true);
		expect(statSync(store).mtimeMs).toBe(mtime);
	});

	it('rejects malformed rows with their row numbers and leaves the store byte-identical', () => {
		const {store} = importStore();
		const bytes = savedBytes(store);
		const r = importCli(store, fixture('malformed.csv'));
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('row 3, Opened (column F): "31/02/2026" is not a real date');
		expect(r.stdout).toContain('row 4, Risk (column D): "extreme" is not a known risk');
		expect(r.stdout).toContain('row 5, Crime reference (column A): the crime reference is missing.');
		expect(r.stdout).toContain('"DC Nobody" on row 7');
		expect(r.stdout).toContain('Nothing was written: 4 rows rejected.');
		expect(savedBytes(store).equals(bytes)).toBe(true);

		const skipped = importCli(store, fixture('malformed.csv'), '--skip-invalid');
		expect(skipped.code).toBe(0);
		expect(skipped.stdout).toContain('Wrote 2 new cases and 0 updated cases');
		expect(skipped.stdout).toContain('4 rejected rows skipped.');
		expect(load(store).cases.map(c => c.ref)).toEqual(expect.arrayContaining(['MF/1/26', 'MF/5/26']));
	});

	it('--dry-run shows the changes and writes nothing', () => {
		const {store} = importStore();
		const bytes = savedBytes(store);
		const r = importCli(store, fixture('bom-crlf.csv'), '--dry-run');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(
			'+ BC/1/26 (row 2): new case: Possession of indecent images, category A, high risk, investigation, opened 2026-03-01',
		);
		// The update's CRLF is shown made safe on one line, never as a raw control character.
		expect(r.stdout).toContain('+ BC/2/26 (row 3)');
		expect(r.stdout).toContain('Dry run: nothing was written.');
		expect(savedBytes(store).equals(bytes)).toBe(true);
	});

	it('reads a mapped export with UK dates', () => {
		const {store} = importStore();
		const r = importCli(store, fixture('niche-uk.csv'), '--map', fixture('niche-map.json'));
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Columns not read: "Station".');
		const c = load(store).cases.find(x => x.ref === 'NC/1001/26')!;
		expect(c).toMatchObject({oicId: 'o0004', risk: 'high', status: 'with-cps', opened: '2026-03-05', arrestDate: '2026-10-01'});
		expect(c.bail).toMatchObject({regime: 'pcsc-2022', returnDate: '2026-12-29'});
	});

	it('lists live cases a full export leaves out and deletes none', () => {
		const {dir, store} = importStore();
		const data = load(store);
		const live = data.cases.filter(c => c.status !== 'closed');
		const csv = path.join(dir, 'full.csv');
		writeFileSync(csv, toImportCsv(data, live.slice(2)));
		const r = importCli(store, csv, '--full');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Live cases in the store that the export does not list');
		expect(r.stdout).toContain(live[0]!.ref);
		expect(r.stdout).toContain(live[1]!.ref);
		expect(load(store).cases).toHaveLength(data.cases.length);
	});

	it('gives usage errors for a missing file and a bad mapping', () => {
		const {dir, store} = importStore();
		expect(importCli(store).code).toBe(2);
		const missing = importCli(store, path.join(dir, 'nope.csv'));
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('no such file');
		const map = path.join(dir, 'map.json');
		writeFileSync(map, JSON.stringify({columns: {offense: 'Offence'}}));
		const badMap = importCli(store, fixture('malformed.csv'), '--map', map);
		expect(badMap.code).toBe(2);
		expect(badMap.stderr).toContain('unknown field "offense"');
	});

	it('refuses a file that is not UTF-8 with a usage error', () => {
		const {dir, store} = importStore();
		const latin1 = path.join(dir, 'latin1.csv');
		writeFileSync(latin1, Buffer.from('Crime reference,Offence\nA/1,Caf\xe9\n', 'latin1'));
		const notUtf8 = importCli(store, latin1);
		expect(notUtf8.code).toBe(2);
		expect(notUtf8.stderr).toContain('CSV UTF-8');
	});

	it('reports an unreadable CSV as a whole-file problem and writes nothing', () => {
		const {dir, store} = importStore();
		const bytes = savedBytes(store);
		const bad = path.join(dir, 'bad.csv');
		copyFileSync(fixture('malformed.csv'), bad);
		writeFileSync(bad, 'Crime reference,Offence\n"A/1,never closed\n');
		const r = importCli(store, bad);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('a quoted field is never closed');
		expect(savedBytes(store).equals(bytes)).toBe(true);
	});
	it('a blank bail cell keeps the bail; ending it (RUI "yes") is a change to confirm: --dry-run lists it, --yes writes it', () => {
		const {dir, store} = importStore();
		const data = load(store);
		const c = data.cases.find(x => x.ref === 'CR/87204/26')!;
		expect(c.bail?.endedOn).toBeNull();
		const csv = path.join(dir, 'bail.csv');
		// A blank bail return date: a value missing from the export means "unchanged" (README "fortnight import").
		writeFileSync(csv, `Crime reference,Bail return date,Last update date,Last update\n${c.ref},,2026-11-29,Suspect interviewed\n`);
		let r = importCli(store, csv);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).not.toContain('Bail and RUI changes to confirm');
		expect(load(store).cases.find(x => x.ref === c.ref)!.bail).toEqual(c.bail);

		// An explicit outcome ends it, but only once confirmed.
		writeFileSync(csv, `Crime reference,Bail return date,RUI\n${c.ref},,yes\n`);
		const bytes = savedBytes(store);
		const listed = `  ! ${c.ref} (row 2): bail (return ${c.bail!.returnDate}) ends ${DEMO_TODAY}; released under investigation from `;
		r = importCli(store, csv, '--dry-run');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Bail and RUI changes to confirm (each ends or starts a bail or RUI: check it against the records system):');
		expect(r.stdout).toContain(listed);
		expect(savedBytes(store).equals(bytes)).toBe(true);
		r = importCli(store, csv);
		expect(r.code).toBe(2);
		expect(r.stdout).toContain(listed);
		expect(r.stderr).toContain('1 change ends or starts a bail or RUI (listed above under "Bail and RUI changes to confirm"). Check each');
		expect(r.stderr).toContain('import again with --yes. Nothing was written.');
		expect(savedBytes(store).equals(bytes)).toBe(true);
		r = importCli(store, csv, '--yes');
		expect(r.code, r.stderr).toBe(0);
		const after = load(store).cases.find(x => x.ref === c.ref)!;
		expect(after.bail!.endedOn).toBe(DEMO_TODAY);
		expect(after.rui).toMatchObject({endedOn: null});
		expect(r.stdout).toContain(`${listed}${after.rui!.since}`);
		expect(runCli(['import', '--help']).stdout).toContain('--yes             confirm the bail and RUI changes listed');
	});

	it('an explicit "Bail outcome" ends the bail once confirmed, as a bail event by whoever imports; the lapsed-bail alarm goes', () => {
		const {dir, store} = importStore();
		const data = load(store);
		const c = data.cases.find(x => x.ref === 'CR/54818/26')!;
		const csv = path.join(dir, 'charged.csv');
		writeFileSync(csv, `Crime reference,Bail outcome\n${c.ref},Charged\n`);
		const bytes = savedBytes(store);
		let r = importCli(store, csv);
		expect(r.code).toBe(2);
		expect(r.stdout).toContain(`  ! ${c.ref} (row 2): bail (return ${c.bail!.returnDate}) ends ${DEMO_TODAY}`);
		expect(r.stdout).toContain(`~ ${c.ref} (row 2): bail ended ${DEMO_TODAY} (charged)`);
		expect(savedBytes(store).equals(bytes)).toBe(true);
		r = runCli(['import', csv, '--yes', '--store', store, '--today', DEMO_TODAY], {env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'}});
		expect(r.code, r.stderr).toBe(0);
		const after = load(store).cases.find(x => x.ref === c.ref)!;
		expect(after.bail!.endedOn).toBe(DEMO_TODAY);
		const recorded = {event: 'charged', on: DEMO_TODAY, recordedBy: 'o0002', recordedAt: '2026-11-30T09:00:00.000Z'};
		expect(after.bailEvents.at(-1)).toMatchObject(recorded);
		const problems = runCli(['problems', '--json', '--store', store, '--today', DEMO_TODAY]);
		expect((JSON.parse(problems.stdout) as {id: string}[]).map(p => p.id)).not.toContain(`bail-lapsed:${c.ref}`);
	});

	it('records a changed officer as a reallocation with who imported it and when, never a silent overwrite', () => {
		const {dir, store} = importStore();
		const data = load(store);
		const c = data.cases.find(x => x.ref === 'CR/87204/26')!;
		const csv = path.join(dir, 'moved.csv');
		writeFileSync(csv, toImportCsv(data, [{...c, oicId: 'o0006'}]));
		const r = runCli(['import', csv, '--store', store, '--today', DEMO_TODAY], {env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'}});
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toContain('officer Sam Ashworth -> Helen Marsh (reallocated 2026-11-30; 2 open actions moved with it)');
		const after = load(store).cases.find(x => x.ref === 'CR/87204/26')!;
		expect(after.allocations.map(a => [a.officerId, a.from, a.to, a.by, a.reason, a.recordedAt])).toEqual([
			['o0003', '2026-01-14', DEMO_TODAY, null, 'allocation on record before fortnight kept case history', null],
			['o0006', DEMO_TODAY, null, 'o0002', 'records-system import', '2026-11-30T09:00:00.000Z'],
		]);
		const show = runCli(['case', 'show', 'CR/87204/26', '--store', store, '--today', DEMO_TODAY]);
		const lines = [
			'  From 30 Nov 2026, held now: DC Helen Marsh',
			'      Allocated by DS Tom Brennan on 30 Nov 2026 at 09:00 UTC: records-system',
			'      import',
		];
		expect(show.stdout).toContain(lines.join('\n'));
	});
});
