/**
 * Schema 1 to 2: each case's allocation and risk history and the team's supervision history, seeded
 * from what a version 1 store records (domain/history-seed.ts: the officer from allocatedOn; the risk
 * from the signed reviews in the chain, else the current risk from the day the case opened; the
 * present sergeant and inspector). It runs before the schema is checked, so it reads only values of
 * the expected type, never throws, and leaves anything else as it is for the validator to name.
 */
import {BEFORE_HISTORY} from '../domain/case-history.js';
import {seedAllocations, seedRiskHistory, type ReviewRisk} from '../domain/history-seed.js';
import type {Risk} from '../domain/model.js';
import {seedSupervision} from '../domain/team-history.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function reviewRisks(chain: unknown): Map<string, ReviewRisk[]> {
	const out = new Map<string, ReviewRisk[]>();
	if (!Array.isArray(chain)) return out;
	for (const e of chain) {
		if (!isObject(e) || e['kind'] !== 'review' || !isObject(e['data']) || typeof e['seq'] !== 'number') continue;
		const d = e['data'];
		const {caseRef, date, reviewerId, riskBefore, riskAfter, riskRationale} = d;
		if (!isString(caseRef) || !isString(date) || !isString(reviewerId) || !isString(riskBefore) || !isString(riskAfter)) continue;
		const rationale = isString(riskRationale) ? riskRationale : null;
		const risks = {riskBefore: riskBefore as Risk, riskAfter: riskAfter as Risk};
		const r: ReviewRisk = {seq: e['seq'], date, reviewerId, ...risks, riskRationale: rationale};
		const list = out.get(caseRef);
		if (list) list.push(r);
		else out.set(caseRef, [r]);
	}
	return out;
}

function caseWithHistory(c: unknown, reviews: Map<string, ReviewRisk[]>): unknown {
	if (!isObject(c)) return c;
	const {ref, oicId, allocatedOn, risk, opened} = c;
	const out: Json = {...c};
	if (isString(oicId) && isString(allocatedOn)) out['allocations'] = seedAllocations({oicId, allocatedOn});
	if (isString(risk) && isString(opened)) {
		out['riskHistory'] = seedRiskHistory({risk: risk as Risk, opened}, (isString(ref) && reviews.get(ref)) || []);
	}
	return out;
}

/** The version 1 store with its history added (the caller sets schemaVersion). */
export function addHistory(data: Json): Json {
	const out: Json = {...data};
	const reviews = reviewRisks(data['chain']);
	if (Array.isArray(data['cases'])) out['cases'] = data['cases'].map(c => caseWithHistory(c, reviews));
	const team = data['team'];
	if (isObject(team) && isString(team['sergeantId'])) {
		const inspectorId = isString(team['inspectorId']) ? team['inspectorId'] : null;
		out['team'] = {...team, supervision: seedSupervision({sergeantId: team['sergeantId'], inspectorId}, BEFORE_HISTORY.team)};
	}
	return out;
}
