/** The global help text: printed by `fortnight --help` and written into the man page (scripts/man.mjs). */
import {COMMANDS} from './commands/index.js';

export const GLOBAL_HELP_TEXT = `fortnight: 14-day supervisory reviews for detective sergeants

Usage
  fortnight [command] [options]

Commands
{COMMANDS}

Global options
  --store PATH         the team store (env FORTNIGHT_STORE; default data/store.json, copied from the demo on first run),
                       or a PostgreSQL database: postgres://... ("fortnight store --help")
  --today YYYY-MM-DD   the date to work as (env FORTNIGHT_TODAY; default: this machine's date)
  --as OFFICER         who you are: an officer's id, collar number or name (env FORTNIGHT_USER;
                       else your login if the store maps it to an officer; on PostgreSQL your
                       database login's officer, and no one else; "fortnight whoami")
  --no-color           no colour (NO_COLOR is honoured too)
  --debug              show stack traces on errors
  --help, -h           help for fortnight or a command ("fortnight problems --help")
  --version, -V        the version

Dates: YYYY-MM-DD or DD/MM/YYYY wherever a date is typed.
Exit codes: 0 success; 1 verify found a problem, or import rejected rows and wrote nothing;
2 usage error (a wrong flag, word, date, officer or permission); 3 the store cannot be read or
written (malformed, invalid, locked, permission); 70 an unexpected error (a bug: please report it
with the output of --debug).`;

/** The global help with the command list filled in from the commands themselves. */
export async function globalHelp(): Promise<string> {
	const rows: string[] = [];
	for (const [name, load] of Object.entries(COMMANDS)) {
		const c = await load();
		rows.push(`  ${name.padEnd(10)} ${c.summary}`);
	}
	return GLOBAL_HELP_TEXT.replace('{COMMANDS}', rows.join('\n'));
}
