/** Command-line values shared by the commands: dates, officers and covers as people type them. */
import {parseUserDate, typedDateRefusal, type IsoDate} from '../domain/dates.js';
import type {Officer} from '../domain/model.js';
import {listOfficers, matchOfficer} from '../domain/officer-match.js';
import {safeText, typedInQuotes} from '../domain/safe-text.js';
import {UsageError} from './context.js';
import {typedId} from './typed-id.js';

/** A date typed as YYYY-MM-DD or DD/MM/YYYY; anything else (including 2026-02-30) is a usage error. */
export function dateFlag(value: unknown, flag: string): IsoDate | undefined {
	if (value === undefined || value === '') return undefined;
	const d = parseUserDate(String(value));
	if (d === null) throw new UsageError(typedDateRefusal(flag, String(value)));
	return d;
}

/** The officer `query` names, or a usage error listing the candidates or near matches. */
export function officerFlag(officers: readonly Officer[], typed: string, flag: string): Officer {
	const query = typedId(typed, flag);
	const m = matchOfficer(officers, query);
	if (m.kind === 'found') return m.officer;
	if (m.kind === 'ambiguous')
		throw new UsageError(`${flag} "${typedInQuotes(query)}" matches more than one officer: ${listOfficers(m.candidates)}. Use the id.`);
	throw new UsageError(
		`${flag}: no officer in this team matches "${typedInQuotes(query)}".${m.near.length ? ` Did you mean ${listOfficers(m.near)}?` : ''}`,
	);
}

/** Who covers, as `--cover` gives it: an officer of the team, or someone outside it taken as written. */
export type Cover = {kind: 'officer'; officer: Officer} | {kind: 'outside'; name: string};

/**
 * `--cover NAME`, read the same way by every command that takes it (README "fortnight handover and
 * fortnight absence"): an officer matched by id, collar number or name as everywhere; or, only when
 * `--cover-outside` says so, someone outside the team, taken as written. A name that matches nobody
 * is refused, never quietly taken as free text, so "DC Marh" and "DC Nobody" are treated alike.
 * `outsideAllowed` is false where the record can only hold an officer of the team (an absence: the
 * cover acts for the absent officer in fortnight).
 */
export function coverFlag(officers: readonly Officer[], value: unknown, outside: {given: boolean; allowed: boolean}): Cover {
	const query = value === undefined ? '' : typedId(String(value), '--cover');
	if (query === '') throw new UsageError(outside.given ? '--cover-outside needs --cover NAME.' : '--cover needs a name.');
	const m = matchOfficer(officers, query);
	if (outside.given) {
		if (!outside.allowed) throw new UsageError(`--cover-outside is not taken here: ${ABSENCE_COVER}`);
		if (m.kind === 'found') {
			throw new UsageError(`--cover "${query}" is ${listOfficers([m.officer])}, an officer in this team: drop --cover-outside.`);
		}
		// Taken as written, so written exactly: a name with an invisible or look-alike character in it would be
		// cleaned into another name in the document handed over (QA 7 R13); refused, quoted visibly, instead.
		if (safeText(query) !== query) {
			throw new UsageError(
				`--cover "${typedInQuotes(query)}" has a character in it that would not print as typed: type the name as plain text.`,
			);
		}
		return {kind: 'outside', name: query};
	}
	if (m.kind === 'found') return {kind: 'officer', officer: m.officer};
	if (m.kind === 'ambiguous') {
		throw new UsageError(`--cover "${query}" matches more than one officer: ${listOfficers(m.candidates)}. Use the id.`);
	}
	const near = m.near.length ? ` Did you mean ${listOfficers(m.near)}?` : '';
	const elsewhere = outside.allowed ? ' For someone outside the team add --cover-outside.' : ` A${ABSENCE_COVER.slice(1)}`;
	throw new UsageError(`--cover: no officer in this team matches "${typedInQuotes(query)}".${near}${elsewhere}`);
}

const ABSENCE_COVER =
	"an absence's cover must be an officer in this team (they act for the absent officer in fortnight). " +
	'For a handover to someone outside the team: fortnight handover --cover NAME --cover-outside.';
