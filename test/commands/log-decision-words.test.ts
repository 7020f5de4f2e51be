/**
 * QA pass 3, R3: the log's "Unresolved performance triggers" said "(last decision: not-now)" and
 * `decision "not-now" recorded 11 Oct`. Sentences use the review's words; the JSON keeps the stored value.
 */
import {describe, expect, it} from 'vitest';
import log from '../../source/commands/log.js';
import {demoCopy} from '../helpers/cli.js';
import {runCommand} from './in-process.js';

describe('log: performance decisions in words', () => {
	it('Markdown and HTML say "not needed now"; JSON keeps "not-now"', async () => {
		const {store} = demoCopy();
		const md = await runCommand(log, store, [], {format: 'md'});
		expect(md.code, md.stderr).toBe(0);
		expect(md.stdout).toContain('DC Sam Ashworth | 27 May 2024 | 917 days | escalated to the inspector (last decision: not needed now)');
		expect(md.stdout).toContain('decision "not needed now" recorded 11 Oct by DS Brennan');
		expect(md.stdout).not.toContain('not-now');
		const html = await runCommand(log, store, [], {format: 'html'});
		expect(html.stdout).toContain('(last decision: not needed now)');
		expect(html.stdout).not.toContain('not-now');
		const json = await runCommand(log, store, [], {format: 'json'});
		expect(json.stdout).toContain('"lastDecision": "not-now"');
	});
});
