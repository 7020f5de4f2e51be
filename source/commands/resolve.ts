/** Command-line values shared by absence and handover: dates and officers as people type them. */
import {parseUserDate, type IsoDate} from '../domain/dates.js';
import type {Officer} from '../domain/model.js';
import {listOfficers, matchOfficer} from '../domain/officer-match.js';
import {UsageError} from './context.js';

/** A date typed as YYYY-MM-DD or DD/MM/YYYY; anything else (including 2026-02-30) is a usage error. */
export function dateFlag(value: unknown, flag: string): IsoDate | undefined {
	if (value === undefined || value === '') return undefined;
	const d = parseUserDate(String(value));
	if (d === null) throw new UsageError(`${flag} must be a real date as YYYY-MM-DD or DD/MM/YYYY (got "${String(value)}").`);
	return d;
}

/** The officer `query` names, or a usage error listing the candidates or near matches. */
export function officerFlag(officers: readonly Officer[], query: string, flag: string): Officer {
	const m = matchOfficer(officers, query);
	if (m.kind === 'found') return m.officer;
	if (m.kind === 'ambiguous') throw new UsageError(`${flag} "${query}" matches more than one officer: ${listOfficers(m.candidates)}. Use the id.`);
	throw new UsageError(`${flag}: no officer in this team matches "${query}".${m.near.length ? ` Did you mean ${listOfficers(m.near)}?` : ''}`);
}
