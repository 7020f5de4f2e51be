/** The Log view's export key (e): the shell side, since the reducer does no I/O. */
import {useEffect, useRef, type Dispatch} from 'react';
import type {DeskAction} from './desk-state.js';
import {writeFreshExport} from './export-file.js';

/**
 * Writes the Log view's rows as CSV next to the store when the user presses e in the Log view
 * (a new file, mode 0600; the log holds no welfare text), never over an earlier export or the store's files.
 */
export function useLogExport(
	storeFile: string | undefined,
	exportRequests: number,
	csv: () => {text: string; name: string},
	dispatch: Dispatch<DeskAction>,
): void {
	const seen = useRef(exportRequests);
	useEffect(() => {
		if (exportRequests === seen.current) return;
		seen.current = exportRequests;
		if (!storeFile) {
			dispatch({type: 'notice', text: 'No store file: nowhere to export to. Use "fortnight log --format csv --out FILE".'});
			return;
		}
		const {text, name} = csv();
		writeFreshExport(storeFile, name, text)
			.then(file => dispatch({type: 'notice', text: `Exported the review log to ${file}`}))
			.catch((err: unknown) => dispatch({type: 'notice', text: `Export failed: ${err instanceof Error ? err.message : String(err)}`}));
	}, [exportRequests, storeFile, csv, dispatch]);
}
