/**
 * QA 8 D3: once the police extensions are used, the next extension is a magistrates' court's, which sets the
 * new end of the bail period itself; `bail record` refuses it without --period-end. The printed way had
 * only "--authorised-by NAME --rank RANK", so run as printed (with the court named) it failed. It now says
 * "--rank court --period-end D", and run as printed it records the extension and the alarm moves on.
 */
import {describe, expect, it} from 'vitest';
import type {Problem} from '../../source/domain/problem.js';
import {demoCopy, runCli} from '../helpers/cli.js';
import {runPrinted} from '../helpers/printed-command.js';
import {savedData} from '../helpers/saved-store.js';

const TODAY = '2026-12-04';
const REF = 'CR/92431/22';

const problemsOn = (store: string): Problem[] =>
	JSON.parse(runCli(['problems', '--json', '--store', store, '--today', TODAY]).stdout) as Problem[];

describe("a court-stage bail extension's printed way (QA 8 D3)", () => {
	it('names --rank court and --period-end, and run as printed records the court extension', async () => {
		const {store} = demoCopy();
		const due = problemsOn(store).find(p => p.id === `bail-due:${REF}`)!;
		expect(due.message).toContain("any further extension needs a magistrates' court before then");
		const extend = due.resolve!.find(w => w.command?.includes('--event extended'))!;
		expect(extend.command).toBe(`fortnight bail record ${REF} --event extended --authorised-by NAME --rank court --period-end D`);
		expect(extend.label).toBe(
			"Record the extension, the court and the new end of the period it set (a magistrates' court before 09 Jan 2027)",
		);
		const fill = (word: string, flag: string | null) =>
			flag === 'authorised-by' ? 'Leeds Magistrates' : word === 'D' ? '2027-04-09' : word;
		const r = await runPrinted(extend.command!, store, TODAY, 'DS Brennan', fill);
		expect(r.code, r.stderr).toBe(0);
		const last = savedData(store)
			.cases.find(c => c.ref === REF)!
			.bail!.extensions.at(-1)!;
		expect([last.authority, last.authorisedBy, last.periodEnd]).toEqual(['magistrates-court', 'Leeds Magistrates', '2027-04-09']);
		expect(problemsOn(store).find(p => p.id === `bail-due:${REF}`)?.message ?? '').not.toContain('period ends 09 Jan 2027');
	});
});
