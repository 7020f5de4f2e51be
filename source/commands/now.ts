/**
 * The wall-clock instant a command stamps on what it writes (generatedAt, recordedAt). FORTNIGHT_NOW
 * (an ISO timestamp) fixes it so golden files and tests are reproducible; like FORTNIGHT_TODAY it is a
 * test seam, not something a user needs.
 */
import {UsageError, type Context} from './context.js';

export function nowInstant(ctx: Context): string {
	const fixed = ctx.env['FORTNIGHT_NOW'];
	if (fixed === undefined || fixed === '') return new Date().toISOString();
	const ms = Date.parse(fixed);
	if (!/^\d{4}-\d{2}-\d{2}T/.test(fixed) || Number.isNaN(ms))
		throw new UsageError(`FORTNIGHT_NOW must be an ISO timestamp such as 2026-11-30T09:00:00Z (got "${fixed}").`);
	return new Date(ms).toISOString();
}
