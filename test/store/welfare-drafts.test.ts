import {existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {StoreError} from '../../source/store/errors.js';
import {openStore} from '../../source/store/store.js';
import {changeWelfareDrafts, openWelfareDrafts, readWelfareDrafts, welfareDraftsPathFor} from '../../source/store/welfare-drafts.js';
import type {PendingWelfareNote} from '../../source/store/welfare-drafts.js';
import {appendWelfareNote, readWelfare, WELFARE_KEY_ENV, writeWelfare} from '../../source/store/welfare-file.js';
import {demoCopy, tempDir} from '../helpers/cli.js';

/** Obviously synthetic: never real-looking welfare text in a test. */
const MARKER = 'SYNTHETIC-NOTE-MARKER-4417';
const pending = (over: Partial<PendingWelfareNote> = {}): PendingWelfareNote => ({
	caseRef: 'CR/1/26',
	by: 'o2',
	officerId: 'o1',
	date: '2026-11-30',
	text: MARKER,
	updatedAt: '2026-11-30T09:00:00.000Z',
	...over,
});
const add = (note: PendingWelfareNote) => (notes: readonly PendingWelfareNote[]) => [...notes, note];
const notFiled = () => false;

/** Every byte of every file under `dir` (hidden files, temp files, lock folders included). */
function folderBytes(dir: string): string {
	let out = '';
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		out += statSync(full).isDirectory() ? folderBytes(full) : readFileSync(full, 'latin1');
	}
	return out;
}

