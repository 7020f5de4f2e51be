/**
 * How the desk names its store on screen (status bar, loading frame). A file by its path (long) or its
 * name (short); a PostgreSQL store by its URL with the password hidden (long) or its database and team
 * (short), never by the URL's last path piece, which for a Unix-socket URL is the socket's folder (QA 6
 * R10), and never with the password a URL may carry (`postgres://u:secret@...`, `?password=`).
 */
import path from 'node:path';
import {isPostgresUrl, parseStoreUrl} from '../store/index.js';

export interface StoreNames {
	long: string;
	short: string;
}

export function storeNames(store: string): StoreNames {
	if (!isPostgresUrl(store)) return {long: store, short: path.basename(store)};
	const url = parseStoreUrl(store);
	const base = url.connectionString.replace(/[?#].*$/s, '');
	const database = decodeSafely(base.replace(/^postgres(?:ql)?:\/\/[^/]*\/?/i, '')) || 'postgres';
	return {long: url.shown, short: url.team === null ? database : `${database} ${url.team}`};
}

function decodeSafely(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}
