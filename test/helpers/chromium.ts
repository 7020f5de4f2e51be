/**
 * Debian's `chromium`, headless, as the HTML report's tests run it: no sandbox (tests run as root in
 * CI), no GPU, none of the browser's own background traffic where a flag stops it, a fresh profile per
 * run, every host name unresolvable, and a network log so a test can see every request a page made.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const hasChromium = spawnSync('chromium', ['--version'], {encoding: 'utf8'}).status === 0;

export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

export interface ChromiumRun {
	code: number | null;
	stdout: string;
	/** Chromium's log (--enable-logging=stderr --log-level=0): page console messages are its "CONSOLE" lines. */
	stderr: string;
	/** Requests the page itself made (subresources, navigations), from the network log. */
	pageRequests: string[];
	/** Every request in the network log with its traffic annotation (the browser's own included), for messages. */
	allRequests: string[];
}

// Chromium tags each request with what it is for (its network traffic annotation). A page's own loads
// are "blink_resource_loader" (images, styles, fonts...) and "navigation_url_loader" (frames, links);
// the rest is the browser's own (time, update and account checks some builds make despite the flags).
const PAGE_ANNOTATIONS = new Set([101845102, 63171670]);

/** Runs chromium on `url` with `mode` (--dump-dom, --screenshot=..., --print-to-pdf=...), logging console and network. */
export function runChromium(url: string, mode: string[], timeout = 30_000): ChromiumRun {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'fortnight-chromium-'));
	const netLog = path.join(dir, 'net.json');
	try {
		const r = spawnSync(
			'chromium',
			[
				...CHROMIUM_FLAGS,
				`--user-data-dir=${path.join(dir, 'profile')}`,
				'--host-resolver-rules=MAP * ~NOTFOUND',
				'--enable-logging=stderr',
				'--log-level=0',
				`--log-net-log=${netLog}`,
				...mode,
				url,
			],
			{encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024},
		);
		const log = JSON.parse(readFileSync(netLog, 'utf8')) as {
			constants: {logEventTypes: Record<string, number>};
			events: {type: number; params?: {url?: string; traffic_annotation?: number}}[];
		};
		const alive = log.constants.logEventTypes['REQUEST_ALIVE'];
		const requests = log.events.filter(e => e.type === alive && e.params?.url);
		return {
			code: r.status,
			stdout: r.stdout,
			stderr: r.stderr,
			pageRequests: requests.filter(e => PAGE_ANNOTATIONS.has(e.params!.traffic_annotation!)).map(e => e.params!.url!),
			allRequests: requests.map(e => `${e.params!.traffic_annotation} ${e.params!.url}`),
		};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

/** The page's console messages (errors, CSP violations, logs) from Chromium's log. */
export function consoleLines(run: ChromiumRun): string[] {
	return run.stderr.split('\n').filter(l => l.includes(':CONSOLE'));
}
