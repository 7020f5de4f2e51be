/**
 * QA 6 rough edges in the absence, welfare and handover commands' sentences: free text typed into a
 * category flag is never echoed (R15), a sergeant naming themselves as cover of their own absence is told
 * who can without "the cover named while they are away" (R16), a handover with welfare notes refused to
 * the inspector names who can on that day, not an officer on sick leave (R17), and a one-day absence is
 * listed as its day (R12). Each fails on main a675bf9.
 */
import {describe, expect, it} from 'vitest';
import {readableWelfareNotes} from '../../source/domain/permissions.js';
import type {StoreData} from '../../source/domain/model.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {savedBytes} from '../helpers/saved-store.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const run = (store: string, args: string[], today = DEMO_TODAY) => runCli([...args, '--store', store, '--today', today], {env: NOW});

describe('free text typed into a category flag is not echoed (R15)', () => {
	it('absence add/change --reason "broken leg": refused with the category list, the text nowhere in the output', () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const add = run(store, ['absence', 'add', 'Evans', '--from', '2026-12-10', '--reason', 'broken leg']);
		expect(add.code).toBe(2);
		expect(add.stderr).toContain('--reason must be one of sick, annual-leave, training, restricted-duties, other');
		expect(add.stderr + add.stdout).not.toContain('broken leg');
		const change = run(store, ['absence', 'change', 'ab0002', '--reason', 'chemo on Tuesdays']);
		expect(change.code).toBe(2);
		expect(change.stderr).toContain('--reason must be one of');
		expect(change.stderr + change.stdout).not.toContain('chemo');
		expect(savedBytes(store)).toEqual(before);
	});

	it('welfare record --kind "stress after the job": refused with the kinds, the text nowhere in the output', () => {
		const {store} = demoCopy();
		const r = run(store, ['welfare', 'record', 'DC Ashworth', '--kind', 'stress after the job']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--kind must be one of check-in, screening');
		expect(r.stderr + r.stdout).not.toContain('stress');
	});
});

describe('who can name the cover of a sergeant’s own absence (R16)', () => {
	it('DS Brennan naming himself: name someone else, or DI Okafor; never "the cover named while they are away"', () => {
		const {store} = demoCopy();
		const r = run(store, [
			'absence',
			'add',
			'Brennan',
			'--from',
			'2026-12-01',
			'--to',
			'2026-12-03',
			'--reason',
			'training',
			'--cover',
			'Brennan',
		]);
		expect(r.code).toBe(2);
		const said = r.stderr.replace(/\s+/g, ' ');
		expect(said).toContain('DS Brennan cannot name themselves as cover for their own absence');
		expect(said).toContain('Name someone else as the cover, or DI Okafor can choose them.');
		expect(said).not.toContain('the cover named while they are away');
	});
});

describe('a handover with the welfare notes, refused to the inspector, names who can that day (R17)', () => {
	it('on 14 Dec, DS Brennan on sick leave: not "ask DS Brennan"; says nobody at work may read them and why', () => {
		const {store} = demoCopy();
		const r = run(store, ['handover', '--include-welfare', '--yes', '--as', 'Okafor', '--out', '-'], '2026-12-14');
		expect(r.code).toBe(2);
		const said = r.stderr.replace(/\s+/g, ' ');
		expect(said).not.toContain('ask DS Brennan to prepare it');
		expect(said).toContain('nobody at work on 14 Dec may read them (DS Brennan, their line manager, is away until 04 Feb 2027)');
		// Before the absence, DS Brennan is the one to ask, as before.
		const before = run(store, ['handover', '--include-welfare', '--yes', '--as', 'Okafor', '--out', '-'], '2026-12-04');
		expect(before.stderr).toContain('ask DS Brennan to prepare it.');
	});

	it('the cover named for the day, who reads the notes of the days they cover, is the one named', () => {
		const demo = demoData();
		const data: StoreData = {
			...demo,
			absences: demo.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: 'o0006'} : a)),
		};
		// A note on DC Iqbal dated on one of DC Marsh's cover days for DS Brennan.
		const iqbal = data.officers.find(o => o.name.endsWith('Iqbal'))!.id;
		const notes = [{officerId: iqbal, by: 'o0006', date: '2026-12-12', text: 'made up'}];
		const r = readableWelfareNotes(data, data.team.inspectorId!, notes, [], '2026-12-14');
		expect(r.refusal).toContain(
			'Leave out --include-welfare, or ask DC Marsh (covering DS Brennan: the notes of the days they cover) to prepare it.',
		);
	});
});

describe('absence list (R12)', () => {
	it('a one-day absence reads as its day, not "30 Nov to 30 Nov"', () => {
		const {store} = demoCopy();
		expect(run(store, ['absence', 'add', 'Evans', '--from', DEMO_TODAY, '--to', DEMO_TODAY, '--reason', 'training']).code).toBe(0);
		const listed = run(store, ['absence', 'list']).stdout;
		const line = listed.split('\n').find(l => l.includes('Evans'))!;
		expect(line).toMatch(/ {2}30 Nov \(now\) {2}/);
		expect(listed).not.toContain('30 Nov to 30 Nov');
	});
});
