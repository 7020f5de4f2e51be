-- Four defects found by REVIEW-7 (README "PostgreSQL", "What each role may do", "Welfare notes").
--
-- 1. "Today" was the caller's to choose. Every access rule that asks about today (who sees a team: a
--    cover on the dates she covers, no longer; who may change an absence, move a case, hand a team on;
--    who may file a welfare note) read current_date, and current_date is the date in the
--    SESSION's TimeZone, which any login sets (SET TimeZone, PGTZ, options=-c TimeZone=... in the URL).
--    With `SET TimeZone = 'Etc/GMT-14'` a cover whose dates start tomorrow read all 60 cases of the team
--    from 10:00 UTC today, and changed an absence through the guards. fortnight_today() is now the one
--    "today" of every rule: the date of the transaction's start (now(), which no session moves) on the
--    calendar fortnight's people keep, Europe/London (README "Decisions worth knowing": tests and the
--    teams run on it; domain/dates.ts localToday is the desk's machine's calendar, the same zone there).
--    A server left on UTC was also an hour behind that calendar in summer time (00:00-01:00 BST), so the
--    two stores disagreed on the first and last hour of a cover; they agree now.
--    A function, not `SET TimeZone` on each function that reads the date: fortnight_my_teams runs once for
--    every statement's policies (eight times a signing), and a SET clause costs a configuration change on
--    entry and exit of every call whether or not the date is needed; fortnight_today() is asked only where a
--    date is (a cover's login, an absence or move guard). fortnight_welfare_withheld counts over the
--    caller's window since 017 and reads no date of its own; who may count (fortnight_sees_team) is below.
--    test/store/pg-server-today.test.ts fails if any fortnight function still reads current_date.
--
-- 2. A note's line manager was the TEAM's sergeant (or inspector) on its date, whatever the officer's own
--    recorded supervisor: in a team with a second sergeant, the team's sergeant (a peer) read the notes
--    about the second sergeant's officers and their line manager did not (DOMAIN "Welfare notes: readable
--    by the officer's line manager of that date and the author; never by peers"). The line manager on a
--    date is now the domain's (permissions.ts lineManagerOn), read the same way on both stores: the team's
--    supervision history is the only history of who managed whom, so an officer recorded under the team's
--    present sergeant (or an investigator with nobody recorded) had the team's sergeant OF THAT DATE, one
--    recorded under its present inspector (or a sergeant with nobody recorded) its inspector of that date,
--    and one recorded under anyone else (a second sergeant) that person, whose line has no history.
--
-- 3. A cover who was herself away covered anyway: 015's fortnight_covers_on showed the named cover the
--    notes of a day she was on leave, and fortnight_my_teams / fortnight_sees_team the whole team while
--    she was. people.ts awayOn (and 008's fortnight_supervises_as): a cover away that day covers nobody,
--    and the cover is the one named on the line manager's first absence of the day.
--
-- 4. One permitted row delete made a team unreadable for everyone: deleting the first part of an
--    absence kept in parts (domain/absence-cover.ts: later parts name it in `partOf`) is a cancel the
--    absence guard judges row by row, so the absent sergeant's own login could make it through psql; the
--    loader (store/validate.ts) then refused the whole team ("restore it from a backup"). ARCHITECTURE
--    "Store": nothing may write a store the loader cannot read back. A constraint trigger now refuses, at
--    commit, any write of any role (the owner's included: it is the data's shape, not a permission) that
--    leaves a part naming no first part of the same officer: the first part deleted, re-keyed, moved to
--    another team or officer, or itself made a part, or a part pointed elsewhere. Checked at commit, so a
--    change that takes a whole absence (every part, in any order) or copies a team in passes.
--
-- Every function keeps its name, arguments, result, owner, SECURITY and grants (CREATE OR REPLACE), and
-- each declares `search_path = pg_catalog, public, pg_temp` (012).

-- The day every rule calls today: the transaction's start on the Europe/London calendar. STABLE (one
-- answer within a transaction, like current_date); SECURITY INVOKER, so the guards that run as the writer
-- may call it. Every rule calls it with no argument; `at` is there so a test can ask what day an instant
-- is (00:30 BST is the next day's, though UTC's date is still the day before), as no one can set now().
CREATE FUNCTION fortnight_today(at timestamptz DEFAULT now()) RETURNS date LANGUAGE plpgsql STABLE SECURITY INVOKER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	RETURN (at AT TIME ZONE 'Europe/London')::date;
END $$;

REVOKE ALL ON FUNCTION fortnight_today(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_today(timestamptz) TO fortnight_officer;

-- True when officer `me` of team `t` is away on day `d` (people.ts awayOn: a cover away covers nobody).
CREATE FUNCTION fortnight_away_on(t text, me text, d date) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	RETURN EXISTS (
		SELECT 1 FROM fortnight_absences a
		WHERE a.team_id = t AND a.doc->>'officerId' = me
			AND (a.doc->>'from')::date <= d AND (a.doc->>'to' IS NULL OR (a.doc->>'to')::date >= d)
	);
END $$;

REVOKE ALL ON FUNCTION fortnight_away_on(text, text, date) FROM PUBLIC;

-- 016's function: the cover branch asks the server's today, and a cover away today covers nobody.
CREATE OR REPLACE FUNCTION fortnight_my_teams(who name) RETURNS text[] LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	mine text[];
	today date;
BEGIN
	IF NOT pg_has_role(session_user, who, 'MEMBER') THEN
		RETURN '{}';
	END IF;
	-- The teams where the login's officer is the sergeant or the inspector: each login's team row by its key.
	mine := ARRAY(
		SELECT l.team_id FROM fortnight_logins l JOIN fortnight_teams tm ON tm.team_id = l.team_id
		WHERE l.role_name = who AND (tm.sergeant_id = l.officer_id OR tm.inspector_id = l.officer_id));
	-- Any other login's team: theirs today only as the named cover of an absence of its sergeant, at work.
	IF EXISTS (SELECT 1 FROM fortnight_logins l WHERE l.role_name = who AND l.team_id <> ALL (mine)) THEN
		today := fortnight_today();
		mine := mine || ARRAY(
			SELECT l.team_id FROM fortnight_logins l JOIN fortnight_teams tm ON tm.team_id = l.team_id
			WHERE l.role_name = who AND l.team_id <> ALL (mine)
				AND fortnight_covers_on(l.team_id, tm.sergeant_id, l.officer_id, today));
	END IF;
	RETURN mine;
END $$;

-- 006's function, with the same two changes (fortnight_files_welfare and fortnight_welfare_withheld ask it).
CREATE OR REPLACE FUNCTION fortnight_sees_team(t text, who name) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
BEGIN
	IF me IS NULL THEN
		RETURN false;
	END IF;
	RETURN EXISTS (SELECT 1 FROM fortnight_teams WHERE team_id = t AND (sergeant_id = me OR inspector_id = me))
		OR fortnight_covers_on(t, (SELECT sergeant_id FROM fortnight_teams WHERE team_id = t), me, fortnight_today());
END $$;

-- 015's function: officer `o`'s line manager on day `d` (permissions.ts lineManagerOn), or null.
CREATE OR REPLACE FUNCTION fortnight_line_manager_on(t text, o text, d date) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	officer jsonb;
	recorded text;
	sergeant text;
	inspector text;
	history json;
	line text;
	manager text;
BEGIN
	SELECT fortnight_doc(doc) INTO officer FROM fortnight_officers WHERE team_id = t AND key = o;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	SELECT sergeant_id, inspector_id, team->'supervision' INTO sergeant, inspector, history FROM fortnight_teams WHERE team_id = t;
	recorded := officer->>'supervisorId';
	line := CASE
		WHEN recorded = sergeant OR (recorded IS NULL AND officer->>'role' = 'investigator') THEN 'sergeant'
		WHEN recorded = inspector OR (recorded IS NULL AND officer->>'role' = 'sergeant') THEN 'inspector'
	END;
	IF line IS NULL THEN
		manager := recorded;
	ELSIF EXISTS (SELECT 1 FROM json_array_elements(history) p WHERE p->>'role' = line) THEN
		-- team-history.ts holderOf: the last period of the role that includes the day (none: nobody then).
		SELECT p->>'officerId' INTO manager
		FROM json_array_elements(history) WITH ORDINALITY AS h(p, i)
		WHERE p->>'role' = line
			AND (p->>'from' IS NULL OR (p->>'from')::date <= d)
			AND (p->>'to' IS NULL OR d < (p->>'to')::date)
		ORDER BY i DESC LIMIT 1;
	ELSE
		-- A team with no period of the role on record: its present holder.
		manager := CASE line WHEN 'sergeant' THEN sergeant ELSE inspector END;
	END IF;
	IF manager = o OR NOT EXISTS (SELECT 1 FROM fortnight_officers WHERE team_id = t AND key = manager) THEN
		RETURN NULL;
	END IF;
	RETURN manager;
END $$;

-- 015's function: `me` covers `manager` on day `d` (people.ts awayOn): named on the manager's first
-- absence that day, and at work that day.
CREATE OR REPLACE FUNCTION fortnight_covers_on(t text, manager text, me text, d date) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	RETURN manager IS NOT NULL AND me IS NOT NULL AND me IS DISTINCT FROM manager AND (
		SELECT a.doc->>'coverOfficerId' FROM fortnight_absences a
		WHERE a.team_id = t AND a.doc->>'officerId' = manager
			AND (a.doc->>'from')::date <= d AND (a.doc->>'to' IS NULL OR (a.doc->>'to')::date >= d)
		ORDER BY a.ord LIMIT 1
	) IS NOT DISTINCT FROM me AND NOT fortnight_away_on(t, me, d);
END $$;

-- 004's trigger function, the days judged on fortnight_today().
CREATE OR REPLACE FUNCTION fortnight_guard_supervision() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(current_user, OLD.team_id);
	today date := fortnight_today();
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
			AND p->>'to' IS NOT NULL AND (p->>'to')::date >= today;
		RAISE EXCEPTION 'the team''s supervision history cannot be rewritten: period % is on record as it was', i
			USING ERRCODE = 'insufficient_privilege';
	END LOOP;
	FOR i IN jsonb_array_length(old_s) .. jsonb_array_length(new_s) - 1 LOOP
		p := new_s->i;
		IF p->>'role' IS DISTINCT FROM 'sergeant' OR p->>'by' IS DISTINCT FROM me OR p->>'from' IS NULL
			OR (p->>'from')::date < today THEN
			RAISE EXCEPTION 'a new supervision period must be a sergeant''s, recorded by you, from today on (period % is not)', i
				USING ERRCODE = 'insufficient_privilege';
		END IF;
	END LOOP;
	RETURN NEW;
END $$;

-- 008's function, today being fortnight_today().
CREATE OR REPLACE FUNCTION fortnight_absence_refusal(t text, who name, act text, before jsonb, after jsonb) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
	today date := fortnight_today();
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
	IF absent = me OR fortnight_supervises_as(t, me, absent, today) IS NOT NULL THEN
		-- Allowed; an absence is added in the name of the person adding it, as fortnight records it.
		IF act = 'add' AND after->>'recordedBy' IS DISTINCT FROM me THEN
			RETURN format('%s must record an absence in their own name (recordedBy %s), not as %s',
				fortnight_officer_words(t, me), me, coalesce(after->>'recordedBy', 'nobody'));
		END IF;
		RETURN NULL;
	END IF;
	RETURN format('%s does not supervise %s on %s, so cannot %s %s: their line manager (or the cover named while '
		'they are away) or the inspector can', fortnight_officer_words(t, me), fortnight_officer_words(t, absent), today,
		act, whose);
END $$;

-- 010's function, today being fortnight_today().
CREATE OR REPLACE FUNCTION fortnight_move_capacity_refusal(t text, me text, ref text, holder text, taker text) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	today date := fortnight_today();
	capacity text;
BEGIN
	IF holder = me THEN
		RETURN format('%s holds %s, so cannot reallocate it: no one supervises their own cases (it goes to the person above)',
			fortnight_officer_words(t, me), ref);
	END IF;
	capacity := fortnight_supervises_as(t, me, holder, today);
	IF capacity IS NULL THEN
		RETURN format('%s does not supervise %s on %s, so cannot reallocate %s: their line manager (or the cover named '
			'while they are away) or the inspector can', fortnight_officer_words(t, me), fortnight_officer_words(t, holder),
			today, ref);
	END IF;
	IF capacity = 'cover' AND taker = me THEN
		RETURN format('%s is covering for the line manager of %s, so cannot reallocate %s to themselves: a cover does not '
			'choose their own cases', fortnight_officer_words(t, me), fortnight_officer_words(t, holder), ref);
	END IF;
	IF taker IS DISTINCT FROM holder AND NOT fortnight_has_supervisor(t, taker) THEN
		RETURN format('%s cannot be moved to %s: no one in this store supervises %s, so nobody could review it (no one '
			'supervises their own cases)', ref, fortnight_officer_words(t, taker), fortnight_officer_words(t, taker));
	END IF;
	RETURN NULL;
END $$;

-- 4. Parts of an absence: why the rows of team `t` with key `k` or naming `k` in partOf leave a part that
-- names no first part of the same officer (store/validate.ts), or null. Reads every row of the team
-- (SECURITY DEFINER): judged as the writer, a change that took the writer's own sight of the team
-- would have hidden what it broke.
CREATE FUNCTION fortnight_absence_parts_refusal(t text, k text) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	part text;
	first text;
BEGIN
	SELECT r.key, r.doc->>'partOf' INTO part, first
	FROM fortnight_absences r
	LEFT JOIN fortnight_absences f ON f.team_id = r.team_id AND f.key = r.doc->>'partOf'
	WHERE r.team_id = t AND (r.key = k OR r.doc->>'partOf' = k) AND r.doc->>'partOf' IS NOT NULL
		AND (f.key IS NULL OR f.doc->>'partOf' IS NOT NULL OR f.doc->>'officerId' IS DISTINCT FROM r.doc->>'officerId')
	LIMIT 1;
	IF part IS NULL THEN
		RETURN NULL;
	END IF;
	RETURN format('absence %s is a later part of absence %s (partOf), which must stay its first part, of the same '
		'officer: a part cannot lose its first part, or fortnight could not read the team back. End, change or cancel '
		'the absence whole (fortnight absence end, change or cancel %s), which takes every part', part, first, first);
END $$;

REVOKE ALL ON FUNCTION fortnight_absence_parts_refusal(text, text) FROM PUBLIC;

CREATE FUNCTION fortnight_guard_absence_parts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	why text;
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		why := fortnight_absence_parts_refusal(OLD.team_id, OLD.key);
	END IF;
	IF why IS NULL AND TG_OP IN ('INSERT', 'UPDATE') THEN
		why := fortnight_absence_parts_refusal(NEW.team_id, NEW.key);
	END IF;
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'integrity_constraint_violation';
	END IF;
	RETURN NULL;
END $$;

REVOKE ALL ON FUNCTION fortnight_guard_absence_parts() FROM PUBLIC;

-- At commit (DEFERRABLE INITIALLY DEFERRED), on the rows as the transaction leaves them. An update only
-- when the record or its row changes (a cancel elsewhere rewrites the places, ord, of those after it).
CREATE CONSTRAINT TRIGGER fortnight_absence_parts_added AFTER INSERT ON fortnight_absences
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
	-- Asked of the record as the database and the loader read it: a text match on "partOf" was skipped by a
	-- key spelt with an escape ("part\u004ff"), which both still read as partOf (REVIEW 8 D1).
	WHEN ((NEW.doc::jsonb) ? 'partOf')
	EXECUTE FUNCTION fortnight_guard_absence_parts();
CREATE CONSTRAINT TRIGGER fortnight_absence_parts_removed AFTER DELETE ON fortnight_absences
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
	EXECUTE FUNCTION fortnight_guard_absence_parts();
CREATE CONSTRAINT TRIGGER fortnight_absence_parts_changed AFTER UPDATE ON fortnight_absences
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
	WHEN (OLD.doc::text IS DISTINCT FROM NEW.doc::text OR OLD.key IS DISTINCT FROM NEW.key OR OLD.team_id IS DISTINCT FROM NEW.team_id)
	EXECUTE FUNCTION fortnight_guard_absence_parts();

-- 5. The withheld-notes count over the server's own window again (REVIEW 8 D4). 017 counted over the
-- caller's window, any 91 days or more anywhere in time: sliding it a day at a time, one statement told
-- the exact dates of every note the caller may not read (a sergeant learnt the dates of the inspector's
-- notes about himself). The start is again the server's today less WELFARE_NOTE_LOOKBACK_DAYS (90), which
-- no caller moves (fortnight_today, above), as 015 had it; `until` only reaches later (notes are dated on
-- the day they are written, never ahead). `since` is kept in the signature and not used: the program says
-- when the database's window is not the handover's (source/store/pg-welfare.ts, commands/handover.ts).
CREATE OR REPLACE FUNCTION fortnight_welfare_withheld(t text, since date, until date, who name)
	RETURNS TABLE (officer_id text, withheld bigint) LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	today date := fortnight_today();
BEGIN
	IF NOT pg_has_role(session_user, who, 'MEMBER') OR NOT fortnight_sees_team(t, who) THEN
		RAISE EXCEPTION 'Your login may not count the welfare notes of team %.', t USING ERRCODE = '42501';
	END IF;
	RETURN QUERY
		SELECT n.officer_id, count(*)
		FROM fortnight_welfare_notes n
		WHERE n.team_id = t AND n.date BETWEEN today - 90 AND greatest(until, today)
			AND NOT fortnight_reads_welfare(t, n.officer_id, n.by, n.date, who)
		GROUP BY n.officer_id
		ORDER BY n.officer_id;
END $$;

REVOKE ALL ON FUNCTION fortnight_welfare_withheld(text, date, date, name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_welfare_withheld(text, date, date, name) TO fortnight_officer;
