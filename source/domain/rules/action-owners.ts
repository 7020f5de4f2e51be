/**
 * An open action stranded by its owner's absence (README, "Acting on a problem"): the owner is away
 * on the day the action is needed (its due date, or today once overdue) and nobody covers them that
 * day (no cover named, or the cover is away too). One problem per owner and absence, amber: the
 * case's review is where the action is given to someone else; naming a cover clears it at once.
 */
import {clipAtWord} from '../clip-text.js';
import {neededOn, type OwnedAction} from '../action-owners.js';
import {isOpen} from '../case-facts.js';
import {absenceSpan} from '../absence-words.js';
import {shortDate, type IsoDate} from '../dates.js';
import type {Absence} from '../model.js';
import {ABSENCE_WORDS} from '../people.js';
import type {Problem} from '../problem.js';
import {coverWay, reallocateOneOf, reviewWay} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {safeText} from '../safe-text.js';
import {awayOnDate, knownFrom, memo, nameOf, plural, type RuleContext} from './context.js';

export function actionOwnerProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'action-owners', () => {
		const {today} = ctx;
		const out: Problem[] = [];
		// One pass over the live cases: open actions of owners who have any absence recorded.
		const owned = new Map<string, OwnedAction[]>();
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			// The case's actions read in place (openActions would make a list for each of the live cases: issue 18).
			const actions = c.actions;
			for (let i = 0; i < actions.length; i++) {
				const a = actions[i]!;
				if (!isOpen(a) || !ctx.absencesByOfficer.has(a.ownerId)) continue;
				const list = owned.get(a.ownerId);
				if (list) list.push({case: c, action: a});
				else owned.set(a.ownerId, [{case: c, action: a}]);
			}
		}
		for (let oi = 0; oi < ctx.activeOfficers.length; oi++) {
			const o = ctx.activeOfficers[oi]!;
			const items = owned.get(o.id);
			if (!items) continue;
			const byAbsence = new Map<string, {absence: Absence; coverAway: Absence | null; items: OwnedAction[]}>();
			for (const item of items) {
				const away = awayOnDate(ctx, o.id, neededOn(item.action, today));
				if (!away || away.coverId !== null) continue;
				const group = byAbsence.get(away.absence.id);
				if (group) group.items.push(item);
				else byAbsence.set(away.absence.id, {absence: away.absence, coverAway: away.coverAway, items: [item]});
			}
			for (const {absence, coverAway, items} of byAbsence.values()) out.push(problem(ctx, o.id, absence, coverAway, items));
		}
		return out;
	});
}

function problem(ctx: RuleContext, ownerId: string, absence: Absence, coverAway: Absence | null, items: OwnedAction[]): Problem {
	const {today} = ctx;
	items.sort((a, b) => (a.action.due < b.action.due ? -1 : a.action.due > b.action.due ? 1 : 0));
	const who = nameOf(ctx, ownerId);
	const id = safeText(absence.id);
	const nobody = coverAway ? `cover ${nameOf(ctx, coverAway.officerId)} is away too` : 'no cover named';
	const listed = items
		.slice(0, 3)
		.map(({case: c, action: a}) => `${safeText(c.ref)} "${clipAtWord(safeText(a.text.trim()), 50)}" due ${shortDate(a.due, today)}`);
	const more = items.length > 3 ? `; and ${items.length - 3} more` : '';
	// Since: the day the absence was known, or the action was set if later; never before either.
	let since: IsoDate = knownFrom(absence);
	for (const {action} of items) if (action.createdOn > since) since = action.createdOn;
	const earliest = items.reduce((d, {action}) => (action.due < d ? action.due : d), items[0]!.action.due);
	return {
		id: `action-owner-away:${ownerId}:${absence.id}`,
		kind: 'action-owner-away',
		severity: 'amber',
		subject: {type: 'officer', officerId: ownerId},
		message:
			`${plural(items.length, 'open action')} owned by ${who} ${items.length === 1 ? 'is' : 'are'} due while ${who} is ` +
			`${ABSENCE_WORDS[absence.reason]} ${absenceSpan(absence, today)} (${nobody}): ${listed.join('; ')}${more}`,
		action:
			`Name a cover for ${who}'s absence ${id} (fortnight absence change ${id} --cover NAME), ` +
			"or give these actions to someone at work at each case's review.",
		evidence: [
			{
				type: 'absence',
				id: absence.id,
				date: absence.from,
				detail: `${ABSENCE_WORDS[absence.reason]} ${absenceSpan(absence, today)}, ${nobody}`,
			},
			...items.map(({case: c, action: a}) => ({
				type: 'action' as const,
				caseRef: c.ref,
				id: a.id,
				date: a.due,
				detail: `${a.status}, due ${shortDate(a.due, today)}, owner ${who}`,
			})),
		],
		since,
		due: earliest,
	};
}

/**
 * How it clears (README "Acting on a problem"): a cover named on the owner's absence, or each action
 * given to someone at work: dropped with a reason and set again for them at the case's review, or moved
 * with the case when its holder owned it (reallocating moves the holder's open actions).
 */
export const ACTION_OWNER_RULE: RuleDeclaration<'action-owner-away'> = {
	name: 'Action owners away',
	check: actionOwnerProblems,
	kinds: {
		'action-owner-away': {
			label: 'Action owner away',
			resolve: (p, ctx) => {
				const absence = p.evidence.find(e => e.type === 'absence');
				const who = nameOf(ctx, p.subject.officerId);
				const cover = absence?.id ? [coverWay(absence.id, `Name a cover for ${who}'s absence (${absence.id})`)] : [];
				return [
					...cover,
					reviewWay(
						"At each case's guided review, drop the action with a reason and set it again for someone at work (steps 2 and 4)",
						'each case the problem lists (its row in the explorer, or the palette and its reference)',
					),
					reallocateOneOf(`Reallocate ${who}'s cases to an officer at work: the open actions ${who} owns move with them`),
				];
			},
		},
	},
};
