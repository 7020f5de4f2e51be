/**
 * Cut text (issue "The desk under real hands", item 7): what is cut says so, and what matters is never
 * the part cut off. The sign-off summary ends a cut action with "…"; the status bar keeps the overdue
 * count at 80 columns beside "CHANGED BY ANOTHER USER" and "READ-ONLY"; the Team view's plan ending next
 * year keeps its year; the Log view's Enter opens the entry; the Handover view has a frame; step 5's
 * optional "no decision" is not also said to be "(not chosen)".
 */
import React from 'react';
import {render, cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {saveDraft, summaryLines} from '../../source/domain/review/index.js';
import {deskReducer, initialState, type DeskState} from '../../source/ui/desk/desk-state.js';
import {activeTab} from '../../source/ui/editor/tabs.js';
import {NO_KEY, type KeyInfo} from '../../source/ui/keymap.js';
import {deskModel, withProblems} from '../../source/ui/model/desk-model.js';
import {StatusBar} from '../../source/ui/status-bar/status-bar.js';
import {completeAnswers, contextFor, loadDemo, SERGEANT, TODAY} from '../domain/review/fixtures.js';
import {demoData, ready as deskReady, renderDesk, stripAnsi} from './desk-harness.js';
import {ready, until} from './review/ink-keys.js';
import {renderReview} from '../helpers/review-screen.js';

afterEach(() => cleanup());

describe('the sign-off summary', () => {
	it('ends a cut action with "…"', () => {
		const ctx = contextFor(loadDemo());
		const a = completeAnswers(ctx);
		a.actions = [{...a.actions[0]!, text: 'Chase the digital forensics unit for the full extraction report of the second handset'}];
		const line = summaryLines(ctx, a).find(l => l.startsWith('New actions:'))!;
		expect(line).toMatch(/^New actions: Chase the digital forensics unit for the full .*… \(DC Doyle\)\.$/);
		expect(line).toContain('…');
		expect(line.slice('New actions: '.length, line.indexOf('…') + 1).length).toBeLessThanOrEqual(60);
	});
});

describe('the status bar at 80 columns', () => {
	it('keeps the overdue count beside CHANGED BY ANOTHER USER and READ-ONLY', () => {
		const model = withProblems(deskModel(demoData(), TODAY));
		const {lastFrame} = render(
			<StatusBar model={model} storePath="/srv/teams/team.json" readOnly diskChanged notice={null} hints="? help" width={80} />,
		);
		const line = stripAnsi(lastFrame() ?? '');
		expect(line).toContain(`overdue ${model.counts.overdue}`);
		expect(line).toContain('READ-ONLY');
		expect(line).toMatch(/CHANGED/);
	});
});

describe('the Team view at 80 columns', () => {
	it('shows a plan ending next year with its year ("to 22 Aug 2027", not "plan to 22 Aug…")', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await deskReady(h);
		const f = await h.press('2');
		const row = f.split('\n').find(l => l.includes('DC Evans'))!;
		expect(row).toContain('to 22 Aug 2027');
		expect(f).not.toContain('22 Aug…');
	});
});

describe('the Log view', () => {
	const press = (s: DeskState, input: string, key: Partial<KeyInfo> = {}) =>
		deskReducer(s, {type: 'input', input, key: {...NO_KEY, ...key}});
	it('Enter opens the entry whole: its case, scrolled to the review history line of that entry', () => {
		let s = initialState(withProblems(deskModel(demoData(), TODAY)), {columns: 80, rows: 24});
		s = press(press(press(s, '4'), 'j'), 'j');
		s = press(s, '', {return: true});
		expect(s.view).toBe('cases');
		expect(s.focus).toBe('editor');
		const tab = activeTab(s.tabs);
		expect(tab?.kind).toBe('case');
		expect(s.notice).toMatch(/The log's (entry|amendment) #\d+/);
		if (tab?.kind === 'case') expect(tab.scroll).toBeGreaterThan(0);
	});
});

describe('the Handover view', () => {
	it('is drawn in a frame, its title inside the border (the activity bar letters stay outside)', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await deskReady(h);
		const f = await h.press('3');
		const title = f.split('\n').find(l => l.includes('HANDOVER 2026-11-30'))!;
		expect(title).toMatch(/^ ?\S* ?[║│]» HANDOVER 2026-11-30 to 2026-12-13/);
		expect(f.split('\n')[0]).toMatch(/[╔┌]═*|[╔┌]─*/);
	});
});

describe('step 5 with no decision required', () => {
	it('shows "no decision" chosen without also saying "(not chosen)"', async () => {
		const demo = loadDemo();
		const ref = demo.cases.map(c => c.ref).find(r => !contextFor(demo, r).decisionRequired && contextFor(demo, r).case.oicId !== SERGEANT)!;
		const ctx = contextFor(demo, ref);
		const answers = {...completeAnswers(ctx), performance: {decision: null, reason: '', planReviewDate: '', concern: ''}};
		const data = saveDraft(
			demo,
			{caseRef: ref, reviewerId: SERGEANT, startedAt: `${TODAY}T09:00:00.000Z`, step: 4, answers},
			`${TODAY}T09:00:00.000Z`,
		);
		const app = renderReview({data, caseRef: ref, today: TODAY, width: 100, rows: 50});
		await ready(app);
		const f = await until(app, 'step 5 of 7');
		expect(f).toContain('1:[no decision]');
		expect(f).not.toContain('(not chosen)');
	});
});
