import {isIsoDate} from '../domain/dates.js';
import {generateStore, MAX_GENERATED_CASES} from '../domain/generate/generate.js';
import {signer} from '../store/chain.js';
import {createStoreFile} from '../store/store.js';
import {welfarePathFor, writeWelfare} from '../store/welfare-file.js';
import type {Command} from './command.js';
import {UsageError} from './context.js';

const command: Command = {
	name: 'generate',
	summary: 'write a deterministic synthetic store (same seed, same bytes)',
	help: `Usage: fortnight generate --cases N [--seed S] [--reference-date YYYY-MM-DD] --out FILE [--force]

Writes a synthetic team store with N cases and the same variety as the demo team (bail near lapse,
an officer off sick over a bail date, identical updates, forensic waits, a part-time detective with a
full-time load, a new starter with old cases, ...). The same options always give the same bytes.
A welfare file with invented notes is written beside it (FILE.welfare.json, mode 0600).

Options
  --cases N              number of cases (1 to ${MAX_GENERATED_CASES})
  --seed S               seed text (default "fortnight")
  --reference-date D     the date the scenarios are written against (default: --today)
  --out FILE             where to write; refuses to overwrite unless --force
  --force                overwrite FILE if it exists

Example
  fortnight generate --cases 5000 --seed bench --out /tmp/dept.json`,
	usesStore: false,
	flags: {
		cases: {type: 'number'},
		seed: {type: 'string', default: 'fortnight'},
		referenceDate: {type: 'string'},
		out: {type: 'string'},
		force: {type: 'boolean', default: false},
	},
	async run(ctx, _input, flags) {
		const cases = flags['cases'] as number | undefined;
		if (cases === undefined || !Number.isInteger(cases) || cases < 1 || cases > MAX_GENERATED_CASES) {
			throw new UsageError(`--cases must be a whole number from 1 to ${MAX_GENERATED_CASES}.`);
		}
		const out = flags['out'] as string | undefined;
		if (!out) throw new UsageError('--out FILE is required.');
		const referenceDate = (flags['referenceDate'] as string | undefined) ?? ctx.today;
		if (!isIsoDate(referenceDate)) throw new UsageError(`--reference-date must be a real date as YYYY-MM-DD (got "${referenceDate}").`);
		const {data, welfareNotes} = generateStore({cases, seed: String(flags['seed']), referenceDate}, signer);
		await createStoreFile(out, data, {overwrite: Boolean(flags['force'])});
		await writeWelfare(welfarePathFor(out), {
			schemaVersion: 1,
			notes: welfareNotes.map((n, i) => ({id: `wn${i + 1}`, ...n})),
		});
		ctx.stderr.write(`Wrote ${data.cases.length} cases, ${data.officers.length} officers and ${data.chain.length} signed entries to ${out}.\n`);
		return 0;
	},
};
export default command;
