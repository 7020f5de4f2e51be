/**
 * --out never destroys data (README "Exports and --out"): not the store or its welfare, drafts, lock,
 * backup or temp files (by name, symbolic link or hard link), another file only with --force (atomically,
 * its mode kept), and a device or FIFO is written into, never replaced.
 */
import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import handoverCommand from '../../source/commands/handover.js';
import logCommand from '../../source/commands/log.js';
import {CLI, DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {runCommand} from './in-process.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const handover = (store: string, ...args: string[]) => runCli(['handover', '--store', store, '--today', DEMO_TODAY, ...args], {env: NOW});
const log = (store: string, ...args: string[]) => runCli(['log', '--store', store, '--today', DEMO_TODAY, ...args]);
const isRoot = process.getuid?.() === 0;

/** Every file in `dir` with its bytes and mode, to show a refusal wrote nothing anywhere. */
function snapshot(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		const st = lstatSync(full);
		files[name] = st.isFile() ? `${(st.mode & 0o777).toString(8)} ${readFileSync(full, 'base64')}` : st.isSymbolicLink() ? 'link' : 'other';
	}
	return files;
}

describe('--out never replaces the store or its own files', () => {
	it('the store itself: exit 2, one sentence, the store byte-identical (handover and log)', () => {
		const {store, dir} = demoCopy();
		const before = snapshot(dir);
		for (const r of [handover(store, '--out', store), log(store, '--out', store), handover(store, '--out', store, '--force')]) {
			expect(r.code, r.stderr).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toContain(`${store} is the store; an export never replaces it`);
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
		}
		expect(snapshot(dir)).toEqual(before);
	});

	it('the welfare file, even with --force: every note kept and never quoted', () => {
		const {store, dir, welfare} = demoCopy();
		const notes = (JSON.parse(readFileSync(welfare, 'utf8')) as {notes: {text: string}[]}).notes;
		const before = snapshot(dir);
		for (const r of [
			handover(store, '--out', welfare),
			log(store, '--out', welfare, '--force'),
			handover(store, '--out', welfare, '--include-welfare', '--yes'),
		]) {
			expect(r.code, r.stderr).toBe(2);
			expect(r.stderr).toContain("is the store's welfare notes file");
			for (const n of notes) expect(r.stderr + r.stdout).not.toContain(n.text);
		}
		expect(snapshot(dir)).toEqual(before);
	});

	it('a symbolic link to the store, and a hard link to it under another name', () => {
		const {store, dir} = demoCopy();
		const soft = path.join(dir, 'shortcut.json');
		symlinkSync(store, soft);
		const hard = path.join(dir, 'same-file.json');
		linkSync(store, hard);
		const elsewhere = path.join(dir, 'sub');
		mkdirSync(elsewhere);
		const farHard = path.join(elsewhere, 'copy.md');
		linkSync(path.join(dir, 'team.welfare.json'), farHard);
		const before = snapshot(dir);
		const viaSoft = log(store, '--out', soft, '--force');
		expect(viaSoft.code, viaSoft.stderr).toBe(2);
		expect(viaSoft.stderr).toContain(`${soft} is the store (it leads to ${store})`);
		const viaHard = handover(store, '--out', hard, '--force');
		expect(viaHard.code, viaHard.stderr).toBe(2);
		expect(viaHard.stderr).toContain(`${hard} is the store (a hard link to ${store})`);
		const viaFar = handover(store, '--out', farHard, '--force');
		expect(viaFar.code, viaFar.stderr).toBe(2);
		expect(viaFar.stderr).toContain("is the store's welfare notes file (a hard link to");
		expect(snapshot(dir)).toEqual(before);
		expect(lstatSync(soft).isSymbolicLink()).toBe(true);
	});

	it('the drafts file, a lock, a backup and a temp file, by name, whether they exist or not', async () => {
		const {store, dir} = demoCopy();
		writeFileSync(path.join(dir, 'team.json.bak-v1'), 'backup\n');
		const before = snapshot(dir);
		const targets = [
			'team.welfare-drafts.json',
			'team.json.lock',
			'team.welfare.json.lock',
			'team.json.bak-v1',
			'team.json.bak-v7',
			'.team.json.4242.0123456789ab.tmp',
			'.team.welfare.json.4242.0123456789ab.tmp',
		];
		for (const name of targets) {
			for (const command of [handoverCommand, logCommand]) {
				const r = await runCommand(command, store, [], {out: path.join(dir, name), force: true});
				expect(r.code, `${command.name} ${name}: ${r.stderr}`).toBe(2);
				expect(r.stderr).toContain('an export never replaces it');
			}
		}
		expect(snapshot(dir)).toEqual(before);
	});
});

