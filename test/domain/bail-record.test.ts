/** recordBailEvent: the rank each stage needs, the statute's period ends, and the data it leaves untouched. */
import {describe, expect, it} from 'vitest';
import {
	BailRecordError,
	EXTENSION_RANKS,
	parseRank,
	recordBailEvent,
	type BailRecordInput,
	type ExtensionRank,
} from '../../source/domain/bail-record.js';
import type {Bail, BailAuthority, StoreData} from '../../source/domain/model.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {kase, store} from './rules/fixture.js';

const AT = '2023-05-01T09:00:00.000Z';

function bailed(bail: Partial<Bail> = {}): StoreData {
	const b: Bail = {regime: 'pcsc-2022', bailedOn: '2023-02-28', returnDate: '2023-05-20', extensions: [], endedOn: null, suspect: 'AB'};
	Object.assign(b, bail);
	return store({cases: [kase('CR/1/23', {arrestDate: b.bailedOn, bail: b})]});
}

const input = (over: Partial<BailRecordInput>): BailRecordInput => ({
	event: 'extended',
	on: '2023-05-01',
	returnDate: null,
	authorisedBy: 'Officer X',
	rank: 'inspector',
	periodEnd: null,
	recordedBy: 's1',
	recordedAt: AT,
	...over,
});
const extend = (data: StoreData, over: Partial<BailRecordInput>, today: string) => () =>
	recordBailEvent(data, 'CR/1/23', input(over), today);

/** The bail after `stages` police extensions (periodEnd values from the statute for a 28 Feb 2023 arrest). */
function atStage(stages: BailAuthority[]): StoreData {
	const ends: Record<string, string> = {inspector: '2023-08-31', superintendent: '2023-11-30', 'assistant-chief-constable': '2024-02-29'};
	const extensions = stages.map(a => ({date: '2023-05-01', authority: a, authorisedBy: 'X', periodEnd: ends[a]!}));
	// The return date the period's last day, so an extension on any day of it has not missed it (a missed
	// return needs a new return date with the extension: QA D-B, tested below).
	return bailed({extensions, returnDate: extensions.at(-1)?.periodEnd ?? '2023-05-31'});
}

