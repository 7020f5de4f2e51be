-- Who sees what (README "PostgreSQL", "What each role may do"): one database role per person, mapped to
-- their officer id in each team they belong to in fortnight_logins (an officer's id is the team's own:
-- an inspector over three teams has three rows), and every such role a member of fortnight_officer. Row-level
-- security then lets a role see and change a team's records only when its officer is the team's
-- sergeant, its inspector, or the named cover of an absence of the team's sergeant on today's date;
-- welfare notes only to the officer's line manager on the note's date. The database's owner (who runs
-- `fortnight store migrate` and `store copy`) is not subject to these policies.

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fortnight_officer') THEN
		CREATE ROLE fortnight_officer NOLOGIN;
	END IF;
END $$;

CREATE TABLE fortnight_logins (
	role_name name NOT NULL,
	team_id text NOT NULL REFERENCES fortnight_teams,
	officer_id text NOT NULL,
	PRIMARY KEY (role_name, team_id)
);

-- The officer the role `who` is in team `t`, or null.
CREATE FUNCTION fortnight_officer_of(who name, t text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public AS $$
	SELECT officer_id FROM fortnight_logins WHERE role_name = who AND team_id = t
$$;

-- True when `who` may see team `t` today: its sergeant, its inspector, or the cover named on an absence
-- of its sergeant that includes today.
CREATE FUNCTION fortnight_sees_team(t text, who name) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public AS $$
	WITH me AS (SELECT fortnight_officer_of(who, t) AS id)
	SELECT EXISTS (
		SELECT 1 FROM fortnight_teams, me
		WHERE team_id = t AND me.id IS NOT NULL AND (sergeant_id = me.id OR inspector_id = me.id)
	) OR EXISTS (
		SELECT 1 FROM fortnight_absences a JOIN fortnight_teams tm USING (team_id), me
		WHERE a.team_id = t AND me.id IS NOT NULL
			AND a.doc->>'officerId' = tm.sergeant_id
			AND a.doc->>'coverOfficerId' = me.id
			AND (a.doc->>'from')::date <= current_date
			AND (a.doc->>'to' IS NULL OR (a.doc->>'to')::date >= current_date)
	)
$$;

-- True when `who` was the line manager of officer `o` of team `t` on day `d`: the team's sergeant then
-- for an investigator, its inspector then for a sergeant (the team's supervision history, schema 2).
CREATE FUNCTION fortnight_line_manager(t text, o text, d date, who name) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public AS $$
	SELECT EXISTS (
		SELECT 1
		FROM fortnight_teams tm
		JOIN fortnight_officers off ON off.team_id = tm.team_id AND off.key = o
		CROSS JOIN LATERAL json_array_elements(tm.team->'supervision') AS p
		WHERE tm.team_id = t
			AND p->>'officerId' = fortnight_officer_of(who, t)
			AND p->>'role' = CASE off.doc->>'role' WHEN 'investigator' THEN 'sergeant' WHEN 'sergeant' THEN 'inspector' END
			AND (p->>'from' IS NULL OR (p->>'from')::date <= d)
			AND (p->>'to' IS NULL OR d < (p->>'to')::date)
	)
$$;

REVOKE ALL ON FUNCTION fortnight_officer_of(name, text), fortnight_sees_team(text, name),
	fortnight_line_manager(text, text, date, name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_officer_of(name, text), fortnight_sees_team(text, name),
	fortnight_line_manager(text, text, date, name) TO fortnight_officer;

GRANT SELECT ON fortnight_migrations TO fortnight_officer;
GRANT SELECT ON fortnight_logins TO fortnight_officer;
ALTER TABLE fortnight_logins ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_login ON fortnight_logins FOR SELECT USING (role_name = current_user);

-- Teams are made by the owner (store copy); an officer reads and updates (revision, team) their own.
GRANT SELECT, UPDATE ON fortnight_teams TO fortnight_officer;
ALTER TABLE fortnight_teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_read ON fortnight_teams FOR SELECT USING (fortnight_sees_team(team_id, current_user));
CREATE POLICY team_write ON fortnight_teams FOR UPDATE USING (fortnight_sees_team(team_id, current_user))
	WITH CHECK (fortnight_sees_team(team_id, current_user));

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['fortnight_officers', 'fortnight_absences', 'fortnight_cases', 'fortnight_welfare_events',
		'fortnight_concerns', 'fortnight_action_plans', 'fortnight_review_drafts'] LOOP
		EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO fortnight_officer', t);
		EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY team_records ON %I USING (fortnight_sees_team(team_id, current_user)) '
			'WITH CHECK (fortnight_sees_team(team_id, current_user))', t);
	END LOOP;
END $$;

-- The chain: read and append within one's teams; nobody is granted UPDATE, DELETE or TRUNCATE.
REVOKE ALL ON fortnight_chain FROM PUBLIC;
GRANT SELECT, INSERT ON fortnight_chain TO fortnight_officer;
ALTER TABLE fortnight_chain ENABLE ROW LEVEL SECURITY;
CREATE POLICY chain_read ON fortnight_chain FOR SELECT USING (fortnight_sees_team(team_id, current_user));
CREATE POLICY chain_append ON fortnight_chain FOR INSERT WITH CHECK (fortnight_sees_team(team_id, current_user));

-- Welfare notes: filed by an officer of the team in their own name; read only by the line manager.
REVOKE ALL ON fortnight_welfare_notes FROM PUBLIC;
GRANT SELECT, INSERT ON fortnight_welfare_notes TO fortnight_officer;
ALTER TABLE fortnight_welfare_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY welfare_read ON fortnight_welfare_notes FOR SELECT
	USING (fortnight_line_manager(team_id, officer_id, date, current_user));
CREATE POLICY welfare_file ON fortnight_welfare_notes FOR INSERT
	WITH CHECK (fortnight_sees_team(team_id, current_user) AND by = fortnight_officer_of(current_user, team_id));

-- Pending welfare notes: each officer sees and changes only their own (and only in a team they see).
REVOKE ALL ON fortnight_welfare_pending FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON fortnight_welfare_pending TO fortnight_officer;
ALTER TABLE fortnight_welfare_pending ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_pending ON fortnight_welfare_pending
	USING (fortnight_sees_team(team_id, current_user) AND by = fortnight_officer_of(current_user, team_id))
	WITH CHECK (fortnight_sees_team(team_id, current_user) AND by = fortnight_officer_of(current_user, team_id));

-- Who changed what: read by those who see the team; written only in one's own name.
REVOKE ALL ON fortnight_changes FROM PUBLIC;
GRANT SELECT, INSERT ON fortnight_changes TO fortnight_officer;
ALTER TABLE fortnight_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY changes_read ON fortnight_changes FOR SELECT USING (fortnight_sees_team(team_id, current_user));
CREATE POLICY changes_write ON fortnight_changes FOR INSERT
	WITH CHECK (fortnight_sees_team(team_id, current_user) AND role = current_user);
