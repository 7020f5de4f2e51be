/**
 * QA defect D-B: "Bail lapsed" because the return date passed (CR/87204/26: return 02 Dec, period ends
 * 11 Dec). The printed way to record the extension had no --return, and run as printed it was saved
 * with the past return date kept, so the problem stayed critical. An extension of a bail whose return
 * date has passed now needs a new return date (README "Bail": a return date in the past is refused):
 * the printed way asks for --return D, an extension without one is refused with the sentence saying
 * so, and doing what the problem says clears it.
 */
import {describe, expect, it} from 'vitest';
import type {Problem} from '../../source/domain/problem.js';
import {demoCopy, runCli} from '../helpers/cli.js';
import {runPrinted} from '../helpers/printed-command.js';
import {savedBytes, savedData} from '../helpers/saved-store.js';

const TODAY = '2026-12-05';
const REF = 'CR/87204/26';

const problemsOn = (store: string, today = TODAY): Problem[] =>
	JSON.parse(runCli(['problems', '--json', '--store', store, '--today', today]).stdout) as Problem[];

/** What the reader types for the printed placeholders: DI Okafor authorised it, the new return date 15 Dec. */
const fill = (word: string, flag: string | null): string =>
	flag === 'authorised-by' ? 'DI Okafor' : word === 'RANK' ? 'inspector' : word === 'D' ? '2026-12-15' : word;

/** `bail record REF --event extended` authorised by WHO (RANK) on ON, recorded by DS Brennan on TODAY. */
const extendOn = (store: string, who: string, rank: string, on: string) =>
	runCli([
		'bail',
		'record',
		REF,
		'--event',
		'extended',
		'--authorised-by',
		who,
		'--rank',
		rank,
		'--on',
		on,
		'--store',
		store,
		'--today',
		TODAY,
		'--as',
		'DS Brennan',
	]);

describe('bail lapsed by a missed return date: the extension needs a new return date (QA D-B)', () => {
	it('the printed extension asks for --return D; without it the record is refused and nothing saved; as printed it clears the problem', async () => {
		const {store} = demoCopy();
		const lapsed = problemsOn(store).find(p => p.id === `bail-lapsed:${REF}`)!;
		expect(lapsed.severity).toBe('critical');
		expect(lapsed.message).toMatch(/^Bail return 02 Dec passed 3 days ago .*period ends 11 Dec/);
		const extend = lapsed.resolve!.find(w => w.command?.includes('--event extended'))!;
		expect(extend.command).toBe(`fortnight bail record ${REF} --event extended --authorised-by NAME --rank RANK --return D`);
		expect(extend.label).toBe('Record the extension, who authorised it (an inspector before 11 Dec) and the new return date');
		expect(extend.desk?.key).toBe('b');

		// The QA run: the extension without a new return date. Refused, the store byte for byte as it was.
		const before = savedBytes(store);
		const bare = await runPrinted(extend.command!.replace(' --return D', ''), store, TODAY, 'DS Brennan', fill);
		expect(bare.code).toBe(2);
		expect(bare.stderr).toContain(
			'The return date of CR/87204/26, 02 Dec, has passed: an extension needs a new one, the date the suspect must answer bail. ' +
				'Give it with --return D (from today to 11 Mar 2027, the new period end). Nothing was saved.',
		);
		expect(savedBytes(store).equals(before)).toBe(true);

		// As printed: recorded with the new return date, and the bail-lapsed problem is gone.
		const r = await runPrinted(extend.command!, store, TODAY, 'DS Brennan', fill);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('bail period extended to 11 Mar 2027 by DI Rachel Okafor (inspector) on 05 Dec; return date 15 Dec.');
		expect(savedData(store).cases.find(c => c.ref === REF)!.bail!.returnDate).toBe('2026-12-15');
		expect(problemsOn(store).map(p => p.id)).not.toContain(`bail-lapsed:${REF}`);
	});

	it('an extension authorised before the return date and recorded after it keeps that date; the lapsed problem stays (REVIEW 5 D7)', () => {
		const {store} = demoCopy();
		const r = extendOn(store, 'DI Okafor', 'inspector', '2026-12-01');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('by DI Rachel Okafor (inspector) on 01 Dec; return date 02 Dec.');
		expect(savedData(store).cases.find(c => c.ref === REF)!.bail!.returnDate).toBe('2026-12-02');
		// The return was still missed on 02 Dec: the problem stays until that is dealt with.
		expect(problemsOn(store).map(p => p.id)).toContain(`bail-lapsed:${REF}`);
		// Made on 03 Dec, after the return date, it needs a new one.
		const after = extendOn(store, 'Supt Ann Hale', 'superintendent', '2026-12-03');
		expect(after.code).toBe(2);
		expect(after.stderr).toContain('The return date of CR/87204/26, 02 Dec, has passed: an extension needs a new one');
	});

	it('the re-bail way, printed beside it, clears it too; bail-due ways before the return date are as they were', async () => {
		const {store} = demoCopy();
		// A return date still ahead (CR/30126/26, return 05 Dec, on 30 Nov): the extension keeps it unless one is given.
		const due = problemsOn(store, '2026-11-30').find(p => p.id === 'bail-due:CR/30126/26')!;
		const early = due.resolve!.find(w => w.command?.includes('--event extended'))!;
		expect(early.command).toBe('fortnight bail record CR/30126/26 --event extended --authorised-by NAME --rank RANK');
		expect(early.label).toMatch(/^Record the extension and who authorised it \(/);
		const lapsed = problemsOn(store).find(p => p.id === `bail-lapsed:${REF}`)!;
		const rebail = lapsed.resolve!.find(w => w.command?.includes('--event re-bailed'))!;
		// Within the period still running (ends 11 Dec).
		const r = await runPrinted(rebail.command!, store, TODAY, 'DS Brennan', w => (w === 'D' ? '2026-12-10' : w));
		expect(r.code, r.stderr).toBe(0);
		expect(problemsOn(store).map(p => p.id)).not.toContain(`bail-lapsed:${REF}`);
	});
});
