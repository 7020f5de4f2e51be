-- The one-statement write (006) with fewer statements and row-level security checks a change (README
-- "PostgreSQL"; issue 19's bench: "signing within 2x of a bare INSERT round trip"). A signing's write ran
-- some seventeen statements on the server: its own eight or so, and for each statement that wrote a
-- row, a call of fortnight_my_teams per policy it met (003): seven calls a signing, each a function call
-- and a query of its own. Measured (a signing's write replayed and committed in a loop, the server
-- process's CPU time), row-level security was a fifth of the write, and the rest mostly the cost of
-- starting each statement. Now:
-- - the tables named are checked against the team's record tables by one array comparison, and only
--   the tables the change writes are visited, in a loop over the list of tables, not by three queries
--   (SELECT DISTINCT over the arrays) each planned and run;
-- - a record the team already holds (a signing's case) is written by an UPDATE, whose policies are its
--   USING and WITH CHECK; 006's INSERT ... ON CONFLICT DO UPDATE met three (the INSERT's WITH CHECK as
--   well). Only records not already held are then inserted (ON CONFLICT DO UPDATE kept for those, as
--   before). The row triggers fire as before: an UPDATE's for a held record, an INSERT's for a new one;
-- - the team's record and settings are rewritten only when the change changed them (the program sends
--   NULL for "unchanged"; neither can be SQL NULL otherwise: both columns are NOT NULL);
-- - who is writing (fortnight_changes.officer_id) is read by the team row's UPDATE, from the writer's
--   own row of fortnight_logins (its policy own_login lets a role read its own rows), not by a call of
--   fortnight_officer_of (a SECURITY DEFINER function: a function call and a query of its own).
-- What is checked is unchanged: every statement still runs under the caller's own privileges, policies
-- and triggers (SECURITY INVOKER); the team row is still updated first, matching only while the
-- revision is the one the change was made on, so nothing is written when it moved on; a table that is
-- not a team's records is still refused before anything but the team row is written (and that
-- rolls back with the refusal). Same name, arguments and grant, so the program's call is unchanged.

CREATE OR REPLACE FUNCTION fortnight_write_change(
	t text, expected bigint, rev bigint,
	up_tables text[], up_keys text[], up_ords integer[], up_docs json,
	gone_tables text[], gone_keys text[],
	c_seq bigint[], c_kind text[], c_case text[], c_prev text[], c_hash text[], c_entries json,
	team_cols text[], team_doc json, settings_doc json, what text[], notice text, wid text
) RETURNS boolean LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
	tbl text;
	gone text[];
	me text;
	held integer;
	lists constant text[] := ARRAY['fortnight_officers', 'fortnight_absences', 'fortnight_cases', 'fortnight_welfare_events',
		'fortnight_concerns', 'fortnight_action_plans', 'fortnight_review_drafts'];
BEGIN
	-- team_cols: schema_version, updated_at, reference_date, sergeant_id, inspector_id.
	UPDATE fortnight_teams SET schema_version = team_cols[1]::integer, revision = rev, updated_at = team_cols[2],
		reference_date = team_cols[3], sergeant_id = team_cols[4], inspector_id = team_cols[5],
		team = coalesce(team_doc, team), settings = coalesce(settings_doc, settings)
		WHERE team_id = t AND revision = expected
		RETURNING (SELECT l.officer_id FROM fortnight_logins l WHERE l.role_name = current_user AND l.team_id = t) INTO me;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	IF NOT (gone_tables || up_tables) <@ lists THEN
		RAISE EXCEPTION 'not a table of team records: %', array_to_string(ARRAY(SELECT unnest(gone_tables || up_tables) EXCEPT
			SELECT unnest(lists)), ', ') USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF json_array_length(up_docs) <> cardinality(up_keys) OR cardinality(up_tables) <> cardinality(up_keys)
		OR cardinality(up_ords) <> cardinality(up_keys) OR cardinality(gone_tables) <> cardinality(gone_keys)
		OR json_array_length(c_entries) <> cardinality(c_seq) THEN
		RAISE EXCEPTION 'the records or chain entries do not match their keys' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOREACH tbl IN ARRAY lists LOOP
		CONTINUE WHEN NOT tbl = ANY (gone_tables);
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
	FOREACH tbl IN ARRAY lists LOOP
		CONTINUE WHEN NOT tbl = ANY (up_tables);
		-- The records held: updated in place. Then, only if some were not held, those inserted.
		CASE tbl
			WHEN 'fortnight_officers' THEN
				UPDATE fortnight_officers r SET ord = u.o, revision = rev, doc = j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k;
			WHEN 'fortnight_absences' THEN
				UPDATE fortnight_absences r SET ord = u.o, revision = rev, doc = j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k;
			WHEN 'fortnight_cases' THEN
				UPDATE fortnight_cases r SET ord = u.o, revision = rev, doc = j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k;
			WHEN 'fortnight_welfare_events' THEN
				UPDATE fortnight_welfare_events r SET ord = u.o, revision = rev, doc = j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k;
			WHEN 'fortnight_concerns' THEN
				UPDATE fortnight_concerns r SET ord = u.o, revision = rev, doc = j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k;
			WHEN 'fortnight_action_plans' THEN
				UPDATE fortnight_action_plans r SET ord = u.o, revision = rev, doc = j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k;
			WHEN 'fortnight_review_drafts' THEN
				UPDATE fortnight_review_drafts r SET ord = u.o, revision = rev, doc = j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k;
		END CASE;
		GET DIAGNOSTICS held = ROW_COUNT;
		CONTINUE WHEN held = cardinality(array_positions(up_tables, tbl));
		CASE tbl
			WHEN 'fortnight_officers' THEN
				INSERT INTO fortnight_officers (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND NOT EXISTS (SELECT 1 FROM fortnight_officers r WHERE r.team_id = t AND r.key = u.k)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_absences' THEN
				INSERT INTO fortnight_absences (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND NOT EXISTS (SELECT 1 FROM fortnight_absences r WHERE r.team_id = t AND r.key = u.k)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_cases' THEN
				INSERT INTO fortnight_cases (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND NOT EXISTS (SELECT 1 FROM fortnight_cases r WHERE r.team_id = t AND r.key = u.k)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_welfare_events' THEN
				INSERT INTO fortnight_welfare_events (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND NOT EXISTS (SELECT 1 FROM fortnight_welfare_events r WHERE r.team_id = t AND r.key = u.k)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_concerns' THEN
				INSERT INTO fortnight_concerns (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND NOT EXISTS (SELECT 1 FROM fortnight_concerns r WHERE r.team_id = t AND r.key = u.k)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_action_plans' THEN
				INSERT INTO fortnight_action_plans (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND NOT EXISTS (SELECT 1 FROM fortnight_action_plans r WHERE r.team_id = t AND r.key = u.k)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_review_drafts' THEN
				INSERT INTO fortnight_review_drafts (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, j.d
				FROM unnest(up_tables, up_keys, up_ords) WITH ORDINALITY AS u(tb, k, o, n)
				JOIN json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ON j.n = u.n
				WHERE u.tb = tbl AND NOT EXISTS (SELECT 1 FROM fortnight_review_drafts r WHERE r.team_id = t AND r.key = u.k)
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
		VALUES (t, rev, current_user, me, what, wid);
	PERFORM pg_notify('fortnight', notice);
	RETURN true;
END $$;
