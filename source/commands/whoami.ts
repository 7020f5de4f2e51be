/**
 * `fortnight whoami`: who fortnight takes you to be, where that came from, and what you may do on the
 * day (README, "Who you are"), so nobody records something as someone they are not.
 */
import {shortDate} from '../domain/dates.js';
import {identityWords} from '../domain/identity.js';
import {capacitiesOn} from '../domain/permissions.js';
import {out, type Command} from './command.js';
import {actorFor} from './context.js';
import {readForReader} from './read-scope.js';

const command: Command = {
	name: 'whoami',
	summary: 'who you are to fortnight, and what you may do today',
	help: `Usage: fortnight whoami [--as OFFICER] [--store PATH] [--today YYYY-MM-DD] [--json]

Says which officer fortnight takes you to be and how it knows (--as, FORTNIGHT_USER,
or your operating-system login mapped to an officer in the store; on PostgreSQL,
the database login mapped to an officer, and an --as naming anyone else is
refused), then what you may do on the day: whose cases you supervise (as their sergeant, as the cover named
for an absence, for those days only, or as the inspector), and what goes to someone
else because no one supervises themselves. Exit 2 when fortnight cannot tell who
you are. Reads the store without changing it.

Options
  --json    print {officer: {id, name, rank}, source, date, capacities: [...]} instead`,
	flags: {json: {type: 'boolean', default: false}},
	async run(ctx, input, flags) {
		if (input.length > 0)
			throw new (await import('./context.js')).UsageError(`"fortnight whoami" takes no words (got "${input[0]!.slice(0, 40)}").`);
		// On PostgreSQL the login mapped to an officer is who you are (README "Who you are"; read-scope.ts readForReader).
		const {data} = await readForReader(ctx);
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
