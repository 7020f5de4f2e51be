/**
 * Welfare notes are read as someone (README "Welfare notes"): `handover --include-welfare` includes only
 * the notes the person at the keyboard may read (the officer's line manager on the note's date, the
 * cover named for that day, its author). Someone who may read none is refused with exit 2, nothing
 * written, the store and the welfare file byte for byte as they were.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {savedBytes} from '../helpers/saved-store.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const handover = (store: string, ...args: string[]) =>
	runCli(['handover', '--store', store, '--today', DEMO_TODAY, '--include-welfare', '--yes', ...args], {env: NOW});
const notesOf = (welfare: string) => (JSON.parse(readFileSync(welfare, 'utf8')) as {notes: {text: string}[]}).notes;

describe('handover --include-welfare reads as you', () => {
	it('a peer and the inspector (line manager of neither officer) are refused, saying who can; nothing written or changed', () => {
		const {store, welfare, dir} = demoCopy();
		const before = savedBytes(store);
		const notesBefore = readFileSync(welfare);
		const file = path.join(dir, 'h.md');
		// A peer is refused the handover itself (README "Who may read what"), before any note is read.
		for (const [who, says] of [
			['DC Grant', 'DC Grant cannot read the handover'],
			['DI Okafor', 'DI Okafor may read none of the 2 welfare notes in this window'],
			['DC Marsh', 'DC Marsh cannot read the handover'],
		] as const) {
			const r = handover(store, '--as', who, '--out', file);
			expect(r.code, r.stderr).toBe(2);
			expect(r.stderr).toContain(says);
			if (who === 'DI Okafor') expect(r.stderr).toContain('ask DS Brennan to prepare it');
			for (const n of notesOf(welfare)) expect(r.stderr + r.stdout).not.toContain(n.text);
			expect(existsSync(file)).toBe(false);
		}
		expect(savedBytes(store).equals(before)).toBe(true);
		expect(readFileSync(welfare).equals(notesBefore)).toBe(true);
	});

	it('the sergeant (line manager and author) gets every note', () => {
		const {store, welfare} = demoCopy();
		const r = handover(store, '--as', 'DS Brennan');
		expect(r.code, r.stderr).toBe(0);
		for (const n of notesOf(welfare)) expect(r.stdout).toContain(n.text);
		expect(r.stderr).not.toContain('Left out');
	});

	it('the cover reads the notes dated in the days they cover and no others, and is told how many were left out', () => {
		const {store, welfare} = demoCopy();
		const added = runCli([
			'absence',
			'add',
			'DS Brennan',
			'--from',
			'2026-11-20',
			'--to',
			'2026-12-05',
			'--reason',
			'annual-leave',
			'--cover',
			'DC Marsh',
			// The sergeant's cover is named by the inspector (README "Who may change absences and cover").
			'--as',
			'DI Okafor',
			'--store',
			store,
			'--today',
			DEMO_TODAY,
		]);
		expect(added.code, added.stderr).toBe(0);
		const file = JSON.parse(readFileSync(welfare, 'utf8')) as {notes: object[]};
		const during = {
			id: 'wn9',
			officerId: 'o0003',
			date: '2026-11-25',
			by: 'o0002',
			text: 'Spoke on the phone while on leave; sleeping better.',
		};
		writeFileSync(welfare, JSON.stringify({...file, notes: [...file.notes, during]}));
		const r = handover(store, '--as', 'DC Marsh');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toContain(during.text);
		// Before her cover (DC Ashworth, 16 Oct) and about herself (31 Oct): left out, counted, not quoted.
		for (const n of notesOf(welfare).slice(0, 2)) expect(r.stdout + r.stderr).not.toContain(n.text);
		expect(r.stderr).toContain('Left out 2 welfare notes you may not read');
		// After her cover has ended she is an officer again (README "Who may read what"): the handover is
		// the supervisors', refused before any note is read.
		const after = runCli(['handover', '--store', store, '--today', '2026-12-06', '--include-welfare', '--yes', '--as', 'DC Marsh'], {
			env: NOW,
		});
		expect(after.code).toBe(2);
		expect(after.stderr).toContain('DC Marsh cannot read the handover');
		for (const n of notesOf(welfare)) expect(after.stdout + after.stderr).not.toContain(n.text);
	});
});
