/**
 * Test helpers for the importer: write store cases out in the documented import format (so a round
 * trip can be checked), and generate large deterministic exports for the speed measurement.
 */
import {stringify} from 'csv-stringify/sync';
import {DEFAULT_HEADERS, FIELDS, type Field} from '../../source/domain/import/index.js';
import type {Case, Officer, StoreData} from '../../source/domain/model.js';

export interface ExportStyle {
	/** Header per field (default: the documented headers). */
	headers?: Partial<Record<Field, string>>;
	dates?: 'iso' | 'uk';
	officerBy?: 'collar' | 'name';
	bom?: boolean;
	crlf?: boolean;
}

const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Latest by date; among equal dates, the last written. */
function latest<T>(list: readonly T[], date: (t: T) => string): T | undefined {
	let best: T | undefined;
	for (const x of list) if (best === undefined || date(x) >= date(best)) best = x;
	return best;
}

export function caseToRow(c: Case, officers: readonly Officer[], style: ExportStyle = {}): Record<Field, string> {
	const d = (s: string | null | undefined) => (s ? (style.dates === 'uk' ? uk(s) : s) : '');
	const oic = officers.find(o => o.id === c.oicId)!;
	const update = latest(c.updates, u => u.date);
	const forensic = latest(c.forensics, f => f.submitted);
	const bail = c.bail && c.bail.endedOn === null ? c.bail : null;
	return {
		ref: c.ref,
		offence: c.offence,
		officer: style.officerBy === 'name' ? `${oic.rank} ${oic.name}` : oic.collarNumber,
		risk: c.risk,
		status: c.status.replace(/-/g, ' '),
		opened: d(c.opened),
		arrestDate: d(c.arrestDate),
		bailReturnDate: d(bail?.returnDate),
		rui: c.rui && c.rui.endedOn === null ? 'Yes' : 'No',
		lastUpdateDate: d(update?.date),
		lastUpdateText: update?.text ?? '',
		victimServiceLevel: c.victim?.serviceLevel ?? '',
		lastVictimUpdate: d(c.victim?.updates.at(-1)),
		forensicSubmitted: d(forensic?.submitted),
		suspect: bail?.suspect ?? (c.rui && c.rui.endedOn === null ? c.rui.suspect : ''),
		forensicResult: d(forensic?.resultOn),
		forensicItem: forensic?.item ?? '',
		lastSuspectUpdate: c.rui && c.rui.endedOn === null ? d(c.rui.lastSuspectUpdate) : '',
		mg3Status: c.cps.mg3Status.replace(/-/g, ' '),
		// A running bail has no outcome yet; an ended one is left blank too (a blank never ends or restarts anything).
		bailOutcome: '',
	};
}

export function toImportCsv(data: StoreData, cases: readonly Case[], style: ExportStyle = {}): string {
	const headers = {...DEFAULT_HEADERS, ...style.headers};
	const rows = cases.map(c => {
		const r = caseToRow(c, data.officers, style);
		return FIELDS.map(f => r[f]);
	});
	const text = stringify([FIELDS.map(f => headers[f]), ...rows], {record_delimiter: style.crlf ? '\r\n' : '\n'});
	return (style.bom ? '\ufeff' : '') + text;
}

/** Small deterministic PRNG (mulberry32) so generated files are the same every run. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const OFFENCES = [
	'Possession of indecent images of children',
	'Sexual communication with a child',
	'Distribution of indecent images, category A',
	'Causing a child to watch a sexual act',
];
const TEXTS = [
	'Devices submitted to DFU for extraction; awaiting a date.',
	'Victim updated by phone, "no concerns" raised.',
	'File build under way,\nstatements chased from two witnesses.',
	"Comms data application submitted for the suspect's account.",
];

/**
 * A large export in the documented format (ISO or UK dates) for the given officers: `rows` cases with
 * references GEN/000001/26 and up, a mix of bail, RUI, victims and forensic submissions, and update text
 * with commas, quotes and line breaks.
 */
export function generateImportCsv(officers: readonly Officer[], rows: number, options: {seed?: number; dates?: 'iso' | 'uk'} = {}): string {
	const r = rng(options.seed ?? 1);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
	const day = (from: number, span: number) =>
		new Date(Date.UTC(2025, 0, 1) + Math.floor(from + r() * span) * 86_400_000).toISOString().slice(0, 10);
	const d = (s: string) => (options.dates === 'uk' ? uk(s) : s);
	const investigators = officers.filter(o => o.role === 'investigator');
	const lines: string[][] = [FIELDS.map(f => DEFAULT_HEADERS[f])];
	for (let i = 1; i <= rows; i++) {
		const opened = day(0, 300);
		const arrest = r() < 0.5 ? day(310, 200) : '';
		const bailReturn = arrest && r() < 0.5 ? day(700, 60) : '';
		const rui = arrest && !bailReturn ? 'Yes' : 'No';
		const victim = r() < 0.7;
		lines.push([
			`GEN/${String(i).padStart(6, '0')}/26`,
			pick(OFFENCES),
			pick(investigators).collarNumber,
			pick(['high', 'medium', 'low']),
			pick(['investigation', 'awaiting forensics', 'with CPS']),
			d(opened),
			arrest ? d(arrest) : '',
			bailReturn ? d(bailReturn) : '',
			rui,
			d(day(520, 150)),
			pick(TEXTS),
			victim ? pick(['standard', 'enhanced']) : '',
			victim ? d(day(520, 150)) : '',
			r() < 0.3 ? d(day(310, 200)) : '',
			arrest ? 'XY' : '',
			'',
			rui === 'Yes' && r() < 0.5 ? d(day(520, 150)) : '',
			pick(['not started', 'in progress', 'submitted', '']),
			'',
			'',
		]);
	}
	return stringify(lines);
}
