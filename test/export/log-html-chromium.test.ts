/**
 * The HTML report in a real browser (Debian's chromium, headless): it loads with no console message and
 * no network request, it draws (a screenshot with its charts on it), and it prints to at most 6 A4
 * pages for the demo's last 13 weeks. Each check is first shown to catch a page that does the wrong
 * thing (a control page that loads an image from a URL and writes to the console), so a pass means
 * something. Skipped only where chromium is missing outside CI; .ci/run installs it and requires it.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';
import {consoleLines, hasChromium, runChromium} from '../helpers/chromium.js';
import {htmlHostile, htmlReport} from '../helpers/html-report.js';
import {pixel, readPng} from '../helpers/png.js';

const required = Boolean(process.env['FORTNIGHT_REQUIRE_CHROMIUM']) || !['', 'false', '0', undefined].includes(process.env['FORTNIGHT_CI']);

describe.skipIf(!hasChromium && !required)('the HTML report in headless Chromium', () => {
	let dir: string;
	let report: string;
	const started = Date.now();

	beforeAll(() => {
		expect(hasChromium, 'chromium is required here (apt-get install chromium; .ci/run does)').toBe(true);
		const copy = demoCopy();
		dir = copy.dir;
		report = path.join(dir, 'inspector.html');
		const r = runCli(['log', '--store', copy.store, '--today', DEMO_TODAY, '--format', 'html', '--out', report]);
		expect(r.code, r.stderr).toBe(0);
	});

	it('a control page that fetches and logs is caught by both checks', () => {
		const control = path.join(tempDir(), 'control.html');
		writeFileSync(
			control,
			'<!DOCTYPE html><title>control</title><p>control</p><img src="http://evil.example/x.png"><script>console.error("control")</script>',
		);
		const run = runChromium(pathToFileURL(control).href, ['--dump-dom']);
		expect(run.code).toBe(0);
		expect(run.pageRequests).toContain('http://evil.example/x.png');
		expect(consoleLines(run).join('\n')).toContain('control');
	}, 40_000);

	it('loads with no console message and no network request; the DOM it builds is the report', () => {
		const run = runChromium(pathToFileURL(report).href, ['--dump-dom']);
		expect(run.code).toBe(0);
		expect(consoleLines(run), 'console messages').toEqual([]);
		expect(run.pageRequests, `requests the page made (all requests seen: ${run.allRequests.join(', ')})`).toEqual([]);
		expect(run.stdout).toContain('<h1>Supervision report: POLIT: online child abuse investigation team</h1>');
		expect(run.stdout.match(/<svg /g)).toHaveLength(2);
		expect(run.stdout).not.toMatch(/<script|<a |<img |<iframe|<link /);
	}, 40_000);

	it('a store with hostile text in every field makes a page that loads nothing and runs nothing', () => {
		const file = path.join(dir, 'hostile.html');
		writeFileSync(file, htmlReport(htmlHostile(), DEMO_TODAY).html);
		const run = runChromium(pathToFileURL(file).href, ['--dump-dom']);
		expect(run.code).toBe(0);
		expect(consoleLines(run), 'console messages (a CSP violation would be one)').toEqual([]);
		expect(run.pageRequests).toEqual([]);
		expect(run.stdout).not.toMatch(/<script|<a |<img |<iframe|<link |<base |<use /);
	}, 40_000);

	it('draws: a screenshot has text and both charts on it', () => {
		const shot = path.join(dir, 'shot.png');
		const run = runChromium(pathToFileURL(report).href, [`--screenshot=${shot}`, '--window-size=1000,1600', '--hide-scrollbars']);
		expect(run.code).toBe(0);
		const png = readPng(readFileSync(shot));
		expect([png.width, png.height]).toEqual([1000, 1600]);
		let ink = 0,
			green = 0,
			yellow = 0,
			top = 0;
		for (let y = 0; y < png.height; y++) {
			for (let x = 0; x < png.width; x++) {
				const [r, g, b] = pixel(png, x, y);
				if (r < 235 || g < 235 || b < 235) {
					ink++;
					if (y < 120) top++;
				}
				// The chart's on-time bars (#2d6a4f) and late bars (#f4d35e).
				if (Math.abs(r - 0x2d) < 12 && Math.abs(g - 0x6a) < 12 && Math.abs(b - 0x4f) < 12) green++;
				if (Math.abs(r - 0xf4) < 12 && Math.abs(g - 0xd3) < 12 && Math.abs(b - 0x5e) < 12) yellow++;
			}
		}
		const share = ink / (png.width * png.height);
		expect(share, 'share of the screenshot drawn on').toBeGreaterThan(0.04);
		expect(share).toBeLessThan(0.6);
		expect(top, 'the heading at the top').toBeGreaterThan(500);
		expect(green, 'on-time bars').toBeGreaterThan(500);
		expect(yellow, 'late bars').toBeGreaterThan(1000);
	}, 40_000);

	it('prints to at most 6 A4 pages for the last 13 weeks', () => {
		const pdf = path.join(dir, 'report.pdf');
		const run = runChromium(pathToFileURL(report).href, [`--print-to-pdf=${pdf}`, '--no-pdf-header-footer']);
		expect(run.code).toBe(0);
		const bytes = readFileSync(pdf).toString('latin1');
		const pages = bytes.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
		expect(pages).toBeGreaterThanOrEqual(2);
		expect(pages).toBeLessThanOrEqual(6);
		// A4 is 210 x 297 mm: 595.3 x 841.9 points.
		const boxes = [...bytes.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
			m => [Number(m[1]), Number(m[2])] as const,
		);
		expect(boxes.length).toBeGreaterThan(0);
		for (const [w, h] of boxes) expect(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `page ${w} x ${h} points`).toBe(true);
		expect(Date.now() - started, 'the Chromium tests together').toBeLessThan(60_000);
	}, 40_000);
});
