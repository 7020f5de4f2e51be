-- Two gaps 011 left in "every record a person's role writes is in their own name" (README "Who you are",
-- "PostgreSQL", "What each role may do"; review 5 D5):
-- 1. Records in nobody's name. 011 let a person's login add a risk change (and give a new case an
--    allocation) with `by: null`, "not recorded": the sergeant's own role could change a case's current
--    risk in no one's name. Null is the history fortnight seeds for what came before it kept who did what
--    (history-seed.ts, case-history.ts BEFORE_HISTORY): generated and migrated stores, and `fortnight store
--    copy` loading one as the database's owner. No command a person runs adds one: a stored case's risk
--    history and allocations are never empty and end in its present risk and holder (validate-history.ts),
--    so withRisk and withAllocation add only the writer's own element; an import records the importer
--    (import/plan.ts). So an element a person's login adds to a case (a bail event, an action's event, a
--    risk change, a new case's allocation) must name that person; null, or no author at all, is refused.
--    The owner (no row in fortnight_logins for the team: store copy, the tests' and the bench's seeding,
--    which all copy teams in as the owner) is not checked, as in 004, 008 and 011.
-- 2. Records removed. 011 asked only what a change adds ("a delete authors nothing"), so a person's login
--    could drop another officer's bail event, action event or risk change from a case (or rewrite it into
--    their own name, which is the same), delete another officer's welfare event or concern row, or
--    another's review draft. fortnight never does any of these: bail events, action histories and risk
--    histories are only appended to (bail-record.ts, review/sign.ts, reallocate.ts: a reallocation moves
--    the outgoing officer's open actions with the case by appending an event, and changes their owner,
--    not their history; an amendment is a chain entry of its own and changes only nextReviewDue), welfare
--    events and concerns are never removed or edited, and a draft is removed only by its reviewer
--    (review/drafts.ts discardDraft, review/sign.ts). So an element or row that names someone else (or
--    nobody) may not be removed or changed by a person's login. One's own may still be (no refusal here
--    says who did what in anyone else's name).
-- Allocations are 008's: a move keeps those on record as they were (fortnight_move_refusal).
-- The checks run as 011's do: in 011's triggers (the case's is 008's fortnight_guard_case, which calls
-- fortnight_case_author_refusal, replaced here; the other tables' call fortnight_guard_author, replaced
-- here), plus a BEFORE DELETE trigger on welfare events, concerns and review drafts. A signing pays what it
-- paid: the lists compared only when they changed, and what is removed looked for only after nothing added
-- was found.

-- "DS Tom Brennan (o0002) must record a risk change of CR/1/26 in their own name (by o0002), not as o0001":
-- why officer `me` of team `t` may not write `what`, which names `named` as its author, or null (011's, with
-- its own words for a record naming nobody).
CREATE OR REPLACE FUNCTION fortnight_author_refusal(t text, me text, what text, field text, named text) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	IF me IS NULL OR named IS NOT DISTINCT FROM me THEN
		RETURN NULL;
	END IF;
	IF named IS NULL THEN
		RETURN format('%s must record %s in their own name (%s %s), not with no author: "not recorded" is only for '
			'history from before fortnight kept who did what, which the database''s owner copies in; on PostgreSQL a '
			'login acts as its own officer', fortnight_officer_words(t, me), what, field, me);
	END IF;
	RETURN format('%s must record %s in their own name (%s %s), not as %s: on PostgreSQL a login acts as its own officer',
		fortnight_officer_words(t, me), what, field, me, named);
END $$;

-- "DS Tom Brennan (o0002) cannot remove a welfare event w-1, recorded by DI Rachel Okafor (o0001): ...": why
-- officer `me` of team `t` may not `act` ('remove', 'change', 'remove or change') `what`, whose author is
-- `named` (null: none recorded), or null when it is their own.
CREATE FUNCTION fortnight_removal_refusal(t text, me text, act text, what text, named text) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	IF me IS NULL OR named IS NOT DISTINCT FROM me THEN
		RETURN NULL;
	END IF;
	IF named IS NULL THEN
		RETURN format('%s cannot %s %s, which names no author: history from before fortnight kept who did what stays '
			'as it was recorded', fortnight_officer_words(t, me), act, what);
	END IF;
	RETURN format('%s cannot %s %s, recorded by %s: a record in another officer''s name stays as they made it',
		fortnight_officer_words(t, me), act, what, fortnight_officer_words(t, named));
END $$;

-- The elements of a case's list `list` whose `field` is anything but `mine` (another officer, null, or
-- missing), in order; for the actions (`nested`), each action's such history events as [action id, event]
-- (an event carries no action id: one moved to another action is another element, REVIEW 5 D4). Compared
-- exactly (`->` against the JSON string), so no value that is not the writer's id passes as theirs. A list
-- that is not an array holds none (fortnight cannot read such a case; what it replaced is then removed).
CREATE FUNCTION fortnight_case_others(list jsonb, nested boolean, field text, mine jsonb) RETURNS jsonb
	LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
	SELECT CASE WHEN nested THEN
		(SELECT coalesce(jsonb_agg(jsonb_build_array(a.e->'id', h.e) ORDER BY a.i, h.i), '[]')
			FROM jsonb_array_elements(CASE jsonb_typeof(list) WHEN 'array' THEN list ELSE '[]' END) WITH ORDINALITY AS a(e, i)
			CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(a.e->'history') WHEN 'array' THEN a.e->'history' ELSE '[]' END)
				WITH ORDINALITY AS h(e, i)
			WHERE h.e->field IS DISTINCT FROM mine)
	ELSE
		(SELECT coalesce(jsonb_agg(x.e ORDER BY x.i), '[]')
			FROM jsonb_array_elements(CASE jsonb_typeof(list) WHEN 'array' THEN list ELSE '[]' END) WITH ORDINALITY AS x(e, i)
			WHERE x.e->field IS DISTINCT FROM mine)
	END
