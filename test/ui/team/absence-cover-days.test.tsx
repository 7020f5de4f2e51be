/**
 * The desk's absence form names a cover for some days, as `absence change ID --cover NAME --from D --to D`
 * does (README "Absences"): changing a recorded absence, Cover from and Cover to follow Cover, blank for
 * the command line's defaults; the domain checks the days (absence-cover.ts), so a refusal is the command
 * line's, in its words. The keys and their words come from the input-context registry (contexts/).
 */
import {rmSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {absenceParts} from '../../../source/domain/absence-cover.js';
import {AbsenceError, changeAbsence} from '../../../source/domain/absences.js';
import {absenceRefusalWords} from '../../../source/ui/team/absence-refusal-words.js';
import {openStore} from '../../../source/store/store.js';
import {openChangeAbsenceForm, validateForm} from '../../../source/ui/team/absence-form-state.js';
import {absenceFormHints} from '../../../source/ui/contexts/form-hints.js';
import {DEFAULT_KEYMAP} from '../../../source/ui/contexts/registry.js';
import {coverDaysOfWay, coverWay} from '../../../source/domain/resolve.js';
import {demoCopy, DEMO_TODAY, runCli} from '../../helpers/cli.js';
import {demoData, KEYS, ready, renderDesk} from '../desk-harness.js';
import {actorAs} from '../../helpers/actor.js';

const ASHWORTH = 'o0003';

/** The frame's text with its line breaks and box edges taken out, so a sentence the form wraps reads whole. */
const unwrapped = (frame: string) =>
	frame
		.split('\n')
		.map(l => l.replace(/[│┃║]/g, ' ').trim())
		.join(' ')
		.replace(/\s+/g, ' ');
const MARSH = 'o0006';
const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

describe('the change form: Cover from, Cover to (pure)', () => {
	it('follow Cover, blank by default; typed days are checked as dates and go with the cover', () => {
		const data = demoData();
		const ab0003 = data.absences.find(a => a.id === 'ab0003')!;
		const f = openChangeAbsenceForm(ab0003, data.officers, 'cover', data.absences);
		expect(f.values).toMatchObject({from: '2026-11-28', to: '', cover: '', coverFrom: '', coverTo: ''});
		// On Cover, Enter saves already (the days are optional) and the next field is the cover's days.
		expect(absenceFormHints(f, DEFAULT_KEYMAP)).toEqual([
			"Tab/↓ next (the cover's days)",
			'Shift+Tab/↑ previous',
			'Enter saves',
			'Esc cancel',
		]);
		const typed = {...f, values: {...f.values, cover: 'Marsh', coverFrom: '12/12/2026', coverTo: '2026-12-14'}};
		expect(validateForm(typed, data.officers, data.absences, DEMO_TODAY)).toEqual({
			ok: true,
			absence: {
				from: '2026-11-28',
				to: null,
				reason: 'sick',
				coverOfficerId: MARSH,
				coverDays: {from: '2026-12-12', to: '2026-12-14'},
			},
		});
		const bad = validateForm({...typed, values: {...typed.values, coverTo: '31/02/2027'}}, data.officers, data.absences, DEMO_TODAY);
		expect(bad.ok ? null : bad.form.error).toEqual({
			field: 'coverTo',
			text: 'Cover to must be a real date as YYYY-MM-DD or DD/MM/YYYY (got "31/02/2027"). Or leave it blank (to its last day).',
		});
		// A cover away on other days of the absence, but not on the days typed, is not refused (DC Grant: 03-12 Dec).
		const grant = {...typed, values: {...typed.values, cover: 'Grant', coverFrom: '2026-12-13', coverTo: '2026-12-14'}};
		expect(validateForm(grant, data.officers, data.absences, DEMO_TODAY).ok).toBe(true);
		const grantAway = {...grant, values: {...grant.values, coverFrom: '2026-12-12'}};
		const away = validateForm(grantAway, data.officers, data.absences, DEMO_TODAY);
		expect(away.ok ? null : away.form.error?.field).toBe('coverFrom');
	});
});

describe('the Team view: a cover for some days of a started absence', () => {
	async function changeForm() {
		const copy = demoCopy();
		dirs.push(copy.dir);
		const store = await openStore(copy.store);
		const h = renderDesk({store, data: store.snapshot()});
		await ready(h);
		await h.press('2');
		await h.press('j');
		await h.press('j');
		let f = await h.press('c');
		expect(f).toContain('Change ab0003, the absence of DC Sam Ashworth');
		for (let i = 0; i < 3; i++) f = await h.press(KEYS.tab);
		expect(f).toContain('› Cover');
		return {store, h};
	}

	it('saves DC Marsh for 12-14 Dec only: the days before and after keep nobody, as the command line would', async () => {
		const {store, h} = await changeForm();
		await h.type('Marsh');
		let f = await h.press(KEYS.tab);
		expect(f).toContain('› Cover from');
		expect(f).toContain('› Cover from  _  (blank: from today, 30 Nov)');
		expect(f).toContain('  Cover       Marsh  = DC Helen Marsh (o0006)');
		await h.type('2026-12-12');
		await h.press(KEYS.tab);
		await h.type('14/12/2026');
		await h.press(KEYS.enter);
		f = await h.waitFor('Changed ab0003');
		const parts = absenceParts(store.snapshot().absences, 'ab0003').map(a => [a.id, a.from, a.to, a.coverOfficerId, a.partOf]);
		expect(parts).toEqual([
			['ab0003', '2026-11-28', '2026-12-11', null, undefined],
			['ab0005', '2026-12-12', '2026-12-14', MARSH, 'ab0003'],
			['ab0006', '2026-12-15', null, null, 'ab0003'],
		]);
		// The command line's change, from the same absence, gives the same parts.
		const cli = changeAbsence(demoData(), 'ab0003', {coverOfficerId: MARSH}, DEMO_TODAY, {
			recording: {by: 'o0002', at: '2026-11-30T09:00:00.000Z'},
			days: {from: '2026-12-12', to: '2026-12-14'},
		}).data;
		expect(absenceParts(cli.absences, 'ab0003').map(a => [a.id, a.from, a.to, a.coverOfficerId, a.partOf])).toEqual(parts);
		h.app.unmount();
	});

	it("refuses days before today in the form's words (Cover from, not --from), keeping what was typed; nothing saved (QA 7 R1)", async () => {
		const {store, h} = await changeForm();
		const before = store.snapshot().absences;
		await h.type('Marsh');
		await h.press(KEYS.tab);
		await h.type('2026-11-29');
		await h.press(KEYS.enter);
		const f = await h.waitFor('Cover from of 30 Nov or later');
		expect(f).toContain('ab0003 started 28 Nov: the days before today keep the cover they had.');
		expect(f).not.toContain('--from');
		expect(f).toContain('2026-11-29_');
		expect(store.snapshot().absences).toEqual(before);
		expect(store.snapshot().absences.filter(a => a.officerId === ASHWORTH)).toHaveLength(1);
		h.app.unmount();
	});

	it('a Cover from after the last day, or a Cover to after it, says so plainly, not as a backwards span (QA 7 R12)', () => {
		const data = demoData();
		const ab0003 = {...data.absences.find(a => a.id === 'ab0003')!, to: '2026-12-05'};
		const absences = data.absences.map(a => (a.id === 'ab0003' ? ab0003 : a));
		const f = openChangeAbsenceForm(ab0003, data.officers, 'cover', absences);
		const refusal = (coverFrom: string, coverTo: string) => {
			const r = validateForm({...f, values: {...f.values, cover: 'Marsh', coverFrom, coverTo}}, data.officers, absences, DEMO_TODAY);
			return r.ok ? null : r.form.error;
		};
		expect(refusal('2026-12-10', '')).toEqual({field: 'coverFrom', text: 'Cover from 10 Dec is after the last day 05 Dec.'});
		expect(refusal('2026-12-01', '2026-12-09')).toEqual({field: 'coverTo', text: 'Cover to 09 Dec is after the last day 05 Dec.'});
		expect(refusal('2026-12-04', '2026-12-02')).toEqual({field: 'coverTo', text: 'Cover to 02 Dec is before Cover from 04 Dec.'});
		expect(refusal('2026-12-01', '2026-12-05')).toBeNull();
	});
});

describe('the change form on an absence kept in parts', () => {
	it("shows the absence whole, by its first part's id, with the cover of the part under way; a way's days filled in", async () => {
		const split = changeAbsence(demoData(), 'ab0003', {coverOfficerId: MARSH}, DEMO_TODAY, {
			recording: {by: 'o0002', at: '2026-11-30T09:00:00.000Z'},
			days: {from: '2026-12-12', to: '2026-12-14'},
		}).data;
		const part = split.absences.find(a => a.id === 'ab0005')!;
		const f = openChangeAbsenceForm(part, split.officers, 'cover', split.absences, {from: '2026-12-13'});
		expect(f.absenceId).toBe('ab0003');
		// The days a problem's way names for the cover are what `c` on the problem fills in (desk-records.ts).
		expect(coverDaysOfWay(coverWay('ab0003', 'Name a cover', {from: '2026-12-13', to: null}))).toEqual({from: '2026-12-13'});
		expect(coverDaysOfWay(coverWay('ab0003', 'Name a cover'))).toBeUndefined();
		expect(f.values).toMatchObject({from: '2026-11-28', to: '', cover: 'DC Helen Marsh', coverFrom: '2026-12-13', coverTo: ''});
		// At 80x24 the change form, with its two more fields, is whole on screen.
		const copy = demoCopy();
		dirs.push(copy.dir);
		const store = await openStore(copy.store);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 80, rows: 24}});
		await ready(h);
		await h.press('2');
		await h.press('j');
		await h.press('j');
		const frame = await h.press('c');
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
		for (const label of ['First day', 'Last day', 'Reason', 'Cover from', 'Cover to', 'Esc cancel']) expect(frame).toContain(label);
		h.app.unmount();
	});
});

