/**
 * How pg-connect.ts words a welfare note refused because another note holds its id (migration 022, REVIEW-9
 * N3): StoreError 'id-taken' naming the id, from 022's DETAIL or from the primary key's own 23505 (two
 * filings of one id at once), never the server's message (a failing row's values could be a note's words).
 */
import {describe, expect, it} from 'vitest';
import {describePgError} from '../../source/store/pg-connect.js';

const URL = 'postgresql://demo_sergeant@/fortnight';
const WORDS = 'SYNTHETIC-NOTE-WORDS-8401';
const refused = (detail: string | undefined, table = 'fortnight_welfare_notes') =>
	describePgError(Object.assign(new Error(`failing ${WORDS}`), {code: '23505', table, detail}), URL);

describe("a welfare note whose id another note holds is said to be, naming the id and never the server's words", () => {
	it("022's refusal (DETAIL the id) and the primary key's both name the id", () => {
		for (const detail of ['wn-r606', 'Key (team_id, id)=(team-a, wn-r606) already exists.']) {
			const e = refused(detail);
			expect(e.code).toBe('id-taken');
			expect(e.message).toBe(
				`The database at ${URL} did not file welfare note wn-r606: the team already holds another note under wn-r606 ` +
					'(by another author, about another officer, or in other words), and a filed note is never replaced, so trying again ' +
					"files nothing. Ask the database's owner to look at the note held under wn-r606.",
			);
			expect(e.message).not.toContain(WORDS);
		}
	});

	it('an id with a terminal escape is shown made safe; a detail naming no note id names none', () => {
		expect(refused('wn-\u001b]0;owned\u0007x').message).not.toContain('\u001b');
		for (const detail of [undefined, '', 'Key (team_id, team_ord)=(team-a, 5) already exists.']) {
			const e = refused(detail);
			expect(e.code).toBe('id-taken');
			expect(e.message).toContain('did not file the welfare note: the team already holds another note under its id');
		}
	});

	it('a 23505 on another table is not a welfare note', () => {
		expect(refused('Key (team_id, revision)=(team-a, 5) already exists.', 'fortnight_changes').code).toBe('io');
	});
});
