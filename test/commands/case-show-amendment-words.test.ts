/**
 * `case show` says an amendment in words and dates as the rest of the page: "now next review 20 Nov 2026",
 * not `now nextReviewDue "2026-11-20"`, and the review's header and its summary as signed agree on what
 * is shown (QA 6 R13). Fails on main a675bf9.
 */
import {writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import command from '../../source/commands/case.js';
import {amendReview} from '../../source/domain/review/amend.js';
import {signer} from '../../source/store/chain.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {DEMO_TODAY, demoCopy} from '../helpers/cli.js';
import {savedText} from '../helpers/saved-store.js';
import {runCommand} from './in-process.js';

const REF = 'CR/87204/26';

describe('case show: an amended next review date (R13)', () => {
	it('reads "next review 20 Nov 2026 (amended)", the summary as signed, and the amendment in words', async () => {
		const {dir, store} = demoCopy();
		const data = loadStoreText(savedText(store), store).data;
		const review = data.chain.filter(e => e.kind === 'review' && e.data.caseRef === REF).at(-1)!;
		const options = {today: DEMO_TODAY, signedAt: '2026-11-30T10:00:00.000Z', by: 'o0002', sign: signer};
		const {next, amendment} = amendReview(data, review.seq, {nextReviewDue: '2026-11-20'}, 'Wrong date typed', options);
		const file = `${dir}/amended.json`;
		writeFileSync(file, JSON.stringify(next));
		const r = await runCommand(command, file, ['show', REF], {});
		expect(r.code, r.stderr).toBe(0);
		const text = r.stdout.replace(/\s+/g, ' ');
		expect(text).toContain(`(entry ${amendment.seq}, made before signatures): Wrong date typed; now next review 20 Nov 2026`);
		expect(text).not.toMatch(/nextReviewDue|"2026-11-20"/);
		expect(text).toMatch(/next review 20 Nov 2026 \(amended\)/);
		expect(text).toContain('Summary (as signed, before the amendment below):');
	});
});
