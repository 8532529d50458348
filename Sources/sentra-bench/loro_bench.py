#!/usr/bin/env python3
"""Loro comparison benchmark for sentra-bench.

Usage: python3 loro_bench.py RECORDS.ndjson

Input: one JSON object per line, {"id": "<record id>", "fields": {name: value}},
where values are plain JSON (strings, numbers, booleans, string arrays, small
objects).

Measures, with the Loro CRDT library (PyPI `loro`), each step run once except
import, which is run 3 times into fresh docs and the best time reported:
  write   - insert every record into an in-memory LoroDoc: root map "records",
            one child LoroMap per record id, one plain-value entry per field;
            commit once per 1000 records (like Sentra's 1000-record transactions).
  export  - export all updates from the empty version (ExportMode.Updates).
  import  - a fresh LoroDoc imports those update bytes (applying pulled changes).
Also reports update size (raw and gzip -6), the size of the same records as
plain JSON (raw and gzip -6), whether the imported doc converged to the same
deep value, and peak RSS.

Output: exactly one JSON object on stdout. If `loro` cannot be imported it is
{"available": false, "reason": "..."} with exit status 0. Unreadable or
malformed input gives a one-line message on stderr and exit status 1.
"""
import gzip
import importlib.metadata
import json
import resource
import sys
import time

try:
    from loro import ExportMode, LoroDoc, LoroMap, VersionVector
except ImportError as exc:
    print(json.dumps({"available": False, "reason": f"cannot import loro: {exc}"}))
    sys.exit(0)

COMMIT_EVERY = 1000
IMPORT_RUNS = 3


def load_records(path):
    """Return a list of (id, fields) pairs from an NDJSON file."""
    records = []
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                records.append((obj["id"], obj["fields"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"line {line_no}: bad record ({exc})") from None
    return records


def write_doc(records):
    doc = LoroDoc()
    root = doc.get_map("records")
    for n, (record_id, fields) in enumerate(records, 1):
        child = root.insert_container(record_id, LoroMap())
        for name, value in fields.items():
            child.insert(name, value)
        if n % COMMIT_EVERY == 0:
            doc.commit()
    doc.commit()
    return doc


def main(argv):
    if len(argv) != 2:
        print("usage: loro_bench.py RECORDS.ndjson", file=sys.stderr)
        return 2
    try:
        records = load_records(argv[1])
    except (OSError, ValueError) as exc:
        print(f"loro_bench: cannot read {argv[1]}: {exc}", file=sys.stderr)
        return 1
    field_values = sum(len(fields) for _, fields in records)

    t0 = time.perf_counter()
    doc = write_doc(records)
    write_seconds = time.perf_counter() - t0

    t0 = time.perf_counter()
    updates = doc.export(ExportMode.Updates(VersionVector()))  # from empty version
    export_seconds = time.perf_counter() - t0

    import_seconds = float("inf")
    for _ in range(IMPORT_RUNS):
        fresh = None  # free the previous copy before building the next one
        fresh = LoroDoc()
        t0 = time.perf_counter()
        fresh.import_(updates)
        import_seconds = min(import_seconds, time.perf_counter() - t0)

    converged = fresh.get_deep_value() == doc.get_deep_value()

    plain_json = json.dumps(
        [{"id": record_id, **fields} for record_id, fields in records],
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()

    result = {
        "available": True,
        "loro_version": importlib.metadata.version("loro"),
        "records": len(records),
        "field_values": field_values,
        "write_seconds": write_seconds,
        "export_seconds": export_seconds,
        "update_bytes": len(updates),
        "update_gzip_bytes": len(gzip.compress(updates, compresslevel=6)),
        "import_seconds": import_seconds,
        "import_field_changes_per_second": field_values / import_seconds if import_seconds > 0 else None,
        "plain_json_bytes": len(plain_json),
        "plain_json_gzip_bytes": len(gzip.compress(plain_json, compresslevel=6)),
        "converged": converged,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
