/**
 * The cover acts for the sergeant for the days of the absence they cover, no longer, and never over
 * themselves (README "Who you are", "No one supervises themselves"): through the command line, each
 * refusal is exit 2 with who can do it instead, and the store is byte for byte as it was.
 */
import {describe, expect, it} from 'vitest';
import {demoCopy, runCli} from '../helpers/cli.js';
import {savedBytes} from '../helpers/saved-store.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const MARSH_BAILED = 'CR/49144/26';
const ASHWORTH_BAILED = 'CR/87204/26';

/** The demo with DS Brennan away 01-05 Dec and DC Marsh named as cover (recorded on 30 Nov by DI Okafor). */
function coveredStore(): string {
	const {store} = demoCopy();
	const r = runCli(
		[
			'absence',
			'add',
			'DS Brennan',
			'--from',
			'2026-12-01',
			'--to',
			'2026-12-05',
			'--reason',
			'annual-leave',
			'--cover',
			'DC Marsh',
			// Its cover is named by the person above the sergeant (README "Who may change absences and cover").
			'--as',
			'DI Okafor',
		].concat(['--store', store, '--today', '2026-11-30']),
		{env: NOW},
	);
	expect(r.code, r.stderr).toBe(0);
	return store;
}

const as = (store: string, today: string, ...args: string[]) =>
	runCli([...args, '--store', store, '--today', today, '--as', 'DC Marsh'], {env: NOW});

describe('the cover, through the command line', () => {
	it("records a peer's welfare only on the days of the absence: before and after is refused, saying who can", () => {
		const store = coveredStore();
		const before = savedBytes(store);
		for (const today of ['2026-11-30', '2026-12-06']) {
			const r = as(store, today, 'welfare', 'record', 'DC Ashworth', '--kind', 'check-in');
			expect(r.code, today).toBe(2);
			expect(r.stderr).toContain("DC Marsh is not DC Ashworth's line manager on");
			// DC Marsh is the cover named: she is not pointed at herself.
			expect(r.stderr).toContain('DS Brennan or DI Okafor can');
			expect(savedBytes(store).equals(before)).toBe(true);
		}
		// During the cover, about a day before it began: not theirs either.
		const early = as(store, '2026-12-02', 'welfare', 'record', 'DC Ashworth', '--kind', 'check-in', '--on', '2026-11-30');
		expect(early.code).toBe(2);
		expect(early.stderr).toContain("DC Marsh is not DC Ashworth's line manager on 30 Nov");
		expect(savedBytes(store).equals(before)).toBe(true);
		const during = as(store, '2026-12-02', 'welfare', 'record', 'DC Ashworth', '--kind', 'check-in');
		expect(during.code, during.stderr).toBe(0);
		expect(during.stderr).toContain('welfare check-in for DC Ashworth on 02 Dec, by DC Marsh');
	});

	it("never records her own welfare or her own case's bail, even while covering: they go to the inspector", () => {
		const store = coveredStore();
		const before = savedBytes(store);
		const own = as(store, '2026-12-02', 'welfare', 'record', 'DC Marsh', '--kind', 'check-in');
		expect(own.code).toBe(2);
		expect(own.stderr).toContain("DC Marsh cannot record their own welfare check-in. It goes to DI Okafor (the team's inspector).");
		const bail = as(store, '2026-12-02', 'bail', 'record', MARSH_BAILED, '--event', 'charged');
		expect(bail.code).toBe(2);
		expect(bail.stderr).toContain(
			`DC Marsh holds ${MARSH_BAILED}, so cannot record its bail decisions: no one supervises their own cases.`,
		);
		expect(savedBytes(store).equals(before)).toBe(true);
		// The inspector records the cover's own check-in.
		const di = runCli(
			['welfare', 'record', 'DC Marsh', '--kind', 'check-in', '--store', store, '--today', '2026-12-02', '--as', 'DI Okafor'],
			{env: NOW},
		);
		expect(di.code, di.stderr).toBe(0);
	});

	it("records a peer's bail only while covering", () => {
		const store = coveredStore();
		const before = savedBytes(store);
		const early = as(store, '2026-11-30', 'bail', 'record', ASHWORTH_BAILED, '--event', 'charged');
		expect(early.code).toBe(2);
		expect(early.stderr).toContain(`DC Marsh does not supervise DC Ashworth on 30 Nov, so cannot record the bail of ${ASHWORTH_BAILED}`);
		expect(savedBytes(store).equals(before)).toBe(true);
		const during = as(store, '2026-12-02', 'bail', 'record', ASHWORTH_BAILED, '--event', 'charged');
		expect(during.code, during.stderr).toBe(0);
	});
});
