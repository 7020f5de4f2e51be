-- A case is not moved to an officer nobody in the store supervises (README "Acting on a problem",
-- reallocation; docs/rules.md "Reviews the cover cannot do": a review is a second pair of eyes, and no
-- one reviews a case they hold). fortnight refuses such a move (permissions.ts mayReallocate, through
-- independence.ts hasSupervisor): typically the team's inspector taking a case when nobody above them is
-- recorded, whose case could then never be reviewed. 008's guard did not know this rule, so a person's
-- role could still make that move through psql; this adds it to the same check, in the same words.

-- independence.ts hasSupervisor: the officer's line manager (their supervisorId, or the team's sergeant
-- for an investigator with none), or the next person up (the team's inspector, else the sergeant's line
-- manager; for an inspector, their own line manager), any of them recorded and not the officer.
CREATE FUNCTION fortnight_has_supervisor(t text, o text) RETURNS boolean
	LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
	sergeant text;
	inspector text;
	officer jsonb;
	candidate text;
BEGIN
	SELECT sergeant_id, inspector_id INTO sergeant, inspector FROM fortnight_teams WHERE team_id = t;
	SELECT fortnight_doc(doc) INTO officer FROM fortnight_officers WHERE team_id = t AND key = o;
	FOREACH candidate IN ARRAY ARRAY[
		coalesce(officer->>'supervisorId', CASE WHEN officer->>'role' = 'investigator' THEN sergeant END),
		inspector,
		(SELECT fortnight_doc(doc)->>'supervisorId' FROM fortnight_officers WHERE team_id = t AND key = sergeant),
		CASE WHEN officer->>'role' = 'inspector' THEN officer->>'supervisorId' END
	] LOOP
		IF candidate IS NOT NULL AND candidate <> o
			AND EXISTS (SELECT 1 FROM fortnight_officers WHERE team_id = t AND key = candidate) THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;

-- 008's check, with the rule above last (as mayReallocate asks it after the mover's own capacity).
CREATE OR REPLACE FUNCTION fortnight_move_capacity_refusal(t text, me text, ref text, holder text, taker text) RETURNS text
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
	IF taker IS DISTINCT FROM holder AND NOT fortnight_has_supervisor(t, taker) THEN
		RETURN format('%s cannot be moved to %s: no one in this store supervises %s, so nobody could review it (no one '
			'supervises their own cases)', ref, fortnight_officer_words(t, taker), fortnight_officer_words(t, taker));
	END IF;
	RETURN NULL;
END $$;

REVOKE ALL ON FUNCTION fortnight_has_supervisor(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_has_supervisor(text, text) TO fortnight_officer;
