-- The helpers that take the role to judge (`who`) answer only about the caller (README "PostgreSQL",
-- "Welfare notes"; found in review of 015). They run SECURITY DEFINER, so they see every team's logins,
-- supervision history and absences, and every officer may call them: taking `who` from the caller made
-- them an oracle. A login of one team asked, day by day, fortnight_reads_welfare(<other team>, <officer>,
-- 'x', <day>, <that team's cover>) and read off when that team's sergeant was away (sick leave included)
-- and who covered, though row-level security shows them none of its absences; fortnight_my_teams,
-- fortnight_sees_team, fortnight_officer_of and 002's fortnight_line_manager told today's cover, logins and
-- supervision history the same way. The policies always pass current_user, which is the login itself or a
-- role it has become (SET ROLE): pg_has_role(session_user, who, 'MEMBER') holds for both, and for a
-- superuser (who sees every row anyway). Any other `who` is nobody: no officer, no team, no note.
-- fortnight_officer_of is what every other helper asks first (fortnight_sees_team, the 015 welfare
-- helpers, 002's fortnight_line_manager, the guards), so one check there closes them all;
-- fortnight_my_teams reads the logins itself and gets the same check. pg_has_role of a role on itself
-- returns before any catalog look-up (is_member_of_role), so the policies' cost is unchanged.
--
-- Filing (015's fortnight_files_welfare) now asks what mayRecordWelfare asks (source/domain/permissions.ts):
-- 015 let the team's sergeant or inspector file a note about ANY officer id on ANY date, the sergeant's own
-- inspector included, which the domain refuses ("not their line manager"). A note is filed in the writer's
-- own name, by someone who sees the team today, about an officer of the team other than themselves, whom
-- the writer supervises on the note's date as 008's fortnight_supervises_as (supervisesAs) says: their line
-- manager, the cover named that day for that line manager, or an inspector over the team.
--
-- 013/014/015's guarantees stand: no policy changes, and every function keeps its name, arguments, result,
-- owner, SECURITY DEFINER and grants. 002's fortnight_line_manager is no policy's any more (015 replaced
-- the welfare policies): its grant to the officers is revoked.

CREATE OR REPLACE FUNCTION fortnight_officer_of(who name, t text) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	IF NOT pg_has_role(session_user, who, 'MEMBER') THEN
		RETURN NULL;
	END IF;
	RETURN (SELECT officer_id FROM fortnight_logins WHERE role_name = who AND team_id = t);
END $$;

-- 014's function, with the caller check first.
CREATE OR REPLACE FUNCTION fortnight_my_teams(who name) RETURNS text[] LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	mine text[];
BEGIN
	IF NOT pg_has_role(session_user, who, 'MEMBER') THEN
		RETURN '{}';
	END IF;
	-- The teams where the login's officer is the sergeant or the inspector: each login's team row by its key.
	mine := ARRAY(
		SELECT l.team_id FROM fortnight_logins l JOIN fortnight_teams tm ON tm.team_id = l.team_id
		WHERE l.role_name = who AND (tm.sergeant_id = l.officer_id OR tm.inspector_id = l.officer_id));
	-- Any other login's team: theirs today only as the named cover of an absence of its sergeant.
	IF EXISTS (SELECT 1 FROM fortnight_logins l WHERE l.role_name = who AND l.team_id <> ALL (mine)) THEN
		mine := mine || ARRAY(
			SELECT l.team_id FROM fortnight_logins l JOIN fortnight_teams tm ON tm.team_id = l.team_id
			WHERE l.role_name = who AND l.team_id <> ALL (mine) AND EXISTS (
				SELECT 1 FROM fortnight_absences a
				WHERE a.team_id = l.team_id
					AND a.doc->>'officerId' = tm.sergeant_id
					AND a.doc->>'coverOfficerId' = l.officer_id
					AND (a.doc->>'from')::date <= current_date
					AND (a.doc->>'to' IS NULL OR (a.doc->>'to')::date >= current_date)));
	END IF;
	RETURN mine;
END $$;

-- 015's function: the caller check is fortnight_officer_of's (null for anyone else's `who`).
CREATE OR REPLACE FUNCTION fortnight_reads_welfare(t text, o text, author text, d date, who name) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
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

-- mayRecordWelfare: in the caller's own name, seeing the team today, about an officer of the team other
-- than themselves whom they supervise on day `d` (fortnight_supervises_as, permissions.ts supervisesAs).
CREATE OR REPLACE FUNCTION fortnight_files_welfare(t text, o text, author text, d date, who name) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
BEGIN
	IF me IS NULL OR author IS DISTINCT FROM me OR o = me OR NOT fortnight_sees_team(t, who) THEN
		RETURN false;
	END IF;
	RETURN EXISTS (SELECT 1 FROM fortnight_officers WHERE team_id = t AND key = o)
		AND fortnight_supervises_as(t, me, o, d) IS NOT NULL;
END $$;

REVOKE EXECUTE ON FUNCTION fortnight_line_manager(text, text, date, name) FROM fortnight_officer;

-- 008's function, with the move's day checked too (README "Case history"): a move through psql dated years back,
-- before the outgoing allocation began and across its signed reviews, was taken although fortnight refuses
-- it. It runs only for a write that changes a case's holder or allocations (fortnight_guard_case), so a
-- signing does not pay for it; the last review is one probe of fortnight_chain_reviews.
CREATE OR REPLACE FUNCTION fortnight_move_refusal(t text, who name, before jsonb, after jsonb) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
	ref text := before->>'ref';
	holder text := before->>'oicId';
	taker text := after->>'oicId';
	had jsonb := coalesce(before->'allocations', '[]');
	has jsonb := coalesce(after->'allocations', '[]');
	n integer := jsonb_array_length(had);
	m integer := jsonb_array_length(has);
	last jsonb := has->(m - 1);
	capacity text;
	i integer;
	reviewed date;
BEGIN
	IF me IS NULL THEN
		RETURN NULL;
	END IF;
	IF after->>'ref' IS DISTINCT FROM ref THEN
		RETURN format('case %s cannot be renamed (to %s): a case keeps its reference', ref, after->>'ref');
	END IF;
	-- The history on record stays as it was; one allocation is added (two when none was recorded: the
	-- present holder's, from before the history was kept, then the new one).
	IF NOT (m = n + 1 OR (n = 0 AND m = 2)) THEN
		RETURN format('the allocation history of %s cannot be rewritten: a move adds one allocation after those on record', ref);
	END IF;
	FOR i IN 0 .. n - 1 LOOP
		IF (i < n - 1 AND has->i <> had->i) OR (i = n - 1 AND (has->i) - 'to' <> (had->i) - 'to') THEN
			RETURN format('the allocation history of %s cannot be rewritten: allocation %s is on record as it was', ref, i);
		END IF;
	END LOOP;
	IF m >= 2 AND (has->(m - 2))->'to' IS DISTINCT FROM last->'from' THEN
		RETURN format('the allocation history of %s cannot be rewritten: the allocation before a move ends the day it starts', ref);
	END IF;
	-- The move's day (reallocate-dates.ts, the part the database can check cheaply): not before the
	-- allocation it ends began, nor before the case's last signed review (which names its OIC that day).
	IF m >= 2 AND (last->>'from')::date < ((has->(m - 2))->>'from')::date THEN
		RETURN format('a move of %s cannot be dated %s, before the allocation it ends began (%s)', ref, last->>'from',
			(has->(m - 2))->>'from');
	END IF;
	SELECT (c.entry->'data'->>'date')::date INTO reviewed FROM fortnight_chain c
		WHERE c.team_id = t AND c.kind = 'review' AND c.case_ref = ref ORDER BY c.seq DESC LIMIT 1;
	IF (last->>'from')::date < reviewed THEN
		RETURN format('a move of %s cannot be dated %s, before its last signed review (%s), which names its holder then',
			ref, last->>'from', reviewed);
	END IF;
	IF last->>'officerId' IS DISTINCT FROM taker OR last->'to' IS DISTINCT FROM 'null'::jsonb THEN
		RETURN format('the last allocation of %s must be its present holder''s, open', ref);
	END IF;
	-- Every move, an import's included (its reason is the writer's own text): judged as mayReallocate judges it.
	capacity := fortnight_move_capacity_refusal(t, me, ref, holder, taker);
	IF capacity IS NOT NULL THEN
		RETURN capacity;
	END IF;
	IF last->>'by' IS DISTINCT FROM me THEN
		RETURN format('%s must record a move of %s in their own name (by %s), not as %s',
			fortnight_officer_words(t, me), ref, me, coalesce(last->>'by', 'nobody'));
	END IF;
	RETURN NULL;
END $$;