describe('welfare drafts file', () => {
	afterEach(() => {
		delete process.env[WELFARE_KEY_ENV];
	});

	it('is encrypted at rest when FORTNIGHT_WELFARE_KEY is set, mode 0600, and refuses without the key', async () => {
		process.env[WELFARE_KEY_ENV] = 'correct horse battery staple';
		const store = path.join(tempDir(), 'team.json');
		const file = welfareDraftsPathFor(store);
		await changeWelfareDrafts(store, add(pending()));
		expect(readFileSync(file, 'utf8')).not.toContain(MARKER);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect((await readWelfareDrafts(store)).map(n => n.text)).toEqual([MARKER]);
		const before = readFileSync(file);
		delete process.env[WELFARE_KEY_ENV];
		await expect(readWelfareDrafts(store)).rejects.toThrow(/encrypted/);
		await expect(changeWelfareDrafts(store, add(pending({caseRef: 'CR/2/26'})))).rejects.toThrow(/encrypted/);
		expect(readFileSync(file)).toEqual(before);
	}, 60_000);

	it('stays plain without a key on a team whose welfare file is plain', async () => {
		const store = path.join(tempDir(), 'team.json');
		await changeWelfareDrafts(store, add(pending({text: 'plain'})));
		const written = JSON.parse(readFileSync(welfareDraftsPathFor(store), 'utf8'));
		expect(written).toMatchObject({schemaVersion: 2, pending: [{caseRef: 'CR/1/26', by: 'o2', text: 'plain'}]});
	});

	it('never writes a note in clear beside an encrypted welfare file: with no key set, nothing is written at all', async () => {
		const dir = tempDir();
		const store = path.join(dir, 'team.json');
		await writeWelfare(path.join(dir, 'team.welfare.json'), {schemaVersion: 1, notes: []}, 'team passphrase');
		const err = await changeWelfareDrafts(store, add(pending())).catch(e => e as StoreError);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).code).toBe('welfare-key');
		expect((err as StoreError).message).toMatch(
			/team\.welfare\.json is encrypted and FORTNIGHT_WELFARE_KEY is not set, so no welfare note can be kept/,
		);
		expect(existsSync(welfareDraftsPathFor(store))).toBe(false);
		expect(folderBytes(dir)).not.toContain(MARKER);
	}, 60_000);

	it('refuses a key that does not open the welfare file (it would lock the note away under another passphrase)', async () => {
		const dir = tempDir();
		const store = path.join(dir, 'team.json');
		await writeWelfare(path.join(dir, 'team.welfare.json'), {schemaVersion: 1, notes: []}, 'team passphrase');
		process.env[WELFARE_KEY_ENV] = 'a wrong passphrase';
		const refused = /FORTNIGHT_WELFARE_KEY does not open .*team\.welfare\.json, so no welfare note can be kept/;
		await expect(changeWelfareDrafts(store, add(pending()))).rejects.toThrow(refused);
		expect(existsSync(welfareDraftsPathFor(store))).toBe(false);
		const access = await openWelfareDrafts(store, notFiled);
		expect(access.ok).toBe(false);
		if (!access.ok) expect(access.reason).toMatch(/does not open/);
	}, 60_000);

	it('with the welfare file encrypted and its key set, the drafts file is encrypted with the same key (the welfare file\u2019s salt)', async () => {
		const dir = tempDir();
		const store = path.join(dir, 'team.json');
		await writeWelfare(path.join(dir, 'team.welfare.json'), {schemaVersion: 1, notes: []}, 'team passphrase');
		process.env[WELFARE_KEY_ENV] = 'team passphrase';
		await changeWelfareDrafts(store, add(pending()));
		const drafts = JSON.parse(readFileSync(welfareDraftsPathFor(store), 'utf8'));
		const welfare = JSON.parse(readFileSync(path.join(dir, 'team.welfare.json'), 'utf8'));
		expect(drafts.format).toBe('fortnight-welfare-encrypted');
		expect(drafts.kdf.salt).toBe(welfare.kdf.salt);
		expect(folderBytes(dir)).not.toContain(MARKER);
		const access = await openWelfareDrafts(store, notFiled);
		expect(access).toMatchObject({ok: true, encrypted: true});
		if (access.ok) expect(access.pending.map(n => n.text)).toEqual([MARKER]);
	}, 60_000);

	it('says why no note can be kept when the team is encrypted and no key is set', async () => {
		const dir = tempDir();
		const store = path.join(dir, 'team.json');
		await writeWelfare(path.join(dir, 'team.welfare.json'), {schemaVersion: 1, notes: []}, 'team passphrase');
		const access = await openWelfareDrafts(store, notFiled);
		expect(access.ok).toBe(false);
		if (!access.ok)
			expect(access.reason).toMatch(/is encrypted and FORTNIGHT_WELFARE_KEY is not set, so no welfare note can be kept .* Quit, set/);
	}, 60_000);

	it('a pending note already in the welfare file (filed, then a crash before its copy was removed) is dropped on open, not offered again', async () => {
		const dir = tempDir();
		const store = path.join(dir, 'team.json');
		await changeWelfareDrafts(store, add(pending()));
		await changeWelfareDrafts(store, add(pending({caseRef: 'CR/2/26', text: 'another'})));
		await appendWelfareNote(path.join(dir, 'team.welfare.json'), {
			id: 'wn-r9',
			officerId: 'o1',
			date: '2026-11-30',
			by: 'o2',
			text: MARKER,
		});
		const access = await openWelfareDrafts(store, (p, n) => p.text === n.text && p.by === n.by);
		expect(access.ok && access.pending.map(n => n.caseRef)).toEqual(['CR/2/26']);
		expect((await readWelfareDrafts(store)).map(n => n.caseRef)).toEqual(['CR/2/26']);
		// Filing again with the same id does not add it twice.
		await appendWelfareNote(path.join(dir, 'team.welfare.json'), {
			id: 'wn-r9',
			officerId: 'o1',
			date: '2026-11-30',
			by: 'o2',
			text: MARKER,
		});
		expect((await readWelfare(path.join(dir, 'team.welfare.json'))).notes).toHaveLength(1);
	});

	it('keeps a note\u2019s mark as its signed review\u2019s, and still reads a version 2 file written before marks existed (REVIEW-6 D2)', async () => {
		const store = path.join(tempDir(), 'team.json');
		const unmarked = pending();
		writeFileSync(welfareDraftsPathFor(store), JSON.stringify({schemaVersion: 2, pending: [unmarked]}), {mode: 0o600});
		expect(await readWelfareDrafts(store)).toEqual([unmarked]);
		const marked = pending({text: 'marked', forReview: {seq: 612, id: 'wn-r612', date: '2026-11-30'}});
		await changeWelfareDrafts(store, add(marked));
		expect(await readWelfareDrafts(store)).toEqual([unmarked, marked]);
		const bad = {schemaVersion: 2, pending: [{...marked, forReview: {seq: 'x', id: '', date: 'soon'}}]};
		writeFileSync(welfareDraftsPathFor(store), JSON.stringify(bad), {mode: 0o600});
		await expect(readWelfareDrafts(store)).rejects.toThrow(/not in the expected form/);
	});

	it('reads a version 1 file (one note per case, no author) and writes it back as version 2, keeping every note', async () => {
		const store = path.join(tempDir(), 'team.json');
		const v1 = {schemaVersion: 1, pending: {'CR/1/26': {officerId: 'o1', text: MARKER, updatedAt: '2026-11-25T09:00:00.000Z'}}};
		writeFileSync(welfareDraftsPathFor(store), JSON.stringify(v1), {mode: 0o600});
		expect(await readWelfareDrafts(store)).toEqual([pending({by: null, date: '2026-11-25', updatedAt: '2026-11-25T09:00:00.000Z'})]);
		await changeWelfareDrafts(store, add(pending({caseRef: 'CR/2/26', text: 'second'})));
		const back = JSON.parse(readFileSync(welfareDraftsPathFor(store), 'utf8'));
		expect(back.schemaVersion).toBe(2);
		expect(back.pending.map((n: PendingWelfareNote) => [n.caseRef, n.by, n.text])).toEqual([
			['CR/1/26', null, MARKER],
			['CR/2/26', 'o2', 'second'],
		]);
	});
});

describe('welfare temp files left by a killed write', () => {
	it('are swept when the store is opened, like the store\u2019s own (only once older than a minute)', async () => {
		const {dir, store} = demoCopy();
		const old = Date.now() / 1000 - 3600;
		const stale = [`.team.welfare.json.4242.0123456789ab.tmp`, `.team.welfare-drafts.json.4242.ba9876543210.tmp`];
		const young = `.team.welfare.json.4243.cafecafecafe.tmp`;
		const copy = JSON.stringify({schemaVersion: 1, notes: [{text: MARKER}]});
		for (const name of [...stale, young]) writeFileSync(path.join(dir, name), copy, {mode: 0o600});
		for (const name of stale) utimesSync(path.join(dir, name), old, old);
		// Not ours: a look-alike name is left alone.
		writeFileSync(path.join(dir, '.team.welfare.json.notes.tmp'), 'x');
		await openStore(store);
		const left = readdirSync(dir);
		for (const name of stale) expect(left).not.toContain(name);
		expect(left).toContain(young);
		expect(left).toContain('.team.welfare.json.notes.tmp');
	});
});
