/**
 * `fortnight import FILE.csv`: keep the store in step with a records-system export. All or nothing:
 * every row is checked first, and with any rejected row nothing is written unless --skip-invalid. The
 * plan is made again inside store.apply (under the lock, on the freshest data) so a sergeant saving a
 * review at the same moment loses nothing. A file that changes nothing writes nothing.
 */
import {isUtf8} from 'node:buffer';
import {constants, promises as fsp} from 'node:fs';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {bailStateChanges, bailStateKey} from '../domain/import/bail-state.js';
import {
	applyPlan,
	DEFAULT_HEADERS,
	describeNew,
	FIELDS,
	MappingError,
	parseMapping,
	planCsv,
	type ImportMapping,
	type ImportOptions,
	type ImportPlan,
} from '../domain/import/index.js';
import type {StoreData} from '../domain/model.js';
import {shortName} from '../domain/people.js';
import {groupedCount} from '../domain/plural.js';
import {mayImport} from '../domain/permissions.js';
import {safeText} from '../domain/safe-text.js';
import {StoreError} from '../store/index.js';
import {actingOfficer} from './acting.js';
import {out, type Command} from './command.js';
import {RefusalError, UsageError, type Context} from './context.js';
import {nowInstant} from './now.js';
import {openForCommand} from './open-store.js';
import {recordSigning} from './record-signing.js';

/** Exports above this size get a progress bar (on a terminal only). */
const PROGRESS_BYTES = 2 * 1024 * 1024;
const MAX_CSV_BYTES = 512 * 1024 * 1024;
/** Lines listed per section unless --verbose. */
const LIST_LIMIT = 50;

const columnHelp = FIELDS.map(f => `  ${f.padEnd(20)} "${DEFAULT_HEADERS[f]}"`).join('\n');

