-- Three costs of a signing's one statement on the server (README "PostgreSQL"; issue 19's bench: "signing
-- within 2x of a bare INSERT round trip"), each paid on every signing, with who may do what unchanged.
--
-- 1. fortnight_my_teams (006), asked by the policies once per statement (003), seven or eight times a
--    signing: one query joining the role's logins to every team row, then the absences. The planner took
--    it as a hash join over a sequential scan of fortnight_teams, whose every row version a change leaves
--    behind until vacuum (40 rows in 20 pages in the bench's force): some 20 to 75 us a call (load
--    averages of 3 to 10), about twice what the two queries below cost.
--    Now the teams where the login's officer is the sergeant or the inspector are asked first, by key;
--    only a login left over (a cover's: the team is theirs only through an absence of its sergeant) is
--    then asked the absence question, as before. The answer is the same set of teams: a team is in it when
--    the role's officer there is its sergeant, its inspector, or the named cover of an absence of its
--    sergeant that includes today, exactly 006's condition, split in two. Same name, argument, owner,
--    SECURITY DEFINER, STABLE and grants (CREATE OR REPLACE keeps them); search_path with pg_temp last (012).
--
-- 2. fortnight_write_change (009) wrote a record the team did not hold yet (a signing's welfare check-in) by
--    an INSERT guarded by NOT EXISTS over the record's table: planned generically, that read every key the
--    team holds in the table (455 welfare events for the bench's team of 1,250 cases) and asked the
--    policies once more. The UPDATE of the held records now says which keys it updated (RETURNING), and
--    only the other keys are inserted, with ON CONFLICT DO UPDATE kept as before for a row another writer
--    made meanwhile. The records' and the entries' JSON arrays are each read once (they were read by every
--    statement that used them, and once more to count them). What is written, and under which policies
--    and triggers, is unchanged: still SECURITY INVOKER, the team row first and matched on the revision,
--    the same statements in the same order, same name, arguments and grant.
--    Measured together with 3, the bench's signing worker against a copy of the force at 013, six rounds
--    each at load averages of 11 to 13: the server's CPU for a signing 2.04 -> 1.54 ms (medians).
--
-- 3. fortnight_case_others (013), which the case's guard asks twice for each list a change touches (a
--    signing: its actions and, when the risk changes, its risk history), was a SQL function: with its own
--    search_path it cannot be inlined, and a SQL function's query is parsed and planned again on every
--    call, some 0.3 ms of a signing's server time (replayed, at a load average of 8). The same query in
--    PL/pgSQL is planned once per connection. Same name, arguments, result, IMMUTABLE, search_path and
--    grants; the same elements, in the same order.

CREATE OR REPLACE FUNCTION fortnight_my_teams(who name) RETURNS text[] LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	mine text[];
BEGIN
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

CREATE OR REPLACE FUNCTION fortnight_write_change(
	t text, expected bigint, rev bigint,
	up_tables text[], up_keys text[], up_ords integer[], up_docs json,
	gone_tables text[], gone_keys text[],
	c_seq bigint[], c_kind text[], c_case text[], c_prev text[], c_hash text[], c_entries json,
	team_cols text[], team_doc json, settings_doc json, what text[], notice text, wid text
) RETURNS boolean LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	tbl text;
	gone text[];
	me text;
	held text[];
	docs json[];
	entries json[];
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
	-- Each JSON array read once, into its elements (each element's text exactly as sent: type json).
	docs := ARRAY(SELECT j.d FROM json_array_elements(up_docs) WITH ORDINALITY AS j(d, n) ORDER BY j.n);
	entries := ARRAY(SELECT j.e FROM json_array_elements(c_entries) WITH ORDINALITY AS j(e, n) ORDER BY j.n);
	IF cardinality(docs) <> cardinality(up_keys) OR cardinality(up_tables) <> cardinality(up_keys)
		OR cardinality(up_ords) <> cardinality(up_keys) OR cardinality(gone_tables) <> cardinality(gone_keys)
		OR cardinality(entries) <> cardinality(c_seq) THEN
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
		-- The records held: updated in place, their keys kept. Then, only if some were not held, those inserted.
		CASE tbl
			WHEN 'fortnight_officers' THEN
				WITH x AS (UPDATE fortnight_officers r SET ord = u.o, revision = rev, doc = u.d
					FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
					WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k RETURNING r.key)
				SELECT coalesce(array_agg(x.key), '{}') INTO held FROM x;
			WHEN 'fortnight_absences' THEN
				WITH x AS (UPDATE fortnight_absences r SET ord = u.o, revision = rev, doc = u.d
					FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
					WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k RETURNING r.key)
				SELECT coalesce(array_agg(x.key), '{}') INTO held FROM x;
			WHEN 'fortnight_cases' THEN
				WITH x AS (UPDATE fortnight_cases r SET ord = u.o, revision = rev, doc = u.d
					FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
					WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k RETURNING r.key)
				SELECT coalesce(array_agg(x.key), '{}') INTO held FROM x;
			WHEN 'fortnight_welfare_events' THEN
				WITH x AS (UPDATE fortnight_welfare_events r SET ord = u.o, revision = rev, doc = u.d
					FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
					WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k RETURNING r.key)
				SELECT coalesce(array_agg(x.key), '{}') INTO held FROM x;
			WHEN 'fortnight_concerns' THEN
				WITH x AS (UPDATE fortnight_concerns r SET ord = u.o, revision = rev, doc = u.d
					FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
					WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k RETURNING r.key)
				SELECT coalesce(array_agg(x.key), '{}') INTO held FROM x;
			WHEN 'fortnight_action_plans' THEN
				WITH x AS (UPDATE fortnight_action_plans r SET ord = u.o, revision = rev, doc = u.d
					FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
					WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k RETURNING r.key)
				SELECT coalesce(array_agg(x.key), '{}') INTO held FROM x;
			WHEN 'fortnight_review_drafts' THEN
				WITH x AS (UPDATE fortnight_review_drafts r SET ord = u.o, revision = rev, doc = u.d
					FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
					WHERE u.tb = tbl AND r.team_id = t AND r.key = u.k RETURNING r.key)
				SELECT coalesce(array_agg(x.key), '{}') INTO held FROM x;
		END CASE;
		CONTINUE WHEN cardinality(held) = cardinality(array_positions(up_tables, tbl));
		CASE tbl
			WHEN 'fortnight_officers' THEN
				INSERT INTO fortnight_officers (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, u.d
				FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
				WHERE u.tb = tbl AND u.k <> ALL (held)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_absences' THEN
				INSERT INTO fortnight_absences (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, u.d
				FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
				WHERE u.tb = tbl AND u.k <> ALL (held)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_cases' THEN
				INSERT INTO fortnight_cases (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, u.d
				FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
				WHERE u.tb = tbl AND u.k <> ALL (held)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_welfare_events' THEN
				INSERT INTO fortnight_welfare_events (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, u.d
				FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
				WHERE u.tb = tbl AND u.k <> ALL (held)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_concerns' THEN
				INSERT INTO fortnight_concerns (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, u.d
				FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
				WHERE u.tb = tbl AND u.k <> ALL (held)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_action_plans' THEN
				INSERT INTO fortnight_action_plans (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, u.d
				FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
				WHERE u.tb = tbl AND u.k <> ALL (held)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
			WHEN 'fortnight_review_drafts' THEN
				INSERT INTO fortnight_review_drafts (team_id, key, ord, revision, doc)
				SELECT t, u.k, u.o, rev, u.d
				FROM unnest(up_tables, up_keys, up_ords, docs) AS u(tb, k, o, d)
				WHERE u.tb = tbl AND u.k <> ALL (held)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc;
		END CASE;
	END LOOP;
	IF cardinality(c_seq) > 0 THEN
		INSERT INTO fortnight_chain (team_id, seq, kind, case_ref, prev_hash, hash, entry)
			SELECT t, u.s, u.k, u.c, u.p, u.h, u.e
			FROM unnest(c_seq, c_kind, c_case, c_prev, c_hash, entries) WITH ORDINALITY AS u(s, k, c, p, h, e, n)
			ORDER BY u.n;
	END IF;
	INSERT INTO fortnight_changes (team_id, revision, role, officer_id, what, write_id)
		VALUES (t, rev, current_user, me, what, wid);
	PERFORM pg_notify('fortnight', notice);
	RETURN true;
END $$;

CREATE OR REPLACE FUNCTION fortnight_case_others(list jsonb, nested boolean, field text, mine jsonb) RETURNS jsonb
	LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	IF nested THEN
		RETURN (SELECT coalesce(jsonb_agg(jsonb_build_array(a.e->'id', h.e) ORDER BY a.i, h.i), '[]')
			FROM jsonb_array_elements(CASE jsonb_typeof(list) WHEN 'array' THEN list ELSE '[]' END) WITH ORDINALITY AS a(e, i)
			CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(a.e->'history') WHEN 'array' THEN a.e->'history' ELSE '[]' END)
				WITH ORDINALITY AS h(e, i)
			WHERE h.e->field IS DISTINCT FROM mine);
	END IF;
	RETURN (SELECT coalesce(jsonb_agg(x.e ORDER BY x.i), '[]')
		FROM jsonb_array_elements(CASE jsonb_typeof(list) WHEN 'array' THEN list ELSE '[]' END) WITH ORDINALITY AS x(e, i)
		WHERE x.e->field IS DISTINCT FROM mine);
END $$;
