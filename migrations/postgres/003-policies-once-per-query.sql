-- Row-level security checked once per query, not once per row (README "PostgreSQL"; issue 19's bench).
-- 002's policies call fortnight_sees_team(team_id, current_user) for every row a query touches: reading
-- one team of 1,250 cases as its sergeant ran the function for each of its 12,500 chain entries (1.7 s
-- where the owner's read took 0.1 s). The same rule is now asked once per query: the teams the role
-- sees today, as an array the planner computes first (the scalar sub-select is an InitPlan) and then
-- matches against each row's team_id like a constant, through the same (team_id, ...) index.
-- Who sees what is unchanged: fortnight_my_teams(who) is exactly the teams for which 002's
-- fortnight_sees_team(team, who) is true (every team it could be true for has a row in fortnight_logins).

CREATE FUNCTION fortnight_my_teams(who name) RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public AS $$
	SELECT coalesce(array_agg(team_id), '{}') FROM fortnight_logins WHERE role_name = who AND fortnight_sees_team(team_id, who)
$$;
REVOKE ALL ON FUNCTION fortnight_my_teams(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_my_teams(name) TO fortnight_officer;

DROP POLICY team_read ON fortnight_teams;
DROP POLICY team_write ON fortnight_teams;
CREATE POLICY team_read ON fortnight_teams FOR SELECT USING (team_id = ANY ((SELECT fortnight_my_teams(current_user))::text[]));
CREATE POLICY team_write ON fortnight_teams FOR UPDATE USING (team_id = ANY ((SELECT fortnight_my_teams(current_user))::text[]))
	WITH CHECK (team_id = ANY ((SELECT fortnight_my_teams(current_user))::text[]));

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['fortnight_officers', 'fortnight_absences', 'fortnight_cases', 'fortnight_welfare_events',
		'fortnight_concerns', 'fortnight_action_plans', 'fortnight_review_drafts'] LOOP
		EXECUTE format('DROP POLICY team_records ON %I', t);
		EXECUTE format('CREATE POLICY team_records ON %I USING (team_id = ANY ((SELECT fortnight_my_teams(current_user))::text[])) '
			'WITH CHECK (team_id = ANY ((SELECT fortnight_my_teams(current_user))::text[]))', t);
	END LOOP;
END $$;

DROP POLICY chain_read ON fortnight_chain;
DROP POLICY chain_append ON fortnight_chain;
CREATE POLICY chain_read ON fortnight_chain FOR SELECT USING (team_id = ANY ((SELECT fortnight_my_teams(current_user))::text[]));
CREATE POLICY chain_append ON fortnight_chain FOR INSERT WITH CHECK (team_id = ANY ((SELECT fortnight_my_teams(current_user))::text[]));

DROP POLICY changes_read ON fortnight_changes;
DROP POLICY changes_write ON fortnight_changes;
CREATE POLICY changes_read ON fortnight_changes FOR SELECT USING (team_id = ANY ((SELECT fortnight_my_teams(current_user))::text[]));
CREATE POLICY changes_write ON fortnight_changes FOR INSERT
	WITH CHECK (team_id = ANY ((SELECT fortnight_my_teams(current_user))::text[]) AND role = current_user);

-- Which write made a revision (a random id per attempt): a writer whose connection dropped while its
-- statement ran can tell whether it committed, and never applies the change twice.
ALTER TABLE fortnight_changes ADD COLUMN write_id text;

-- A change in one round trip (pg-store.ts, the uncontended case): the team's row locked, its revision
-- checked against the one the change was made on, then the rows the change touched written, its chain
-- entries appended, the team row and who-changed-what recorded and the desks told, all in the caller's
-- transaction (autocommit: the statement's own). Returns false, having written nothing, when the team
-- moved on (another change committed first) or cannot be seen; the caller then takes the long way
-- (lock, read what changed, re-run the change). SECURITY INVOKER: every statement runs under the
-- caller's own privileges, policies and triggers, exactly as the long way's statements do.
CREATE FUNCTION fortnight_write_change(
	t text, expected bigint, rev bigint,
	up_tables text[], up_keys text[], up_ords integer[], up_docs text[],
	gone_tables text[], gone_keys text[],
	c_seq bigint[], c_kind text[], c_case text[], c_prev text[], c_hash text[], c_entry text[],
	team_row text[], what text[], notice text, wid text
) RETURNS boolean LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
	current_rev bigint;
	tbl text;
	lists constant text[] := ARRAY['fortnight_officers', 'fortnight_absences', 'fortnight_cases', 'fortnight_welfare_events',
		'fortnight_concerns', 'fortnight_action_plans', 'fortnight_review_drafts'];
BEGIN
	SELECT revision INTO current_rev FROM fortnight_teams WHERE team_id = t FOR UPDATE;
	IF NOT FOUND OR current_rev <> expected THEN
		RETURN false;
	END IF;
	FOR tbl IN SELECT DISTINCT x FROM unnest(gone_tables || up_tables) AS x LOOP
		IF NOT tbl = ANY (lists) THEN
			RAISE EXCEPTION 'not a table of team records: %', tbl USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END LOOP;
	FOR tbl IN SELECT DISTINCT x FROM unnest(gone_tables) AS x LOOP
		EXECUTE format('DELETE FROM %I WHERE team_id = $1 AND key = ANY ($2)', tbl)
			USING t, ARRAY(SELECT k FROM unnest(gone_tables, gone_keys) AS g(tb, k) WHERE tb = tbl);
	END LOOP;
	FOR tbl IN SELECT DISTINCT x FROM unnest(up_tables) AS x LOOP
		EXECUTE format('INSERT INTO %I (team_id, key, ord, revision, doc) '
			'SELECT $1, k, o, $2, d::json FROM unnest($3::text[], $4::text[], $5::integer[], $6::text[]) AS u(tb, k, o, d) WHERE tb = $7 '
			'ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc', tbl)
			USING t, rev, up_tables, up_keys, up_ords, up_docs, tbl;
	END LOOP;
	INSERT INTO fortnight_chain (team_id, seq, kind, case_ref, prev_hash, hash, entry)
		SELECT t, s, k, c, p, h, e::json
		FROM unnest(c_seq, c_kind, c_case, c_prev, c_hash, c_entry) WITH ORDINALITY AS u(s, k, c, p, h, e, n)
		ORDER BY n;
	-- team_row: schema_version, updated_at, reference_date, sergeant_id, inspector_id, team, settings.
	UPDATE fortnight_teams SET schema_version = team_row[1]::integer, revision = rev, updated_at = team_row[2],
		reference_date = team_row[3], sergeant_id = team_row[4], inspector_id = team_row[5],
		team = team_row[6]::json, settings = team_row[7]::json
		WHERE team_id = t;
	INSERT INTO fortnight_changes (team_id, revision, role, officer_id, what, write_id)
		VALUES (t, rev, current_user, fortnight_officer_of(current_user, t), what, wid);
	PERFORM pg_notify('fortnight', notice);
	RETURN true;
END $$;
GRANT EXECUTE ON FUNCTION fortnight_write_change(text, bigint, bigint, text[], text[], integer[], text[], text[], text[],
	bigint[], text[], text[], text[], text[], text[], text[], text[], text, text) TO fortnight_officer;
