/**
 * How far back a reallocation may be dated (README "Case history"). The case's history says who held it
 * on each day, and the rules read it that way: a review's lateness, trigger evidence and bail problems
 * belong to the holder of the day. A move dated before a record that shows the outgoing officer still
 * holding the case would make the history contradict that record (a signed review naming them as OIC
 * days after the case had "passed" to someone else; actions created at that review and then "moved with
 * the case" on an earlier day). So a move may not be dated before the latest of these:
 *
 * - the case's last signed review (it names the OIC it reviewed with);
 * - any event in the history of the case's actions (created, started, carried, done, dropped, edited):
 *   the actions that go with the case are recorded as moving on the move's day, after their history;
 * - a bail event on the case (a signed record of the case's conduct, put on the holder of its day);
 * - an update written by the officer who holds it now (they were working it that day).
 *
 * An update by anyone else (the incoming officer, the sergeant), or one from the records system by an
 * import (its author not known: update-author.ts), says nothing about who held the case, so it does not
 * hold the move back. A move on the day of such a record is allowed, as a move on the first
 * day of the current allocation is: the case passes that day, after the record.
 */
import {BAIL_EVENT_SHORT_WORDS} from './bail-record.js';
import {shortDate, type IsoDate} from './dates.js';
import type {ActionEvent, Case, StoreData} from './model.js';
import {shortName} from './people.js';
import {updateAuthorId} from './update-author.js';
import {safeText} from './safe-text.js';

/** An action's history event in words ("created 13 Nov by DS Brennan"). */
const EVENT_WORDS: Record<ActionEvent['event'], string> = {
	created: 'created',
	started: 'started',
	carried: 'carried over',
	done: 'done',
	dropped: 'dropped',
	edited: 'edited',
};

/** A record a move may not be dated before: its day and what it is in words ("its signed review of 23 Nov (entry 577, OIC DC Iqbal)"). */
export interface HoldingRecord {
	on: IsoDate;
	/** Ranks records of one day: the lowest is named (a signed review before what it recorded). */
	rank: number;
	words: string;
}

/** The latest record of `c` a move may not be dated before (module comment), or null when it has none. */
export function latestHoldingRecord(data: StoreData, c: Case, today: IsoDate): HoldingRecord | null {
	const name = (id: string) => safeText(shortName(data.officers.find(o => o.id === id)));
	const day = (d: IsoDate) => shortDate(d, today);
	let best: HoldingRecord | null = null;
	// Words are made only for a record that becomes the latest, so a case with a long history costs comparisons.
	const offer = (on: IsoDate, rank: number, words: () => string) => {
		if (best === null || on > best.on || (on === best.on && rank < best.rank)) best = {on, rank, words: words()};
	};
	for (const e of data.chain) {
		// The working set a store keeps holds each case's last review (chain-working-set.ts), so it is always here.
		if (e.kind !== 'review' || e.data.caseRef !== c.ref) continue;
		const r = e.data;
		offer(r.date, 0, () => `its signed review of ${day(r.date)} (entry ${e.seq}, OIC ${name(r.oicId)})`);
	}
	for (const b of c.bailEvents) {
		offer(b.on, 1, () => `its bail record of ${day(b.on)} (${BAIL_EVENT_SHORT_WORDS[b.event]}, by ${name(b.recordedBy)})`);
	}
	for (const a of c.actions) {
		for (const h of a.history) {
			offer(h.date, 2, () => `its action ${safeText(a.id)} (${EVENT_WORDS[h.event]} ${day(h.date)} by ${name(h.by)})`);
		}
	}
	for (const u of c.updates) {
		// An imported update is the records system's (update-author.ts): it does not show the holder at work.
		if (updateAuthorId(u) === c.oicId) offer(u.date, 3, () => `${name(u.authorId)}'s update of ${day(u.date)}`);
	}
	return best;
}

/**
 * The sentence refusing a move of `c` dated `on` before its latest holding record, or null. It names the
 * record, its day and the earliest day the move may take.
 */
export function backdatedMoveRefusal(data: StoreData, c: Case, on: IsoDate, today: IsoDate): string | null {
	const latest = latestHoldingRecord(data, c, today);
	if (latest === null || on >= latest.on) return null;
	const day = (d: IsoDate) => shortDate(d, today);
	const holder = safeText(shortName(data.officers.find(o => o.id === c.oicId)));
	// A record dated after the day worked as (--today set back, REVIEW 6 D6): no move can be dated on or
	// before today and after it, so name no earliest date that the "after today" rule would refuse next.
	const allowed =
		latest.on > today
			? `It is dated after today (${day(today)}), so no move of it can be recorded as of today.`
			: `The earliest date allowed is ${day(latest.on)}.`;
	return (
		`${safeText(c.ref)} cannot be moved from ${day(on)}: ${latest.words} was recorded while ${holder} held it, ` +
		`and the case's history may not contradict it. ${allowed}`
	);
}
