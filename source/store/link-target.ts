/**
 * Where a save really goes. A store (or its welfare or drafts file) on a shared drive is often reached
 * through a symbolic link: a link in the sergeant's home folder to the team folder, a link into a
 * mounted share. Replacing the link with a file would quietly cut this user off from everyone else's
 * copy, so writes go through to the file the link names, in that file's folder, and the lock is keyed
 * on that file, so two people reaching it by different paths share one lock (the store README,
 * "Sharing a folder").
 */
import {promises as fsp, realpathSync} from 'node:fs';
import path from 'node:path';

/** Links followed before giving up, as the kernel does (ELOOP). */
const MAX_LINKS = 40;

/**
 * The real path of `file`: every symbolic link in it resolved, the folder's included. For a file that
 * does not exist yet, the path it will be created at: a dangling link is followed to the file it names
 * (so the first save writes through it too), otherwise the real folder with this name.
 */
export async function linkTarget(file: string): Promise<string> {
	let current = path.resolve(file);
	try {
		return await fsp.realpath(current);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
	}
	for (let i = 0; i < MAX_LINKS; i++) {
		let isLink: boolean;
		try {
			isLink = (await fsp.lstat(current)).isSymbolicLink();
		} catch {
			isLink = false; // not there: this is the name to create
		}
		if (!isLink) {
			const dir = await fsp.realpath(path.dirname(current)).catch(() => path.dirname(current));
			return path.join(dir, path.basename(current));
		}
		current = path.resolve(path.dirname(current), await fsp.readlink(current));
	}
	throw Object.assign(new Error(`too many symbolic links: ${file}`), {code: 'ELOOP'});
}

/**
 * linkTarget without a round trip to the thread pool, for a save under the lock (store.ts, lock.ts): the
 * real path of a file that exists, asked of the kernel at once (microseconds); anything else (a file not
 * there yet, a dangling link) goes the long way.
 */
export async function linkTargetNow(file: string): Promise<string> {
	try {
		return realpathSync.native(path.resolve(file));
	} catch {
		return linkTarget(file);
	}
}

/**
 * A file with more than one name (hard links) cannot be saved the durable way: the save writes a new
 * file and renames it over this name, so the other names would keep the old version, silently. One
 * or two sentences for the banner and the refusal; null when the file has one name.
 */
export function hardLinkProblem(file: string, nlink: number): string | null {
	if (nlink <= 1) return null;
	return (
		`${file} has ${nlink} names (hard links): saving replaces the file, and the other name would keep the old version, ` +
		'so fortnight will not save it. Replace the other name with a symbolic link (ln -s) or a copy of its own, then open it again.'
	);
}
