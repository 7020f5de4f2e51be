/** Pending welfare notes by drafts-file path, for store tests that only need one written or read back. */
import {changeWelfareDrafts, readWelfareDrafts, type PendingWelfareNote} from '../../source/store/welfare-drafts.js';

const storeOf = (draftsFile: string) => draftsFile.replace(/\.welfare-drafts\.json$/, '.json');

/** Writes (or replaces) the pending note of `caseRef` in the drafts file `draftsFile`. */
export function saveWelfareDraft(
	draftsFile: string,
	caseRef: string,
	d: {officerId: string; text: string; updatedAt: string},
): Promise<PendingWelfareNote[]> {
	const note: PendingWelfareNote = {
		caseRef,
		by: 'o2',
		officerId: d.officerId,
		date: d.updatedAt.slice(0, 10),
		text: d.text,
		updatedAt: d.updatedAt,
	};
	return changeWelfareDrafts(storeOf(draftsFile), notes => [...notes.filter(n => n.caseRef !== caseRef), note]);
}

/** The pending note of `caseRef` in the drafts file `draftsFile`, if any. */
export async function readWelfareDraft(draftsFile: string, caseRef: string): Promise<PendingWelfareNote | undefined> {
	return (await readWelfareDrafts(storeOf(draftsFile))).find(n => n.caseRef === caseRef);
}
