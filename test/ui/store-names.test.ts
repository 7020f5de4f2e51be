/**
 * The desk names its store without the socket folder or a password (QA 6 R10; source/ui/store-names.ts):
 * the status bar and the loading frame drew `path.basename` of a PostgreSQL URL (the socket's folder) and,
 * at 140 columns and in the loading frame, the URL as typed, password included.
 */
import {describe, expect, it} from 'vitest';
import {storeNames} from '../../source/ui/store-names.js';

describe('storeNames', () => {
	it('a file: its path, and its name', () => {
		expect(storeNames('/home/ds/teams/east.json')).toEqual({long: '/home/ds/teams/east.json', short: 'east.json'});
	});

	it('a PostgreSQL URL: the database and team, and the URL with its password hidden', () => {
		expect(storeNames('postgres://sgt_a:s3cret@db.example/fortnight?team=team-a')).toEqual({
			long: 'postgres://sgt_a:***@db.example/fortnight?team=team-a',
			short: 'fortnight team-a',
		});
		const socket = storeNames('postgresql:///force?host=/tmp/fnt-abc/qa6pg&password=s3cret&team=east');
		expect(socket.short).toBe('force east');
		expect(socket.long).not.toContain('s3cret');
		expect(storeNames('postgres://localhost').short).toBe('postgres');
		expect(storeNames('postgres://h/f%C3%B6rce').short).toBe('förce');
	});
});
