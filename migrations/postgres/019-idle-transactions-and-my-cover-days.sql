-- An officer's login does not keep "today" by holding a transaction open (REVIEW-8 D6; README "PostgreSQL",
-- "Today is the database server's date"). fortnight_today() (018) is the day of now(), the transaction's
-- start, so a login that opens a transaction and leaves it open keeps that day for as long as it holds it:
-- a cover whose last day is D could BEGIN at 23:59 on D and, days later in the same transaction, still read
-- the team and pass the guards as its cover. fortnight's own transactions last milliseconds (pg-store.ts:
-- one statement, or BEGIN ... COMMIT around one change), so the server now ends any session of an officer's
-- login that sits idle inside a transaction for 5 minutes (idle_in_transaction_session_timeout, which rolls
-- the transaction back and closes the connection; pg-connect.ts then opens another).
--
-- A role's settings are not inherited through membership (fortnight_officer's own would reach nobody), so
-- each login gets its own: every login already a member of fortnight_officer or mapped in fortnight_logins
-- now, and every login mapped from now on (a trigger on fortnight_logins; the owner maps a login there after
-- CREATE ROLE ... IN ROLE fortnight_officer, README "PostgreSQL"). The setting takes effect from the login's
-- next connection. What it does not close: PostgreSQL lets any session change this setting for itself (SET),
-- and a transaction kept busy is not idle, so a login set on it can still hold the day; PostgreSQL 17's
-- transaction_timeout has the same limits. It ends the forgotten psql session and the stuck client.
-- The owner altering a role needs the right to (a superuser, or CREATEROLE with the role's ADMIN option): when
-- the owner lacks it the login is named in a warning and left as it was, rather than the migration or the
-- mapping failing.

CREATE FUNCTION fortnight_limit_idle(login name) RETURNS void LANGUAGE plpgsql VOLATILE SECURITY INVOKER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
		RETURN;
	END IF;
	EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', login, '5min');
EXCEPTION WHEN insufficient_privilege THEN
	RAISE WARNING 'fortnight: could not set idle_in_transaction_session_timeout for login %: set it as a superuser '
		'(ALTER ROLE % SET idle_in_transaction_session_timeout = ''5min'')', login, login;
END $$;

REVOKE ALL ON FUNCTION fortnight_limit_idle(name) FROM PUBLIC;

-- Each login mapped to an officer (or re-mapped to another role name) from now on.
CREATE FUNCTION fortnight_logins_limit_idle() RETURNS trigger LANGUAGE plpgsql SECURITY INVOKER
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	PERFORM fortnight_limit_idle(NEW.role_name);
	RETURN NULL;
END $$;

REVOKE ALL ON FUNCTION fortnight_logins_limit_idle() FROM PUBLIC;

CREATE TRIGGER fortnight_logins_limit_idle AFTER INSERT OR UPDATE OF role_name ON fortnight_logins
	FOR EACH ROW EXECUTE FUNCTION fortnight_logins_limit_idle();

-- Every login there is now: a member of fortnight_officer that may log in, or a role fortnight_logins maps.
DO $$
DECLARE
	login name;
BEGIN
	FOR login IN
		SELECT m.rolname FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid
		WHERE g.rolname = 'fortnight_officer' AND m.rolcanlogin
		UNION
		SELECT role_name FROM fortnight_logins
	LOOP
		PERFORM fortnight_limit_idle(login);
	END LOOP;
END $$;

-- The days the caller's own login is named to cover the team's sergeant (QA 6 R9): an officer's login that
-- reads nothing today is told when it will (`fortnight whoami`, source/store/pg-no-team.ts), by the
-- database's date, since the rows that say so are the team's, which it cannot read. Answers only about the
-- caller (016's rule: `who` is the caller's current_user, and fortnight_officer_of answers nothing unless the
-- session is that role; inside this SECURITY DEFINER function current_user is the owner), and only dates:
-- whose absence it is and why stay the team's. Absences ended before the database's today are left out.
CREATE FUNCTION fortnight_my_cover_days(t text, who name) RETURNS TABLE (starts date, ends date) LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
BEGIN
	IF me IS NULL THEN
		RETURN;
	END IF;
	RETURN QUERY
	SELECT (d->>'from')::date, (d->>'to')::date
	FROM (SELECT fortnight_doc(a.doc) AS d FROM fortnight_absences a WHERE a.team_id = t) x
	WHERE d->>'coverOfficerId' = me
		AND d->>'officerId' = (SELECT sergeant_id FROM fortnight_teams WHERE team_id = t)
		AND (d->>'to' IS NULL OR (d->>'to')::date >= fortnight_today())
	ORDER BY 1;
END $$;

REVOKE ALL ON FUNCTION fortnight_my_cover_days(text, name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_my_cover_days(text, name) TO fortnight_officer;
