-- Every record a person's role writes is in their own name (README "Who you are", "PostgreSQL", "What each
-- role may do"). 008 asked this of absences (recordedBy) and moves (the allocation's by) only, so a
-- person's role could write any other record as someone else: the sergeant's own login recorded his
-- welfare check-in "by DI Okafor" (`welfare record Brennan --as "DI Okafor"`), and a bail event, a
-- concern, a review or a performance decision likewise; only fortnight_changes said who really wrote it.
-- Now the officer each record names as its author must be the writer's own officer in the team
-- (fortnight_logins), whatever the SQL:
-- - welfare events and concerns: `by`; review drafts: `reviewerId` (a draft is its reviewer's own). Asked
--   of every row inserted and every update that changes a record (an edit of someone else's record in
--   their name is a record in their name); a delete authors nothing (fortnight's rules, and 008 for
--   absences, decide those).
-- - cases: every element a change adds to a case's bail events (`recordedBy`), its actions' histories
--   (`by`), its risk history and its allocations (`by`; null, "not recorded", is the history fortnight
--   seeds for what came before it: case-history.ts, and names nobody), or an element changed, which is
--   then a new one: the element as written names the writer. A new case's elements all count as added.
--   A crime update's `authorId` is who wrote the update in the records system (an import records the
--   holder's, import/plan.ts), not who recorded it, so it is not asked.
-- - the review chain: each entry appended names the writer as its `author` (when signed) and as the
--   officer its data says acted: a review's `reviewerId`, an amendment's, a performance decision's, an
--   enrolment's and a supervisory record's `by`; and a record's own record as well (a bail event's
--   `recordedBy`, a welfare event's `by`, a reallocation's allocation `by`, an added absence's
--   `recordedBy`): the record the chain keeps is the one the state keeps (record-check.ts).
-- Welfare notes and pending notes were already filed only in the writer's own name (002), absences and
-- moves by 008, new supervision periods by 004; officers and action plans name no author. The database's
-- owner (no row in fortnight_logins for the team: who copies teams in and migrates) is not checked, as
-- in 004 and 008.
-- The checks run as the writer (SECURITY INVOKER), as 008's do; an insert is judged AFTER it (an upsert
-- that turns into an update fires only the update's trigger), an update BEFORE it, only when the record's
-- text changed; a chain entry BEFORE it (the chain is append-only: an insert is never an upsert). A case's
-- change is judged in 008's trigger (fortnight_guard_case, replaced here with the same checks and this
-- one), which already reads both records. What a signing pays (EXPLAIN ANALYZE medians of 40, a 3.6 KB
-- case and a 1.2 KB review entry, load average 15): the case's trigger 0.12 -> 0.20 ms (the writer looked
-- up, the action and risk histories compared), the chain entry's 0.04 ms; a trigger of the case's own,
-- casting both records again, cost 0.12 ms more than that.

-- "DS Tom Brennan (o0002) must record a welfare event in their own name (by o0002), not as o0001": why
-- officer `me` of team `t` may not write `what`, which names `named` as its author, or null.
CREATE FUNCTION fortnight_author_refusal(t text, me text, what text, field text, named text) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
BEGIN
	IF me IS NULL OR named IS NOT DISTINCT FROM me THEN
		RETURN NULL;
	END IF;
	RETURN format('%s must record %s in their own name (%s %s), not as %s: on PostgreSQL a login acts as its own officer',
		fortnight_officer_words(t, me), what, field, me, coalesce(named, 'nobody'));
END $$;

-- Welfare events, concerns, review drafts: the record's author is the writer.
CREATE FUNCTION fortnight_guard_author() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
	me text := fortnight_officer_of(current_user, NEW.team_id);
	doc jsonb;
	why text;
BEGIN
	IF me IS NULL THEN
		RETURN NEW;
	END IF;
	doc := fortnight_doc(NEW.doc);
	why := CASE TG_TABLE_NAME
		WHEN 'fortnight_welfare_events' THEN fortnight_author_refusal(NEW.team_id, me, 'a welfare event', 'by', doc->>'by')
		WHEN 'fortnight_concerns' THEN fortnight_author_refusal(NEW.team_id, me, 'a concern', 'by', doc->>'by')
		WHEN 'fortnight_review_drafts' THEN fortnight_author_refusal(NEW.team_id, me, 'a review draft', 'reviewerId', doc->>'reviewerId')
	END;
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END $$;

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['fortnight_welfare_events', 'fortnight_concerns', 'fortnight_review_drafts'] LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I FOR EACH ROW EXECUTE FUNCTION fortnight_guard_author()',
			t || '_author_added', t);
		EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW '
			'WHEN (OLD.doc::text IS DISTINCT FROM NEW.doc::text OR OLD.team_id IS DISTINCT FROM NEW.team_id) '
			'EXECUTE FUNCTION fortnight_guard_author()', t || '_author_changed', t);
	END LOOP;
