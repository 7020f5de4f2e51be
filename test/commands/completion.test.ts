/** Shell completion and the man page: generated from the commands themselves, checked by the real tools. */
import {spawnSync} from 'node:child_process';
import {chmodSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, demoCopy, ROOT, runCli, tempDir} from '../helpers/cli.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('fortnight completion', () => {
	it.skipIf(!has('bash'))('bash: complete -p after sourcing it, commands, options, and officers and refs from the store', () => {
		const {store} = demoCopy();
		const bin = tempDir();
		// `fortnight` on PATH as the completion script calls it for officers and refs.
		writeFileSync(path.join(bin, 'fortnight'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" --store "${store}" "$@"\n`);
		chmodSync(path.join(bin, 'fortnight'), 0o755);
		const script = runCli(['completion', 'bash']).stdout;
		writeFileSync(path.join(bin, 'c.bash'), script);
		const complete = (words: string[]) => {
			const r = spawnSync(
				'bash',
				[
					'-c',
					`source ${bin}/c.bash; COMP_WORDS=(${words.map(w => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _fortnight; printf '%s\\n' "\${COMPREPLY[@]}"`,
				],
				{encoding: 'utf8', env: {...process.env, PATH: `${bin}:${process.env['PATH']}`}},
			);
			return r.stdout.trim().split('\n').filter(Boolean);
		};
		expect(spawnSync('bash', ['-c', `source ${bin}/c.bash; complete -p fortnight`], {encoding: 'utf8'}).stdout.trim()).toBe(
			'complete -F _fortnight fortnight',
		);
		expect(complete(['fortnight', 'pro'])).toEqual(['problems']);
		expect(complete(['fortnight', 'problems', '--j'])).toEqual(['--json']);
		expect(complete(['fortnight', 'handover', '--cover', 'Mar'])).toEqual(['Marsh']);
		expect(complete(['fortnight', 'whoami', '--as', 'o00'])).toEqual([]);
		expect(complete(['fortnight', 'absence', 'add', 'Ash'])).toEqual(['Ashworth']);
	});

	it('zsh and fish scripts are printed; an unknown shell is a usage error', () => {
		expect(runCli(['completion', 'zsh']).stdout).toMatch(/^#compdef fortnight/);
		expect(runCli(['completion', 'fish']).stdout).toContain(
			'complete -c fortnight -l as -x -a "(fortnight completion --values officers 2>/dev/null)"',
		);
		const r = runCli(['completion', 'tcsh']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('Name one shell: fortnight completion bash|zsh|fish.');
	});
});

describe('the man page (dist/fortnight.1, from the help text)', () => {
	it.skipIf(!has('groff'))("renders with groff -man without warnings and holds every command's help", () => {
		const page = path.join(ROOT, 'dist', 'fortnight.1');
		const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', page], {encoding: 'utf8'});
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		const text = r.stdout.replace(/.\x08/g, '');
		for (const cmd of ['problems', 'handover', 'log', 'verify', 'import', 'absence', 'whoami', 'keys', 'completion'])
			expect(text).toContain(`fortnight ${cmd}`);
		expect(text).toContain('--as OFFICER');
	});
});
