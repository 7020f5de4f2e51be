-- Row-level security and the one-statement write without re-planning on every statement (README
-- "PostgreSQL"; issue 19's bench: "signing within 2x of a bare INSERT round trip").
-- A signing's one statement, fortnight_write_change (003), runs some eight statements, and each asks
-- fortnight_my_teams(current_user) once for its policies (003). 002's helpers were SQL functions that
-- cannot be inlined (SECURITY DEFINER), so every call planned fortnight_my_teams' query, then
-- fortnight_sees_team's and fortnight_officer_of's, afresh: some 0.3 ms a call, most of the statement's
-- time (7.3 ms of server time a signing, 1.4 ms after this migration, at a load average of 10). The same
-- queries in PL/pgSQL are planned once per connection and kept. Likewise 003's writes of the record
-- tables were dynamic (EXECUTE format(...)), planned on every call; they are now one static statement
-- per table, planned once.
-- Who sees what is unchanged: fortnight_officer_of and fortnight_sees_team run the queries they
-- replace, and fortnight_my_teams asks fortnight_sees_team's question in one query, each under the same
-- name, arguments, owner, SECURITY DEFINER and search_path (so the policies that call them, and the
-- grants on them, stay as they are); fortnight_write_change stays SECURITY INVOKER.

CREATE OR REPLACE FUNCTION fortnight_officer_of(who name, t text) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public AS $$
BEGIN
	RETURN (SELECT officer_id FROM fortnight_logins WHERE role_name = who AND team_id = t);
END $$;

CREATE OR REPLACE FUNCTION fortnight_sees_team(t text, who name) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
BEGIN
	IF me IS NULL THEN
		RETURN false;
	END IF;
	RETURN EXISTS (
		SELECT 1 FROM fortnight_teams
		WHERE team_id = t AND (sergeant_id = me OR inspector_id = me)
	) OR EXISTS (
		SELECT 1 FROM fortnight_absences a JOIN fortnight_teams tm USING (team_id)
		WHERE a.team_id = t
			AND a.doc->>'officerId' = tm.sergeant_id
			AND a.doc->>'coverOfficerId' = me
			AND (a.doc->>'from')::date <= current_date
			AND (a.doc->>'to' IS NULL OR (a.doc->>'to')::date >= current_date)
	);
END $$;

-- fortnight_sees_team(team_id, who) for each of the role's logins, as one query (the login's officer_id is
-- fortnight_officer_of(who, team_id): one row per role and team), so a policy check is one query, not
-- three functions called in turn.
CREATE OR REPLACE FUNCTION fortnight_my_teams(who name) RETURNS text[] LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public AS $$
BEGIN
	RETURN (
		SELECT coalesce(array_agg(l.team_id), '{}')
		FROM fortnight_logins l JOIN fortnight_teams tm ON tm.team_id = l.team_id
		WHERE l.role_name = who AND (
			tm.sergeant_id = l.officer_id OR tm.inspector_id = l.officer_id
			OR EXISTS (
				SELECT 1 FROM fortnight_absences a
				WHERE a.team_id = l.team_id
					AND a.doc->>'officerId' = tm.sergeant_id
					AND a.doc->>'coverOfficerId' = l.officer_id
					AND (a.doc->>'from')::date <= current_date
					AND (a.doc->>'to' IS NULL OR (a.doc->>'to')::date >= current_date)
			)
		)
	);
END $$;

-- 003's function, replaced by one with static statements and the same checks and writes:
-- - The team row is updated first: the update locks it and matches only while the revision is still the
--   one the change was made on, so it is 003's lock and revision check in one statement (nothing else
--   has been written when it matches no row; a writer that comes second waits on the row, then finds
--   the revision moved).
-- - The records, the chain entries, the team and the settings come as JSON (an array each for records
--   and entries), not as elements of text arrays: the client sends the text as it is instead of
--   escaping every quote of every record into an array literal, and json_array_elements gives each
--   element's text exactly as sent (type json), so what is stored is byte for byte what fortnight wrote.
DROP FUNCTION fortnight_write_change(text, bigint, bigint, text[], text[], integer[], text[], text[], text[],
	bigint[], text[], text[], text[], text[], text[], text[], text[], text, text);

