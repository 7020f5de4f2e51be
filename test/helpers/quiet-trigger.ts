/**
 * A performance trigger that has not fired: what the log's builders are given for every officer when a test
 * is not about triggers (the review log's documents take each officer's trigger state from outside).
 */
import type {TriggerState} from '../../source/domain/rules/performance.js';

export const quietTrigger = (officerId: string): TriggerState => ({
	officerId,
	fired: false,
	evidence: [],
	firstFired: null,
	lastDecision: null,
	decisionRecorded: false,
	escalated: false,
	activePlan: null,
});
