/**
 * Every command fortnight prints to clear a problem (README "Acting on a problem") is one the person who
 * acts can run: run as printed from `problems` (its own `--as` when it names one, else as the person who
 * supervises the problem's officer that day: their line manager, or the cover named for the manager's
 * days away), none is refused for permission. On the demo, the demo with the sergeant's cover acting,
 * and generated stores.
 */
import {cpSync, rmSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {addDays} from '../../source/domain/dates.js';
import type {StoreData} from '../../source/domain/model.js';
import {absenceLookup, awayOn, shortName} from '../../source/domain/people.js';
import {lineManagerOf} from '../../source/domain/permissions.js';
import type {Problem} from '../../source/domain/problem.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {generateStore} from '../../source/generate/generate.js';
import {signer} from '../../source/store/chain.js';
import {createStoreFile} from '../../source/store/store.js';
import {DEMO_TODAY, demoCopy, tempDir} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {runPrinted} from '../helpers/printed-command.js';

/** The sentences a permission refusal is made of (source/domain/permissions.ts, independence.ts). */
const REFUSED =
	/does not supervise|cannot record their own|no one supervises|is not .*'s line manager|only .* can decide|cannot name themselves|is the named cover|so cannot|cannot record an absence|reads their own cases only/;

/**
 * Who acts on `p` on `today` when its command names nobody: whoever supervises the problem's officer that
 * day (the sergeant for their own problems), or the cover named for their days away.
 */
function actorFor(data: StoreData, p: Problem, today: string): string {
	const officer = p.subject.officerId;
	// A sergeant reads their own problems (their absence, their check-in): the one at the keyboard is them.
	const self = data.officers.find(o => o.id === officer);
	const manager = p.subject.type === 'supervisor' || self?.role !== 'investigator' ? self : lineManagerOf(data, officer);
	const id = manager?.id ?? data.team.inspectorId ?? data.team.sergeantId;
	const away = awayOn(absenceLookup(data.absences), id, today);
	const acting = away ? (away.coverId ?? data.team.inspectorId ?? id) : id;
	return shortName(data.officers.find(o => o.id === acting));
}

/** What the person supplies: an officer at work who is neither the actor nor the problem's officer, dates after today. */
function filler(data: StoreData, p: Problem, today: string, actor: string) {
	const away = absenceLookup(data.absences);
	const other = data.officers.find(
		o =>
			o.role === 'investigator' &&
			o.leftUnit === null &&
			o.id !== p.subject.officerId &&
			shortName(o) !== actor &&
			!awayOn(away, o.id, today) &&
			!data.absences.some(a => a.officerId === o.id && (a.to === null || a.to >= today)),
	)!;
	const inspector = shortName(data.officers.find(o => o.id === data.team.inspectorId));
	return (word: string, flag: string | null): string => {
		if (word.includes('|')) return word.split('|')[0]!;
		if (word === 'NAME') return flag === 'authorised-by' ? inspector : shortName(other);
		if (word === 'OFFICER') return shortName(other);
		if (word === 'RANK') return 'inspector';
		if (word === 'D') return addDays(today, 10);
		if (word === 'TEXT') return 'Printed command run as printed';
		if (word === 'REF') return data.cases.find(c => c.oicId === p.subject.officerId && c.status !== 'closed')?.ref ?? 'CR/00000/00';
		return word;
	};
}

/** Runs every distinct printed command (imports aside: the records system's, not a permission) on a fresh copy. */
async function refusals(file: string, data: StoreData, today: string, ran = {count: 0}): Promise<string[]> {
	const out: string[] = [];
	const seen = new Set<string>();
	const dir = tempDir('fortnight-printed-');
	for (const p of findProblems(data, today)) {
		for (const way of p.resolve ?? []) {
			if (!way.command || way.way === 'import') continue;
			const actor = actorFor(data, p, today);
			const key = `${way.command} as ${actor}`;
			if (seen.has(key)) continue;
			seen.add(key);
			// The store with its chain and welfare files, fresh for each command, and gone once it has run: kept
			// to the end of the file, the copies came to 330 MB (77 of the 130-case store's alone, 157 MB).
			const copy = path.join(dir, `run-${seen.size}`);
			cpSync(path.dirname(file), copy, {recursive: true});
			const r = await runPrinted(way.command, path.join(copy, path.basename(file)), today, actor, filler(data, p, today, actor));
			rmSync(copy, {recursive: true, force: true});
			if (r.code === 0) ran.count++;
			else if (REFUSED.test(r.stderr)) out.push(`${p.id}: "${way.command}" as ${r.as}: ${r.stderr.trim()}`);
		}
	}
	return out;
}

async function storeOf(data: StoreData): Promise<string> {
	const file = path.join(tempDir('fortnight-printed-'), 'team.json');
	await createStoreFile(file, data);
	return file;
}

describe('every printed command runs for the person who acts (README "Acting on a problem")', () => {
	it('the demo on 30 Nov', async () => {
		const {store} = demoCopy();
		const ran = {count: 0};
		expect(await refusals(store, demoData(), DEMO_TODAY, ran)).toEqual([]);
		expect(ran.count, 'commands that ran and saved').toBeGreaterThan(10);
	}, 120_000);

	it('the demo with DC Carter covering DS Brennan (01-04 Dec), on 01 Dec', async () => {
		const data = structuredClone(demoData());
		data.absences.push({
			...data.absences[1]!,
			id: 'ab0005',
			from: '2026-12-01',
			to: '2026-12-04',
			reason: 'annual-leave',
			coverOfficerId: 'o0009',
		});
		expect(await refusals(await storeOf(data), data, '2026-12-01')).toEqual([]);
	}, 120_000);

	it('generated stores of one and two teams', async () => {
		for (const [cases, seed] of [
			[60, 'printed-a'],
			[130, 'printed-b'],
		] as const) {
			const {data} = generateStore({cases, seed, referenceDate: DEMO_TODAY}, signer);
			expect(await refusals(await storeOf(data), data, DEMO_TODAY), `${cases} cases, seed ${seed}`).toEqual([]);
		}
	}, 300_000);
});
