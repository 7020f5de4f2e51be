-- The supervision guard (004) runs only when an update touches what it guards (README "PostgreSQL";
-- issue 19's bench: "signing within 2x of a bare INSERT round trip").
-- Every change bumps the team row's revision (fortnight_write_change, 006), so 004's trigger ran on every
-- signing: a PL/pgSQL call that looks up the writer's officer, reads the record's sergeantId and
-- inspectorId and casts both supervision histories to jsonb, some 0.08 ms of the statement's 0.8 ms of
-- server time, to find nothing changed. It now fires only when the update changes the team record's
-- text, sergeant_id or inspector_id: an update that changes none of them leaves the supervision history
-- and the columns the access rules read exactly as they were, so there is nothing for it to refuse.
-- What it refuses is unchanged: an officer still cannot change who supervises the team, nor set
-- sergeant_id or inspector_id apart from the record (changing either column fires the trigger).

DROP TRIGGER fortnight_teams_supervision ON fortnight_teams;
CREATE TRIGGER fortnight_teams_supervision BEFORE UPDATE ON fortnight_teams
	FOR EACH ROW
	WHEN (OLD.team::text IS DISTINCT FROM NEW.team::text
		OR OLD.sergeant_id IS DISTINCT FROM NEW.sergeant_id
		OR OLD.inspector_id IS DISTINCT FROM NEW.inspector_id)
	EXECUTE FUNCTION fortnight_guard_supervision();
