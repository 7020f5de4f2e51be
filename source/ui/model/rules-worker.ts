/**
 * The desk's rules thread (a worker_thread started by rules-thread.ts): reads the store itself, as the
 * main thread does, the moment the desk starts, and runs the rules on a snapshot the main thread names
 * by revision. The rules take about a second at 5,000 cases; run on the main thread they held up every
 * key pressed after the case rows appeared (README "Benchmarks"). Only the problems (plain data) are
 * sent back: the main thread keeps its own snapshot, so nothing large crosses between the threads.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {readStoreFile, type StoreRead} from '../../store/index.js';
import {findProblems} from '../../domain/rules/index.js';
import type {RulesReply, RulesRequest} from './rules-thread.js';

const {file} = workerData as {file: string};
let loaded: Promise<StoreRead> = readStoreFile(file, {chain: 'state'});
// A failed read is answered per request (the main thread then runs the rules itself).
loaded.catch(() => undefined);

const sameVersion = (read: StoreRead, q: RulesRequest) => read.data.revision === q.revision && read.data.updatedAt === q.updatedAt;

async function answer(q: RulesRequest): Promise<RulesReply> {
	let read = await loaded;
	// The desk has moved on (a save, another user's change reloaded): read the file again, once.
	if (!sameVersion(read, q)) {
		loaded = readStoreFile(file, {chain: 'state'});
		read = await loaded;
	}
	if (!sameVersion(read, q)) return {id: q.id, problems: null};
	return {id: q.id, problems: findProblems(read.data, q.today)};
}

parentPort!.on('message', (q: RulesRequest) => {
	answer(q).then(
		reply => parentPort!.postMessage(reply),
		() => parentPort!.postMessage({id: q.id, problems: null} satisfies RulesReply),
	);
});
