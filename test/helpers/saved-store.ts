/**
 * What a store file holds after saves, read synchronously for tests that look at the file itself: the
 * state file with its journal replayed (store README, "The journal"). A save appends to the journal
 * instead of rewriting the state file, so the state file alone is the store as it was at the last
 * compaction. Checks nothing (the store's own reader does); a torn last line is left out as the reader
 * leaves it out, and a journal the state already holds (a compaction killed before removing it) is ignored.
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, realpathSync} from 'node:fs';
import type {StoreData} from '../../source/domain/model.js';
import {journalPathFor} from '../../source/store/chain-path.js';
import {lineBody, Replay, type JournalLine} from '../../source/store/journal.js';

export function savedData(file: string): StoreData {
	const bytes = readFileSync(file);
	const state = JSON.parse(bytes.toString('utf8')) as StoreData;
	const journal = journalPathFor(realpathSync(file));
	if (!existsSync(journal)) return state;
	const lines = readFileSync(journal, 'utf8').split('\n').slice(0, -1);
	if (lines.length < 2) return state;
	const header = JSON.parse(lineBody(lines[0]!)!.body) as {state: string};
	if (header.state !== createHash('sha256').update(bytes).digest('hex')) return state;
	const replay = new Replay(state);
	for (const line of lines.slice(1)) replay.apply(JSON.parse(lineBody(line)!.body) as JournalLine);
	return replay.result();
}

/** savedData as JSON text, for tests that search the saved store's text. */
export function savedText(file: string): string {
	return JSON.stringify(savedData(file));
}

/** The state file's bytes followed by its journal's (if any): what "nothing was written" compares, since a save appends to the journal. */
export function savedBytes(file: string): Buffer {
	const journal = journalPathFor(realpathSync(file));
	return existsSync(journal) ? Buffer.concat([readFileSync(file), readFileSync(journal)]) : readFileSync(file);
}
