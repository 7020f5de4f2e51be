/**
 * One rule for every id typed on the command line (source/commands/typed-id.ts; QA 7 R6): spaces around it
 * are dropped, any control character in it is refused with the id quoted and the character visible; and an
 * outside cover's name with an escape sequence in it is refused as typed, never cleaned into another name (QA 7 R13).
 */
import {describe, expect, it} from 'vitest';
import absence from '../../source/commands/absence.js';
import bail from '../../source/commands/bail.js';
import caseCommand from '../../source/commands/case.js';
import handover from '../../source/commands/handover.js';
import welfare from '../../source/commands/welfare.js';
import {demoCopy} from '../helpers/cli.js';
import {savedBytes} from '../helpers/saved-store.js';
import {runCommand} from './in-process.js';

describe('typed ids: one rule', () => {
	it('a newline, a carriage return or a BEL in an id is refused, shown, and nothing is saved', async () => {
		const {store} = demoCopy();
		const bytes = savedBytes(store);
		const moved = await runCommand(caseCommand, store, ['reallocate', 'CR/64148/26\n'], {to: 'Evans', reason: 'cover', yes: true});
		expect(moved.code).toBe(2);
		expect(moved.stderr).toContain('The crime reference "CR/64148/26␊" has a control character in it');
		const ended = await runCommand(absence, store, ['end', 'ab0002\r'], {});
		expect(ended.code).toBe(2);
		expect(ended.stderr).toContain('The absence id "ab0002␍" has a control character in it');
		const bailed = await runCommand(bail, store, ['record', 'CR/1\x07/26'], {event: 'charged'});
		expect(bailed.code).toBe(2);
		expect(bailed.stderr).toContain('The crime reference "CR/1␇/26" has a control character in it');
		const shown = await runCommand(caseCommand, store, ['show', '\x1b[2JCR/64148/26'], {});
		expect(shown.stderr).toContain('"␛[2JCR/64148/26" has a control character in it');
		const officer = await runCommand(welfare, store, ['record', 'Evans\t'], {kind: 'check-in'});
		expect(officer.code).toBe(2);
		expect(officer.stderr).toContain('OFFICER "Evans␉" has a control character in it');
		expect(savedBytes(store).equals(bytes)).toBe(true);
	});

	it('spaces around an id are dropped, as a copied id often brings them', async () => {
		const {store} = demoCopy();
		const shown = await runCommand(caseCommand, store, ['show', '  CR/64148/26 '], {});
		expect(shown.code, shown.stderr).toBe(0);
		expect(shown.stdout).toMatch(/^CR\/64148\/26 /);
		const ended = await runCommand(absence, store, ['end', ' ab0003 '], {});
		expect(ended.stderr).not.toContain('control character');
		expect(ended.stderr).not.toContain('No absence with id');
	});
});

describe('an outside cover is written as typed or refused', () => {
	it('an escape sequence or an invisible character in --cover is refused, quoted visibly; a plain name is taken', async () => {
		const {store} = demoCopy();
		const link = await runCommand(handover, store, [], {cover: 'DS \x1b]8;;http://x\x1b\\Roe', coverOutside: true});
		expect(link.code).toBe(2);
		expect(link.stdout).toBe('');
		expect(link.stderr).toContain('--cover "DS ␛]8;;http://x␛\\Roe" has a control character in it');
		const bidi = await runCommand(handover, store, [], {cover: 'DS \u202eRoe', coverOutside: true});
		expect(bidi.code).toBe(2);
		expect(bidi.stderr).toContain('--cover "DS <U+202E>Roe" has a character in it that would not print as typed');
		const plain = await runCommand(handover, store, [], {cover: 'DS Jane Roe', coverOutside: true});
		expect(plain.code, plain.stderr).toBe(0);
		expect(plain.stdout).toContain('- Cover: DS Jane Roe (outside the team)');
	});
});