describe('--out over any other file', () => {
	it('an existing file is refused without --force (unchanged), replaced with it keeping its mode', () => {
		const {store, dir} = demoCopy();
		const file = path.join(dir, 'notes.md');
		writeFileSync(file, 'my own notes\n');
		chmodSync(file, 0o640);
		const refused = handover(store, '--out', file);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain(`${file} already exists; it was not replaced. Add --force to replace it`);
		expect(readFileSync(file, 'utf8')).toBe('my own notes\n');

		const forced = handover(store, '--out', file, '--force');
		expect(forced.code, forced.stderr).toBe(0);
		expect(readFileSync(file, 'utf8')).toContain('## In your window, by date');
		expect(statSync(file).mode & 0o777).toBe(0o640);
		expect(readdirSync(dir).filter(n => n.endsWith('.tmp'))).toEqual([]);

		const csv = path.join(dir, 'log.csv');
		writeFileSync(csv, 'old\n');
		chmodSync(csv, 0o604);
		expect(log(store, '--out', csv).code).toBe(2);
		expect(readFileSync(csv, 'utf8')).toBe('old\n');
		expect(log(store, '--out', csv, '--force').code).toBe(0);
		expect(readFileSync(csv, 'utf8')).toContain('"Case ref"');
		expect(statSync(csv).mode & 0o777).toBe(0o604);
	});

	it('with welfare notes a replaced file becomes 0600 whatever its mode was', () => {
		const {store, dir} = demoCopy();
		const file = path.join(dir, 'sensitive.md');
		writeFileSync(file, 'old\n');
		chmodSync(file, 0o644);
		const r = handover(store, '--out', file, '--force', '--include-welfare', '--yes');
		expect(r.code, r.stderr).toBe(0);
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});

	it('a link to another file is written through: the link stays a link', () => {
		const {store, dir} = demoCopy();
		const real = path.join(dir, 'real.csv');
		writeFileSync(real, 'old\n');
		const link = path.join(dir, 'link.csv');
		symlinkSync(real, link);
		expect(log(store, '--out', link, '--force').code).toBe(0);
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readFileSync(real, 'utf8')).toContain('"Case ref"');
	});

	it('a new file gets mode 0600 exactly (handover, log)', () => {
		const {store, dir} = demoCopy();
		expect(handover(store, '--out', path.join(dir, 'h.md')).code).toBe(0);
		expect(log(store, '--out', path.join(dir, 'l.csv')).code).toBe(0);
		expect(statSync(path.join(dir, 'h.md')).mode & 0o777).toBe(0o600);
		expect(statSync(path.join(dir, 'l.csv')).mode & 0o777).toBe(0o600);
	});

	it('"-" is standard output', () => {
		const {store, dir} = demoCopy();
		const h = handover(store, '--out', '-');
		expect(h.code, h.stderr).toBe(0);
		expect(h.stdout).toContain('## In your window, by date');
		const l = log(store, '--format', 'md', '--out', '-');
		expect(l.code, l.stderr).toBe(0);
		expect(l.stdout).toContain('# ');
		expect(readdirSync(dir).sort()).toEqual(['team.json', 'team.welfare.json']);
	});
});

