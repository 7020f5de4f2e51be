/**
 * QA 5 R6: an officer's name typed with an escape sequence was refused quoting the name with the sequence
 * removed ("no officer matches "Iqbal"" while DC Iqbal exists). A message about what was typed now shows
 * it with the sequence made visible, so it says why; nothing reaches the terminal raw.
 */
import {rmSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {typedInQuotes} from '../../source/domain/safe-text.js';
import {demoCopy, runCli} from '../helpers/cli.js';
import {savedBytes} from '../helpers/saved-store.js';

describe('what was typed is quoted back made visible, not cleaned (QA 5 R6)', () => {
	it('keeps plain text, shows controls and escape sequences as visible characters', () => {
		expect(typedInQuotes('DC Iqbal')).toBe('DC Iqbal');
		expect(typedInQuotes('Iq\u001b[2Jbal')).toBe('Iq\u241b[2Jbal');
		expect(typedInQuotes('a\tb\nc\rd\u202ee')).toBe('a\u2409b\u240ac\u240dd<U+202E>e');
	});

	it('an unknown officer and an impossible date say what was typed; no escape byte is printed and nothing is saved', () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const who = runCli([
			'absence',
			'add',
			'Iq\u001b[2Jbal',
			'--from',
			'2026-12-20',
			'--reason',
			'training',
			'--store',
			store,
			'--as',
			'Brennan',
			'--today',
			'2026-11-30',
		]);
		expect(who.code).toBe(2);
		// Refused as typed, the escape made visible (one rule for typed ids: source/commands/typed-id.ts, QA 7 R6).
		expect(who.stderr).toContain('OFFICER "Iq\u241b[2Jbal" has a control character in it');
		const day = runCli(['problems', '--store', store, '--today', '2026\u001b[2J']);
		expect(day.code).toBe(2);
		expect(day.stderr).toContain('--today must be a real date as YYYY-MM-DD or DD/MM/YYYY (got "2026\u241b[2J").');
		expect(who.stderr + day.stderr).not.toContain('\u001b');
		expect(savedBytes(store).equals(before)).toBe(true);
	});

	// Review 7 note 2: an absence id or a crime reference typed with an escape sequence was cleaned into
	// another word ("No absence with id "abx"", "There is no case CR/X").
	it('an unknown absence id and crime reference say what was typed', () => {
		const {store, dir} = demoCopy();
		try {
			const before = savedBytes(store);
			const common = ['--store', store, '--as', 'Brennan', '--today', '2026-11-30'];
			const absence = runCli(['absence', 'end', 'ab\u001b]0;PWNED\u0007x', '--to', '2026-12-01', ...common]);
			expect(absence.stderr).toContain('The absence id "ab\u241b]0;PWNED\u2407x" has a control character in it');
			const bail = runCli(['bail', 'record', 'CR/\u001b[31mX', '--event', 'charged', ...common]);
			expect(bail.stderr).toContain('CR/\u241b[31mX');
			const shown = runCli(['case', 'show', 'CR/\u001b[31m12345/26', ...common]);
			expect(shown.stderr).toContain('CR/\u241b[31m12345/26');
			for (const r of [absence, bail, shown]) {
				expect(r.code).not.toBe(0);
				expect(r.stdout + r.stderr).not.toContain('\u001b');
			}
			expect(savedBytes(store).equals(before)).toBe(true);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	// QA 7 D1: --cover and --as were still cleaned: "no officer in this team matches "Carter"" while DC
	// Carter is in the team, and --as $'Mar\esh' quoted back as "Marh".
	it('a --cover or --as naming nobody says what was typed', () => {
		const {store, dir} = demoCopy();
		try {
			const common = ['--store', store, '--today', '2026-11-30'];
			const cover = runCli(['handover', '--from', '2026-12-10', '--to', '2026-12-20', '--cover', 'Sh\u001b[5mah', ...common]);
			expect(cover.code).toBe(2);
			expect(cover.stderr).toContain('--cover "Sh\u241b[5mah" has a control character in it');
			const as = runCli(['whoami', '--as', 'Mar\u001bsh', ...common]);
			expect(as.code).toBe(2);
			expect(as.stderr).toContain('"Mar\u241bsh" is not an officer in this store.');
			expect(cover.stdout + cover.stderr + as.stdout + as.stderr).not.toContain('\u001b');
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
