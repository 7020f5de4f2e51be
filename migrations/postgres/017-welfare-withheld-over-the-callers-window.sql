-- Superseded in part by 018 (section 5): the count's start is the server's today less 90 again, since windows of the
-- caller's choosing told, by their differences, the days of the notes kept from them (REVIEW 8 D4).
-- fortnight_welfare_withheld counts over the handover's own window (README "PostgreSQL", "Welfare notes").
-- 015 counted the notes a caller may not read over the server's days, current_date - 90 to
-- greatest(until, current_date), while the handover (and the JSON store, which hands every note to the
-- domain's readableWelfareNotes) counts over welfareNoteWindow(--today, --to) (source/domain/handover/build.ts:
-- --today less WELFARE_NOTE_LOOKBACK_DAYS, 90, to the later of --today and --to). With --today on any
-- other day than the server's (a fixed day in tests, a handover back-dated or prepared ahead) the two
-- stores then gave a different count, and so a different "Left out N" or refusal, for the same notes.
-- The window is now the caller's: `since` and `until`, both ends included, as welfareNoteWindow gives them.
--
-- What this gives up (015's reason for fixing the start): counts over windows of one's choosing tell,
-- by their differences, on which days the notes a caller may not read were written. The window must
-- still have the handover's shape, at least WELFARE_NOTE_LOOKBACK_DAYS long (a one-day window is
-- refused), which makes that a matter of two calls, not one; the caller must still be a login that sees
-- the team today, asking as itself; and it still learns only counts per officer, never a note's text,
-- author or date as such. The notes' dates are those of reviews the caller already sees signed in the
-- chain (source/domain/review/sign.ts files a note under its review's day), so what differences add is
-- which of those reviews carried a note the caller may not read. On the JSON store whoever runs fortnight
-- reads the whole welfare file. Recorded in the README ("PostgreSQL", welfare notes).
--
-- Every other function, policy and grant of 015 and 016 is untouched; 015's two-date version is dropped
-- (a program older than this migration refuses the database: source/store/pg-migrate.ts).

DROP FUNCTION fortnight_welfare_withheld(text, date, name);

-- How many notes of team `t` dated `since` to `until` (both included) role `who` may not read, per
-- officer: counts only. `who` must be the caller's own login (or a role it may become anyway) and see
-- the team today, as in 015; the window must be at least WELFARE_NOTE_LOOKBACK_DAYS (90) days long.
CREATE FUNCTION fortnight_welfare_withheld(t text, since date, until date, who name)
	RETURNS TABLE (officer_id text, withheld bigint) LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	IF NOT pg_has_role(session_user, who, 'MEMBER') OR NOT fortnight_sees_team(t, who) THEN
		RAISE EXCEPTION 'Your login may not count the welfare notes of team %.', t USING ERRCODE = '42501';
	END IF;
	IF since IS NULL OR until IS NULL OR until < since + 90 THEN
		RAISE EXCEPTION 'The welfare notes are counted over a handover''s window: at least 90 days, from % to %.', since, until
			USING ERRCODE = '22023';
	END IF;
	RETURN QUERY
		SELECT n.officer_id, count(*)
		FROM fortnight_welfare_notes n
		WHERE n.team_id = t AND n.date BETWEEN since AND until
			AND NOT fortnight_reads_welfare(t, n.officer_id, n.by, n.date, who)
		GROUP BY n.officer_id
		ORDER BY n.officer_id;
END $$;

REVOKE ALL ON FUNCTION fortnight_welfare_withheld(text, date, date, name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_welfare_withheld(text, date, date, name) TO fortnight_officer;