CREATE FUNCTION fortnight_write_change(
	t text, expected bigint, rev bigint,
	up_tables text[], up_keys text[], up_ords integer[], up_docs json,
	gone_tables text[], gone_keys text[],
	c_seq bigint[], c_kind text[], c_case text[], c_prev text[], c_hash text[], c_entries json,
	team_cols text[], team_doc json, settings_doc json, what text[], notice text, wid text
) RETURNS boolean LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
	tbl text;
	gone text[];
	lists constant text[] := ARRAY['fortnight_officers', 'fortnight_absences', 'fortnight_cases', 'fortnight_welfare_events',
		'fortnight_concerns', 'fortnight_action_plans', 'fortnight_review_drafts'];
BEGIN
	-- team_cols: schema_version, updated_at, reference_date, sergeant_id, inspector_id.
	UPDATE fortnight_teams SET schema_version = team_cols[1]::integer, revision = rev, updated_at = team_cols[2],
		reference_date = team_cols[3], sergeant_id = team_cols[4], inspector_id = team_cols[5],
		team = team_doc, settings = settings_doc
		WHERE team_id = t AND revision = expected;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	FOR tbl IN SELECT DISTINCT x FROM unnest(gone_tables || up_tables) AS x LOOP
		IF NOT tbl = ANY (lists) THEN
			RAISE EXCEPTION 'not a table of team records: %', tbl USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END LOOP;
	IF json_array_length(up_docs) <> cardinality(up_keys) OR json_array_length(c_entries) <> cardinality(c_seq) THEN
		RAISE EXCEPTION 'the records or chain entries do not match their keys' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOR tbl IN SELECT DISTINCT x FROM unnest(gone_tables) AS x LOOP
		gone := ARRAY(SELECT k FROM unnest(gone_tables, gone_keys) AS g(tb, k) WHERE tb = tbl);
		CASE tbl
			WHEN 'fortnight_officers' THEN DELETE FROM fortnight_officers WHERE team_id = t AND key = ANY (gone);
			WHEN 'fortnight_absences' THEN DELETE FROM fortnight_absences WHERE team_id = t AND key = ANY (gone);
			WHEN 'fortnight_cases' THEN DELETE FROM fortnight_cases WHERE team_id = t AND key = ANY (gone);
			WHEN 'fortnight_welfare_events' THEN DELETE FROM fortnight_welfare_events WHERE team_id = t AND key = ANY (gone);
			WHEN 'fortnight_concerns' THEN DELETE FROM fortnight_concerns WHERE team_id = t AND key = ANY (gone);
			WHEN 'fortnight_action_plans' THEN DELETE FROM fortnight_action_plans WHERE team_id = t AND key = ANY (gone);
			WHEN 'fortnight_review_drafts' THEN DELETE FROM fortnight_review_drafts WHERE team_id = t AND key = ANY (gone);
		END CASE;
	END LOOP;
	FOR tbl IN SELECT DISTINCT x FROM unnest(up_tables) AS x LOOP
		CASE tbl
			WHEN 'fortnight_officers' THEN
				INSERT INTO fortnight_officers (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_absences' THEN
				INSERT INTO fortnight_absences (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_cases' THEN
				INSERT INTO fortnight_cases (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_welfare_events' THEN
				INSERT INTO fortnight_welfare_events (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_concerns' THEN
				INSERT INTO fortnight_concerns (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_action_plans' THEN
				INSERT INTO fortnight_action_plans (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_review_drafts' THEN
				INSERT INTO fortnight_review_drafts (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
		END CASE;
	END LOOP;
	IF cardinality(c_seq) > 0 THEN
		INSERT INTO fortnight_chain (team_id, seq, kind, case_ref, prev_hash, hash, entry)
			SELECT t, u.s, u.k, u.c, u.p, u.h, j.e
			FROM unnest(c_seq, c_kind, c_case, c_prev, c_hash) WITH ORDINALITY AS u(s, k, c, p, h, n)
			JOIN json_array_elements(c_entries) WITH ORDINALITY AS j(e, n) ON j.n = u.n
			ORDER BY u.n;
	END IF;
	INSERT INTO fortnight_changes (team_id, revision, role, officer_id, what, write_id)
		VALUES (t, rev, current_user, fortnight_officer_of(current_user, t), what, wid);
	PERFORM pg_notify('fortnight', notice);
	RETURN true;
END $$;
GRANT EXECUTE ON FUNCTION fortnight_write_change(text, bigint, bigint, text[], text[], integer[], json, text[], text[],
	bigint[], text[], text[], text[], text[], json, text[], json, json, text[], text, text) TO fortnight_officer;