const command: Command = {
	name: 'import',
	summary: 'add or update cases from a records-system CSV export',
	help: `Usage: fortnight import FILE.csv [--map MAP.json] [--dry-run] [--skip-invalid] [--full] [--verbose] [--yes]

Adds new cases and updates existing ones (matched by crime reference) from a CSV export of your
records system (Athena, Niche, ...). Every row is checked first. If any row is rejected, nothing is
written (the report gives each rejected row's number as a spreadsheet shows it, header = row 1, its
column and the reason) unless you pass --skip-invalid. Importing the same file twice changes nothing.

Columns (field name, then the header fortnight looks for; case and spacing do not matter)
${columnHelp}
Only "Crime reference" is required in every file. A new case also needs offence, officer, risk, status
and opened. A column the file does not have changes nothing, and an empty cell changes nothing: an
empty bail return date leaves a running bail running (a value missing from an export means
"unchanged", never "ended"). Bail ends on an import only by an explicit outcome: RUI "yes", or a
"Bail outcome" of charged, no further action or released (recorded as a bail event). A bail return
date that a record made with "fortnight bail record" has replaced (re-bailed, extended, ended) is the
export not yet caught up: it changes nothing. An import that would end or start a bail or an RUI on a
case already in the store lists each such change under "Bail and RUI changes to confirm" (--dry-run
shows them): at a terminal it asks before writing anything; otherwise it writes only with --yes.

Values
  officer              collar number or name ("4021", "DC Sam Ashworth", "ASHWORTH, Sam"); officers are
                       never created: unknown or ambiguous names are listed and their rows rejected
  risk                 high, medium, low (or H, M, L)
  status               investigation, awaiting forensics, with CPS, charged, court, closed
  RUI                  yes or no (Y/N, true/false, 1/0); "yes" ends running bail, "no" ends running RUI
  suspect              optional: the suspect's initials (up to 12 characters, never a name), set on the
                       running bail or RUI; without them messages say "the suspect"
  victim service level standard or enhanced
  dates                yyyy-MM-dd or dd/MM/yyyy (31/02/2026 is refused; so are dates after today,
                       except the bail return date)
  last update          appended to the case's updates unless the same date and text are already there,
                       as the records system's: the export names no author, so it is not the OIC's
  last victim update, forensic submitted: added when not already recorded
  forensic result      the date the result came back, for the row's forensic submission (or the
                       case's one submission still waiting)
  forensic item        optional: what was submitted ("Laptop (suspect)"), naming the submission with
                       its date, so two sent the same day are told apart; a submission imported before
                       without it takes it. Blank: the submission is named by its date alone

Each case appears on one row, with a further row for each other forensic submission: its "Forensic
submitted" date (its "Forensic item" too when two were sent the same day, and its "Forensic result"
once back), so one export clears every submission of a case.
A further row may repeat the case's other cells or leave them blank; one that would change anything
else (a different risk, officer, update...), or give a second result for a submission, is refused
naming the row before it, which stands. A repeated row with no forensic cells is refused as before.
  last suspect update  the last day the suspect was told of progress (a running RUI)
  MG3 status           not started, in progress, submitted, advice received, charged, no further
                       action (NFA), not required; a change restarts the MG3's clock today
  bail outcome         optional: charged, no further action (NFA) or released (without bail): ends a
                       running bail, recorded in its bail events as whoever imports, on the import date

New cases are allocated on today's date with their next review due today, so the sergeant reviews each
one. A bail regime is fixed from the arrest date (before or after 28 October 2022). Text is kept as
written; text with control or invisible characters is listed and always shown made safe.

Mapping file (--map), JSON; every key optional:
  {
    "columns":    {"ref": "Crime No", "officer": "OIC Collar", "opened": "Date Recorded"},
    "dateFormats": ["dd/MM/yyyy", "dd/MM/yyyy HH:mm", "yyyy-MM-dd"],
    "values":     {"risk": {"Standard": "low", "Significant": "high"},
                   "status": {"Filed": "closed", "Pending CPS": "with CPS"},
                   "rui": {"RUI": "yes"}, "victimServiceLevel": {"VCOP Enhanced": "enhanced"},
                   "mg3Status": {"Sent to CPS": "submitted"}}
  }
"columns" maps field names (above) to your headers; "dateFormats" are tried in order (tokens yyyy, MM,
M, dd, d, HH, mm, ss; other date-fns patterns also work, more slowly); "values" maps your words to
fortnight's.

Options
  --map FILE        mapping file for other headers, date formats and words
  --dry-run         check and show what would change; write nothing
  --skip-invalid    import the valid rows even when some are rejected
  --full            the file lists the team's whole caseload: report live cases it does not list
                    (they are never deleted)
  --verbose         list every change and rejection (otherwise the first ${LIST_LIMIT} of each)
  --yes             confirm the bail and RUI changes listed (without a terminal they need it)

Who may: the team's sergeant, their cover on the days they cover, or the inspector; a changed officer is
judged as "case reallocate" judges it (a row moving a case the importer holds, or a case to a cover
themselves, is rejected), and a row ending a bail as "bail record" judges it (not on a case you hold).

Exit codes: 0 imported (or nothing to change); 1 rows rejected or the file unusable, nothing written;
2 usage error (missing file, bad mapping, bail or RUI changes not confirmed, an officer importing); 3 the
store cannot be read or written.

Examples
  fortnight import niche-export.csv --dry-run
  fortnight import athena.csv --map athena-map.json --full`,
	flags: {
		map: {type: 'string'},
		dryRun: {type: 'boolean', default: false},
		skipInvalid: {type: 'boolean', default: false},
		full: {type: 'boolean', default: false},
		verbose: {type: 'boolean', default: false},
		yes: {type: 'boolean', default: false},
	},
	async run(ctx, input, flags) {
		const file = input[0];
		if (!file) throw new UsageError('Name the CSV file to import: fortnight import FILE.csv.');
		if (input.length > 1) throw new UsageError(`Import one file at a time (got ${input.length}).`);
		const mapping = flags['map'] ? await readMapping(String(flags['map'])) : undefined;
		const bytes = await readCsv(file);
		const store = await openForCommand(ctx);
		const progress = progressBar(ctx, bytes.length > PROGRESS_BYTES);

		// Who imports, for the history of the allocations and risks the import changes (acting.ts).
		const by = actingOfficer(ctx, store.snapshot()).id;
		// An import is a supervisor's act for the team (permissions.ts mayImport): refused before any row is read.
		const allowed = mayImport(store.snapshot(), by, ctx.today);
		if (!allowed.ok) throw new RefusalError(allowed.reason);
		const options: ImportOptions = {today: ctx.today, mapping, full: Boolean(flags['full']), by, recordedAt: nowInstant(ctx)};
		// Parsed and checked in one pass (rows are dropped once checked); nothing is written yet.
		const plan = planCsv(store.snapshot(), bytes, {
			...options,
			onProgress: progress && ((done, total) => progress('checking', total === 0 ? 1 : done / total)),
		});
		progress?.('done', 1);
		const verbose = Boolean(flags['verbose']);
		const dryRun = Boolean(flags['dryRun']);
		const skipInvalid = Boolean(flags['skipInvalid']);

		if (plan.fileError) {
			await out(ctx, `${file}: ${plan.fileError} Nothing was written.\n`);
			return 1;
		}
		const blocked = plan.rejectedRows > 0 && !skipInvalid;
		await out(ctx, report(file, store.snapshot(), plan, ctx, verbose, dryRun || blocked));
		if (dryRun) {
			await out(
				ctx,
				`Dry run: nothing was written.${blocked ? ' As it stands the import would be refused: fix the rejected rows or use --skip-invalid.' : ''}\n`,
			);
			return blocked ? 1 : 0;
		}
		if (blocked) {
			await out(
				ctx,
				`Nothing was written: ${plural(plan.rejectedRows, 'row')} rejected. Fix ${plan.rejectedRows === 1 ? 'it' : 'them'} and import again, or use ` +
					`--skip-invalid to import the other rows.\n`,
			);
			return 1;
		}
		if (plan.changes.length === 0) {
			await out(ctx, `Nothing to change: ${store.file} already matches the export. Nothing was written.\n`);
			return 0;
		}
		// Safety-critical: an import never ends or starts a bail or RUI unconfirmed (README "fortnight import").
		const bailChanges = bailStateChanges(plan.changes);
		if (bailChanges.length > 0 && !flags['yes']) await confirmBailChanges(ctx, bailChanges.length);
		// A changed officer is a reallocation and a bail outcome a bail event: signed records, as the importer (README "Signed records").
		const signing = await recordSigning(ctx, store.snapshot(), by);
		const planned = store.snapshot();
		let applied = plan;
		const result = await store.apply(fresh => {
			// Re-planned on the freshest data under the lock when someone else saved meanwhile: their save is
			// kept, not overwritten. (The store hands back the same object when nothing changed on disk.)
			applied = fresh === planned ? plan : planCsv(fresh, bytes, options);
			if (applied.rejectedRows > plan.rejectedRows && !skipInvalid) {
				throw new StoreError(
					'conflict',
					`${store.file} changed while importing and more rows would now be rejected; nothing was written. Run the import again.`,
					store.file,
				);
			}
			if (applied !== plan && bailStateKey(bailStateChanges(applied.changes)) !== bailStateKey(bailChanges)) {
				const why = 'the bail and RUI changes are no longer the ones listed';
				const again = 'nothing was written. Run the import again.';
				throw new StoreError('conflict', `${store.file} changed while importing and ${why}; ${again}`, store.file);
			}
			return signing.sign(fresh, applyPlan(fresh, applied));
		});
		const added = applied.changes.filter(c => c.kind === 'add').length;
		await out(
			ctx,
			`Wrote ${plural(added, 'new case')} and ${plural(applied.changes.length - added, 'updated case')} to ${store.file} (revision ${result.revision})` +
				`${result.merged ? ', on top of changes saved meanwhile by someone else' : ''}.` +
				`${applied.rejectedRows > 0 ? ` ${plural(applied.rejectedRows, 'rejected row')} skipped.` : ''}\n`,
		);
		return 0;
	},
};
export default command;

