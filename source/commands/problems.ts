import type {Officer} from '../domain/model.js';
import type {Problem} from '../domain/problem.js';
import {RESOLVE_WAYS} from '../domain/resolve.js';
import {readableProblems} from '../domain/read-scope.js';
import {findProblems, PROBLEM_KINDS} from '../domain/rules/index.js';
import {out, outCheckedPieces, type Command} from './command.js';
import {readerFor, readForReader} from './read-scope.js';

/** Words with " | " between them, wrapped under the help's field column (14 spaces in, 80 columns). */
function choices(words: readonly string[], first = 62): string {
	const lines: string[] = [];
	let line = '';
	for (const [i, k] of words.entries()) {
		const word = i < words.length - 1 ? `${k} |` : k;
		if (line !== '' && line.length + 1 + word.length > (lines.length === 0 ? first : 62)) {
			lines.push(line);
			line = word;
		} else line = line === '' ? word : `${line} ${word}`;
	}
	lines.push(line);
	return lines.join(`\n${' '.repeat(14)}`);
}

const command: Command = {
	name: 'problems',
	summary: 'what needs attention, most urgent first',
	help: `Usage: fortnight problems [--json] [--store PATH] [--today YYYY-MM-DD]
       fortnight problems --schema

Runs every rule (reviews, bail, RUI, victim updates, crime-report updates,
stalled actions, identical update text, forensic waits, workload, span of
control, welfare, new starters, tenure and screening, performance triggers)
and lists what needs attention, most urgent first: CRITICAL, RED, AMBER, INFO,
then the oldest problem first. Thresholds come from the store's settings.
Reads the store without locking or changing it. Read as you (README "Who may
read what"): an officer gets the problems on their own cases and about
themselves; the sergeant, the inspector and a cover on their days, every one.

Options
  --json    print a JSON array instead of text (stable; fields below)
  --schema  print the strict JSON Schema of --json and exit

JSON: an array, most urgent first, of objects with these keys (always present):
  id          stable id for this problem, e.g. "bail-due:CR/12345/26"
  kind        ${choices(PROBLEM_KINDS)}
  severity    critical | red | amber | info
  subject     {type: case|officer|supervisor, ref: crime ref or null,
               officerId, officerName}
  message     what is wrong, in plain English with the numbers
  action      what to do about it
  since       YYYY-MM-DD, the first day the rule fired
  due         YYYY-MM-DD deadline (bail date, review date) or null
  evidence    [{type, caseRef or null, id or null, date or null, detail}]
  resolve     the ways to clear it that you may take, at least one (when you
              may take none, each says who can: "(for DS Brennan to do)",
              its command with --as, desk null):
              [{way, label, desk: {key, where} or null, command or null}]
              way: ${choices(RESOLVE_WAYS, 57)}
              label: what to do, in words; desk: the desk key and where it
              works; command: the command line, with what you supply in
              capitals (OFFICER, TEXT, NAME, D, FILE.csv)
Control characters in store text are made visible. Welfare notes are never read.

Exit codes: 0 listed (problems or none); 2 usage error; 3 store unreadable.

Examples
  fortnight problems --today 2026-11-30
  fortnight problems --json | jq '.[] | select(.severity == "critical")'`,
	takesWords: false,
	flags: {
		json: {type: 'boolean', default: false},
		schema: {type: 'boolean', default: false},
	},
	async run(ctx, _input, flags) {
		if (flags['schema']) {
			const {ProblemsJsonSchema} = await import('../export/problems-json-schema.js');
			await out(ctx, JSON.stringify(ProblemsJsonSchema, null, 2) + '\n');
			return 0;
		}
		// Read-only: no lock, nothing written (cli.tsx has already made the first-run demo copy if needed).
		// The one renderer needed loads while the store is read (issue 18: the file read and the module's
		// compiling overlap); Promise.all so a store error is never an unhandled rejection meanwhile.
		const [{data}, render] = await Promise.all([
			readForReader(ctx),
			flags['json']
				? import('../export/problems-json.js').then(
						m => (problems: Problem[], officers: Map<string, Officer>) =>
							outCheckedPieces(ctx, m.renderProblemsJsonPieces(problems, officers)),
					)
				: import('../export/problems-text.js').then(
						m => (problems: Problem[], officers: Map<string, Officer>) =>
							out(ctx, m.renderProblemsText(problems, {today: ctx.today, officers})),
					),
		]);
		// What the reader may see of the team's problems (README "Who may read what"): the rules run on the whole team.
		// Each with the ways the reader may take, or who can when none (README "Acting on a problem").
		const {scope, readerId} = readerFor(ctx, data);
		const problems = readableProblems(data, scope, findProblems(data, ctx.today), ctx.today, readerId);
		const officers = new Map(data.officers.map(o => [o.id, o]));
		await render(problems, officers);
		return 0;
	},
};
export default command;
