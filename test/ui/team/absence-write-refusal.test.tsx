/**
 * An absence the person at the keyboard may not record is refused when the desk saves it, in the words
 * `fortnight absence add` uses for the same thing (permissions.ts mayChangeAbsence, checked by both: README
 * "Who may change absences and cover"), with nothing saved and the form kept. The form opens (the sergeant
 * may record DC Iqbal's absence); what is refused is the cover typed into it, which only the save sees,
 * or what another user changed while the form was open (checked again under the store's lock).
 */
import {readFileSync, rmSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {openStore} from '../../../source/store/store.js';
import {deskModel} from '../../../source/ui/model/desk-model.js';
import {teamRows} from '../../../source/ui/team/team-rows.js';
import {demoCopy, DEMO_TODAY, runCli} from '../../helpers/cli.js';
import {actorAs} from '../../helpers/actor.js';
import {KEYS, ready, renderDesk} from '../desk-harness.js';

const BRENNAN = 'o0002';
const ASHWORTH = 'o0003';
const IQBAL = 'o0004';
const MARSH = 'o0006';
const SHAH = 'o0008';
const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

/** The frame's text with its line breaks and box edges taken out, so a sentence the form wraps reads whole. */
const unwrapped = (frame: string) =>
	frame
		.split('\n')
		.map(l => l.replace(/[│┃║]/g, ' ').trim())
		.join(' ')
		.replace(/\s+/g, ' ');

describe('the desk refuses an absence the actor may not record, as the command line does', () => {
	it('the sergeant naming himself as cover for DC Iqbal: the CLI’s sentence, nothing saved, what was typed kept', async () => {
		const copy = demoCopy();
		dirs.push(copy.dir);
		const cli = runCli([
			'absence',
			'add',
			'DC Iqbal',
			'--from',
			'2026-12-01',
			'--to',
			'2026-12-05',
			'--reason',
			'sick',
			'--cover',
			'DS Brennan',
			'--as',
			'DS Brennan',
			'--store',
			copy.store,
			'--today',
			DEMO_TODAY,
		]);
		expect(cli.code).toBe(2);
		const reason = cli.stderr.replace(/^fortnight: /, '').replace(/ Nothing was saved\.\n$/, '');
		expect(reason).toMatch(/^DS Brennan cannot name themselves as cover for DC Iqbal's absence: /);

		const before = readFileSync(copy.store);
		const store = await openStore(copy.store);
		const data = store.snapshot();
		const h = renderDesk({store, data, actor: actorAs(BRENNAN), size: {columns: 200, rows: 40}});
		await ready(h);
		await h.press('2');
		const row = teamRows(deskModel(data, DEMO_TODAY, BRENNAN)).findIndex(r => r.officer.id === IQBAL);
		for (let i = 0; i < row; i++) await h.press('j');
		let f = await h.press('a');
		expect(f).toContain('Record an absence for DC Priya Iqbal');
		await h.type('2026-12-01');
		await h.press(KEYS.tab);
		// Days DS Brennan is at work (away from 10 Dec), so the form's own check of the cover passes.
		await h.type('2026-12-05');
		for (let i = 0; i < 2; i++) f = await h.press(KEYS.tab);
		expect(f).toContain('› Cover');
		await h.type('DS Brennan');
		await h.press(KEYS.enter);
		f = await h.waitFor(x => unwrapped(x).includes(`Not saved: ${reason}`));
		expect(unwrapped(f)).toContain('What you typed is kept.');
		expect(f).toContain('Record an absence for DC Priya Iqbal');
		expect(readFileSync(copy.store).equals(before)).toBe(true);
		h.app.unmount();
	});

	it('DC Marsh, no longer the cover when she saves (changed meanwhile by the inspector), is refused as `absence change` refuses her', async () => {
		const copy = demoCopy();
		dirs.push(copy.dir);
		const today = '2026-12-15';
		const coverOfBrennan = (id: string) => (d: StoreData) => ({
			...d,
			absences: d.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: id} : a)),
		});
		const store = await openStore(copy.store);
		// DS Brennan away from 10 Dec with DC Marsh covering: on 15 Dec she supervises DC Ashworth, so the form opens.
		await store.apply(coverOfBrennan(MARSH));
		const data = store.snapshot();
		const h = renderDesk({store, data, actor: actorAs(MARSH), today, size: {columns: 200, rows: 40}});
		await ready(h);
		await h.press('2');
		const row = teamRows(deskModel(data, today, MARSH)).findIndex(r => r.officer.id === ASHWORTH);
		for (let i = 0; i < row; i++) await h.press('j');
		let f = await h.press('c');
		expect(f).toContain('Change ab0003, the absence of DC Sam Ashworth');
		// Meanwhile, at another keyboard, DC Shah is named instead.
		const other = await openStore(copy.store);
		await other.apply(coverOfBrennan(SHAH));
		const before = readFileSync(copy.store);
		const cli = runCli(['absence', 'change', 'ab0003', '--to', '2026-12-20', '--as', 'DC Marsh', '--store', copy.store, '--today', today]);
		expect(cli.code).toBe(2);
		const reason = cli.stderr.replace(/^fortnight: /, '').replace(/ Nothing was saved\.\n$/, '');
		expect(reason).toMatch(/^DC Marsh does not supervise DC Ashworth on 15 Dec, so cannot change DC Ashworth's absence ab0003: /);
		await h.press(KEYS.tab);
		await h.type('2026-12-20');
		for (let i = 0; i < 2; i++) f = await h.press(KEYS.tab);
		expect(f).toContain('› Cover');
		await h.press(KEYS.enter);
		f = await h.waitFor(x => unwrapped(x).includes(`Not saved: ${reason}`));
		expect(f).toContain('Change ab0003, the absence of DC Sam Ashworth');
		expect(readFileSync(copy.store).equals(before)).toBe(true);
		h.app.unmount();
	});
});
