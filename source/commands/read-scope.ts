/**
 * What the person at the keyboard may read, for the commands that only read (README "Who may read
 * what"; the rule is domain/read-scope.ts). Who they are is worked out as for any command (README "Who
 * you are"): an --as or FORTNIGHT_USER that names nobody, or a login mapped to more than one officer, is
 * refused (exit 2); on PostgreSQL the database login is who reads, and an --as or FORTNIGHT_USER naming
 * anyone else is refused (exit 2) as it is by the commands that record; nobody identified at all
 * reads what the store's file gives anyone who can open it, the whole team.
 */
import type {StoreData} from '../domain/model.js';
import {resolveIdentity} from '../domain/identity.js';
import {readScopeOn, teamDocumentRefusal, WHOLE_TEAM, type ReadScope, type TeamDocument} from '../domain/read-scope.js';
import {readStoreFile, storeLogin} from '../store/index.js';
import {RefusalError, UsageError, type Context} from './context.js';

/**
 * The store read for a command that only reads, and (on PostgreSQL) the database login it reads as,
 * learnt at the same time, so who is reading is worked out from it as for the commands that record
 * (open-store.ts openForCommand; README "Who you are"). Every reading command reads through here.
 */
export async function readForReader(ctx: Context, options?: Parameters<typeof readStoreFile>[1]): ReturnType<typeof readStoreFile> {
	// Side by side, but the read's own error is the one said (a database not migrated yet is told what to run,
	// where asking for the login would only say the table is not there).
	const [reading, asking] = await Promise.allSettled([readStoreFile(ctx.storePath, options), storeLogin(ctx.storePath)]);
	if (reading.status === 'rejected') throw reading.reason;
	if (asking.status === 'rejected') throw asking.reason;
	const read = reading.value;
	const login = asking.value;
	if (login?.officerId) ctx.identity = {...ctx.identity, databaseLogin: {role: login.role, officerId: login.officerId}};
	return read;
}

export function readScopeFor(ctx: Context, data: StoreData): ReadScope {
	return readerFor(ctx, data).scope;
}

/** The read scope and who reads (null: nobody identified, the whole team), refused as readScopeFor says. */
export function readerFor(ctx: Context, data: StoreData): {scope: ReadScope; readerId: string | null} {
	const id = resolveIdentity(data, {...ctx.identity, demo: data.referenceDate !== null});
	if (id.ok) return {scope: readScopeOn(data, id.officer.id, ctx.today), readerId: id.officer.id};
	// Someone other than the database login's officer (README "Who you are"): the same refusal as a record's.
	if (id.refusal) throw new RefusalError(id.reason);
	if (ctx.identity.as !== undefined || ctx.identity.envUser !== undefined) throw new UsageError(id.reason);
	// A login mapped to two officers names someone, just not one person: refused, not read as nobody (review).
	const login = ctx.identity.login;
	if (login && data.officers.filter(o => o.login === login).length > 1) throw new UsageError(id.reason);
	return {scope: WHOLE_TEAM, readerId: null};
}

/** The read scope, after refusing (exit 2, one sentence naming who can) a reader who may not have the team's `doc`. */
export function teamDocumentScope(ctx: Context, data: StoreData, doc: TeamDocument): ReadScope {
	const scope = readScopeFor(ctx, data);
	const refusal = teamDocumentRefusal(data, scope, doc);
	if (refusal) throw new RefusalError(refusal);
	return scope;
}
