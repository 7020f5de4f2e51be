/** The desk's export keys write through the store's writeExport (README "Exports and --out"). */
import {readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ExportRefused} from '../../source/store/store.js';
import {writeFreshExport} from '../../source/ui/desk/export-file.js';
import {tempDir} from '../helpers/cli.js';

describe("the desk's export file", () => {
	it('is a new file beside the store, mode 0600, passing over any name already taken (a link to nowhere too)', async () => {
		const dir = tempDir();
		const store = path.join(dir, 'team.json');
		writeFileSync(store, '{}\n');
		writeFileSync(path.join(dir, 'review-log.csv'), 'earlier export\n');
		symlinkSync(path.join(dir, 'gone.csv'), path.join(dir, 'review-log-2.csv'));
		const file = await writeFreshExport(store, 'review-log.csv', 'rows\n');
		expect(file).toBe(path.join(dir, 'review-log-3.csv'));
		expect(readFileSync(file, 'utf8')).toBe('rows\n');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(readFileSync(path.join(dir, 'review-log.csv'), 'utf8')).toBe('earlier export\n');
		expect(readdirSync(dir).filter(n => n.endsWith('.tmp'))).toEqual([]);
	});

	it("never writes one of the store's own files, even one not made yet", async () => {
		const dir = tempDir();
		const store = path.join(dir, 'team.json');
		writeFileSync(store, '{}\n');
		const err = await writeFreshExport(store, 'team.welfare.json', 'rows\n').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ExportRefused);
		expect((err as Error).message).toContain("the store's welfare notes file");
		expect(readdirSync(dir)).toEqual(['team.json']);
	});
});
