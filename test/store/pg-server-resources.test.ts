/**
 * A PostgreSQL server out of disk, memory or connections (SQLSTATE class 53) was reported as "answered
 * with error 53100 ... Try again; if it persists, run fortnight verify": as if the store were at fault.
 * The message now says what the server lacks and that nothing was changed (the transaction was refused).
 */
import {describe, expect, it} from 'vitest';
import {describePgError} from '../../source/store/pg-connect.js';

const URL = 'postgresql://demo_sergeant@/fortnight';
const refused = (code: string) => describePgError(Object.assign(new Error('refused'), {code}), URL);

describe('a PostgreSQL server short of a resource is said to be, not the store', () => {
	it('a full disk, memory and connections each have their words; nothing was changed', () => {
		const disk = refused('53100');
		expect(disk.code).toBe('no-space');
		expect(disk.message).toBe(
			`The database at ${URL} refused the change because the server's disk is full (error 53100); nothing was changed. ` +
				"Free space on the database server, or ask the database's owner.",
		);
		expect(refused('53200').message).toContain('because the server ran out of memory (error 53200); nothing was changed.');
		expect(refused('53300').message).toContain('because the server has no free connection (too many clients) (error 53300)');
		expect(refused('53300').code).toBe('io');
	});

	it('other errors keep the general sentence', () => {
		expect(refused('XX000').message).toBe(
			`The database at ${URL} answered with error XX000, so nothing was changed. Try again; if it persists, run "fortnight verify".`,
		);
	});
});
