/**
 * End to end: the BUILT CLI in a real terminal (tmux, private socket) on a copy of the demo store, as
 * the inspector (`--as "DI Okafor"`) with a signing key made by `fortnight keys init` (the store's first,
 * so every entry from then on must be signed). In the Team view, `d` goes to DC Ashworth's escalated
 * performance trigger ("not now" twice in a row) and the inspector records "not needed now" with a
 * reason. Afterwards the trigger has left the inspector's exception list (`fortnight log --format md`),
 * DC Doyle's is still there, and `fortnight verify` passes with the decision signed by the inspector.
 * Every wait polls the screen for what should appear (no fixed sleeps).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import {readStoreFile} from '../../source/store/index.js';
import {CLI, demoCopy, runCli, tempDir} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const TODAY = '2026-11-30';
const SOCKET = `fortnight-inspector-e2e-${process.pid}-${Date.now()}`;
const session = tmuxSession(SOCKET, 'di');
const {keys, type: text} = session;
// Waits for the desk are for whole frames: the checks after them read more of the screen than they waited for.
const {waitForFrame} = session;
/** The screen's text with its line breaks and borders taken out, so wrapped words are found. */
const joined = (s: string) => s.replace(/[│║]/g, ' ').replace(/\s+/g, ' ');
const see = (t: string) => waitForFrame(JSON.stringify(t), s => joined(s).includes(t));

/** The officers listed under "Unresolved performance triggers" in the inspector's Markdown log. */
function unresolved(store: string): string[] {
	const r = runCli(['log', '--format', 'md', '--store', store, '--today', TODAY]);
	expect(r.code, r.stderr).toBe(0);
	const section = r.stdout.split('#### Unresolved performance triggers')[1]?.split('\n#')[0] ?? '';
	return [...section.matchAll(/^\| (D[CSI] [^|]+?) \| (?:\d{4}-\d\d-\d\d|\d\d [A-Z][a-z]{2} \d{4}) \|[^|]+\| ([^|]+) \|/gm)].map(
		m => `${m[1]}: ${m[2]!.trim()}`,
	);
}

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])(
	'the inspector decides an escalated trigger in a real terminal (tmux)',
	() => {
		let store = '';
		const config = tempDir('fortnight-di-config-');

		beforeAll(() => {
			expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
			store = demoCopy().store;
			session.start([120, 36], {vars: {XDG_CONFIG_HOME: `${config}`, PS1: 'e2e$ '}});
		});

		afterAll(() => {
			session.kill();
		});

		it('d opens DC Ashworth\'s trigger; a signed "not needed now" takes it off the exception list', async () => {
			// The inspector's key, enrolled as the store's first: from now on every entry must be signed.
			const init = runCli(['keys', 'init', '--store', store, '--today', TODAY, '--as', 'DI Okafor'], {env: {XDG_CONFIG_HOME: config}});
			expect(init.code, init.stderr).toBe(0);
			expect(init.stdout).toContain("you are enrolled as the store's creator");
			const before = unresolved(store);
			expect(before).toContain('DC Sam Ashworth: escalated to the inspector (last decision: not needed now)');
			expect(before).toContain('DC Mark Doyle: no decision recorded');

			text(`${process.execPath} ${CLI} --store ${store} --today ${TODAY} --as "DI Okafor"`);
			keys('Enter');
			const desk = await waitForFrame('the desk with its problems', s => s.includes('» CASES') && /PROBLEMS\s+\d+ problems/.test(s));
			expect(desk).toContain('| as DI Okafor |');

			keys('2');
			await see('2 escalated triggers (d)');
			keys('d');
			await see('DC Ashworth\'s trigger is on the exception list ("not now" recorded twice in a row');
			keys('d');
			await see("Decide DC Sam Ashworth's escalated performance trigger, as DI Okafor");
			await see('On the exception list since 10 Nov');
			keys('2', 'Tab');
			text('Evidence reviewed with DS Brennan; two cases reallocated this week');
			keys('Enter');
			await see('y record / n not yet: Record "not needed now" for DC Sam Ashworth');
			keys('y');
			const done = joined(await see('Recorded "not needed now" for DC Ashworth'));
			expect(done).toMatch(/Recorded "not needed now" for DC Ashworth \(entry \d+, signed\)\. Next: DC Doyle \(d\); 1 waiting\./);
			await see('1 escalated trigger (d)');
			keys('q');
			await session.waitForScreen('the shell prompt', s => s.trimEnd().endsWith('e2e$'));

			const after = unresolved(store);
			expect(after.some(l => l.startsWith('DC Sam Ashworth'))).toBe(false);
			expect(after).toContain('DC Mark Doyle: no decision recorded');
			const verify = runCli(['verify', '--store', store]);
			expect(verify.code, verify.stdout + verify.stderr).toBe(0);
			const {data} = await readStoreFile(store);
			expect(data.chain.at(-1)).toMatchObject({
				kind: 'performance-decision',
				author: 'o0001',
				data: {officerId: 'o0003', by: 'o0001', decision: 'not-now'},
			});
		}, 120_000);
	},
);
