-- REVIEW-9 D5, D4 (database side) and D7.
--
-- §1 (D5a) A chain row is the entry it carries: the entry's own seq/prevHash/hash/kind (and a review's case)
-- equal the row's columns, and `hash` is the SHA-256 of the canonical JSON of {seq, prevHash, kind, signedAt,
-- data, author?}, computed exactly as source/domain/canonical-json.ts and source/store/chain.ts hashEntry do.
-- Until now one row whose hash was not its content (from any login that sees the team) stopped every later
-- save and `log` of the team for good (README "PostgreSQL"; 018 §4: nothing may write a store the loader
-- cannot read back). What SQL cannot hash as JavaScript does is refused, never accepted wrongly:
--   * a number other than an integer of at most 15 digits or a plain decimal of at most 15 significant
--     digits between 1e-6 and 1e21 without trailing zeros (JSON.stringify's shortest form is then the same
--     digits; jsonb keeps "1.50", "1e400" and 17-digit integers in forms JavaScript prints otherwise);
--   * an object key with a character above U+FFFF (JavaScript sorts keys by UTF-16 code unit, COLLATE "C" by
--     code point: the two orders differ only there);
--   * an entry holding U+FFFF, which stands in for an escaped NUL while jsonb (which cannot hold one) is read,
--     and a key holding NUL (U+FFFF, standing in for it, would sort last where NUL sorts first);
--   * a lone surrogate escape (jsonb refuses it).
-- fortnight writes none of these (its numbers are counts and hours, its keys ASCII).
-- A signature cannot be checked in SQL (no Ed25519), so a well-hashed row with a bad signature still breaks
-- `verify`: §2 gives the database's owner a way to set aside a bad tail.
--
-- §2 (D5b) fortnight_chain_set_aside(team, from_seq, reason): the owner's only way to take rows out of the
-- chain. It moves the team's rows from `from_seq` on into fortnight_chain_set_aside, with when, by whom and
-- why; the append-only trigger lets a DELETE through only for a row the same transaction has recorded there.
-- Officers can neither run it nor read the table. README "PostgreSQL" (Backups and recovery) says how.
--
-- §3 (D4) No one supervises themselves (DOMAIN "People and permissions"), now in the database for reviews (and
-- amendments), performance decisions, welfare events and concerns, as permissions.ts mayReviewCase, mayDecideTrigger and
-- mayRecordWelfare: the subject is not the login's officer, and the login supervises the subject on the
-- entry's date (008 fortnight_supervises_as). Until now 011/013 asked only that the author was the login, so a
-- cover recorded his own check-in and decided his own performance trigger through psql. (Which triggers are
-- escalated, and so the inspector's alone, is worked out from the whole history by escalated-triggers.ts;
-- the database does not repeat that.)
--
-- §4 (D7) A cover reads the welfare notes of the days they cover only while they still cover: the cover branch
-- of fortnight_reads_welfare asks that the reader covers the same line manager today (fortnight_today()).
-- Until now a former cover, a peer again, read notes dated in his old window, even ones filed after it.
-- permissions.ts mayReadWelfareNote says the same for the file store.

-- §1 ---------------------------------------------------------------------------------------------------------

