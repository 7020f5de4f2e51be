/**
 * A record the PostgreSQL store could not read and set aside (source/store/README.md "A record that cannot
 * be read"; docs/rules.md "Records set aside"). A login can write any row through psql, and the database
 * does not check a record's shape; refusing the whole team for one bad row would let one login deny every
 * other user their team, so the loader leaves that row out, untouched, and names it here. The rules turn
 * each into a critical problem (rules/store-records.ts), so nothing drops off the list without a word.
 *
 * Nothing here quotes the row: `problem` says what is wrong by field and kind of value (store/validate.ts
 * describeValue), never the text, which may be anything a login typed (even a welfare note).
 */
import {safeText} from './safe-text.js';

/** The record lists a row can belong to: the store's lists, one table each (store/pg-data.ts LISTS). */
export type SetAsideList = 'officers' | 'absences' | 'cases' | 'welfareEvents' | 'concerns' | 'actionPlans' | 'drafts';

/** fortnight's own record of the last change to the row, when it has one (fortnight_changes). */
export interface SetAsideChange {
	/** The revision the row carries. */
	revision: number;
	/** The database login fortnight recorded for that revision. */
	role: string;
	/** The officer that login is, when fortnight_logins maps it. */
	officerId: string | null;
	/** When fortnight recorded that revision (ISO instant). */
	at: string;
}

export interface SetAsideRecord {
	/** The list the row would have been read into. */
	list: SetAsideList;
	/** The table it is in, for the database owner. */
	table: string;
	/** The row's key in its table (the record's id; a draft's is its case and reviewer). */
	key: string;
	/** The crime reference the row concerns, when it can be read (a case's own, a draft's case). */
	caseRef: string | null;
	/** The officer the row concerns, when it can be read and is an officer of the team. */
	officerId: string | null;
	/** What is wrong, by field and kind of value: never the row's text. */
	problem: string;
	/** The set-aside record this one depends on and is set aside with (a case's officer, a part's first part). */
	dependsOn: {list: SetAsideList; table: string; key: string} | null;
	/** Who fortnight last recorded changing the row, when fortnight_changes says so (a psql write records nothing). */
	lastChange: SetAsideChange | null;
}

/**
 * The row of case `ref` when the store set it aside (its own row, or with a row it depends on, such as its
 * officer's), else undefined: the case is then not in the snapshot at all, though its row is in the
 * database, and only the database owner can mend it (docs/rules.md "Records set aside").
 */
export function caseSetAside(data: {setAside?: readonly SetAsideRecord[]}, ref: string): SetAsideRecord | undefined {
	return data.setAside?.find(r => r.list === 'cases' && (r.caseRef === ref || r.key === ref));
}

/**
 * Why a case set aside offers nothing to do at the desk, in one sentence for the status bar and the
 * problem's detail (README "Hints, help and the palette offer only what you may do"): it cannot be opened,
 * reviewed, moved or have its bail recorded until the database owner corrects or restores its row. Names
 * the row, never its text.
 */
export function setAsideCaseWords(r: SetAsideRecord, ref: string): string {
	const row = `row ${safeText(r.key)} of ${r.table}`;
	const why = r.dependsOn ? `${row} is set aside with ${r.dependsOn.table} row ${safeText(r.dependsOn.key)}` : `${row} is set aside`;
	return (
		`${safeText(ref)} cannot be read from the database (${why}), so it cannot be opened, reviewed, moved or have its bail ` +
		'recorded here until the database owner corrects or restores that row.'
	);
}
