#!/usr/bin/env python3
"""Re-check a fortnight store's review chain with nothing but Python's standard library.

Usage: python3 docs/audit-chain.py STORE.json

A store is two files: STORE.json (the state) and STORE.chain.jsonl beside it (beside the real file
when STORE.json is a symbolic link), the chain, one entry a line. The state's "chainLog" says how many
entries and bytes of the chain file are committed; bytes after that were never saved and are ignored,
as fortnight ignores them. A store written as one file (before the split, or by "fortnight store
export --single-file") holds the whole chain in its own "chain" list and has no "chainLog".

Each chain entry's hash is the SHA-256 of the canonical JSON of its fields seq, prevHash, kind,
signedAt, data (and author, on a signed entry): keys sorted, no white space, UTF-8. Each entry's
prevHash is the hash of the entry before it (64 zeros for the first). The state's own "chain" list
(the working set the rules read) must hold the same entries as the chain file at the same sequence
numbers. Exit 0 and print the head (SEQ:HASH, as fortnight log and verify print it) when every link
holds; exit 1 naming the first broken entry otherwise. Signatures are checked with openssl (see the
README's audit section).

Supervisory records (README, "Signed records"): an entry of kind "record" holds a bail event, a welfare
event, a reallocation or an absence (added, changed, ended, cancelled) exactly as the state keeps it,
with "by", who recorded it, which must be the entry's author when it is signed. Every such record in
the state (a case's bailEvents, its allocations after the first, welfareEvents, absences) must be the
one a record entry holds, or have been recorded before records were signed (counted and printed);
one dated after the first record entry or key enrolment that no entry holds, or an absence that
differs from its last record, fails, as in fortnight verify. So does a signed review's own check-in
(welfare event w-r<seq>) that is not what the review signed, a case whose next review date is later
than its last review (or that review's amendment) set, and a bail period end later than the case's last
signed extension set.
"""
import hashlib
import json
import os
import re
import sys

HASHED = ("seq", "prevHash", "kind", "signedAt", "data", "author")


LIST_IDS = {
    "officers": "id",
    "absences": "id",
    "cases": "ref",
    "welfareEvents": "id",
    "concerns": "id",
    "actionPlans": "id",
    "drafts": "caseRef",
    "chain": "seq",
}


def state_of(path):
    """The state as saved: the state file with its journal's lines replayed (README "The journal").

    A save appends one line to STORE.journal.jsonl instead of rewriting the state file. Each line is its
    JSON with a SHA-256 of that text as the last field; the first line names the SHA-256 of the state file
    it continues (a journal naming another state is one a compaction already holds, and is ignored); a
    last line without its newline is a torn write, ignored as fortnight ignores it.
    """
    with open(path, "rb") as f:
        raw = f.read()
    state = json.loads(raw.decode("utf-8"))
    journal = re.sub(r"(\.json)?$", ".journal.jsonl", os.path.realpath(path), count=1, flags=re.IGNORECASE)
    try:
        with open(journal, "rb") as f:
            text = f.read().decode("utf-8")
    except FileNotFoundError:
        return state
    lines = text.split("\n")[:-1]
    bodies = []
    for n, line in enumerate(lines):
        m = re.fullmatch(r'(.*),"hash":"([0-9a-f]{64})"\}', line, flags=re.S)
        if not m or hashlib.sha256((m.group(1) + "}").encode("utf-8")).hexdigest() != m.group(2):
            raise ValueError(f"line {n + 1} of the journal {journal} does not match its hash")
        body = json.loads(m.group(1) + "}")
        if n > 0 and body.get("prev") != prev:
            raise ValueError(f"line {n + 1} of the journal {journal} does not link to the line before it")
        prev = m.group(2)
        bodies.append(body)
    if not bodies or bodies[0].get("state") != hashlib.sha256(raw).hexdigest():
        return state
    for body in bodies[1:]:
        values = dict(state)
        values.update(body["set"])
        for key, delta in body["lists"].items():
            ident = LIST_IDS[key]
            dropped = set(delta["drop"])
            put = {r[ident]: r for r in delta["put"]}
            items = [put.get(r[ident], r) for r in values[key] if r[ident] not in dropped]
            values[key] = items + delta["add"]
        state = {k: values[k] for k in body["keys"]}
    return state


