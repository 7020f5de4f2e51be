/**
 * Every subcommand, loaded lazily so `fortnight problems --json` never pays for loading Ink.
 * Add a command here with one line.
 */
import type {Command} from './command.js';

export const COMMANDS: Record<string, () => Promise<Command>> = {
	absence: async () => (await import('./absence.js')).default,
	bail: async () => (await import('./bail.js')).default,
	case: async () => (await import('./case.js')).default,
	completion: async () => (await import('./completion.js')).default,
	desk: async () => (await import('./desk.js')).default,
	generate: async () => (await import('./generate.js')).default,
	import: async () => (await import('./import.js')).default,
	keys: async () => (await import('./keys.js')).default,
	calendar: async () => (await import('./calendar.js')).default,
	handover: async () => (await import('./handover.js')).default,
	log: async () => (await import('./log.js')).default,
	problems: async () => (await import('./problems.js')).default,
	store: async () => (await import('./store.js')).default,
	verify: async () => (await import('./verify.js')).default,
	welfare: async () => (await import('./welfare.js')).default,
	whoami: async () => (await import('./whoami.js')).default,
};
