#!/usr/bin/env python3
"""Re-check a fortnight store's review chain with nothing but Python's standard library.

Usage: python3 docs/audit-chain.py STORE.json

Each chain entry's hash is the SHA-256 of the canonical JSON of its fields seq, prevHash, kind,
signedAt, data (and author, on a signed entry): keys sorted, no white space, UTF-8. Each entry's
prevHash is the hash of the entry before it (64 zeros for the first). Exit 0 and print the head
(SEQ:HASH, as fortnight log and verify print it) when every link holds; exit 1 naming the first
broken entry otherwise. Signatures are checked with openssl (see the README's audit section).
"""
import hashlib
import json
import sys

HASHED = ("seq", "prevHash", "kind", "signedAt", "data", "author")


def main(path):
    with open(path, encoding="utf-8") as f:
        chain = json.load(f)["chain"]
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
