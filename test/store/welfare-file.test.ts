import {statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {appendWelfareNote, readWelfare, WELFARE_MODE, writeWelfare} from '../../source/store/welfare-file.js';
import {tempDir} from '../helpers/cli.js';

describe('welfare file', () => {
	it('is created and kept at mode 0600 on every write path', async () => {
		const file = path.join(tempDir(), 'team.welfare.json');
		await appendWelfareNote(file, {id: 'n1', officerId: 'o1', date: '2026-11-30', by: 'o2', text: 'private'});
		expect(statSync(file).mode & 0o777).toBe(WELFARE_MODE);
		await appendWelfareNote(file, {id: 'n2', officerId: 'o1', date: '2026-11-30', by: 'o2', text: 'private 2'});
		expect(statSync(file).mode & 0o777).toBe(WELFARE_MODE);
		await writeWelfare(file, {schemaVersion: 1, notes: []});
		expect(statSync(file).mode & 0o777).toBe(WELFARE_MODE);
	});

	it('never echoes note text in its errors', async () => {
		const file = path.join(tempDir(), 'team.welfare.json');
		writeFileSync(file, '{"schemaVersion":1,"notes":[{"text":"SECRET HEALTH DETAIL"');
		const err = await readWelfare(file).catch(e => e as Error);
		expect(err).toBeInstanceOf(Error);
		expect(String((err as Error).message)).not.toContain('SECRET');
	});
});