describe('the Team view keys on an absence kept in parts', () => {
	it('E ends it today though the part under way ends today; C names the absence under way, not its later part', async () => {
		// DC Ashworth (ab0003, sick from 28 Nov) with DC Marsh named for today only: the part under way ends today.
		const split = changeAbsence(demoData(), 'ab0003', {coverOfficerId: MARSH}, DEMO_TODAY, {
			recording: {by: 'o0002', at: '2026-11-30T09:00:00.000Z'},
			days: {to: DEMO_TODAY},
		}).data;
		expect(absenceParts(split.absences, 'ab0003').map(a => [a.id, a.from, a.to])).toEqual([
			['ab0003', '2026-11-28', '2026-11-29'],
			['ab0005', '2026-11-30', '2026-11-30'],
			['ab0006', '2026-12-01', null],
		]);
		const copy = demoCopy();
		dirs.push(copy.dir);
		const store = await openStore(copy.store);
		await store.apply(() => split);
		const h = renderDesk({store, data: store.snapshot()});
		await ready(h);
		await h.press('2');
		await h.press('j');
		let f = await h.press('j');
		// The Away column says the absence whole, with today's cover, not the part under way ("sick on 30 Nov").
		expect(f).toMatch(/› DC Sam Ashworth .* sick from 28 Nov, cover DC Marsh/);
		f = await h.press('E');
		expect(f).toContain("End DC Ashworth's absence today");
		expect(f).not.toContain('already ends today');
		await h.press('n');
		f = await h.press('C');
		expect(f).toContain('Nothing to cancel for DC Ashworth: their absence ab0003 has started');
		h.app.unmount();
	});
});

