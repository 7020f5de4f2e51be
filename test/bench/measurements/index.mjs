/**
 * Every measurement the bench runs, in order. Add one as its feature lands: a module exports
 * {id, title, baselineTitle, issue, needs (command names that must be in the build), built?() (extra
 * check), budget ({ratio} or {maxMs(size)}), bindsAt? (sizes where the budget is a pass/fail; default
 * 5,000 cases), sizes? (only these store sizes), run(ctx) -> {subject, baseline, note?}}.
 * A measurement whose command is not in the build is reported "not built yet", never failed.
 */
import {handover, log, logHtml, problems} from './cli-reads.mjs';
import {deskKeys, deskKeysTty, deskStart} from './desk.mjs';
import {importRows} from './import.mjs';
import {reviewSteps, reviewTyping} from './review.mjs';
import {sign, signKeyed} from './sign.mjs';

export const MEASUREMENTS = [
	problems,
	handover,
	log,
	logHtml,
	deskStart,
	deskKeys,
	deskKeysTty,
	reviewSteps,
	reviewTyping,
	sign,
	signKeyed,
	importRows,
];
