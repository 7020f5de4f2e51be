-- fortnight's store on PostgreSQL (README "PostgreSQL"; source/store/README.md "PostgreSQL").
-- A force's teams share one database: every row carries its team_id, and every table's key starts with
-- it, so one team's reads use the index and never scan the force. A record is kept as the JSON fortnight
-- validated (type json keeps its text, key order included, so exports are byte-identical to the file
-- store's), beside the columns the access rules and the chain's working set read.

CREATE TABLE fortnight_teams (
	team_id text PRIMARY KEY,
	schema_version integer NOT NULL,
	-- Bumped by every change (one transaction each); a writer locks this row first.
	revision bigint NOT NULL,
	updated_at text NOT NULL,
	reference_date text,
	sergeant_id text NOT NULL,
	inspector_id text,
	team json NOT NULL,
	settings json NOT NULL
);

-- One table per kind of record, the same shape each: its key in the team, its place in the team's
-- list, the revision that last wrote it (row-level versioning) and the record.
CREATE TABLE fortnight_officers (
	team_id text NOT NULL REFERENCES fortnight_teams,
	key text NOT NULL,
	ord integer NOT NULL,
	revision bigint NOT NULL,
	doc json NOT NULL,
	PRIMARY KEY (team_id, key)
);
CREATE TABLE fortnight_absences (LIKE fortnight_officers INCLUDING ALL);
ALTER TABLE fortnight_absences ADD FOREIGN KEY (team_id) REFERENCES fortnight_teams;
CREATE TABLE fortnight_cases (LIKE fortnight_officers INCLUDING ALL);
ALTER TABLE fortnight_cases ADD FOREIGN KEY (team_id) REFERENCES fortnight_teams;
CREATE TABLE fortnight_welfare_events (LIKE fortnight_officers INCLUDING ALL);
ALTER TABLE fortnight_welfare_events ADD FOREIGN KEY (team_id) REFERENCES fortnight_teams;
CREATE TABLE fortnight_concerns (LIKE fortnight_officers INCLUDING ALL);
ALTER TABLE fortnight_concerns ADD FOREIGN KEY (team_id) REFERENCES fortnight_teams;
CREATE TABLE fortnight_action_plans (LIKE fortnight_officers INCLUDING ALL);
ALTER TABLE fortnight_action_plans ADD FOREIGN KEY (team_id) REFERENCES fortnight_teams;
CREATE TABLE fortnight_review_drafts (LIKE fortnight_officers INCLUDING ALL);
ALTER TABLE fortnight_review_drafts ADD FOREIGN KEY (team_id) REFERENCES fortnight_teams;

-- The review chain: one signed entry a row, hashed and signed by fortnight exactly as in the file store.
-- Append-only: the next entry of its team, linked to the one before; never updated, deleted or truncated
-- (the triggers below refuse it whoever asks, and 002 grants nobody UPDATE or DELETE).
CREATE TABLE fortnight_chain (
	team_id text NOT NULL REFERENCES fortnight_teams,
	seq bigint NOT NULL,
	kind text NOT NULL,
	-- A review's case: the working set (each case's last review) is read through this index.
	case_ref text,
	prev_hash text NOT NULL,
	hash text NOT NULL,
	entry json NOT NULL,
	PRIMARY KEY (team_id, seq)
);
CREATE INDEX fortnight_chain_reviews ON fortnight_chain (team_id, case_ref, seq) WHERE kind = 'review';

CREATE FUNCTION fortnight_chain_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the review chain is append-only: its entries cannot be changed or removed'
		USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER fortnight_chain_no_update BEFORE UPDATE OR DELETE ON fortnight_chain
	FOR EACH ROW EXECUTE FUNCTION fortnight_chain_append_only();
CREATE TRIGGER fortnight_chain_no_truncate BEFORE TRUNCATE ON fortnight_chain
	FOR EACH STATEMENT EXECUTE FUNCTION fortnight_chain_append_only();

-- An insert must be the team's next entry and link to its last (a second guard beside fortnight's own).
CREATE FUNCTION fortnight_chain_next() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
	last_seq bigint;
	last_hash text;
BEGIN
	SELECT seq, hash INTO last_seq, last_hash FROM fortnight_chain WHERE team_id = NEW.team_id ORDER BY seq DESC LIMIT 1;
	IF NEW.seq <> coalesce(last_seq + 1, 0) OR NEW.prev_hash <> coalesce(last_hash, repeat('0', 64)) THEN
		RAISE EXCEPTION 'a review chain entry must follow the chain''s last entry (entry % does not)', NEW.seq
			USING ERRCODE = 'integrity_constraint_violation';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER fortnight_chain_links BEFORE INSERT ON fortnight_chain
	FOR EACH ROW EXECUTE FUNCTION fortnight_chain_next();

-- Welfare notes (officers' health information): their own table, readable only as 002 allows.
CREATE TABLE fortnight_welfare_notes (
	team_id text NOT NULL REFERENCES fortnight_teams,
	id text NOT NULL,
	officer_id text NOT NULL,
	date date NOT NULL,
	by text NOT NULL,
	text text NOT NULL,
	ord bigint GENERATED ALWAYS AS IDENTITY,
	PRIMARY KEY (team_id, id)
);
CREATE INDEX fortnight_welfare_notes_officer ON fortnight_welfare_notes (team_id, officer_id);

-- Who changed what, revision by revision (what the desks that hear a change show: README "PostgreSQL").
CREATE TABLE fortnight_changes (
	team_id text NOT NULL REFERENCES fortnight_teams,
	revision bigint NOT NULL,
	role name NOT NULL,
	officer_id text,
	what text[] NOT NULL,
	at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (team_id, revision)
);

-- Welfare notes typed in a review not yet signed (the file store's welfare drafts file): one row each,
-- kept so a note survives a crash before signing; filed into fortnight_welfare_notes when signed.
CREATE TABLE fortnight_welfare_pending (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	team_id text NOT NULL REFERENCES fortnight_teams,
	by text,
	note json NOT NULL
);
CREATE INDEX fortnight_welfare_pending_team ON fortnight_welfare_pending (team_id, id);
