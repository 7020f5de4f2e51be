/**
 * The name of a store's chain file (source/store/README.md, "The review chain file"), on its own so that
 * the modules loaded before the store (exports, the entry point) can name it without loading the reader.
 */

/** `team.json` -> `team.chain.jsonl`; pass the real file a link names, so the chain sits beside it. */
export function chainPathFor(stateFile: string): string {
	return stateFile.replace(/(\.json)?$/i, '.chain.jsonl');
}

/** `team.json` -> `team.journal.jsonl`, the state's journal (journal-file.ts); beside the real file, like the chain. */
export function journalPathFor(stateFile: string): string {
	return stateFile.replace(/(\.json)?$/i, '.journal.jsonl');
}
