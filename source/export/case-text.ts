/**
 * `fortnight case show` as plain text that fits 80 columns: the case, who held it and when, its risk
 * over time, bail as it stands, every signed review (as amended), the actions with their history and the
 * crime-report updates whole, oldest first, each date with its year. Store text goes through safeText.
 */
import {AUTHORITY_NAMES} from '../domain/bail.js';
import type {CaseRecord, NamedOfficer, RecordSignature} from '../domain/case-record.js';
import {isIsoDate, shortDate, type IsoDate} from '../domain/dates.js';
import {AMENDED_FIELD_WORDS} from '../domain/review-log/rows.js';
import {plural} from '../domain/plural.js';
import {safeMultiline, safeText} from '../domain/safe-text.js';
import {RECORDS_SYSTEM} from '../domain/update-author.js';
import {caseStatusWords, performanceDecisionWords} from '../domain/status-words.js';
import {wrap} from './problems-text.js';

/** "14 Jan 2026": history spans years, so every date carries its year. */
const day = (d: IsoDate): string => `${shortDate(d)} ${d.slice(0, 4)}`;
const who = (o: NamedOfficer | null): string => (o ? safeText(o.name) : 'not recorded');

/** Who vouches for a supervisory record (README "Signed records"). */
function signatureWords(s: RecordSignature): string {
	if (s.seq === null) return 'Not signed (recorded before signatures).';
	return s.signedBy ? `Signed with ${who(s.signedBy)}'s key (entry ${s.seq}).` : `In the chain, hashed only (entry ${s.seq}).`;
}

/** "From 13 Nov 2025 until 04 Dec 2026", "From 04 Dec 2026, held now"; a holder moved on the day they took it, said so. */
function allocationSpan(from: IsoDate, to: IsoDate | null): string {
	if (to === null) return `From ${day(from)}, held now`;
	return to === from ? `${day(from)}, moved on again the same day` : `From ${day(from)} until ${day(to)}`;
}

