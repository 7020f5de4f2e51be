import {cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {ROOT, tempDir} from './helpers/cli.js';

/**
 * A copy of the built package in a temp folder, so the first-run copy never touches the repo's data/.
 * It is laid out as a clone (a .git folder), where the working store is data/store.json; installed as
 * a package the store goes to the XDG data folder instead (test/e2e/install.test.ts).
 */
function installedCopy(): string {
	const dir = tempDir('fortnight-pkg-');
	mkdirSync(path.join(dir, '.git'));
	cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), {recursive: true});
	mkdirSync(path.join(dir, 'data'));
	cpSync(path.join(ROOT, 'data', 'demo.json'), path.join(dir, 'data', 'demo.json'));
	cpSync(path.join(ROOT, 'data', 'demo.welfare.json'), path.join(dir, 'data', 'demo.welfare.json'));
	cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	return dir;
}

describe('first run', () => {
	it('copies the demo to the working store, moves its dates to today, and says so', () => {
		const dir = installedCopy();
		const run = () =>
			spawnSync(process.execPath, [path.join(dir, 'dist', 'cli.js'), 'verify', '--today', '2026-12-07'], {
				encoding: 'utf8',
				env: {...process.env, FORTNIGHT_STORE: '', FORTNIGHT_TODAY: undefined},
			});
		const r = run();
		expect(r.status).toBe(0);
		expect(r.stderr).toContain('copied the demo team');
		const store = path.join(dir, 'data', 'store.json');
		expect(existsSync(store)).toBe(true);
		const demo = JSON.parse(readFileSync(path.join(dir, 'data', 'demo.json'), 'utf8'));
		const copy = JSON.parse(readFileSync(store, 'utf8'));
		expect(copy.referenceDate).toBe('2026-12-07');
		expect(copy.cases[0].nextReviewDue).not.toBe(demo.cases[0].nextReviewDue);
		expect(copy.settings.bailRegimeChangeDate).toBe('2022-10-28');
		expect(statSync(path.join(dir, 'data', 'store.welfare.json')).mode & 0o777).toBe(0o600);
		// Second run: the working store exists, nothing is copied again.
		const again = run();
		expect(again.status).toBe(0);
		expect(again.stderr).not.toContain('copied');
	});

	it('leaves a welfare file already there alone (its store moved away) and says so', () => {
		const dir = installedCopy();
		const welfare = path.join(dir, 'data', 'store.welfare.json');
		const notes = '{"schemaVersion":1,"notes":[{"id":"wn1","officerId":"o0003","date":"2026-11-02","by":"o0002","text":"a real note"}]}\n';
		writeFileSync(welfare, notes, {mode: 0o600});
		const r = spawnSync(process.execPath, [path.join(dir, 'dist', 'cli.js'), 'verify', '--today', '2026-12-07'], {
			encoding: 'utf8',
			env: {...process.env, FORTNIGHT_STORE: '', FORTNIGHT_TODAY: undefined},
		});
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toContain('copied the demo team');
		expect(r.stderr).toContain(`${welfare} already existed and was left as it is`);
		expect(r.stderr).not.toContain('a real note');
		expect(readFileSync(welfare, 'utf8')).toBe(notes);
		expect(existsSync(path.join(dir, 'data', 'store.json'))).toBe(true);
	});
});
