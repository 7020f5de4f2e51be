import {promises as fsp} from 'node:fs';
import path from 'node:path';
import {isIsoDate} from '../domain/dates.js';
import {generateStore, MAX_GENERATED_CASES} from '../generate/generate.js';
import {chainPathFor, signer, exportStoreFile, welfarePathFor, writeWelfare} from '../store/index.js';
import {say, type Command} from './command.js';
import {UsageError} from './context.js';
import {checkOut, FORCE_FLAG, usageIfRefused} from './write-out.js';

const command: Command = {
	name: 'generate',
	summary: 'write a deterministic synthetic store (same seed, same bytes)',
	help: `Usage: fortnight generate --cases N [--teams T] [--seed S] [--reference-date YYYY-MM-DD] --out FILE [--force]

Writes a synthetic team store with N cases and the same variety as the demo team (bail near lapse,
an officer off sick over a bail date, identical updates, forensic waits, a part-time detective with a
full-time load, a new starter with old cases, ...). The same options always give the same bytes.
The review chain goes to its own file beside it (FILE.chain.jsonl, as for every store), and a welfare
file with invented notes too (FILE.welfare.json, mode 0600).

Options
  --cases N              number of cases (1 to ${MAX_GENERATED_CASES})
  --teams T              sergeants' teams to divide them between (default: one for each 60 cases;
                         at most that many), four teams to an inspector
  --seed S               seed text (default "fortnight")
  --reference-date D     the date the scenarios are written against (default: --today)
  --out FILE             where to write (a regular file); never the current --store or its welfare,
                         drafts, lock or backup files (exit 2, even through a link)
  --force                replace FILE and FILE.chain.jsonl if they exist (atomically, keeping their
                         modes). An existing
                         FILE.welfare.json is never replaced, even with --force (exit 2).

Example
  fortnight generate --cases 5000 --seed bench --out /tmp/dept.json`,
	usesStore: false,
	takesWords: false,
	flags: {
		cases: {type: 'number'},
		teams: {type: 'number'},
		seed: {type: 'string', default: 'fortnight'},
		referenceDate: {type: 'string'},
		out: {type: 'string'},
		force: FORCE_FLAG,
	},
	async run(ctx, _input, flags) {
		const cases = flags['cases'] as number | undefined;
		if (cases === undefined || !Number.isInteger(cases) || cases < 1 || cases > MAX_GENERATED_CASES) {
			throw new UsageError(`--cases must be a whole number from 1 to ${MAX_GENERATED_CASES}.`);
		}
		const teams = flags['teams'] as number | undefined;
		const groups = Math.max(1, Math.round(cases / 60));
		if (teams !== undefined && !(Number.isInteger(teams) && teams >= 1 && teams <= groups)) {
			throw new UsageError(
				`--teams must be a whole number from 1 to ${groups} for ${cases} cases (a team has at least one group of about 60 cases).`,
			);
		}
		const out = flags['out'] as string | undefined;
		if (!out) throw new UsageError('--out FILE is required.');
		const referenceDate = (flags['referenceDate'] as string | undefined) ?? ctx.today;
		if (!isIsoDate(referenceDate)) throw new UsageError(`--reference-date must be a real date as YYYY-MM-DD (got "${referenceDate}").`);
		const force = Boolean(flags['force']);
		// Every answer before the slow part: the store's path, its chain file's, then its welfare file's.
		await checkOut(ctx, out, {mode: 0o600, force, regularOnly: true});
		await checkOut(ctx, chainPathFor(await realPathOf(path.resolve(out))), {mode: 0o600, force, regularOnly: true});
		const welfare = welfarePathFor(path.resolve(out));
		if (await exists(welfare)) {
			throw new UsageError(
				`${welfare} already exists and may hold officers' welfare notes; generate never replaces a welfare file, even with --force. ` +
					'Move it away or choose another --out.',
			);
		}
		const {data, welfareNotes} = generateStore(
			{cases, seed: String(flags['seed']), referenceDate, ...(teams === undefined ? {} : {teams})},
			signer,
		);
		await fsp.mkdir(path.dirname(path.resolve(out)), {recursive: true});
		await exportStoreFile(out, data, {force, storeFile: ctx.storePath}).catch((err: unknown) => {
			throw usageIfRefused(err);
		});
		// Checked again just before writing: a welfare file that appeared meanwhile is left alone too.
		if (await exists(welfare)) {
			throw new UsageError(
				`${welfare} appeared while the store was being written; it was left as it is and no welfare notes were written.`,
			);
		}
		await writeWelfare(welfare, {
			schemaVersion: 1,
			notes: welfareNotes.map((n, i) => ({id: `wn${i + 1}`, ...n})),
		});
		say(ctx, `Wrote ${data.cases.length} cases, ${data.officers.length} officers and ${data.chain.length} signed entries to ${out}.\n`);
		return 0;
	},
};
export default command;

/** The file a link names (the chain file goes beside it), or `file` when it is not there yet. */
async function realPathOf(file: string): Promise<string> {
	return fsp.realpath(file).catch(() => file);
}

/** Anything at all at `file`, a dangling link included. */
async function exists(file: string): Promise<boolean> {
	return fsp.lstat(file).then(
		() => true,
		() => false,
	);
}
