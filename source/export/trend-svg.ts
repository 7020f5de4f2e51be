/**
 * The report's charts as inline SVG (no script, no external reference, no url()): per sergeant, weekly
 * bars and a line. Each chart carries a <title> and a <desc> with every figure it draws in words, and
 * the series are told apart by shape and outline as well as colour (never colour alone; a report is
 * often printed in black and white).
 */
import {shortDate, type IsoDate} from '../domain/dates.js';
import type {TrendSeries} from '../domain/supervision-trends/build.js';
import type {WeekFigures} from '../domain/supervision-trends/figures.js';
import {decidedCount} from '../domain/supervision-trends/figures.js';
import {reviewWords, triggerWords, weekSpan} from '../domain/supervision-trends/words.js';
import {escapeHtml} from './html.js';

const W = 720;
const H = 230;
const LEFT = 36;
const RIGHT = 12;
const TOP = 26;
const BOTTOM = 34;

/** Grid lines above the axis. */
const STEPS = 4;

/** The top of the axis: STEPS whole, round steps (1, 2 or 5 times a power of ten) reaching `n`, so every grid line is a count. */
export function niceCeiling(n: number): number {
	const raw = Math.max(1, n / STEPS);
	const p = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map(m => m * p).find(x => x >= raw)!;
	return Math.max(1, Math.ceil(step)) * STEPS;
}

interface Bar {
	value: number;
	fill: string;
	stroke: string;
	dash?: string;
}

interface Legend {
	label: string;
	fill: string;
	stroke: string;
	dash?: string;
	line?: boolean;
}

const num = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * One chart: for each week a stack (or group) of bars and a point of the line, on one axis.
 * `stacked` bars sit on one another; otherwise they stand side by side.
 */
function chart(
	id: string,
	title: string,
	desc: string,
	weeks: readonly WeekFigures[],
	bars: (w: WeekFigures) => Bar[],
	line: (w: WeekFigures) => number,
	legend: readonly Legend[],
	stacked: boolean,
	today: IsoDate,
): string {
	const plotW = W - LEFT - RIGHT;
	const plotH = H - TOP - BOTTOM;
	const n = Math.max(1, weeks.length);
	const slot = plotW / n;
	const tops = weeks.map(w =>
		Math.max(line(w), stacked ? bars(w).reduce((a, b) => a + b.value, 0) : Math.max(0, ...bars(w).map(b => b.value))),
	);
	const max = niceCeiling(Math.max(1, ...tops));
	const y = (v: number) => TOP + plotH - (v / max) * plotH;
	const out: string[] = [];
	out.push(`<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" class="chart">`);
	out.push(`<title id="${id}-title">${escapeHtml(title)}</title>`);
	out.push(`<desc id="${id}-desc">${escapeHtml(desc)}</desc>`);
	// In HTML an inline <svg> needs no xmlns (which would put a URL in the file). Axis and grid lines.
	for (let i = 0; i <= STEPS; i++) {
		const v = (max * i) / STEPS;
		out.push(`<line x1="${LEFT}" y1="${num(y(v))}" x2="${W - RIGHT}" y2="${num(y(v))}" class="grid"/>`);
		out.push(`<text x="${LEFT - 4}" y="${num(y(v) + 3)}" text-anchor="end" class="tick">${num(v)}</text>`);
	}
	weeks.forEach((w, i) => {
		const x0 = LEFT + i * slot;
		const list = bars(w);
		const width = stacked ? slot * 0.56 : (slot * 0.8) / list.length;
		let base = 0;
		list.forEach((b, j) => {
			const x = stacked ? x0 + slot * 0.22 : x0 + slot * 0.1 + j * width;
			const from = stacked ? base : 0;
			if (b.value > 0) {
				out.push(
					`<rect x="${num(x)}" y="${num(y(from + b.value))}" width="${num(Math.max(1, width - 1))}" height="${num(y(from) - y(from + b.value))}" ` +
						`fill="${b.fill}" stroke="${b.stroke}" stroke-width="1.2"${b.dash ? ` stroke-dasharray="${b.dash}"` : ''}/>`,
				);
				if (!stacked)
					out.push(`<text x="${num(x + width / 2)}" y="${num(y(b.value) - 2)}" text-anchor="middle" class="value">${b.value}</text>`);
			}
			base += b.value;
		});
		if (stacked) out.push(`<text x="${num(x0 + slot / 2)}" y="${num(y(base) - 3)}" text-anchor="middle" class="value">${base}</text>`);
		out.push(
			`<text x="${num(x0 + slot / 2)}" y="${H - BOTTOM + 13}" text-anchor="middle" class="tick">${escapeHtml(shortDate(w.from, today))}</text>`,
		);
	});
	const points = weeks.map((w, i) => `${num(LEFT + (i + 0.5) * slot)},${num(y(line(w)))}`);
	out.push(`<polyline points="${points.join(' ')}" class="line"/>`);
	weeks.forEach((w, i) => {
		out.push(`<circle cx="${num(LEFT + (i + 0.5) * slot)}" cy="${num(y(line(w)))}" r="3" class="point"/>`);
	});
	// Legend along the bottom.
	let lx = LEFT;
	for (const l of legend) {
		if (l.line)
			out.push(
				`<line x1="${lx}" y1="${H - 8}" x2="${lx + 14}" y2="${H - 8}" class="line"/><circle cx="${lx + 7}" cy="${H - 8}" r="3" class="point"/>`,
			);
		else
			out.push(
				`<rect x="${lx}" y="${H - 13}" width="12" height="10" fill="${l.fill}" stroke="${l.stroke}" ` +
					`stroke-width="1.2"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`,
			);
		out.push(`<text x="${lx + 17}" y="${H - 4}" class="legend">${escapeHtml(l.label)}</text>`);
		lx += 24 + l.label.length * 5.6;
	}
	out.push('</svg>');
	return out.join('\n');
}

