// placeholder: rules API (branch `rules` replaces this file at merge; no logic here on purpose)
import type {IsoDate} from '../dates.js';
import type {ActionPlan, PerformanceDecisionData, StoreData} from '../model.js';
import type {Evidence} from '../problem.js';

export interface TriggerState {
	officerId: string;
	fired: boolean;
	evidence: Evidence[];
	firstFired: IsoDate | null;
	lastDecision: PerformanceDecisionData | null;
	decisionRecorded: boolean;
	escalated: boolean;
	activePlan: ActionPlan | null;
}

export function triggerFor(_data: StoreData, officerId: string, _today: IsoDate): TriggerState {
	return {officerId, fired: false, evidence: [], firstFired: null, lastDecision: null, decisionRecorded: false, escalated: false, activePlan: null};
}
