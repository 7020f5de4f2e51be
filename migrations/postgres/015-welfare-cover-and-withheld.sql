-- Welfare notes on PostgreSQL as in the file store (README "Welfare notes", "PostgreSQL"; the rule is
-- source/domain/permissions.ts mayReadWelfareNote and mayRecordWelfare). Two QA defects:
-- 1. A cover's note was never filed. 002 let an officer of the team file a note in their own name, but
--    fortnight files with ON CONFLICT DO NOTHING (a retried filing adds nothing, pg-welfare.ts), and
--    PostgreSQL then also checks the new row against the SELECT policy, which opened a note only to the
--    officer's line manager on its date: the cover's note (and an inspector's about an investigator) was
--    refused, and stayed pending unseen by anyone else. A note is now read, as in the file store, by
--    its author, the officer's line manager on its date, and the cover named that day for that line
--    manager; never by the officer it is about (unless they wrote it) nor by a peer. It is filed in the
--    writer's own name by someone who sees the team today and supervises the officer on the note's date:
--    the team's sergeant or inspector, or the cover of the officer's line manager on that date (a cover
--    outside her dates, a peer and another team's officers are refused).
-- 2. A handover with --include-welfare, prepared by a cover or the inspector, said "none recent" where
--    row-level security had hidden every note: the file store refuses it, or says how many it left out.
--    fortnight_welfare_withheld says how many notes of a handover's window the caller may not read, per
--    officer, and nothing else (no text, date or author), and only for a team the caller sees; the
--    handover's domain code (readableWelfareNotes) then decides exactly as on the file store.
-- 014 (issue 19, fortnight_my_teams and fortnight_write_change) and 013's guards are untouched: no function
-- they create or replace is replaced here.

-- The officer of team `t` who line-managed officer `o` on day `d` (002's fortnight_line_manager's periods:
-- the team's sergeant then for an investigator, its inspector then for a sergeant), or null.
CREATE FUNCTION fortnight_line_manager_on(t text, o text, d date) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	RETURN (
		SELECT p->>'officerId'
		FROM fortnight_teams tm
		JOIN fortnight_officers off ON off.team_id = tm.team_id AND off.key = o
		CROSS JOIN LATERAL json_array_elements(tm.team->'supervision') AS p
		WHERE tm.team_id = t
			AND p->>'role' = CASE off.doc->>'role' WHEN 'investigator' THEN 'sergeant' WHEN 'sergeant' THEN 'inspector' END
			AND (p->>'from' IS NULL OR (p->>'from')::date <= d)
			AND (p->>'to' IS NULL OR d < (p->>'to')::date)
		LIMIT 1
	);
END $$;

-- True when officer `me` of team `t` is the cover named for an absence of officer `manager` that includes day `d`.
CREATE FUNCTION fortnight_covers_on(t text, manager text, me text, d date) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	RETURN manager IS NOT NULL AND me IS NOT NULL AND EXISTS (
		SELECT 1 FROM fortnight_absences a
		WHERE a.team_id = t
			AND a.doc->>'officerId' = manager
			AND a.doc->>'coverOfficerId' = me
			AND (a.doc->>'from')::date <= d
			AND (a.doc->>'to' IS NULL OR (a.doc->>'to')::date >= d)
	);
END $$;

-- True when role `who` may read the note of team `t` about officer `o`, written by `author` on day `d`
-- (mayReadWelfareNote): its author; else, never the officer it is about; else the officer's line manager
-- on that day, or the cover named that day for that line manager.
CREATE FUNCTION fortnight_reads_welfare(t text, o text, author text, d date, who name) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
	manager text;
BEGIN
	IF me IS NULL THEN
		RETURN false;
	END IF;
	IF author = me THEN
		RETURN true;
	END IF;
	IF o = me THEN
		RETURN false;
	END IF;
	manager := fortnight_line_manager_on(t, o, d);
	RETURN manager = me OR fortnight_covers_on(t, manager, me, d);
END $$;

-- True when role `who` may file, in author `author`'s name, a note of team `t` about officer `o` dated `d`
-- (mayRecordWelfare): in their own name only, seeing the team today, and supervising `o` on `d`: the team's
-- sergeant or inspector, or the cover of `o`'s line manager on that day.
CREATE FUNCTION fortnight_files_welfare(t text, o text, author text, d date, who name) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
BEGIN
	IF me IS NULL OR author IS DISTINCT FROM me OR o = me OR NOT fortnight_sees_team(t, who) THEN
		RETURN false;
	END IF;
	RETURN EXISTS (SELECT 1 FROM fortnight_teams WHERE team_id = t AND (sergeant_id = me OR inspector_id = me))
		OR fortnight_covers_on(t, fortnight_line_manager_on(t, o, d), me, d);
END $$;

-- How many notes of team `t` a handover's window holds that role `who` may not read, per officer: counts
-- only. The window is the handover's (domain/handover/build.ts welfareNoteWindow): from the server's today
-- less WELFARE_NOTE_LOOKBACK_DAYS (90) to `until`, never before today. Its start is not the caller's to
-- choose, nor its end before today: counts over windows of one's choosing would tell, by their
-- differences, which days an officer's hidden notes were written on. `who` must be the caller's own login
-- (or a role it may become anyway) and see the team today; anyone else is refused, as a read of a team
-- they do not see is.
CREATE FUNCTION fortnight_welfare_withheld(t text, until date, who name)
	RETURNS TABLE (officer_id text, withheld bigint) LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	IF NOT pg_has_role(session_user, who, 'MEMBER') OR NOT fortnight_sees_team(t, who) THEN
		RAISE EXCEPTION 'Your login may not count the welfare notes of team %.', t USING ERRCODE = '42501';
	END IF;
	RETURN QUERY
		SELECT n.officer_id, count(*)
		FROM fortnight_welfare_notes n
		WHERE n.team_id = t AND n.date BETWEEN current_date - 90 AND greatest(until, current_date)
			AND NOT fortnight_reads_welfare(t, n.officer_id, n.by, n.date, who)
		GROUP BY n.officer_id
		ORDER BY n.officer_id;
END $$;

REVOKE ALL ON FUNCTION fortnight_line_manager_on(text, text, date), fortnight_covers_on(text, text, text, date),
	fortnight_reads_welfare(text, text, text, date, name), fortnight_files_welfare(text, text, text, date, name),
	fortnight_welfare_withheld(text, date, name) FROM PUBLIC;
-- The policies run as the caller, so the caller may run what they call; the two helpers only as those do.
GRANT EXECUTE ON FUNCTION fortnight_reads_welfare(text, text, text, date, name), fortnight_files_welfare(text, text, text, date, name),
	fortnight_welfare_withheld(text, date, name) TO fortnight_officer;

DROP POLICY welfare_read ON fortnight_welfare_notes;
DROP POLICY welfare_file ON fortnight_welfare_notes;
CREATE POLICY welfare_read ON fortnight_welfare_notes FOR SELECT
	USING (fortnight_reads_welfare(team_id, officer_id, by, date, current_user));
CREATE POLICY welfare_file ON fortnight_welfare_notes FOR INSERT
	WITH CHECK (fortnight_files_welfare(team_id, officer_id, by, date, current_user));
