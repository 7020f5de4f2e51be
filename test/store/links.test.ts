/**
 * A store on a shared drive reached through a link (the store README, "Sharing a folder"). A symbolic
 * link is written through: the change lands in the file it names, the link stays a link, and the lock
 * is the target's, so two people reaching one file by different paths share one lock. A hard link
 * cannot survive a rename-based save (the other name would keep the old version), so a file with more
 * than one name is refused with a sentence saying why and what to do: never silently split.
 * The same holds for the welfare file and the welfare drafts file.
 */
import {existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync} from 'node:fs';
import {readlinkSync, renameSync, statSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {chainPathFor} from '../../source/store/chain-path.js';
import {StoreError} from '../../source/store/errors.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {readWelfareDraft, saveWelfareDraft} from '../helpers/welfare-drafts.js';
import {appendWelfareNote, readWelfare, type WelfareNote} from '../../source/store/welfare-file.js';
import {smallStore} from './small-store.js';

const note = (id: string): WelfareNote => ({id, officerId: 'o1', date: '2026-11-30', by: 'o2', text: 'private'});
const draft = {officerId: 'o1', text: 'pending', updatedAt: '2026-11-30T09:00:00.000Z'};
const temps = (dir: string) => readdirSync(dir).filter(n => n.endsWith('.tmp'));

/** A store in `shared/`, and a folder `desk/` holding a relative symbolic link to it. */
async function linkedStore() {
	const {dir, file, data} = await smallStore(3);
	const shared = path.join(dir, 'shared');
	mkdirSync(shared);
	const real = path.join(shared, 'team.json');
	renameSync(file, real);
	// A store is two files, moved together (store README, "The review chain file").
	renameSync(chainPathFor(file), chainPathFor(real));
	const desk = path.join(dir, 'desk');
	mkdirSync(desk);
	const link = path.join(desk, 'team.json');
	symlinkSync('../shared/team.json', link);
	return {dir, shared, desk, real, link, data};
}

describe('a store reached through a symbolic link', () => {
	it('is written through: the link stays a link, the target holds the change, the lock is the target', async () => {
		const {shared, desk, real, link} = await linkedStore();
		const store = await openStore(link);
		let locks: {target: boolean; link: boolean} | null = null;
		await store.apply(d => {
			locks = {target: existsSync(`${real}.lock`), link: existsSync(`${link}.lock`)};
			return {...d, team: {...d.team, name: 'Through the link'}};
		});
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readlinkSync(link)).toBe('../shared/team.json');
		expect((await readStoreFile(real)).data.team.name).toBe('Through the link');
		expect(locks).toEqual({target: true, link: false});
		expect(temps(shared)).toEqual([]);
		expect(temps(desk)).toEqual([]);
		expect(await store.changedOnDisk()).toBe(false);
	});

	it('the welfare and drafts files behind links are written through too (a link to a file not made yet included)', async () => {
		const {shared, desk} = await linkedStore();
		const welfareLink = path.join(desk, 'team.welfare.json');
		const draftsLink = path.join(desk, 'team.welfare-drafts.json');
		// The shared copies do not exist yet: the first save creates them where the links point.
		symlinkSync(path.join(shared, 'team.welfare.json'), welfareLink);
		symlinkSync(path.join(shared, 'team.welfare-drafts.json'), draftsLink);
		await appendWelfareNote(welfareLink, note('n1'));
		await appendWelfareNote(welfareLink, note('n2'));
		await saveWelfareDraft(draftsLink, 'CR/1/26', draft);
		for (const [link, name] of [
			[welfareLink, 'team.welfare.json'],
			[draftsLink, 'team.welfare-drafts.json'],
		] as const) {
			expect(lstatSync(link).isSymbolicLink()).toBe(true);
			expect(statSync(path.join(shared, name)).mode & 0o777).toBe(0o600);
		}
		expect((await readWelfare(path.join(shared, 'team.welfare.json'))).notes.map(n => n.id)).toEqual(['n1', 'n2']);
		expect((await readWelfareDraft(path.join(shared, 'team.welfare-drafts.json'), 'CR/1/26'))?.text).toBe('pending');
		expect(temps(shared)).toEqual([]);
		expect(temps(desk)).toEqual([]);
	});
});

describe('a file with a second hard link', () => {
	it('a store opens read-only saying why and what to do; a save is refused and both names keep one file', async () => {
		const {dir, file} = await smallStore(3);
		const other = path.join(dir, 'copy-for-the-di.json');
		linkSync(file, other);
		const before = readFileSync(file);
		const store = await openStore(file);
		expect(store.readOnly).toBe(true);
		expect(store.readOnlyReason).toMatch(/has 2 names \(hard links\).*the other name would keep the old version.*ln -s/);
		const err = await store.apply(d => ({...d, team: {...d.team, name: 'Split'}})).catch(e => e as StoreError);
		expect(err).toBeInstanceOf(StoreError);
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(statSync(file).ino).toBe(statSync(other).ino);
		expect(statSync(file).nlink).toBe(2);
	});

	it('a save refuses when the second name appears after the store was opened: nothing written, no temp file', async () => {
		const {dir, file} = await smallStore(3);
		const store = await openStore(file);
		linkSync(file, path.join(dir, 'second-name.json'));
		const before = readFileSync(file);
		const err = await store.apply(d => ({...d, team: {...d.team, name: 'Split'}})).catch(e => e as StoreError);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).code).toBe('hard-link');
		expect((err as StoreError).message).toMatch(/has 2 names \(hard links\)/);
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(statSync(file).nlink).toBe(2);
		expect(temps(dir)).toEqual([]);
	});

	it('the welfare and drafts files refuse a save rather than split the link', async () => {
		const {dir} = await smallStore(1);
		const welfare = path.join(dir, 'team.welfare.json');
		const drafts = path.join(dir, 'team.welfare-drafts.json');
		await appendWelfareNote(welfare, note('n1'));
		await saveWelfareDraft(drafts, 'CR/1/26', draft);
		linkSync(welfare, path.join(dir, 'backup.welfare.json'));
		linkSync(drafts, path.join(dir, 'backup.welfare-drafts.json'));
		const [w, d] = [readFileSync(welfare), readFileSync(drafts)];
		// One at a time: both started at once, the second's refusal can land before anything awaits it (an
		// unhandled rejection in vitest's eyes, seen under load in a full run).
		for (const attempt of [() => appendWelfareNote(welfare, note('n2')), () => saveWelfareDraft(drafts, 'CR/2/26', draft)]) {
			const err = await attempt().catch(e => e as StoreError);
			expect(err).toBeInstanceOf(StoreError);
			expect((err as StoreError).code).toBe('hard-link');
			expect((err as StoreError).message).not.toContain('pending');
		}
		expect(readFileSync(welfare).equals(w)).toBe(true);
		expect(readFileSync(drafts).equals(d)).toBe(true);
		expect(statSync(welfare).nlink).toBe(2);
		expect(temps(dir)).toEqual([]);
	});
});