$$;

-- Cases: why officer `me` may not write case `ref` of team `t` as `after` (`before` as recorded, null for a
-- new case), or null: an element of the bail events, the actions' histories, the risk history and (a new
-- case's) allocations that names anyone but the writer (or nobody) is added, or one on record that does is
-- gone (removed, or changed: a changed one is the old one gone and a new one added).
CREATE OR REPLACE FUNCTION fortnight_case_author_refusal(t text, me text, ref text, before jsonb, after jsonb) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	k text;
	field text;
	mine jsonb := to_jsonb(me);
	what text;
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
		-- The list's elements naming anyone else, in order, before and after: a change that adds only the
		-- writer's own (a signing, a bail event, a reallocation's event) leaves them as they were.
		has := fortnight_case_others(after->k, k = 'actions', field, mine);
		had := fortnight_case_others(before->k, k = 'actions', field, mine);
		CONTINUE WHEN has = had;
		what := CASE k WHEN 'bailEvents' THEN 'a bail event of ' WHEN 'actions' THEN 'an action''s event on '
			WHEN 'riskHistory' THEN 'a risk change of ' ELSE 'an allocation of ' END || ref;
		-- Those added (each as many times as it is added), then those gone.
		SELECT x.e INTO bad FROM (SELECT e FROM jsonb_array_elements(has) AS e EXCEPT ALL SELECT e FROM jsonb_array_elements(had) AS e)
			AS x(e) LIMIT 1;
		IF FOUND THEN
			RETURN fortnight_author_refusal(t, me, what, field, CASE k WHEN 'actions' THEN bad->1 ELSE bad END->>field);
		END IF;
		SELECT x.e INTO bad FROM (SELECT e FROM jsonb_array_elements(had) AS e EXCEPT ALL SELECT e FROM jsonb_array_elements(has) AS e)
			AS x(e) LIMIT 1;
		IF FOUND THEN
			RETURN fortnight_removal_refusal(t, me, 'remove or change', what, CASE k WHEN 'actions' THEN bad->1 ELSE bad END->>field);
		END IF;
	END LOOP;
	RETURN NULL;
END $$;

-- Welfare events, concerns, review drafts: a row added or changed names the writer as its author (011), and
-- a row changed or removed is the writer's own.
CREATE OR REPLACE FUNCTION fortnight_guard_author() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	field text := CASE TG_TABLE_NAME WHEN 'fortnight_review_drafts' THEN 'reviewerId' ELSE 'by' END;
	what text := CASE TG_TABLE_NAME WHEN 'fortnight_welfare_events' THEN 'a welfare event' WHEN 'fortnight_concerns' THEN 'a concern'
		ELSE 'a review draft' END;
	me text;
	was jsonb;
	why text;
BEGIN
	IF TG_OP <> 'DELETE' THEN
		me := fortnight_officer_of(current_user, NEW.team_id);
		why := fortnight_author_refusal(NEW.team_id, me, what, field, fortnight_doc(NEW.doc)->>field);
	END IF;
	IF why IS NULL AND TG_OP <> 'INSERT' THEN
		IF TG_OP = 'DELETE' THEN
			me := fortnight_officer_of(current_user, OLD.team_id);
		ELSIF OLD.team_id IS DISTINCT FROM NEW.team_id THEN
			me := fortnight_officer_of(current_user, OLD.team_id);
		END IF;
		was := fortnight_doc(OLD.doc);
		why := fortnight_removal_refusal(OLD.team_id, me, CASE TG_OP WHEN 'DELETE' THEN 'remove' ELSE 'change' END,
			what || coalesce(' ' || CASE TG_TABLE_NAME WHEN 'fortnight_review_drafts' THEN 'of ' || (was->>'caseRef') ELSE was->>'id' END, ''),
			was->>field);
	END IF;
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;

-- BEFORE, on the rows as they stood (as 008 judges an absence cancelled).
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['fortnight_welfare_events', 'fortnight_concerns', 'fortnight_review_drafts'] LOOP
		EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION fortnight_guard_author()',
			t || '_author_removed', t);
	END LOOP;
END $$;

REVOKE ALL ON FUNCTION fortnight_removal_refusal(text, text, text, text, text),
	fortnight_case_others(jsonb, boolean, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_removal_refusal(text, text, text, text, text),
	fortnight_case_others(jsonb, boolean, text, jsonb) TO fortnight_officer;
