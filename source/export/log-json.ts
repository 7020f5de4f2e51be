/**
 * The review log as JSON: the same content as the CSV rows and the Markdown exception report, for
 * other tools. The schema is versioned ("fortnight-log", version 1) and described in `fortnight log
 * --help` and the README; fields are only ever added within a version.
 */
import type {LogDocument} from '../domain/review-log/document.js';
import {escapeJsonText} from '../domain/safe-text.js';

export const LOG_JSON_FORMAT = 'fortnight-log';
export const LOG_JSON_VERSION = 1;

export function logJson(doc: LogDocument): string {
	const {team, today, period, sergeantId, chainHead, rows, report} = doc;
	// Strings stay as data; what a terminal would act on is written as \u escapes (README "Terminal safety").
	return escapeJsonText(JSON.stringify({format: LOG_JSON_FORMAT, version: LOG_JSON_VERSION, team, today, period, sergeantId, chainHead, rows, exceptions: report}, null, 2)) + '\n';
}
