/**
 * Who reads what when the login names more than one officer (README "Who may read what", "Who you are"):
 * a login mapped to two officers is refused, as the other commands refuse it, never read as nobody
 * identified (which reads the whole team). The review of the read scope found it read as nobody.
 */
import {describe, expect, it} from 'vitest';
import {readScopeFor} from '../../source/commands/read-scope.js';
import type {Context} from '../../source/commands/context.js';
import {demoData} from '../helpers/demo.js';

const data = (logins: Record<string, string>) => {
	const demo = demoData();
	return {...demo, referenceDate: null, officers: demo.officers.map(o => (logins[o.id] ? {...o, login: logins[o.id]!} : o))};
};
const ctx = (login: string) => ({identity: {login}, today: '2026-11-30'}) as unknown as Context;

describe('the read scope of a login', () => {
	it('refuses a login mapped to two officers, naming them', () => {
		expect(() => readScopeFor(ctx('shared'), data({o0004: 'shared', o0005: 'shared'}))).toThrow(/mapped to more than one officer/);
	});

	it('gives a login mapped to one officer (a DC) their own record only, and an unmapped login the file', () => {
		const mapped = data({o0004: 'piqbal'});
		expect(readScopeFor(ctx('piqbal'), mapped)).toEqual({kind: 'own', officerId: 'o0004'});
		expect(readScopeFor(ctx('nobody'), mapped)).toEqual({kind: 'team', as: 'unidentified'});
	});
});