describe('recordBailEvent: who may extend at each stage', () => {
	const stages: {done: BailAuthority[]; least: ExtensionRank; to: string; on: string}[] = [
		{done: [], least: 'inspector', to: '2023-08-31', on: '2023-05-31'},
		{done: ['inspector'], least: 'superintendent', to: '2023-11-30', on: '2023-08-31'},
		{done: ['inspector', 'superintendent'], least: 'assistant chief constable', to: '2024-02-29', on: '2023-11-30'},
	];
	for (const {done, least, to, on} of stages) {
		it(`after ${done.length} extension(s): ${least} or above extends to ${to}; anyone junior is refused, naming who must`, () => {
			const data = atStage(done);
			for (const rank of EXTENSION_RANKS.slice(0, -1)) {
				const attempt = () => recordBailEvent(data, 'CR/1/23', input({rank, on}), on);
				if (EXTENSION_RANKS.indexOf(rank) >= EXTENSION_RANKS.indexOf(least)) {
					const r = attempt();
					expect(r.after.bail!.extensions.at(-1)!.periodEnd).toBe(to);
					expect(r.event.rank).toBe(`${rank}, as stated by the recorder`);
				} else {
					expect(attempt).toThrow(new RegExp(`cannot authorise this extension .*it needs an? ${least}`));
				}
			}
			// On the last day of the period an extension is still possible; the day after it is not.
			const after = (d: string) => {
				const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
				return new Date(Date.UTC(y, m - 1, dd + 1)).toISOString().slice(0, 10);
			};
			expect(extend(data, {rank: 'chief constable', on: after(on)}, after(on))).toThrow(
				/Bail cannot be extended once the period has ended/,
			);
		});
	}

	it('the month-end arrest: the first period ends 31 May (so an extension on 29 May is in time) and an inspector extends to 31 Aug', () => {
		// The return date (20 May) has passed by 29 May: the extension gives a new one.
		const r = recordBailEvent(bailed(), 'CR/1/23', input({on: '2023-05-29', returnDate: '2023-06-15'}), '2023-05-29');
		expect(r.event).toMatchObject({
			authority: 'inspector',
			periodEnd: '2023-08-31',
			rank: 'inspector, as stated by the recorder',
			authorisedBy: 'Officer X',
		});
		const differs = extend(bailed(), {periodEnd: '2023-08-28'}, '2023-05-01');
		expect(differs).toThrow(/runs to 31 Aug \(6 months beginning with the bail start date, 01 Mar\)/);
	});

	it('the assistant chief constable stage says it is for DPP-designated cases only; after it only a court, which sets the end', () => {
		const r = extend(atStage(['inspector', 'superintendent']), {rank: 'assistant chief constable', on: '2023-11-01'}, '2023-11-01')();
		expect(r.summary).toContain('only where the DPP has designated the case exceptionally complex');
		const data = atStage(['inspector', 'superintendent', 'assistant-chief-constable']);
		const chief = extend(data, {rank: 'chief constable', on: '2024-01-10'}, '2024-01-10');
		expect(chief).toThrow(/Only a magistrates' court can extend this bail now/);
		expect(extend(data, {rank: "magistrates' court", on: '2024-01-10'}, '2024-01-10')).toThrow(/give it with --period-end D/);
		const court = extend(data, {rank: "magistrates' court", on: '2024-01-10', periodEnd: '2024-08-28'}, '2024-01-10')();
		expect(court.event).toMatchObject({authority: 'magistrates-court', periodEnd: '2024-08-28'});
	});

	it("pre-2022 bail: the first extension is a superintendent's, to 3 months beginning with the bail start date", () => {
		const data = bailed({regime: 'pre-2022', bailedOn: '2022-08-31', returnDate: '2022-09-20'});
		expect(extend(data, {rank: 'chief inspector', on: '2022-09-20'}, '2022-09-20')).toThrow(/it needs a superintendent or above/);
		const r = recordBailEvent(data, 'CR/1/23', input({rank: 'superintendent', on: '2022-09-20'}), '2022-09-20');
		expect(r.event.periodEnd).toBe('2022-11-30');
	});
});

describe('recordBailEvent: who authorised it, when they are a team officer (QA 3 defect 2)', () => {
	// The fixture's team: DI Ruth Inspector (i1), DS Sam Sergeant (s1), DC Dan Dean (o1).
	const by = (authorisedBy: string, rank: ExtensionRank | null) => extend(bailed(), {authorisedBy, rank}, '2023-05-01');

	it('a team officer, named any way officers are matched, is recorded with the rank the store holds; a contradicting rank is refused', () => {
		for (const name of ['DS Sam Sergeant', 'DS Sergeant', 'Sergeant', 's1', 'Sam Sergeant']) {
			for (const rank of ['superintendent', 'inspector', 'chief constable'] as const) {
				expect(by(name, rank), `${name} --rank ${rank}`).toThrow(
					new RegExp(`DS Sam Sergeant \\(s1\\) is recorded in this store as a sergeant, not ${rank}`),
				);
			}
			expect(by(name, null), name).toThrow(/A sergeant cannot authorise this extension .*it needs an inspector or above/);
			expect(by(name, 'sergeant'), name).toThrow(/A sergeant cannot authorise this extension/);
		}
		// A rank word in the name that is not theirs ("DI Sergeant", "Supt Sam Sergeant") is the same officer, refused.
		expect(by('DI Sergeant', null)).toThrow(/DS Sam Sergeant \(s1\) is recorded in this store as a sergeant, not inspector/);
		expect(by('Supt Sam Sergeant', 'superintendent')).toThrow(/as a sergeant, not superintendent/);
		expect(by('Dean', 'inspector')).toThrow(/DC Dan Dean \(o1\) is recorded in this store as a constable, not inspector/);
	});

	it("the team's inspector, by surname or id, extends with the store's rank, recorded by full name and not marked as stated", () => {
		for (const name of ['Inspector', 'i1', 'DI Inspector']) {
			const r = by(name, null)();
			expect(r.event).toMatchObject({authorisedBy: 'DI Ruth Inspector', rank: 'inspector'});
			expect(r.summary).toContain('by DI Ruth Inspector (inspector) on');
			expect(by(name, 'superintendent')).toThrow(/as an inspector, not superintendent/);
		}
	});

	it('someone outside the team is recorded as typed, with the rank given, marked as stated by the recorder', () => {
		const r = by('Supt A. Begum', 'superintendent')();
		expect(r.event).toMatchObject({authorisedBy: 'Supt A. Begum', rank: 'superintendent, as stated by the recorder'});
		expect(r.summary).toContain('by Supt A. Begum (superintendent, as stated by the recorder) on');
	});

	it("a name with a team officer's surname and their initial is refused as looking like them, not recorded as stated (QA 4 R-d)", () => {
		for (const name of ['DI S Sergeant', 'S.Sergeant', 'Supt S. Sergeant', 's sergeant']) {
			expect(by(name, 'inspector'), name).toThrow(
				/looks like DS Sam Sergeant \(s1\), a sergeant in this store: name them as the store does, or give the authoriser's full name if it is someone else/,
			);
		}
		expect(by('DI R Inspector', null)).toThrow(/looks like DI Ruth Inspector \(i1\), an inspector in this store/);
		// Another initial, or a full forename that is not theirs, is someone else: recorded as stated.
		for (const name of ['DI K Sergeant', 'DI Kate Sergeant']) {
			expect(by(name, 'inspector')().event, name).toMatchObject({authorisedBy: name, rank: 'inspector, as stated by the recorder'});
		}
	});
});

describe('recordBailEvent: outcomes and history', () => {
	it('never changes the data it was given; appends one event per record; the lapsed problem clears on an outcome', () => {
		const data = bailed();
		const frozen = JSON.stringify(data);
		expect(findProblems(data, '2023-06-02').some(p => p.kind === 'bail-lapsed')).toBe(true);
		const r = recordBailEvent(data, 'CR/1/23', input({event: 'nfa', on: '2023-05-25', authorisedBy: null, rank: null}), '2023-06-02');
		expect(JSON.stringify(data)).toBe(frozen);
		expect(r.after.bail!.endedOn).toBe('2023-05-25');
		expect(r.after.bailEvents).toHaveLength(1);
		expect(findProblems(r.data, '2023-06-02').some(p => p.kind.startsWith('bail'))).toBe(false);
	});

	it('an extension after the return date has passed needs a new return date; with one the lapsed problem clears (QA D-B)', () => {
		// Return 20 May passed; the period (to 31 May) still runs.
		const data = bailed();
		expect(findProblems(data, '2023-05-25').some(p => p.kind === 'bail-lapsed')).toBe(true);
		expect(extend(data, {on: '2023-05-25'}, '2023-05-25')).toThrow(
			'The return date of CR/1/23, 20 May, has passed: an extension needs a new one, the date the suspect must answer bail. ' +
				'Give it with --return D (from today to 31 Aug, the new period end).',
		);
		const r = extend(data, {on: '2023-05-25', returnDate: '2023-06-10'}, '2023-05-25')();
		expect(r.after.bail!.returnDate).toBe('2023-06-10');
		expect(findProblems(r.data, '2023-05-25').some(p => p.kind === 'bail-lapsed')).toBe(false);
		// An extension recorded on the return date itself, or before it, may keep it.
		expect(extend(data, {on: '2023-05-20'}, '2023-05-20')().after.bail!.returnDate).toBe('2023-05-20');
	});

	it('an extension made before the return date and recorded after it keeps the date; the missed return stays a problem (REVIEW 5 D7)', () => {
		const data = bailed();
		// Authorised 19 May (return 20 May, not yet passed), recorded 25 May: judged on its own day.
		const late = extend(data, {on: '2023-05-19'}, '2023-05-25')();
		expect(late.after.bail!.returnDate).toBe('2023-05-20');
		expect(late.after.bail!.extensions.at(-1)).toMatchObject({date: '2023-05-19', periodEnd: '2023-08-31'});
		expect(findProblems(late.data, '2023-05-25').some(p => p.kind === 'bail-lapsed')).toBe(true);
		// Made on the day after the return date, it still needs a new one.
		expect(extend(data, {on: '2023-05-21'}, '2023-05-25')).toThrow('The return date of CR/1/23, 20 May, has passed');
	});

	it('reads ranks as people write them', () => {
		expect(parseRank('Det. Supt')).toBe('superintendent');
		expect(parseRank('DCI')).toBe('chief inspector');
		expect(parseRank('Commander')).toBe('assistant chief constable');
		expect(parseRank("Magistrates' Court")).toBe("magistrates' court");
		expect(parseRank('Brigadier')).toBeNull();
	});

	it('refuses a recorder who is not an officer of the team', () => {
		expect(() => recordBailEvent(bailed(), 'CR/1/23', input({recordedBy: 'zz'}), '2023-05-01')).toThrow(BailRecordError);
	});
});
