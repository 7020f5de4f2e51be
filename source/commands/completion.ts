/**
 * `fortnight completion bash|zsh|fish` prints a shell completion script: commands, each command's
 * options, and for options and words that name an officer or a case, the officers and case references
 * of the store in use (the script asks `fortnight completion --values officers|refs` as you type, so
 * it never goes stale), as far as the person at the keyboard may read them (README "Who may read what").
 * Names are offered in the shortest form every command accepts: a surname that only one officer has, else
 * the id.
 */
import {mayReadCase, mayReadOfficer} from '../domain/read-scope.js';
import {safeText} from '../domain/safe-text.js';
import {out, type Command} from './command.js';
import {UsageError, type Context} from './context.js';
import {COMMANDS} from './index.js';
import {readForReader, readScopeFor} from './read-scope.js';

/** Options whose value is an officer, a file, or one of a few words. */
const OFFICER_FLAGS = ['--as', '--cover', '--to', '--sergeant', '--officer', '--authorised-by'];
const FILE_FLAGS = ['--store', '--out', '--map', '--public-key'];
/** Words after these sub-commands name an officer or a case. */
const OFFICER_WORDS = ['absence add', 'welfare record', 'keys enrol', 'keys export'];
const REF_WORDS = ['case show', 'case reallocate', 'bail record'];

const kebab = (k: string) => `--${k.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;

async function commandTable(): Promise<Record<string, string[]>> {
	const table: Record<string, string[]> = {};
	for (const [name, load] of Object.entries(COMMANDS)) {
		if (name === 'completion') continue;
		const c = await load();
		table[name] = [...Object.keys(c.flags).map(kebab), '--help'];
	}
	return table;
}

const GLOBAL = ['--store', '--today', '--as', '--no-color', '--debug', '--help', '--version'];

function bash(table: Record<string, string[]>): string {
	const cases = Object.entries(table)
		.map(([name, flags]) => `\t\t${name}) opts="${[...flags, ...GLOBAL].join(' ')}" ;;`)
		.join('\n');
	return `# fortnight completion for bash: eval "$(fortnight completion bash)" (or save it in ~/.local/share/bash-completion/completions/fortnight)
_fortnight() {
	local cur prev cmd sub opts IFS=$' \\t\\n'
	cur="\${COMP_WORDS[COMP_CWORD]}"
	prev="\${COMP_WORDS[COMP_CWORD-1]}"
	cmd="\${COMP_WORDS[1]}"
	sub="\${COMP_WORDS[2]}"
	case "$prev" in
		${OFFICER_FLAGS.join('|')})
			COMPREPLY=( $(compgen -W "$(fortnight completion --values officers 2>/dev/null)" -- "$cur") ); return ;;
		${FILE_FLAGS.join('|')})
			COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
		--format) COMPREPLY=( $(compgen -W "md json csv table html" -- "$cur") ); return ;;
		--today|--from|--on|--return) return ;;
	esac
	if [[ $COMP_CWORD -eq 1 ]]; then
		COMPREPLY=( $(compgen -W "${Object.keys(table).join(' ')} help completion" -- "$cur") ); return
	fi
	if [[ "$cur" != -* && $COMP_CWORD -eq 3 ]]; then
		case "$cmd $sub" in
			${OFFICER_WORDS.map(w => `"${w}"`).join('|')}) COMPREPLY=( $(compgen -W "$(fortnight completion --values officers 2>/dev/null)" -- "$cur") ); return ;;
			${REF_WORDS.map(w => `"${w}"`).join('|')}) COMPREPLY=( $(compgen -W "$(fortnight completion --values refs 2>/dev/null)" -- "$cur") ); return ;;
		esac
	fi
	case "$cmd" in
${cases}
		help) opts="${Object.keys(table).join(' ')}" ;;
		*) opts="${GLOBAL.join(' ')}" ;;
	esac
	COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -F _fortnight fortnight
`;
}

function zsh(table: Record<string, string[]>): string {
	return `#compdef fortnight
