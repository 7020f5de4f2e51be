/**
 * The problems about the cover themselves, or the cases they hold, that the cover may not act on while
 * covering (DOMAIN "People and permissions": no one supervises themselves; docs/rules.md "Reviews the cover
 * cannot do"): their psychological screening or tenure review due, an undecided performance trigger about
 * them, their own workload, the bail of a case they hold. Each goes to the next person up (the team's
 * inspector: independence.ts nextUpFor) and stays a problem until done.
 *
 * cover-cannot.ts marks the dated items of this kind (their cases' reviews, their action plan and check-in);
 * this takes the rest from the rules' problems of the day of writing, whatever their severity (written days
 * before the window, most are amber, so "Needs a decision now" leaves them out: QA 6 D1). A problem is
 * listed when one of its ways to clear it is a supervisor's act on the officer or their case (SUPERVISORS_ACTS):
 * one cleared only by an import from the records system (a forensic result, a crime-report update) is the
 * officer's own work, and the cover may import it. A problem already said by a marked dated item (the
 * review or check-in it is about) is not said twice.
 */
import type {IsoDate} from '../dates.js';
import {nextUpFor} from '../independence.js';
import type {StoreData} from '../model.js';
import {fullName} from '../people.js';
import type {Problem} from '../problem.js';
import type {ResolveWay} from '../resolve.js';
import {forSomeoneElse} from './cover-cannot.js';
import {datedMessage} from './dated-words.js';
import type {CoverOwnProblem, HandoverCover, WindowItem} from './schema.js';

/** The ways that are a supervisor's act on an officer or their case: none of them may be the officer's own. */
const SUPERVISORS_ACTS: ReadonlySet<ResolveWay> = new Set<ResolveWay>([
	'review',
	'performance-decision',
	'reallocate',
	'bail-record',
	'welfare-record',
]);

/** The dated item that already says a problem of this kind for the cover (cover-cannot.ts marks it). */
const SAID_AS_ITEM: Partial<Record<Problem['kind'], WindowItem['kind']>> = {
	'review-overdue': 'review-due',
	'review-needs-independent-supervisor': 'review-due',
	'welfare-check-in-due': 'welfare-check-in-due',
};

/**
 * The problems of `problems` (findProblems on the day of writing) whose subject is a cover with an officer
 * id, or a case they hold, and which need a supervisor's act (module comment), in the rules' order (most
 * urgent first). `items` are the handover's dated items after markCoverCannot. `covers` as in
 * markCoverCannot; a cover of several spans is named from the first day they cover.
 */
export function coverOwnProblems(
	data: StoreData,
	problems: readonly Problem[],
	covers: readonly HandoverCover[],
	items: readonly WindowItem[],
): CoverOwnProblem[] {
	const firstDay = new Map<string, {name: string; from: IsoDate}>();
	for (const c of covers) {
		if (c.officerId === null) continue;
		const seen = firstDay.get(c.officerId);
		if (!seen || c.from < seen.from) firstDay.set(c.officerId, {name: c.name, from: c.from});
	}
	if (firstDay.size === 0) return [];
	const said = new Set(items.filter(forSomeoneElse).map(i => `${i.kind}|${i.officerId ?? ''}|${i.caseRef ?? ''}`));
	const out: CoverOwnProblem[] = [];
	for (const p of problems) {
		const cover = firstDay.get(p.subject.officerId);
		if (!cover) continue;
		if (!(p.resolve ?? []).some(r => SUPERVISORS_ACTS.has(r.way))) continue;
		const caseRef = p.subject.type === 'case' ? p.subject.ref : null;
		const asItem = SAID_AS_ITEM[p.kind];
		if (asItem && said.has(`${asItem}|${p.subject.officerId}|${asItem === 'review-due' ? (caseRef ?? '') : ''}`)) continue;
		const up = nextUpFor(data, p.subject.officerId);
		out.push({
			problemId: p.id,
			severity: p.severity,
			kind: p.kind,
			caseRef,
			officerId: p.subject.officerId,
			officerName: cover.name,
			message: datedMessage(p.message),
			action: datedMessage(p.action),
			due: p.due ?? null,
			coverFrom: cover.from,
			goesToName: up ? fullName(up) : null,
			goesToId: up?.id ?? null,
			resolve: (p.resolve ?? []).map(r => ({
				way: r.way,
				label: datedMessage(r.label),
				desk: r.desk ? {key: r.desk.key, where: r.desk.where} : null,
				command: r.command,
			})),
		});
	}
	return out;
}

/**
 * "DC Helen Marsh may not act on this about themselves while covering (from 10 Dec): it goes to DI Rachel
 * Okafor." The renderers' one sentence for a CoverOwnProblem; `date` writes a day as the renderer does.
 */
export function coverOwnWords(p: CoverOwnProblem, date: (d: IsoDate) => string): string {
	const who = p.goesToName ?? 'an independent supervisor (the store names no inspector for this team)';
	const what = p.caseRef ? `${p.caseRef}, a case they hold,` : 'this about themselves';
	return `${p.officerName} may not act on ${what} while covering (from ${date(p.coverFrom)}): it goes to ${who}.`;
}
