import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {handoverLines} from '../../../../source/ui/views/handover/handover-lines.js';
import {handoverReducer, initialHandoverState} from '../../../../source/ui/views/handover/handover-state.js';
import {HandoverView} from '../../../../source/ui/views/handover/handover-view.js';
import {DEMO_TODAY, demoData, demoWelfareNotes, handoverOf} from '../../../domain/handover/fixtures.js';

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** Writes keys one at a time and waits until the frame changes (fixed sleeps lose keys). */
async function press(app: ReturnType<typeof render>, keys: string[]): Promise<void> {
	for (const k of keys) {
		const before = app.lastFrame();
		app.stdin.write(k);
		const deadline = Date.now() + 5000;
		while (app.lastFrame() === before && Date.now() < deadline) await new Promise(r => setTimeout(r, 10));
	}
}

async function ready(app: ReturnType<typeof render>): Promise<void> {
	// useInput attaches on the first effect pass.
	await new Promise(r => setTimeout(r, 50));
	expect(app.lastFrame()).toBeTruthy();
}

describe('handover state', () => {
	it('edits the window, refusing impossible dates and a window that ends before it starts', () => {
		let s = initialHandoverState(DEMO_TODAY);
		expect([s.from, s.to]).toEqual(['2026-11-30', '2026-12-13']);
		s = handoverReducer(s, {type: 'edit', field: 'to'});
		s = handoverReducer(s, {type: 'backspace'});
		s = handoverReducer(s, {type: 'type', text: '0'});
		s = handoverReducer(s, {type: 'commit'});
		expect(s.to).toBe('2026-12-10');
		s = handoverReducer(s, {type: 'edit', field: 'from'});
		for (let i = 0; i < 10; i++) s = handoverReducer(s, {type: 'backspace'});
		s = handoverReducer(s, {type: 'type', text: '31/02/2026'});
		s = handoverReducer(s, {type: 'commit'});
		expect(s.message?.error).toBe(true);
		expect(s.from).toBe('2026-11-30');
		s = handoverReducer(s, {type: 'cancel'});
		s = handoverReducer(s, {type: 'edit', field: 'from'});
		s = handoverReducer(s, {type: 'type', text: 'x'});
		s = {...s, draft: '2026-12-25'};
		s = handoverReducer(s, {type: 'commit'});
		expect(s.message?.text).toContain('before it starts');
		s = handoverReducer(s, {type: 'cancel'});
		s = handoverReducer(s, {type: 'edit', field: 'cover'});
		s = handoverReducer(s, {type: 'type', text: 'DC\u001b[31m Marsh'});
		s = handoverReducer(s, {type: 'commit'});
		expect(s.cover).toBe('DC[31m Marsh');
	});

	it('preview lines keep store text safe and never carry welfare notes unless the handover has them', () => {
		const lines = handoverLines(handoverOf(demoData())).map(l => l.text).join('\n');
		for (const n of demoWelfareNotes()) expect(lines).not.toContain(n.text);
		expect(lines).toContain('NEEDS A DECISION NOW');
		expect(lines).not.toMatch(/\u001b/);
	});
});

describe('HandoverView', () => {
	const data = demoData();

	it('previews the window, edits the cover and exports the Markdown', async () => {
		const exported: {name: string; text: string}[] = [];
		const app = render(
			<HandoverView
				data={data}
				today={DEMO_TODAY}
				chainHead="605:abc"
				focused
				width={100}
				height={20}
				now={() => '2026-11-30T09:00:00.000Z'}
				onExport={async (text, name) => {
					exported.push({name, text});
					return `/tmp/${name}`;
				}}
			/>,
		);
		await ready(app);
		let frame = strip(app.lastFrame()!);
		expect(frame).toContain('HANDOVER 2026-11-30 to 2026-12-13  cover: NOBODY NAMED');
		expect(frame).toContain('NEEDS A DECISION NOW');
		expect(frame.split('\n').length).toBeLessThanOrEqual(20);

		await press(app, ['c', ...'Helen Marsh'.split(''), '\r']);
		frame = strip(app.lastFrame()!);
		expect(frame).toContain('cover: DC Helen Marsh');

		await press(app, ['t', '\u007f', '\u007f', '2', '0', '\r']);
		expect(strip(app.lastFrame()!)).toContain('HANDOVER 2026-11-30 to 2026-12-20');

		await press(app, ['e']);
		const deadline = Date.now() + 5000;
		while (!strip(app.lastFrame()!).includes('Exported to') && Date.now() < deadline) await new Promise(r => setTimeout(r, 10));
		expect(strip(app.lastFrame()!)).toContain('Exported to /tmp/handover-2026-11-30-to-2026-12-20.md');
		expect(exported[0]?.text).toContain('- Cover: DC Helen Marsh');
		expect(exported[0]?.text).toContain('- Period: Mon 30 Nov 2026 to Sun 20 Dec 2026 (21 days)');
		app.unmount();
	});

	it('scrolls with j and takes someone outside the team as cover, saying so', async () => {
		const app = render(<HandoverView data={data} today={DEMO_TODAY} chainHead="x" focused width={90} height={12} now={() => 'n'} onExport={async () => ''} />);
		await ready(app);
		const first = strip(app.lastFrame()!).split('\n')[1];
		await press(app, ['j']);
		expect(strip(app.lastFrame()!).split('\n')[1]).not.toBe(first);
		await press(app, ['c', ...'DS Jane Roe'.split(''), '\r']);
		expect(strip(app.lastFrame()!)).toContain('cover: DS Jane Roe (outside team)');
		app.unmount();
	});
});
