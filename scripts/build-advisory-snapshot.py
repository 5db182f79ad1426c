#!/usr/bin/env python3
"""Builds data/advisories/osv-snapshot.json, the small set of AI-relevant OSV advisories that
aisec ships so that a scan finds real vulnerabilities offline without a database.

Usage: scripts/build-advisory-snapshot.py OSV_DIR [OUT]

OSV_DIR holds the copied advisory folders (pypi/<package>/, ghsa-pypi/, go/, malicious/).
Records are kept unchanged, minified, sorted by id. Packages that only repeat another
package's advisories under a second name (tensorflow-cpu, tensorflow-gpu) are left out to keep
the snapshot small; a full import covers them.
"""
import json
import os
import sys

SKIP_PACKAGES = {"tensorflow-cpu", "tensorflow-gpu"}
FOLDERS = ["pypi", "ghsa-pypi", "go", "malicious"]


def records(root):
    for folder in FOLDERS:
        base = os.path.join(root, folder)
        for dirpath, _, files in os.walk(base):
            rel = os.path.relpath(dirpath, base).split(os.sep)
            if folder == "pypi" and rel[0] in SKIP_PACKAGES:
                continue
            for name in sorted(files):
                if not name.endswith(".json"):
                    continue
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    rec = json.load(f)
                # Staging records (MAL-0000-*) and withdrawn ones are never shipped.
                if rec["id"].startswith("MAL-0000-") or rec.get("withdrawn"):
                    continue
                yield rec


def main():
    root = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "data", "advisories", "osv-snapshot.json")
    recs = sorted(records(root), key=lambda r: r["id"])
    with open(out, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in recs))
        f.write("\n]\n")
    print(f"{len(recs)} records, {os.path.getsize(out)} bytes -> {out}")


if __name__ == "__main__":
    main()
