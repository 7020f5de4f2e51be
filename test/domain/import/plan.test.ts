import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {applyPlan, parseCsv, parseMapping, planCsv, planImport, type ImportPlan} from '../../../source/domain/import/index.js';
import type {Case, StoreData} from '../../../source/domain/model.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';
import {withFixtureRefs} from '../../helpers/ref-pattern.js';
import {toImportCsv} from '../../helpers/import-csv.js';
import {validateStore} from '../../../source/store/validate.js';

// The fixtures are other forces' exports: this team takes their reference formats (helpers/ref-pattern.ts).
const demo = (): StoreData => withFixtureRefs(demoData());
const today = DEMO_TODAY;
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');

/** The fields the documented format carries, as the store holds them. */
function covered(c: Case) {
	const bail = c.bail && c.bail.endedOn === null ? c.bail : null;
	const lastUpdate = [...c.updates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
	return {
		ref: c.ref,
		offence: c.offence,
		oicId: c.oicId,
		risk: c.risk,
		status: c.status,
		opened: c.opened,
		arrestDate: c.arrestDate,
		bail: bail && {regime: bail.regime, bailedOn: bail.bailedOn, returnDate: bail.returnDate, suspect: bail.suspect},
		rui: c.rui !== null && c.rui.endedOn === null,
		ruiSuspect: c.rui !== null && c.rui.endedOn === null ? c.rui.suspect : null,
		lastUpdate: lastUpdate && {date: lastUpdate.date, text: lastUpdate.text},
		victim: c.victim && {serviceLevel: c.victim.serviceLevel, last: c.victim.updates.at(-1) ?? null},
		forensic:
			c.forensics
				.map(f => f.submitted)
				.sort()
				.at(-1) ?? null,
	};
}

function plan(data: StoreData, csv: string, extra: Partial<Parameters<typeof planImport>[2]> = {}): ImportPlan {
	return planCsv(data, csv, {today, ...extra});
}

describe('import: round trip of the documented format', () => {
	const source = demo();
	// A spread of demo cases: bail, RUI, victims, forensic waits, several officers.
	const picked = source.cases.filter((c, i) => i % 6 === 0 || c.bail !== null || c.rui !== null).slice(0, 20);

	it('adds exported cases to a store without them, with the same facts', () => {
		const empty = {...source, cases: [], chain: [], drafts: []};
		const p = plan(empty, toImportCsv(source, picked));
		expect(p.fileError).toBeNull();
		expect(p.rejected).toEqual([]);
		expect(p.changes.map(c => c.kind)).toEqual(picked.map(() => 'add'));
		const next = applyPlan(empty, p);
		expect(next.cases.map(covered)).toEqual(picked.map(covered));
		// New cases come in for review: allocated and due on the import date.
		for (const c of next.cases) {
			expect(c.nextReviewDue).toBe(today);
			expect(c.allocatedOn).toBe(today);
		}
		// And the same file again changes nothing.
		expect(plan(next, toImportCsv(source, picked)).changes).toEqual([]);
	});

	it('changes nothing when the demo is imported into itself, with officers by name and UK dates', () => {
		const csv = toImportCsv(source, source.cases, {officerBy: 'name', dates: 'uk'});
		const p = plan(source, csv);
		expect(p.rejected).toEqual([]);
		// The demo's updates carry authors (stored before the marker, as it were): the export's own copy of a
		// case's latest update only marks it as the records system's (docs/rules.md), and changes nothing else.
		const latest = source.cases.filter(c => c.updates.length > 0);
		expect(p.changes.map(c => c.ref)).toEqual(latest.map(c => c.ref));
		for (const c of p.changes) expect(c.changes).toEqual([`update ${c.before!.updates.at(-1)!.date} marked as the records system's`]);
		expect(p.unchanged).toBe(source.cases.length - latest.length);
		const again = plan(applyPlan(source, p), csv);
		expect(again.changes).toEqual([]);
		expect(again.unchanged).toBe(source.cases.length);
	});
});

describe('import: mapped export with UK dates', () => {
	it("reads renamed headers, dd/MM/yyyy dates and the force's own words", () => {
		const data = demo();
		const mapping = parseMapping(JSON.parse(fixture('niche-map.json')));
		const p = plan(data, fixture('niche-uk.csv'), {mapping});
		expect(p.rejected).toEqual([]);
		expect(p.ignoredColumns).toEqual(['Station']);
		const added = p.changes.find(c => c.ref === 'NC/1001/26')!;
		expect(added.kind).toBe('add');
		expect(covered(added.after)).toMatchObject({
			oicId: 'o0004',
			risk: 'high',
			status: 'with-cps',
			opened: '2026-03-05',
			arrestDate: '2026-10-01',
			bail: {regime: 'pcsc-2022', bailedOn: '2026-10-01', returnDate: '2026-12-29'},
			lastUpdate: {date: '2026-11-20', text: 'File with CPS, advice due, "urgent"\nchased by email'},
			victim: {serviceLevel: 'enhanced', last: '2026-11-18'},
		});
		const older = p.changes.find(c => c.ref === 'NC/1002/26')!;
		expect(older.after.bail?.regime).toBe('pre-2022');
		expect(older.after.oicId).toBe('o0003');
		expect(older.after.status).toBe('closed');
		expect(older.after.closedOn).toBe(today);
		const rui = p.changes.find(c => c.ref === 'NC/1003/26')!;
		expect(rui.after.rui).toMatchObject({since: '2026-06-02', endedOn: null});
	});
});

describe('import: rejected rows', () => {
	it('reports each bad row with its spreadsheet row number, column and reason', () => {
		const p = plan(demo(), fixture('malformed.csv'));
		const byRow = (row: number) => p.rejected.filter(r => r.row === row);
		expect(byRow(2)).toEqual([]);
		expect(byRow(3)).toEqual([{row: 3, column: 'Opened', letter: 'F', reason: expect.stringContaining('"31/02/2026" is not a real date')}]);
		expect(byRow(4)).toEqual([{row: 4, column: 'Risk', letter: 'D', reason: expect.stringContaining('"extreme" is not a known risk')}]);
		expect(byRow(5)).toEqual([{row: 5, column: 'Crime reference', letter: 'A', reason: 'the crime reference is missing.'}]);
		// A quoted update across two lines is still one spreadsheet row: the next record is row 7.
		expect(byRow(7)[0]).toMatchObject({column: 'Officer', reason: expect.stringContaining('"DC Nobody"')});
		expect(p.unknownOfficers).toEqual([{text: 'DC Nobody', reason: 'unknown', candidates: [], rows: [7]}]);
		expect(p.rejectedRows).toBe(4);
		expect(p.changes.map(c => c.row)).toEqual([2, 6]);
	});

	it('rejects a crime reference listed twice, bail without an arrest date, and a new case missing a field', () => {
		const csv = [
			'Crime reference,Offence,Officer,Risk,Status,Opened,Arrest date,Bail return date',
			'X/1,Theft,4021,low,investigation,2026-01-01,,2026-12-20',
			'X/2,Theft,4021,low,investigation,2026-01-01,2026-11-01,2026-12-20',
			'X/2,Theft,4021,low,investigation,2026-01-01,2026-11-01,2026-12-20',
			'X/3,,4021,low,investigation,2026-01-01,,',
		].join('\n');
		const p = plan(demo(), csv);
		expect(p.rejected.map(r => [r.row, r.column, r.reason])).toEqual([
			[2, 'Bail return date', 'a bail return date needs an arrest date (bail runs from the day after arrest).'],
			[
				4,
				'Crime reference',
				'crime reference X/2 is also on row 3; a case appears once, with one further row for each other forensic submission ' +
					'(its "Forensic submitted" date, and its "Forensic result" once back).',
			],
			[5, 'Offence', 'the offence is empty; a new case needs it.'],
		]);
	});

	it('refuses a file with no crime reference column, and an unclosed quote, as a whole', () => {
		expect(plan(demo(), 'Ref,Risk\nA,low\n').fileError).toMatch(/no "Crime reference" column/);
		expect(plan(demo(), 'Crime reference,Risk\n"A,low\n').fileError).toMatch(/quoted field is never closed/);
		expect(plan(demo(), '').fileError).toMatch(/no header row/);
	});
});

describe('import: updates to existing cases', () => {
	it('updates changed fields, appends a new update once, and a blank bail cell leaves a running bail running', () => {
		const data = demo();
		const bailed = data.cases.find(c => c.bail && c.bail.endedOn === null)!;
		const csv = [
			'Crime reference,Risk,Last update date,Last update,Bail return date',
			`${bailed.ref},high,2026-11-29,"Suspect re-interviewed, no comment.",`,
		].join('\r\n');
		const p = plan(data, csv);
		expect(p.changes).toHaveLength(1);
		const [c] = p.changes;
		expect(c!.changes).toEqual([`risk ${bailed.risk} -> high`, 'update 2026-11-29 added']);
		// A value missing from an export means "unchanged", never "ended": the source case's bail lapse.
		expect(c!.after.bail).toEqual(bailed.bail);
		// The records system's, not the OIC's words (QA 8 R6): its authorId is whose case it was, for older readers.
		expect(c!.after.updates.at(-1)).toEqual({
			date: '2026-11-29',
			authorId: bailed.oicId,
			text: 'Suspect re-interviewed, no comment.',
			source: 'import',
		});
		expect(c!.after.offence).toBe(bailed.offence);
		const next = applyPlan(data, p);
		expect(next.cases.length).toBe(data.cases.length);
		expect(plan(next, csv).changes).toEqual([]);
	});

	it('ends a running bail only on an explicit RUI "yes"', () => {
		const data = demo();
		const bailed = data.cases.find(c => c.bail && c.bail.endedOn === null)!;
		const p = plan(data, `Crime reference,Bail return date,RUI\n${bailed.ref},,yes\n`);
		expect(p.changes[0]!.changes).toContain(`bail ended ${today} (now RUI)`);
		expect(p.changes[0]!.after.bail!.endedOn).toBe(today);
		// Released under investigation the day the bail ended, not at the arrest months before (QA 3: a false
		// "suspect not updated" alarm the day the import ran, and a history with bail and RUI at once).
		expect(bailed.arrestDate! < today).toBe(true);
		expect(p.changes[0]!.after.rui!.since).toBe(today);
		expect(p.changes[0]!.changes).toContain(`released under investigation since ${today}`);
	});

	it('starts an RUI on a case whose bail ended earlier from that end, and on a case never bailed from its arrest', () => {
		const data = demo();
		const template = data.cases.find(c => c.bail && c.bail.endedOn === null)!.bail!;
		const [one, two] = data.cases.filter(c => c.rui === null && c.closedOn === null && !(c.bail && c.bail.endedOn === null));
		// Case one: arrested 01 Oct, bailed, bail ended 10 Nov; case two: arrested 01 Nov, never bailed.
		Object.assign(one!, {arrestDate: '2026-10-01', bail: {...template, bailedOn: '2026-10-01', endedOn: '2026-11-10'}});
		Object.assign(two!, {arrestDate: '2026-11-01', bail: null});
		const p = plan(data, `Crime reference,RUI\n${one!.ref},yes\n${two!.ref},yes\n`);
		expect(p.rejected).toEqual([]);
		const since = (ref: string) => p.changes.find(c => c.after.ref === ref)!.after.rui!.since;
		expect(since(one!.ref)).toBe('2026-11-10');
		expect(since(two!.ref)).toBe('2026-11-01');
	});

	it('reads the optional Suspect column: initials set on running bail and RUI, a blank cell keeps them, a name is refused', () => {
		const data = demo();
		const bailed = data.cases.find(c => c.bail && c.bail.endedOn === null)!;
		const rui = data.cases.find(c => c.rui && c.rui.endedOn === null && !(c.bail && c.bail.endedOn === null))!;
		const p = plan(data, `Crime reference,Suspect\n${bailed.ref},ZQ\n${rui.ref},\n`);
		expect(p.rejected).toEqual([]);
		expect(p.changes).toHaveLength(1);
		expect(p.changes[0]!.changes).toEqual([`bail suspect "${bailed.bail!.suspect}" -> "ZQ"`]);
		expect(p.changes[0]!.after.bail!.suspect).toBe('ZQ');
		const refused = plan(data, `Crime reference,Suspect\n${bailed.ref},Jonathan Smithson\n`);
		expect(refused.rejected[0]).toMatchObject({row: 2, column: 'Suspect', letter: 'B'});
		expect(refused.rejected[0]!.reason).toContain('initials only, never a name');
		// A new case's bail takes the initials; without the column it has none, and messages say "the suspect".
		const empty = {...data, cases: [], chain: [], drafts: []};
		const header = 'Crime reference,Offence,Officer,Risk,Status,Opened,Arrest date,Bail return date';
		const collar = data.officers[2]!.collarNumber;
		const row = `CR/1/26,Sexual communication with a child,${collar},low,investigation,2026-10-01,2026-11-01,2026-12-20`;
		expect(applyPlan(empty, plan(empty, `${header},Suspect\n${row},KT\n`)).cases[0]!.bail!.suspect).toBe('KT');
		expect(applyPlan(empty, plan(empty, `${header}\n${row}\n`)).cases[0]!.bail!.suspect).toBe('');
	});

	it('an export still showing the return date a fortnight bail record replaced changes nothing; a new date does', () => {
		const data = demo();
		const c = data.cases.find(x => x.bail && x.bail.endedOn === null)!;
		const old = c.bail!.returnDate;
		const at = {
			recordedBy: 'o0002',
			recordedAt: '2026-11-30T09:00:00.000Z',
			authority: null,
			periodEnd: null,
			authorisedBy: null,
			rank: null,
		};
		const ended = {
			...c,
			bail: {...c.bail!, endedOn: today},
			bailEvents: [{event: 'charged' as const, on: today, returnDateBefore: old, returnDate: null, ...at}],
		};
		const withEnded = {...data, cases: data.cases.map(x => (x.ref === c.ref ? ended : x))};
		const row = `Crime reference,Arrest date,Bail return date\n${c.ref},${c.bail!.bailedOn},${old}\n`;
		expect(plan(withEnded, row).changes).toEqual([]);
		const later = '2027-01-05';
		const rebailed = {
			...c,
			bail: {...c.bail!, returnDate: later},
			bailEvents: [{event: 're-bailed' as const, on: today, returnDateBefore: old, returnDate: later, ...at}],
		};
		const withRebail = {...data, cases: data.cases.map(x => (x.ref === c.ref ? rebailed : x))};
		expect(plan(withRebail, row).changes).toEqual([]);
		const moved = plan(withRebail, `Crime reference,Arrest date,Bail return date\n${c.ref},${c.bail!.bailedOn},2027-01-09\n`);
		expect(moved.changes[0]!.after.bail!.returnDate).toBe('2027-01-09');
	});

	it('does not add an update again when a re-save changed only its line ends or trailing spaces', () => {
		const data = demo();
		const c = data.cases[0]!;
		const text = 'Line one\nline two';
		const first = applyPlan(data, plan(data, `Crime reference,Last update date,Last update\n${c.ref},2026-11-29,"${text}"\n`));
		expect(first.cases[0]!.updates.at(-1)!.text).toBe(text);
		expect(plan(first, `Crime reference,Last update date,Last update\r\n${c.ref},2026-11-29,"Line one\r\nline two  "\r\n`).changes).toEqual(
			[],
		);
	});

	// QA 8 R6: the CSV names no author, so the update is the records system's, never the OIC's own words.
	it("stores an imported update marked as the records system's, on a new case and an existing one, and the store takes it", () => {
		const data = demo();
		const c = data.cases.find(x => x.oicId === 'o0003' && x.status !== 'closed')!;
		const csv = [
			'Crime reference,Offence,Officer,Risk,Status,Opened,Last update date,Last update',
			'CR/99001/26,Possession of indecent images,4042,low,investigation,2026-11-01,2026-11-29,Devices booked in for extraction.',
			`${c.ref},,,,,,2026-11-29,Update on ${c.ref}: enquiries continue.`,
		].join('\n');
		const p = plan(data, csv);
		expect(p.rejected).toEqual([]);
		const added = p.changes.find(x => x.ref === 'CR/99001/26')!;
		expect(added.after.updates).toEqual([
			{date: '2026-11-29', authorId: 'o0006', text: 'Devices booked in for extraction.', source: 'import'},
		]);
		const updated = p.changes.find(x => x.ref === c.ref)!;
		expect(updated.changes).toEqual(['update 2026-11-29 added']);
		expect(updated.after.updates.filter(u => u.source === 'import')).toEqual([
			{date: '2026-11-29', authorId: 'o0003', text: `Update on ${c.ref}: enquiries continue.`, source: 'import'},
		]);
		// The case's earlier updates keep their authors: only what this import brought is marked.
		expect(updated.after.updates.filter(u => u.source !== 'import')).toEqual(c.updates);
		const next = applyPlan(data, p);
		expect(validateStore(next)).toBeNull();
		expect(plan(next, csv).changes).toEqual([]);
	});

	it("marks an update an earlier import stored as its OIC's (before the marker) when the export carries it again", () => {
		const data = demo();
		const c = data.cases[0]!;
		const csv = `Crime reference,Last update date,Last update\n${c.ref},2026-11-29,Update on the case.\n`;
		const first = applyPlan(data, plan(data, csv));
		// As a fortnight from before the marker stored it: the OIC as its author, no marker.
		const old = {
			...first,
			cases: first.cases.map(x => (x.ref === c.ref ? {...x, updates: x.updates.map(({source: _, ...u}) => u)} : x)),
		};
		const p = plan(old, csv);
		expect(p.changes.map(x => x.changes)).toEqual([["update 2026-11-29 marked as the records system's"]]);
		const marked = applyPlan(old, p).cases.find(x => x.ref === c.ref)!;
		expect(marked.updates).toEqual(first.cases.find(x => x.ref === c.ref)!.updates);
		expect(marked.updates.length).toBe(c.updates.length + 1);
	});

	it('lists live cases a full export leaves out, and deletes none', () => {
		const data = demo();
		const live = data.cases.filter(c => c.status !== 'closed');
		const p = plan(data, toImportCsv(data, live.slice(1)), {full: true});
		expect(p.missing.map(c => c.ref)).toEqual([live[0]!.ref]);
		expect(applyPlan(data, p).cases.length).toBe(data.cases.length);
		expect(plan(data, toImportCsv(data, live.slice(1))).missing).toEqual([]);
	});

	it('keeps text with control characters as written but flags it', () => {
		const data = demo();
		const c = data.cases[0]!;
		const text = 'Seen \u001b[2Jby the\u202e team';
		const p = plan(data, `Crime reference,Last update date,Last update\n${c.ref},2026-11-29,"${text}"\n`);
		expect(p.flagged).toEqual([{row: 2, column: 'Last update', ref: c.ref}]);
		expect(p.changes[0]!.after.updates.at(-1)!.text).toBe(text);
	});

	it('flags invisible characters (zero-width space, U+2028) too, and refuses them in a crime reference', () => {
		const data = demo();
		const c = data.cases[0]!;
		const text = 'Seen by\u200b the\u2028team';
		const p = plan(data, `Crime reference,Last update date,Last update\n${c.ref},2026-11-29,"${text}"\nCR/1\u200b/26,2026-11-29,x\n`);
		expect(p.flagged).toEqual([{row: 2, column: 'Last update', ref: c.ref}]);
		expect(p.rejected.map(r => [r.row, r.reason])).toEqual([
			[3, 'the crime reference contains control or invisible characters or a line break.'],
		]);
	});
});

describe('import: BOM and CRLF', () => {
	it('reads a UTF-8 BOM, CRLF line ends and quoted fields with commas and line breaks', () => {
		const raw = fixture('bom-crlf.csv');
		expect(raw.charCodeAt(0)).toBe(0xfeff);
		expect(raw).toContain('\r\n');
		const parsed = parseCsv(raw);
		expect(parsed.ok && parsed.table.header[0]).toBe('Crime reference');
		const p = plan(demo(), raw);
		expect(p.rejected).toEqual([]);
		expect(p.changes.map(c => c.ref)).toEqual(['BC/1/26', 'BC/2/26']);
		expect(p.changes[0]!.after.offence).toBe('Possession of indecent images, category A');
		expect(p.changes[1]!.after.updates[0]!.text).toBe('Line one, with a comma\r\nline two "quoted"');
	});
});

describe('import: a changed officer or risk is history, never an overwrite (README "Case history")', () => {
	it('records a changed officer as a reallocation ("records-system import"), moving the open actions the outgoing officer owned', () => {
		const data = demo();
		const c = data.cases.find(x => x.ref === 'CR/87204/26')!;
		const moved = {...c, oicId: 'o0006', risk: 'high' as const};
		const p = plan(data, toImportCsv(data, [moved]), {by: 'o0002', recordedAt: '2026-11-30T09:00:00.000Z'});
		expect(p.rejected).toEqual([]);
		expect(p.changes).toHaveLength(1);
		const words = [
			'officer Sam Ashworth -> Helen Marsh (reallocated 2026-11-30; 2 open actions moved with it)',
			'risk low -> high',
			// The export's copy of the demo's latest update, stored with an author: now the records system's.
			"update 2026-10-21 marked as the records system's",
		];
		expect(p.changes[0]!.changes).toEqual(words);
		const after = applyPlan(data, p).cases.find(x => x.ref === 'CR/87204/26')!;
		expect(after.oicId).toBe('o0006');
		expect(after.allocatedOn).toBe(today);
		expect(after.allocations).toEqual([
			{...c.allocations[0], to: today},
			{officerId: 'o0006', from: today, to: null, by: 'o0002', reason: 'records-system import', recordedAt: '2026-11-30T09:00:00.000Z'},
		]);
		expect(after.riskHistory.at(-1)).toEqual({risk: 'high', from: today, by: 'o0002', reason: 'records-system import', reviewSeq: null});
		expect(after.actions.filter(a => a.status === 'open').every(a => a.ownerId === 'o0006')).toBe(true);
		expect(validateStore(applyPlan(data, p))).toBeNull();
		// The same export again changes nothing: the move is recorded once.
		expect(plan(applyPlan(data, p), toImportCsv(data, [moved])).changes).toEqual([]);
	});

	it('gives a new case its first allocation and risk from the import, with who imported it', () => {
		const data = demo();
		const source = data.cases[0]!;
		const fresh = {...source, ref: 'CR/99999/26'};
		const p = plan(data, toImportCsv(data, [fresh]), {by: 'o0002', recordedAt: '2026-11-30T09:00:00.000Z'});
		const added = p.changes[0]!.after;
		const reason = 'records-system import';
		const recordedAt = '2026-11-30T09:00:00.000Z';
		expect(added.allocations).toEqual([{officerId: source.oicId, from: today, to: null, by: 'o0002', reason, recordedAt}]);
		expect(added.riskHistory).toEqual([{risk: source.risk, from: source.opened, by: 'o0002', reason, reviewSeq: null}]);
		expect(validateStore(applyPlan(data, p))).toBeNull();
	});
});