def chain_of(path):
    """The whole chain, and the state's working set (None for a one-file store), or a reason it cannot be read."""
    try:
        state = state_of(path)
    except ValueError as e:
        return None, None, str(e)
    log = state.get("chainLog")
    if log is None:
        return state["chain"], None, None
    chain_file = re.sub(r"(\.json)?$", ".chain.jsonl", os.path.realpath(path), count=1, flags=re.IGNORECASE)
    try:
        with open(chain_file, "rb") as f:
            committed = f.read(log["bytes"])
    except OSError as e:
        return None, None, f"the chain file {chain_file} cannot be read ({e.strerror})"
    if len(committed) < log["bytes"]:
        return None, None, f"the chain file {chain_file} is shorter than the state records ({len(committed)} of {log['bytes']} bytes)"
    lines = committed.decode("utf-8").splitlines()
    if len(lines) != log["entries"]:
        return None, None, f"the chain file holds {len(lines)} committed entries; the state records {log['entries']}"
    chain = []
    for n, line in enumerate(lines):
        try:
            chain.append(json.loads(line))
        except ValueError:
            return None, None, f"line {n + 1} of the chain file {chain_file} is not a JSON entry"
    return chain, state.get("chain", []), None


def main(path):
    chain, working, problem = chain_of(path)
    if problem:
        print(f"BROKEN: {problem}")
        return 1
    prev = "0" * 64
    for i, entry in enumerate(chain):
        body = {k: entry[k] for k in HASHED if k in entry}
        canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(canon.encode("utf-8")).hexdigest()
        if entry.get("seq") != i:
            return fail(i, "its sequence number is not its position (an entry was removed, added or moved)")
        if entry.get("prevHash") != prev:
            return fail(i, "it does not link to the entry before it")
        if digest != entry.get("hash"):
            return fail(i, "its content does not match its hash (altered after signing)")
        prev = entry["hash"]
    for entry in working or []:
        seq = entry.get("seq")
        if not isinstance(seq, int) or seq < 0 or seq >= len(chain) or chain[seq] != entry:
            return fail(seq, "the state's copy of it differs from the chain file's")
    counts, problem = check_records(state_of(path), chain)
    if problem:
        print(f"BROKEN: {problem}")
        return 1
    head = f"{len(chain) - 1}:{prev}" if chain else "empty"
    print(f"OK: {len(chain)} entries, every hash and link holds; head {head}")
    print(
        f"Supervisory records: {counts['signed']} signed, {counts['hashed']} in the chain hashed only, "
        f"{counts['before']} recorded before signatures (not in the chain)"
    )
    return 0


