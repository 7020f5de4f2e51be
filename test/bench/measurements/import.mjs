/**
 * Importing a 50,000-row records-system export (issue 9) vs a bare parse of the same file with the
 * same parser (csv-parse), budget 3x. The file is written once from the 5,000-case bench store's cases
 * in the documented default format (headers from dist/domain/import/columns.js), with new crime
 * references so every row is a new case, allocated round robin to the officers of the 300-case store,
 * which is what it is imported into (a private copy each run): a team-sized store taking in a large
 * export, so the figure is the import's own cost rather than rewriting a department's file.
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {stringify} from 'csv-stringify/sync';
import {CACHE, DIST, fixture} from '../lib/paths.mjs';
import {runNode} from '../lib/spawn.mjs';
import {interleaved, sampleOf} from '../lib/stats.mjs';
import {copyStore} from '../lib/stores.mjs';

export const IMPORT_ROWS = 50_000;

/** The smoke run imports a small file: it checks the wiring, not the figure. */
export const SMOKE_ROWS = 2000;

/**
 * New crime references in the team's format (the default crimeRefPattern, CR/12345/26; import refuses
 * any other, README "fortnight import"): numbered from 00000 with the year 21, which no generated case
 * has (they open from 2022), so every row is a new case.
 */
const REF_FORMAT = 'CR/NNNNN/21';
const newRef = i => `CR/${String(i).padStart(5, '0')}/21`;

async function ensureCsv(ctx) {
	const count = ctx.smoke ? SMOKE_ROWS : IMPORT_ROWS;
	const columns = path.join(DIST, 'domain', 'import', 'columns.js');
	// Keyed by the documented format too: new headers, or new references, mean a new file.
	const key = createHash('sha256').update(readFileSync(columns)).update(REF_FORMAT).digest('hex').slice(0, 8);
	const file = path.join(path.dirname(ctx.store.file), `import-${count}-${key}.csv`);
	if (existsSync(file)) return file;
	const {DEFAULT_HEADERS, FIELDS} = await import(pathToFileURL(columns).href);
	const source = JSON.parse(readFileSync((ctx.stores[5000] ?? ctx.store).file, 'utf8')).cases;
	const officers = JSON.parse(readFileSync(ctx.store.file, 'utf8')).officers.filter(o => o.role === 'investigator');
	const rows = [FIELDS.map(f => DEFAULT_HEADERS[f])];
	for (let i = 0; i < count; i++) {
		const c = source[i % source.length];
		const o = officers[i % officers.length];
		const last = c.updates.at(-1);
		const row = {
			ref: newRef(i),
			offence: c.offence,
			officer: o.collarNumber,
			risk: c.risk,
			status: c.status,
			opened: c.opened,
			arrestDate: c.arrestDate ?? '',
			bailReturnDate: c.bail && !c.bail.endedOn ? c.bail.returnDate : '',
			rui: c.rui && !c.rui.endedOn ? 'yes' : 'no',
			lastUpdateDate: last?.date ?? '',
			lastUpdateText: last?.text ?? '',
			victimServiceLevel: c.victim?.serviceLevel ?? '',
			lastVictimUpdate: c.victim?.updates.at(-1) ?? '',
			forensicSubmitted: c.forensics[0]?.submitted ?? '',
		};
		rows.push(FIELDS.map(f => row[f] ?? ''));
	}
	writeFileSync(`${file}.tmp`, stringify(rows));
	renameSync(`${file}.tmp`, file);
	return file;
}

export const importRows = {
	id: 'import',
	title: `import ${IMPORT_ROWS.toLocaleString('en-GB')} new-case rows into a copy of the 300-case store`,
	baselineTitle: 'node: csv-parse of the same file',
	issue: 9,
	needs: ['import'],
	budget: {ratio: 3},
	/** One size only: the budget is about the 50,000-row file, which goes into a team-sized store. */
	sizes: [300],
	bindsAt: [300],
	async run(ctx) {
		const csv = await ensureCsv(ctx);
		const dir = mkdtempSync(path.join(CACHE, 'import-'));
		try {
			const target = path.join(dir, 'store.json');
			return await interleaved({
				runs: ctx.runs,
				warmup: ctx.warmup,
				budgetMs: ctx.budgetMs,
				subject: async () => {
					copyStore(ctx.store.file, target);
					return sampleOf(await runNode(['dist/cli.js', 'import', csv, '--store', target, '--today', ctx.today, '--no-color']));
				},
				baseline: async () => sampleOf(await runNode([fixture('bare-csv-parse.mjs'), csv])),
			});
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	},
};
