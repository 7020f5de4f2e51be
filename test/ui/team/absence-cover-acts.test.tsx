/**
 * QA 9 D1 at the desk: the inspector moving DS Brennan's last day back before the check-ins DC Marsh made as
 * his cover is refused in the form's words (its Last day, not the command line's --to), naming her records
 * by id and date, and nothing is saved (absence-refusal-words.ts; README "Absences").
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {openStore} from '../../../source/store/store.js';
import {deskModel} from '../../../source/ui/model/desk-model.js';
import {teamRows} from '../../../source/ui/team/team-rows.js';
import {actorAs} from '../../helpers/actor.js';
import {demoCopy, runCli} from '../../helpers/cli.js';
import {KEYS, ready, renderDesk} from '../desk-harness.js';

const OKAFOR = 'o0001';
const BRENNAN = 'o0002';
const TODAY = '2026-12-14';

const run = (store: string, today: string, as: string, ...args: string[]) =>
	runCli(['--store', store, '--today', today, '--as', as, ...args], {env: {FORTNIGHT_NOW: `${today}T09:00:00Z`}});

const unwrapped = (frame: string) =>
	frame
		.split('\n')
		.map(l => l.replace(/[│┃║]/g, ' ').trim())
		.join(' ')
		.replace(/\s+/g, ' ');

describe("the desk refuses a last day that leaves the cover's acts outside her cover (QA 9 D1)", () => {
	it('says it with the Last day field, names the records, and saves nothing', async () => {
		const {store: file} = demoCopy();
		expect(run(file, '2026-12-04', 'Brennan', 'absence', 'change', 'ab0002', '--cover', 'Marsh').code).toBe(0);
		expect(run(file, '2026-12-13', 'Marsh', 'welfare', 'record', 'Iqbal', '--kind', 'check-in').code).toBe(0);
		const before = readFileSync(file);
		const store = await openStore(file);
		const data = store.snapshot();
		const h = renderDesk({store, data, actor: actorAs(OKAFOR), today: TODAY, size: {columns: 200, rows: 40}});
		await ready(h);
		await h.press('2');
		const row = teamRows(deskModel(data, TODAY, OKAFOR)).findIndex(r => r.officer.id === BRENNAN);
		for (let i = 0; i < row; i++) await h.press('j');
		let f = await h.press('c');
		expect(f).toContain('Change ab0002');
		await h.press(KEYS.tab);
		await h.type('2026-12-12');
		// Enter saves on the Cover field (the form's hint: "Enter next field, saves on Cover").
		for (let i = 0; i < 2; i++) f = await h.press(KEYS.tab);
		expect(f).toContain('› Cover');
		await h.press(KEYS.enter);
		f = await h.waitFor(x => unwrapped(x).includes('Type a Last day of 13 Dec or later.'));
		const said = unwrapped(f);
		expect(said).toContain('DC Marsh acted as cover for DS Brennan (check-in for DC Iqbal (w');
		expect(said).toContain(') on 13 Dec): those records rest on that cover, so ab0002 cannot end before 13 Dec.');
		expect(said).not.toContain('--to');
		expect(readFileSync(file).equals(before)).toBe(true);
		h.app.unmount();
	});
});
