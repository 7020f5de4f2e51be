/**
 * `fortnight whoami`: who fortnight takes you to be, where that came from, and what you may do on the
 * day (README, "Who you are"), so nobody records something as someone they are not.
 */
import {isIsoDate, shortDate} from '../domain/dates.js';
import {identityWords} from '../domain/identity.js';
import {capacitiesOn} from '../domain/permissions.js';
import {safeText} from '../domain/safe-text.js';
import {out, type Command} from './command.js';
import {actorFor, type Context} from './context.js';
import {readForReader} from './read-scope.js';
import {StoreError, type OfficerLoginFacts} from '../store/index.js';
import type {IsoDate} from '../domain/dates.js';

/** An --as or FORTNIGHT_USER naming anyone but the login's officer: the login cannot tell, so the error stands. */
function namesSomeoneElse(ctx: Context, facts: OfficerLoginFacts): boolean {
	const named = [ctx.identity.as, ctx.identity.envUser].filter((v): v is string => v !== undefined && v.trim() !== '');
	return named.some(n => !facts.officers.some(o => o.officerId.toLowerCase() === n.trim().toLowerCase()));
}

/**
 * Who an officer's own database login is, and that it reads nothing of the team (pg-no-team.ts's words):
 * the store gives it no record, so the officer is named by id and team, as the database maps them. The
 * database decides what a login reads by its own date (README "PostgreSQL": "Today" is the database
 * server's date), so with a --today other than that date the answer says which date it judged by rather
 * than "on --today your login reads nothing" (QA 6 R9), and when the login's cover of the sergeant starts.
 */
function loginAnswer(facts: OfficerLoginFacts, today: IsoDate, json: boolean): string {
	const login = facts.login.replace(/[^\w.@-]/g, '?');
	const as = facts.officers.map(o => `${safeText(o.officerId)} in team ${safeText(o.teamId)}`).join(', ');
	const judged = facts.databaseToday !== null && isIsoDate(facts.databaseToday) ? facts.databaseToday : null;
	if (json) {
		const officers = facts.officers.map(o => ({id: o.officerId, team: o.teamId}));
		const covers = facts.covers.map(c => ({team: c.teamId, from: c.from, to: c.to}));
		return (
			JSON.stringify(
				{
					login,
					officers,
					source: 'database login',
					date: today,
					databaseDate: judged,
					capacities: [],
					reads: 'nothing',
					why: facts.why,
					covers,
				},
				null,
				2,
			) + '\n'
		);
	}
	const other = judged !== null && judged !== today;
	const day = shortDate(judged ?? today);
	const lines = [
		`You are ${as}, from your database login "${login}".`,
		other
			? `The database decides what your login reads by its own date, ${day}, not ${shortDate(today)}: on ${day} your login reads nothing of the team: ${facts.why}`
			: `On ${day} your login reads nothing of the team: ${facts.why}`,
	];
	for (const c of facts.covers) {
		const days =
			c.to === null
				? `from ${shortDate(c.from)}, with no end set`
				: c.from === c.to
					? `on ${shortDate(c.from)}`
					: `from ${shortDate(c.from)} to ${shortDate(c.to)}`;
		lines.push(
			`You are named to cover the sergeant of team ${safeText(c.teamId)} ${days}: your login reads the team on those days, by the database's date.`,
		);
	}
	return lines.join('\n') + '\n';
}

const command: Command = {
	name: 'whoami',
	summary: 'who you are to fortnight, and what you may do today',
	help: `Usage: fortnight whoami [--as OFFICER] [--store PATH] [--today YYYY-MM-DD] [--json]

Says which officer fortnight takes you to be and how it knows (--as, FORTNIGHT_USER,
or your operating-system login mapped to an officer in the store; on PostgreSQL,
the database login mapped to an officer, and an --as naming anyone else is
refused), then what you may do on the day: whose cases you supervise (as their sergeant, as the cover named
for an absence, for those days only, or as the inspector), and what goes to someone
else because no one supervises themselves. On PostgreSQL an officer's own login,
which reads nothing of the team, is told who it is and why it reads nothing (exit 0).
Exit 2 when fortnight cannot tell who you are. Reads the store without changing it.

Options
  --json    print {officer: {id, name, rank}, source, date, capacities: [...]} instead`,
	flags: {json: {type: 'boolean', default: false}},
	async run(ctx, input, flags) {
		if (input.length > 0)
			throw new (await import('./context.js')).UsageError(`"fortnight whoami" takes no words (got "${input[0]!.slice(0, 40)}").`);
		// On PostgreSQL the login mapped to an officer is who you are (README "Who you are"; read-scope.ts readForReader).
		let data;
		try {
			({data} = await readForReader(ctx));
		} catch (e) {
			// An officer's own database login reads nothing of the team, but it still says who they are (QA 5 R3).
			const facts = e instanceof StoreError ? e.officerLogin : undefined;
			if (!facts || namesSomeoneElse(ctx, facts)) throw e;
			await out(ctx, loginAnswer(facts, ctx.today, flags['json'] === true));
			return 0;
		}
		const me = actorFor(ctx, data);
		const caps = capacitiesOn(data, me.officer.id, ctx.today);
		if (flags['json']) {
			const o = me.officer;
			await out(
				ctx,
				JSON.stringify({officer: {id: o.id, name: o.name, rank: o.rank}, source: me.source, date: ctx.today, capacities: caps}, null, 2) +
					'\n',
			);
			return 0;
		}
		const lines = [`You are ${identityWords(me)}.`, `On ${shortDate(ctx.today)} you may:`, ...caps.map(c => `  - ${c}`)];
		await out(ctx, lines.join('\n') + '\n');
		return 0;
	},
};
export default command;
