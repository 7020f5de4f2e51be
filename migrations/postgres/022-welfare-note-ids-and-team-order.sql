-- REVIEW-9 N3 and N2: welfare notes (README "PostgreSQL", "Welfare notes").
--
-- §1 (N3) A welfare note's id is never taken ahead of its filing. Note ids are predictable (`wn-r<seq>` for a
-- review's note, `wn-<event id>` for a welfare record's), and fortnight filed with ON CONFLICT (team_id, id)
-- DO NOTHING, the file store's "a retried filing adds nothing". So a login that filed first, through psql,
-- any note under the id another author's next note would take (about anyone it may file about) made that
-- later filing add nothing, silently: its author cannot read the row that took the id (another author's,
-- about someone she may not read), so the desk kept saying "still not filed" and nobody but the owner could
-- clear it. Now a BEFORE INSERT trigger (fortnight_welfare_note_filed, the writer's own rights) asks
-- fortnight_welfare_note_place (DEFINER: it sees every note of the team) about the id:
--   * free: the note is filed;
--   * held by the very same note (author, officer, date and words): a retried filing, nothing is added and
--     nothing is said (the row is skipped, so even an older ON CONFLICT DO NOTHING gets the same answer);
--   * held by another note: refused with SQLSTATE 23505 on fortnight_welfare_notes, DETAIL the id, never a
--     note's words (pg-connect.ts words it; the desk keeps the note waiting and says so).
-- Only the note's own author, filing what fortnight_files_welfare lets them file (016), and a role that
-- reads every note anyway (the table's owner, a superuser, BYPASSRLS: `fortnight store copy` into the
-- database, a retried copy) get either answer. Anyone else's row is let through to row-level security,
-- which refuses it (42501) before any unique check: otherwise a skip, an error or a 23505 would tell them
-- whether a note they may not read exists, and a skip would confirm its guessed words; nor do they take
-- the team's lock. One filer per team at a time (an advisory lock until commit), so two filings of one id
-- never both find it free; the primary key stays the backstop.
--
-- §2 (N2) The notes' order is the team's own. `ord` (GENERATED ALWAYS AS IDENTITY, 001) was one counter for
-- the whole force, and a login reads it on its own notes (SELECT, RETURNING): two of its filings told how
-- many notes every other team filed between them. It is replaced by `team_ord`, 1, 2, 3... per team in
-- filing order (the old order kept), set by the same trigger under the same lock; a writer's value is
-- overwritten. Gaps in a team's own numbers tell a reader little more than the team's welfare events and
-- reviews already show every officer of it (fortnight files each note with one of them). `ord` is dropped: no
-- fortnight reads it now, and an older fortnight refuses this schema (pg-migrate.ts assertCurrent).

-- §2 ---------------------------------------------------------------------------------------------------------
ALTER TABLE fortnight_welfare_notes ADD COLUMN team_ord bigint;
UPDATE fortnight_welfare_notes n SET team_ord = r.k
	FROM (SELECT team_id, id, row_number() OVER (PARTITION BY team_id ORDER BY ord) AS k FROM fortnight_welfare_notes) r
	WHERE n.team_id = r.team_id AND n.id = r.id;
ALTER TABLE fortnight_welfare_notes ALTER COLUMN team_ord SET NOT NULL;
ALTER TABLE fortnight_welfare_notes DROP COLUMN ord;
CREATE UNIQUE INDEX fortnight_welfare_notes_team_order ON fortnight_welfare_notes (team_id, team_ord);

-- §1 ---------------------------------------------------------------------------------------------------------
-- The place of a note about to be filed: its team_ord, or NULL when the very same note is already filed
-- (skip it). Raises 23505 when its id is held by another note. Answers only the note's author filing what
-- fortnight_files_welfare lets them file, or a role that reads every note (`who` is taken only when it is
-- the caller, as 016 does); for anyone else it returns 0, takes no lock and looks at nothing: row-level
-- security refuses their row next (a login of another team cannot so much as queue on this team's lock).
CREATE FUNCTION fortnight_welfare_note_place(t text, note_id text, o text, author text, d date, words text, who name)
	RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	held fortnight_welfare_notes%ROWTYPE;
BEGIN
	IF NOT (fortnight_files_welfare(t, o, author, d, who) OR (pg_has_role(session_user, who, 'MEMBER')
		AND (EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = who AND (r.rolsuper OR r.rolbypassrls))
			OR pg_has_role(who, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'fortnight_welfare_notes'::regclass), 'USAGE'))))
	THEN
		RETURN 0;
	END IF;
	-- Until commit: a filing that waited here then reads (a new snapshot per statement) what the other filed.
	PERFORM pg_advisory_xact_lock(hashtext('fortnight_welfare_notes:' || t));
	SELECT * INTO held FROM fortnight_welfare_notes n WHERE n.team_id = t AND n.id = note_id;
	IF FOUND THEN
		IF held."by" = author AND held.officer_id = o AND held.date = d AND held.text = words THEN
			RETURN NULL;
		END IF;
		RAISE EXCEPTION 'welfare note % was not filed: team % already holds another note under that id', note_id, t
			USING ERRCODE = 'unique_violation', TABLE = 'fortnight_welfare_notes', DETAIL = note_id,
				HINT = 'A filed note is never replaced. The database''s owner can look at the note held under that id.';
	END IF;
	RETURN coalesce((SELECT max(n.team_ord) FROM fortnight_welfare_notes n WHERE n.team_id = t), 0) + 1;
END $$;
REVOKE ALL ON FUNCTION fortnight_welfare_note_place(text, text, text, text, date, text, name) FROM PUBLIC;
-- The trigger runs as the writer, so the writer runs what it calls (as 015's policy helpers).
GRANT EXECUTE ON FUNCTION fortnight_welfare_note_place(text, text, text, text, date, text, name) TO fortnight_officer;

-- As the writer (SECURITY INVOKER), so current_user is the login, as 011's guards take it.
CREATE FUNCTION fortnight_welfare_note_filed() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	NEW.team_ord := fortnight_welfare_note_place(NEW.team_id, NEW.id, NEW.officer_id, NEW."by", NEW.date, NEW.text, current_user);
	IF NEW.team_ord IS NULL THEN
		RETURN NULL;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER fortnight_welfare_note_filed BEFORE INSERT ON fortnight_welfare_notes
	FOR EACH ROW EXECUTE FUNCTION fortnight_welfare_note_filed();
