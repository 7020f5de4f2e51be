-- Who may change a team's supervision history, re-checked by the database (README "PostgreSQL", "What
-- each role may do"). Until now only fortnight checked it, so an officer writing SQL to their own team's
-- row could rewrite who supervised the team when, and with it whose welfare notes the line-manager rule
-- (002, fortnight_line_manager) lets them read, or set the sergeant_id column the access rules read
-- without touching the record. fortnight itself never changes a team's supervision (no command does:
-- the history is seeded, README "Case history"), so for a person's own role the rules are:
-- - the columns the access rules read (sergeant_id, inspector_id) always say what the team record says;
-- - the sergeant's periods change only by the team's inspector (the next person up: never the sergeant
--   or a cover), and only forward: every period on record stays as it is, except that the open one may
--   be closed from today on, and a new one is added after the others, from today on, recorded as by them;
-- - the inspector's periods and inspector_id change by no officer (the database's owner appoints).
-- The owner (no row in fortnight_logins for the team: who copies teams in and migrates) is not checked.

CREATE FUNCTION fortnight_guard_supervision() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
	me text := fortnight_officer_of(current_user, OLD.team_id);
	old_s jsonb;
	new_s jsonb;
	o jsonb;
	p jsonb;
	i integer;
BEGIN
	IF me IS NULL THEN
		RETURN NEW;
	END IF;
	IF NEW.sergeant_id IS DISTINCT FROM NEW.team->>'sergeantId' OR NEW.inspector_id IS DISTINCT FROM NEW.team->>'inspectorId' THEN
		RAISE EXCEPTION 'the team''s sergeant_id and inspector_id must be those its record names'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	old_s := coalesce((OLD.team->'supervision')::jsonb, '[]');
	new_s := coalesce((NEW.team->'supervision')::jsonb, '[]');
	IF old_s = new_s AND NEW.sergeant_id = OLD.sergeant_id AND NEW.inspector_id IS NOT DISTINCT FROM OLD.inspector_id THEN
		RETURN NEW;
	END IF;
	IF me IS DISTINCT FROM OLD.inspector_id THEN
		RAISE EXCEPTION 'only the team''s inspector may change who supervises it (officer % may not)', me
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NEW.inspector_id IS DISTINCT FROM OLD.inspector_id THEN
		RAISE EXCEPTION 'no officer may change the team''s inspector: the database''s owner records that'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	FOR i IN 0 .. jsonb_array_length(old_s) - 1 LOOP
		o := old_s->i;
		p := new_s->i;
		CONTINUE WHEN o = p;
		-- The open sergeant period closed, on today or later, and nothing else about it changed.
		CONTINUE WHEN o->>'role' = 'sergeant' AND o->'to' = 'null'::jsonb AND p IS NOT NULL AND (o - 'to') = (p - 'to')
			AND p->>'to' IS NOT NULL AND (p->>'to')::date >= current_date;
		RAISE EXCEPTION 'the team''s supervision history cannot be rewritten: period % is on record as it was', i
			USING ERRCODE = 'insufficient_privilege';
	END LOOP;
	FOR i IN jsonb_array_length(old_s) .. jsonb_array_length(new_s) - 1 LOOP
		p := new_s->i;
		IF p->>'role' IS DISTINCT FROM 'sergeant' OR p->>'by' IS DISTINCT FROM me OR p->>'from' IS NULL
			OR (p->>'from')::date < current_date THEN
			RAISE EXCEPTION 'a new supervision period must be a sergeant''s, recorded by you, from today on (period % is not)', i
				USING ERRCODE = 'insufficient_privilege';
		END IF;
	END LOOP;
	RETURN NEW;
END $$;

CREATE TRIGGER fortnight_teams_supervision BEFORE UPDATE ON fortnight_teams
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_supervision();
