-- What only the database's owner sets, and who wrote a change, re-checked by the database (REVIEW-9 D3,
-- D8, N4; README "PostgreSQL", "What each role may do"). Each was open to any login that sees a team,
-- through psql, and fortnight never does any of them:
--
-- 1. The team row (fortnight_teams). A person's role could rewrite the team's thresholds (`settings`:
--    one UPDATE took the inspector's problems from 49 to 30, bail and welfare alarms among them), its
--    schema version or reference date, or move its `revision` anywhere (back one: every later save failed
--    on fortnight_changes' key; forward: desks reading "rows written since" skipped rows). No fortnight
--    command changes the thresholds (DOMAIN: "a setting in the store", set where the store is made); a
--    change moves the revision on by exactly one (store/apply-change.ts). For a person's role now: the
--    revision moves on by one in every UPDATE, and settings, schema_version and reference_date stay as they
--    are. The supervision columns are 004's, unchanged.
--
-- 2. Who changed what (fortnight_changes). The row a desk reads to say "DS Brennan changed case ..." was
--    any row the login wrote for its team: another officer's name, any words, any revision, future ones
--    included (which also made every later save of the team fail on the key until the owner deleted them).
--    A person's role now writes only the row of the revision its own change has just made (the team row's
--    revision as this transaction sees it, after its UPDATE), in its own officer's name, at the time of
--    writing. fortnight's two writers (014's fortnight_write_change, and pg-store.ts's long way) insert
--    exactly that row after the team row's UPDATE.
--
-- 3. Officer records (fortnight_officers). 008 kept id, role and line manager the owner's; the other
--    fields the rules read were free: hours (workload), joining date (tenure, new starters), image exposure
--    (screening: one UPDATE cleared a 218-day-overdue screening, the source case's own failure), leaving
--    date, mentor and login. No fortnight command changes an officer record; the records system's import,
--    run by the database's owner, does. A person's role now changes none of it.
--
-- The owner (no row in fortnight_logins for the team: who copies teams in and migrates) is not checked.
-- Each check is by value (jsonb), so a writer that sends the same record or settings as text laid out
-- differently is not refused; the text is compared first, which is all a signing pays (issue 19's bench).

CREATE FUNCTION fortnight_guard_team_row() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	IF fortnight_officer_of(current_user, OLD.team_id) IS NULL THEN
		RETURN NEW;
	END IF;
	IF NEW.team_id IS DISTINCT FROM OLD.team_id THEN
		RAISE EXCEPTION 'no officer may rename a team: the database''s owner does'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NEW.revision IS DISTINCT FROM OLD.revision + 1 THEN
		RAISE EXCEPTION 'a change moves the team''s revision on by one, from % to %, not to %', OLD.revision, OLD.revision + 1, NEW.revision
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NEW.settings::text IS DISTINCT FROM OLD.settings::text AND NEW.settings::jsonb IS DISTINCT FROM OLD.settings::jsonb THEN
		RAISE EXCEPTION 'no officer may change the team''s thresholds (its settings): the database''s owner does'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NEW.schema_version IS DISTINCT FROM OLD.schema_version OR NEW.reference_date IS DISTINCT FROM OLD.reference_date THEN
		RAISE EXCEPTION 'no officer may change the team''s schema version or reference date: the database''s owner does'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END $$;

-- Named to fire after 004's fortnight_teams_supervision (BEFORE triggers run in name order), so a change of
-- who supervises is refused in that guard's own words first.
CREATE TRIGGER fortnight_teams_thresholds_and_revision BEFORE UPDATE ON fortnight_teams
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_team_row();

CREATE FUNCTION fortnight_guard_change_row() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(current_user, NEW.team_id);
	current_rev bigint;
BEGIN
	IF me IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT revision INTO current_rev FROM fortnight_teams WHERE team_id = NEW.team_id;
	IF NEW.revision IS DISTINCT FROM current_rev THEN
		RAISE EXCEPTION 'who changed what is written with the change itself: revision % is not the one this change made (the team is at %)',
			NEW.revision, current_rev
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NEW.officer_id IS DISTINCT FROM me THEN
		RAISE EXCEPTION 'a change is recorded in its writer''s own name (officer %), not another''s', me
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	NEW.at := now();
	RETURN NEW;
END $$;

CREATE TRIGGER fortnight_changes_own_row BEFORE INSERT ON fortnight_changes
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_change_row();

-- 008's officer guard, now for every field of the record (1 KB at most; only run when the text differs).
CREATE OR REPLACE FUNCTION fortnight_guard_officer() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	t text;
	k text;
BEGIN
	IF TG_OP = 'INSERT' THEN
		t := NEW.team_id;
		k := NEW.key;
	ELSE
		t := OLD.team_id;
		k := OLD.key;
	END IF;
	IF fortnight_officer_of(current_user, t) IS NULL THEN
		RETURN NULL;
	END IF;
	IF TG_OP = 'INSERT' THEN
		RAISE EXCEPTION 'no officer may add an officer record (%): the database''s owner does', k
			USING ERRCODE = 'insufficient_privilege';
	ELSIF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'no officer may remove an officer record (%): the database''s owner does', k
			USING ERRCODE = 'insufficient_privilege';
	ELSIF NEW.team_id IS DISTINCT FROM OLD.team_id OR NEW.key IS DISTINCT FROM OLD.key
		OR NEW.doc::jsonb IS DISTINCT FROM OLD.doc::jsonb THEN
		RAISE EXCEPTION 'no officer may change officer %''s record (who they are, their role, line manager, hours, dates, image exposure, mentor or login): the database''s owner does', k
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NULL;
END $$;
