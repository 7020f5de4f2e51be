/**
 * Who is doing what a command records: the person at the keyboard (README, "Who you are": --as,
 * FORTNIGHT_USER, or the login the store maps), never someone named on the line. A command's old
 * `--by` is refused so nothing is attributed to someone who did not do it.
 */
import type {Officer, StoreData} from '../domain/model.js';
import {actorFor, UsageError, type Context} from './context.js';

export function actingOfficer(ctx: Context, data: StoreData, by?: unknown): Officer {
	if (by !== undefined && by !== '')
		throw new UsageError(
			'--by is no longer taken: what you record is recorded as you. Say who you are with --as NAME (or FORTNIGHT_USER).',
		);
	return actorFor(ctx, data).officer;
}
