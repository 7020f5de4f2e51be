/**
 * Ink's frame text, measured once across frames instead of once per frame (issue 18's key-to-frame).
 *
 * Ink draws every frame whole: it lays each Text's lines into a grid of cells, and to do so splits each
 * line into styled characters (ANSI tokenising, a grapheme walk per character) and measures its width.
 * It keeps those answers in caches that belong to one frame's Output, so the next frame, which for a
 * key press in the explorer differs from the last in two rows out of about forty, tokenises all the
 * same lines again: about two thirds of the time Ink spends turning the tree into text. The answers are
 * pure functions of the line's text (the styled characters are only read, never changed), so one set
 * of caches serves every frame; it is dropped and started afresh when it grows past a bound, so memory
 * stays small however long the desk runs and whatever is typed.
 *
 * This reaches inside Ink (its Output class is not exported), so it checks the shape it relies on and
 * does nothing when that shape is not there: the desk is then only slower, never wrong. The frames are
 * byte-identical with and without it (test/ui/ink-output-cache.test.tsx).
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

/** The Ink release whose Output this was written against (package.json pins it). */
export const INK_VERSION = '6.8.0';
/** Distinct lines whose styled characters are kept (a frame has about 50; a line of 120 cells is ~20 KB). */
const MAX_LINES = 2000;
/** Distinct strings whose widths are kept (single characters and whole lines). */
const MAX_WIDTHS = 20_000;

interface Caches {
	widths: Map<string, number>;
	blockWidths: Map<string, number>;
	styledChars: Map<string, unknown>;
}
interface OutputLike {
	caches: Caches;
	get(): {output: string; height: number};
}
type OutputClass = (new (options: {width: number; height: number}) => OutputLike) & {prototype: OutputLike};

let installed: 'shared' | 'not-supported' | undefined;

/** Ink's Output class, or null when this Ink is not the release (or shape) this was written against. */
export async function inkOutputClass(): Promise<OutputClass | null> {
	try {
		const require = createRequire(import.meta.url);
		const entry = require.resolve('ink');
		const build = path.dirname(entry);
		const pkg = JSON.parse(readFileSync(path.join(build, '..', 'package.json'), 'utf8')) as {version?: string};
		if (pkg.version !== INK_VERSION) return null;
		const module = (await import(pathToFileURL(path.join(build, 'output.js')).href)) as {default?: unknown};
		const Output = module.default as OutputClass | undefined;
		if (typeof Output !== 'function' || typeof Output.prototype.get !== 'function') return null;
		const probe = new Output({width: 1, height: 1});
		const c = probe.caches as Partial<Caches> | undefined;
		const maps = c && [c.widths, c.blockWidths, c.styledChars].every(m => m instanceof Map);
		return maps ? Output : null;
	} catch {
		return null;
	}
}

/**
 * Makes every Ink frame share one set of text caches. Idempotent; resolves to what was done ('shared',
 * or 'not-supported' when this Ink's Output is not the expected one and nothing was changed).
 */
export async function shareInkOutputCaches(): Promise<'shared' | 'not-supported'> {
	if (installed) return installed;
	const Output = await inkOutputClass();
	if (!Output) return (installed = 'not-supported');
	if (installed) return installed;
	const CachesClass = new Output({width: 1, height: 1}).caches.constructor as new () => Caches;
	let shared = new CachesClass();
	const get = Output.prototype.get;
	Output.prototype.get = function (this: OutputLike) {
		if (shared.styledChars.size > MAX_LINES || shared.widths.size > MAX_WIDTHS || shared.blockWidths.size > MAX_WIDTHS) {
			shared = new CachesClass();
		}
		this.caches = shared;
		return get.call(this);
	};
	return (installed = 'shared');
}