/** A person at a terminal types yes to the bail and RUI changes listed; a script passes --yes. */
async function confirmBailChanges(ctx: Context, n: number): Promise<void> {
	const verb = n === 1 ? 'ends or starts' : 'end or start';
	const what = `${plural(n, 'change')} ${verb} a bail or RUI (listed above under "Bail and RUI changes to confirm")`;
	if (!ctx.stdin.isTTY) {
		throw new UsageError(`${what}. Check each against the records system, then import again with --yes. Nothing was written.`);
	}
	const rl = createInterface({input: ctx.stdin, output: ctx.stderr});
	const answer = await new Promise<string>(resolve => rl.question(`${what}. Import them? Type yes: `, resolve));
	rl.close();
	if (answer.trim().toLowerCase() !== 'yes') throw new UsageError('Not confirmed; nothing was written.');
}

function plural(n: number, word: string): string {
	return `${groupedCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** What kind of thing other than a regular file `stat` describes, in words. */
function irregular(stat: {isFIFO(): boolean; isSocket(): boolean; isDirectory(): boolean}): string {
	return stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : 'a device';
}

async function readMapping(file: string): Promise<ImportMapping> {
	let raw: string;
	try {
		const stat = await fsp.stat(file);
		if (!stat.isFile())
			throw new UsageError(
				`The mapping file ${file} is ${irregular(stat)}, not a file, so it was not read; name the JSON mapping file itself.`,
			);
		raw = await fsp.readFile(file, 'utf8');
	} catch (err) {
		if (err instanceof UsageError) throw err;
		throw new UsageError(`Cannot read the mapping file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
	}
	let json: unknown;
	try {
		json = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
	} catch (err) {
		throw new UsageError(`The mapping file ${file} is not valid JSON: ${(err as Error).message.slice(0, 120)}.`);
	}
	try {
		return parseMapping(json);
	} catch (err) {
		if (err instanceof MappingError) throw new UsageError(`In the mapping file ${file}: ${err.message}`);
		throw err;
	}
}