describe('--out to something that is not a regular file', () => {
	it.runIf(isRoot)('a character device (made with mknod) is written into and stays a device', () => {
		const {store, dir} = demoCopy();
		const device = path.join(dir, 'null');
		const made = spawnSync('mknod', [device, 'c', '1', '3']);
		expect(made.status, String(made.stderr)).toBe(0);
		chmodSync(device, 0o666);
		for (const r of [handover(store, '--out', device), log(store, '--out', device), handover(store, '--out', device, '--force')]) {
			expect(r.code, r.stderr).toBe(0);
			const st = lstatSync(device);
			expect(st.isCharacterDevice()).toBe(true);
			expect(st.mode & 0o777).toBe(0o666);
		}
		expect(readdirSync(dir).filter(n => n.endsWith('.tmp'))).toEqual([]);
	});

	it('a FIFO with a reader gets the whole export and stays a FIFO', async () => {
		const {store, dir} = demoCopy();
		const fifo = path.join(dir, 'pipe');
		expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
		const reader = spawn('cat', [fifo]);
		let got = '';
		reader.stdout.on('data', (d: Buffer) => (got += d.toString('utf8')));
		const done = new Promise(resolve => reader.on('close', resolve));
		const r = await new Promise<{code: number | null; stderr: string}>(resolve => {
			const child = spawn(process.execPath, [CLI, 'handover', '--store', store, '--today', DEMO_TODAY, '--out', fifo], {
				env: {...process.env, ...NOW, FORTNIGHT_STORE: '', NO_COLOR: '1'},
			});
			let stderr = '';
			child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
			child.on('close', code => resolve({code, stderr}));
		});
		// A FIFO replaced by a file leaves the reader waiting for a writer that never comes: stop it then.
		// 30 s, not 5: a reader killed early on a loaded machine loses the end of the text and fails the test.
		const timer = setTimeout(() => reader.kill(), 30_000);
		await done;
		clearTimeout(timer);
		expect(r.code, r.stderr).toBe(0);
		expect(got).toContain('## In your window, by date');
		expect(lstatSync(fifo).isFIFO()).toBe(true);
	});
});

describe('generate --out', () => {
	it('never replaces an existing welfare file, even with --force; nothing is written', () => {
		const {dir} = demoCopy();
		const out = path.join(dir, 'gen.json');
		const welfare = path.join(dir, 'gen.welfare.json');
		copyFileSync(path.join(dir, 'team.welfare.json'), welfare);
		const before = snapshot(dir);
		for (const force of [[], ['--force']]) {
			const r = runCli(['generate', '--cases', '5', '--out', out, '--today', DEMO_TODAY, ...force]);
			expect(r.code, r.stderr).toBe(2);
			expect(r.stderr).toContain(`${welfare} already exists`);
		}
		expect(snapshot(dir)).toEqual(before);
	});

	it('never replaces the current --store (exit 2), and replaces another store only with --force, keeping its mode', () => {
		const {store, dir} = demoCopy();
		const before = snapshot(dir);
		const r = runCli(['generate', '--cases', '5', '--out', store, '--store', store, '--force', '--today', DEMO_TODAY]);
		expect(r.code, r.stderr).toBe(2);
		expect(r.stderr).toContain('is the store');
		expect(snapshot(dir)).toEqual(before);

		const other = path.join(dir, 'other.json');
		writeFileSync(other, 'not mine to lose\n');
		chmodSync(other, 0o640);
		expect(runCli(['generate', '--cases', '5', '--out', other, '--today', DEMO_TODAY]).code).toBe(2);
		expect(readFileSync(other, 'utf8')).toBe('not mine to lose\n');
		const forced = runCli(['generate', '--cases', '5', '--out', other, '--force', '--today', DEMO_TODAY]);
		expect(forced.code, forced.stderr).toBe(0);
		expect(JSON.parse(readFileSync(other, 'utf8')).cases).toHaveLength(5);
		expect(statSync(other).mode & 0o777).toBe(0o640);
		expect(statSync(path.join(dir, 'other.welfare.json')).mode & 0o777).toBe(0o600);
	});
});