const ON_TIME = {fill: '#2d6a4f', stroke: '#1b4332'};
const LATE = {fill: '#f4d35e', stroke: '#7a5c00'};
const MISSED = {fill: '#ffffff', stroke: '#b3261e', dash: '3 2'};

/** Weekly reviews (on time, late, missed, stacked) and the reviews overdue at each week's end (the line). */
export function reviewChart(id: string, s: TrendSeries, today: IsoDate): string {
	const span = `${weekSpan(s.period, today)}`;
	const words = s.weeks.map(w => `week ${weekSpan(w, today)}: ${reviewWords(w)}`).join('. ');
	return chart(
		id,
		`Reviews by week for ${s.name}, ${span}`,
		`Bars: reviews due each week, stacked as on time (bottom), late, then missed (top); line: reviews overdue at the end of each week. ${words}.`,
		s.weeks,
		w => [
			{value: w.onTime.count, ...ON_TIME},
			{value: w.late.count, ...LATE},
			{value: w.missed.count, ...MISSED},
		],
		w => w.overdueAtEnd.count,
		[
			{label: 'on time', ...ON_TIME},
			{label: 'late', ...LATE},
			{label: 'missed', ...MISSED},
			{label: "overdue at week's end", fill: '', stroke: '', line: true},
		],
		true,
		today,
	);
}

const RAISED = {fill: '#1d3557', stroke: '#1d3557'};
const DECIDED = {fill: '#a8dadc', stroke: '#1d3557'};
const ESCALATED = {fill: '#e63946', stroke: '#6a040f'};
const LAPSED = {fill: '#ffffff', stroke: '#000000', dash: '2 2'};

/** Weekly performance triggers (raised, decided, escalated), bail lapsed, and triggers undecided at each week's end (the line). */
export function triggerChart(id: string, s: TrendSeries, today: IsoDate): string {
	const words = s.weeks.map(w => `week ${weekSpan(w, today)}: ${triggerWords(w)}; ${w.bailLapsed.count} bail lapsed`).join('. ');
	return chart(
		id,
		`Performance triggers and lapsed bail by week for ${s.name}, ${weekSpan(s.period, today)}`,
		`Bars side by side each week: triggers raised, decisions recorded, triggers escalated to the inspector, bail lapsed; line: triggers with no ` +
			`decision at the end of each week. ${words}.`,
		s.weeks,
		w => [
			{value: w.triggersRaised.count, ...RAISED},
			{value: decidedCount(w), ...DECIDED},
			{value: w.escalated.count, ...ESCALATED},
			{value: w.bailLapsed.count, ...LAPSED},
		],
		w => w.undecidedAtEnd.count,
		[
			{label: 'raised', ...RAISED},
			{label: 'decided', ...DECIDED},
			{label: 'escalated', ...ESCALATED},
			{label: 'bail lapsed', ...LAPSED},
			{label: "undecided at week's end", fill: '', stroke: '', line: true},
		],
		false,
		today,
	);
}