/** The file's bytes, checked to be UTF-8 (csv-parse reads the bytes; decoding a copy first would double the work). */
async function readCsv(file: string): Promise<Buffer> {
	let handle: fsp.FileHandle | undefined;
	let bytes: Buffer;
	try {
		// Opened non-blocking and checked on the handle: a FIFO or a device (/dev/zero) would be read for
		// ever, so only a regular file is read.
		handle = await fsp.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
		const stat = await handle.stat();
		if (stat.isDirectory()) throw new UsageError(`${file} is a folder; name the CSV file.`);
		if (!stat.isFile()) throw new UsageError(`${file} is ${irregular(stat)}, not a file, so it was not read; name the CSV file itself.`);
		if (stat.size > MAX_CSV_BYTES) throw new UsageError(`${file} is over ${MAX_CSV_BYTES / 1024 / 1024} MB; split the export.`);
		bytes = await handle.readFile();
	} catch (err) {
		if (err instanceof UsageError) throw err;
		const code = (err as NodeJS.ErrnoException).code;
		if (code === 'EISDIR') throw new UsageError(`${file} is a folder; name the CSV file.`);
		throw new UsageError(`Cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')}).`);
	} finally {
		await handle?.close().catch(() => {});
	}
	// A BOM is left for csv-parse's own bom option to drop (one place handles it).
	if (!isUtf8(bytes))
		throw new UsageError(
			`${path.basename(file)} is not UTF-8 text. Save the export as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8) and import that.`,
		);
	return bytes;
}

type Progress = (phase: 'checking' | 'done', fraction: number) => void;

/** A one-line bar on stderr, only when stderr is a terminal and the file is large. */
function progressBar(ctx: Context, large: boolean): Progress | undefined {
	if (!large || !ctx.stderr.isTTY) return undefined;
	let last = '';
	return (phase, fraction) => {
		if (phase === 'done') {
			ctx.stderr.write('\r\u001b[2K');
			return;
		}
		const width = 30;
		const filled = Math.round(fraction * width);
		const line = `Checking [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(fraction * 100)}%`;
		if (line !== last) ctx.stderr.write(`\r${line}`);
		last = line;
	};
}

