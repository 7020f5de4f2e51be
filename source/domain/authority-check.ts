/**
 * Whether each supervisory act in the chain was its actor's to take (REVIEW-9 D4). A signature proves who
 * acted, not that they might: `verify` also judges every review, performance decision and welfare record
 * entry with the rules the commands and the desk apply before recording one (permissions.ts
 * mayReviewCase, mayDecideTrigger, mayRecordWelfare), on the entry's own date. So a cover's review of his
 * own case, his own welfare check-in or his decision on his own trigger, or a sergeant's decision on a
 * trigger he escalated to the inspector, fails verify on either store, however it reached the chain (a
 * file edit with the actor's own key, psql on PostgreSQL). DOMAIN "People and permissions": no one
 * supervises themselves.
 *
 * The rules read the team as it is now (line managers, the team's sergeant and inspector) and the
 * absences' covers by date. An act by the officer's line manager or inspector of that date in the team's
 * supervision history (team-history.ts) stands too, so a change of sergeant does not turn the old
 * sergeant's reviews into failures; an act about oneself never stands.
 */
import type {IsoDate} from './dates.js';
import type {Case, ChainEntry, StoreData} from './model.js';
import {lineManagerOn, mayDecideTrigger, mayRecordWelfare, mayReviewCase, type Permission} from './permissions.js';
import {inspectorOn} from './team-history.js';

export interface AuthorityProblem {
	index: number;
	seq: number;
	message: string;
}

/** Walks a chain entry by entry (as SignatureWalk does), remembering only what the rules need of earlier entries. */
export class AuthorityWalk {
	private readonly cases: Map<string, Case>;
	/** Each officer's last performance decision so far: after an "escalate", only an inspector decides. */
	private readonly lastDecision = new Map<string, string>();

	constructor(private readonly data: StoreData) {
		this.cases = new Map(data.cases.map(c => [c.ref, c]));
	}

	/** Why entry `e` (at position `i`) was not its actor's to make, or null. */
	check(e: ChainEntry, i: number): AuthorityProblem | null {
		const refused = this.refusal(e);
		if (refused === null) return null;
		return {
			index: i,
			seq: e.seq,
			message: `entry ${e.seq} (${e.kind}) records an act its actor could not take: ${refused.replace(/\.$/, '')}`,
		};
	}

	private refusal(e: ChainEntry): string | null {
		const data = this.data;
		switch (e.kind) {
			case 'review': {
				const {caseRef, oicId, reviewerId, date} = e.data;
				// The case as it stood: held by the officer the review names.
				const held = {...(this.cases.get(caseRef) ?? ({ref: caseRef} as Case)), ref: caseRef, oicId};
				return this.judged(mayReviewCase(data, reviewerId, held, date), reviewerId, oicId, date, false);
			}
			case 'performance-decision': {
				const {officerId, by, date, decision} = e.data;
				const escalated = this.lastDecision.get(officerId) === 'escalate';
				this.lastDecision.set(officerId, decision);
				return this.judged(mayDecideTrigger(data, by, officerId, date, escalated), by, officerId, date, escalated);
			}
			case 'record': {
				if (e.data.record !== 'welfare-event') return null;
				const {by, event} = e.data;
				return this.judged(mayRecordWelfare(data, by, event.officerId, event.date), by, event.officerId, event.date, false);
			}
			default:
				return null;
		}
	}

	/**
	 * The rule's refusal, unless the team's history shows the actor supervised the officer that day (their
	 * line manager then, or the inspector then; only the inspector for an escalated trigger). Never about oneself.
	 */
	private judged(may: Permission, actorId: string, officerId: string, date: IsoDate, escalated: boolean): string | null {
		if (may.ok) return null;
		if (actorId !== officerId) {
			const inspector = inspectorOn(this.data.team, date) === actorId;
			if (inspector || (!escalated && lineManagerOn(this.data, officerId, date)?.id === actorId)) return null;
		}
		return may.reason;
	}
}
