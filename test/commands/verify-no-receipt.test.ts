/**
 * Validation receipts are not proof (REVIEW-9 N6; store README "Checked once"): `verify`, the audit, checks
 * in full whatever receipt there is, and every other read takes a receipt only from a folder lstat'ed as a
 * directory of this user's own with no group or other permission (a shared, world-writable XDG_CACHE_HOME is
 * passed over in silence, and the store checked in full).
 */
import {spawnSync} from 'node:child_process';
import {chmodSync, readdirSync, readFileSync, realpathSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, ROOT, runCli, tempDir} from '../helpers/cli.js';

/** A demo copy whose first case names an officer who does not exist (invalid), and a receipt for its bytes planted in `cache`. */
function invalidWithReceipt(cache: string) {
	const {store} = demoCopy();
	const d = JSON.parse(readFileSync(store, 'utf8'));
	d.cases[0].oicId = 'o9999';
	writeFileSync(store, JSON.stringify(d, null, '\t'));
	const env = {XDG_CACHE_HOME: cache, XDG_CONFIG_HOME: tempDir()};
	// Whoever can write the folder plants the receipt: its hashes are of public things only.
	const plant = spawnSync(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			`const r = await import(${JSON.stringify(path.join(ROOT, 'dist/store/receipts.js'))}); const fs = await import('node:fs');
			 await r.writeReceipt(${JSON.stringify(realpathSync(store))}, r.contentHash(fs.readFileSync(${JSON.stringify(store)})));`,
		],
		{env: {...process.env, ...env}, encoding: 'utf8'},
	);
	expect(plant.status, plant.stderr).toBe(0);
	return {store, env};
}

describe('receipts are not proof (REVIEW-9 N6)', () => {
	it('verify checks an invalid store in full even with a receipt for its bytes in a folder of this user', () => {
		const cache = tempDir();
		const {store, env} = invalidWithReceipt(cache);
		const folder = path.join(cache, 'fortnight', 'checked');
		// The folder is this user's own, 0700: a read other than verify's would take the receipt.
		expect(readFileSync(path.join(folder, readdirSync(folder)[0]!), 'utf8')).toMatch(/^[0-9a-f]{64} [0-9a-f]{64}\n$/);
		const problems = runCli(['problems', '--store', store, '--today', DEMO_TODAY, '--as', 'Okafor'], {env});
		expect(problems.code, 'the planted receipt in our own folder is taken by an ordinary read').toBe(0);
		const verify = runCli(['verify', '--store', store, '--today', DEMO_TODAY], {env});
		expect(verify.code, verify.stdout).toBe(3);
		expect(verify.stderr).toContain('at /cases/0/oicId, the officer in the case named here is not an officer in this store');
	});

	it('a receipt in a world-writable cache folder is passed over by every read, in silence', () => {
		const shared = path.join(tempDir(), 'shared-cache');
		const {store, env} = invalidWithReceipt(shared);
		// The receipt was written while the folder was 0700 (fortnight writes none in another); now anyone may write there.
		const folder = path.join(shared, 'fortnight', 'checked');
		expect(readdirSync(folder)).toHaveLength(1);
		chmodSync(folder, 0o777);
		const problems = runCli(['problems', '--store', store, '--today', DEMO_TODAY, '--as', 'Okafor'], {env});
		expect(problems.code).toBe(3);
		expect(problems.stderr).toContain('at /cases/0/oicId, the officer in the case named here is not an officer in this store');
		expect(problems.stderr).not.toMatch(/receipt|cache/i);
		expect(runCli(['verify', '--store', store, '--today', DEMO_TODAY], {env}).code).toBe(3);
	});
});
