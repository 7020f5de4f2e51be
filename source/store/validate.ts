/**
 * Load-time validation: the compiled TypeBox schema (fast enough for 20,000-case stores), then the
 * references between records. The first problem is reported with its JSON path, because a sergeant
 * (or the person who fixes the file for them) needs to know where to look.
 */
import {FormatRegistry} from '@sinclair/typebox';
import {TypeCompiler} from '@sinclair/typebox/compiler';
import {isIsoDate} from '../domain/dates.js';
import {StoreSchema, type StoreData} from '../domain/model.js';

/** A real calendar date: rejects 2026-02-30 and 2025-02-29. */
export const isCalendarDate = (s: string): boolean => isIsoDate(s);

if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isCalendarDate);

// Compiled on first use, not at import: the desk's first frame should not wait for it.
let compiledSchema: ReturnType<typeof TypeCompiler.Compile<typeof StoreSchema>> | undefined;
const schema = () => (compiledSchema ??= TypeCompiler.Compile(StoreSchema));

export interface ValidationProblem {
	/** JSON path of the first bad field, e.g. "/cases/12/bail/returnDate". */
	path: string;
	message: string;
}

export function validateStore(value: unknown): ValidationProblem | null {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return {path: '/', message: 'the file must hold one JSON object (it holds ' + (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value) + ')'};
	}
	const compiled = schema();
	if (!compiled.Check(value)) {
		const first = compiled.Errors(value).First();
		if (!first) return {path: '/', message: 'the store does not match the schema'};
		const shown = first.value === undefined ? 'missing' : describeValue(first.value);
		return {path: first.path || '/', message: `${first.message} (found ${shown})`};
	}
	return checkReferences(value as StoreData);
}

function describeValue(v: unknown): string {
	if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v);
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'object') return 'an object';
	return String(v);
}

/** Ids and references must line up, or every rule downstream would have to guess. */
export function checkReferences(data: StoreData): ValidationProblem | null {
	const officers = new Set<string>();
	for (const [i, o] of data.officers.entries()) {
		if (officers.has(o.id)) return {path: `/officers/${i}/id`, message: `officer id "${o.id}" appears twice`};
		officers.add(o.id);
	}
	const need = (id: string | null, path: string, what: string): ValidationProblem | null =>
		id === null || officers.has(id) ? null : {path, message: `${what} "${id}" is not an officer in this store`};
	let p = need(data.team.sergeantId, '/team/sergeantId', 'team sergeant') ?? need(data.team.inspectorId, '/team/inspectorId', 'team inspector');
	if (p) return p;
	for (const [i, o] of data.officers.entries()) {
		p = need(o.mentorId, `/officers/${i}/mentorId`, 'mentor') ?? need(o.supervisorId, `/officers/${i}/supervisorId`, 'supervisor');
		if (p) return p;
	}
	for (const [i, a] of data.absences.entries()) {
		p = need(a.officerId, `/absences/${i}/officerId`, 'absent officer') ?? need(a.coverOfficerId, `/absences/${i}/coverOfficerId`, 'cover officer');
		if (p) return p;
		if (a.to !== null && a.to < a.from) return {path: `/absences/${i}/to`, message: `absence ends (${a.to}) before it starts (${a.from})`};
	}
	const refs = new Set<string>();
	for (const [i, c] of data.cases.entries()) {
		if (refs.has(c.ref)) return {path: `/cases/${i}/ref`, message: `crime reference "${c.ref}" appears twice`};
		refs.add(c.ref);
		p = need(c.oicId, `/cases/${i}/oicId`, 'officer in the case');
		if (p) return p;
		for (const [j, a] of c.actions.entries()) {
			p = need(a.ownerId, `/cases/${i}/actions/${j}/ownerId`, 'action owner');
			if (p) return p;
		}
	}
	for (const [i, d] of data.drafts.entries()) {
		if (!refs.has(d.caseRef)) return {path: `/drafts/${i}/caseRef`, message: `draft for unknown case "${d.caseRef}"`};
	}
	return null;
}
