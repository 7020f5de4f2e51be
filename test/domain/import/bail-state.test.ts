/**
 * Which import changes end or start a bail or an RUI (README "fortnight import"): the ones an import
 * lists to confirm. A blank cell changes nothing, so it is never one of them; a new return date on a
 * running bail is not a change of state; a case the import adds had no bail in fortnight to change.
 */
import {describe, expect, it} from 'vitest';
import {bailStateChanges} from '../../../source/domain/import/bail-state.js';
import {planCsv} from '../../../source/domain/import/index.js';
import type {StoreData} from '../../../source/domain/model.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';

const plan = (data: StoreData, csv: string) => planCsv(data, csv, {today: DEMO_TODAY});

describe('bail and RUI changes an import lists to confirm', () => {
	const data = demoData();
	const bailed = data.cases.find(c => c.bail && c.bail.endedOn === null && !c.rui)!;
	const rui = data.cases.find(c => c.rui && c.rui.endedOn === null && !(c.bail && c.bail.endedOn === null))!;

	it('lists a bail ended by RUI "yes" and an RUI ended by "no", with their rows', () => {
		const p = plan(data, `Crime reference,RUI\n${bailed.ref},yes\n${rui.ref},no\n`);
		const listed = bailStateChanges(p.changes);
		expect(listed.map(x => [x.ref, x.row])).toEqual([
			[bailed.ref, 2],
			[rui.ref, 3],
		]);
		expect(listed[0]!.words).toMatch(
			new RegExp(`^bail \\(return ${bailed.bail!.returnDate}\\) ends ${DEMO_TODAY}; released under investigation from `),
		);
		expect(listed[1]!.words).toBe(`RUI (since ${rui.rui!.since}) ends ${DEMO_TODAY}`);
	});

	it('lists nothing for a blank bail cell, a new return date on a running bail, or a new case on bail', () => {
		const later = '2027-01-04';
		const p = plan(data, `Crime reference,Bail return date,Arrest date\n${bailed.ref},,\n${rui.ref},,\n`);
		expect(bailStateChanges(p.changes)).toEqual([]);
		const moved = plan(data, `Crime reference,Bail return date\n${bailed.ref},${bailed.bail!.bailedOn < later ? '2026-12-20' : later}\n`);
		expect(moved.changes).toHaveLength(1);
		expect(bailStateChanges(moved.changes)).toEqual([]);
		const header = 'Crime reference,Offence,Officer,Risk,Status,Opened,Arrest date,Bail return date';
		const added = plan(data, `${header}\nCR/99999/26,Theft,${data.officers[2]!.name},low,investigation,2026-11-01,2026-11-01,2026-12-20\n`);
		expect(added.changes.map(c => c.kind)).toEqual(['add']);
		expect(bailStateChanges(added.changes)).toEqual([]);
	});

	it('lists an ended bail that the export starts again', () => {
		// The demo's bail all runs: end one (charged, say) as fortnight would have recorded it.
		const ended = {...bailed, bail: {...bailed.bail!, endedOn: '2026-11-20'}};
		const withEnded = {...data, cases: data.cases.map(c => (c.ref === bailed.ref ? ended : c))};
		const p = plan(withEnded, `Crime reference,Bail return date\n${ended.ref},2026-12-21\n`);
		const listed = bailStateChanges(p.changes);
		expect(listed.map(x => x.words)).toEqual([`ended bail restarts: bailed ${ended.bail!.bailedOn}, return 2026-12-21`]);
	});
});

describe('an explicit bail outcome column', () => {
	const data = demoData();
	const bailed = data.cases.find(c => c.bail && c.bail.endedOn === null && !c.rui)!;
	const by = {today: DEMO_TODAY, by: 'o0002', recordedAt: '2026-11-30T09:00:00.000Z'};

	it('"Bail outcome" charged ends a running bail with a bail event by whoever imports, listed to confirm', () => {
		const p = planCsv(data, `Crime reference,Bail outcome\n${bailed.ref},Charged\n`, by);
		expect(p.rejected).toEqual([]);
		const c = p.changes[0]!;
		expect(c.changes).toEqual([`bail ended ${DEMO_TODAY} (charged)`]);
		expect(c.after.bail!.endedOn).toBe(DEMO_TODAY);
		expect(c.after.bailEvents.at(-1)).toEqual({
			event: 'charged',
			on: DEMO_TODAY,
			returnDateBefore: bailed.bail!.returnDate,
			returnDate: null,
			authority: null,
			periodEnd: null,
			authorisedBy: null,
			rank: null,
			recordedBy: 'o0002',
			recordedAt: '2026-11-30T09:00:00.000Z',
		});
		expect(bailStateChanges(p.changes).map(x => x.words)).toEqual([`bail (return ${bailed.bail!.returnDate}) ends ${DEMO_TODAY}`]);
	});

	it('a blank outcome changes nothing; NFA and "released without bail" are read; an unknown word or one beside a date is rejected', () => {
		expect(planCsv(data, `Crime reference,Bail outcome\n${bailed.ref},\n`, by).changes).toEqual([]);
		expect(planCsv(data, `Crime reference,Bail outcome\n${bailed.ref},NFA\n`, by).changes[0]!.after.bailEvents.at(-1)!.event).toBe('nfa');
		const released = planCsv(data, `Crime reference,Bail outcome\n${bailed.ref},Released without bail\n`, by);
		expect(released.changes[0]!.after.bailEvents.at(-1)!.event).toBe('released');
		const odd = planCsv(data, `Crime reference,Bail outcome\n${bailed.ref},bailed again\n`, by);
		expect(odd.rejected.map(r => r.reason)).toEqual([
			'"bailed again" is not a known bail outcome (expected charged, no further action (NFA) or released without bail).',
		]);
		const both = planCsv(data, `Crime reference,Bail return date,Bail outcome\n${bailed.ref},2026-12-20,charged\n`, by);
		expect(both.rejected.map(r => r.column)).toEqual(['Bail outcome']);
	});
});
