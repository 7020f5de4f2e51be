/**
 * Officers without a welfare check-in at each week's end: the welfare rule's own due date
 * (welfareDueOn, every settings.welfareCheckInDays), counted per officer in post that day. Only dates
 * are read: no note and no flag reaches a figure.
 */
import type {WelfareEvent} from '../model.js';
import {inPost} from '../rules/context.js';
import {CHECK_IN_KINDS, welfareDueOn} from '../rules/welfare.js';
import type {TrendContext} from './context.js';

export function welfareFigures(ctx: TrendContext): void {
	const events = new Map<string, WelfareEvent[]>();
	for (const e of ctx.data.welfareEvents) {
		if (!CHECK_IN_KINDS.includes(e.kind)) continue;
		const list = events.get(e.officerId);
		if (list) list.push(e);
		else events.set(e.officerId, [e]);
	}
	for (const o of ctx.data.officers) {
		// The inspector's own welfare is their line manager's, outside the store (as in the rule).
		if (o.role === 'inspector') continue;
		const mine = events.get(o.id) ?? [];
		const sergeantId = ctx.sergeantOf(o.id);
		// The due date changes only when a check-in falls between two week ends: asked again only then.
		let seen = -1;
		let standing: ReturnType<typeof welfareDueOn> | undefined;
		ctx.ends.forEach((end, i) => {
			if (end === null || !inPost(o, end)) return;
			const known = mine.reduce((n, e) => (e.date <= end ? n + 1 : n), 0);
			if (!standing || known !== seen) {
				standing = welfareDueOn(o, mine, CHECK_IN_KINDS, ctx.settings.welfareCheckInDays, end);
				seen = known;
			}
			if (standing.due > end) return;
			const last = standing.last?.date ?? o.joinedUnit;
			ctx.stock(sergeantId, i, w => w.withoutCheckIn, {kind: 'officer', seq: null, caseRef: null, officerId: o.id, date: last});
		});
	}
}