/** The plan in words. Every piece of file or store text goes through safeText. */
export function report(
	file: string,
	data: StoreData,
	plan: ImportPlan,
	ctx: Pick<Context, 'storePath' | 'today'>,
	verbose: boolean,
	notWritten: boolean,
): string {
	const lines: string[] = [];
	const added = plan.changes.filter(c => c.kind === 'add').length;
	const officer = (id: string) => {
		const o = data.officers.find(x => x.id === id);
		return o ? shortName(o) : id;
	};
	const limit = <T>(list: readonly T[]) => (verbose ? list : list.slice(0, LIST_LIMIT));
	const more = (n: number) => (!verbose && n > LIST_LIMIT ? [`  ... and ${groupedCount(n - LIST_LIMIT)} more (--verbose lists all)`] : []);
	lines.push(`Import of ${safeText(file)} into ${safeText(ctx.storePath)} as of ${ctx.today}`);
	lines.push(
		`  ${plural(plan.rowsRead, 'row')} read: ${groupedCount(added)} new, ${groupedCount(plan.changes.length - added)} updated, ` +
			`${groupedCount(plan.unchanged)} unchanged, ${groupedCount(plan.rejectedRows)} rejected.`,
	);
	if (plan.rejected.length > 0) {
		lines.push('', 'Rejected rows (spreadsheet row numbers; the header is row 1):');
		for (const r of limit(plan.rejected))
			lines.push(`  row ${r.row}${r.column === null ? '' : `, ${safeText(r.column)} (column ${r.letter})`}: ${safeText(r.reason)}`);
		lines.push(...more(plan.rejected.length));
	}
	if (plan.unknownOfficers.length > 0) {
		lines.push('', 'Officers the export names who are not in the team (nobody was added):');
		for (const u of limit(plan.unknownOfficers)) {
			const rows = u.rows.length > 10 ? `${u.rows.slice(0, 10).join(', ')} and ${u.rows.length - 10} more` : u.rows.join(', ');
			const why = u.reason === 'ambiguous' ? ` matches ${u.candidates.map(officer).join(', ')}: use collar numbers` : '';
			lines.push(`  "${safeText(u.text)}"${why} on row${u.rows.length === 1 ? '' : 's'} ${rows}`);
		}
		lines.push(...more(plan.unknownOfficers.length));
	}
	if (plan.missing.length > 0) {
		lines.push('', 'Live cases in the store that the export does not list (kept; check whether they were closed or moved):');
		for (const c of limit(plan.missing)) lines.push(`  ${safeText(c.ref)}  ${officer(c.oicId)}, ${c.status}`);
		lines.push(...more(plan.missing.length));
	}
	if (plan.flagged.length > 0) {
		lines.push('', 'Text with control or invisible characters (kept as written in the store, always shown made safe):');
		for (const f of limit(plan.flagged)) lines.push(`  row ${f.row}, ${safeText(f.column)} (${safeText(f.ref)})`);
		lines.push(...more(plan.flagged.length));
	}
	if (plan.ignoredColumns.length > 0) lines.push('', `Columns not read: ${plan.ignoredColumns.map(c => `"${safeText(c)}"`).join(', ')}.`);
	const bail = bailStateChanges(plan.changes);
	if (bail.length > 0) {
		lines.push('', 'Bail and RUI changes to confirm (each ends or starts a bail or RUI: check it against the records system):');
		for (const b of limit(bail)) lines.push(`  ! ${safeText(b.ref)} (row ${b.row}): ${safeText(b.words)}`);
		lines.push(...more(bail.length));
	}
	if (plan.changes.length > 0) {
		lines.push('', notWritten ? 'Would change (not written):' : 'Changes:');
		for (const c of limit(plan.changes)) {
			const words = c.kind === 'add' ? describeNew(c.after) : c.changes;
			lines.push(`  ${c.kind === 'add' ? '+' : '~'} ${safeText(c.ref)} (row ${c.row}): ${words.map(safeText).join('; ')}`);
		}
		lines.push(...more(plan.changes.length));
	}
	lines.push('');
	return lines.join('\n') + '\n';
}
