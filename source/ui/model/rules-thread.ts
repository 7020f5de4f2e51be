/**
 * Runs the rules for the desk on a second thread (rules-worker.ts), so keys are taken while a large
 * store is checked (README "Benchmarks", issue 18). The thread reads the store file itself; it answers
 * for a snapshot only when the file it read is the same revision, and otherwise says so (null), and the
 * desk runs the rules itself, as it always did.
 */
import {Worker} from 'node:worker_threads';
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import type {Problem} from '../../domain/problem.js';

export interface RulesRequest {
	id: number;
	revision: number;
	updatedAt: string;
	today: IsoDate;
}

export interface RulesReply {
	id: number;
	/** Null when the thread could not read the same revision of the store (the desk runs the rules itself). */
	problems: Problem[] | null;
}

export interface RulesThread {
	/** The rules' problems for this snapshot, or null when the thread cannot give them. Never rejects. */
	problems(data: StoreData, today: IsoDate): Promise<Problem[] | null>;
	close(): void;
}

/**
 * The thread for a store file, started by the first request: the desk asks once its case rows are on
 * screen. Started alongside the main thread's read instead, it slowed the rows down on a busy 2-core
 * machine by more than it saved (README "Benchmarks").
 */
export function startRulesThread(file: string): RulesThread {
	let worker: Worker | null = null;
	const waiting = new Map<number, (problems: Problem[] | null) => void>();
	let next = 0;
	let failed = false;
	const settleAll = () => {
		failed = true;
		for (const resolve of waiting.values()) resolve(null);
		waiting.clear();
	};
	const start = (): Worker => {
		const w = new Worker(new URL('./rules-worker.js', import.meta.url), {workerData: {file}});
		// Never what keeps the process alive: the desk quits whether or not the rules are done.
		w.unref();
		w.on('message', (reply: RulesReply) => {
			waiting.get(reply.id)?.(reply.problems);
			waiting.delete(reply.id);
		});
		w.on('error', settleAll);
		w.on('exit', settleAll);
		return w;
	};
	return {
		problems(data, today) {
			if (failed) return Promise.resolve(null);
			worker ??= start();
			const id = ++next;
			return new Promise(resolve => {
				waiting.set(id, resolve);
				worker!.postMessage({id, revision: data.revision, updatedAt: data.updatedAt, today} satisfies RulesRequest);
			});
		},
		close() {
			settleAll();
			void worker?.terminate();
		},
	};
}
