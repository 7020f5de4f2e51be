/**
 * A short cross-process lock around re-read, compare, write, fsync and rename (never while a person is
 * typing). proper-lockfile uses an atomic mkdir, which also works on network shares, and refreshes the
 * lock's mtime so a crashed holder's lock goes stale and is taken over.
 */
import lockfile from 'proper-lockfile';
import {StoreError} from './errors.js';
import {linkTarget} from './link-target.js';

export interface LockOptions {
	/** A lock not refreshed for this long is treated as left by a crashed process. */
	staleMs?: number;
	/** How long to keep trying before telling the user the store is busy. */
	waitMs?: number;
}

export async function withLock<T>(file: string, options: LockOptions = {}, body: (assertHeld: () => void) => Promise<T>): Promise<T> {
	// Keyed on the real file, not a link to it: whoever reaches it by whichever path takes the same lock.
	const target = await linkTarget(file).catch(() => file);
	const staleMs = options.staleMs ?? 10_000;
	const waitMs = options.waitMs ?? 15_000;
	let compromised: Error | null = null;
	let release: () => Promise<void>;
	const started = Date.now();
	for (;;) {
		try {
			release = await lockfile.lock(target, {
				stale: staleMs,
				update: Math.max(1000, Math.floor(staleMs / 2)),
				realpath: false,
				retries: 0,
				onCompromised: err => {
					// Another process took our lock over (we stalled past the stale time): abort the write.
					compromised = err;
				},
			});
			break;
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') {
				throw new StoreError('locked', `Could not lock ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); check the folder is writable.`, file);
			}
			if (Date.now() - started > waitMs) {
				throw new StoreError('locked', `${file} is locked by another fortnight that is saving; nothing was lost. Try again in a moment.`, file);
			}
			await new Promise(r => setTimeout(r, 20 + Math.random() * 60));
		}
	}
	try {
		return await body(() => {
			if (compromised) {
				throw new StoreError('locked', `Lost the lock on ${file} to another process, so this save was abandoned; nothing was overwritten. Try again.`, file);
			}
		});
	} finally {
		await release!().catch(() => {});
	}
}
