/**
 * Two users adding records at once (the store README, "Two users at once"). A record whose id fortnight
 * draws from the data (the next absence number) is re-drawn when the change is re-run on the other
 * user's data, so two additions are two records, never a conflict. A real clash is still refused, in
 * the words of whoever made the change: the desk reloads, the command line runs the command again.
 */
import {withRisk} from '../../source/domain/case-history.js';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {addAbsence} from '../../source/domain/absences.js';
import type {StoreData} from '../../source/domain/model.js';
import {StoreError} from '../../source/store/errors.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {smallStore} from './small-store.js';

/** Officers with no absence recorded, so the domain's overlap check refuses none of these additions. */
const free = (d: StoreData): string[] => d.officers.filter(o => !d.absences.some(x => x.officerId === o.id)).map(o => o.id);

const RECORDED = '2026-11-30T09:00:00.000Z';
const input = (d: StoreData, officerId: string, day: string) => ({
	officerId,
	from: day,
	to: day,
	reason: 'training' as const,
	coverOfficerId: null,
	recordedBy: d.team.sergeantId,
	recordedAt: RECORDED,
});
const absenceFor = (officerId: string, day: string) => (d: StoreData) => addAbsence(d, input(d, officerId, day)).data;

describe('records added under a drawn id', () => {
	it('two users adding an absence at once: both are saved, under different ids', async () => {
		const {file, data} = await smallStore(3);
		const [o1, o2] = free(data) as [string, string];
		const a = await openStore(file);
		const b = await openStore(file);
		await b.apply(absenceFor(o1, '2029-01-04'));
		const r = await a.apply(absenceFor(o2, '2029-01-05'));
		expect(r.merged).toBe(true);
		const {data: after} = await readStoreFile(file);
		const added = after.absences.slice(data.absences.length);
		expect(added.map(x => x.officerId)).toEqual([o1, o2]);
		expect(new Set(after.absences.map(x => x.id)).size).toBe(after.absences.length);
	});

	it('a change that fixed the id outside itself would overwrite theirs: still a conflict, nothing written', async () => {
		const {file, data} = await smallStore(3);
		const [o1, o2] = free(data) as [string, string];
		const a = await openStore(file);
		const b = await openStore(file);
		// The id is taken from A's snapshot once, so re-running the change on B's data reuses it.
		const {id} = addAbsence(a.snapshot(), input(data, o1, '2029-01-04'));
		await b.apply(absenceFor(o2, '2029-01-05'));
		const theirs = readFileSync(file);
		const fixed = (d: StoreData) => ({...d, absences: [...d.absences, {id, ...input(d, o1, '2029-01-04')}]});
		const err = await a.apply(fixed).catch(e => e as StoreError);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).code).toBe('conflict');
		expect(readFileSync(file).equals(theirs)).toBe(true);
	});
});

describe('clash messages speak to whoever made the change', () => {
	const clash = async (surface: 'desk' | 'command' | undefined) => {
		const {file, data} = await smallStore(3);
		const ref = data.cases[0]!.ref;
		const setRisk = (risk: 'low' | 'medium' | 'high') => (d: StoreData) => ({
			...d,
			cases: d.cases.map(c =>
				c.ref === ref ? withRisk(c, risk, {from: '2026-11-30', by: null, reason: 'test edit', reviewSeq: null}) : c,
			),
		});
		const a = await openStore(file, surface ? {surface} : {});
		const b = await openStore(file);
		await b.apply(setRisk(data.cases[0]!.risk === 'high' ? 'low' : 'high'));
		const err = await a.apply(setRisk('medium')).catch(e => e as StoreError);
		expect((err as StoreError).code).toBe('conflict');
		return {ref, message: (err as StoreError).message};
	};

	it('the command line is told to run the command again, never to reload', async () => {
		const {ref, message} = await clash('command');
		expect(message).toBe(
			`Another user changed case ${ref} (risk) while this command was running, and this command edits the same, ` +
				'so this command was not saved. Run the command again: it reads their version first.',
		);
		expect(message).not.toMatch(/reload/i);
	});

	it('the desk (the default) is told to reload', async () => {
		const {ref, message} = await clash(undefined);
		expect(message).toBe(
			`Another user changed case ${ref} (risk) after you opened the store, and your change edits the same, ` +
				'so your change was not saved. Reload to see their version, then make your change again.',
		);
	});
});