END $$;

-- Cases: why officer `me` may not write case `ref` of team `t` as `after` (`before` as recorded, null for a
-- new case), or null: what it adds to the bail events, the actions' histories, the risk history and (a
-- new case's) allocations names someone else (null allowed where the list's own schema says "not
-- recorded"). A move's allocation is 008's (fortnight_move_refusal). An action's event is compared with
-- the action it is on (an event carries no action id): another officer's event taken off one action and
-- put on another is one added in their name (REVIEW 5 D4). pg_temp is searched last, never first: a
-- session's temporary table cannot stand in for one of ours.
CREATE FUNCTION fortnight_case_author_refusal(t text, me text, ref text, before jsonb, after jsonb) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	k text;
	field text;
	others jsonpath;
	vars jsonb := jsonb_build_object('me', me);
	had jsonb;
	has jsonb;
	bad jsonb;
BEGIN
	IF me IS NULL THEN
		RETURN NULL;
	END IF;
	FOREACH k IN ARRAY CASE WHEN before IS NULL THEN ARRAY['bailEvents', 'actions', 'riskHistory', 'allocations']
		ELSE ARRAY['bailEvents', 'actions', 'riskHistory'] END LOOP
		CONTINUE WHEN before IS NOT NULL AND before->k IS NOT DISTINCT FROM after->k;
		field := CASE k WHEN 'bailEvents' THEN 'recordedBy' ELSE 'by' END;
		-- The list's elements that name someone else (or nobody, where that is not allowed), in order, before
		-- and after: a change that adds none (a signing adds only the signer's) leaves them as they were.
		others := CASE k
			WHEN 'bailEvents' THEN '$[*] ? (!(@.recordedBy == $me))'
			WHEN 'actions' THEN '$.history[*] ? (!(@.by == $me))'
			ELSE '$[*] ? (!(@.by == $me) && !(@.by == null))' END;
		IF k = 'actions' THEN
			-- Each action's such events paired with the action's id: [id, event].
			has := (SELECT coalesce(jsonb_agg(jsonb_build_array(a.e->'id', h.e) ORDER BY a.i, h.i), '[]')
				FROM jsonb_array_elements(coalesce(after->k, '[]')) WITH ORDINALITY AS a(e, i),
					jsonb_path_query(a.e, others, vars) WITH ORDINALITY AS h(e, i));
			had := (SELECT coalesce(jsonb_agg(jsonb_build_array(a.e->'id', h.e) ORDER BY a.i, h.i), '[]')
				FROM jsonb_array_elements(coalesce(before->k, '[]')) WITH ORDINALITY AS a(e, i),
					jsonb_path_query(a.e, others, vars) WITH ORDINALITY AS h(e, i));
		ELSE
			has := jsonb_path_query_array(coalesce(after->k, '[]'), others, vars);
			had := jsonb_path_query_array(coalesce(before->k, '[]'), others, vars);
		END IF;
		CONTINUE WHEN has = had;
		-- Those added (or changed: a changed one is a new one), each as many times as it is added.
		SELECT x.e INTO bad FROM (SELECT e FROM jsonb_array_elements(has) AS e EXCEPT ALL SELECT e FROM jsonb_array_elements(had) AS e)
			AS x(e) LIMIT 1;
		IF FOUND THEN
			IF k = 'actions' THEN
				bad := bad->1;
			END IF;
			RETURN fortnight_author_refusal(t, me, CASE k
				WHEN 'bailEvents' THEN 'a bail event of ' WHEN 'actions' THEN 'an action''s event on '
				WHEN 'riskHistory' THEN 'a risk change of ' ELSE 'an allocation of ' END || ref, field, bad->>field);
		END IF;
	END LOOP;
	RETURN NULL;
END $$;

-- A new case (an import's): judged after the insert, as 008 judges an absence added.
CREATE FUNCTION fortnight_guard_case_added() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
	why text;
BEGIN
	why := fortnight_case_author_refusal(NEW.team_id, fortnight_officer_of(current_user, NEW.team_id), NEW.key, NULL,
		fortnight_doc(NEW.doc));
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END $$;

CREATE TRIGGER fortnight_cases_added AFTER INSERT ON fortnight_cases
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_case_added();

-- 008's trigger on a case's change, which already reads both records as jsonb (every signing comes
-- here): the same, and what the change adds asked of the lists above. A change that adds to none of them
-- still stops before asking who is writing; a signing (its action histories, its risk) pays one lookup
-- of the writer and a comparison of the lists that changed, not two more casts of the case.
CREATE OR REPLACE FUNCTION fortnight_guard_case() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
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
			IF before->'bailEvents' IS NOT DISTINCT FROM after->'bailEvents' AND before->'actions' IS NOT DISTINCT FROM after->'actions'
				AND before->'riskHistory' IS NOT DISTINCT FROM after->'riskHistory' THEN
				RETURN NEW;
			END IF;
			why := fortnight_case_author_refusal(OLD.team_id, fortnight_officer_of(current_user, OLD.team_id), OLD.key, before, after);
			IF why IS NOT NULL THEN
				RAISE EXCEPTION '%', why USING ERRCODE = 'insufficient_privilege';
			END IF;
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
		why := coalesce(fortnight_move_refusal(OLD.team_id, current_user, before, after),
			fortnight_case_author_refusal(OLD.team_id, fortnight_officer_of(current_user, OLD.team_id), OLD.key, before, after));
	END IF;
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;

-- The review chain: an entry names the writer as its author and as the officer who acted.
CREATE FUNCTION fortnight_guard_chain_author() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
	-- The writer's own row of fortnight_logins (policy own_login), read here rather than by a call of
	-- fortnight_officer_of (as 009 reads it): this runs on every signing, and the message is built only on a refusal.
	me text := (SELECT l.officer_id FROM fortnight_logins l WHERE l.role_name = current_user AND l.team_id = NEW.team_id);
	entry jsonb;
	d jsonb;
	kind text;
	field text;
	named text;
BEGIN
	IF me IS NULL THEN
		RETURN NEW;
	END IF;
	entry := fortnight_doc(NEW.entry);
	d := entry->'data';
	kind := entry->>'kind';
	-- The entry's author (when signed), the officer its data says acted, and a record's own record.
	IF entry ? 'author' AND entry->>'author' IS DISTINCT FROM me THEN
		field := 'author';
		named := entry->>'author';
	ELSIF kind = 'review' AND d->>'reviewerId' IS DISTINCT FROM me THEN
		field := 'reviewerId';
		named := d->>'reviewerId';
	ELSIF kind IS DISTINCT FROM 'review' AND d->>'by' IS DISTINCT FROM me THEN
		field := 'by';
		named := d->>'by';
	ELSIF kind = 'record' THEN
		field := CASE d->>'record' WHEN 'bail-event' THEN 'recordedBy' WHEN 'welfare-event' THEN 'by' WHEN 'reallocation' THEN 'by'
			WHEN 'absence' THEN CASE WHEN d->>'action' = 'added' THEN 'recordedBy' END END;
		named := CASE d->>'record' WHEN 'bail-event' THEN d->'event'->>'recordedBy' WHEN 'welfare-event' THEN d->'event'->>'by'
			WHEN 'reallocation' THEN d->'allocation'->>'by' WHEN 'absence' THEN d->'absence'->>'recordedBy' END;
		IF field IS NULL OR named IS NOT DISTINCT FROM me THEN
			RETURN NEW;
		END IF;
	ELSE
		RETURN NEW;
	END IF;
	RAISE EXCEPTION '%', fortnight_author_refusal(NEW.team_id, me, CASE kind WHEN 'record' THEN 'a ' || coalesce(d->>'record', 'supervisory')
		|| ' record' ELSE 'a ' || coalesce(kind, 'chain') || ' entry' END || ' (chain entry ' || NEW.seq || ')', field, named)
		USING ERRCODE = 'insufficient_privilege';
END $$;

-- BEFORE, beside 001's link check: the chain is append-only, so an insert is never an upsert.
CREATE TRIGGER fortnight_chain_author BEFORE INSERT ON fortnight_chain
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_chain_author();

REVOKE ALL ON FUNCTION fortnight_author_refusal(text, text, text, text, text),
	fortnight_case_author_refusal(text, text, text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_author_refusal(text, text, text, text, text),
	fortnight_case_author_refusal(text, text, text, jsonb, jsonb) TO fortnight_officer;
