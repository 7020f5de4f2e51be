/**
 * Shell completion offers only what the person at the keyboard may read (README "Who may read what"),
 * under the same read scope as every command (commands/read-scope.ts): an officer their own live cases
 * and themselves, the sergeant, the inspector and a cover on their days the whole team, and someone the
 * read scope refuses nothing at all (exit 2, nothing on standard output).
 */
import {spawnSync} from 'node:child_process';
import {chmodSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {CLI, DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';

/** Inside DC Marsh's cover of DS Brennan's absence ab0002 (10 Dec 2026 to 4 Feb 2027), once she is named. */
const COVERED = '2026-12-15';

let store: string;
const values = (kind: string, as: string | null, today = DEMO_TODAY, env: NodeJS.ProcessEnv = {}) =>
	runCli(['completion', '--values', kind, '--store', store, '--today', today, ...(as === null ? [] : ['--as', as])], {env});
const lines = (text: string) => text.split('\n').filter(Boolean);

const demo = demoData();
const live = demo.cases.filter(c => c.status !== 'closed');
const liveOf = (officerId: string) => live.filter(c => c.oicId === officerId).map(c => c.ref);

beforeAll(() => {
	store = demoCopy().store;
	const named = runCli([
		'absence',
		'change',
		'ab0002',
		'--cover',
		'DC Marsh',
		'--as',
		'DI Okafor',
		'--store',
		store,
		'--today',
		DEMO_TODAY,
	]);
	expect(named.code, named.stderr).toBe(0);
});

describe('completion --values: what the reader may read', () => {
	it('an officer (DC Iqbal) is offered their own live cases and themselves, no colleague and no colleague case', () => {
		const refs = values('refs', 'Iqbal');
		expect(refs.code, refs.stderr).toBe(0);
		expect(liveOf('o0004').length).toBeGreaterThan(0);
		expect(lines(refs.stdout)).toEqual(liveOf('o0004'));
		expect(refs.stdout).not.toContain('CR/88397/26'); // DC Doyle's
		const officers = values('officers', 'Iqbal');
		expect(officers.code).toBe(0);
		expect(lines(officers.stdout)).toEqual(['Iqbal']);
	});

	it('FORTNIGHT_USER names the reader as it does for every command', () => {
		const r = values('refs', null, DEMO_TODAY, {FORTNIGHT_USER: 'o0004'});
		expect(r.code, r.stderr).toBe(0);
		expect(lines(r.stdout)).toEqual(liveOf('o0004'));
	});

	it('the sergeant and the inspector are offered every live case and every officer', () => {
		for (const as of ['DS Brennan', 'DI Okafor']) {
			const refs = values('refs', as);
			expect(refs.code, refs.stderr).toBe(0);
			expect(lines(refs.stdout)).toEqual(live.map(c => c.ref));
			expect(lines(values('officers', as).stdout)).toHaveLength(demo.officers.length);
		}
	});

	it('a cover reads the team on the days they cover, and only their own cases outside them', () => {
		expect(lines(values('refs', 'Marsh', COVERED).stdout)).toEqual(live.map(c => c.ref));
		expect(lines(values('refs', 'Marsh', DEMO_TODAY).stdout)).toEqual(liveOf('o0006'));
	});

	it('someone the read scope refuses (an --as, or FORTNIGHT_USER, naming nobody) is offered nothing, exit 2', () => {
		for (const kind of ['refs', 'officers']) {
			const r = values(kind, 'Nobody At All');
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			const env = values(kind, null, DEMO_TODAY, {FORTNIGHT_USER: 'Nobody At All'});
			expect(env.code).toBe(2);
			expect(env.stdout).toBe('');
		}
	});

	it('an unknown kind is a usage error before the store is read', () => {
		const r = values('welfare', 'DS Brennan');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--values takes officers or refs.');
	});
});

describe.skipIf(spawnSync('sh', ['-c', 'command -v bash']).status !== 0)('the bash script completes within the read scope', () => {
	it('case show completes an officer to their own references only, and nobody unknown to none', () => {
		const bin = tempDir();
		writeFileSync(
			path.join(bin, 'fortnight'),
			`#!/bin/sh\nexec "${process.execPath}" "${CLI}" --store "${store}" --today ${DEMO_TODAY} "$@"\n`,
		);
		chmodSync(path.join(bin, 'fortnight'), 0o755);
		writeFileSync(path.join(bin, 'c.bash'), runCli(['completion', 'bash']).stdout);
		const complete = (words: string[], user: string) =>
			lines(
				spawnSync(
					'bash',
					[
						'-c',
						`source ${bin}/c.bash; COMP_WORDS=(${words.map(w => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _fortnight; printf '%s\\n' "\${COMPREPLY[@]}"`,
					],
					{encoding: 'utf8', env: {...process.env, PATH: `${bin}:${process.env['PATH']}`, FORTNIGHT_USER: user}},
				).stdout,
			);
		expect(complete(['fortnight', 'case', 'show', 'CR/'], 'Iqbal')).toEqual(liveOf('o0004'));
		expect(complete(['fortnight', 'case', 'show', 'CR/'], 'Brennan')).toEqual(live.map(c => c.ref));
		expect(complete(['fortnight', 'case', 'show', 'CR/'], 'Nobody At All')).toEqual([]);
		expect(complete(['fortnight', 'handover', '--cover', 'Mar'], 'Iqbal')).toEqual([]);
	});
});
