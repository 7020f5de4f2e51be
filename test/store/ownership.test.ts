/**
 * A shared store keeps its owner, group and mode across saves (the store README, "Sharing a folder"):
 * a save by the other sergeant, or by root, must not hand the file to whoever saved it and lock its
 * owner out. When the system does not let fortnight keep them, the save is refused before the rename,
 * with a sentence saying why, and nothing is written. The same for the welfare and drafts files.
 * Files can be given to another user only by root, so the chown cases run as root (as in CI here).
 */
import {chmodSync, chownSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {journalPathFor} from '../../source/store/chain-path.js';
import {StoreError} from '../../source/store/errors.js';
import {realFs, type WriteFs} from '../../source/store/file-system.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {saveWelfareDraft} from '../helpers/welfare-drafts.js';
import {appendWelfareNote, readWelfare} from '../../source/store/welfare-file.js';
import {smallStore} from './small-store.js';

const isRoot = process.getuid?.() === 0;
const OTHER = 1234;
const owner = (file: string) => {
	const st = statSync(file);
	return {uid: st.uid, gid: st.gid, mode: st.mode & 0o777};
};
const rename = (name: string) => (d: StoreData) => ({...d, team: {...d.team, name}});
const eperm = () => Object.assign(new Error('EPERM: operation not permitted, fchown'), {code: 'EPERM', syscall: 'fchown'});

describe('owner, group and mode across a save', () => {
	it('a mode changed after the store was opened is kept at the next save', async () => {
		const {file} = await smallStore(2);
		const store = await openStore(file);
		chmodSync(file, 0o664); // the other sergeant opened it up to the team while this desk was open
		await store.apply(rename('Mode kept'));
		expect(owner(file).mode).toBe(0o664);
	});

	it.runIf(isRoot)("a save by root keeps the store's owner and group (another user's, 1234:1234) and mode", async () => {
		const {file} = await smallStore(2);
		chownSync(file, OTHER, OTHER);
		chmodSync(file, 0o660);
		const store = await openStore(file);
		await store.apply(rename('Saved by root'));
		expect(owner(file)).toEqual({uid: OTHER, gid: OTHER, mode: 0o660});
		expect((await readStoreFile(file)).data.team.name).toBe('Saved by root');
	});

	it.runIf(isRoot)('the welfare and drafts files keep their owner and group (and stay 0600)', async () => {
		const {dir} = await smallStore(1);
		const welfare = path.join(dir, 'team.welfare.json');
		const drafts = path.join(dir, 'team.welfare-drafts.json');
		await appendWelfareNote(welfare, {id: 'n1', officerId: 'o1', date: '2026-11-30', by: 'o2', text: 'private'});
		await saveWelfareDraft(drafts, 'CR/1/26', {officerId: 'o1', text: 'pending', updatedAt: '2026-11-30T09:00:00.000Z'});
		chownSync(welfare, OTHER, OTHER);
		chownSync(drafts, OTHER, OTHER);
		await appendWelfareNote(welfare, {id: 'n2', officerId: 'o1', date: '2026-11-30', by: 'o2', text: 'private'});
		await saveWelfareDraft(drafts, 'CR/2/26', {officerId: 'o1', text: 'pending', updatedAt: '2026-11-30T09:00:00.000Z'});
		expect(owner(welfare)).toEqual({uid: OTHER, gid: OTHER, mode: 0o600});
		expect(owner(drafts)).toEqual({uid: OTHER, gid: OTHER, mode: 0o600});
		expect((await readWelfare(welfare)).notes).toHaveLength(2);
	});

	it.runIf(isRoot)('when the owner and group cannot be kept (chown refused), the save is refused before the rename', async () => {
		const {dir, file} = await smallStore(2);
		chownSync(file, OTHER, OTHER);
		chmodSync(file, 0o660);
		const before = readFileSync(file);
		let chowns = 0;
		const refusing: WriteFs = {
			...realFs,
			chown: async () => {
				chowns++;
				throw eperm();
			},
		};
		const store = await openStore(file, {fs: refusing});
		const err = await store.apply(rename('Not allowed')).catch(e => e as StoreError);
		expect(chowns).toBeGreaterThan(0);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).code).toBe('permission');
		expect((err as StoreError).message).toMatch(new RegExp(`would change its owner from uid ${OTHER}.*to .*root.*nothing was saved`));
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(owner(file)).toEqual({uid: OTHER, gid: OTHER, mode: 0o660});
		expect(readdirSync(dir).filter(n => n.endsWith('.tmp'))).toEqual([]);
		expect(store.snapshot().team.name).not.toBe('Not allowed');
	});

	it.runIf(isRoot)('group kept but not the owner: a group-shared file (0660) is saved, an owner-only one (0640) refused', async () => {
		// What an ordinary sergeant's system allows: chown to a group they belong to, never to another user.
		const groupOnly: WriteFs = {
			...realFs,
			chown: async (h, uid, gid) => {
				if (uid !== -1) throw eperm();
				return realFs.chown(h, uid, gid);
			},
		};
		const shared = await smallStore(2);
		chownSync(shared.file, OTHER, OTHER);
		chmodSync(shared.file, 0o660);
		await (await openStore(shared.file, {fs: groupOnly})).apply(rename('Group kept'));
		// The save starts the journal (README "The journal"): the saver owns it, but it takes the state's group
		// and mode, so the team reaches it as before; the state file is not rewritten.
		expect(owner(journalPathFor(shared.file))).toEqual({uid: 0, gid: OTHER, mode: 0o660});
		expect(owner(shared.file)).toEqual({uid: OTHER, gid: OTHER, mode: 0o660});
		// A compaction rewrites the state: then the owner becomes the saver, the group and mode kept.
		await (await openStore(shared.file, {fs: groupOnly, compactBytes: 1})).apply(rename('Compacted'));
		expect(owner(shared.file)).toEqual({uid: 0, gid: OTHER, mode: 0o660});

		const personal = await smallStore(2);
		chownSync(personal.file, OTHER, OTHER);
		chmodSync(personal.file, 0o640);
		const before = readFileSync(personal.file);
		const err = await (await openStore(personal.file, {fs: groupOnly})).apply(rename('Owner only')).catch(e => e as StoreError);
		expect((err as StoreError).code).toBe('permission');
		expect(readFileSync(personal.file).equals(before)).toBe(true);
		expect(owner(personal.file)).toEqual({uid: OTHER, gid: OTHER, mode: 0o640});
	});
});
