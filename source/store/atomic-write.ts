/**
 * Durable replace of a whole file: write a uniquely named temp file beside it, fsync, rename over the
 * target, fsync the folder. A crash at any moment leaves either the old file or the new one, never a
 * mix. Temp names start with "." and end ".tmp" so nothing ever mistakes one for data.
 */
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import {realFs, type WriteFs} from './file-system.js';

export function tempNameFor(file: string): string {
	const dir = path.dirname(file);
	const base = path.basename(file);
	return path.join(dir, `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** True for a temp file name this module makes (used to sweep leftovers from killed writers). */
export function isTempFor(file: string, candidate: string): boolean {
	const base = path.basename(file);
	const name = path.basename(candidate);
	return name.startsWith(`.${base}.`) && name.endsWith('.tmp');
}

export async function writeFileAtomic(file: string, data: string, mode: number, fs: WriteFs = realFs): Promise<void> {
	const tmp = tempNameFor(file);
	let created = false;
	try {
		// 'wx': fail rather than follow or reuse anything already at the temp path.
		const handle = await fs.open(tmp, 'wx', mode);
		created = true;
		try {
			await fs.write(handle, data);
			await fs.sync(handle);
		} finally {
			await fs.close(handle);
		}
		// The process umask may have narrowed `mode` at open; set it exactly so 0600 stays 0600.
		await fs.chmod(tmp, mode);
		await fs.rename(tmp, file);
		created = false;
		await fs.syncDir(path.dirname(file));
	} catch (err) {
		if (created) await fs.unlink(tmp).catch(() => {});
		throw err;
	}
}
