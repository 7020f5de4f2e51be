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
"""
import hashlib
import json
import os
import re
import sys

HASHED = ("seq", "prevHash", "kind", "signedAt", "data", "author")


def chain_of(path):
    """The whole chain, and the state's working set (None for a one-file store), or a reason it cannot be read."""
    with open(path, encoding="utf-8") as f:
        state = json.load(f)
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
    head = f"{len(chain) - 1}:{prev}" if chain else "empty"
    print(f"OK: {len(chain)} entries, every hash and link holds; head {head}")
    return 0


def fail(i, why):
    print(f"BROKEN: entry {i}: {why}")
    return 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
