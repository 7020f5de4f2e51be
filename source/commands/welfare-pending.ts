/**
 * `fortnight welfare pending`: your own welfare notes that wait to be filed (README "Welfare notes"): in the
 * drafts file beside the store, or on PostgreSQL in the database's pending notes. Reads only: a note is
 * filed, put back or cleared by the guided review, never here. Who sees which, and what each state means:
 * domain/review/pending-list.ts. The note's words are printed only with --with-text.
 */
import {shortDate} from '../domain/dates.js';
import type {StoreData} from '../domain/model.js';
import {pendingNotesOf, type PendingRow} from '../domain/review/index.js';
import {escapeJsonText, safeMultiline, safeText} from '../domain/safe-text.js';
import {isPostgresUrl, readWelfare, readWelfareDrafts, welfareDraftsPathFor, welfarePathFor} from '../store/index.js';
import {out} from './command.js';
import {actorFor, storeExists, type Context} from './context.js';
import {openForCommand} from './open-store.js';
import {readForReader} from './read-scope.js';

async function load(ctx: Context): Promise<StoreData> {
	// First run on the default store: the demo is copied in, as every command does (absence.ts load).
	if (ctx.defaultStore && !storeExists(ctx)) return (await openForCommand(ctx, {readOnly: true})).snapshot();
	return (await readForReader(ctx)).data;
}

export async function listPending(ctx: Context, flags: Record<string, unknown>): Promise<number> {
	const data = await load(ctx);
	// Your own notes only, as you are known to every command (--as, FORTNIGHT_USER, the login; on PostgreSQL the login).
	const me = actorFor(ctx, data).officer.id;
	const onDatabase = isPostgresUrl(ctx.storePath);
	const notes = await readWelfareDrafts(ctx.storePath);
	const mine = pendingNotesOf(notes, data, {me, today: ctx.today, filed: [], onDatabase, withText: false});
	// The welfare file is read only when there is something of yours to tell apart (a note filed, its copy left).
	const filed = mine.length > 0 ? (await readWelfare(welfarePathFor(ctx.storePath))).notes : [];
	const withText = Boolean(flags['withText']);
	const rows = pendingNotesOf(notes, data, {me, today: ctx.today, filed, onDatabase, withText});
	if (flags['json']) {
		await out(ctx, escapeJsonText(JSON.stringify(rows, null, 2)) + '\n');
		return 0;
	}
	const where = onDatabase ? "the database's pending welfare notes" : welfareDraftsPathFor(ctx.storePath);
	if (rows.length === 0) {
		await out(ctx, `No welfare notes of yours are waiting to be filed (${safeText(where)}).\n`);
		return 0;
	}
	const head = `${rows.length === 1 ? '1 welfare note of yours is' : `${rows.length} welfare notes of yours are`} waiting to be filed (${safeText(where)}):`;
	await out(ctx, [head, ...rows.flatMap(r => rowLines(r, ctx))].join('\n') + '\n');
	return 0;
}

function rowLines(r: PendingRow, ctx: Context): string[] {
	const review = r.review
		? `with your review signed ${shortDate(r.review.date, ctx.today)} (chain entry ${r.review.seq})`
		: 'no signed review';
	const lines = [
		'',
		`${safeText(r.caseRef)}  about ${r.officerName}  written ${shortDate(r.written, ctx.today)}  ${review}`,
		`  why:  ${r.why}.`,
		`  next: ${r.next}`,
	];
	if (r.text !== undefined)
		lines.push(
			'  note:',
			...safeMultiline(r.text)
				.split('\n')
				.map(l => `    ${l}`),
		);
	return lines;
}
