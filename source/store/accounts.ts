/**
 * Names for the user and group ids a sharing problem is about, so a message can say who to ask
 * ("alice (uid 1234)"). Read from /etc/passwd and /etc/group, which hold local accounts only: an id
 * from a directory service or another machine's share is shown as its number. Used only on error paths.
 */
import {readFileSync} from 'node:fs';
import {safeText} from '../domain/safe-text.js';

const cache = new Map<string, Map<number, string>>();

function names(file: string): Map<number, string> {
	let map = cache.get(file);
	if (map) return map;
	map = new Map();
	try {
		for (const line of readFileSync(file, 'utf8').split('\n')) {
			const [name, , id] = line.split(':');
			if (name && id && /^\d+$/.test(id) && !map.has(Number(id))) map.set(Number(id), name);
		}
	} catch {
		// No such file (not a Unix system) or not readable: numbers only.
	}
	cache.set(file, map);
	return map;
}

/** "alice (uid 1234)", or "uid 1234" when the id has no local name. */
export function userLabel(uid: number): string {
	const name = names('/etc/passwd').get(uid);
	return name ? `${safeText(name)} (uid ${uid})` : `uid ${uid}`;
}

/** "team (gid 1234)", or "gid 1234" when the id has no local name. */
export function groupLabel(gid: number): string {
	const name = names('/etc/group').get(gid);
	return name ? `${safeText(name)} (gid ${gid})` : `gid ${gid}`;
}
