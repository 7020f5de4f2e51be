#!/usr/bin/env node
/**
 * Writes dist/fortnight.1, the man page, from the same help text the commands print (README,
 * "Command line"), so the two never disagree. Run by `npm run build` after tsc.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {COMMANDS} = await import(path.join(root, 'dist', 'commands', 'index.js'));
const {globalHelp} = await import(path.join(root, 'dist', 'help-text.js'));
const pkg = JSON.parse((await import('node:fs')).readFileSync(path.join(root, 'package.json'), 'utf8'));

/** roff-safe text: backslashes doubled, a leading dot or quote escaped, hyphens in options kept literal. */
const esc = line => {
	const s = line.replace(/\\/g, '\\e').replace(/-/g, '\\-');
	return /^[.']/.test(s) ? `\\&${s}` : s;
};

const out = [
	`.TH FORTNIGHT 1 "" "fortnight ${pkg.version}" "User Commands"`,
	'.SH NAME',
	'fortnight \\- 14\\-day supervisory reviews for detective sergeants',
	'.SH SYNOPSIS',
	'.B fortnight',
	'[\\fIcommand\\fR] [\\fIoptions\\fR]',
	'.SH DESCRIPTION',
	'.nf',
	...(await globalHelp()).split('\n').map(esc),
	'.fi',
	'.SH COMMANDS',
];
for (const [name, load] of Object.entries(COMMANDS)) {
	const c = (await load()).default ?? (await load());
	out.push(`.SS ${name}`, esc(c.summary), '.PP', '.nf', ...c.help.split('\n').map(esc), '.fi');
}
out.push(
	'.SH FILES',
	'.TP',
	'$XDG_DATA_HOME/fortnight/store.json',
	'the default store when installed (data/store.json when run from a clone)',
	'.TP',
	'$XDG_CONFIG_HOME/fortnight/keys/',
	'your signing key (mode 0600)',
);
writeFileSync(path.join(root, 'dist', 'fortnight.1'), out.join('\n') + '\n');
