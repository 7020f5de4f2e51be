-- No session's temporary table can stand in for one of fortnight's (README "PostgreSQL", "What each role
-- may do"). PostgreSQL looks for a table in the session's temporary schema (pg_temp) BEFORE any schema on
-- the search_path unless pg_temp is listed; every function fortnight declared with
-- `search_path = pg_catalog, public` therefore read a person's own `CREATE TEMP TABLE fortnight_logins`
-- first, and a role could map itself to any officer of any team: write a welfare event "by" the
-- inspector, read a team it has no login for (found by the review of migration 011). Policies are not
-- affected (their table names are bound when they are created); functions are (bound when they run).
--
-- 1. Every function in the schema that sets a search_path without pg_temp gets pg_temp LAST, where it is
--    searched after fortnight's own tables. Done over the catalogue, so no function of 001-011 is missed.
--    Any later migration that creates or replaces a function must declare
--    `SET search_path = pg_catalog, public, pg_temp` itself (CREATE OR REPLACE replaces the setting).
-- 2. Defence in depth: nobody but the database's owner may make temporary tables in fortnight's database
--    (fortnight never uses them), nor create objects in the public schema (PostgreSQL 15's default; older
--    servers granted it to everyone, and a function there could be picked over one of fortnight's).
DO $$
DECLARE
	f record;
BEGIN
	FOR f IN
		SELECT p.oid::regprocedure AS sig
		FROM pg_proc p
		JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE n.nspname = 'public'
			AND p.proname LIKE 'fortnight\_%'
			AND EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%' AND c NOT LIKE '%pg\_temp%')
	LOOP
		EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f.sig);
	END LOOP;
	EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
