/**
 * REVIEW-7 D12 on both stores: a note left behind that a review takes into its field is kept inside that
 * review's waiting note (`restored`), in the drafts file or the database's pending notes, and a discard
 * read from the store (not a screen's memory) puts it back as it was.
 */
import {rmSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {asRestored, withOwnPendingNote, withOwnPendingNoteDiscarded} from '../../source/domain/review/pending-note.js';
import {isPostgresUrl} from '../../source/store/pg-url.js';
import {changeWelfareDrafts, readWelfareDrafts, type PendingWelfareNote} from '../../source/store/welfare-drafts.js';
import {demoData} from '../helpers/demo.js';
import {storeKinds} from '../helpers/store-kinds.js';

const TODAY = '2026-11-30';
const BRENNAN = 'o0002';

for (const kind of storeKinds('welfare_restored')) {
	describe.skipIf(kind.skip)(`a note left behind held by a review's note, ${kind.name}`, () => {
		const made: string[] = [];
		beforeAll(() => kind.setup(), 120_000);
		afterAll(async () => {
			for (const s of made) if (!isPostgresUrl(s)) rmSync(path.dirname(s), {recursive: true, force: true});
			await kind.teardown();
		});

		it('is kept with the review’s note through a save and put back as it was by a discard', async () => {
			const data = demoData();
			const c = data.cases.find(x => x.oicId !== BRENNAN)!;
			const owner = {caseRef: c.ref, reviewerId: BRENNAN, replacing: [c.oicId]};
			const left: PendingWelfareNote = {
				caseRef: c.ref,
				by: BRENNAN,
				officerId: c.oicId,
				date: '2026-11-27',
				text: 'SYNTHETIC-NOTE-MARKER-7121',
				updatedAt: '2026-11-27T16:00:00.000Z',
				lastError: {kind: 'locked', at: '2026-11-27T16:00:01.000Z'},
			};
			const s = await kind.make(data);
			made.push(s);
			await changeWelfareDrafts(s, () => [left]);
			const opened = {
				officerId: c.oicId,
				date: left.date,
				text: left.text,
				updatedAt: `${TODAY}T10:00:00.000Z`,
				restored: [asRestored(left)],
			};
			await changeWelfareDrafts(s, notes => withOwnPendingNote(notes, data, owner, opened));
			const typed = {officerId: c.oicId, date: TODAY, text: `${left.text} SYNTHETIC-EDIT`, updatedAt: `${TODAY}T10:05:00.000Z`};
			await changeWelfareDrafts(s, notes => withOwnPendingNote(notes, data, owner, typed));
			const saved = await readWelfareDrafts(s);
			expect(saved.map(n => [n.text.endsWith('SYNTHETIC-EDIT'), n.restored?.length])).toEqual([[true, 1]]);
			await changeWelfareDrafts(s, notes => withOwnPendingNoteDiscarded(notes, data, owner));
			expect(await readWelfareDrafts(s)).toEqual([left]);
		}, 60_000);
	});
}
