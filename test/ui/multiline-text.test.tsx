/**
 * Multi-line text is shown as lines, with a cap, not with its line breaks drawn as "␊" (issue "The desk
 * under real hands", item 6): in the case view (updates, open actions, review summaries) and the guided
 * review (step 1's updates, an open action's text in step 2).
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {caseLines, TEXT_LINES_SHOWN} from '../../source/ui/editor/case-lines.js';
import {deskModel} from '../../source/ui/model/desk-model.js';
import {loadDemo, OVERDUE_REF, TODAY} from '../domain/review/fixtures.js';
import {KEYS, press, ready, until} from './review/ink-keys.js';
import {renderReview} from '../helpers/review-screen.js';

afterEach(() => cleanup());

const UPDATE = 'Spoke to the DFU.\r\nPhone download booked for 3 Dec.\n\n\n\nCPS advice to follow.';
const ACTION = 'Chase the DFU\nthen book the ABE transcript';
const LONG = Array.from({length: 30}, (_, i) => `Line ${i + 1} of a long pasted update.`).join('\n');

function withText(update = UPDATE): StoreData {
	const data = loadDemo();
	const c = data.cases.find(x => x.ref === OVERDUE_REF)!;
	c.updates.push({date: '2026-11-29', authorId: c.oicId, text: update});
	const open = c.actions.find(a => a.status === 'open')!;
	open.text = ACTION;
	return data;
}

describe('the case view', () => {
	it('shows an update, an open action and their line breaks as lines', () => {
		const lines = caseLines(deskModel(withText(), TODAY), OVERDUE_REF, 80).map(l => l.text);
		const all = lines.join('\n');
		expect(all).not.toContain('␊');
		const at = lines.findIndex(l => l.includes('Spoke to the DFU.'));
		expect(at).toBeGreaterThan(-1);
		// The next lines of the update, under it; the run of blank lines kept to one.
		expect(lines.slice(at + 1, at + 4).map(l => l.trim())).toEqual(['Phone download booked for 3 Dec.', '', 'CPS advice to follow.']);
		const action = lines.findIndex(l => l.includes('- Chase the DFU'));
		expect(lines[action]).toMatch(/- Chase the DFU \(DC Doyle, /);
		expect(lines[action + 1]!.trim()).toBe('then book the ABE transcript');
	});

	it('caps a long one and says how many lines more', () => {
		const lines = caseLines(deskModel(withText(LONG), TODAY), OVERDUE_REF, 80).map(l => l.text);
		const at = lines.findIndex(l => l.includes('Line 1 of a long'));
		const block = lines.slice(at, at + TEXT_LINES_SHOWN);
		expect(block.at(-1)).toMatch(new RegExp(`… ${30 - TEXT_LINES_SHOWN + 1} more lines`));
		expect(lines.join('\n')).not.toContain(`Line ${TEXT_LINES_SHOWN} of a long`);
	});
});

describe('the guided review', () => {
	it('step 1 shows an update as lines; step 2 an open action written on two lines', async () => {
		const data = withText();
		const app = renderReview({data, caseRef: OVERDUE_REF, today: TODAY, width: 100, rows: 60});
		await ready(app);
		let f = await until(app, 'step 1 of 7');
		expect(f).not.toContain('␊');
		expect(f).toMatch(/Spoke to the DFU\.\n\s+Phone download booked for 3 Dec\.\n\s*\n\s+CPS advice to follow\./);
		await press(app, KEYS.enter);
		f = await until(app, 'step 2 of 7');
		expect(f).not.toContain('␊');
		expect(f).toMatch(/Chase the DFU\n\s+then book the ABE transcript \(DC Doyle/);
	});
});
