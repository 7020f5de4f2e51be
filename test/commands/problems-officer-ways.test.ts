/**
 * QA 4 R-l: `fortnight problems --as Iqbal` prints the ways only her sergeant may take with `--as` naming
 * him, and each runs as printed (README "Acting on a problem": a printed command is one its reader can run).
 */
import {rmSync} from 'node:fs';
import {describe, expect, it, onTestFinished} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';

describe("an officer's own problems (QA 4 R-l)", () => {
	it('prints her sergeant\'s ways with --as "DS Brennan" and "for DS Brennan to do"; run as printed, they are not refused', () => {
		const {dir, store} = demoCopy();
		onTestFinished(() => rmSync(dir, {recursive: true, force: true}));
		const run = (...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY]);
		const text = run('problems', '--as', 'Iqbal');
		expect(text.code, text.stderr).toBe(0);
		const flat = text.stdout.replace(/ \\\n\s+/g, ' ').replace(/\s+/g, ' ');
		expect(flat).toContain('fortnight absence change ab0002 --cover NAME --as "DS Brennan"');
		expect(flat).toContain('fortnight bail record CR/25310/26 --event re-bailed --return D --as "DS Brennan"');
		expect(flat).toContain('(guided review) (for DS Brennan to do)');
		expect(flat).not.toMatch(/desk: r on/);
		const json = JSON.parse(run('problems', '--as', 'Iqbal', '--json').stdout) as {resolve: {command: string | null}[]}[];
		const commands = json.flatMap(p => p.resolve.map(w => w.command)).filter((c): c is string => c !== null);
		expect(commands.filter(c => c.startsWith('fortnight bail record') || c.startsWith('fortnight absence change'))).not.toHaveLength(0);
		for (const c of commands) if (!c.startsWith('fortnight import')) expect(c, c).toMatch(/ --as "DS Brennan"$/);
		// As printed, with what the reader supplies.
		const rebail = run('bail', 'record', 'CR/25310/26', '--event', 're-bailed', '--return', '2026-12-20', '--as', 'DS Brennan');
		expect(rebail.code, rebail.stderr).toBe(0);
		const cover = run('absence', 'change', 'ab0002', '--cover', 'Marsh', '--as', 'DS Brennan');
		expect(cover.code, cover.stderr).toBe(0);
	});
});

describe('problems --as a supervisor: only the ways they may take, or who can (deskword)', () => {
	it("DS Brennan's own check-in is DI Okafor's: no desk key for him, text or JSON; his team's ways keep theirs", () => {
		const {dir, store} = demoCopy();
		try {
			const run = (...args: string[]) => runCli([...args, '--store', store, '--today', '2026-12-04', '--as', 'DS Brennan']);
			type Way = {way: string; desk: {key: string} | null; command: string | null};
			const json = JSON.parse(run('problems', '--json').stdout) as {id: string; resolve: Way[]}[];
			const own = json.find(p => p.id === 'welfare-check-in-due:o0002')!;
			expect(own.resolve).toHaveLength(1);
			expect(own.resolve[0]).toMatchObject({way: 'welfare-record', desk: null, command: expect.stringMatching(/ --as "DI Okafor"$/)});
			expect(json.find(p => p.id === 'review-overdue:CR/25310/26')!.resolve[0]!.desk).not.toBeNull();
			const text = run('problems');
			expect(text.code, text.stderr).toBe(0);
			const at = text.stdout.indexOf('[welfare-check-in-due:o0002]');
			const block = text.stdout.slice(text.stdout.lastIndexOf('\n\n', at), at);
			expect(block).toContain('--as "DI Okafor"');
			expect(block).not.toContain('desk: w');
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
