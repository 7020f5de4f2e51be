/**
 * Writes that must reach the disk before the desk's process ends. A review in progress is a draft saved
 * as you go, "so quitting, a crash or a closed terminal loses nothing" (README "The guided 14-day
 * review"); the draft is saved after a pause in typing, so the last keys typed are only in memory until
 * then. A screen holding such text registers a flush here, and run-desk.tsx calls flushPendingWrites on
 * every way out (q, Ctrl+C, SIGINT/SIGTERM/SIGHUP, an uncaught error) before the process ends.
 */

type Flush = () => Promise<unknown>;

const flushes = new Set<Flush>();
const inFlight = new Set<Promise<unknown>>();

/** Registers a flush (save what is typed but not yet saved); returns the function that removes it. */
export function onExitFlush(flush: Flush): () => void {
	flushes.add(flush);
	return () => {
		flushes.delete(flush);
	};
}

/** Marks a write under way: flushPendingWrites waits for it even after its screen has gone (unmounted). */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
	inFlight.add(write);
	const forget = () => {
		inFlight.delete(write);
	};
	write.then(forget, forget);
	return write;
}

/**
 * Runs every registered flush and waits for them and every tracked write, for at most `timeoutMs` (a
 * save waiting for another process's lock must not hold a closing terminal for ever; a lock left by a
 * killed fortnight is taken over after 10 s, so the default allows that). True when all finished.
 */
export async function flushPendingWrites(timeoutMs = 15_000): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<false>(resolve => {
		timer = setTimeout(() => resolve(false), timeoutMs);
	});
	const all = (async () => {
		const started = [...flushes].map(flush => Promise.resolve().then(flush));
		await Promise.allSettled(started);
		// A flush may have started writes of its own; wait until none is left.
		while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
		return true as const;
	})();
	try {
		return await Promise.race([all, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
