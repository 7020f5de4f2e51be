/**
 * What each person may READ (README "Who may read what", "Who you are"): a sergeant
 * their team, a cover the team on the days they cover and no longer, an inspector their teams, an
 * officer their own cases and their own record, read-only. Performance triggers, screening, welfare
 * check-ins, workload and why someone is away are personal data about colleagues: an officer reads
 * their own, never a peer's. The team's documents (the handover, its calendar, the review log) are the
 * supervisors': an officer is refused them, with who can. One rule here; each command and the desk
 * apply it once (commands/read-scope.ts, ui/model/desk-model.ts), never piecemeal.
 */
import type {IsoDate} from './dates.js';
import type {Case, StoreData} from './model.js';
import {isInspectorOver, lineManagerOf, supervisesAs, type RoleWord} from './permissions.js';
import {ABSENCE_WORDS, shortName} from './people.js';
import type {Problem} from './problem.js';
import {withoutPersonalSentences} from './review/summary.js';
import {waysForOfficer} from './ways-for-officer.js';
import {safeText} from './safe-text.js';

/**
 * `team`: reads the whole team, as a sergeant, cover (on the day), inspector, or `unidentified` (nobody said
 * who they are: the file's own readers, README "Who may read what"). `own`: an officer, or a cover outside
 * their dates: their own cases and their own record.
 */
export type ReadScope = {kind: 'team'; as: RoleWord | 'unidentified'} | {kind: 'own'; officerId: string};

export const WHOLE_TEAM: ReadScope = {kind: 'team', as: 'unidentified'};

/** `actorId`'s read scope on `date` (null: nobody identified). Decided on the day, as supervision is (permissions.ts). */
export function readScopeOn(data: StoreData, actorId: string | null, date: IsoDate): ReadScope {
	if (actorId === null) return WHOLE_TEAM;
	if (isInspectorOver(data, actorId)) return {kind: 'team', as: 'inspector'};
	if (data.team.sergeantId === actorId) return {kind: 'team', as: 'sergeant'};
	// Anyone else supervising someone in the team that day: a line manager below the sergeant, or the cover
	// named for the sergeant's absence on its days (a cover outside them supervises nobody: an officer).
	for (const o of data.officers) {
		if (o.id === actorId) continue;
		const as = supervisesAs(data, actorId, o.id, date);
		if (as) return {kind: 'team', as};
	}
	return {kind: 'own', officerId: actorId};
}

/** May the reader see this case (its record, history, reviews and problems)? An officer: the cases they hold. */
export function mayReadCase(scope: ReadScope, c: Pick<Case, 'oicId'>): boolean {
	return scope.kind === 'team' || c.oicId === scope.officerId;
}

/** May the reader see this officer's record: absences and why, welfare dates, screening, tenure, workload, performance? */
export function mayReadOfficer(scope: ReadScope, officerId: string): boolean {
	return scope.kind === 'team' || officerId === scope.officerId;
}

/** What a reader is told in place of a review's personal fields (JSON "withheld", the text and desk views). */
export const WITHHELD_ABOUT_ANOTHER = 'about another officer';

/**
 * Why the personal part of a review about `oicId` (the officer in the case when it was signed) is withheld
 * from the reader, or null when they may see it. A review is about its OIC: their performance decision or
 * trigger, any concern, their welfare check-in (README "Who may read what"). An officer who now holds the
 * case reads its facts (date, reviewer, risk, actions, plan), but not that about the previous holder.
 */
export function reviewWithheld(scope: ReadScope, oicId: string): typeof WITHHELD_ABOUT_ANOTHER | null {
	return mayReadOfficer(scope, oicId) ? null : WITHHELD_ABOUT_ANOTHER;
}

/** A review's stored summary as the reader may see it: without the sentences about another officer's performance, concern or welfare. */
export function reviewSummaryFor(scope: ReadScope, oicId: string, summary: string): string {
	return reviewWithheld(scope, oicId) ? withoutPersonalSentences(summary) : summary;
}

/**
 * The problems the reader may see: for an officer, those on their own cases and those about themselves
 * (their own performance trigger, check-in, screening); never a peer's, nor the team's supervision
 * (span of control, cover gaps). The rules run on the whole team first, so a problem on their case is
 * the same problem the sergeant sees. With `today`, each problem's ways are those the reader may take,
 * or, when none, each marked as whose it is (ways-for-officer.ts: `--as` who can, "for DS Brennan to do"):
 * the officer's, or for the team a `readerId` identified (`fortnight problems --as NAME`); the whole team
 * read by nobody identified keeps every way as the rules print it.
 */
export function readableProblems(
	data: StoreData,
	scope: ReadScope,
	problems: readonly Problem[],
	today?: IsoDate,
	readerId: string | null = null,
): Problem[] {
	if (scope.kind === 'team') {
		if (today === undefined || readerId === null) return [...problems];
		return problems.map(p => waysForOfficer(data, today, readerId, p));
	}
	const own = new Set(data.cases.filter(c => c.oicId === scope.officerId).map(c => c.ref));
	const reader = scope.officerId;
	return problems
		.filter(p => (p.subject.type === 'case' ? own.has(p.subject.ref) : p.subject.officerId === reader))
		.map(p => withoutAbsenceReasons(today === undefined ? p : waysForOfficer(data, today, reader, p)));
}

