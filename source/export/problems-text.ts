/**
 * `fortnight problems` as plain text: most urgent first, each problem in a few lines that fit an 80
 * column terminal. Severity is a word (CRITICAL, RED, AMBER, INFO), never only a colour. Every piece
 * of text from the store goes through safeText, so an update pasted with escape sequences cannot
 * drive the terminal.
 */
import {wrap} from './text-width.js';
import {shortDate, type IsoDate} from '../domain/dates.js';
import type {Officer} from '../domain/model.js';
import {shortName} from '../domain/people.js';
import {severityCountWords, type Problem, type Severity} from '../domain/problem.js';
import {KIND_LABELS} from '../domain/rules/index.js';
import type {Resolve} from '../domain/resolve.js';
import {safeText} from '../domain/safe-text.js';

export const SEVERITY_WORDS: Record<Severity, string> = {critical: 'CRITICAL', red: 'RED', amber: 'AMBER', info: 'INFO'};

/** The project's one word wrap, by display width (text-width.ts); here too for this module's callers. */
export {wrap} from './text-width.js';

/**
 * `text` wrapped to `width` columns counting its indents: the first line after `first`, the rest after
 * `hang` (README "fortnight problems": it fits 80 columns, never cut). Nothing is cut: a word wider than its line
 * is split, and with `wholeWords` (a problem's id, searched for and pasted whole) stands alone on a line
 * and runs past the width instead.
 */
function indented(text: string, width: number, first: string, hang: string, wholeWords = false): string[] {
	return wrap(text, width - first.length, {rest: width - hang.length, wholeWords}).map((l, i) => `${i === 0 ? first : hang}${l}`);
}

export function subjectWords(p: Problem, officers: ReadonlyMap<string, Officer>): string {
	const who = shortName(officers.get(p.subject.officerId));
	return p.subject.type === 'case' ? `${p.subject.ref}, OIC ${who}` : who;
}

export interface TextOptions {
	today: IsoDate;
	officers: ReadonlyMap<string, Officer>;
	width?: number;
}

export function renderProblemsText(problems: readonly Problem[], options: TextOptions): string {
	const width = options.width ?? 80;
	const {today} = options;
	const out: string[] = [];
	if (problems.length === 0) {
		out.push(`No problems on ${shortDate(today)} ${today.slice(0, 4)}.`);
		return out.join('\n') + '\n';
	}
	const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} on ${shortDate(today)} ${today.slice(0, 4)}`;
	out.push(...indented(`${count}: ${severityCountWords(problems)}. Most urgent first.`, width, '', ''));
	for (const p of problems) {
		out.push('');
		const severity = SEVERITY_WORDS[p.severity].padEnd(9);
		out.push(...indented(`${KIND_LABELS[p.kind]}: ${safeText(subjectWords(p, options.officers))}`, width, severity, ' '.repeat(9)));
		out.push(...indented(safeText(p.message), width, '  ', '  '));
		out.push(...indented(`Do: ${safeText(p.action)}`, width, '  ', '      '));
		out.push(...resolveLines(p.resolve ?? [], width));
		const since = whenWords(p, today);
		out.push(...indented(`${since} [${safeText(p.id)}]`, width, '  ', '  ', true));
	}
	return out.join('\n') + '\n';
}

/**
 * "Since 23 Nov; due 10 Dec.", in date order: a due date already past when the problem began reads first
 * ("Due 20 Nov; lapsed since 28 Nov." for lapsed bail), never "since 28 Nov; due 20 Nov".
 */
export function whenWords(p: Pick<Problem, 'since' | 'due' | 'kind'>, today: IsoDate): string {
	const since = shortDate(p.since, today);
	if (!p.due) return `Since ${since}.`;
	const due = shortDate(p.due, today);
	if (p.due >= p.since) return `Since ${since}; due ${due}.`;
	return `Due ${due}; ${p.kind === 'bail-lapsed' ? 'lapsed since' : 'overdue since'} ${since}.`;
}

/**
 * The ways to clear a problem (README "Acting on a problem"): each one's words, the desk key, and the
 * command on a line of its own, continued with a backslash when it is too long, so it pastes into a shell.
 */
export function resolveLines(ways: readonly Resolve[], width = 80): string[] {
	if (ways.length === 0) return [];
	const out = ['  To clear it:'];
	for (const r of ways) {
		for (const [i, l] of wrap(safeText(r.label), width - 4).entries()) out.push(`${i === 0 ? '  - ' : '    '}${l}`);
		if (r.desk) for (const l of wrap(`desk: ${r.desk.key} on ${r.desk.where}`, width - 4)) out.push(`    ${l}`);
		if (r.command) out.push(...commandLines(safeText(r.command), width - 4).map(l => `    ${l}`));
	}
	return out;
}

/** A command in lines of at most `width`, each but the last ending in " \\" (a shell continues the line). */
export function commandLines(command: string, width: number): string[] {
	const words = command.split(' ');
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		const next = line === '' ? w : `${line} ${w}`;
		// Room for the " \\" that continues a line, except on the last one (unknown yet: keep it for all).
		if (line !== '' && next.length + 2 > width) {
			lines.push(`${line} \\`);
			line = `  ${w}`;
		} else line = next;
	}
	lines.push(line);
	return lines;
}