describe("the change form's blank Cover from says what saving will do (QA 8 D6, deskword)", () => {
	const OKAFOR = 'o0001';
	const IQBAL = 'o0004';
	const SHAH = 'o0008';
	const TODAY = '2026-12-14';

	/** The demo on 14 Dec with DC Marsh covering DS Brennan (ab0002, from 10 Dec), who has recorded a check-in today when `acted`. */
	async function desk(acted: boolean) {
		const copy = demoCopy();
		dirs.push(copy.dir);
		const store = await openStore(copy.store);
		await store.apply(d => {
			const covered = changeAbsence(d, 'ab0002', {coverOfficerId: MARSH}, '2026-11-30', {
				recording: {by: OKAFOR, at: '2026-11-30T09:00:00.000Z'},
			}).data;
			const checkIn = {id: 'w00099', officerId: IQBAL, date: TODAY, kind: 'check-in' as const, by: MARSH, flags: []};
			return acted ? {...covered, welfareEvents: [...covered.welfareEvents, checkIn]} : covered;
		});
		const h = renderDesk({store, data: store.snapshot(), today: TODAY, actor: actorAs(OKAFOR)});
		await ready(h);
		await h.press('2');
		await h.press('j');
		let f = await h.press('c');
		expect(f).toContain('Change ab0002, the absence of DS Tom Brennan');
		for (let i = 0; i < 3; i++) f = await h.press(KEYS.tab);
		expect(f).toContain('› Cover       DC Helen Marsh');
		await h.type('Shah');
		f = await h.press(KEYS.tab);
		expect(f).toContain('› Cover from');
		return {store, h, f};
	}

	it('from tomorrow when the outgoing cover has acted today, as the save then does', async () => {
		const {store, h, f} = await desk(true);
		expect(f).toContain("› Cover from  _  (blank: from tomorrow, 15 Dec: today stays DC Marsh's, who has acted as cover today)");
		expect(f).not.toContain('from today');
		await h.press(KEYS.enter);
		const saved = await h.waitFor('Changed ab0002');
		expect(saved).toContain('cover DC Marsh -> DC Shah from 15 Dec');
		const parts = absenceParts(store.snapshot().absences, 'ab0002').map(a => [a.from, a.to, a.coverOfficerId]);
		expect(parts).toEqual([
			['2026-12-10', '2026-12-14', MARSH],
			['2026-12-15', '2027-02-04', SHAH],
		]);
		h.app.unmount();
	});

	it("a Cover from of today typed is refused on saving in the form's words, not the command line's --from; nothing saved", async () => {
		const {store, h} = await desk(true);
		const before = store.snapshot().absences;
		await h.type(TODAY);
		await h.press(KEYS.enter);
		const f = await h.waitFor('Not saved');
		const said = unwrapped(f);
		expect(said).toContain(
			'Not saved: DC Marsh has acted as cover today (check-in for DC Iqbal (w00099)): those records rest on their cover, so today stays ' +
				'theirs. Type a Cover from of 15 Dec, or leave it blank (from tomorrow). What you typed is kept.',
		);
		expect(said).not.toContain('--');
		expect(store.snapshot().absences).toEqual(before);
		h.app.unmount();
	});

	it('from today when she has not', async () => {
		const {h, f} = await desk(false);
		expect(f).toContain('› Cover from  _  (blank: from today, 14 Dec)');
		h.app.unmount();
	});
});

