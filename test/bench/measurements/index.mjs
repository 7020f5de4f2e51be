/**
 * Every measurement the bench runs, in order. Add one as its feature lands: a module exports
 * {id, title, baselineTitle, issue, needs (command names that must be in the build), built?() (extra
 * check), unavailable?() (why a peer tool cannot run here, or null), budget ({ratio} (a number, or one
 * per size) or {maxMs(size)}), bindsAt? (sizes where the budget is a pass/fail; default
 * 5,000 cases), sizes? (only these store sizes), run(ctx) -> {subject, baseline, note?}}.
 * A measurement whose command is not in the build is reported "not built yet", never failed.
 */
import {absenceAdd, handover, log, logHtml, problems, verify} from './cli-reads.mjs';
import {deskFirstKey, deskKeys, deskKeysTty, deskRows, deskStart} from './desk.mjs';
import {importRows} from './import.mjs';
import {pgDesk, pgProblems, pgSign} from './postgres.mjs';
import {reviewSteps, reviewTyping} from './review.mjs';
import {sign, signAppend, signKeyed} from './sign.mjs';
import {taskwarrior, taskwarriorFloor} from './taskwarrior.mjs';

export const MEASUREMENTS = [
	problems,
	taskwarrior,
	taskwarriorFloor,
	handover,
	log,
	logHtml,
	verify,
	absenceAdd,
	deskStart,
	deskRows,
	deskFirstKey,
	deskKeys,
	deskKeysTty,
	reviewSteps,
	reviewTyping,
	sign,
	signAppend,
	signKeyed,
	importRows,
	pgDesk,
	pgProblems,
	pgSign,
];
