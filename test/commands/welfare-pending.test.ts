/**
 * `fortnight welfare pending` (README "Welfare notes"): the caller's own welfare notes waiting to be filed,
 * with the review each belongs to, why it waits (the last failure's kind) and what happens next, the same
 * on the JSON file store (the drafts file) and on PostgreSQL (the database's pending notes, which only
 * their author reads). Never a note's words unless --with-text asks for them, and never anyone else's.
 * The demo team: o0001 DI Okafor (inspector), o0002 DS Brennan (sergeant); the notes' words are synthetic
 * markers, here only to prove they are left out.
 */
import {readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {addDays} from '../../source/domain/dates.js';
import type {StoreData} from '../../source/domain/model.js';
import {openDraft, saveDraft, type PendingRow} from '../../source/domain/review/index.js';
import {closePools} from '../../source/store/pg-connect.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {welfareDraftsPathFor, welfarePathFor} from '../../source/store/index.js';
import {createStoreFile} from '../../source/store/store.js';
import {changeWelfareDrafts, type PendingWelfareNote} from '../../source/store/welfare-drafts.js';
import {writeWelfare, type WelfareNote} from '../../source/store/welfare-file.js';
import {DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const TODAY = DEMO_TODAY;
const SERGEANT = 'o0002';
const INSPECTOR = 'o0001';
const MARK = {
	signedLocked: 'SYNTHETIC-PENDING-SIGNED-7801',
	inDraft: 'SYNTHETIC-PENDING-DRAFT-7802',
	leftBehind: 'SYNTHETIC-PENDING-LEFT-7803',
	moved: 'SYNTHETIC-PENDING-MOVED-7804',
	filed: 'SYNTHETIC-PENDING-FILED-7805',
	inspectors: 'SYNTHETIC-PENDING-INSPECTOR-7806',
} as const;
const at = (day: string, time = '10:00:00') => `${day}T${time}.000Z`;

/** The demo with DS Brennan's unsigned review of CR/32449/23 (DC Ashworth's) saved. */
function team(id: string): StoreData {
	const data = {...demoData(), team: {...demoData().team, id}};
	const {draft} = openDraft(data, 'CR/32449/23', SERGEANT, at(TODAY), TODAY);
	return saveDraft(data, draft, at(TODAY), TODAY);
}

/** One note in each state, DS Brennan's, and one of DI Okafor's (hers alone to see). */
const pending: PendingWelfareNote[] = [
	{
		caseRef: 'CR/87204/26',
		by: SERGEANT,
		officerId: 'o0003',
		date: addDays(TODAY, -3),
		text: MARK.signedLocked,
		updatedAt: at(addDays(TODAY, -3)),
		forReview: {seq: 40, id: 'wn-r40', date: addDays(TODAY, -3)},
		lastError: {kind: 'locked', at: at(addDays(TODAY, -3), '10:05:00')},
	},
	{caseRef: 'CR/32449/23', by: SERGEANT, officerId: 'o0003', date: TODAY, text: MARK.inDraft, updatedAt: at(TODAY)},
	{
		caseRef: 'CR/31909/26',
		by: SERGEANT,
		officerId: 'o0009',
		date: addDays(TODAY, -7),
		text: MARK.leftBehind,
		updatedAt: at(addDays(TODAY, -7)),
	},
	// About DC Marsh, who does not hold CR/32829/26 (DC Iqbal does).
	{
		caseRef: 'CR/32829/26',
		by: SERGEANT,
		officerId: 'o0006',
		date: addDays(TODAY, -20),
		text: MARK.moved,
		updatedAt: at(addDays(TODAY, -20)),
	},
	{
		caseRef: 'CR/54818/26',
		by: SERGEANT,
		officerId: 'o0010',
		date: addDays(TODAY, -2),
		text: MARK.filed,
		updatedAt: at(addDays(TODAY, -2)),
		forReview: {seq: 41, id: 'wn-r41', date: addDays(TODAY, -2)},
		lastError: {kind: 'read-back', at: at(addDays(TODAY, -2), '10:05:00')},
	},
	{
		caseRef: 'CR/16695/25',
		by: INSPECTOR,
		officerId: 'o0011',
		date: addDays(TODAY, -1),
		text: MARK.inspectors,
		updatedAt: at(addDays(TODAY, -1)),
	},
];
/** The welfare file holds the one filed after all (its waiting copy left behind). */
const filed: WelfareNote[] = [{id: 'wn-r41', officerId: 'o0010', date: addDays(TODAY, -2), by: SERGEANT, text: MARK.filed}];

/** The sergeant's rows as both stores list them, oldest first (why and next are asserted in words above). */
const sergeantsRows = () => {
	const row = (n: PendingWelfareNote, state: PendingRow['state']) => ({
		caseRef: n.caseRef,
		officerId: n.officerId,
		written: n.date,
		lastSaved: n.updatedAt,
		review: n.forReview ? {seq: n.forReview.seq, date: n.forReview.date} : null,
		state,
		lastError: n.lastError ?? null,
	});
	return [
		row(pending[3]!, 'officer-moved'),
		row(pending[2]!, 'left-behind'),
		row(pending[0]!, 'signed-not-filed'),
		row(pending[4]!, 'filed'),
		row(pending[1]!, 'in-draft'),
	];
};

interface Kind {
	name: string;
	skip: boolean;
	/** The command as the sergeant or the inspector, on this store. */
	run(who: 'sergeant' | 'inspector', ...args: string[]): ReturnType<typeof runCli>;
	onDatabase: boolean;
}

const dirs: string[] = [];
let jsonStore = '';
let cluster: Cluster | null = null;
const PG_TEAM = 'team-pending';
const pgUrl = (role: string) => `${cluster!.url('pending', role)}&team=${PG_TEAM}`;

const kinds: Kind[] = [
	{
		name: 'the JSON file store',
		skip: false,
		onDatabase: false,
		run: (who, ...args) =>
			runCli([
				'welfare',
				'pending',
				...args,
				'--store',
				jsonStore,
				'--today',
				TODAY,
				'--as',
				who === 'sergeant' ? 'DS Brennan' : 'DI Okafor',
			]),
	},
	{
		name: `the PostgreSQL store${postgresSkipReason}`,
		skip: skipPostgres,
		onDatabase: true,
		run: (who, ...args) =>
			runCli(['welfare', 'pending', ...args, '--store', pgUrl(who === 'sergeant' ? 'sgt_b' : 'di_o'), '--today', TODAY]),
	},
];

beforeAll(async () => {
	const dir = tempDir('fortnight-welfare-pending-');
	dirs.push(dir);
	jsonStore = path.join(dir, 'team.json');
	await createStoreFile(jsonStore, team('polit-east'));
	await writeWelfare(welfarePathFor(jsonStore), {schemaVersion: 1, notes: filed});
	await changeWelfareDrafts(jsonStore, () => pending);
	if (skipPostgres) return;
	cluster = startCluster();
	cluster.createDatabase('pending');
	await migrateDatabase(cluster.url('pending'));
	await insertWholeTeam(cluster.url('pending'), team(PG_TEAM), filed, pending);
	for (const [role, officer] of [
		['sgt_b', SERGEANT],
		['di_o', INSPECTOR],
	] as const) {
		psqlRows(cluster, 'pending', 'postgres', `CREATE ROLE ${role} LOGIN IN ROLE fortnight_officer`);
		psqlRows(cluster, 'pending', 'postgres', `INSERT INTO fortnight_logins VALUES ('${role}', '${PG_TEAM}', '${officer}')`);
	}
}, 240_000);
afterAll(async () => {
	await closePools();
	cluster?.stop();
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

for (const kind of kinds) {
	describe.skipIf(kind.skip)(`fortnight welfare pending on ${kind.name}`, () => {
		it("lists the sergeant's own waiting notes, each with its review, why and what next, and never a note's words", () => {
			const r = kind.run('sergeant');
			expect(r.code, r.stderr).toBe(0);
			expect(r.stderr).toBe('');
			for (const text of Object.values(MARK)) expect(r.stdout).not.toContain(text);
			expect(r.stdout).toMatch(/^5 welfare notes of yours are waiting to be filed \(/);
			expect(r.stdout).toContain(kind.onDatabase ? "(the database's pending welfare notes):" : `(${welfareDraftsPathFor(jsonStore)}):`);
			// The signed review's note, with the failure's kind in words and what will happen.
			expect(r.stdout).toContain('CR/87204/26  about DC Sam Ashworth  written 27 Nov  with your review signed 27 Nov (chain entry 40)');
			expect(r.stdout).toContain(
				'  why:  your review signed on 27 Nov could not file it: the welfare file was locked by another save (27 Nov).',
			);
			expect(r.stdout).toContain(
				'  next: It is filed with your review of CR/87204/26 signed on 27 Nov the next time you open or sign a review of CR/87204/26' +
					(kind.onDatabase
						? " at the desk, while you may still review it (a cover: on the dates you cover); after that, the database's owner can file it from its pending row (fortnight_welfare_pending), as welfare note wn-r40."
						: ' at the desk.'),
			);
			expect(r.stdout).toContain('  why:  your review of CR/32449/23 is not signed yet.');
			expect(r.stdout).toContain(
				'  next: It is put back into step 6 of your next review of CR/31909/26: sign it with that review, or clear it there.',
			);
			expect(r.stdout).toContain('DC Helen Marsh no longer holds CR/32829/26, so it is not put into a review of it');
			expect(r.stdout).toContain('  next: Its waiting copy is removed the next time you open a review of CR/54818/26; nothing to do.');
			// The inspector's note is hers: not listed, not counted, not hinted at.
			expect(r.stdout).not.toContain('CR/16695/25');
		});

		it('--json gives the same rows on both stores, oldest first; --with-text adds your own words only', () => {
			const r = kind.run('sergeant', '--json');
			expect(r.code, r.stderr).toBe(0);
			const rows = JSON.parse(r.stdout) as PendingRow[];
			expect(rows).toMatchObject(sergeantsRows());
			for (const row of rows) expect(row).not.toHaveProperty('text');
			for (const text of Object.values(MARK)) expect(r.stdout).not.toContain(text);

			const withText = kind.run('sergeant', '--with-text');
			expect(withText.code, withText.stderr).toBe(0);
			for (const text of [MARK.signedLocked, MARK.inDraft, MARK.leftBehind, MARK.moved, MARK.filed])
				expect(withText.stdout).toContain(text);
			expect(withText.stdout).not.toContain(MARK.inspectors);
		});

		it("the inspector sees her own note only, and not the sergeant's", () => {
			const r = kind.run('inspector', '--json');
			expect(r.code, r.stderr).toBe(0);
			const rows = JSON.parse(r.stdout) as PendingRow[];
			expect(rows.map(x => [x.caseRef, x.state])).toEqual([['CR/16695/25', 'left-behind']]);
			for (const text of Object.values(MARK)) expect(r.stdout).not.toContain(text);
		});

		it('refuses words and record-only options with exit 2, changing nothing', () => {
			const before = kind.onDatabase ? '' : readFileSync(welfareDraftsPathFor(jsonStore), 'utf8');
			for (const [args, says] of [
				[['CR/87204/26'], 'welfare pending takes no words'],
				[['--kind', 'check-in'], '--kind is for welfare record'],
			] as const) {
				const r = kind.run('sergeant', ...args);
				expect(r.code).toBe(2);
				expect(r.stderr).toContain(says);
				expect(r.stdout).toBe('');
			}
			if (!kind.onDatabase) expect(readFileSync(welfareDraftsPathFor(jsonStore), 'utf8')).toBe(before);
		});
	});
}

describe('fortnight welfare pending: who you are, and an encrypted drafts file', () => {
	it('someone fortnight cannot name is refused with exit 2; the listing changes no file', () => {
		const before = readFileSync(welfareDraftsPathFor(jsonStore), 'utf8');
		const r = runCli(['welfare', 'pending', '--store', jsonStore, '--today', TODAY, '--as', 'Nobody Here']);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(readFileSync(welfareDraftsPathFor(jsonStore), 'utf8')).toBe(before);
	});

	it('an encrypted drafts file is listed with FORTNIGHT_WELFARE_KEY, and without it exit 3 says to set it, quoting no note', async () => {
		const dir = tempDir('fortnight-welfare-pending-key-');
		dirs.push(dir);
		const store = path.join(dir, 'team.json');
		await createStoreFile(store, team('polit-east'));
		const key = () => Promise.resolve('synthetic passphrase 7807');
		await writeWelfare(welfarePathFor(store), {schemaVersion: 1, notes: filed}, key);
		await changeWelfareDrafts(store, () => pending, key);
		const args = ['welfare', 'pending', '--store', store, '--today', TODAY, '--as', 'DS Brennan'];
		const without = runCli(args);
		expect(without.code).toBe(3);
		expect(without.stderr).toContain('FORTNIGHT_WELFARE_KEY');
		for (const text of Object.values(MARK)) expect(without.stdout + without.stderr).not.toContain(text);
		const withKey = runCli([...args, '--json'], {env: {FORTNIGHT_WELFARE_KEY: 'synthetic passphrase 7807'}});
		expect(withKey.code, withKey.stderr).toBe(0);
		expect((JSON.parse(withKey.stdout) as PendingRow[]).map(x => x.state)).toEqual([
			'officer-moved',
			'left-behind',
			'signed-not-filed',
			'filed',
			'in-draft',
		]);
	});
});