def check_records(state, chain):
    """The state's supervisory records against the chain's record entries (source/domain/record-check.ts)."""
    signed_key, last_absence, check_ins = {}, {}, {}
    # Each case's signed next review date: its last review's, or an amendment of that review correcting it
    # (source/domain/signed-next-review.ts).
    next_review, review_case = {}, {}  # review_case: each case's last review's seq
    last_extension = {}  # each case's last signed bail extension: (period end, seq)
    starts = []
    for e in chain:
        d = e["data"]
        if e["kind"] == "review":
            next_review[d["caseRef"]] = (d["nextReviewDue"], f"entry {e['seq']}")
            review_case[d["caseRef"]] = e["seq"]
        elif e["kind"] == "amendment" and "nextReviewDue" in d["corrections"]:
            ref = next((r for r, seq in review_case.items() if seq == d["amends"]), None)
            if ref is not None:  # only the case's last review's date can be amended
                next_review[ref] = (d["corrections"]["nextReviewDue"], f"entry {e['seq']} (amending entry {d['amends']})")
        if e["kind"] == "record":
            if "author" in e and e["author"] != d["by"]:
                return None, f"entry {e['seq']} is signed by {e['author']} but records {d['by']} as recording it"
            starts.append(e["signedAt"])
            if d["record"] == "absence":
                last_absence[d["absence"]["id"]] = e
            else:
                signed_key[key_of(d)] = e
            if d["record"] == "bail-event" and d["event"]["event"] == "extended" and d["event"]["periodEnd"] is not None:
                last_extension[d["caseRef"]] = (d["event"]["periodEnd"], e["seq"])
        elif e["kind"] == "enrolment":
            starts.append(e["signedAt"])
        elif e["kind"] == "review" and d.get("welfareCheckIn"):
            check_ins[e["seq"]] = d
    since = min(starts) if starts else None
    counts = {"signed": 0, "hashed": 0, "before": 0}

    def tally(entry, at, what):
        if entry is not None:
            counts["signed" if "sig" in entry else "hashed"] += 1
        elif since is not None and at is not None and at > since[: len(at)]:
            return f"{what}, recorded {at}, is not in the chain, though every record made since {since} is"
        else:
            counts["before"] += 1
        return None

    found = []
    for c in state.get("cases", []):
        for ev in c.get("bailEvents", []):
            k = key_of({"record": "bail-event", "caseRef": c["ref"], "event": ev})
            found.append(tally(signed_key.get(k), ev["recordedAt"], f"a bail event ({ev['event']}) on {c['ref']}"))
        for a in c.get("allocations", [])[1:]:
            # As supervisory-records.ts allocationRecord: `recordedOn` only when recorded (older records lack it).
            alloc = {k: a[k] for k in ("officerId", "from", "by", "reason", "recordedAt", "recordedOn") if k in a}
            k = key_of({"record": "reallocation", "caseRef": c["ref"], "allocation": alloc})
            found.append(tally(signed_key.get(k), a["recordedAt"], f"the reallocation of {c['ref']} to {a['officerId']}"))
    for ev in state.get("welfareEvents", []):
        m = re.fullmatch(r"w-r(\d+)", ev["id"])
        if m:
            # A signed review's own check-in: it must be what the review signed (who, when, by whom).
            r = check_ins.get(int(m.group(1)))
            if r is None:
                found.append(f"welfare event {ev['id']} is a review's check-in, but entry {m.group(1)} is no review recording one")
            elif (ev["kind"], ev["officerId"], ev["date"], ev["by"]) != ("check-in", r["oicId"], r["date"], r["reviewerId"]):
                found.append(f"welfare event {ev['id']} differs from the check-in review entry {m.group(1)} signed")
            continue
        found.append(tally(signed_key.get(key_of({"record": "welfare-event", "event": ev})), ev["date"], f"welfare event {ev['id']}"))
    for c in state.get("cases", []):
        signed = next_review.get(c["ref"])
        if signed is not None and c["nextReviewDue"] > signed[0]:
            found.append(
                f"{c['ref']}'s next review date {c['nextReviewDue']} is later than the {signed[0]} its signed record set "
                f"({signed[1]}): the next review date was changed outside fortnight"
            )
        extensions = (c.get("bail") or {}).get("extensions") or []
        ext = last_extension.get(c["ref"])
        if extensions and ext is not None and extensions[-1]["periodEnd"] > ext[0]:
            found.append(
                f"{c['ref']}'s bail period end {extensions[-1]['periodEnd']} is later than the {ext[0]} its last signed "
                f"extension set (entry {ext[1]}): the bail period was changed outside fortnight"
            )
    present = set()
    for a in state.get("absences", []):
        present.add(a["id"])
        e = last_absence.get(a["id"])
        if e is None:
            found.append(tally(None, a["recordedAt"], f"absence {a['id']}"))
        elif e["data"]["action"] == "cancelled":
            found.append(f"absence {a['id']} is in the store, but entry {e['seq']} records it cancelled")
        elif e["data"]["absence"] != a:
            found.append(f"absence {a['id']} differs from its last record (entry {e['seq']})")
        else:
            found.append(tally(e, None, ""))
    for aid, e in last_absence.items():
        if e["data"]["action"] != "cancelled" and aid not in present:
            found.append(f"absence {aid} is recorded in entry {e['seq']} but is not in the store")
    problems = [p for p in found if p]
    return counts, (problems[0] if problems else None)


def key_of(record):
    """A record's content without who recorded it, as canonical JSON (who is checked against the signature)."""
    body = {k: v for k, v in record.items() if k not in ("by", "fromOfficerId")}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def fail(i, why):
    print(f"BROKEN: entry {i}: {why}")
    return 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
