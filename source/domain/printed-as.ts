/**
 * Every printed command is one its reader can run (README "Acting on a problem"; DOMAIN "No one
 * supervises themselves"). A command without `--as` runs as whoever is at the keyboard: for a problem
 * about an officer, their supervisor that day (the sergeant, or the cover named for the sergeant's days
 * away); for a sergeant's own problem, the sergeant (or that cover). Where that person may not do it (the
 * sergeant's own check-in; a cover's own cases, or the absence that makes them the cover), the command
 * names who can with `--as`: the next person up (the inspector).
 *
 * Checked only for the few problems whose reader is the subject themselves or an acting cover: for every
 * other problem the reader supervises the subject and every way is theirs, so nothing is looked up.
 */
import {nextUpFor} from './independence.js';
import type {Problem} from './problem.js';
import {mayActOnAbsence, mayReallocate, mayRecordBail, mayRecordWelfare, type Permission} from './permissions.js';
import {officerWord, type Resolve} from './resolve.js';
import {awayOnDate, type RuleContext} from './rules/context.js';

/** Who reads `p` at the keyboard today: the subject if they supervise (their own problem), else their supervisor; a cover if that person is away with one. */
function readerOf(ctx: RuleContext, p: Problem): string | undefined {
	const subject = ctx.officers.get(p.subject.officerId);
	if (!subject) return undefined;
	const own = subject.role !== 'investigator';
	const id = own ? subject.id : (subject.supervisorId ?? ctx.data.team.sergeantId);
	const away = awayOnDate(ctx, id, ctx.today);
	if (away?.coverId) return away.coverId;
	return own ? id : undefined;
}

/** May `actorId` carry out `way` for `p` today (permissions.ts, as the command would check)? */
function mayDo(ctx: RuleContext, p: Problem, way: Resolve, actorId: string): Permission | null {
	const {data, today} = ctx;
	const ref = p.subject.type === 'case' ? p.subject.ref : ctx.liveByOic.get(p.subject.officerId)?.[0]?.ref;
	switch (way.way) {
		case 'reallocate':
			return ref ? mayReallocate(data, actorId, ref, null, today) : null;
		case 'bail-record':
			return ref ? mayRecordBail(data, actorId, ref, today) : null;
		case 'welfare-record':
			return mayRecordWelfare(data, actorId, p.subject.officerId, today);
		case 'absence-change': {
			const id = / absence change (\S+)/.exec(way.command ?? '')?.[1];
			return id ? mayActOnAbsence(data, actorId, 'change', id, today) : null;
		}
		default:
			return null;
	}
}

// Each subject's reader found once per context: it depends on the subject and the day only, and a
// 5,000-case store's problems name the same few hundred officers thousands of times (issue 18).
const readers = new WeakMap<RuleContext, Map<string, string | null>>();

function cachedReaderOf(ctx: RuleContext, p: Problem): string | undefined {
	let bySubject = readers.get(ctx);
	if (!bySubject) readers.set(ctx, (bySubject = new Map()));
	let reader = bySubject.get(p.subject.officerId);
	if (reader === undefined) bySubject.set(p.subject.officerId, (reader = readerOf(ctx, p) ?? null));
	return reader ?? undefined;
}

/** `ways` with `--as` the next person up on each command the problem's reader may not run. */
export function commandsTheReaderCanRun(ctx: RuleContext, p: Problem, ways: readonly Resolve[]): readonly Resolve[] {
	const reader = cachedReaderOf(ctx, p);
	if (!reader) return ways;
	return ways.map(way => {
		if (!way.command || way.command.includes(' --as ')) return way;
		if (mayDo(ctx, p, way, reader)?.ok !== false) return way;
		const up = nextUpFor(ctx.data, reader);
		return up ? {...way, command: `${way.command} --as ${officerWord(ctx.data.officers, up.id)}`} : way;
	});
}
