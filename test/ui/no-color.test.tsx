/**
 * NO_COLOR / --no-color (README "The review desk"): every desk view draws without a single colour code,
 * because every colour comes from the theme (source/ui/theme.ts). The tests run with FORCE_COLOR=0, which
 * would hide colour altogether: chalk (Ink's colouring) is switched on here, and the same walk with colour
 * on is checked to send colour codes, so a view that ignored the theme would be caught.
 */
import chalk from 'chalk';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../../source/store/store.js';
import {demoCopy} from '../helpers/cli.js';
import {KEYS, ready, renderDesk, stripAnsi} from './desk-harness.js';
import type {ThemeName} from '../../source/settings/user-settings.js';

/** SGR parameters that set a colour: foreground, background, their defaults and bright forms, 256/RGB. */
function colourCodes(text: string): string[] {
	const found: string[] = [];
	for (const m of text.matchAll(/\u001b\[([0-9;]*)m/g)) {
		const params = m[1]!.split(';').map(Number);
		if (params.some(p => (p >= 30 && p <= 49) || (p >= 90 && p <= 107))) found.push(m[0]);
	}
	return found;
}

const VIEWS = [
	'cases',
	'case',
	'team',
	'absence form',
	'handover',
	'handover refusal',
	'log',
	'log chart week',
	'help',
	'palette',
	'review step 1',
	'review step 2',
] as const;
type ViewName = (typeof VIEWS)[number];

/** Opens every view of the demo desk in turn; returns the frames each one drew. */
async function walk(color: boolean, theme?: ThemeName): Promise<Map<ViewName, string[]>> {
	const {store: file} = demoCopy();
	const store = await openStore(file);
	const h = renderDesk({data: store.snapshot(), store, color, theme, size: {columns: 140, rows: 40}});
	const frames = h.app.frames;
	const byView = new Map<ViewName, string[]>();
	let from = 0;
	const shot = (name: ViewName) => {
		byView.set(name, frames.slice(from));
		from = frames.length;
	};
	await ready(h);
	shot('cases');
	await h.press('j');
	await h.press(KEYS.enter);
	shot('case');
	await h.press('2');
	await h.waitFor('TEAM');
	shot('team');
	// Down to DC Ashworth: the sergeant records absences for the team, not the inspector's (README "Who may change absences and cover").
	await h.press('j');
	await h.press('j');
	await h.press('a');
	await h.waitFor('Record an absence');
	for (const k of [KEYS.tab, KEYS.tab, KEYS.tab, 'z', 'z', KEYS.enter]) await h.press(k, 3000).catch(() => undefined);
	shot('absence form');
	await h.press(KEYS.esc);
	await h.press('y', 3000).catch(() => undefined);
	await h.press('3');
	await h.waitFor('HANDOVER');
	shot('handover');
	await h.press('f');
	for (const k of [...'x', KEYS.enter]) await h.press(k);
	shot('handover refusal');
	await h.press(KEYS.esc);
	await h.press('4');
	await h.waitFor('REVIEW LOG');
	shot('log');
	// The weekly chart with a week chosen: bars, the overdue line and the week's mark each have a theme colour.
	await h.press(KEYS.left);
	await h.waitFor('ONE WEEK');
	shot('log chart week');
	await h.press('?');
	shot('help');
	await h.press(KEYS.esc);
	await h.press(':');
	await h.press('C');
	shot('palette');
	await h.press(KEYS.esc);
	await h.press('R');
	await h.waitFor(/step 1 of 7/);
	await new Promise(r => setTimeout(r, 50));
	shot('review step 1');
	await h.press(KEYS.enter);
	await h.waitFor(/step 2 of 7/);
	for (const k of ['1', KEYS.tab]) await h.press(k, 3000).catch(() => undefined);
	shot('review step 2');
	expect(stripAnsi(frames.at(-1)!)).toContain('step 2 of 7');
	h.app.unmount();
	return byView;
}

describe('NO_COLOR in every desk view', () => {
	let level: typeof chalk.level;
	beforeAll(() => {
		level = chalk.level;
		chalk.level = 3;
	});
	afterAll(() => {
		chalk.level = level;
	});

	it('with colour off no view sends a colour code; with colour on the same views do', async () => {
		const off = await walk(false);
		const on = await walk(true);
		for (const name of VIEWS) {
			expect(off.get(name)?.length, `${name}: frames drawn`).toBeGreaterThan(0);
			expect(colourCodes(off.get(name)!.join('')), `${name} under NO_COLOR`).toEqual([]);
		}
		// The walk does see colour when it is on (the Handover view's tones, severity badges, the review's
		// choices, the Log view's chart).
		for (const name of ['cases', 'handover', 'handover refusal', 'log chart week', 'review step 2'] as const) {
			expect(colourCodes(on.get(name)!.join('')).length, `${name} with colour`).toBeGreaterThan(0);
		}
	}, 120_000);

	// README "Settings": the high-contrast theme changes the colours (bright ones), and NO_COLOR still wins.
	it('the high-contrast theme: bright colours with colour on, none under NO_COLOR', async () => {
		const off = await walk(false, 'high-contrast');
		for (const name of VIEWS) expect(colourCodes(off.get(name)!.join('')), `${name} under NO_COLOR, high contrast`).toEqual([]);
		const on = await walk(true, 'high-contrast');
		const bright = (codes: string[]) => codes.filter(c => /\[(9[0-7])m/.test(c));
		for (const name of ['cases', 'handover', 'log chart week', 'review step 2'] as const) {
			const codes = colourCodes(on.get(name)!.join(''));
			expect(bright(codes).length, `${name}: bright colours`).toBeGreaterThan(0);
		}
		// Grey (90) is the default theme's dim; high contrast never uses it.
		expect(VIEWS.flatMap(name => colourCodes(on.get(name)!.join(''))).filter(c => c === '\u001b[90m')).toEqual([]);
	}, 120_000);
});
