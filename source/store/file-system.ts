/**
 * The few file operations a durable write needs, behind an interface so tests can inject faults
 * (ENOSPC, EACCES, EIO, EROFS, a refused chown) at any single step and check the previous file survives.
 */
import {constants, ftruncateSync, promises as fsp, writeSync} from 'node:fs';

export interface WriteFs {
	open(path: string, flags: string | number, mode?: number): Promise<fsp.FileHandle>;
	write(handle: fsp.FileHandle, data: string | Uint8Array): Promise<void>;
	/** Writes all of `data` at byte `position` (the chain file's append, which never relies on O_APPEND). */
	writeAt(handle: fsp.FileHandle, data: Uint8Array, position: number): Promise<void>;
	/** Cuts the file to `length` bytes (an append that failed is taken back; an uncommitted tail is removed). */
	truncate(handle: fsp.FileHandle, length: number): Promise<void>;
	sync(handle: fsp.FileHandle): Promise<void>;
	close(handle: fsp.FileHandle): Promise<void>;
	chmod(path: string, mode: number): Promise<void>;
	/** fchown: gives the new file the owner and group of the file it replaces (-1 leaves one as it is). */
	chown(handle: fsp.FileHandle, uid: number, gid: number): Promise<void>;
	rename(from: string, to: string): Promise<void>;
	syncDir(dir: string): Promise<void>;
	unlink(path: string): Promise<void>;
}

export const realFs: WriteFs = {
	open: (p, flags, mode) => fsp.open(p, flags, mode),
	write: async (h, data) => {
		await (typeof data === 'string' ? h.writeFile(data, 'utf8') : h.writeFile(data));
	},
	// An append (a line of the chain or the journal) and its cut-back run on the calling thread: a write of a
	// few kilobytes to the page cache takes microseconds, and each round trip to the thread pool waits for a
	// free core twice, which on a busy machine cost a save more than its writes (README "Benchmarks").
	writeAt: async (h, data, position) => {
		let done = 0;
		while (done < data.length) done += writeSync(h.fd, data, done, data.length - done, position + done);
	},
	truncate: async (h, length) => ftruncateSync(h.fd, length),
	// The sync goes to the thread pool: it takes as long as the drive does (seconds on a slow network share),
	// and meanwhile the event loop must keep refreshing the lock, or another writer takes it as stale and
	// saves underneath this one (test/store/slow-sync-lock.test.ts). The desk also keeps drawing.
	sync: h => h.sync(),
	close: h => h.close(),
	chmod: (p, mode) => fsp.chmod(p, mode),
	chown: (h, uid, gid) => h.chown(uid, gid),
	rename: (a, b) => fsp.rename(a, b),
	// A directory fsync makes the rename itself durable. Some file systems refuse it (EINVAL, EISDIR on
	// some network shares); the rename has still happened, so those are not write failures.
	syncDir: async dir => {
		let h: fsp.FileHandle | undefined;
		try {
			h = await fsp.open(dir, constants.O_RDONLY);
			await h.sync();
		} catch (err) {
			const code = (err as NodeJS.ErrnoException).code;
			if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES') throw err;
		} finally {
			await h?.close().catch(() => {});
		}
	},
	unlink: p => fsp.unlink(p),
};
