/**
 * Every rule, one line each: the one place a new rule is plugged in (docs/architecture.md "Adding a
 * rule"). Each rule file declares its check and its kinds (rule.ts); rules/index.ts reads everything
 * else from this list. The order here is the order of the kinds wherever they are listed (the JSON
 * Schemas of `problems --json` and `log --format json`, `fortnight problems --help`); the order the
 * problems are shown in is their urgency (compareProblems), whatever the order of the rules.
 */
import {ACTION_OWNER_RULE} from './action-owners.js';
import {BAIL_RULE} from './bail.js';
import {CRIME_REPORT_RULE} from './crime-report-updates.js';
import {FORENSIC_RULE} from './forensic.js';
import {INDEPENDENT_REVIEW_RULE} from './independent-review.js';
import {NEW_STARTER_RULE} from './new-starter.js';
import {IDENTICAL_UPDATES_RULE, PERFORMANCE_RULE} from './performance.js';
import {REVIEW_DUE_RULE} from './review-due.js';
import {RUI_RULE} from './rui.js';
import {SPAN_OF_CONTROL_RULE} from './span-of-control.js';
import {STALLED_RULE} from './stalled-actions.js';
import {STORE_RECORD_RULE} from './store-records.js';
import {TENURE_RULE} from './tenure.js';
import {VICTIM_UPDATE_RULE} from './victim-updates.js';
import {WELFARE_RULE} from './welfare.js';
import {WORKLOAD_RULE} from './workload.js';

export const RULES = [
	REVIEW_DUE_RULE,
	INDEPENDENT_REVIEW_RULE,
	BAIL_RULE,
	RUI_RULE,
	VICTIM_UPDATE_RULE,
	CRIME_REPORT_RULE,
	STALLED_RULE,
	IDENTICAL_UPDATES_RULE,
	FORENSIC_RULE,
	WORKLOAD_RULE,
	SPAN_OF_CONTROL_RULE,
	WELFARE_RULE,
	NEW_STARTER_RULE,
	TENURE_RULE,
	PERFORMANCE_RULE,
	ACTION_OWNER_RULE,
	STORE_RECORD_RULE,
] as const;
