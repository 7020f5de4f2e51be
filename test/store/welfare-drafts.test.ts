import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {readWelfareDraft, saveWelfareDraft} from '../../source/store/welfare-drafts.js';
import {tempDir} from '../helpers/cli.js';

describe('welfare drafts file', () => {
	const saved = process.env['FORTNIGHT_WELFARE_KEY'];
	afterEach(() => {
		if (saved === undefined) delete process.env['FORTNIGHT_WELFARE_KEY'];
		else process.env['FORTNIGHT_WELFARE_KEY'] = saved;
	});

	it('is encrypted at rest when FORTNIGHT_WELFARE_KEY is set, mode 0600, and refuses without the key', async () => {
		process.env['FORTNIGHT_WELFARE_KEY'] = 'correct horse battery staple';
		const file = path.join(tempDir(), 'team.welfare-drafts.json');
		await saveWelfareDraft(file, 'CR/1/26', {officerId: 'o1', text: 'PRIVATE HEALTH NOTE', updatedAt: '2026-11-30T09:00:00.000Z'});
		expect(readFileSync(file, 'utf8')).not.toContain('PRIVATE');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect((await readWelfareDraft(file, 'CR/1/26'))?.text).toBe('PRIVATE HEALTH NOTE');
		const before = readFileSync(file);
		delete process.env['FORTNIGHT_WELFARE_KEY'];
		await expect(readWelfareDraft(file, 'CR/1/26')).rejects.toThrow(/encrypted/);
		await expect(saveWelfareDraft(file, 'CR/2/26', {officerId: 'o1', text: 'x', updatedAt: '2026-11-30T09:00:00.000Z'})).rejects.toThrow(/encrypted/);
		expect(readFileSync(file)).toEqual(before);
	}, 60_000);

	it('stays plain without a key', async () => {
		delete process.env['FORTNIGHT_WELFARE_KEY'];
		const file = path.join(tempDir(), 'team.welfare-drafts.json');
		await saveWelfareDraft(file, 'CR/1/26', {officerId: 'o1', text: 'note', updatedAt: '2026-11-30T09:00:00.000Z'});
		expect((await readWelfareDraft(file, 'CR/1/26'))?.text).toBe('note');
	});
});
