/**
 * The desk signs the supervisory records it makes (README "Signed records", issue 17): in a store with
 * enrolled keys, b on the lapsed-bail problem records how bail ended as a `record` chain entry signed
 * with the sergeant's own enrolled key, and `verify` vouches for it; a sergeant whose key is not
 * enrolled gets the store's refusal and nothing is saved.
 */
import {describe, expect, it} from 'vitest';
import type {RecordEntry} from '../../../source/domain/model.js';
import {openStore} from '../../../source/store/store.js';
import {actorAs} from '../../helpers/actor.js';
import {DEMO_TODAY, demoCopy, runCli} from '../../helpers/cli.js';
import {enrolKey} from '../../helpers/keys.js';
import {savedBytes, savedData} from '../../helpers/saved-store.js';
import {KEYS, ready, renderDesk} from '../desk-harness.js';

const REF = 'CR/54818/26';
// A save appends to the journal beside the state file (store README, "The journal"): read the store as saved.
const records = (file: string) => savedData(file).chain.filter((e): e is RecordEntry => e.kind === 'record');

/** From the Problems panel filtered to the lapsed bail, b on its detail, and how it ended (charged). */
async function recordCharged(h: ReturnType<typeof renderDesk>): Promise<void> {
	await ready(h);
	await h.press(KEYS.shiftTab);
	await h.type('/54818');
	let f = await h.press(KEYS.enter);
	const rows = f.split('\n').filter(l => /[│║][› ] (CRITICAL|RED|AMBER|INFO)\s/.test(l));
	const at = rows.findIndex(l => l.includes(`CRITICAL ${REF}`));
	expect(at, f).toBeGreaterThanOrEqual(0);
	for (let i = 0; i < at; i++) await h.press('j');
	f = await h.press(KEYS.enter);
	expect(f).toContain('b record a bail event');
	f = await h.press('b');
	expect(f).toContain(`RECORD BAIL ${REF}`);
	await h.press(KEYS.enter);
	await h.press(KEYS.enter);
}

describe('the desk signs the records it makes', () => {
	it("b records how bail ended as a record entry signed with the sergeant's enrolled key; verify vouches for it", async () => {
		const {store: file} = demoCopy();
		const di = await enrolKey(file, 'o0001');
		const ds = await enrolKey(file, 'o0002', di.key);
		const store = await openStore(file);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 200, rows: 45}, actor: actorAs('o0002', ds.key)});
		await recordCharged(h);
		await h.waitFor('Recorded');
		h.app.unmount();
		const [entry, ...more] = records(file);
		expect(more).toEqual([]);
		expect(entry).toMatchObject({author: 'o0002', data: {record: 'bail-event', by: 'o0002', caseRef: REF, event: {event: 'charged'}}});
		expect(entry!.sig).toMatch(/^[A-Za-z0-9+/]{86}==$/);
		const v = runCli(['verify', '--store', file, '--today', DEMO_TODAY]);
		expect(v.code, v.stdout).toBe(0);
		expect(v.stdout).toContain('1 record signed by its author');
		const shown = runCli(['case', 'show', REF, '--store', file, '--today', DEMO_TODAY]);
		expect(shown.stdout.replace(/\s+/g, ' ')).toMatch(
			/Bail event 30 Nov 2026: charged; recorded by DS Tom Brennan\. Signed with DS Tom Brennan's key \(entry \d+\)\./,
		);
	});

	it('a sergeant with no enrolled key is refused by the store, in its sentence, and nothing is saved', async () => {
		const {store: file} = demoCopy();
		await enrolKey(file, 'o0001');
		const store = await openStore(file);
		const bytes = savedBytes(file);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 200, rows: 45}, actor: actorAs('o0002')});
		await recordCharged(h);
		const f = await h.waitFor('Not saved');
		expect(f.replace(/\s+/g, ' ')).toMatch(/is not signed, but every entry after the first key enrolment must be signed/);
		h.app.unmount();
		expect(savedBytes(file).equals(bytes)).toBe(true);
	});
});
