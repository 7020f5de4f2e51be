/**
 * An open desk's live feed from a PostgreSQL store (README "PostgreSQL", "Live desks"): one connection
 * of its own that LISTENs on `fortnight`. A server restart or a dropped network drops that connection;
 * the feed then reconnects by itself (after 0.1 s, doubling to at most 5 s between tries, for as long as
 * the desk listens). Each time it is listening (the first time too) it says so (`onListening`), so the
 * store can look for a change committed while nobody was listening: a notification sent then is lost,
 * the team's revision is not.
 */
import pg from 'pg';
import type {StoreUrl} from './pg-url.js';

export interface Feed {
	/** Stops listening and reconnecting. */
	close(): void;
}

const FIRST_RETRY_MS = 100;
const MOST_RETRY_MS = 5000;

export function openFeed(url: StoreUrl, onPayload: (payload: string | undefined) => void, onListening: () => void): Feed {
	let closed = false;
	let client: pg.Client | null = null;
	let timer: NodeJS.Timeout | null = null;
	let wait = FIRST_RETRY_MS;

	const retry = () => {
		if (closed || timer) return;
		timer = setTimeout(() => {
			timer = null;
			void connect();
		}, wait);
		// Waiting to reconnect never keeps a command (or a desk that is quitting) alive.
		timer.unref();
		wait = Math.min(wait * 2, MOST_RETRY_MS);
	};

	const connect = async () => {
		const c = new pg.Client({connectionString: url.connectionString});
		client = c;
		let dropped = false;
		const drop = () => {
			if (dropped) return;
			dropped = true;
			if (client === c) client = null;
			c.end().catch(() => {});
			retry();
		};
		c.on('notification', m => onPayload(m.payload));
		// A dropped connection (a restart) is not an error to show: the feed comes back by itself.
		c.on('error', drop);
		c.on('end', drop);
		try {
			await c.connect();
			// The listening connection never keeps a command or the desk's process alive.
			(c as unknown as {connection?: {stream?: {unref?: () => void}}}).connection?.stream?.unref?.();
			await c.query('LISTEN fortnight');
		} catch {
			drop();
			return;
		}
		if (closed) {
			c.end().catch(() => {});
			return;
		}
		wait = FIRST_RETRY_MS;
		onListening();
	};

	void connect();
	return {
		close() {
			closed = true;
			if (timer) clearTimeout(timer);
			timer = null;
			const c = client;
			client = null;
			c?.end().catch(() => {});
		},
	};
}
