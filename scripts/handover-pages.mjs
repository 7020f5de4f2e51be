// How many A4 pages the demo handover prints to (README, "fortnight handover"): the built CLI writes the
// demo's 14-day handover, pandoc turns it into a standalone HTML page (its default template, as someone
// printing a Markdown file would), and headless Chromium prints that to PDF on A4. Needs pandoc and
// chromium (Debian packages); not part of `npm test`, which must not depend on a browser.
//   node scripts/handover-pages.mjs [FILE.md]   (default: the demo handover for 30 Nov to 13 Dec 2026)
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync, copyFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = mkdtempSync(path.join(tmpdir(), 'fortnight-pages-'));
let md = process.argv[2];
if (!md) {
	const store = path.join(dir, 'team.json');
	copyFileSync(path.join(root, 'data', 'demo.json'), store);
	md = path.join(dir, 'handover.md');
	const cli = path.join(root, 'dist', 'cli.js');
	const env = {...process.env, FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
	execFileSync(
		process.execPath,
		[cli, 'handover', '--store', store, '--today', '2026-11-30', '--from', '2026-11-30', '--to', '2026-12-13', '--out', md],
		{env},
	);
}
const html = path.join(dir, 'handover.html');
const pdf = path.join(dir, 'handover.pdf');
execFileSync('pandoc', ['-f', 'gfm', '-t', 'html', '-s', '--metadata', 'title=Handover', md, '-o', html]);
writeFileSync(html, readFileSync(html, 'utf8').replace('</style>', '@page { size: A4; }\n</style>'));
execFileSync(
	'chromium',
	['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--print-to-pdf=${pdf}`, html],
	{stdio: 'ignore'},
);
const pages = (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
console.log(`${pages} A4 pages (${md})`);