# fortnight completion for zsh: save as _fortnight in a folder on $fpath, or: source <(fortnight completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(table)}`;
}

function fish(table: Record<string, string[]>): string {
	const lines = [
		'# fortnight completion for fish: fortnight completion fish > ~/.config/fish/completions/fortnight.fish',
		'complete -c fortnight -f',
	];
	lines.push(`complete -c fortnight -n __fish_use_subcommand -a "${Object.keys(table).join(' ')} help completion"`);
	for (const [name, flags] of Object.entries(table)) {
		for (const f of flags) lines.push(`complete -c fortnight -n "__fish_seen_subcommand_from ${name}" -l ${f.slice(2)}`);
	}
	for (const f of GLOBAL) lines.push(`complete -c fortnight -l ${f.slice(2)}`);
	for (const f of OFFICER_FLAGS)
		lines.push(`complete -c fortnight -l ${f.slice(2)} -x -a "(fortnight completion --values officers 2>/dev/null)"`);
	for (const f of FILE_FLAGS) lines.push(`complete -c fortnight -l ${f.slice(2)} -r -F`);
	return lines.join('\n') + '\n';
}

/**
 * The words offered for officers or case references: only what the person at the keyboard may read (README
 * "Who may read what"), decided as every read command decides it (read-scope.ts): an officer is offered
 * their own cases and themselves, never a colleague's case; someone the read scope refuses (an --as or
 * FORTNIGHT_USER naming nobody, a login mapped to two officers) is refused here too, with nothing offered.
 */
async function values(ctx: Context, kind: string): Promise<string> {
	if (kind !== 'refs' && kind !== 'officers') throw new UsageError('--values takes officers or refs.');
	const {data} = await readForReader(ctx);
	const scope = readScopeFor(ctx, data);
	if (kind === 'refs') {
		const refs = data.cases.filter(c => c.status !== 'closed' && mayReadCase(scope, c)).map(c => safeText(c.ref));
		return refs.length > 0 ? refs.join('\n') + '\n' : '';
	}
	const surname = (name: string) => name.trim().split(/\s+/).at(-1) ?? name;
	const counts = new Map<string, number>();
	for (const o of data.officers) counts.set(surname(o.name).toLowerCase(), (counts.get(surname(o.name).toLowerCase()) ?? 0) + 1);
	// Shell words: a surname only one officer has, else the id; nothing a shell would split or expand.
	const words = data.officers
		.filter(o => mayReadOfficer(scope, o.id))
		.map(o => (counts.get(surname(o.name).toLowerCase()) === 1 && /^[\p{L}'-]+$/u.test(surname(o.name)) ? surname(o.name) : o.id));
	return words.length > 0 ? words.join('\n') + '\n' : '';
}

const command: Command = {
	name: 'completion',
	summary: 'print a shell completion script (bash, zsh or fish)',
	help: `Usage: fortnight completion bash|zsh|fish

Prints a completion script for your shell: commands, each command's options, and officers and case
references from the store for the options and words that take them, as far as you may read them
(README "Who may read what"): an officer is offered their own cases and themselves, and someone
fortnight cannot tell apart (an --as that names nobody) is offered none.

  bash   eval "$(fortnight completion bash)"   (or save it as ~/.local/share/bash-completion/completions/fortnight)
  zsh    source <(fortnight completion zsh)
  fish   fortnight completion fish > ~/.config/fish/completions/fortnight.fish`,
	flags: {values: {type: 'string'}},
	usesStore: false,
	async run(ctx, input, flags) {
		if (typeof flags['values'] === 'string') {
			await out(ctx, await values(ctx, flags['values']));
			return 0;
		}
		const shell = input[0];
		if (input.length !== 1 || !shell || !['bash', 'zsh', 'fish'].includes(shell))
			throw new UsageError('Name one shell: fortnight completion bash|zsh|fish.');
		const table = await commandTable();
		await out(ctx, shell === 'bash' ? bash(table) : shell === 'zsh' ? zsh(table) : fish(table));
		return 0;
	},
};
export default command;