describe('the change form refuses a First day after today on a started absence in its own words (deskword)', () => {
	it('names the First day, Cover from and Last day, never --from without --cover; the command line keeps its flags', async () => {
		const copy = demoCopy();
		dirs.push(copy.dir);
		const cli = runCli(['absence', 'change', 'ab0003', '--from', '2026-12-20', '--store', copy.store, '--today', DEMO_TODAY]);
		expect(cli.code).toBe(2);
		expect(cli.stderr).toContain('--from without --cover corrects its first day');
		const store = await openStore(copy.store);
		const before = store.snapshot().absences;
		const h = renderDesk({store, data: store.snapshot()});
		await ready(h);
		await h.press('2');
		await h.press('j');
		await h.press('j');
		let f = await h.press('c');
		expect(f).toContain('Change ab0003, the absence of DC Sam Ashworth');
		await h.type('2026-12-20');
		for (let i = 0; i < 3; i++) f = await h.press(KEYS.tab);
		expect(f).toContain('› Cover');
		f = await h.press(KEYS.enter);
		f = await h.waitFor('is after today');
		const said = unwrapped(f);
		expect(said).toContain(
			'ab0003 started 28 Nov: its First day can only be corrected to a day up to today, and 20 Dec is after today. For a cover from ' +
				'that day, keep the First day and type 20 Dec as Cover from; for the last day away, type it as Last day.',
		);
		expect(said).not.toContain('--');
		// On the First day, with what was typed kept.
		expect(f).toContain('› First day   2026-12-20_');
		expect(store.snapshot().absences).toEqual(before);
		h.app.unmount();
	});

	it("the domain's refusal, should it come on saving (another user's change meanwhile), is worded the same way", () => {
		let err: unknown;
		try {
			changeAbsence(demoData(), 'ab0003', {from: '2026-12-20'}, DEMO_TODAY);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(AbsenceError);
		const e = err as AbsenceError;
		expect(e.message).toContain('--from without --cover');
		expect(absenceRefusalWords(e.refusal!, DEMO_TODAY)).toBe(
			'ab0003 started 28 Nov: its First day can only be corrected to a day up to today, and 20 Dec is after today. For a cover from ' +
				'that day, keep the First day and type 20 Dec as Cover from; for the last day away, type it as Last day.',
		);
	});
});
