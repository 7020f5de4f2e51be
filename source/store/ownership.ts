/**
 * A shared store keeps its owner, group and mode across a save (the store README, "Sharing a folder").
 * The durable save writes a new file, which belongs to whoever saves, and renames it over the old one:
 * without this, root's save hands the store to root, and the other sergeant's save hands it to them
 * and their own group, and the owner or the team is locked out.
 *
 * Only root may give a file to another user. An ordinary user may give it any group they belong to, so
 * when they save a file someone else owns, the group and mode are kept and the saver becomes the owner:
 * everyone who reached the file through its group still does. That is refused (nothing written) when it
 * would still lock someone out: the group cannot be kept, or the mode gives the owner access the group
 * lacks (0640, 0600: then the owner alone could write it, and after the save they could not).
 */
import type {promises as fsp, Stats} from 'node:fs';
import {groupLabel, userLabel} from './accounts.js';
import {StoreError} from './errors.js';
import type {WriteFs} from './file-system.js';

const notPermitted = (err: unknown): boolean => ['EPERM', 'EINVAL', 'EACCES'].includes((err as NodeJS.ErrnoException)?.code ?? '');

/**
 * Gives the new file (open as `handle`, about to get `mode`) the owner and group of `original`, the file
 * it replaces, as far as this user is permitted. Throws StoreError 'permission' when what is left would
 * lock someone out; the caller then removes the new file, so nothing is written.
 */
export async function keepOwnership(
	handle: fsp.FileHandle,
	original: Pick<Stats, 'uid' | 'gid'>,
	mode: number,
	file: string,
	fs: WriteFs,
): Promise<void> {
	const made = await handle.stat();
	if (made.uid === original.uid && made.gid === original.gid) return;
	let why: unknown;
	try {
		await fs.chown(handle, original.uid, original.gid);
		return;
	} catch (err) {
		if (!notPermitted(err)) throw err;
		why = err;
	}
	let groupKept = made.gid === original.gid;
	if (!groupKept) {
		try {
			await fs.chown(handle, -1, original.gid);
			groupKept = true;
		} catch (err) {
			if (!notPermitted(err)) throw err;
		}
	}
	const ownerKept = made.uid === original.uid;
	const ownerOnly = (mode >> 6) & 7 & ~((mode >> 3) & 7);
	if (groupKept && (ownerKept || ownerOnly === 0)) return;
	const code = (why as NodeJS.ErrnoException).code ?? 'refused';
	const changes = [
		ownerKept ? '' : `its owner from ${userLabel(original.uid)} to ${userLabel(made.uid)}`,
		groupKept ? '' : `its group from ${groupLabel(original.gid)} to ${groupLabel(made.gid)}`,
	].filter(Boolean);
	const who = ownerKept ? `the members of ${groupLabel(original.gid)}` : userLabel(original.uid);
	throw new StoreError(
		'permission',
		`Saving ${file} would change ${changes.join(' and ')}, which could lock ${who} out of it, and this system ` +
			`does not let fortnight keep them (${code}), so nothing was saved. Ask the file's owner or an administrator to give it a ` +
			`group you both belong to with group read and write (chgrp GROUP FILE; chmod g+rw FILE), or save a copy elsewhere.`,
		file,
	);
}