-- canonical-json.ts canonicalJson over a jsonb value (null when SQL cannot write it as JavaScript would:
-- see the top; a key with a character above U+FFFF, or U+FFFF, which stands for NUL here).
CREATE FUNCTION fortnight_canonical_json(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	t text;
	out text;
	bad boolean;
BEGIN
	CASE jsonb_typeof(v)
	WHEN 'object' THEN
		-- Leaves are written here rather than by a call each (a call with its own search_path costs a
		-- GUC save and restore: this cut the hashing's server CPU by about 40%); keys in code-point order.
		SELECT string_agg(to_json(x.key)::text || ':' || x.c, ',' ORDER BY x.key COLLATE "C"),
			bool_or(x.c IS NULL OR x.key ~ '[\U00010000-\U0010FFFF\uFFFF]')
			INTO out, bad
			FROM (SELECT e.key, CASE WHEN jsonb_typeof(e.value) IN ('string', 'boolean', 'null') THEN e.value::text
				WHEN jsonb_typeof(e.value) = 'number' AND e.value::text ~ '^-?(0|[1-9][0-9]{0,14})$' THEN e.value::text
				ELSE fortnight_canonical_json(e.value) END AS c FROM jsonb_each(v) AS e) AS x;
		IF bad THEN
			RETURN NULL;
		END IF;
		RETURN '{' || coalesce(out, '') || '}';
	WHEN 'array' THEN
		SELECT string_agg(x.c, ',' ORDER BY x.n), bool_or(x.c IS NULL)
			INTO out, bad
			FROM (SELECT a.n, CASE WHEN jsonb_typeof(a.value) IN ('string', 'boolean', 'null') THEN a.value::text
				WHEN jsonb_typeof(a.value) = 'number' AND a.value::text ~ '^-?(0|[1-9][0-9]{0,14})$' THEN a.value::text
				ELSE fortnight_canonical_json(a.value) END AS c
				FROM jsonb_array_elements(v) WITH ORDINALITY AS a(value, n)) AS x;
		IF bad THEN
			RETURN NULL;
		END IF;
		RETURN '[' || coalesce(out, '') || ']';
	WHEN 'number' THEN
		t := v::text;
		IF t ~ '^-?(0|[1-9][0-9]{0,14})$' THEN
			RETURN t;
		END IF;
		IF t ~ '^-?(0|[1-9][0-9]*)\.[0-9]*[1-9]$'
			AND length(ltrim(replace(ltrim(t, '-'), '.', ''), '0')) <= 15
			AND abs(t::numeric) >= 0.000001 AND abs(t::numeric) < 1e21 THEN
			RETURN t;
		END IF;
		RETURN NULL;
	ELSE
		-- Strings: jsonb's output escapes exactly as JSON.stringify does (quote, backslash, \b \f \n \r \t,
		-- other controls as \u00xx in lower case; everything else, non-ASCII included, as itself).
		-- true, false, null as themselves.
		RETURN v::text;
	END CASE;
END $$;

-- chain.ts hashEntry over a stored entry: null when SQL cannot compute it as JavaScript does (see the top).
CREATE FUNCTION fortnight_entry_hash(entry json) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	raw text := entry::text;
	doc jsonb;
	hashed jsonb;
	canon text;
	nul boolean := strpos(raw, '\u0000') > 0;
BEGIN
	IF strpos(raw, U&'\FFFF') > 0 OR raw ~* '\\uffff' THEN
		RETURN NULL;
	END IF;
	BEGIN
		-- jsonb cannot hold NUL: an escaped one (not an escaped backslash before "u0000") stands as U+FFFF
		-- while canonicalised, and is written back as JSON.stringify writes it.
		doc := CASE WHEN nul THEN regexp_replace(raw, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\uffff', 'g')::jsonb ELSE raw::jsonb END;
	EXCEPTION WHEN untranslatable_character OR invalid_text_representation OR invalid_parameter_value THEN
		RETURN NULL;
	END;
	IF jsonb_typeof(doc) IS DISTINCT FROM 'object' THEN
		RETURN NULL;
	END IF;
	-- The fields hashEntry takes; one absent is left out as JavaScript leaves out undefined (a null is kept).
	SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}') INTO hashed
		FROM jsonb_each(doc) AS e WHERE e.key IN ('seq', 'prevHash', 'kind', 'signedAt', 'data', 'author');
	canon := fortnight_canonical_json(hashed);
	IF canon IS NULL THEN
		RETURN NULL;
	END IF;
	IF nul THEN
		canon := replace(canon, U&'\FFFF', '\u0000');
	END IF;
	RETURN encode(sha256(convert_to(canon, 'UTF8')), 'hex');
END $$;

-- BEFORE INSERT beside 001's link check and 011's author check: the row is the entry, and the entry its hash.
CREATE FUNCTION fortnight_chain_content() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	entry jsonb;
	why text;
BEGIN
	BEGIN
		entry := fortnight_doc(NEW.entry);
	EXCEPTION WHEN untranslatable_character OR invalid_text_representation OR invalid_parameter_value THEN
		entry := NULL;
	END;
	IF jsonb_typeof(entry) IS DISTINCT FROM 'object' THEN
		why := 'it is not a JSON object';
	ELSIF entry->'seq' IS DISTINCT FROM to_jsonb(NEW.seq) THEN
		why := 'its seq is not the row''s';
	ELSIF jsonb_typeof(entry->'prevHash') IS DISTINCT FROM 'string' OR entry->>'prevHash' IS DISTINCT FROM NEW.prev_hash THEN
		why := 'its prevHash is not the row''s';
	ELSIF jsonb_typeof(entry->'hash') IS DISTINCT FROM 'string' OR entry->>'hash' IS DISTINCT FROM NEW.hash THEN
		why := 'its hash is not the row''s';
	ELSIF jsonb_typeof(entry->'kind') IS DISTINCT FROM 'string' OR entry->>'kind' IS DISTINCT FROM NEW.kind THEN
		why := 'its kind is not the row''s';
	ELSIF NEW.case_ref IS DISTINCT FROM (CASE WHEN NEW.kind = 'review' THEN entry->'data'->>'caseRef' END) THEN
		why := 'its case is not the row''s';
	-- The hash is worked out again for a person's role only: the database's owner (no login row for the team:
	-- `store copy`, which verify's own hashing checks whole before and after) is trusted with what fortnight
	-- hashed, and hashing every entry of a force in SQL tripled a copy's time (40 teams: 81-96 s -> 247-290 s).
	ELSIF fortnight_officer_of(current_user, NEW.team_id) IS NOT NULL AND fortnight_entry_hash(NEW.entry) IS DISTINCT FROM NEW.hash THEN
		why := 'its content is not its hash (or holds what the database cannot hash as fortnight does)';
	END IF;
	IF why IS NOT NULL THEN
		RAISE EXCEPTION 'review chain entry % refused: %', NEW.seq, why USING ERRCODE = 'integrity_constraint_violation';
	END IF;
	RETURN NEW;
END $$;

CREATE TRIGGER fortnight_chain_content BEFORE INSERT ON fortnight_chain
	FOR EACH ROW EXECUTE FUNCTION fortnight_chain_content();

-- §2 ---------------------------------------------------------------------------------------------------------

CREATE TABLE fortnight_chain_set_aside (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	team_id text NOT NULL REFERENCES fortnight_teams,
	seq bigint NOT NULL,
	kind text NOT NULL,
	case_ref text,
	prev_hash text NOT NULL,
	hash text NOT NULL,
	entry json NOT NULL,
	set_aside_at timestamptz NOT NULL DEFAULT now(),
	set_aside_by name NOT NULL DEFAULT session_user,
	reason text,
	-- The transaction that set it aside: 001's trigger lets that transaction alone delete the chain row.
	xact bigint NOT NULL DEFAULT txid_current()
);
CREATE INDEX fortnight_chain_set_aside_row ON fortnight_chain_set_aside (team_id, seq, xact);
REVOKE ALL ON fortnight_chain_set_aside FROM PUBLIC;

-- The record of what was set aside is kept: no update, delete or truncate (the owner may drop this trigger
-- deliberately, as for the chain itself).
CREATE FUNCTION fortnight_chain_set_aside_kept() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	RAISE EXCEPTION 'what was set aside from a review chain is kept: it cannot be changed or removed'
		USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER fortnight_chain_set_aside_kept BEFORE UPDATE OR DELETE ON fortnight_chain_set_aside
	FOR EACH ROW EXECUTE FUNCTION fortnight_chain_set_aside_kept();
CREATE TRIGGER fortnight_chain_set_aside_kept_whole BEFORE TRUNCATE ON fortnight_chain_set_aside
	FOR EACH STATEMENT EXECUTE FUNCTION fortnight_chain_set_aside_kept();

-- 001's function: still append-only, except for the rows fortnight_chain_set_aside has just recorded.
CREATE OR REPLACE FUNCTION fortnight_chain_append_only() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
	IF TG_OP = 'DELETE' AND EXISTS (
		SELECT 1 FROM fortnight_chain_set_aside s
		WHERE s.team_id = OLD.team_id AND s.seq = OLD.seq AND s.hash = OLD.hash AND s.xact = txid_current()
	) THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION 'the review chain is append-only: its entries cannot be changed or removed (the database''s owner sets aside a bad tail with fortnight_chain_set_aside)'
		USING ERRCODE = 'insufficient_privilege';
END $$;

-- Moves team `team`'s chain rows from `from_seq` on into fortnight_chain_set_aside; returns how many.
CREATE FUNCTION fortnight_chain_set_aside(team text, from_seq bigint, reason text DEFAULT NULL) RETURNS bigint
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	moved bigint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM fortnight_chain WHERE team_id = team AND seq = from_seq) THEN
		RAISE EXCEPTION 'team % has no review chain entry %: nothing set aside', team, from_seq USING ERRCODE = 'no_data_found';
	END IF;
	INSERT INTO fortnight_chain_set_aside (team_id, seq, kind, case_ref, prev_hash, hash, entry, reason)
		SELECT c.team_id, c.seq, c.kind, c.case_ref, c.prev_hash, c.hash, c.entry, fortnight_chain_set_aside.reason
		FROM fortnight_chain c WHERE c.team_id = team AND c.seq >= from_seq ORDER BY c.seq;
	DELETE FROM fortnight_chain WHERE team_id = team AND seq >= from_seq;
	GET DIAGNOSTICS moved = ROW_COUNT;
	RETURN moved;
END $$;
REVOKE ALL ON FUNCTION fortnight_chain_set_aside(text, bigint, text) FROM PUBLIC;

-- §3 ---------------------------------------------------------------------------------------------------------

-- Why `me` (a login's officer) may not act on `subject` on day `d` as `doing` ("review CR/1", ...), or null.
CREATE FUNCTION fortnight_supervised_refusal(t text, me text, subject text, d text, doing text) RETURNS text
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	day date;
BEGIN
	IF subject IS NULL THEN
		RETURN format('%s names no officer', doing);
	END IF;
	IF subject = me THEN
		RETURN format('%s cannot %s: it is about themselves, and no one supervises themselves', fortnight_officer_words(t, me), doing);
	END IF;
	BEGIN
		day := d::date;
	EXCEPTION WHEN OTHERS THEN
		RETURN format('%s has no date', doing);
	END;
	IF day IS NULL OR fortnight_supervises_as(t, me, subject, day) IS NULL THEN
		RETURN format('%s cannot %s: they do not supervise %s on %s', fortnight_officer_words(t, me), doing,
			fortnight_officer_words(t, subject), coalesce(d, 'no date'));
	END IF;
	RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION fortnight_supervised_refusal(text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fortnight_supervised_refusal(text, text, text, text, text) TO fortnight_officer;

-- The chain: a review (mayReviewCase: neither the review's officer nor the case's holder is the login's, and
-- the login supervises the review's officer on its date), an amendment (as a review of the amended review's
-- case, review/amend.ts), a performance decision (mayDecideTrigger) and a welfare-event record
-- (mayRecordWelfare). An amendment naming no review on the chain is left to fortnight's load checks. The owner (no officer of the team) is not asked.
CREATE FUNCTION fortnight_guard_chain_supervised() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := (SELECT l.officer_id FROM fortnight_logins l WHERE l.role_name = current_user AND l.team_id = NEW.team_id);
	entry jsonb;
	d jsonb;
	holder text;
	ref text;
	why text;
BEGIN
	IF me IS NULL THEN
		RETURN NEW;
	END IF;
	entry := fortnight_doc(NEW.entry);
	d := entry->'data';
	IF NEW.kind = 'review' THEN
		SELECT fortnight_doc(c.doc)->>'oicId' INTO holder FROM fortnight_cases c WHERE c.team_id = NEW.team_id AND c.key = d->>'caseRef';
		IF holder = me THEN
			why := format('%s cannot review %s: they hold it, and no one supervises their own cases', fortnight_officer_words(NEW.team_id, me), d->>'caseRef');
		ELSE
			why := fortnight_supervised_refusal(NEW.team_id, me, d->>'oicId', d->>'date', 'review ' || coalesce(d->>'caseRef', 'a case'));
		END IF;
	ELSIF NEW.kind = 'amendment' THEN
		-- review/amend.ts: who may amend is who may review the case that day; its holder (or, with no case
		-- row, the review's officer) judged, never the amender.
		SELECT a.entry->'data'->>'caseRef', coalesce(fortnight_doc(c.doc)->>'oicId', a.entry->'data'->>'oicId') INTO ref, holder
			FROM (SELECT fortnight_doc(x.entry) AS entry FROM fortnight_chain x
				WHERE x.team_id = NEW.team_id AND x.seq = (CASE WHEN d->>'amends' ~ '^[0-9]{1,18}$' THEN (d->>'amends')::bigint END)) AS a
			LEFT JOIN fortnight_cases c ON c.team_id = NEW.team_id AND c.key = a.entry->'data'->>'caseRef';
		IF holder = me THEN
			why := format('%s cannot amend a review of %s: they hold it, and no one supervises their own cases', fortnight_officer_words(NEW.team_id, me), ref);
		ELSIF holder IS NOT NULL THEN
			why := fortnight_supervised_refusal(NEW.team_id, me, holder, d->>'date', 'amend a review of ' || ref);
		END IF;
	ELSIF NEW.kind = 'performance-decision' THEN
		why := fortnight_supervised_refusal(NEW.team_id, me, d->>'officerId', d->>'date', 'decide a performance trigger');
	ELSIF NEW.kind = 'record' AND d->>'record' = 'welfare-event' THEN
		why := fortnight_supervised_refusal(NEW.team_id, me, d->'event'->>'officerId', d->'event'->>'date', 'record a welfare event');
	END IF;
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '% (chain entry %)', why, NEW.seq USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER fortnight_chain_supervised BEFORE INSERT ON fortnight_chain
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_chain_supervised();

-- Welfare events (mayRecordWelfare) and concerns (raised by who supervises the officer, in a review): a row
-- added, or changed in what it says, is about another officer whom the writer supervises on its date.
CREATE FUNCTION fortnight_guard_supervised() RETURNS trigger LANGUAGE plpgsql
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text;
	doc jsonb := fortnight_doc(NEW.doc);
	why text;
BEGIN
	IF TG_OP = 'UPDATE' AND doc = fortnight_doc(OLD.doc) THEN
		RETURN NEW;
	END IF;
	me := fortnight_officer_of(current_user, NEW.team_id);
	IF me IS NULL THEN
		RETURN NEW;
	END IF;
	why := fortnight_supervised_refusal(NEW.team_id, me, doc->>'officerId', doc->>'date',
		CASE TG_TABLE_NAME WHEN 'fortnight_concerns' THEN 'record a concern' ELSE 'record a welfare event' END);
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER fortnight_welfare_events_supervised BEFORE INSERT OR UPDATE ON fortnight_welfare_events
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_supervised();
CREATE TRIGGER fortnight_concerns_supervised BEFORE INSERT OR UPDATE ON fortnight_concerns
	FOR EACH ROW EXECUTE FUNCTION fortnight_guard_supervised();

-- §4 ---------------------------------------------------------------------------------------------------------

-- 016's function: the cover branch only while the reader still covers that line manager today.
CREATE OR REPLACE FUNCTION fortnight_reads_welfare(t text, o text, author text, d date, who name) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	me text := fortnight_officer_of(who, t);
	manager text;
BEGIN
	IF me IS NULL THEN
		RETURN false;
	END IF;
	IF author = me THEN
		RETURN true;
	END IF;
	IF o = me THEN
		RETURN false;
	END IF;
	manager := fortnight_line_manager_on(t, o, d);
	RETURN manager = me OR (fortnight_covers_on(t, manager, me, d) AND fortnight_covers_on(t, manager, me, fortnight_today()));
END $$;
