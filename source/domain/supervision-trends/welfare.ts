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
		const list = events.get(e.officerId);
		if (list) list.push(e);
		else events.set(e.officerId, [e]);
	}
	ctx.ends.forEach((end, i) => {
		if (end === null) return;
		for (const o of ctx.data.officers) {
			// The inspector's own welfare is their line manager's, outside the store (as in the rule).
			if (o.role === 'inspector' || !inPost(o, end)) continue;
			const {due, last} = welfareDueOn(o, events.get(o.id), CHECK_IN_KINDS, ctx.settings.welfareCheckInDays, end);
			if (due > end) continue;
			ctx.stock(ctx.sergeantOf(o.id), i, w => w.withoutCheckIn, {
				kind: 'officer',
				seq: null,
				caseRef: null,
				officerId: o.id,
				date: last?.date ?? o.joinedUnit,
			});
		}
	});
}
