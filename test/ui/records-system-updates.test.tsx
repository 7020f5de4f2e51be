/**
 * QA 8 R6: after an import the guided review showed "04 Dec DC Ashworth: Update on CR/32449/23 ..." while DC
 * Ashworth was on sick leave: the CSV names no author, so an imported update is the records system's. The
 * desk's case tab and the review's step 1 name it so, and keep the officer's name on an update she wrote.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {shortName} from '../../source/domain/people.js';
import {caseLines} from '../../source/ui/editor/case-lines.js';
import {deskModel} from '../../source/ui/model/desk-model.js';
import {loadDemo, OVERDUE_REF, TODAY} from '../domain/review/fixtures.js';
import {ready, until} from './review/ink-keys.js';
import {renderReview} from '../helpers/review-screen.js';

afterEach(() => cleanup());

const IMPORTED = 'Records system entry: disclosure return received from the ISP.';
const WRITTEN = 'Spoke to the DFU, phone download booked for 3 Dec.';

/** The demo with two updates of 29 Nov on OVERDUE_REF: one imported, one written by its OIC. */
function withUpdates(): {data: StoreData; oic: string} {
	const data = loadDemo();
	const c = data.cases.find(x => x.ref === OVERDUE_REF)!;
	c.updates.push({date: '2026-11-29', authorId: c.oicId, text: WRITTEN});
	c.updates.push({date: '2026-11-29', authorId: c.oicId, text: IMPORTED, source: 'import'});
	return {data, oic: shortName(data.officers.find(o => o.id === c.oicId))};
}

describe("imported updates are the records system's on the desk", () => {
	it('the case tab names the records system for an imported update, the OIC for one they wrote', () => {
		const {data, oic} = withUpdates();
		const lines = caseLines(deskModel(data, TODAY), OVERDUE_REF, 100).map(l => l.text);
		expect(lines.find(l => l.includes(IMPORTED))).toMatch(/29 Nov \(records system\): Records system entry/);
		expect(lines.find(l => l.includes(WRITTEN))).toContain(`29 Nov ${oic}: Spoke to the DFU`);
	});

	it("the guided review's step 1 does the same", async () => {
		const {data, oic} = withUpdates();
		const app = renderReview({data, caseRef: OVERDUE_REF, today: TODAY, width: 120, rows: 60});
		await ready(app);
		const f = await until(app, 'step 1 of 7');
		expect(f).toMatch(/29 Nov \(records system\): Records system entry: disclosure return received/);
		expect(f).toContain(`29 Nov ${oic}: Spoke to the DFU`);
		expect(f).not.toContain(`${oic}: Records system entry`);
	});
});