export function renderCaseText(r: CaseRecord, today: IsoDate, width = 80): string {
	const out: string[] = [];
	// Wrapped to the narrower of the first line and the rest (indent, hang), so no line runs past `width`.
	const line = (text: string, indent = 0, hang = indent) => {
		for (const [i, l] of wrap(text, width - Math.max(indent, hang)).entries()) out.push(`${' '.repeat(i === 0 ? indent : hang)}${l}`);
	};
	const heading = (text: string) => {
		out.push('');
		out.push(text);
	};

	line(`${safeText(r.ref)}  ${safeText(r.offence)}`);
	const closed = r.closedOn ? ` (closed ${day(r.closedOn)})` : '';
	line(`Status: ${caseStatusWords(r.status)}${closed}; risk ${r.risk.toUpperCase()}; opened ${day(r.opened)}`);
	const edited = r.nextReviewEdited
		? ` (the case record says ${day(r.nextReviewEdited.recorded)}, moved later outside fortnight; ${r.nextReviewEdited.signedIn} set ${day(r.nextReviewDue)})`
		: '';
	line(`OIC: ${who(r.oic)} since ${day(r.allocatedOn)}; next review ${day(r.nextReviewDue)}${edited}`);

	heading(`ALLOCATIONS (${r.allocations.length})`);
	// On the day of a move the case is the new officer's (case-history.ts holderOn), so one holder's last
	// date is the next one's first: "until" and "from" say so, where "to 04 Dec" and "04 Dec to" read as
	// both holding it that day (QA 8 R4).
	if (r.allocations.length > 1) line("On the day of a move the case is the new officer's.", 2);
	for (const a of r.allocations) {
		line(`${allocationSpan(a.from, a.to)}: ${who(a.officer)}`, 2);
		// Dates in words as everywhere in the document (QA 3 R16); the time stays UTC, as the store records it.
		// Recorded on a day other than the instant's UTC day (--today, or the hour after midnight in summer
		// time), that day is said and the instant apart, in UTC, with no claim about why (worked-day.ts, REVIEW 6 D10).
		const clock = a.recordedAt ? `${day(a.recordedAt.slice(0, 10))} at ${a.recordedAt.slice(11, 16)} UTC` : '';
		const recorded = !a.recordedAt
			? ''
			: a.recordedOn === a.recordedAt.slice(0, 10)
				? ` on ${clock}`
				: ` on ${day(a.recordedOn!)} (saved ${clock})`;
		line(`${a.by ? `Allocated by ${who(a.by)}${recorded}: ` : ''}${safeText(a.reason)}`, 6);
		if (a !== r.allocations[0]) line(signatureWords(a.signature), 6);
	}

	heading(`RISK (${plural(r.riskHistory.length, 'level')})`);
	for (const k of r.riskHistory) {
		const by = k.by ? ` by ${who(k.by)}${k.reviewSeq !== null ? ` (review entry ${k.reviewSeq})` : ''}` : '';
		line(`${day(k.from)}: ${k.risk.toUpperCase()}${by}`, 2);
		line(safeText(k.reason), 6);
	}

	heading('BAIL / RUI');
	const b = r.bail;
	const suspect = (initials: string) => safeText(initials) || '(initials not recorded)';
	if (b) {
		const regime = b.regime === 'pcsc-2022' ? 'PCSC Act 2022 limits' : 'pre-October 2022 limits';
		line(`Suspect ${suspect(b.suspect)} bailed after arrest on ${day(b.bailedOn)} (${regime}); return ${day(b.returnDate)}.`, 2);
		for (const e of b.extensions) {
			line(`Extended ${day(e.date)} by ${safeText(e.authorisedBy)} (${AUTHORITY_NAMES[e.authority]}) to ${day(e.periodEnd)}.`, 2, 4);
		}
		if (b.endedOn) line(`Bail ended ${day(b.endedOn)}.`, 2);
		else if (b.clock) {
			const c = b.clock;
			const to = c.nextPeriodEnd ? ` (to ${day(c.nextPeriodEnd)})` : '';
			const next = c.lapsed ? ': LAPSED, it can no longer be extended' : `; next extension by ${AUTHORITY_NAMES[c.nextAuthority]}${to}`;
			line(`Period ends ${day(c.periodEnd)}${next}${c.lapsed ? '' : ' before then'}.`, 2, 4);
			if (c.returnMissed) line(`The return date passed ${plural(-c.daysToReturn, 'day')} ago.`, 2, 4);
		}
	}
	if (r.rui) {
		const told = r.rui.lastSuspectUpdate ? `last told of progress ${day(r.rui.lastSuspectUpdate)}` : 'never told of progress';
		const ended = r.rui.endedOn ? `; RUI ended ${day(r.rui.endedOn)}` : '';
		line(`Suspect ${suspect(r.rui.suspect)} released under investigation ${day(r.rui.since)}; ${told}${ended}.`, 2, 4);
	}
	if (!b && !r.rui) line('No bail or RUI recorded.', 2);
	for (const e of r.bailEvents) {
		const rank = e.rank ? ` (${safeText(e.rank)})` : '';
		const authorised = e.authorisedBy ? `, authorised by ${safeText(e.authorisedBy)}${rank}` : '';
		const back = e.returnDate ? `, return ${day(e.returnDate)}` : '';
		line(`Bail event ${day(e.on)}: ${e.event}${authorised}${back}; recorded by ${who(e.recordedBy)}. ${signatureWords(e.signature)}`, 2, 4);
	}

	heading(`REVIEWS (${r.reviews.length}, oldest first)`);
	if (r.reviews.length === 0) line('No signed review yet.', 2);
	for (const v of r.reviews) {
		const late = v.lateDays > 0 ? `${plural(v.lateDays, 'day')} late` : 'on time';
		// Who signed it with their key (README "Signatures"); `fortnight verify` checks the signature.
		const signed = v.signedBy ? `signed with ${who(v.signedBy)}'s key` : 'made before signatures';
		line(`${day(v.date)}, entry ${v.seq}: by ${who(v.reviewer)} (${signed}), due ${day(v.dueDate)} (${late}); OIC ${who(v.oic)}`, 2, 6);
		const risk = v.riskBefore === v.riskAfter ? `risk ${v.riskAfter}` : `risk ${v.riskBefore} -> ${v.riskAfter}`;
		const decision = v.triggerDecision ? `; performance decision: ${performanceDecisionWords(v.triggerDecision)}` : '';
		// Withheld (domain/read-scope.ts): the OIC's performance and welfare are not the reader's to see.
		const personal = v.withheld
			? `; performance and welfare withheld (${v.withheld})`
			: `${decision}; welfare check-in ${v.welfareCheckIn ? 'yes' : 'no'}`;
		// The header gives the review as amended; the summary is the text as signed unless it was corrected too,
		// so an amended next review date is said to be one (QA 6 R13: "next review 10 Dec" over "Next review: 18 Dec").
		const corrected = new Set(v.amendments.flatMap(a => Object.keys(a.corrections)));
		const dateAmended = corrected.has('nextReviewDue') ? ' (amended)' : '';
		line(`${risk}; next review ${day(v.nextReviewDue)}${dateAmended}${personal}`, 6);
		if (v.riskRationale) line(`Risk rationale: ${safeText(v.riskRationale)}`, 6);
		const asSigned = dateAmended && !corrected.has('summary') ? ' (as signed, before the amendment below)' : '';
		line(`Summary${asSigned}: ${safeText(v.summary)}`, 6);
		for (const a of v.amendments) {
			// In words and dates as the rest of the page, not the store's field names and ISO dates (QA 6 R13).
			const fields = Object.entries(a.corrections)
				.map(([k, x]) => {
					const words = AMENDED_FIELD_WORDS[k] ?? safeText(k);
					return isIsoDate(x) ? `${words} ${day(x)}` : `${words} "${safeText(x)}"`;
				})
				.join(', ');
			const how = a.signedBy ? `signed with ${who(a.signedBy)}'s key` : 'made before signatures';
			line(`Amended ${day(a.date)} by ${who(a.by)} (entry ${a.seq}, ${how}): ${safeText(a.reason)}; now ${fields}`, 6);
		}
	}

	heading(`ACTIONS (${r.actions.length})`);
	if (r.actions.length === 0) line('None recorded.', 2);
	for (const a of r.actions) {
		const carried = a.carriedCount > 0 ? `, carried ${plural(a.carriedCount, 'time')}` : '';
		line(`[${a.status}] ${safeText(a.text)} (owner ${who(a.owner)}, due ${day(a.due)}${carried})`, 2, 6);
		for (const h of a.history) line(`${day(h.date)} ${h.event} by ${who(h.by)}${h.reason ? `: ${safeText(h.reason)}` : ''}`, 6, 8);
	}
	heading(`CRIME-REPORT UPDATES (${r.updates.length}, oldest first)`);
	if (r.updates.length === 0) line('None imported.', 2);
	for (const u of r.updates) {
		// An imported update is the records system's: its export names no author (update-author.ts; QA 8 R6).
		line(
			u.author
				? `${day(u.date)} by ${who(u.author)}:`
				: `${day(u.date)} from the ${RECORDS_SYSTEM} (imported; the export names no author):`,
			2,
		);
		// Whole, line by line (the desk cuts a long one and points here): each line wrapped under the date.
		// A blank line stays blank (no indent of spaces: QA 7 R7).
		for (const text of safeMultiline(u.text).split('\n')) {
			if (text.trim() === '') out.push('');
			else line(text, 6);
		}
	}
	out.push('');
	out.push(`As recorded on ${day(today)}.`);
	return out.join('\n') + '\n';
}
