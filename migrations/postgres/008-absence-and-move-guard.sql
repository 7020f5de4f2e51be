-- Who may change absences and cover, and move a case, re-checked by the database (README "PostgreSQL",
-- "What each role may do"; "Who may change absences and cover"; "Case history"). Until now only fortnight
-- checked these rules (source/domain/permissions.ts: mayChangeAbsence, mayReallocate), so a person
-- who sees a team (its sergeant, its inspector, the cover of the sergeant's absence today: 002, 006)
-- could, through psql with their own role, add, change or cancel any of its absences and move any of
-- its cases. The same rules are now asked of every row a person's role writes, whatever the SQL:
-- - absences (a row each, its record in `doc`): an INSERT is an add, an UPDATE that changes the record a
--   change or an end, a DELETE a cancel. The named cover of a supervisor's absence cannot change or
--   cancel it; nobody names themselves as a cover; an officer (DC, TDC) records no absence of their own;
--   anyone else's is recorded by whoever supervises them today (their line manager, the cover named for
--   the line manager's absence today while that cover is at work, or an inspector over the team); an
--   absence is added in the name of the person adding it (recordedBy).
-- - cases: an UPDATE that changes who holds the case or its allocations is a move. Nobody moves a case
--   they hold; the mover supervises its holder today as above; a cover does not move a case to
--   themselves; the allocations on record stay as they were (the last one ends the day the new one
--   starts) and the new one is recorded in the mover's name. A case is never removed or renamed by a
--   person (fortnight never does either). A move an import makes (reason "records-system import") is
--   judged as any other, as fortnight's import judges it (permissions.ts mayReallocate, row by row): the
--   reason written is the writer's own text, so it can exempt nothing.
-- - officers: fortnight never writes an officer record, and the rules above read each one's role and
--   line manager (supervisorId), so a person may not add or remove an officer record, nor change its id,
--   role or supervisorId (else a cover could make themselves an officer's line manager first).
-- "Today" is the server's current_date, as for who sees a team (002). The database's owner (no row in
-- fortnight_logins for the team: who copies teams in and migrates) is not checked, as in 004.
-- The checks run in row triggers, an insert's AFTER it: an upsert (fortnight_write_change's INSERT ... ON
-- CONFLICT DO UPDATE) fires the AFTER INSERT trigger only for a row it really inserts and the UPDATE
-- trigger for one it updates, so each row is judged as what it is; updates and deletes are judged
-- BEFORE they are made, on the team as it stood. A case's trigger runs on every change of its record (a
-- signing rewrites it), reads the two records and stops there unless the holder or the allocations
-- changed, and only then asks who is writing: a signing pays the two jsonb casts (about 50 us each for
-- a 3.4 KB record, measured at a load average of 8).
-- Every function here runs as the writer (SECURITY INVOKER: current_user is the person), so it reads the
-- team through the writer's own policies: a person who may write a team's rows sees the whole team, and
-- one who calls these functions directly about a team they do not see learns nothing of it (a SECURITY
-- DEFINER function would have told them its officers' names and who supervises whom).

-- A record as jsonb, for these checks. fortnight keeps text as it was typed, so a record's JSON may hold
-- \u0000, which PostgreSQL's JSON functions refuse to read (error 22P05, untranslatable_character):
-- such an escape is then read as U+FFFD (one preceded by an escaped backslash is text, and stays). A
-- plain SQL function (inlined into its caller) that looks for the escape first: a case's record is read
-- on every signing, and the cast alone is most of what this costs.
CREATE FUNCTION fortnight_doc(d json) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN strpos(d::text, '\u0000') = 0 THEN d::jsonb
		ELSE pg_catalog.regexp_replace(d::text, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g')::jsonb END
$$;

-- "DC Priya Iqbal (o0004)": an officer as the refusals name them (the id alone when no record).
CREATE FUNCTION fortnight_officer_words(t text, o text) RETURNS text LANGUAGE plpgsql STABLE SECURITY INVOKER
	SET search_path = pg_catalog, public AS $$
DECLARE
	d jsonb;
BEGIN
	IF o IS NULL THEN
		RETURN 'nobody';
	END IF;
	SELECT fortnight_doc(doc) INTO d FROM fortnight_officers WHERE team_id = t AND key = o;
	IF d IS NULL THEN
		RETURN o;
	END IF;
	RETURN concat_ws(' ', d->>'rank', d->>'name') || ' (' || o || ')';
END $$;

-- permissions.ts supervisesAs: how officer `me` supervises officer `o` of team `t` on day `d` ('sergeant',
-- 'cover' or 'inspector'), or null. Their line manager (their recorded supervisor, else the team's
-- sergeant for an investigator; never themselves); the cover named on the line manager's first absence
-- that day, unless that cover is away too (people.ts awayOn); or an inspector over the team (its
-- inspector, or the inspector who is its sergeant's own supervisor).
CREATE FUNCTION fortnight_supervises_as(t text, me text, o text, d date) RETURNS text LANGUAGE plpgsql STABLE SECURITY INVOKER
	SET search_path = pg_catalog, public AS $$
DECLARE
	sergeant text;
	inspector text;
	officer jsonb;
	manager text;
	manager_role text;
	named text;
BEGIN
	IF me IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT sergeant_id, inspector_id INTO sergeant, inspector FROM fortnight_teams WHERE team_id = t;
	SELECT fortnight_doc(doc) INTO officer FROM fortnight_officers WHERE team_id = t AND key = o;
	manager := coalesce(officer->>'supervisorId', CASE WHEN officer->>'role' = 'investigator' THEN sergeant END);
	IF manager = o THEN
		manager := NULL;
	END IF;
	IF manager IS NOT NULL THEN
		SELECT fortnight_doc(doc)->>'role' INTO manager_role FROM fortnight_officers WHERE team_id = t AND key = manager;
		IF NOT FOUND THEN
			manager := NULL;
		END IF;
	END IF;
	IF manager = me THEN
		RETURN CASE WHEN manager_role = 'inspector' THEN 'inspector' ELSE 'sergeant' END;
	END IF;
	IF manager IS NOT NULL THEN
		SELECT a.doc->>'coverOfficerId' INTO named FROM fortnight_absences a
			WHERE a.team_id = t AND a.doc->>'officerId' = manager
				AND (a.doc->>'from')::date <= d AND (a.doc->>'to' IS NULL OR (a.doc->>'to')::date >= d)
			ORDER BY a.ord LIMIT 1;
		IF named = me AND NOT EXISTS (
			SELECT 1 FROM fortnight_absences a
			WHERE a.team_id = t AND a.doc->>'officerId' = me
				AND (a.doc->>'from')::date <= d AND (a.doc->>'to' IS NULL OR (a.doc->>'to')::date >= d)
		) THEN
			RETURN 'cover';
		END IF;
	END IF;
	IF inspector = me THEN
		RETURN 'inspector';
	END IF;
	IF EXISTS (
		SELECT 1 FROM fortnight_officers s, fortnight_officers i
		WHERE s.team_id = t AND s.key = sergeant AND fortnight_doc(s.doc)->>'supervisorId' = me
			AND i.team_id = t AND i.key = me AND fortnight_doc(i.doc)->>'role' = 'inspector'
	) THEN
		RETURN 'inspector';
	END IF;
	RETURN NULL;
END $$;

-- permissions.ts mayChangeAbsence, for the person logged in as `who`: why they may not `act` ('add',
-- 'change', 'cancel') on an absence of team `t`, `before` as recorded (null for an add) and `after` as it
-- would be (null for a cancel), or null when they may (or `who` is no officer of the team: the owner).
CREATE FUNCTION fortnight_absence_refusal(t text, who name, act text, before jsonb, after jsonb) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
	subject jsonb := coalesce(before, after);
	absent text := subject->>'officerId';
	absent_role text;
	my_role text;
	cover_before text := before->>'coverOfficerId';
	whose text;
BEGIN
	IF me IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT fortnight_doc(doc)->>'role' INTO my_role FROM fortnight_officers WHERE team_id = t AND key = me;
	IF NOT FOUND THEN
		RETURN format('%s is not an officer of team %s, so records no absence', me, t);
	END IF;
	SELECT fortnight_doc(doc)->>'role' INTO absent_role FROM fortnight_officers WHERE team_id = t AND key = absent;
	whose := CASE WHEN absent = me THEN 'their own absence' ELSE fortnight_officer_words(t, absent) || '''s absence' END
		|| coalesce(' ' || (subject->>'id'), '');
	IF act <> 'add' AND cover_before = me AND absent_role <> 'investigator' THEN
		RETURN format('%s is the named cover for %s, so cannot %s it: no one supervises themselves, and this absence is what '
			'makes them the cover (it goes to the person above)', fortnight_officer_words(t, me), whose, act);
	END IF;
	IF after IS NOT NULL AND after->>'coverOfficerId' = me AND cover_before IS DISTINCT FROM me THEN
		RETURN format('%s cannot name themselves as cover for %s: a cover acts in someone''s place, so the person above '
			'chooses them', fortnight_officer_words(t, me), whose);
	END IF;
	IF absent = me AND my_role = 'investigator' THEN
		RETURN format('%s cannot %s %s: an officer (DC, TDC) records no absence, their own included; their sergeant '
			'or the inspector does', fortnight_officer_words(t, me), act, whose);
	END IF;
	IF absent = me OR fortnight_supervises_as(t, me, absent, current_date) IS NOT NULL THEN
		-- Allowed; an absence is added in the name of the person adding it, as fortnight records it.
		IF act = 'add' AND after->>'recordedBy' IS DISTINCT FROM me THEN
			RETURN format('%s must record an absence in their own name (recordedBy %s), not as %s',
				fortnight_officer_words(t, me), me, coalesce(after->>'recordedBy', 'nobody'));
		END IF;
		RETURN NULL;
	END IF;
	RETURN format('%s does not supervise %s on %s, so cannot %s %s: their line manager (or the cover named while '
		'they are away) or the inspector can', fortnight_officer_words(t, me), fortnight_officer_words(t, absent), current_date,
		act, whose);
END $$;

-- permissions.ts mayReallocate and the history a move leaves (reallocate.ts, case-history.ts
-- withAllocation), for the person logged in as `who`: why they may not change case `before` of team `t`
-- into `after` (who holds it, its allocations), or null.
CREATE FUNCTION fortnight_move_refusal(t text, who name, before jsonb, after jsonb) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
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

-- permissions.ts mayReallocate: why officer `me` may not move case `ref` from `holder` to `taker` today, or null.
CREATE FUNCTION fortnight_move_capacity_refusal(t text, me text, ref text, holder text, taker text) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
	capacity text;
BEGIN
	IF holder = me THEN
		RETURN format('%s holds %s, so cannot reallocate it: no one supervises their own cases (it goes to the person above)',
			fortnight_officer_words(t, me), ref);
	END IF;
	capacity := fortnight_supervises_as(t, me, holder, current_date);
	IF capacity IS NULL THEN
		RETURN format('%s does not supervise %s on %s, so cannot reallocate %s: their line manager (or the cover named '
			'while they are away) or the inspector can', fortnight_officer_words(t, me), fortnight_officer_words(t, holder),
			current_date, ref);
	END IF;
	IF capacity = 'cover' AND taker = me THEN
		RETURN format('%s is covering for the line manager of %s, so cannot reallocate %s to themselves: a cover does not '
			'choose their own cases', fortnight_officer_words(t, me), fortnight_officer_words(t, holder), ref);
	END IF;
	RETURN NULL;
END $$;

REVOKE ALL ON FUNCTION fortnight_officer_words(text, text), fortnight_supervises_as(text, text, text, date),
	fortnight_absence_refusal(text, name, text, jsonb, jsonb), fortnight_move_refusal(text, name, jsonb, jsonb),
	fortnight_move_capacity_refusal(text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_officer_words(text, text), fortnight_supervises_as(text, text, text, date),
	fortnight_absence_refusal(text, name, text, jsonb, jsonb), fortnight_move_refusal(text, name, jsonb, jsonb),
	fortnight_move_capacity_refusal(text, text, text, text, text) TO fortnight_officer;

-- The triggers: run as the writer (current_user is the person), refusing with the rule's sentence.
CREATE FUNCTION fortnight_guard_absence() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
	why text;
BEGIN
	IF TG_OP = 'INSERT' THEN
		why := fortnight_absence_refusal(NEW.team_id, current_user, 'add', NULL, fortnight_doc(NEW.doc));
	ELSIF TG_OP = 'DELETE' THEN
		why := fortnight_absence_refusal(OLD.team_id, current_user, 'cancel', fortnight_doc(OLD.doc), NULL);
	ELSIF NEW.team_id IS DISTINCT FROM OLD.team_id OR NEW.doc->>'officerId' IS DISTINCT FROM OLD.doc->>'officerId'
		OR NEW.key IS DISTINCT FROM OLD.key THEN
		-- Another officer's absence, or another row: the old one cancelled and a new one added.
		why := coalesce(fortnight_absence_refusal(OLD.team_id, current_user, 'cancel', fortnight_doc(OLD.doc), NULL),
			fortnight_absence_refusal(NEW.team_id, current_user, 'add', NULL, fortnight_doc(NEW.doc)));
	ELSIF fortnight_doc(OLD.doc) <> fortnight_doc(NEW.doc) THEN
		why := fortnight_absence_refusal(NEW.team_id, current_user, 'change', fortnight_doc(OLD.doc), fortnight_doc(NEW.doc));
	END IF;
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;

-- An add is judged after the insert (an upsert's insert that turns into an update fires only the update's
-- trigger); a change or a cancel before it, on the team as it stood: a cover's view of the team rests on
-- the sergeant's absence, so judged after a change to it they would be told they are no officer of the
-- team rather than why they may not.
CREATE TRIGGER fortnight_absences_added AFTER INSERT ON fortnight_absences
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_absence();
CREATE TRIGGER fortnight_absences_cancelled BEFORE DELETE ON fortnight_absences
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_absence();
-- Only an update that changes the record or its row (a cancel elsewhere in the list rewrites the places
-- of the absences after it, their records unchanged).
CREATE TRIGGER fortnight_absences_changed BEFORE UPDATE ON fortnight_absences
	FOR EACH ROW
	WHEN (OLD.doc::text IS DISTINCT FROM NEW.doc::text OR OLD.key IS DISTINCT FROM NEW.key OR OLD.team_id IS DISTINCT FROM NEW.team_id)
	EXECUTE FUNCTION fortnight_guard_absence();

CREATE FUNCTION fortnight_guard_case() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
	why text;
	before jsonb;
	after jsonb;
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.team_id = OLD.team_id AND NEW.key = OLD.key THEN
		before := fortnight_doc(OLD.doc);
		after := fortnight_doc(NEW.doc);
		-- A signing, an update, a bail event: the case changes, but not who holds it nor its allocations
		-- (asked first: every signing comes here, and only a move needs to know who is writing).
		IF before->'oicId' IS NOT DISTINCT FROM after->'oicId' AND before->'allocations' IS NOT DISTINCT FROM after->'allocations'
			AND before->'ref' IS NOT DISTINCT FROM after->'ref' THEN
			RETURN NEW;
		END IF;
	END IF;
	IF fortnight_officer_of(current_user, OLD.team_id) IS NULL THEN
		why := NULL;
	ELSIF TG_OP = 'DELETE' THEN
		why := format('case %s cannot be removed: a case stays on record (closed, not deleted)', OLD.key);
	ELSIF NEW.team_id IS DISTINCT FROM OLD.team_id OR NEW.key IS DISTINCT FROM OLD.key THEN
		why := format('case %s cannot be moved to another row or team', OLD.key);
	ELSE
		why := fortnight_move_refusal(OLD.team_id, current_user, before, after);
	END IF;
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;

-- BEFORE triggers: they need no after-trigger event queued for every signing, and what they read (the
-- officers, absences and team) no change of a case alters.
CREATE TRIGGER fortnight_cases_removed BEFORE DELETE ON fortnight_cases
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_case();
CREATE TRIGGER fortnight_cases_moved BEFORE UPDATE ON fortnight_cases
	FOR EACH ROW
	WHEN (OLD.doc::text IS DISTINCT FROM NEW.doc::text OR OLD.key IS DISTINCT FROM NEW.key OR OLD.team_id IS DISTINCT FROM NEW.team_id)
	EXECUTE FUNCTION fortnight_guard_case();

CREATE FUNCTION fortnight_guard_officer() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
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
		OR fortnight_doc(NEW.doc)->'id' IS DISTINCT FROM fortnight_doc(OLD.doc)->'id'
		OR fortnight_doc(NEW.doc)->'role' IS DISTINCT FROM fortnight_doc(OLD.doc)->'role'
		OR fortnight_doc(NEW.doc)->'supervisorId' IS DISTINCT FROM fortnight_doc(OLD.doc)->'supervisorId' THEN
		RAISE EXCEPTION 'no officer may change who officer % is, their role or their line manager: the database''s owner does', k
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER fortnight_officers_added AFTER INSERT ON fortnight_officers
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_officer();
CREATE TRIGGER fortnight_officers_removed AFTER DELETE ON fortnight_officers
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_officer();
CREATE TRIGGER fortnight_officers_changed AFTER UPDATE ON fortnight_officers
	FOR EACH ROW
	WHEN (OLD.doc::text IS DISTINCT FROM NEW.doc::text OR OLD.key IS DISTINCT FROM NEW.key OR OLD.team_id IS DISTINCT FROM NEW.team_id)
	EXECUTE FUNCTION fortnight_guard_officer();
