/**
 * QA pass 3, defect 3, in the desk: the Handover view took DC Ashworth (sick leave) as the cover and
 * showed "cover: DC Sam Ashworth" with no flag. The field now refuses a cover away in the window, and a
 * window the named cover is away in, with the words `handover --cover` uses (domain/absences.ts).
 */
import {describe, expect, it} from 'vitest';
import {handoverReducer, initialHandoverState, type HandoverState} from '../../../../source/ui/views/handover/handover-state.js';
import {DEMO_TODAY, demoData} from '../../../domain/handover/fixtures.js';
import {KEYS, ready, renderDesk} from '../../desk-harness.js';

const data = demoData();
const team = {officers: data.officers, absences: data.absences};

function typeCover(s: HandoverState, text: string): HandoverState {
	s = handoverReducer(s, {type: 'edit', field: 'cover'});
	s = handoverReducer(s, {type: 'type', text});
	return handoverReducer(s, {type: 'commit', ...team});
}

describe('Handover view cover field', () => {
	it('refuses a cover who is away in the window, keeping the cover as it was', () => {
		let s = typeCover(initialHandoverState(DEMO_TODAY), 'Ashworth');
		expect(s.cover).toBe('');
		expect(s.editing).toBe('cover');
		expect(s.message).toEqual({
			text:
				'DC Ashworth is away from 28 Nov (sick), during this handover (30 Nov-13 Dec): name another cover, or write the handover ' +
				'for days DC Ashworth is at work. (Esc keeps the cover as it was.)',
			error: true,
		});
		s = handoverReducer(s, {type: 'cancel'});
		s = typeCover(s, 'Marsh');
		expect(s.cover).toBe('Marsh');
	});

	it('takes Grant for 30 Nov-02 Dec, then refuses a last day inside his leave', () => {
		let s = handoverReducer(initialHandoverState(DEMO_TODAY), {type: 'edit', field: 'to'});
		s = handoverReducer(s, {type: 'type', text: '2026-12-02'});
		s = handoverReducer(s, {type: 'commit', ...team});
		s = typeCover(s, 'Grant');
		expect(s.cover).toBe('Grant');
		s = handoverReducer(s, {type: 'edit', field: 'to'});
		s = handoverReducer(s, {type: 'type', text: '2026-12-05'});
		s = handoverReducer(s, {type: 'commit', ...team});
		expect(s.to).toBe('2026-12-02');
		expect(s.message?.text).toContain('DC Grant is away 03-12 Dec (annual leave), during this handover (30 Nov-05 Dec)');
	});
});

describe('Handover view in the desk', () => {
	it('shows the refusal on its status line and keeps NOBODY NAMED as the cover (3, c, Ashworth, Enter)', async () => {
		const h = renderDesk({size: {columns: 120, rows: 30}});
		await ready(h);
		await h.press('3');
		await h.type('cAshworth');
		const frame = await h.press(KEYS.enter);
		expect(frame).toContain('DC Ashworth is away from 28 Nov (sick), during this handover');
		expect(frame).not.toContain('cover: DC Sam Ashworth');
		h.app.unmount();
	});
});