// Every reason's words but "away" (people.ts ABSENCE_WORDS, the one place the rules take them from).
const REASON_PHRASES = new RegExp(
	Object.values(ABSENCE_WORDS)
		.filter(w => w !== ABSENCE_WORDS.other)
		.map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('|'),
	'g',
);

/**
 * A problem on an officer's case may say that their sergeant, or the cover, is away: that matters to
 * them (who authorises the bail extension). Why a colleague is away does not: it says "away" instead.
 */
function withoutAbsenceReasons(p: Problem): Problem {
	const away = (text: string) => text.replace(REASON_PHRASES, ABSENCE_WORDS.other);
	return {...p, message: away(p.message), action: away(p.action), evidence: p.evidence.map(e => ({...e, detail: away(e.detail)}))};
}

/** The team's documents: each is the supervisors' (README "Who may read what"). */
export type TeamDocument = 'handover' | 'calendar' | 'log';

const DOCUMENT_WORDS: Record<TeamDocument, string> = {
	handover:
		"the handover: it is the supervisors' document about the whole team (every officer's cases, absences, workload, action plans and welfare check-ins)",
	calendar: "the handover calendar: it is the cover's, with every officer's dates and absences",
	log: "the review log: it is the supervisors' record of the team (every officer's reviews, performance triggers and welfare check-ins)",
};

/**
 * Why the reader may not have `doc` (one sentence naming who can, and where their own cases are), or
 * null when they may. At the desk the sentence is short enough for the status bar at 80 columns: the view's name and who can.
 */
export function teamDocumentRefusal(
	data: StoreData,
	scope: ReadScope,
	doc: TeamDocument,
	at: 'command' | 'desk' = 'command',
): string | null {
	if (scope.kind === 'team') return null;
	// At the desk the status bar has about 66 columns at 80 (after "as DC Iqbal"): who can comes straight
	// after the view's name, so a long name is the most that is ever cut (QA 4 R-k).
	if (at === 'desk') return `${DESK_VIEW_NAMES[doc]} view: only for ${whoReadsTeamShort(data, scope.officerId)}.`;
	return `${readerName(data, scope.officerId)} cannot read ${DOCUMENT_WORDS[doc]}. ${whoReadsTeam(data, scope.officerId)} can; ${OWN_PLACES}.`;
}

const DESK_VIEW_NAMES: Record<TeamDocument, string> = {handover: 'Handover', calendar: 'Calendar', log: 'Log'};

/** Why the reader may not see case `c` (held by someone else), or null when they may. */
export function caseReadRefusal(data: StoreData, scope: ReadScope, c: Pick<Case, 'ref' | 'oicId'>): string | null {
	if (mayReadCase(scope, c)) return null;
	const me = scope.kind === 'own' ? scope.officerId : '';
	return (
		`${readerName(data, me)} cannot read ${safeText(c.ref)}: it is not their case, and an officer reads their own cases only. ` +
		`${whoReadsTeam(data, c.oicId)} can; ${OWN_PLACES}.`
	);
}

const OWN_PLACES = 'your own cases and record are in "fortnight problems", "fortnight case show REF" and the desk';

const readerName = (data: StoreData, id: string) => safeText(shortName(data.officers.find(o => o.id === id)));

/** Who reads the team for `officerId`, said short for the desk's status bar: "DS Brennan, their cover or DI Okafor". */
function whoReadsTeamShort(data: StoreData, officerId: string): string {
	const manager = lineManagerOf(data, officerId) ?? data.officers.find(o => o.id === data.team.sergeantId);
	const parts = manager && manager.id !== officerId ? [readerName(data, manager.id), 'their cover'] : [];
	if (data.team.inspectorId && data.team.inspectorId !== manager?.id) parts.push(readerName(data, data.team.inspectorId));
	if (parts.length === 0) return "the team's sergeant or inspector";
	return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)!}`;
}

/** "DS Brennan (or the cover named while they are away) or DI Okafor": who reads the team for `officerId`. */
function whoReadsTeam(data: StoreData, officerId: string, cover = 'or the cover named while they are away'): string {
	const manager = lineManagerOf(data, officerId) ?? data.officers.find(o => o.id === data.team.sergeantId);
	const parts = manager && manager.id !== officerId ? [`${readerName(data, manager.id)} (${cover})`] : [];
	if (data.team.inspectorId && data.team.inspectorId !== manager?.id) parts.push(readerName(data, data.team.inspectorId));
	const who = parts.length > 0 ? parts.join(' or ') : "the team's sergeant or inspector";
	return who.charAt(0).toUpperCase() + who.slice(1);
}
