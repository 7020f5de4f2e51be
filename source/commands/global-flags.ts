/** The options every command takes (cli.tsx reads them before the command's own; README "Command line"). */
import type {FlagSpec} from './command.js';

export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
	store: {type: 'string'},
	today: {type: 'string'},
	as: {type: 'string'},
	color: {type: 'boolean', default: true},
	debug: {type: 'boolean', default: false},
	help: {type: 'boolean', default: false, shortFlag: 'h'},
	version: {type: 'boolean', default: false, shortFlag: 'V'},
} as const;
